#pragma once
// A campaign as a marketer designs it: the offer (coupon, flash sale or
// member-exclusive), who gets it, how it is delivered and what it may cost.
// A plain value type; validate() lists every problem at once, each naming
// the field, so that a form can show it next to the field and a file can be
// fixed in one pass. Messages are worded by the caller (model/ translates
// them); here a problem is a code with its numbers.

#include "uptake/offer_features.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cwb::engine {

enum class CampaignType { Coupon, FlashSale, Member };

struct CouponTerms {
    double amountOff = 0;        // face value in the data's currency, or
    double percentOff = 0;       // percent off the order (exactly one of the two)
    double minSpend = 0;         // threshold; 0 = none
    int validityDays = 7;
    int perUserLimit = 1;
    std::int64_t totalQuantity = 0;   // coupons available; 0 = no limit
};

struct FlashSaleTerms {
    double percentOff = 0;
    double durationHours = 4;
    std::int64_t stockLimit = 0;      // units on sale; 0 = no limit
    std::vector<std::string> categories;   // empty = the whole shop
};

struct MemberTerms {
    std::vector<std::string> tiers;   // eligible member tiers (silver, gold, platinum, ...); empty = every member
    double percentOff = 0;            // percent off, or
    double pointsMultiplier = 1;      // points earned x this (> 1), or both
    double durationDays = 7;
    double pointValue = 0.01;         // what the points earned on one unit of spend cost the shop (1 point = 1 %)
};

enum class BasketSource { History, Given };

struct CampaignSpec {
    std::string name;
    CampaignType type = CampaignType::Coupon;
    std::int64_t startTs = 0;         // Unix seconds, UTC
    CouponTerms coupon;
    FlashSaleTerms flashSale;
    MemberTerms member;

    std::vector<std::string> includeSegments;   // empty = every user
    std::vector<std::string> excludeSegments;
    double targetShare = 1.0;         // targeting depth: the share of those users reached, best first (1 = all)
    double controlShare = 0.1;        // held out at random to measure the effect
    bool measureUplift = true;        // the campaign is meant to measure its effect (needs a control group)
    std::string channel = "sms";      // sms, push, email, app
    double costPerContact = 0;        // currency per targeted user
    double budget = 0;                // cap on total cost; 0 = none
    double grossMargin = 0.3;         // share of revenue kept before the discount
    BasketSource basketSource = BasketSource::History;
    double givenBasket = 0;           // with BasketSource::Given: the expected order value

    double durationHours() const;
    // What an uptake model sees of the offer.
    OfferDescription offer() const;
};

const char* campaignTypeKey(CampaignType t);   // coupon, flash_sale, member
bool parseCampaignType(const std::string& key, CampaignType& out);

enum class SpecProblem {
    MissingName,
    NoDiscount,               // coupon/flash/member without any discount
    BothAmountAndPercent,     // coupon with amount off and percent off
    PercentOutOfRange,        // value: the percent; limit: 95
    NegativeValue,            // value: the number
    ThresholdBelowAmount,     // value: threshold; limit: amount off
    DurationOutOfRange,       // value; limit: the maximum
    PerUserLimitTooSmall,
    PointsMultiplierTooSmall, // value
    ControlShareOutOfRange,   // value; must be in [0, 0.5]
    NoControlForUplift,       // measureUplift with controlShare 0
    MarginOutOfRange,         // value; must be in (0, 1)
    GivenBasketMissing,       // basket source "given" without a positive value
    SegmentBothIncludedAndExcluded,
    UnknownChannel,
    TargetShareOutOfRange,    // value; must be in (0, 1]
};

struct SpecIssue {
    std::string field;        // e.g. "coupon.percent_off", "control_share"
    SpecProblem problem;
    double value = 0;
    double limit = 0;
    std::string text;         // a segment or channel name, when the problem is about one
};

// Every problem of the spec (empty = valid). Whether the named segments exist
// is for the caller to check against the workspace.
std::vector<SpecIssue> validate(const CampaignSpec& spec);

inline constexpr double kMaxPercentOff = 95.0;
inline constexpr double kMaxControlShare = 0.5;

} // namespace cwb::engine
