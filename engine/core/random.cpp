#include "core/random.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numbers>
#include <numeric>

namespace cwb::engine {

namespace {
__extension__ typedef unsigned __int128 Uint128;   // GCC/Clang extension, for Lemire's method

inline std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

std::uint64_t splitmix(std::uint64_t& state)
{
    state += 0x9E3779B97F4A7C15ull;
    return mix64(state);
}

// log(k!) for the Poisson sampler; exact table for small k, Stirling beyond.
double logFactorial(std::uint64_t k)
{
    static const double table[] = {0.0, 0.0, 0.6931471805599453, 1.791759469228055,
                                   3.1780538303479458, 4.787491742782046, 6.579251212010101,
                                   8.525161361065415, 10.60460290274525, 12.801827480081469};
    if (k < 10) return table[k];
    const double x = double(k) + 1.0;
    return (x - 0.5) * std::log(x) - x + 0.5 * std::log(2.0 * std::numbers::pi) + 1.0 / (12.0 * x)
           - 1.0 / (360.0 * x * x * x);
}
} // namespace

std::uint64_t mix64(std::uint64_t z)
{
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

Rng::Rng(std::uint64_t seed, std::uint64_t stream)
{
    std::uint64_t state = mix64(seed) ^ mix64(stream * 0xD1B54A32D192ED03ull + 0x8CB92BA72F3D8DD7ull);
    for (auto& s : s_) s = splitmix(state);
}

// xoshiro256** 1.0 (Blackman & Vigna).
std::uint64_t Rng::nextU64()
{
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
}

double Rng::uniform() { return double(nextU64() >> 11) * 0x1.0p-53; }

double Rng::uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

std::uint64_t Rng::below(std::uint64_t n)
{
    assert(n > 0);
    // Lemire's multiply-and-reject method: unbiased, usually one multiplication.
    Uint128 m = static_cast<Uint128>(nextU64()) * n;
    auto low = static_cast<std::uint64_t>(m);
    if (low < n) {
        const std::uint64_t threshold = (0 - n) % n;
        while (low < threshold) {
            m = static_cast<Uint128>(nextU64()) * n;
            low = static_cast<std::uint64_t>(m);
        }
    }
    return static_cast<std::uint64_t>(m >> 64);
}

bool Rng::bernoulli(double p) { return uniform() < p; }

double Rng::normal()
{
    if (hasSpare_) {
        hasSpare_ = false;
        return spareNormal_;
    }
    // Marsaglia polar method.
    double u, v, s;
    do {
        u = 2.0 * uniform() - 1.0;
        v = 2.0 * uniform() - 1.0;
        s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    const double f = std::sqrt(-2.0 * std::log(s) / s);
    spareNormal_ = v * f;
    hasSpare_ = true;
    return u * f;
}

double Rng::normal(double mean, double sd) { return mean + sd * normal(); }

double Rng::logNormal(double mu, double sigma) { return std::exp(normal(mu, sigma)); }

double Rng::exponential(double rate)
{
    assert(rate > 0);
    return -std::log1p(-uniform()) / rate;
}

double Rng::gamma(double shape)
{
    assert(shape > 0);
    if (shape < 1.0) {
        // Boost to shape + 1 and scale back (Marsaglia & Tsang, section 6).
        const double u = uniform();
        return gamma(shape + 1.0) * std::pow(u > 0 ? u : 0x1.0p-53, 1.0 / shape);
    }
    const double d = shape - 1.0 / 3.0;
    const double c = 1.0 / std::sqrt(9.0 * d);
    for (;;) {
        double x, v;
        do {
            x = normal();
            v = 1.0 + c * x;
        } while (v <= 0.0);
        v = v * v * v;
        const double u = uniform();
        if (u < 1.0 - 0.0331 * x * x * x * x) return d * v;
        if (std::log(u) < 0.5 * x * x + d * (1.0 - v + std::log(v))) return d * v;
    }
}

double Rng::beta(double a, double b)
{
    const double x = gamma(a);
    const double y = gamma(b);
    return x / (x + y);
}

std::uint64_t Rng::poisson(double mean)
{
    assert(mean >= 0);
    if (mean <= 0.0) return 0;
    if (mean < 12.0) {
        // Inversion by sequential search; expected mean + 1 uniforms.
        const double limit = std::exp(-mean);
        std::uint64_t k = 0;
        double prod = uniform();
        while (prod > limit) {
            ++k;
            prod *= uniform();
        }
        return k;
    }
    // PTRS: transformed rejection with squeeze (Hörmann 1993).
    const double slam = std::sqrt(mean);
    const double loglam = std::log(mean);
    const double b = 0.931 + 2.53 * slam;
    const double a = -0.059 + 0.02483 * b;
    const double invalpha = 1.1239 + 1.1328 / (b - 3.4);
    const double vr = 0.9277 - 3.6224 / (b - 2.0);
    for (;;) {
        const double u = uniform() - 0.5;
        const double v = uniform();
        const double us = 0.5 - std::fabs(u);
        const double k = std::floor((2.0 * a / us + b) * u + mean + 0.43);
        if (us >= 0.07 && v <= vr) return static_cast<std::uint64_t>(k);
        if (k < 0.0 || (us < 0.013 && v > us)) continue;
        if (std::log(v) + std::log(invalpha) - std::log(a / (us * us) + b)
            <= -mean + k * loglam - logFactorial(static_cast<std::uint64_t>(k)))
            return static_cast<std::uint64_t>(k);
    }
}

std::uint64_t Rng::geometric(double p)
{
    assert(p > 0 && p <= 1);
    if (p >= 1.0) return 0;
    return static_cast<std::uint64_t>(std::floor(std::log1p(-uniform()) / std::log1p(-p)));
}

std::size_t Rng::categorical(std::span<const double> weights)
{
    double total = 0;
    for (double w : weights) total += w;
    assert(total > 0);
    double x = uniform() * total;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        x -= weights[i];
        if (x < 0) return i;
    }
    // Rounding left a sliver: return the last index with positive weight.
    for (std::size_t i = weights.size(); i-- > 0;)
        if (weights[i] > 0) return i;
    return 0;
}

std::vector<std::ptrdiff_t> sampleRows(std::ptrdiff_t n, std::ptrdiff_t m, std::uint64_t seed)
{
    std::vector<std::ptrdiff_t> rows;
    if (m >= n) {
        rows.resize(static_cast<std::size_t>(std::max<std::ptrdiff_t>(n, 0)));
        std::iota(rows.begin(), rows.end(), std::ptrdiff_t(0));
        return rows;
    }
    // Selection sampling (Knuth's algorithm S): one pass, sorted output.
    Rng rng(seed, 0x5A3D1E);
    std::ptrdiff_t needed = m;
    for (std::ptrdiff_t i = 0; i < n && needed > 0; ++i) {
        if (rng.uniform() * double(n - i) < double(needed)) {
            rows.push_back(i);
            --needed;
        }
    }
    return rows;
}

} // namespace cwb::engine
