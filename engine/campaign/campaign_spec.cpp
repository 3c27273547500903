#include "campaign/campaign_spec.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace cwb::engine {

namespace {

constexpr double kMaxValidityDays = 366;
constexpr double kMaxFlashHours = 24 * 14;
constexpr double kMaxMemberDays = 366;

bool knownChannel(const std::string& c) { return c == "sms" || c == "push" || c == "email" || c == "app"; }

} // namespace

const char* campaignTypeKey(CampaignType t)
{
    switch (t) {
    case CampaignType::Coupon: return "coupon";
    case CampaignType::FlashSale: return "flash_sale";
    case CampaignType::Member: return "member";
    }
    return "coupon";
}

bool parseCampaignType(const std::string& key, CampaignType& out)
{
    for (CampaignType t : {CampaignType::Coupon, CampaignType::FlashSale, CampaignType::Member})
        if (key == campaignTypeKey(t)) {
            out = t;
            return true;
        }
    return false;
}

double CampaignSpec::durationHours() const
{
    switch (type) {
    case CampaignType::Coupon: return 24.0 * coupon.validityDays;
    case CampaignType::FlashSale: return flashSale.durationHours;
    case CampaignType::Member: return 24.0 * member.durationDays;
    }
    return 0;
}

OfferDescription CampaignSpec::offer() const
{
    OfferDescription o;
    o.type = campaignTypeKey(type);
    o.channel = channel;
    o.startTs = startTs;
    o.durationHours = durationHours();
    switch (type) {
    case CampaignType::Coupon:
        o.percentOff = coupon.percentOff;
        o.amountOff = coupon.amountOff;
        o.minSpend = coupon.minSpend;
        break;
    case CampaignType::FlashSale:
        o.percentOff = flashSale.percentOff;
        o.hasCategories = !flashSale.categories.empty();
        break;
    case CampaignType::Member:
        o.percentOff = member.percentOff;
        o.pointsMultiplier = member.pointsMultiplier;
        o.memberOnly = true;
        break;
    }
    return o;
}

std::vector<SpecIssue> validate(const CampaignSpec& s)
{
    std::vector<SpecIssue> issues;
    auto add = [&](std::string field, SpecProblem p, double value = 0, double limit = 0, std::string text = {}) {
        issues.push_back(SpecIssue{std::move(field), p, value, limit, std::move(text)});
    };
    auto percent = [&](const char* field, double v) {
        if (!std::isfinite(v) || v < 0 || v > kMaxPercentOff) add(field, SpecProblem::PercentOutOfRange, v, kMaxPercentOff);
    };
    auto notNegative = [&](const char* field, double v) {
        if (!std::isfinite(v) || v < 0) add(field, SpecProblem::NegativeValue, v);
    };

    if (std::all_of(s.name.begin(), s.name.end(), [](unsigned char c) { return std::isspace(c); })) add("name", SpecProblem::MissingName);

    switch (s.type) {
    case CampaignType::Coupon: {
        const CouponTerms& c = s.coupon;
        percent("coupon.percent_off", c.percentOff);
        notNegative("coupon.amount_off", c.amountOff);
        notNegative("coupon.min_spend", c.minSpend);
        notNegative("coupon.total_quantity", double(c.totalQuantity));
        if (c.amountOff > 0 && c.percentOff > 0) add("coupon.amount_off", SpecProblem::BothAmountAndPercent, c.amountOff, c.percentOff);
        else if (!(c.amountOff > 0) && !(c.percentOff > 0)) add("coupon.percent_off", SpecProblem::NoDiscount);
        if (c.amountOff > 0 && c.minSpend > 0 && c.minSpend <= c.amountOff)
            add("coupon.min_spend", SpecProblem::ThresholdBelowAmount, c.minSpend, c.amountOff);
        if (c.validityDays < 1 || c.validityDays > kMaxValidityDays)
            add("coupon.validity_days", SpecProblem::DurationOutOfRange, c.validityDays, kMaxValidityDays);
        if (c.perUserLimit < 1) add("coupon.per_user_limit", SpecProblem::PerUserLimitTooSmall, c.perUserLimit);
        break;
    }
    case CampaignType::FlashSale: {
        const FlashSaleTerms& f = s.flashSale;
        percent("flash_sale.percent_off", f.percentOff);
        if (!(f.percentOff > 0)) add("flash_sale.percent_off", SpecProblem::NoDiscount);
        if (!(f.durationHours >= 0.25) || f.durationHours > kMaxFlashHours)
            add("flash_sale.duration_hours", SpecProblem::DurationOutOfRange, f.durationHours, kMaxFlashHours);
        notNegative("flash_sale.stock_limit", double(f.stockLimit));
        break;
    }
    case CampaignType::Member: {
        const MemberTerms& m = s.member;
        percent("member.percent_off", m.percentOff);
        if (!std::isfinite(m.pointsMultiplier) || m.pointsMultiplier < 1)
            add("member.points_multiplier", SpecProblem::PointsMultiplierTooSmall, m.pointsMultiplier);
        if (!(m.percentOff > 0) && !(m.pointsMultiplier > 1)) add("member.percent_off", SpecProblem::NoDiscount);
        if (!(m.durationDays >= 1.0 / 24) || m.durationDays > kMaxMemberDays)
            add("member.duration_days", SpecProblem::DurationOutOfRange, m.durationDays, kMaxMemberDays);
        if (!std::isfinite(m.pointValue) || m.pointValue < 0 || m.pointValue >= 1) add("member.point_value", SpecProblem::NegativeValue, m.pointValue);
        break;
    }
    }

    for (const std::string& seg : s.includeSegments)
        if (std::find(s.excludeSegments.begin(), s.excludeSegments.end(), seg) != s.excludeSegments.end())
            add("target.exclude", SpecProblem::SegmentBothIncludedAndExcluded, 0, 0, seg);
    if (!(s.targetShare > 0) || s.targetShare > 1) add("target.share", SpecProblem::TargetShareOutOfRange, s.targetShare);
    if (!std::isfinite(s.controlShare) || s.controlShare < 0 || s.controlShare > kMaxControlShare)
        add("control_share", SpecProblem::ControlShareOutOfRange, s.controlShare, kMaxControlShare);
    else if (s.measureUplift && s.controlShare == 0)
        add("control_share", SpecProblem::NoControlForUplift);
    if (!knownChannel(s.channel)) add("channel", SpecProblem::UnknownChannel, 0, 0, s.channel);
    notNegative("cost_per_contact", s.costPerContact);
    notNegative("budget", s.budget);
    if (!std::isfinite(s.grossMargin) || s.grossMargin <= 0 || s.grossMargin >= 1) add("gross_margin", SpecProblem::MarginOutOfRange, s.grossMargin);
    if (s.basketSource == BasketSource::Given && !(s.givenBasket > 0)) add("basket.value", SpecProblem::GivenBasketMissing, s.givenBasket);
    return issues;
}

} // namespace cwb::engine
