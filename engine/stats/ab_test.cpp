#include "stats/ab_test.h"

#include "core/random.h"
#include "stats/distributions.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace cwb::engine {

namespace {

void checkLevel(double level)
{
    if (!(level > 0.0 && level < 1.0)) throw std::invalid_argument("confidence level must lie strictly between 0 and 1");
}

double relativeTo(double value, double base)
{
    return base != 0.0 ? value / base : std::numeric_limits<double>::quiet_NaN();
}

// The share of `draws` joint posterior draws in which each arm has the largest value (the
// first on ties); sample(rng, arm) draws one arm's value.
template <class Sample>
std::vector<double> winShares(std::size_t arms, int draws, std::uint64_t seed, Sample&& sample)
{
    if (arms == 0 || draws <= 0) throw std::invalid_argument("Thompson sampling needs arms and draws");
    Rng rng(seed);
    std::vector<double> wins(arms, 0.0), value(arms);
    for (int k = 0; k < draws; ++k) {
        for (std::size_t a = 0; a < arms; ++a) value[a] = sample(rng, a);
        wins[static_cast<std::size_t>(std::max_element(value.begin(), value.end()) - value.begin())] += 1.0;
    }
    for (double& w : wins) w /= draws;
    return wins;
}

} // namespace

Proportion proportion(std::int64_t successes, std::int64_t trials, double level)
{
    checkLevel(level);
    if (trials < 0 || successes < 0 || successes > trials) throw std::invalid_argument("a proportion needs 0 <= successes <= trials");
    Proportion p;
    p.successes = successes;
    p.trials = trials;
    if (trials == 0) {
        p.interval = {0.0, 1.0};
        return p;
    }
    const double n = double(trials), rate = double(successes) / n, z = twoSidedZ(level), z2 = z * z;
    p.rate = rate;
    const double centre = (rate + z2 / (2 * n)) / (1 + z2 / n);
    const double half = z / (1 + z2 / n) * std::sqrt(rate * (1 - rate) / n + z2 / (4 * n * n));
    p.interval = {std::max(0.0, centre - half), std::min(1.0, centre + half)};
    return p;
}

void SampleMoments::add(double x)
{
    ++n_;
    const double delta = x - mean_;
    mean_ += delta / double(n_);
    m2_ += delta * (x - mean_);
}

Mean meanOf(const SampleMoments& s, double level)
{
    checkLevel(level);
    Mean m;
    m.count = s.count();
    m.mean = s.mean();
    m.sd = std::sqrt(s.variance());
    if (m.count < 2) {
        m.interval = {m.mean, m.mean};
        return m;
    }
    const double half = studentTTwoSided(level, double(m.count - 1)) * m.sd / std::sqrt(double(m.count));
    m.interval = {m.mean - half, m.mean + half};
    return m;
}

Difference twoProportionTest(const Proportion& a, const Proportion& c, double level)
{
    checkLevel(level);
    if (a.trials == 0 || c.trials == 0) throw std::invalid_argument("both groups need at least one user");
    const double n1 = double(a.trials), n0 = double(c.trials);
    const double p1 = double(a.successes) / n1, p0 = double(c.successes) / n0;
    Difference d;
    d.value = p1 - p0;
    d.relative = relativeTo(d.value, p0);
    const double se = std::sqrt(p1 * (1 - p1) / n1 + p0 * (1 - p0) / n0);
    const double z = twoSidedZ(level);
    d.interval = {d.value - z * se, d.value + z * se};
    const double pooled = double(a.successes + c.successes) / (n1 + n0);
    const double seTest = std::sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n0));
    if (seTest > 0) {
        d.statistic = d.value / seTest;
        d.pValue = 2 * normalCdf(-std::abs(d.statistic));
    }
    return d;
}

Difference welchTest(const SampleMoments& a, const SampleMoments& c, double level)
{
    checkLevel(level);
    if (a.count() < 2 || c.count() < 2) throw std::invalid_argument("Welch's test needs at least two users in each group");
    const double v1 = a.variance() / double(a.count()), v0 = c.variance() / double(c.count());
    Difference d;
    d.value = a.mean() - c.mean();
    d.relative = relativeTo(d.value, c.mean());
    const double se = std::sqrt(v1 + v0);
    if (se == 0) {
        d.interval = {d.value, d.value};
        d.pValue = d.value == 0 ? 1.0 : 0.0;
        return d;
    }
    d.degreesOfFreedom = (v1 + v0) * (v1 + v0) /
                         (v1 * v1 / double(a.count() - 1) + v0 * v0 / double(c.count() - 1));
    d.statistic = d.value / se;
    d.pValue = 2 * studentTCdf(-std::abs(d.statistic), d.degreesOfFreedom);
    const double t = studentTTwoSided(level, d.degreesOfFreedom);
    d.interval = {d.value - t * se, d.value + t * se};
    return d;
}

std::vector<double> thompsonShares(std::span<const Proportion> arms, int draws, std::uint64_t seed)
{
    return winShares(arms.size(), draws, seed, [&](Rng& rng, std::size_t a) {
        return rng.beta(1.0 + double(arms[a].successes), 1.0 + double(arms[a].trials - arms[a].successes));
    });
}

std::vector<double> thompsonShares(std::span<const SampleMoments> arms, int draws, std::uint64_t seed)
{
    // An arm with fewer than two users borrows the pooled variance of the others.
    double pooledSum = 0, pooledDf = 0;
    for (const SampleMoments& s : arms)
        if (s.count() > 1) {
            pooledSum += s.variance() * double(s.count() - 1);
            pooledDf += double(s.count() - 1);
        }
    const double pooled = pooledDf > 0 ? pooledSum / pooledDf : 1.0;
    std::vector<double> sd(arms.size());
    for (std::size_t a = 0; a < arms.size(); ++a) {
        const double var = arms[a].count() > 1 ? arms[a].variance() : pooled;
        sd[a] = std::sqrt(var / double(std::max<std::int64_t>(arms[a].count(), 1)));
    }
    return winShares(arms.size(), draws, seed, [&](Rng& rng, std::size_t a) { return arms[a].mean() + sd[a] * rng.normal(); });
}

} // namespace cwb::engine
