#pragma once
// The fixed vocabulary of the demo shop: categories, products, places,
// occupations and the past campaigns it ran.

#include "demo/offer.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cwb::engine::demo {

struct Product {
    std::string id;        // "P00001"
    std::string name;
    int category = 0;
    double price = 0.0;
};

struct City {
    std::string_view region;   // province
    std::string_view city;
    int tier;                  // 1 = first-tier city
    double weight;
};

enum class TargetRule {
    All,          // every customer
    Active90,     // at least one session in the 90 days before the start
    Members,      // member tier silver or above (and in the offer's tier mask)
    Lapsed,       // has ordered before, but not in the 120 days before the start
};

// One arm of a test that sends different offers to random shares of the
// treated customers (a depth or duration test).
struct DemoArm {
    std::string name;          // "5% off"
    Offer offer;
};

struct DemoCampaign {
    std::string name;
    std::string code;          // coupon code printed on redeemed orders
    Offer offer;               // the offer (without arms), or the first arm's
    TargetRule rule = TargetRule::All;
    double targetShare = 0.3;  // share of eligible users sent the offer or held out
    double controlShare = 0.2; // share of those held out as the control group
    std::vector<DemoArm> arms; // empty, or the arms treated customers are spread over evenly
};

std::string_view categoryName(int c);
std::string_view categorySearchTerm(int c, int k);   // k in [0, kSearchTermsPerCategory)
inline constexpr int kSearchTermsPerCategory = 3;
double categoryMedianPrice(int c);

std::string_view tierName(int tier);            // none, silver, gold, platinum
std::string_view deviceName(int device);        // ios, android, mini-program, web
std::string_view channelName(Channel channel);  // sms, push, email
std::string_view offerTypeName(OfferType type); // coupon, flash_sale, member

const std::vector<City>& cities();

inline constexpr int kOccupationCount = 8;
std::string_view occupationName(int o);
inline constexpr int kAcquisitionCount = 5;
std::string_view acquisitionName(int a);

// Products: 200 per category, prices log-normal around the category median.
std::vector<Product> makeProducts(std::uint64_t seed);

// The shop's past campaigns, in start order, all ending before `historyEnd`.
std::vector<DemoCampaign> makeCampaigns(std::int64_t historyEnd);

} // namespace cwb::engine::demo
