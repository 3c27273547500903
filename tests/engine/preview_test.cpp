// The preview's arithmetic on a coupon offered to three users, every figure
// worked by hand (the working is in the comments), and the distribution
// functions against scipy.stats.

#include "campaign/preview.h"
#include "core/rank.h"
#include "stats/distributions.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace cwb::engine {
namespace {

// A: p1 .5, p0 .2, r .4, basket 100, discount 10
// B: p1 .3, p0 .3, r .3, basket  50, discount  5   (would buy anyway: pure subsidy)
// C: p1 .1, p0 0,  r .1, basket 200, discount 20
UserEconomics threeUsers()
{
    UserEconomics e;
    e.buyTreated = Eigen::Vector3d(0.5, 0.3, 0.1);
    e.buyControl = Eigen::Vector3d(0.2, 0.3, 0.0);
    e.redeem = Eigen::Vector3d(0.4, 0.3, 0.1);
    e.basket = Eigen::Vector3d(100, 50, 200);
    e.discount = Eigen::Vector3d(10, 5, 20);
    return e;
}

PreviewParams params()
{
    PreviewParams p;
    p.grossMargin = 0.3;
    p.costPerContact = 1;
    p.curvePoints = 3;
    return p;
}

constexpr double z90 = 1.6448536269514722;   // scipy.stats.norm.ppf(0.95)

void expectInterval(const Estimate& e, double value, double variance, const char* what)
{
    SCOPED_TRACE(what);
    EXPECT_NEAR(e.value, value, 1e-12);
    EXPECT_NEAR(e.high - e.value, z90 * std::sqrt(variance), 1e-9);
}

TEST(Preview, EveryFigureOfAThreeUserCouponByHand)
{
    const Preview p = computePreview(threeUsers(), params());
    const PreviewTotals& t = p.totals;
    EXPECT_EQ(t.eligible, 3);
    EXPECT_EQ(t.targeted, 3);
    EXPECT_EQ(p.stoppedBy, StopReason::None);
    EXPECT_DOUBLE_EQ(t.offered, 3);
    EXPECT_DOUBLE_EQ(t.heldOut, 0);
    // Redemptions .4 + .3 + .1; variance sum r(1 - r) = .24 + .21 + .09.
    expectInterval(t.redemptions, 0.8, 0.54, "redemptions");
    // Conversions .5 + .3 + .1; variance .25 + .21 + .09.
    expectInterval(t.conversions, 0.9, 0.55, "conversions");
    // Incremental: .3 + 0 + .1; the counterfactual is a constant, so the same variance.
    expectInterval(t.incrementalConversions, 0.4, 0.55, "incremental conversions");
    // Revenue 50 + 15 + 20; variance 100^2 .25 + 50^2 .21 + 200^2 .09 = 2500 + 525 + 3600.
    expectInterval(t.revenue, 85, 6625, "revenue");
    // Incremental revenue .3 * 100 + 0 * 50 + .1 * 200.
    expectInterval(t.incrementalRevenue, 50, 6625, "incremental revenue");
    // Discount 4 + 1.5 + 2; variance 100 .24 + 25 .21 + 400 .09 = 24 + 5.25 + 36.
    expectInterval(t.discountCost, 7.5, 65.25, "discount");
    // On incremental buyers: A .3 * 10, C .1 * 20; variance 100 .3 .7 + 400 .1 .9 = 21 + 36.
    expectInterval(t.incrementalDiscount, 5, 57, "incremental discount");
    // Subsidy: A (.4 - .3) * 10, B .3 * 5; variance 100 .1 .9 + 25 .3 .7 = 9 + 5.25.
    expectInterval(t.subsidy, 2.5, 14.25, "subsidy");
    expectInterval(t.contactCost, 3, 0, "contact cost");
    expectInterval(t.totalCost, 10.5, 65.25, "total cost");
    // Profit .3 * 85 - 7.5 - 3. Per user var(m b buy - d redeem)
    //   = m^2 b^2 p1 (1 - p1) + d^2 r (1 - r) - 2 m b d r (1 - p1):
    //   A 225 + 24 - 120 = 129, B 47.25 + 5.25 - 31.5 = 21, C 324 + 36 - 216 = 144.
    expectInterval(t.profit, 15, 294, "profit");
    // Incremental profit .3 * 50 - 10.5.
    expectInterval(t.incrementalProfit, 4.5, 294, "incremental profit");
    // ROI (85 - 10.5) / 10.5; incremental ROI 4.5 / 10.5.
    EXPECT_NEAR(t.roi.value, 74.5 / 10.5, 1e-12);
    EXPECT_NEAR(t.incrementalRoi.value, 4.5 / 10.5, 1e-12);
    // Delta method for R / C: var = vR / C^2 + R^2 vC / C^4 - 2 R cov(R, C) / C^3, where
    // cov(R, C) = sum b d r (1 - p1) = 100 10 .4 .5 + 50 5 .3 .7 + 200 20 .1 .9 = 200 + 52.5 + 360.
    const double c = 10.5, vRoi = 6625 / (c * c) + 85 * 85 * 65.25 / std::pow(c, 4) - 2 * 85 * 612.5 / std::pow(c, 3);
    EXPECT_NEAR(t.roi.high - t.roi.value, z90 * std::sqrt(vRoi), 1e-9);
    // For incremental profit P = m b buy - d redeem - const: cov(P, C) = m b d r (1 - p1) - d^2 r (1 - r)
    //   = .3 * 612.5 - 65.25.
    const double covPC = 0.3 * 612.5 - 65.25;
    const double vIroi = 294 / (c * c) + 4.5 * 4.5 * 65.25 / std::pow(c, 4) - 2 * 4.5 * covPC / std::pow(c, 3);
    EXPECT_NEAR(t.incrementalRoi.high - t.incrementalRoi.value, z90 * std::sqrt(vIroi), 1e-9);

    // Ranking by incremental profit per cost: A (9 - 5) / 5 = .8, B (0 - 2.5) / 2.5 = -1, C (6 - 3) / 3 = 1.
    ASSERT_EQ(p.ranking.size(), 3u);
    EXPECT_EQ(p.ranking[0], 2);
    EXPECT_EQ(p.ranking[1], 0);
    EXPECT_EQ(p.ranking[2], 1);
    EXPECT_DOUBLE_EQ(p.incrementalProfit[0], 4);
    EXPECT_DOUBLE_EQ(p.incrementalProfit[1], -2.5);
    EXPECT_DOUBLE_EQ(p.incrementalProfit[2], 3);
    // Depth curve: none, C, C + A, all.
    ASSERT_EQ(p.depthCurve.size(), 4u);
    const double profits[] = {0, 3, 7, 4.5}, costs[] = {0, 3, 8, 10.5};
    for (int k = 0; k < 4; ++k) {
        EXPECT_NEAR(p.depthCurve[static_cast<std::size_t>(k)].incrementalProfit, profits[k], 1e-12);
        EXPECT_NEAR(p.depthCurve[static_cast<std::size_t>(k)].totalCost, costs[k], 1e-12);
        EXPECT_EQ(p.depthCurve[static_cast<std::size_t>(k)].users, k);
    }
}

TEST(Preview, TheBudgetStopsTheRankingWhereTheNextUserWouldPassIt)
{
    PreviewParams prm = params();
    // C costs 3, then A 5: 8; B's 2.5 more would make 10.5.
    for (double budget : {8.0, 8.5, 10.49}) {
        prm.budget = budget;
        const Preview p = computePreview(threeUsers(), prm);
        EXPECT_EQ(p.reached, 2) << budget;
        EXPECT_EQ(p.budgetUsers, 2);
        EXPECT_EQ(p.stoppedBy, StopReason::Budget);
        EXPECT_DOUBLE_EQ(p.totals.totalCost.value, 8);
        EXPECT_LE(p.totals.totalCost.value, budget);
        EXPECT_NEAR(p.totals.incrementalProfit.value, 7, 1e-12);
        EXPECT_NEAR(p.totals.redemptions.value, 0.5, 1e-12);
    }
    prm.budget = 2.99;   // not even C
    EXPECT_EQ(computePreview(threeUsers(), prm).reached, 0);
    prm.budget = 10.5;   // everyone, exactly
    const Preview all = computePreview(threeUsers(), prm);
    EXPECT_EQ(all.reached, 3);
    EXPECT_EQ(all.stoppedBy, StopReason::None);
}

TEST(Preview, TargetingDepthAndQuantityCap)
{
    PreviewParams prm = params();
    prm.targetShare = 0.34;   // round(.34 * 3) = 1: C only
    Preview p = computePreview(threeUsers(), prm);
    EXPECT_EQ(p.reached, 1);
    EXPECT_EQ(p.stoppedBy, StopReason::TargetShare);
    EXPECT_NEAR(p.totals.incrementalProfit.value, 3, 1e-12);
    prm.targetShare = 1;
    prm.redemptionCap = 0.55;   // C .1, A .4: .5; B would make .8
    p = computePreview(threeUsers(), prm);
    EXPECT_EQ(p.reached, 2);
    EXPECT_EQ(p.stoppedBy, StopReason::Quantity);
}

TEST(Preview, AControlGroupHoldsOutItsShareAtRandom)
{
    PreviewParams prm = params();
    prm.controlShare = 0.5;
    const PreviewTotals t = computePreview(threeUsers(), prm).totals;
    EXPECT_DOUBLE_EQ(t.offered, 1.5);
    EXPECT_DOUBLE_EQ(t.heldOut, 1.5);
    // E[T R] = w r; var = w r - w^2 r^2 summed: .5 * .8 - .25 * (.16 + .09 + .01).
    expectInterval(t.redemptions, 0.4, 0.335, "redemptions");
    // Contact cost: a constant 1 for each offered user: var = w - w^2 per user.
    expectInterval(t.contactCost, 1.5, 3 * 0.25, "contact");
    EXPECT_NEAR(t.incrementalProfit.value, 2.25, 1e-12);
}

TEST(Preview, ModelUncertaintyWidensLevelsAndEffectsSeparately)
{
    PreviewParams prm = params();
    prm.modelLevelSd = 0.1;
    prm.modelEffectSd = 0.2;
    const PreviewTotals t = computePreview(threeUsers(), prm).totals;
    // A predicted part a spans a exp(-z sd) .. a exp(z sd); parts and outcome noise add in quadrature.
    const double upL = std::expm1(z90 * 0.1), downL = -std::expm1(-z90 * 0.1);
    const double upE = std::expm1(z90 * 0.2), downE = -std::expm1(-z90 * 0.2);
    auto expectBounds = [](const Estimate& e, double value, double low, double high, const char* what) {
        SCOPED_TRACE(what);
        EXPECT_NEAR(e.value, value, 1e-12);
        EXPECT_NEAR(e.low, low, 1e-9);
        EXPECT_NEAR(e.high, high, 1e-9);
    };
    const double z2 = z90 * z90;
    // (a count cannot fall below zero)
    expectBounds(t.redemptions, 0.8, std::max(0.0, 0.8 - std::sqrt(z2 * 0.54 + std::pow(0.8 * downL, 2))),
                 0.8 + std::sqrt(z2 * 0.54 + std::pow(0.8 * upL, 2)), "redemptions");
    expectBounds(t.incrementalConversions, 0.4, 0.4 - std::sqrt(z2 * 0.55 + std::pow(0.4 * downE, 2)),
                 0.4 + std::sqrt(z2 * 0.55 + std::pow(0.4 * upE, 2)), "incremental conversions");
    // Incremental profit: effect m * incremental revenue = 15, level -discount = -7.5 (it rises
    // when the level error falls).
    const double down = std::hypot(15 * downE, 7.5 * upL), up = std::hypot(15 * upE, 7.5 * downL);
    expectBounds(t.incrementalProfit, 4.5, 4.5 - std::sqrt(z2 * 294 + down * down), 4.5 + std::sqrt(z2 * 294 + up * up), "incremental profit");
    // Without model uncertainty the interval is the outcomes' alone, symmetric.
    const PreviewTotals exact = computePreview(threeUsers(), params()).totals;
    EXPECT_NEAR(exact.incrementalProfit.high - 4.5, 4.5 - exact.incrementalProfit.low, 1e-12);
    EXPECT_GT(t.incrementalProfit.high - 4.5, 4.5 - t.incrementalProfit.low);   // with it, wider upwards (effects dominate)
}

TEST(Preview, RejectsBadInputs)
{
    UserEconomics e = threeUsers();
    e.redeem[1] = 1.5;
    EXPECT_THROW(computePreview(e, params()), std::invalid_argument);
    e = threeUsers();
    e.basket.resize(2);
    EXPECT_THROW(computePreview(e, params()), std::invalid_argument);
    PreviewParams prm = params();
    prm.targetShare = 0;
    EXPECT_THROW(computePreview(threeUsers(), prm), std::invalid_argument);
}

TEST(Rank, DescendingStableAndNanLast)
{
    Eigen::VectorXd k(8);
    k << 0.5, -1.0, std::nan(""), 3.0, 0.5, -0.0, 0.0, -1e300;
    const std::vector<Eigen::Index> r = rankDescending(k);
    const std::vector<Eigen::Index> expected{3, 0, 4, 5, 6, 1, 7, 2};
    EXPECT_EQ(r, expected);
}

TEST(Rank, AgreesWithStableSortOnManyKeys)
{
    Eigen::VectorXd k(100000);
    std::uint64_t s = 7;
    for (Eigen::Index i = 0; i < k.size(); ++i) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        k[i] = double(static_cast<std::int64_t>(s >> 20) % 2001 - 1000) * 1e-3;   // many ties
    }
    std::vector<Eigen::Index> expected(static_cast<std::size_t>(k.size()));
    for (std::size_t i = 0; i < expected.size(); ++i) expected[i] = static_cast<Eigen::Index>(i);
    std::stable_sort(expected.begin(), expected.end(), [&](Eigen::Index a, Eigen::Index b) { return k[a] > k[b]; });
    EXPECT_EQ(rankDescending(k), expected);
}

