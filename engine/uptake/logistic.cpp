#include "uptake/logistic.h"

#include "core/cancel.h"
#include "core/parallel.h"

#include <cmath>
#include <limits>
#include <stdexcept>

namespace cwb::engine {

using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;

namespace {

constexpr Index kChunk = 8192;

// log(1 + exp(z)) without overflow.
double log1pExp(double z) { return z > 0 ? z + std::log1p(std::exp(-z)) : std::log1p(std::exp(z)); }

struct Design {
    const MatrixXd& x;
    VectorXd mean, scale;   // standardisation (mean 0 / scale 1 when off)
    // Rows [b, e) of the standardised design with a leading column of ones for
    // the intercept, built column by column (x is column-major).
    void block(Index b, Index e, MatrixXd& z) const
    {
        z.resize(e - b, x.cols() + 1);
        z.col(0).setOnes();
        for (Index j = 0; j < x.cols(); ++j)
            z.col(j + 1) = ((x.col(j).segment(b, e - b).array() - mean[j]) / scale[j]).matrix();
    }
};

// Objective, gradient and Hessian at theta = (intercept, beta) in standardised space.
double evaluate(const Design& d, const VectorXd& y, const VectorXd* w, const VectorXd& theta, double l2, int threads,
                VectorXd* grad, MatrixXd* hess)
{
    const Index n = d.x.rows(), q = theta.size();
    const Index chunks = chunkCount(n, kChunk);
    std::vector<double> partObj(static_cast<std::size_t>(chunks), 0.0);
    std::vector<VectorXd> partGrad(grad ? static_cast<std::size_t>(chunks) : 0);
    std::vector<MatrixXd> partHess(hess ? static_cast<std::size_t>(chunks) : 0);
    parallelFor(n, kChunk, [&](std::int64_t b, std::int64_t e, std::int64_t c) {
        // The chunk's standardised design, so that gradient and Hessian are matrix products.
        MatrixXd z;
        d.block(b, e, z);
        const VectorXd eta = z * theta;
        VectorXd r(grad ? e - b : 0), h(hess ? e - b : 0);
        double obj = 0;
        for (Index i = b; i < e; ++i) {
            const double wi = w ? (*w)[i] : 1.0;
            const double et = eta[i - b];
            // One exponential for both log(1 + exp(et)) and the probability.
            const double ex = std::exp(-std::fabs(et));
            obj += wi * ((et > 0 ? et : 0.0) + std::log1p(ex) - y[i] * et);
            if (!grad && !hess) continue;
            const double p = et >= 0 ? 1.0 / (1.0 + ex) : ex / (1.0 + ex);
            if (grad) r[i - b] = wi * (p - y[i]);
            if (hess) h[i - b] = std::sqrt(wi * p * (1.0 - p));
        }
        partObj[static_cast<std::size_t>(c)] = obj;
        if (grad) partGrad[static_cast<std::size_t>(c)] = z.transpose() * r;
        if (hess) {
            // Z' diag(h^2) Z as a symmetric rank update of (diag(h) Z): half the work of a full product.
            z.array().colwise() *= h.array();
            MatrixXd& part = partHess[static_cast<std::size_t>(c)];
            part = MatrixXd::Zero(q, q);
            part.selfadjointView<Eigen::Lower>().rankUpdate(z.transpose());
        }
    }, threads);
    double obj = 0;
    for (double v : partObj) obj += v;
    obj += 0.5 * l2 * theta.tail(q - 1).squaredNorm();
    if (grad) {
        *grad = VectorXd::Zero(q);
        for (const VectorXd& g : partGrad) *grad += g;
        grad->tail(q - 1) += l2 * theta.tail(q - 1);
    }
    if (hess) {
        *hess = MatrixXd::Zero(q, q);
        for (const MatrixXd& h : partHess) *hess += h;
        *hess = hess->selfadjointView<Eigen::Lower>();
        hess->diagonal().tail(q - 1).array() += l2;
    }
    return obj;
}

} // namespace

double logisticObjective(const MatrixXd& x, const VectorXd& y, const VectorXd* weights, double intercept, const VectorXd& beta,
                         double l2, VectorXd* gradient)
{
    const VectorXd z = (x * beta).array() + intercept;
    double obj = 0;
    VectorXd r(x.rows());
    for (Index i = 0; i < x.rows(); ++i) {
        const double w = weights ? (*weights)[i] : 1.0;
        obj += w * (log1pExp(z[i]) - y[i] * z[i]);
        r[i] = w * (sigmoid(z[i]) - y[i]);
    }
    obj += 0.5 * l2 * beta.squaredNorm();
    if (gradient) {
        gradient->resize(beta.size() + 1);
        (*gradient)[0] = r.sum();
        gradient->tail(beta.size()) = x.transpose() * r + l2 * beta;
    }
    return obj;
}

double sigmoid(double z) { return z >= 0 ? 1.0 / (1.0 + std::exp(-z)) : std::exp(z) / (1.0 + std::exp(z)); }

std::vector<std::string> LogisticParams::validate() const
{
    std::vector<std::string> problems;
    if (!(l2 >= 0)) problems.push_back("the L2 penalty must not be negative");
    if (maxIter < 1) problems.push_back("the iteration limit must be at least 1");
    if (!(tol > 0)) problems.push_back("the tolerance must be positive");
    return problems;
}

LogisticModel LogisticModel::fit(const MatrixXd& x, const VectorXd& y, const LogisticParams& p, const VectorXd* weights)
{
    if (auto problems = p.validate(); !problems.empty()) throw std::invalid_argument(problems.front());
    if (y.size() != x.rows() || (weights && weights->size() != x.rows()))
        throw std::invalid_argument("rows, outcomes and weights differ in length");
    if (x.rows() == 0) throw std::invalid_argument("no rows to fit");
    const Index n = x.rows(), cols = x.cols(), q = cols + 1;

    Design d{x, VectorXd::Zero(cols), VectorXd::Ones(cols)};
    if (p.standardize) {
        double wsum = 0;
        for (Index i = 0; i < n; ++i) wsum += weights ? (*weights)[i] : 1.0;
        for (Index j = 0; j < cols; ++j) {
            double m = 0, v = 0;
            for (Index i = 0; i < n; ++i) m += (weights ? (*weights)[i] : 1.0) * x(i, j);
            m /= wsum;
            for (Index i = 0; i < n; ++i) v += (weights ? (*weights)[i] : 1.0) * (x(i, j) - m) * (x(i, j) - m);
            const double sd = std::sqrt(v / wsum);
            d.mean[j] = m;
            d.scale[j] = sd > 1e-12 ? sd : 1.0;
        }
    }

    VectorXd theta = VectorXd::Zero(q);
    double ybar = 0, wsum = 0;
    for (Index i = 0; i < n; ++i) {
        const double wi = weights ? (*weights)[i] : 1.0;
        ybar += wi * y[i];
        wsum += wi;
    }
    ybar /= wsum;
    if (ybar > 0 && ybar < 1) theta[0] = std::log(ybar / (1 - ybar));   // start at the base rate

    LogisticModel m;
    VectorXd grad;
    MatrixXd hess;
    double obj = evaluate(d, y, weights, theta, p.l2, p.threads, &grad, &hess);
    for (int it = 1; it <= p.maxIter; ++it) {
        // Solve H step = -g; a tiny ridge keeps an unpenalised, separable fit solvable.
        MatrixXd hr = hess;
        hr.diagonal().array() += 1e-10;
        const VectorXd step = hr.ldlt().solve(-grad);
        double t = 1.0, next = obj;
        VectorXd candidate;
        for (int ls = 0; ls < 30; ++ls) {   // backtracking (Armijo)
            candidate = theta + t * step;
            next = evaluate(d, y, weights, candidate, p.l2, p.threads, nullptr, nullptr);
            if (next <= obj + 1e-4 * t * grad.dot(step)) break;
            t *= 0.5;
        }
        const double moved = (t * step).cwiseAbs().maxCoeff();
        theta = candidate;
        const double change = obj - next;
        obj = evaluate(d, y, weights, theta, p.l2, p.threads, &grad, &hess);
        m.iterations_ = it;
        if (p.progress && !p.progress(it, p.maxIter)) throw Cancelled();
        if (moved < p.tol || std::fabs(change) <= 1e-15 * std::max(1.0, std::fabs(obj))) {
            m.converged_ = true;
            break;
        }
    }
    m.objective_ = obj;
    m.stdCoef_ = theta.tail(cols);
    m.coef_ = (m.stdCoef_.array() / d.scale.array()).matrix();
    m.intercept_ = theta[0] - m.coef_.dot(d.mean);
    return m;
}

VectorXd LogisticModel::decision(const MatrixXd& x) const
{
    // In row blocks, so that each block's sums stay in cache while the columns stream past.
    VectorXd z(x.rows());
    parallelFor(x.rows(), kChunk, [&](std::int64_t b, std::int64_t e, std::int64_t) {
        z.segment(b, e - b).noalias() = x.middleRows(b, e - b) * coef_;
        z.segment(b, e - b).array() += intercept_;
    });
    return z;
}

VectorXd LogisticModel::predictProba(const MatrixXd& x) const
{
    VectorXd z(x.rows());
    parallelFor(x.rows(), kChunk, [&](std::int64_t b, std::int64_t e, std::int64_t) {
        auto block = z.segment(b, e - b);
        block.noalias() = x.middleRows(b, e - b) * coef_;
        for (Index i = 0; i < block.size(); ++i) block[i] = sigmoid(block[i] + intercept_);
    });
    return z;
}

LogisticModel LogisticModel::fromCoefficients(VectorXd coef, double intercept, VectorXd stdCoef)
{
    LogisticModel m;
    m.coef_ = std::move(coef);
    m.intercept_ = intercept;
    m.stdCoef_ = std::move(stdCoef);
    m.converged_ = true;
    return m;
}

} // namespace cwb::engine
