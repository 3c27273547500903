#pragma once
// Spearman's rank correlation for tests that check a ranking against a known
// truth (ties get their average rank).

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace cwb::test {

inline Eigen::VectorXd ranks(const Eigen::VectorXd& v)
{
    using Eigen::Index;
    std::vector<Index> order(static_cast<std::size_t>(v.size()));
    std::iota(order.begin(), order.end(), Index(0));
    std::sort(order.begin(), order.end(), [&](Index a, Index b) { return v[a] < v[b]; });
    Eigen::VectorXd r(v.size());
    for (Index i = 0; i < v.size();) {
        Index j = i;
        while (j + 1 < v.size() && v[order[static_cast<std::size_t>(j + 1)]] == v[order[static_cast<std::size_t>(i)]]) ++j;
        for (Index t = i; t <= j; ++t) r[order[static_cast<std::size_t>(t)]] = 0.5 * double(i + j);
        i = j + 1;
    }
    return r;
}

inline double spearman(const Eigen::VectorXd& a, const Eigen::VectorXd& b)
{
    const Eigen::VectorXd ra = ranks(a).array() - ranks(a).mean(), rb = ranks(b).array() - ranks(b).mean();
    return ra.dot(rb) / std::sqrt(ra.squaredNorm() * rb.squaredNorm());
}

} // namespace cwb::test