TEST(Rank, SinglePrecisionAgreesWithStableSortOfTheRoundedKeys)
{
    Eigen::VectorXd k(100000);
    std::uint64_t s = 11;
    for (Eigen::Index i = 0; i < k.size(); ++i) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        const double u = double(s >> 11) * 0x1.0p-53;
        // Ties, keys that differ only beyond single precision, signs, zeros, a NaN and huge values.
        k[i] = i % 97 == 0 ? 1.0 + 1e-12 * double(i % 5) : (u - 0.4) * std::pow(10.0, double(static_cast<int>(s >> 60) % 9 - 4));
    }
    k[5] = std::nan("");
    k[6] = -0.0;
    k[7] = 0.0;
    k[8] = 1e300;
    k[9] = -1e300;
    std::vector<Eigen::Index> expected(static_cast<std::size_t>(k.size()));
    for (std::size_t i = 0; i < expected.size(); ++i) expected[i] = static_cast<Eigen::Index>(i);
    auto rounded = [&](Eigen::Index i) {
        const float f = static_cast<float>(k[i]);
        return std::isnan(f) ? -std::numeric_limits<float>::infinity() : f;   // NaN last
    };
    std::stable_sort(expected.begin(), expected.end(), [&](Eigen::Index a, Eigen::Index b) {
        if (std::isnan(k[a]) != std::isnan(k[b])) return std::isnan(k[b]);
        return rounded(a) > rounded(b);
    });
    EXPECT_EQ(rankDescendingSingle(k), expected);
}

