#pragma once
// Seeded pseudo-random numbers for the engine.
//
// Everything random in the engine draws from an Rng constructed from an
// explicit seed, so results are reproducible. The generator and the
// distributions are implemented here rather than taken from <random>: the
// standard distributions are implementation-defined, and demo data and
// model fits must come out identical on every platform for a given seed.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace cwb::engine {

class Rng {
public:
    // A generator for `seed`; `stream` selects an independent sub-sequence,
    // e.g. one per user, so that work can be split across threads without
    // changing the result.
    explicit Rng(std::uint64_t seed, std::uint64_t stream = 0);

    std::uint64_t nextU64();
    double uniform();                        // [0, 1)
    double uniform(double lo, double hi);    // [lo, hi)
    std::uint64_t below(std::uint64_t n);    // [0, n), unbiased; n > 0
    bool bernoulli(double p);
    double normal();                         // N(0, 1)
    double normal(double mean, double sd);
    double logNormal(double mu, double sigma);
    double exponential(double rate);         // mean 1 / rate
    double gamma(double shape);              // scale 1
    double beta(double a, double b);
    std::uint64_t poisson(double mean);
    std::uint64_t geometric(double p);       // failures before the first success
    // Index drawn with probability proportional to weights[i] (all >= 0, sum > 0).
    std::size_t categorical(std::span<const double> weights);

private:
    std::uint64_t s_[4];
    double spareNormal_ = 0.0;
    bool hasSpare_ = false;
};

// m distinct indices of [0, n) drawn by seed, in increasing order (all of them when m >= n).
// std::ptrdiff_t is Eigen::Index: the result indexes rows directly.
std::vector<std::ptrdiff_t> sampleRows(std::ptrdiff_t n, std::ptrdiff_t m, std::uint64_t seed);

// 64-bit mixing function (splitmix64 finaliser); handy for hashing seeds.
std::uint64_t mix64(std::uint64_t x);

} // namespace cwb::engine
