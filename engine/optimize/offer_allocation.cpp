#include "optimize/offer_allocation.h"

#include "core/rank.h"

#include <stdexcept>

namespace cwb::engine {

namespace {

// Each user's best offer at price lambda; returns the total cost.
double choose(const Eigen::MatrixXd& v, const Eigen::MatrixXd& c, double lambda, std::vector<int>& choice)
{
    double total = 0;
    for (Eigen::Index i = 0; i < v.rows(); ++i) {
        int best = -1;
        double bestScore = 0;
        for (Eigen::Index j = 0; j < v.cols(); ++j) {
            const double s = v(i, j) - lambda * c(i, j);
            if (s > bestScore) {
                bestScore = s;
                best = static_cast<int>(j);
            }
        }
        choice[static_cast<std::size_t>(i)] = best;
        if (best >= 0) total += c(i, best);
    }
    return total;
}

} // namespace

Allocation allocateOffers(const Eigen::MatrixXd& v, const Eigen::MatrixXd& c, const AllocationParams& p)
{
    if (v.rows() != c.rows() || v.cols() != c.cols()) throw std::invalid_argument("allocateOffers: profit and cost differ in shape");
    if (c.size() > 0 && c.minCoeff() < 0) throw std::invalid_argument("allocateOffers: a negative cost");
    if (p.budget < 0) throw std::invalid_argument("allocateOffers: a negative budget");
    Allocation out;
    out.choice.assign(static_cast<std::size_t>(v.rows()), -1);
    double cost = choose(v, c, 0.0, out.choice);
    if (p.budget > 0 && cost > p.budget) {
        // Bisection on lambda: cost(lambda) does not increase with lambda.
        double lo = 0, hi = 1;
        std::vector<int> trial(out.choice.size());
        while (choose(v, c, hi, trial) > p.budget) hi *= 2;
        for (int k = 0; k < p.bisections; ++k) {
            const double mid = 0.5 * (lo + hi);
            (choose(v, c, mid, trial) > p.budget ? lo : hi) = mid;
        }
        out.lambda = hi;
        cost = choose(v, c, hi, out.choice);
        // Fill what is left of the budget, best profit per cost first.
        Eigen::VectorXd key = Eigen::VectorXd::Constant(v.rows(), -1.0);
        std::vector<int> bestOffer(out.choice.size(), -1);
        for (Eigen::Index i = 0; i < v.rows(); ++i) {
            if (out.choice[static_cast<std::size_t>(i)] >= 0) continue;
            for (Eigen::Index j = 0; j < v.cols(); ++j) {
                if (!(v(i, j) > 0)) continue;
                const double k = v(i, j) / std::max(c(i, j), 1e-12);
                if (k > key[i]) {
                    key[i] = k;
                    bestOffer[static_cast<std::size_t>(i)] = static_cast<int>(j);
                }
            }
        }
        for (Eigen::Index i : rankDescending(key)) {
            const int j = bestOffer[static_cast<std::size_t>(i)];
            if (j < 0) break;
            if (cost + c(i, j) <= p.budget) {
                out.choice[static_cast<std::size_t>(i)] = j;
                cost += c(i, j);
            }
        }
    }
    out.usersPerOffer.assign(static_cast<std::size_t>(v.cols()), 0);
    for (Eigen::Index i = 0; i < v.rows(); ++i) {
        const int j = out.choice[static_cast<std::size_t>(i)];
        if (j < 0) continue;
        out.profit += v(i, j);
        ++out.usersPerOffer[static_cast<std::size_t>(j)];
    }
    out.cost = cost;
    return out;
}

} // namespace cwb::engine