// computePreview adds per-user moments and builds the figures from them; here the
// same figures are added up directly, quantity by quantity, user by user.
TEST(Preview, FiguresFromMomentsEqualDirectSumsOverManyUsers)
{
    const Eigen::Index n = 5000;
    UserEconomics e;
    e.buyTreated.resize(n);
    e.buyControl.resize(n);
    e.redeem.resize(n);
    e.basket.resize(n);
    e.discount.resize(n);
    std::uint64_t s = 3;
    auto uniform = [&] {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        return double(s >> 11) * 0x1.0p-53;
    };
    for (Eigen::Index i = 0; i < n; ++i) {
        e.buyTreated[i] = 0.3 * uniform();
        e.buyControl[i] = 0.25 * uniform();
        e.redeem[i] = 0.35 * uniform();
        e.basket[i] = 20 + 300 * uniform();
        e.discount[i] = 0.2 * e.basket[i] * uniform();
    }
    PreviewParams prm;
    prm.grossMargin = 0.37;
    prm.costPerContact = 0.8;
    prm.controlShare = 0.15;
    prm.targetShare = 0.6;
    const Preview p = computePreview(e, prm);
    ASSERT_EQ(p.reached, 3000);
    const double m = prm.grossMargin, c = prm.costPerContact, w = 1 - prm.controlShare;
    // mean and variance of each quantity for one offered user, thinned by the control group.
    double mean[12] = {}, var[12] = {};
    for (std::int64_t k = 0; k < p.reached; ++k) {
        const Eigen::Index i = p.ranking[static_cast<std::size_t>(k)];
        const double p1 = e.buyTreated[i], p0 = e.buyControl[i], r = std::min(e.redeem[i], p1), b = e.basket[i], d = e.discount[i];
        const double up = std::clamp(p1 - p0, 0.0, r), sub = r - up, vb = p1 * (1 - p1), vr = r * (1 - r);
        const double mu[12] = {r, p1, p1 - p0, b * p1, b * (p1 - p0), d * r, d * up, d * sub, c, d * r + c, m * b * p1 - d * r - c,
                               m * b * (p1 - p0) - d * r - c};
        const double vp = m * m * b * b * vb + d * d * vr - 2 * m * b * d * r * (1 - p1);
        const double v[12] = {vr, vb, vb, b * b * vb, b * b * vb, d * d * vr, d * d * up * (1 - up), d * d * sub * (1 - sub), 0, d * d * vr, vp, vp};
        for (int q = 0; q < 12; ++q) {
            mean[q] += w * mu[q];
            var[q] += w * v[q] + w * (1 - w) * mu[q] * mu[q];
        }
    }
    const Estimate* got[12] = {&p.totals.redemptions, &p.totals.conversions, &p.totals.incrementalConversions, &p.totals.revenue,
                               &p.totals.incrementalRevenue, &p.totals.discountCost, &p.totals.incrementalDiscount, &p.totals.subsidy,
                               &p.totals.contactCost, &p.totals.totalCost, &p.totals.profit, &p.totals.incrementalProfit};
    for (int q = 0; q < 12; ++q) {
        SCOPED_TRACE(q);
        EXPECT_NEAR(got[q]->value, mean[q], 1e-9 * (1 + std::fabs(mean[q])));
        const double half = z90 * std::sqrt(var[q]);
        // Bounds clipped at zero (counts, costs) only where the interval would cross it.
        if (got[q]->low > 0) {
            EXPECT_NEAR(got[q]->value - got[q]->low, half, 1e-7 * (1 + half));
        }
        EXPECT_NEAR(got[q]->high - got[q]->value, half, 1e-7 * (1 + half));
    }
}

