// Read-out statistics against scipy.stats (values printed with repr() by
// scipy 1.10: binomtest(...).proportion_ci(method="wilson"), ttest_ind(...,
// equal_var=False), norm / t quantiles), and Thompson sampling against the
// exact probability that one arm beats another.
#include "stats/ab_test.h"
#include "stats/distributions.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>

using namespace cwb::engine;

namespace {

SampleMoments momentsOf(std::initializer_list<double> xs)
{
    SampleMoments m;
    for (double x : xs) m.add(x);
    return m;
}

const std::initializer_list<double> kSpendA{0, 0, 0, 12.5, 0, 0, 80.25, 0, 0, 0, 33.0, 0, 0, 0, 0, 150.0, 0, 0, 7.75, 0};
const std::initializer_list<double> kSpendB{0, 0, 0, 0, 45.0, 0, 0, 0, 0, 0, 0, 19.99, 0, 0, 0, 0, 0};

} // namespace

TEST(AbTest, WilsonIntervalMatchesScipy)
{
    const Proportion p = proportion(3238, 21387, 0.90);
    EXPECT_DOUBLE_EQ(p.rate, 3238.0 / 21387.0);
    EXPECT_NEAR(p.interval.low, 0.147412985745631, 1e-12);
    EXPECT_NEAR(p.interval.high, 0.1554759684894953, 1e-12);
    const Proportion small = proportion(3, 40, 0.95);
    EXPECT_NEAR(small.interval.low, 0.025836025774588198, 1e-12);
    EXPECT_NEAR(small.interval.high, 0.19864233524310543, 1e-12);
    // Edges stay inside [0, 1]; no users means nothing is known.
    EXPECT_GE(proportion(0, 10, 0.9).interval.low, 0.0);
    EXPECT_LE(proportion(10, 10, 0.9).interval.high, 1.0);
    const Proportion none = proportion(0, 0, 0.9);
    EXPECT_EQ(none.interval.low, 0.0);
    EXPECT_EQ(none.interval.high, 1.0);
    EXPECT_THROW(proportion(5, 4, 0.9), std::invalid_argument);
    EXPECT_THROW(proportion(1, 4, 1.0), std::invalid_argument);
}

TEST(AbTest, TwoProportionTestMatchesHandComputation)
{
    // Hillstrom, visits: Womens E-Mail 3238 of 21387 against No E-Mail 2262 of 21306.
    const Difference d = twoProportionTest(proportion(3238, 21387, 0.9), proportion(2262, 21306, 0.9), 0.90);
    EXPECT_NEAR(d.value, 0.045233106587052985, 1e-15);
    EXPECT_NEAR(d.interval.low, 0.039913014454594956, 1e-12);
    EXPECT_NEAR(d.interval.high, 0.050553198719511014, 1e-12);
    EXPECT_NEAR(d.statistic, 13.949180655258505, 1e-10);
    EXPECT_NEAR(d.pValue / 3.1824031593349214e-44, 1.0, 1e-6);
    EXPECT_NEAR(d.relative, d.value / (2262.0 / 21306.0), 1e-15);
    EXPECT_EQ(d.degreesOfFreedom, 0.0);
    // No difference: z = 0, p = 1.
    const Difference same = twoProportionTest(proportion(10, 100, 0.9), proportion(20, 200, 0.9), 0.9);
    EXPECT_NEAR(same.statistic, 0.0, 1e-15);
    EXPECT_NEAR(same.pValue, 1.0, 1e-15);
    EXPECT_THROW(twoProportionTest(proportion(0, 0, 0.9), proportion(1, 2, 0.9), 0.9), std::invalid_argument);
}

TEST(AbTest, WelchTestAndMeanIntervalMatchScipy)
{
    const SampleMoments a = momentsOf(kSpendA), b = momentsOf(kSpendB);
    const Difference d = welchTest(a, b, 0.90);
    EXPECT_NEAR(d.statistic, 1.1795861439977058, 1e-12);
    EXPECT_NEAR(d.pValue, 0.25007496808534657, 1e-9);
    EXPECT_NEAR(d.degreesOfFreedom, 23.288654182691022, 1e-9);
    EXPECT_NEAR(d.interval.low, -4.681079816303258, 1e-8);
    EXPECT_NEAR(d.interval.high, 25.385197463362083, 1e-8);
    const Mean m = meanOf(a, 0.95);
    EXPECT_EQ(m.count, 20);
    EXPECT_NEAR(m.mean, 14.175, 1e-12);
    EXPECT_NEAR(m.sd, 37.15314146949934, 1e-10);
    EXPECT_NEAR(m.interval.low, -3.2132054514826542, 1e-8);
    EXPECT_NEAR(m.interval.high, 31.563205451482656, 1e-8);
    EXPECT_THROW(welchTest(momentsOf({1.0}), b, 0.9), std::invalid_argument);
}

TEST(AbTest, WelfordMomentsAreStableFarFromZero)
{
    SampleMoments m;
    for (int i = 0; i < 1000; ++i) m.add(1e9 + (i % 2 ? 1.0 : -1.0));
    EXPECT_NEAR(m.mean(), 1e9, 1e-6);
    EXPECT_NEAR(m.variance(), 1000.0 / 999.0, 1e-6);
}

TEST(AbTest, ThompsonSharesEstimateTheProbabilityOfBeingBest)
{
    // Beta(31, 71) against Beta(41, 61): P(second > first) = 0.9298493590723795
    // (scipy.integrate.quad of the first's density times the second's survival).
    const std::array<Proportion, 2> arms{proportion(30, 100, 0.9), proportion(40, 100, 0.9)};
    const std::vector<double> s = thompsonShares(arms, 200000, 7);
    ASSERT_EQ(s.size(), 2u);
    EXPECT_NEAR(s[0] + s[1], 1.0, 1e-12);
    EXPECT_NEAR(s[1], 0.9298493590723795, 0.003);   // 5 standard errors of 200,000 draws
    EXPECT_EQ(s, thompsonShares(arms, 200000, 7));   // seeded
    EXPECT_NE(s, thompsonShares(arms, 200000, 8));

    // Normal posteriors: P(A > B) = Phi((mA - mB) / sqrt(sA^2/nA + sB^2/nB)).
    const SampleMoments a = momentsOf(kSpendA), b = momentsOf(kSpendB);
    const std::array<SampleMoments, 2> money{a, b};
    const std::vector<double> t = thompsonShares(money, 200000, 3);
    const double exact = normalCdf((a.mean() - b.mean()) / std::sqrt(a.variance() / 20 + b.variance() / 17));
    EXPECT_NEAR(t[0], exact, 0.003);

    // Three equal arms split evenly.
    const std::array<Proportion, 3> equal{proportion(50, 500, 0.9), proportion(50, 500, 0.9), proportion(50, 500, 0.9)};
    for (double share : thompsonShares(equal, 90000, 1)) EXPECT_NEAR(share, 1.0 / 3.0, 0.01);
}
