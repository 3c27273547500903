#pragma once
// Choosing the number of clusters: k-means for each k in a range, scored
// by inertia (with the elbow of that curve) and by the mean silhouette on a
// fixed random sample of rows, so memory stays bounded however many users
// there are (the sample's pairwise distances are computed block by block).

#include "segment/kmeans.h"

namespace cwb::engine {

struct ChooseKParams {
    int kMin = 2;
    int kMax = 10;
    Eigen::Index sample = 10000;   // rows used for the silhouette
    KMeansParams kmeans;           // k is overwritten; nInit, seed, ... are used for every k
    std::vector<std::string> validate(Eigen::Index n) const;
};

struct KScore {
    int k = 0;
    double inertia = 0;
    double silhouette = 0;
};

struct ChooseKResult {
    std::vector<KScore> scores;
    int bestK = 0;      // highest silhouette (the smaller k on ties)
    int elbowK = 0;     // the knee of the inertia curve
    bool cancelled = false;
};

ChooseKResult chooseK(const Eigen::MatrixXd& x, const ChooseKParams& params);

// Mean silhouette of `labels` over the given rows of x (all rows if `rows` is empty).
double silhouetteScore(const Eigen::MatrixXd& x, const std::vector<int>& labels, int k,
                       const std::vector<Eigen::Index>& rows = {}, int threads = 0);

// The knee of a decreasing curve: the point farthest below the chord from first to last.
int elbowIndex(const std::vector<double>& y);

} // namespace cwb::engine
