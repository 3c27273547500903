#pragma once
// The campaign parameters that the demo shop's customers react to.

#include <cstdint>

namespace cwb::engine::demo {

inline constexpr int kCategoryCount = 12;
inline constexpr int kTierCount = 4;        // none, silver, gold, platinum
inline constexpr int kDeviceCount = 4;      // ios, android, mini-program, web

enum class OfferType { Coupon, FlashSale, Member };
enum class Channel { Sms, Push, Email };

struct Offer {
    OfferType type = OfferType::Coupon;
    double percentOff = 0.0;         // fraction of the basket, 0 .. 0.9
    double amountOff = 0.0;          // fixed amount off (currency)
    double minSpend = 0.0;           // threshold the basket must reach
    double pointsMultiplier = 1.0;   // member offers: loyalty points x N (1 = none)
    double durationHours = 168.0;
    std::int64_t startTs = 0;        // Unix seconds, UTC
    Channel channel = Channel::Sms;
    std::uint32_t categoryMask = 0;  // flash sales: bit c = category c on sale; 0 = all
    std::uint32_t tierMask = 0;      // member offers: bit t = tier t eligible; 0 = all

    double durationDays() const { return durationHours / 24.0; }
    std::int64_t endTs() const { return startTs + static_cast<std::int64_t>(durationHours * 3600.0); }
};

} // namespace cwb::engine::demo
