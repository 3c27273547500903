#pragma once
// What sets groups of users apart: per group its size, share, mean of each
// feature, and the standardised difference from the whole population
// ((group mean - population mean) / population sd), with the features that
// differ most. Used to describe clusters and every segment in words.

#include <Eigen/Dense>

#include <vector>

namespace cwb::engine {

struct GroupProfile {
    int group = 0;
    Eigen::Index size = 0;
    double share = 0;
    Eigen::VectorXd mean;          // per feature, in the features' own units
    Eigen::VectorXd difference;    // standardised difference from the population
    std::vector<int> distinctive;  // features with |difference| >= threshold, largest first (at most maxDistinctive)
};

struct PopulationProfile {
    Eigen::VectorXd mean, sd;
};

PopulationProfile profilePopulation(const Eigen::MatrixXd& x);

// labels[i] in [0, groups) or -1 (not in any group).
std::vector<GroupProfile> profileGroups(const Eigen::MatrixXd& x, const std::vector<int>& labels, int groups,
                                        double threshold = 0.25, int maxDistinctive = 4);

} // namespace cwb::engine
