#pragma once
// k-means clustering.
//
// Seeding: greedy k-means++ (each new centre the best of 2 + ln k candidates
// drawn proportionally to squared distance, as scikit-learn does). Several
// restarts; the lowest inertia wins. Iterations: Lloyd (assignment from
// matrix products, the fast choice for few dimensions and large n) or Elkan
// (triangle-inequality bounds, fewer distance computations for many
// clusters). Converged when the centres move less than tol times the mean
// feature variance (squared, summed), or no label changes. Deterministic by
// seed: work is split into fixed chunks whatever the number of threads.

#include <Eigen/Dense>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace cwb::engine {

enum class KMeansAlgorithm { Lloyd, Elkan };

struct KMeansParams {
    int k = 8;
    int nInit = 4;
    int maxIter = 300;
    double tol = 1e-4;
    std::uint64_t seed = 42;
    KMeansAlgorithm algorithm = KMeansAlgorithm::Lloyd;
    int threads = 0;   // 0 = all cores
    // Called after each iteration; return false to stop (the result is then marked cancelled).
    std::function<bool(int run, int iteration)> progress;

    // Problems with these parameters for n rows; empty when usable.
    std::vector<std::string> validate(Eigen::Index n) const;
};

struct KMeansResult {
    Eigen::MatrixXd centers;          // k x p
    std::vector<int> labels;          // per row, 0 .. k-1
    double inertia = 0;               // sum of squared distances to the assigned centre
    int iterations = 0;               // of the best run
    int bestRun = 0;
    std::vector<double> runInertia;   // one per restart
    bool cancelled = false;
};

// Rows of x are points. Throws std::invalid_argument if params.validate(x.rows()) is not empty.
KMeansResult kmeansFit(const Eigen::MatrixXd& x, const KMeansParams& params);

// Nearest centre of each row; `inertia` (optional) gets the sum of squared distances.
std::vector<int> kmeansPredict(const Eigen::MatrixXd& centers, const Eigen::MatrixXd& x, double* inertia = nullptr,
                               int threads = 0);

// The greedy k-means++ seeding alone (exposed for tests).
Eigen::MatrixXd kmeansPlusPlus(const Eigen::MatrixXd& x, int k, std::uint64_t seed, int threads = 0);

} // namespace cwb::engine
