#include "core/civil_time.h"
#include "core/random.h"
#include "demo/ground_truth.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace cwb::engine;
using namespace cwb::engine::demo;

namespace {

UserTraits flatUser()
{
    UserTraits u;
    u.sessionsPerDay = 0.02;
    u.buyPerSession = 0.1;   // lam = 0.002 per day
    u.priceSensitivity = 1.0;
    u.basketMean = 150.0;
    u.interest.fill(1.0 / kCategoryCount);
    u.hourShare.fill(1.0 / 24.0);
    u.tier = 0;
    u.device = 0;   // ios: push reaches
    return u;
}

Offer coupon20()
{
    Offer o;
    o.type = OfferType::Coupon;
    o.percentOff = 0.20;
    o.durationHours = 7 * 24;
    o.startTs = toUnixSeconds(2026, 3, 1, 20);
    o.channel = Channel::Sms;
    return o;
}

} // namespace

TEST(GroundTruth, HandWorkedCoupon)
{
    // lam = 0.002, D = 7: p0 = 1 - exp(-0.014). Flat hours: 3 h hold 1/8 of
    // activity, so timing = 0.7 + 0.3 * min(1, 8/8) = 1 and reach = 0.85 (sms).
    // g = 1 - exp(-0.2/0.12); h = (6 * 0.002 + 0.0015) * g * 0.85;
    // E = 3 * (1 - exp(-7/3)); p1 = 1 - exp(-0.014 - h * E).
    // Values from Python (math module).
    const ResponseProbabilities r = respond(flatUser(), coupon20());
    EXPECT_NEAR(r.reach, 0.85, 1e-12);
    EXPECT_NEAR(r.convertControl, 0.013902455737138109, 1e-12);
    EXPECT_NEAR(r.convertTreated, 0.038456250075888154, 1e-12);
    EXPECT_NEAR(r.thresholdReach, 1.0, 1e-12);
    EXPECT_NEAR(r.redeemTreated, r.convertTreated, 1e-12);   // no threshold: every buyer redeems
    const double mean = 150.0 * std::exp(0.5 * kBasketSigma * kBasketSigma);
    EXPECT_NEAR(r.revenueControl, r.convertControl * mean, 1e-9);
    EXPECT_NEAR(r.revenueTreated, r.convertTreated * mean * 0.8, 1e-9);
    EXPECT_NEAR(r.discountCostTreated, r.convertTreated * mean * 0.2, 1e-9);
}

TEST(GroundTruth, DeeperDiscountMoreUpliftWithDiminishingReturns)
{
    double last = 0, lastGain = 1;
    for (double pct : {0.05, 0.10, 0.15, 0.20, 0.30, 0.40}) {
        Offer o = coupon20();
        o.percentOff = pct;
        const double uplift = respond(flatUser(), o).uplift();
        EXPECT_GT(uplift, last) << pct;
        if (last > 0) {
            const double gain = (uplift - last);
            EXPECT_LT(gain, lastGain * 2.0);   // concave in depth (steps are not all equal: loose)
            lastGain = gain;
        }
        last = uplift;
    }
}

TEST(GroundTruth, ThresholdsCutRedemptionAndUplift)
{
    Offer low = coupon20(), high = coupon20();
    high.minSpend = 400;   // well above the median basket of 150
    const auto a = respond(flatUser(), low), b = respond(flatUser(), high);
    EXPECT_LT(b.thresholdReach, 0.05);
    EXPECT_LT(b.uplift(), a.uplift() * 0.1);
    EXPECT_LT(b.redeemTreated, a.redeemTreated * 0.1);
    EXPECT_NEAR(a.convertControl, b.convertControl, 1e-15);   // the control group does not see the offer
}

TEST(GroundTruth, MemberOffersIgnoreIneligibleTiers)
{
    Offer o = coupon20();
    o.type = OfferType::Member;
    o.tierMask = 0b1100;   // gold and platinum
    UserTraits none = flatUser(), gold = flatUser();
    gold.tier = 2;
    const auto a = respond(none, o), b = respond(gold, o);
    EXPECT_FALSE(a.eligible);
    EXPECT_DOUBLE_EQ(a.uplift(), 0.0);
    EXPECT_TRUE(b.eligible);
    EXPECT_GT(b.uplift(), 0.0);
}

TEST(GroundTruth, FlashSalesNeedTheUserToBeActiveThen)
{
    Offer o = coupon20();
    o.type = OfferType::FlashSale;
    o.durationHours = 3;
    o.startTs = toUnixSeconds(2026, 3, 1, 20);
    UserTraits evening = flatUser(), morning = flatUser();
    evening.hourShare.fill(0.0);
    morning.hourShare.fill(0.0);
    for (int h = 19; h <= 22; ++h) evening.hourShare[std::size_t(h)] = 0.25;
    for (int h = 7; h <= 10; ++h) morning.hourShare[std::size_t(h)] = 0.25;
    EXPECT_GT(respond(evening, o).uplift(), 10 * respond(morning, o).uplift());
    EXPECT_NEAR(activityShare(evening, 20, 3.0), 0.75, 1e-12);
    EXPECT_NEAR(activityShare(evening, 22, 3.0), 0.25, 1e-12);   // wraps past midnight
}

TEST(GroundTruth, ExpectedMoneyMatchesSimulationOfTheDocumentedProcess)
{
    // Simulates the process described in ground_truth.h (coupled uniform,
    // log-normal baskets, stretching to the threshold) and compares the
    // averages with respond()'s closed forms.
    UserTraits u = flatUser();
    u.basketMean = 180;
    u.sessionsPerDay = 0.2;   // a frequent buyer, so that many draws convert
    Offer o = coupon20();
    o.percentOff = 0.15;
    o.minSpend = 199;
    o.amountOff = 10;
    const ResponseProbabilities r = respond(u, o);
    Rng rng(99);
    const int n = 2'000'000;
    const double a = o.minSpend / kThresholdStretch;
    double revT = 0, revC = 0, cost = 0, redeem = 0, revT2 = 0;
    for (int i = 0; i < n; ++i) {
        const double uu = rng.uniform();
        if (uu < r.convertControl) revC += rng.logNormal(std::log(u.basketMean), kBasketSigma);
        if (uu >= r.convertTreated) continue;
        const bool incremental = uu >= r.convertControl;
        double x = rng.logNormal(std::log(u.basketMean), kBasketSigma);
        while (incremental && x < a) x = rng.logNormal(std::log(u.basketMean), kBasketSigma);
        double paid = x;
        if (x >= a) {
            const double y = std::max(x, o.minSpend);
            const double d = o.percentOff * y + o.amountOff;
            paid = y - d;
            cost += d;
            redeem += 1;
        }
        revT += paid;
        revT2 += paid * paid;
    }
    const double se = std::sqrt(revT2 / n) / std::sqrt(double(n));
    EXPECT_NEAR(revT / n, r.revenueTreated, 4 * se);
    EXPECT_NEAR(revC / n, r.revenueControl, 4 * se);
    EXPECT_NEAR(cost / n, r.discountCostTreated, 4 * se);
    EXPECT_NEAR(redeem / n, r.redeemTreated, 4 * std::sqrt(r.redeemTreated / n));
}
