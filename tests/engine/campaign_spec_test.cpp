// Campaign specs: every validation rule, and the offer an uptake model sees.
#include "campaign/campaign_spec.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace cwb::engine;

namespace {

CampaignSpec coupon()
{
    CampaignSpec s;
    s.name = "Autumn 20% off over 199";
    s.type = CampaignType::Coupon;
    s.startTs = 1788228000;   // 2026-09-01 02:00 UTC, a Tuesday
    s.coupon.percentOff = 20;
    s.coupon.minSpend = 199;
    return s;
}

bool has(const std::vector<SpecIssue>& issues, const std::string& field, SpecProblem p)
{
    return std::any_of(issues.begin(), issues.end(), [&](const SpecIssue& i) { return i.field == field && i.problem == p; });
}

} // namespace

TEST(CampaignSpec, AValidCouponHasNoProblems)
{
    EXPECT_TRUE(validate(coupon()).empty());
}

TEST(CampaignSpec, CouponRules)
{
    CampaignSpec s = coupon();
    s.coupon.percentOff = 120;
    auto issues = validate(s);
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].field, "coupon.percent_off");
    EXPECT_EQ(issues[0].problem, SpecProblem::PercentOutOfRange);
    EXPECT_EQ(issues[0].value, 120);
    EXPECT_EQ(issues[0].limit, kMaxPercentOff);

    s = coupon();
    s.coupon.percentOff = 0;
    EXPECT_TRUE(has(validate(s), "coupon.percent_off", SpecProblem::NoDiscount));
    s.coupon.amountOff = 30;
    s.coupon.percentOff = 10;
    EXPECT_TRUE(has(validate(s), "coupon.amount_off", SpecProblem::BothAmountAndPercent));

    s = coupon();
    s.coupon.percentOff = 0;
    s.coupon.amountOff = 50;
    s.coupon.minSpend = 50;   // threshold equal to the amount: the coupon pays for the whole order
    issues = validate(s);
    ASSERT_EQ(issues.size(), 1u);
    EXPECT_EQ(issues[0].problem, SpecProblem::ThresholdBelowAmount);
    EXPECT_EQ(issues[0].value, 50);
    s.coupon.minSpend = 0;   // no threshold at all is a plain voucher: allowed
    EXPECT_TRUE(validate(s).empty());

    s = coupon();
    s.coupon.validityDays = 0;
    s.coupon.perUserLimit = 0;
    s.coupon.totalQuantity = -5;
    issues = validate(s);
    EXPECT_TRUE(has(issues, "coupon.validity_days", SpecProblem::DurationOutOfRange));
    EXPECT_TRUE(has(issues, "coupon.per_user_limit", SpecProblem::PerUserLimitTooSmall));
    EXPECT_TRUE(has(issues, "coupon.total_quantity", SpecProblem::NegativeValue));
    EXPECT_EQ(issues.size(), 3u);
}

TEST(CampaignSpec, FlashSaleAndMemberRules)
{
    CampaignSpec f = coupon();
    f.type = CampaignType::FlashSale;
    f.flashSale.percentOff = 30;
    f.flashSale.durationHours = 4;
    EXPECT_TRUE(validate(f).empty());
    f.flashSale.durationHours = 0;
    EXPECT_TRUE(has(validate(f), "flash_sale.duration_hours", SpecProblem::DurationOutOfRange));
    f.flashSale.durationHours = 4;
    f.flashSale.percentOff = 0;
    EXPECT_TRUE(has(validate(f), "flash_sale.percent_off", SpecProblem::NoDiscount));

    CampaignSpec m = coupon();
    m.type = CampaignType::Member;
    m.member.pointsMultiplier = 3;   // points alone are an offer
    EXPECT_TRUE(validate(m).empty());
    m.member.pointsMultiplier = 0.5;
    auto issues = validate(m);
    EXPECT_TRUE(has(issues, "member.points_multiplier", SpecProblem::PointsMultiplierTooSmall));
    EXPECT_TRUE(has(issues, "member.percent_off", SpecProblem::NoDiscount));
}

TEST(CampaignSpec, CommonRules)
{
    CampaignSpec s = coupon();
    s.name = "  ";
    s.controlShare = 0;   // uplift wanted by default
    s.channel = "fax";
    s.grossMargin = 35;
    s.budget = -1;
    s.costPerContact = -0.1;
    s.basketSource = BasketSource::Given;
    s.includeSegments = {"Champions", "Lost"};
    s.excludeSegments = {"Lost"};
    const auto issues = validate(s);
    EXPECT_TRUE(has(issues, "name", SpecProblem::MissingName));
    EXPECT_TRUE(has(issues, "control_share", SpecProblem::NoControlForUplift));
    EXPECT_TRUE(has(issues, "channel", SpecProblem::UnknownChannel));
    EXPECT_TRUE(has(issues, "gross_margin", SpecProblem::MarginOutOfRange));
    EXPECT_TRUE(has(issues, "budget", SpecProblem::NegativeValue));
    EXPECT_TRUE(has(issues, "cost_per_contact", SpecProblem::NegativeValue));
    EXPECT_TRUE(has(issues, "basket.value", SpecProblem::GivenBasketMissing));
    EXPECT_TRUE(has(issues, "target.exclude", SpecProblem::SegmentBothIncludedAndExcluded));
    EXPECT_EQ(issues.size(), 8u);

    s = coupon();
    s.controlShare = 0;
    s.measureUplift = false;   // a plain send, knowingly without a control group
    EXPECT_TRUE(validate(s).empty());
    s.controlShare = 0.6;
    EXPECT_TRUE(has(validate(s), "control_share", SpecProblem::ControlShareOutOfRange));
}

TEST(CampaignSpec, OfferAsTheModelsSeeIt)
{
    const OfferDescription o = coupon().offer();
    EXPECT_EQ(o.type, "coupon");
    EXPECT_EQ(o.channel, "sms");
    EXPECT_EQ(o.percentOff, 20);
    EXPECT_EQ(o.minSpend, 199);
    EXPECT_EQ(o.durationHours, 7 * 24);
    EXPECT_EQ(o.startHour(), 2);
    EXPECT_EQ(o.startWeekday(), 1);   // Tuesday
    EXPECT_FALSE(o.memberOnly);

    CampaignSpec m = coupon();
    m.type = CampaignType::Member;
    m.member.durationDays = 3;
    m.member.pointsMultiplier = 3;
    m.member.percentOff = 0;
    const OfferDescription mo = m.offer();
    EXPECT_TRUE(mo.memberOnly);
    EXPECT_EQ(mo.pointsMultiplier, 3);
    EXPECT_EQ(mo.durationHours, 72);
    EXPECT_EQ(mo.minSpend, 0);   // the coupon's terms do not leak into another type

    CampaignSpec f = coupon();
    f.type = CampaignType::FlashSale;
    f.flashSale.percentOff = 30;
    f.flashSale.categories = {"Beauty"};
    EXPECT_TRUE(f.offer().hasCategories);
    EXPECT_EQ(f.offer().durationHours, 4);
}