// Added up a block at a time in pieces of any size and merged, the totals are computePreview's
// (to rounding: the sums are taken in another order); an invalid row is named; a limit that
// needs the ranking is refused.
TEST(Preview, TotalsAddedUpBlockByBlockEqualComputePreview)
{
    const Eigen::Index n = 7001;
    UserEconomics e;
    for (Eigen::VectorXd* v : {&e.buyTreated, &e.buyControl, &e.redeem, &e.basket, &e.discount}) v->resize(n);
    std::uint64_t s = 11;
    auto uniform = [&] {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        return double(s >> 11) * 0x1.0p-53;
    };
    for (Eigen::Index i = 0; i < n; ++i) {
        e.buyTreated[i] = 0.4 * uniform();
        e.buyControl[i] = 0.3 * uniform();
        e.redeem[i] = 0.45 * uniform();
        e.basket[i] = 10 + 400 * uniform();
        e.discount[i] = 0.3 * e.basket[i] * uniform();
    }
    PreviewParams prm;
    prm.grossMargin = 0.41;
    prm.costPerContact = 0.3;
    prm.controlShare = 0.2;
    prm.modelLevelSd = 0.2;
    prm.modelEffectSd = 0.4;
    const PreviewTotals want = computePreview(e, prm).totals;
    for (Eigen::Index piece : {Eigen::Index(1), Eigen::Index(999), Eigen::Index(4096), n}) {
        SCOPED_TRACE(piece);
        std::vector<TotalsAccumulator> parts;
        for (Eigen::Index from = 0; from < n; from += piece) {
            const Eigen::Index m = std::min(piece, n - from);
            parts.emplace_back().add(e.buyTreated.segment(from, m).array(), e.buyControl.segment(from, m).array(), e.redeem.segment(from, m).array(),
                                     e.basket.segment(from, m).array(), e.discount.segment(from, m).array(), from);
        }
        TotalsAccumulator all;
        for (const TotalsAccumulator& p : parts) all.merge(p);
        ASSERT_EQ(all.users(), n);
        const PreviewTotals got = all.totals(prm);
        EXPECT_EQ(got.targeted, want.targeted);
        EXPECT_EQ(got.eligible, want.eligible);
        const std::pair<const Estimate*, const Estimate*> figures[] = {
            {&got.redemptions, &want.redemptions},   {&got.conversions, &want.conversions},     {&got.incrementalConversions, &want.incrementalConversions},
            {&got.revenue, &want.revenue},           {&got.incrementalRevenue, &want.incrementalRevenue}, {&got.discountCost, &want.discountCost},
            {&got.subsidy, &want.subsidy},           {&got.totalCost, &want.totalCost},         {&got.profit, &want.profit},
            {&got.incrementalProfit, &want.incrementalProfit}, {&got.roi, &want.roi},           {&got.incrementalRoi, &want.incrementalRoi}};
        for (const auto& [a, b] : figures) {
            EXPECT_NEAR(a->value, b->value, 1e-9 * (1 + std::fabs(b->value)));
            EXPECT_NEAR(a->low, b->low, 1e-9 * (1 + std::fabs(b->low)));
            EXPECT_NEAR(a->high, b->high, 1e-9 * (1 + std::fabs(b->high)));
        }
    }

    TotalsAccumulator bad;
    Eigen::ArrayXd p1 = e.buyTreated.head(10).array();
    p1[7] = 1.5;
    try {
        bad.add(p1, e.buyControl.head(10).array(), e.redeem.head(10).array(), e.basket.head(10).array(), e.discount.head(10).array(), 100);
        ADD_FAILURE() << "a probability of 1.5 was taken";
    } catch (const std::invalid_argument& ex) {
        EXPECT_NE(std::string(ex.what()).find("row 107"), std::string::npos) << ex.what();
    }
    TotalsAccumulator some;
    some.add(e.buyTreated.array(), e.buyControl.array(), e.redeem.array(), e.basket.array(), e.discount.array());
    PreviewParams limited = prm;
    limited.budget = 100;
    EXPECT_THROW(some.totals(limited), std::invalid_argument);
}

