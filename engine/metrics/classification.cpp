#include "metrics/classification.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

namespace cwb::engine {

double rocAuc(const Eigen::VectorXd& score, const Eigen::VectorXd& y)
{
    const Eigen::Index n = score.size();
    std::vector<Eigen::Index> order(static_cast<std::size_t>(n));
    std::iota(order.begin(), order.end(), Eigen::Index(0));
    std::sort(order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index b) { return score[a] < score[b]; });
    double rankSumPos = 0, positives = 0;
    for (Eigen::Index i = 0; i < n;) {
        Eigen::Index j = i;
        while (j + 1 < n && score[order[static_cast<std::size_t>(j + 1)]] == score[order[static_cast<std::size_t>(i)]]) ++j;
        const double rank = 0.5 * double(i + j) + 1.0;   // average rank of the tie group
        for (Eigen::Index t = i; t <= j; ++t)
            if (y[order[static_cast<std::size_t>(t)]] > 0.5) {
                rankSumPos += rank;
                positives += 1;
            }
        i = j + 1;
    }
    const double negatives = double(n) - positives;
    if (positives == 0 || negatives == 0) return std::numeric_limits<double>::quiet_NaN();
    return (rankSumPos - positives * (positives + 1) / 2.0) / (positives * negatives);
}

double logLoss(const Eigen::VectorXd& p, const Eigen::VectorXd& y)
{
    double sum = 0;
    for (Eigen::Index i = 0; i < p.size(); ++i) {
        const double q = std::clamp(p[i], 1e-15, 1.0 - 1e-15);
        sum -= y[i] * std::log(q) + (1.0 - y[i]) * std::log(1.0 - q);
    }
    return p.size() ? sum / double(p.size()) : std::numeric_limits<double>::quiet_NaN();
}

double brierScore(const Eigen::VectorXd& p, const Eigen::VectorXd& y)
{
    return p.size() ? (p - y).squaredNorm() / double(p.size()) : std::numeric_limits<double>::quiet_NaN();
}

} // namespace cwb::engine
