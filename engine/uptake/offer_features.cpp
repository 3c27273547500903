#include "uptake/offer_features.h"

#include "core/civil_time.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cwb::engine {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
} // namespace

int OfferDescription::startHour() const
{
    const std::int64_t secondOfDay = startTs - floorDiv(startTs, kSecondsPerDay) * kSecondsPerDay;
    return static_cast<int>(secondOfDay / 3600);
}

int OfferDescription::startWeekday() const
{
    // 1970-01-01 was a Thursday (3 with Monday = 0).
    const std::int64_t days = floorDiv(startTs, kSecondsPerDay);
    return static_cast<int>(((days + 3) % 7 + 7) % 7);
}

double OfferDescription::depthPercent() const
{
    if (percentOff > 0) return percentOff;
    if (amountOff > 0 && minSpend > 0) return 100.0 * amountOff / minSpend;
    return 0.0;
}

ActivityWindow ActivityWindow::of(double startHour, double hours)
{
    ActivityWindow w;
    w.hours = hours;
    if (!(hours > 0) || hours >= 24) return w;
    // Walk the window block by block, wrapping past midnight.
    double h = std::fmod(startHour, 24.0);
    if (h < 0) h += 24.0;
    double left = hours;
    while (left > 1e-12) {
        const int block = std::min(7, static_cast<int>(h / 3.0));
        const double blockEnd = 3.0 * (block + 1);
        const double step = std::min(left, blockEnd - h);
        w.hoursInBlock[static_cast<std::size_t>(block)] += step;
        left -= step;
        h += step;
        if (h >= 24.0 - 1e-12) h = 0.0;
    }
    return w;
}

double activityShare(const DayBlocks& blocks, const ActivityWindow& window)
{
    double total = 0, covered = 0;
    for (std::size_t b = 0; b < blocks.size(); ++b) {
        total += blocks[b];
        covered += blocks[b] * window.hoursInBlock[b];
    }
    return window.share(covered, total);
}

double activityShare(const DayBlocks& blocks, double startHour, double hours)
{
    return activityShare(blocks, ActivityWindow::of(startHour, hours));
}

double depthOnBasket(const OfferDescription& offer, double aov)
{
    if (offer.percentOff > 0) return offer.percentOff / 100.0;
    if (offer.amountOff <= 0) return 0.0;
    const double base = std::max(offer.minSpend, std::isnan(aov) ? 0.0 : aov);
    return base > 0 ? offer.amountOff / base : kNaN;
}

double thresholdRatio(const OfferDescription& offer, double aov)
{
    if (offer.minSpend <= 0) return 0.0;
    if (std::isnan(aov) || aov <= 0) return kNaN;
    return offer.minSpend / aov;
}

} // namespace cwb::engine