TEST(Distributions, AgreeWithScipy)
{
    // scipy.stats / scipy.special, printed with repr().
    EXPECT_NEAR(normalQuantile(0.95), 1.6448536269514722, 1e-14);
    EXPECT_NEAR(normalQuantile(1e-10), -6.361340902404056, 1e-12);
    EXPECT_NEAR(normalQuantile(0.999), 3.090232306167813, 1e-13);
    EXPECT_NEAR(twoSidedZ(0.90), 1.6448536269514722, 1e-14);
    EXPECT_NEAR(studentTCdf(2.0, 5.5), 0.9516228048844075, 1e-13);
    EXPECT_NEAR(studentTCdf(-1.3, 2.2), 0.15654289292680054, 1e-13);
    // Large df: lgamma(a + b) - lgamma(a) cancels about ten digits; still far below what a p-value needs.
    EXPECT_NEAR(studentTCdf(0.7, 1e6), 0.758036266356729, 1e-9);
    EXPECT_NEAR(studentTTwoSided(0.95, 7.3), 2.345066736150929, 1e-9);
    EXPECT_NEAR(incompleteBeta(2.5, 3.5, 0.3), 0.2967529892956661, 1e-14);
    EXPECT_NEAR(incompleteBeta(0.5, 40, 0.9), 1.0, 1e-14);
}

} // namespace
} // namespace cwb::engine
