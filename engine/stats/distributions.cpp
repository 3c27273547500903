#include "stats/distributions.h"

#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>

namespace cwb::engine {

double normalCdf(double z) { return 0.5 * std::erfc(-z / std::numbers::sqrt2); }

double normalQuantile(double p)
{
    if (!(p > 0 && p < 1)) {
        if (p == 0) return -std::numeric_limits<double>::infinity();
        if (p == 1) return std::numeric_limits<double>::infinity();
        throw std::invalid_argument("normalQuantile: p must be in [0, 1]");
    }
    static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                                   1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
    static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                                   6.680131188771972e+01,  -1.328068155288572e+01};
    static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                                   -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
    static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
    constexpr double low = 0.02425;
    double x;
    if (p < low) {
        const double q = std::sqrt(-2 * std::log(p));
        x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    } else if (p <= 1 - low) {
        const double q = p - 0.5, r = q * q;
        x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
            (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    } else {
        const double q = std::sqrt(-2 * std::log(1 - p));
        x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    // One Halley step on normalCdf(x) - p.
    const double e = normalCdf(x) - p;
    const double u = e * std::sqrt(2 * std::numbers::pi) * std::exp(x * x / 2);
    return x - u / (1 + x * u / 2);
}

double twoSidedZ(double level)
{
    if (!(level > 0 && level < 1)) throw std::invalid_argument("the confidence level must be between 0 and 1");
    return normalQuantile(0.5 + level / 2);
}

namespace {

double betaContinuedFraction(double a, double b, double x)
{
    constexpr double tiny = 1e-300, eps = 1e-15;
    const double qab = a + b, qap = a + 1, qam = a - 1;
    double c = 1, d = 1 - qab * x / qap;
    if (std::fabs(d) < tiny) d = tiny;
    d = 1 / d;
    double h = d;
    for (int m = 1; m <= 10000; ++m) {
        const int m2 = 2 * m;
        double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1 + aa * d;
        if (std::fabs(d) < tiny) d = tiny;
        c = 1 + aa / c;
        if (std::fabs(c) < tiny) c = tiny;
        d = 1 / d;
        h *= d * c;
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1 + aa * d;
        if (std::fabs(d) < tiny) d = tiny;
        c = 1 + aa / c;
        if (std::fabs(c) < tiny) c = tiny;
        d = 1 / d;
        const double del = d * c;
        h *= del;
        if (std::fabs(del - 1) < eps) break;
    }
    return h;
}

} // namespace

double incompleteBeta(double a, double b, double x)
{
    if (!(a > 0 && b > 0)) throw std::invalid_argument("incompleteBeta: a and b must be positive");
    if (x <= 0) return 0;
    if (x >= 1) return 1;
    const double lnFront = std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x);
    if (x < (a + 1) / (a + b + 2)) return std::exp(lnFront) * betaContinuedFraction(a, b, x) / a;
    return 1 - std::exp(lnFront) * betaContinuedFraction(b, a, 1 - x) / b;
}

double studentTCdf(double t, double df)
{
    if (!(df > 0)) throw std::invalid_argument("studentTCdf: the degrees of freedom must be positive");
    if (std::isinf(df)) return normalCdf(t);
    const double tail = 0.5 * incompleteBeta(df / 2, 0.5, df / (df + t * t));
    return t > 0 ? 1 - tail : tail;
}

double studentTTwoSided(double level, double df)
{
    if (!(level > 0 && level < 1)) throw std::invalid_argument("the confidence level must be between 0 and 1");
    const double target = 0.5 + level / 2;
    // Bisection on the monotone CDF, bracketed from the normal quantile.
    double lo = 0, hi = std::max(1.0, 2 * normalQuantile(target));
    while (studentTCdf(hi, df) < target) hi *= 2;
    for (int k = 0; k < 200 && hi - lo > 1e-13 * hi; ++k) {
        const double mid = 0.5 * (lo + hi);
        (studentTCdf(mid, df) < target ? lo : hi) = mid;
    }
    return 0.5 * (lo + hi);
}

} // namespace cwb::engine
