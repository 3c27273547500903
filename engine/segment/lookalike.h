#pragma once
// Lookalikes: the users most similar to a seed group, among those outside it.
//
// Similarity is cosine, or Pearson (cosine after centring each user's
// feature row), on scaled features. Two modes:
// - centroid: similarity to the seed group's mean row (one matrix-vector product);
// - k-nearest: the mean of a user's k highest similarities to individual
//   seed users (seed x candidate matrix products, in blocks so memory stays
//   bounded). Big seed groups are compared through a seeded sample of at
//   most maxSeeds members: the cost grows with candidates x seeds, and a
//   sample of 2,000 keeps a million candidates around a second on two cores.

#include <Eigen/Dense>

#include <cstdint>
#include <string>
#include <vector>

namespace cwb::engine {

enum class Similarity { Cosine, Pearson };
enum class LookalikeMode { Centroid, KNearest };

struct LookalikeParams {
    Similarity similarity = Similarity::Cosine;
    LookalikeMode mode = LookalikeMode::Centroid;
    int k = 10;               // neighbours averaged in k-nearest mode
    Eigen::Index maxSeeds = 2000;   // k-nearest mode: seed members compared (0 = all)
    std::uint64_t seed = 42;        // which members, when sampled
    Eigen::Index top = 1000;  // how many lookalikes to return
    int threads = 0;
    std::vector<std::string> validate() const;
};

struct Lookalikes {
    std::vector<Eigen::Index> rows;   // rows of x, most similar first
    std::vector<double> similarity;
};

// x: users x features (already scaled). isSeed[i] marks the seed group.
Lookalikes findLookalikes(const Eigen::MatrixXd& x, const std::vector<char>& isSeed, const LookalikeParams& params);

} // namespace cwb::engine
