#pragma once
// What an uptake model knows about an offer, and the features that pair an
// offer with a user's history: how much of the user's activity falls in the
// hours the offer runs, how deep the discount is on the user's usual basket,
// how far the threshold is above it. Training (past campaigns) and scoring
// (a campaign being designed) compute them with these same functions.

#include <array>
#include <cstdint>
#include <limits>
#include <string>

namespace cwb::engine {

struct OfferDescription {
    std::string type;                // coupon, flash_sale, member, email
    std::string channel;             // sms, push, email, ...
    double percentOff = 0.0;         // 0..100
    double amountOff = 0.0;          // face value, in the data's currency
    double minSpend = 0.0;           // threshold
    double pointsMultiplier = 1.0;   // member offers
    double durationHours = 0.0;
    std::int64_t startTs = 0;        // Unix seconds, UTC
    bool memberOnly = false;
    bool hasCategories = false;      // limited to some categories

    int startHour() const;           // 0..23, UTC
    int startWeekday() const;        // 0 = Monday .. 6 = Sunday, UTC
    // The discount as a percentage of the threshold (amount off) or as given (percent off); 0 when neither.
    double depthPercent() const;
};

// Activity in eight three-hour blocks of the day (UTC: block k = hours 3k..3k+3).
using DayBlocks = std::array<double, 8>;

// Share of the activity in [startHour, startHour + hours) of the day,
// wrapping past midnight, spreading each block evenly over its three hours.
// 1 when hours >= 24; NaN when there is no activity at all.
double activityShare(const DayBlocks& blocks, double startHour, double hours);

// How many hours of each block a window covers: what activityShare weighs the
// blocks by, worked out once for an offer and applied to a million users'
// blocks with eight multiply-adds each.
struct ActivityWindow {
    std::array<double, 8> hoursInBlock{};
    double hours = 0;
    static ActivityWindow of(double startHour, double hours);
    // The share from sum_b blocks[b] hoursInBlock[b] and sum_b blocks[b] (for callers that
    // weigh one user's blocks by several windows in one pass).
    double share(double covered, double total) const
    {
        if (!(total > 0)) return std::numeric_limits<double>::quiet_NaN();
        if (hours >= 24) return 1.0;
        if (hours <= 0) return 0.0;
        return covered / 3.0 / total;   // the activity is even within a block: a covered hour holds a third of it
    }
};
double activityShare(const DayBlocks& blocks, const ActivityWindow& window);

// Discount as a share of what the user usually spends on an order: percent off,
// or amount off / max(threshold, the user's average order); NaN when an
// amount-off offer meets a user with no orders and no threshold.
double depthOnBasket(const OfferDescription& offer, double averageOrderValue);

// Threshold / the user's average order (0 without a threshold; NaN without orders).
double thresholdRatio(const OfferDescription& offer, double averageOrderValue);

} // namespace cwb::engine
