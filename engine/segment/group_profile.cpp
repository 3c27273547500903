#include "segment/group_profile.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace cwb::engine {

PopulationProfile profilePopulation(const Eigen::MatrixXd& x)
{
    PopulationProfile p;
    const double n = std::max<double>(1.0, double(x.rows()));
    p.mean = x.colwise().sum().transpose() / n;
    p.sd = ((x.rowwise() - p.mean.transpose()).array().square().colwise().sum() / n).sqrt().transpose();
    return p;
}

std::vector<GroupProfile> profileGroups(const Eigen::MatrixXd& x, const std::vector<int>& labels, int groups,
                                        double threshold, int maxDistinctive)
{
    const PopulationProfile pop = profilePopulation(x);
    std::vector<GroupProfile> out(static_cast<std::size_t>(groups));
    for (int g = 0; g < groups; ++g) {
        out[static_cast<std::size_t>(g)].group = g;
        out[static_cast<std::size_t>(g)].mean = Eigen::VectorXd::Zero(x.cols());
    }
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
        const int g = labels[static_cast<std::size_t>(i)];
        if (g < 0 || g >= groups) continue;
        out[static_cast<std::size_t>(g)].mean += x.row(i).transpose();
        ++out[static_cast<std::size_t>(g)].size;
    }
    for (GroupProfile& gp : out) {
        if (gp.size > 0) gp.mean /= double(gp.size);
        gp.share = x.rows() > 0 ? double(gp.size) / double(x.rows()) : 0.0;
        gp.difference = Eigen::VectorXd::Zero(x.cols());
        for (Eigen::Index j = 0; j < x.cols(); ++j)
            gp.difference[j] = pop.sd[j] > 1e-12 ? (gp.mean[j] - pop.mean[j]) / pop.sd[j] : 0.0;
        std::vector<int> order(static_cast<std::size_t>(x.cols()));
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(),
                         [&](int a, int b) { return std::fabs(gp.difference[a]) > std::fabs(gp.difference[b]); });
        for (int j : order) {
            if (static_cast<int>(gp.distinctive.size()) >= maxDistinctive || std::fabs(gp.difference[j]) < threshold) break;
            gp.distinctive.push_back(j);
        }
    }
    return out;
}

} // namespace cwb::engine
