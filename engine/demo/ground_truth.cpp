#include "demo/ground_truth.h"

#include "core/civil_time.h"
#include "stats/distributions.h"

#include <algorithm>
#include <cmath>

namespace cwb::engine::demo {

namespace {

// Moments of one order's value x ~ LogNormal(ln median, kBasketSigma).
struct Basket {
    double mu;
    double sigma = kBasketSigma;
    explicit Basket(double median) : mu(std::log(median)) {}
    double mean() const { return std::exp(mu + 0.5 * sigma * sigma); }
    double probAtLeast(double c) const
    {
        return c <= 0 ? 1.0 : normalCdf((mu - std::log(c)) / sigma);
    }
    // E[x * 1{x >= c}]
    double partialMean(double c) const
    {
        return c <= 0 ? mean() : mean() * normalCdf((mu + sigma * sigma - std::log(c)) / sigma);
    }
};

double channelReach(Channel channel, int device)
{
    switch (channel) {
    case Channel::Sms: return 0.85;
    case Channel::Push: return device == 3 ? 0.15 : 0.75;
    case Channel::Email: return 0.45;
    }
    return 0.0;
}

int startHour(const Offer& offer) { return fromUnixSeconds(offer.startTs).hour; }

} // namespace

double activityShare(const UserTraits& user, int hour0, double hours)
{
    double share = 0.0;
    double left = std::clamp(hours, 0.0, 24.0);
    for (int h = hour0; left > 0; ++h) {
        const double part = std::min(1.0, left);
        share += part * user.hourShare[static_cast<std::size_t>(((h % 24) + 24) % 24)];
        left -= part;
    }
    return share;
}

double discountOn(const Offer& offer, double value)
{
    double d = offer.percentOff * value + offer.amountOff;
    if (offer.pointsMultiplier > 1.0) d += 0.01 * (offer.pointsMultiplier - 1.0) * value;
    return std::min(d, value);
}

ResponseProbabilities respond(const UserTraits& user, const Offer& offer)
{
    ResponseProbabilities r;
    const double days = offer.durationDays();
    const double lam = user.purchaseRate();
    const Basket basket(user.basketMean);

    r.convertControl = 1.0 - std::exp(-lam * days);
    r.visitControl = 1.0 - std::exp(-user.sessionsPerDay * days);
    r.revenueControl = r.convertControl * basket.mean();

    r.eligible = !(offer.type == OfferType::Member && offer.tierMask != 0
                   && (offer.tierMask & (1u << user.tier)) == 0);
    if (!r.eligible) {
        r.convertTreated = r.convertControl;
        r.visitTreated = r.visitControl + (1 - r.visitControl) * r.convertControl;
        r.visitControl = r.visitTreated;
        r.revenueTreated = r.revenueControl;
        return r;
    }

    double d = offer.percentOff;
    if (offer.amountOff > 0) d += offer.amountOff / std::max(offer.minSpend, user.basketMean);
    if (offer.type == OfferType::Member && offer.pointsMultiplier > 1.0)
        d += 0.03 * (offer.pointsMultiplier - 1.0);
    r.perceivedDiscount = d;
    const double g = 1.0 - std::exp(-d / 0.12);

    const double stretchFloor = offer.minSpend / kThresholdStretch;
    r.thresholdReach = basket.probAtLeast(stretchFloor);

    const int hour = startHour(offer);
    double timing;
    if (offer.type == OfferType::FlashSale) {
        const double hours = std::max(offer.durationHours, 1e-9);
        timing = std::min(1.0, 0.5 * activityShare(user, hour, hours) * 24.0 / hours);
    } else {
        timing = 0.7 + 0.3 * std::min(1.0, 8.0 * activityShare(user, hour, 3.0));
    }
    r.reach = channelReach(offer.channel, user.device) * timing;

    double interest = 1.0;
    if (offer.type == OfferType::FlashSale && offer.categoryMask != 0) {
        double share = 0.0;
        int n = 0;
        for (int c = 0; c < kCategoryCount; ++c)
            if (offer.categoryMask & (1u << c)) {
                share += user.interest[static_cast<std::size_t>(c)];
                ++n;
            }
        interest = std::clamp(0.4 + 0.6 * share * kCategoryCount / n, 0.0, 1.5);
    }
    const double typeFactor = offer.type == OfferType::Member ? 1.2 : 1.0;
    const double hazard = (6.0 * lam + 0.0015) * user.priceSensitivity * g * r.thresholdReach
                          * r.reach * typeFactor * interest;
    const double exposure = offer.type == OfferType::FlashSale ? 12.0 * days
                                                               : 3.0 * (1.0 - std::exp(-days / 3.0));
    r.convertTreated = 1.0 - std::exp(-lam * days - hazard * exposure);

    const double click = std::min(0.9, r.reach * (0.03 + 0.12 * user.priceSensitivity * g) * interest);
    const double browse = 1.0 - (1.0 - r.visitControl) * (1.0 - click);
    r.visitTreated = r.convertTreated + (1.0 - r.convertTreated) * browse;
    r.visitControl = r.convertControl + (1.0 - r.convertControl) * r.visitControl;

    const double incremental = r.convertTreated - r.convertControl;
    r.redeemTreated = incremental + r.convertControl * r.thresholdReach;

    // Money. A redeeming basket x >= minSpend / 1.2 is stretched to y = max(x, minSpend).
    const double q = r.thresholdReach;
    const double sumY = basket.partialMean(offer.minSpend)
                        + offer.minSpend * (q - basket.probAtLeast(offer.minSpend));
    // Expected discount over redeeming baskets (percent and amount reduce the price,
    // points are paid out afterwards and cost the shop without reducing revenue).
    const double priceCut = offer.percentOff * sumY + offer.amountOff * q;
    const double points = offer.pointsMultiplier > 1.0 ? 0.01 * (offer.pointsMultiplier - 1.0) * sumY : 0.0;
    const double nonRedeeming = basket.mean() - basket.partialMean(stretchFloor);
    const double baselineRevenue = nonRedeeming + sumY - priceCut;
    const double perIncremental = q > 0 ? (sumY - priceCut) / q : 0.0;
    r.revenueTreated = r.convertControl * baselineRevenue + incremental * perIncremental;
    const double costPerRedeemer = q > 0 ? (priceCut + points) / q : 0.0;
    r.discountCostTreated = r.convertControl * (priceCut + points) + incremental * costPerRedeemer;
    return r;
}

} // namespace cwb::engine::demo
