#pragma once
// The few distribution functions the previews and read-outs need: the
// standard normal (CDF and quantile), Student's t (CDF, for Welch's test)
// and the regularised incomplete beta function it rests on.

namespace cwb::engine {

double normalCdf(double z);
// x with normalCdf(x) = p, for 0 < p < 1 (Acklam's rational approximation,
// polished by one Halley step to full double precision).
double normalQuantile(double p);
// z with P(-z < Z < z) = level.
double twoSidedZ(double level);

// I_x(a, b), by Lentz's continued fraction (Numerical Recipes, 6.4).
double incompleteBeta(double a, double b, double x);
// P(T <= t) for Student's t with `df` (> 0, not necessarily whole) degrees of freedom.
double studentTCdf(double t, double df);
// t with P(-t < T < t) = level.
double studentTTwoSided(double level, double df);

} // namespace cwb::engine
