#pragma once
// The statistics of a randomised test read out after the fact: rates and
// means per arm with their intervals, the difference of an arm against the
// control with its interval and p-value, and a Thompson-sampling split of the
// next wave's traffic over the arms.
//
//   One proportion     x of n: rate x / n, Wilson score interval.
//   Two proportions    d = x1/n1 - x0/n0; interval d -/+ z * sqrt(p1 q1 / n1 + p0 q0 / n0)
//                      (unpooled Wald); test z = d / sqrt(p (1 - p) (1/n1 + 1/n0)) with the
//                      pooled p = (x1 + x0) / (n1 + n0), two-sided p-value.
//   One mean           m -/+ t(n - 1) * s / sqrt(n).
//   Two means (Welch)  d = m1 - m0, se = sqrt(s1^2/n1 + s0^2/n0), Welch-Satterthwaite
//                      degrees of freedom, t = d / se, interval d -/+ t(df) * se.
// Sample variances use n - 1.

#include <cstdint>
#include <span>
#include <vector>

namespace cwb::engine {

struct Interval {
    double low = 0, high = 0;
};

struct Proportion {
    std::int64_t successes = 0, trials = 0;
    double rate = 0;
    Interval interval;
};
Proportion proportion(std::int64_t successes, std::int64_t trials, double level);

// Running sums of one sample (a metric per user): count, mean and the sum of
// squared deviations, by Welford's update (stable for large, skewed samples).
class SampleMoments {
public:
    void add(double x);
    std::int64_t count() const { return n_; }
    double mean() const { return mean_; }
    double variance() const { return n_ > 1 ? m2_ / double(n_ - 1) : 0.0; }   // n - 1
private:
    std::int64_t n_ = 0;
    double mean_ = 0, m2_ = 0;
};

struct Mean {
    std::int64_t count = 0;
    double mean = 0, sd = 0;
    Interval interval;
};
Mean meanOf(const SampleMoments& sample, double level);

struct Difference {
    double value = 0;            // arm minus control
    Interval interval;
    double relative = 0;         // value / control level; NaN when the control level is 0
    double statistic = 0;        // z or t
    double degreesOfFreedom = 0; // Welch; 0 for the z test
    double pValue = 1;           // two-sided
};
Difference twoProportionTest(const Proportion& arm, const Proportion& control, double level);
Difference welchTest(const SampleMoments& arm, const SampleMoments& control, double level);

// Thompson sampling over arms: the posterior probability that each arm has
// the highest mean, estimated from `draws` joint posterior draws (seeded).
// Conversion-type metrics: Beta(1 + x, 1 + n - x) per arm. Money metrics: the
// normal approximation N(mean, s^2 / n) of the mean's posterior (flat prior).
// The next wave sends each arm this share of the treated traffic.
std::vector<double> thompsonShares(std::span<const Proportion> arms, int draws, std::uint64_t seed);
std::vector<double> thompsonShares(std::span<const SampleMoments> arms, int draws, std::uint64_t seed);

} // namespace cwb::engine
