#include "demo/shop_catalog.h"

#include "core/civil_time.h"
#include "core/random.h"

#include <cmath>
#include <cstdio>

namespace cwb::engine::demo {

namespace {

struct CategoryInfo {
    std::string_view name;
    double medianPrice;
    std::array<std::string_view, 5> nouns;
    std::array<std::string_view, kSearchTermsPerCategory> searches;
};

// Search terms are what the shop's (Chinese-speaking) customers type.
constexpr std::array<CategoryInfo, kCategoryCount> kCategories{{
    {"Apparel", 129, {"T-shirt", "Dress", "Jacket", "Jeans", "Hoodie"}, {"连衣裙", "T恤", "外套"}},
    {"Shoes", 259, {"Running Shoes", "Sneakers", "Boots", "Sandals", "Loafers"}, {"跑鞋", "运动鞋", "靴子"}},
    {"Beauty", 159, {"Lipstick", "Face Mask", "Serum", "Sunscreen", "Cleanser"}, {"口红", "面膜", "精华"}},
    {"Electronics", 399, {"Earbuds", "Phone Case", "Charger", "Smart Watch", "Power Bank"}, {"耳机", "手机壳", "充电器"}},
    {"Home", 99, {"Storage Box", "Bedding Set", "Lamp", "Towel", "Cushion"}, {"收纳", "床上用品", "台灯"}},
    {"Grocery", 49, {"Coffee Beans", "Snack Box", "Tea", "Nuts", "Noodles"}, {"零食", "咖啡", "坚果"}},
    {"Baby", 139, {"Diapers", "Formula", "Stroller", "Baby Wipes", "Bottle"}, {"纸尿裤", "奶粉", "婴儿车"}},
    {"Sports", 179, {"Yoga Mat", "Dumbbells", "Water Bottle", "Jump Rope", "Backpack"}, {"瑜伽垫", "哑铃", "跳绳"}},
    {"Books", 45, {"Novel", "Picture Book", "Cookbook", "Workbook", "Biography"}, {"小说", "绘本", "教辅"}},
    {"Toys", 119, {"Building Blocks", "Puzzle", "Plush Toy", "Model Car", "Board Game"}, {"积木", "拼图", "毛绒玩具"}},
    {"Pets", 89, {"Cat Food", "Dog Food", "Cat Litter", "Pet Toy", "Pet Bed"}, {"猫粮", "狗粮", "猫砂"}},
    {"Jewelry", 299, {"Necklace", "Bracelet", "Earrings", "Ring", "Watch Strap"}, {"项链", "手链", "耳环"}},
}};

constexpr std::array<std::string_view, 6> kAdjectives{"Classic", "Premium", "Everyday", "Deluxe",
                                                      "Eco", "Mini"};

constexpr std::array<std::string_view, kOccupationCount> kOccupations{
    "student", "office worker", "professional", "self-employed",
    "civil servant", "factory worker", "retired", "homemaker"};

constexpr std::array<std::string_view, kAcquisitionCount> kAcquisition{
    "search", "social", "referral", "ads", "offline"};

} // namespace

std::string_view categoryName(int c) { return kCategories.at(static_cast<std::size_t>(c)).name; }

std::string_view categorySearchTerm(int c, int k)
{
    return kCategories.at(static_cast<std::size_t>(c)).searches.at(static_cast<std::size_t>(k));
}

double categoryMedianPrice(int c) { return kCategories.at(static_cast<std::size_t>(c)).medianPrice; }

std::string_view tierName(int tier)
{
    constexpr std::array<std::string_view, kTierCount> names{"none", "silver", "gold", "platinum"};
    return names.at(static_cast<std::size_t>(tier));
}

std::string_view deviceName(int device)
{
    constexpr std::array<std::string_view, kDeviceCount> names{"ios", "android", "mini-program", "web"};
    return names.at(static_cast<std::size_t>(device));
}

std::string_view channelName(Channel channel)
{
    switch (channel) {
    case Channel::Sms: return "sms";
    case Channel::Push: return "push";
    case Channel::Email: return "email";
    }
    return "sms";
}

std::string_view offerTypeName(OfferType type)
{
    switch (type) {
    case OfferType::Coupon: return "coupon";
    case OfferType::FlashSale: return "flash_sale";
    case OfferType::Member: return "member";
    }
    return "coupon";
}

std::string_view occupationName(int o) { return kOccupations.at(static_cast<std::size_t>(o)); }

std::string_view acquisitionName(int a) { return kAcquisition.at(static_cast<std::size_t>(a)); }

const std::vector<City>& cities()
{
    static const std::vector<City> list{
        {"Shanghai", "Shanghai", 1, 9},   {"Beijing", "Beijing", 1, 8},
        {"Guangdong", "Guangzhou", 1, 7}, {"Guangdong", "Shenzhen", 1, 7},
        {"Zhejiang", "Hangzhou", 2, 5},   {"Jiangsu", "Nanjing", 2, 4},
        {"Jiangsu", "Suzhou", 2, 4},      {"Sichuan", "Chengdu", 2, 5},
        {"Hubei", "Wuhan", 2, 4},         {"Shaanxi", "Xi'an", 2, 3},
        {"Chongqing", "Chongqing", 2, 4}, {"Hunan", "Changsha", 2, 3},
        {"Shandong", "Qingdao", 2, 3},    {"Fujian", "Xiamen", 2, 2},
        {"Henan", "Luoyang", 3, 2},       {"Guangxi", "Guilin", 3, 2},
        {"Yunnan", "Dali", 3, 1.5},       {"Anhui", "Wuhu", 3, 1.5},
        {"Jiangxi", "Ganzhou", 3, 1.5},   {"Hebei", "Baoding", 3, 2},
    };
    return list;
}

std::vector<Product> makeProducts(std::uint64_t seed)
{
    constexpr int perCategory = 200;
    std::vector<Product> products;
    products.reserve(kCategoryCount * perCategory);
    Rng rng(seed, 0x9A0D0C7ull);
    char buf[96];
    for (int c = 0; c < kCategoryCount; ++c) {
        const auto& info = kCategories[static_cast<std::size_t>(c)];
        for (int i = 0; i < perCategory; ++i) {
            Product p;
            std::snprintf(buf, sizeof buf, "P%05d", static_cast<int>(products.size()) + 1);
            p.id = buf;
            const auto& adj = kAdjectives[rng.below(kAdjectives.size())];
            const auto& noun = info.nouns[rng.below(info.nouns.size())];
            std::snprintf(buf, sizeof buf, "%.*s %.*s %d", static_cast<int>(adj.size()), adj.data(),
                          static_cast<int>(noun.size()), noun.data(), i + 1);
            p.name = buf;
            p.category = c;
            // Prices end in .9 as shops like them.
            p.price = std::max(1.0, std::round(rng.logNormal(std::log(info.medianPrice), 0.6))) - 0.1;
            products.push_back(std::move(p));
        }
    }
    return products;
}

std::vector<DemoCampaign> makeCampaigns(std::int64_t historyEnd)
{
    // Dates are laid out relative to the end of history so that the schedule
    // keeps its shape when the history window moves; with the default end
    // (2026-07-01) they fall on the dates shown in the names' comments.
    const std::int64_t day = kSecondsPerDay;
    auto at = [&](int daysBeforeEnd, int hour) {
        const std::int64_t midnight = floorDiv(historyEnd, day) * day - std::int64_t(daysBeforeEnd) * day;
        return midnight + hour * 3600;
    };
    auto bit = [](int c) { return 1u << c; };
    enum { Apparel, Shoes, Beauty, Electronics, Home, Grocery };
    const std::uint32_t silverUp = 0b1110, goldUp = 0b1100;

    std::vector<DemoCampaign> list;
    auto add = [&](std::string name, std::string code, Offer o, TargetRule rule, double target,
                   double control) {
        list.push_back({std::move(name), std::move(code), o, rule, target, control, {}});
    };
    using T = OfferType;
    using C = Channel;
    // 2025-09-05 10:00: a depth test, three arms
    add("Autumn welcome coupon test", "AUT", {T::Coupon, 0.05, 0, 0, 1, 7 * 24, at(299, 10), C::Sms, 0, 0},
        TargetRule::All, 0.45, 0.20);
    for (double depth : {0.05, 0.10, 0.20}) {
        Offer o = list.back().offer;
        o.percentOff = depth;
        list.back().arms.push_back({std::to_string(static_cast<int>(std::lround(depth * 100))) + "% off", o});
    }
    // 2025-09-26 20:00: a face-value test, three arms
    add("Off-199 coupon test", "OFF199", {T::Coupon, 0, 20, 199, 1, 5 * 24, at(278, 20), C::Push, 0, 0},
        TargetRule::Active90, 0.50, 0.20);
    for (double amount : {20.0, 30.0, 50.0}) {
        Offer o = list.back().offer;
        o.amountOff = amount;
        list.back().arms.push_back({std::to_string(static_cast<int>(amount)) + " off 199", o});
    }
    // 2025-10-15 09:00
    add("October 20% off over 99", "OCT20", {T::Coupon, 0.20, 0, 99, 1, 7 * 24, at(259, 9), C::Sms, 0, 0},
        TargetRule::All, 0.30, 0.15);
    // 2025-11-11 20:00
    add("Singles' Day flash 40%", "FS1111",
        {T::FlashSale, 0.40, 0, 0, 1, 4, at(232, 20), C::Push, bit(Electronics) | bit(Beauty), 0},
        TargetRule::Active90, 0.50, 0.10);
    // 2025-12-01 10:00
    add("Members' winter week 15%", "MWW15",
        {T::Member, 0.15, 0, 0, 1, 7 * 24, at(212, 10), C::Email, 0, goldUp}, TargetRule::Members, 0.80,
        0.20);
    // 2025-12-12 12:00
    add("Double-12 lunch flash 30%", "FS1212",
        {T::FlashSale, 0.30, 0, 0, 1, 2, at(201, 12), C::Sms, bit(Apparel) | bit(Shoes), 0},
        TargetRule::All, 0.30, 0.20);
    // 2026-01-06 19:00
    add("New Year 25% off over 299", "NY25",
        {T::Coupon, 0.25, 0, 299, 1, 3 * 24, at(176, 19), C::Sms, 0, 0}, TargetRule::Active90, 0.35, 0.20);
    // 2026-02-03 08:00
    add("Spring Festival points x3", "PTS3",
        {T::Member, 0, 0, 0, 3, 10 * 24, at(148, 8), C::Push, 0, silverUp}, TargetRule::Members, 0.70, 0.25);
    // 2026-03-10 11:00
    add("Win-back 15% off", "BACK15", {T::Coupon, 0.15, 0, 0, 1, 14 * 24, at(113, 11), C::Email, 0, 0},
        TargetRule::Lapsed, 0.60, 0.25);
    // 2026-04-08 10:00
    add("Spring home flash 20%", "FSHOME",
        {T::FlashSale, 0.20, 0, 0, 1, 6, at(84, 10), C::Push, bit(Home) | bit(Grocery), 0},
        TargetRule::All, 0.30, 0.20);
    // 2026-05-06 14:00
    add("Everyday 5% off", "EVERY5", {T::Coupon, 0.05, 0, 0, 1, 10 * 24, at(56, 14), C::Sms, 0, 0},
        TargetRule::All, 0.25, 0.20);
    // 2026-06-10 20:00
    add("618 pre-sale 50 off 399", "PRE618",
        {T::Coupon, 0, 50, 399, 1, 5 * 24, at(21, 20), C::Sms, 0, 0}, TargetRule::Active90, 0.40, 0.20);
    return list;
}

} // namespace cwb::engine::demo
