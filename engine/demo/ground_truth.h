#pragma once
// The demo shop's ground-truth response model.
//
// Each customer has latent traits (UserTraits). Given an offer, respond()
// returns the exact probabilities of the outcomes the demo data draws:
//
//   D     = offer duration in days
//   lam   = sessionsPerDay * buyPerSession          (baseline purchase hazard per day)
//   p0    = 1 - exp(-lam * D)                       P(order in the window | control)
//   d     = perceived discount: percentOff; amountOff / max(minSpend, basketMean);
//           member offers add 0.03 * (pointsMultiplier - 1)
//   g(d)  = 1 - exp(-d / 0.12)                      diminishing response to depth
//   q     = P(basket * 1.2 >= minSpend)             basket ~ LogNormal(ln basketMean, 0.45);
//           customers stretch a basket by up to 20 % to reach a threshold
//   reach = channel reach * timing                  sms 0.85, push 0.75 on app devices and
//           0.15 on web, e-mail 0.45; timing = 0.7 + 0.3 * min(1, 8 * share of the user's
//           activity in the 3 hours after the start) for coupons and member offers, and
//           min(1, 0.5 * share of activity inside the window * 24 / hours) for flash sales
//   h     = (6 * lam + 0.0015) * s * g(d) * q * reach * type * interest
//           s = price sensitivity; type = 1.2 for member offers, 1 otherwise;
//           interest (flash sales with categories) = clamp(0.4 + 0.6 * share of the user's
//           interest in the sale categories * 12 / #categories, 0, 1.5)
//   E     = 3 * (1 - exp(-D / 3)) days of offer exposure (attention fades), or 12 * D for
//           flash sales (urgency)
//   p1    = 1 - exp(-lam * D - h * E)               P(order in the window | treated)
//
// Potential outcomes are coupled through one uniform u per user and campaign:
// a treated user converts when u < p1, a control user when u < p0. Treated
// users with u < p0 would have bought anyway: they redeem only when their
// basket reaches the threshold (probability q) — the subsidy. Users with
// p0 <= u < p1 buy because of the offer and always redeem. Visits: a
// session in the window with probability 1 - exp(-sessionsPerDay * D), plus
// for treated users a click-through of reach * (0.03 + 0.12 * s * g(d)) *
// interest; a converting user always visits. Offers a user is not eligible
// for (member tiers) have no effect.

#include "demo/offer.h"

#include <array>

namespace cwb::engine::demo {

inline constexpr double kBasketSigma = 0.45;   // log-sd of one order's value
inline constexpr double kThresholdStretch = 1.2;

struct UserTraits {
    double sessionsPerDay = 0.0;
    double buyPerSession = 0.0;
    double priceSensitivity = 1.0;
    double basketMean = 0.0;    // median order value (currency)
    std::array<double, kCategoryCount> interest{};  // shares, sum to 1
    std::array<double, 24> hourShare{};             // share of activity per hour, sum to 1
    int tier = 0;               // 0 none, 1 silver, 2 gold, 3 platinum
    int device = 0;             // 0 ios, 1 android, 2 mini-program, 3 web

    double purchaseRate() const { return sessionsPerDay * buyPerSession; }
};

struct ResponseProbabilities {
    bool eligible = true;
    double perceivedDiscount = 0.0;
    double reach = 0.0;
    double thresholdReach = 1.0;     // q
    double convertControl = 0.0;     // p0
    double convertTreated = 0.0;     // p1
    double visitControl = 0.0;
    double visitTreated = 0.0;
    double redeemTreated = 0.0;      // (p1 - p0) + p0 * q
    // Expected money per targeted user.
    double revenueControl = 0.0;     // what the user pays without the offer
    double revenueTreated = 0.0;     // what the user pays with it (after the discount)
    double discountCostTreated = 0.0;// discount and points paid out

    double uplift() const { return convertTreated - convertControl; }
    double incrementalRevenue() const { return revenueTreated - revenueControl; }
};

ResponseProbabilities respond(const UserTraits& user, const Offer& offer);

// Share of a user's daily activity that falls in [startHour, startHour + hours), wrapping.
double activityShare(const UserTraits& user, int startHour, double hours);

// Discount given on a basket of `value` that qualifies for the offer.
double discountOn(const Offer& offer, double value);

} // namespace cwb::engine::demo
