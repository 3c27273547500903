#pragma once
// A seeded generator of a believable shop: customers, their browsing and
// orders over a year with category preferences and seasonality, and the
// shop's past campaigns with randomised control groups and responses drawn
// from the ground-truth model in ground_truth.h.
//
// Every customer is generated from random streams keyed by (seed, uid), so a
// customer's data does not depend on how many others are generated or in
// which order: generate() may run on several threads over disjoint uid
// ranges, and traits(uid) recovers the latent traits behind any customer.

#include "core/random.h"
#include "demo/ground_truth.h"
#include "demo/shop_catalog.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cwb::engine::demo {

struct ShopParams {
    std::int64_t users = 10000;
    std::uint64_t seed = 42;
    double eventsPerUser = 10.0;
    std::int64_t historyEnd = 1782864000;   // 2026-07-01T00:00:00Z, exclusive
    int historyDays = 365;

    // Human-readable problems; empty when the parameters are usable.
    std::vector<std::string> validate() const;
};

enum class EventType : std::uint8_t { View, Search, Cart, Favorite, Purchase };
std::string_view eventTypeName(EventType type);

struct UserRecord {
    std::int64_t uid = 0;          // 1 .. users
    std::string userId;            // "U0000001"
    std::int64_t signupTs = 0;
    int age = 0;
    bool female = false;
    int city = 0;                  // index into cities()
    int occupation = 0;
    int tier = 0;
    int device = 0;
    int acquisition = 0;
    int incomeBand = 1;            // 0 low, 1 mid, 2 high
};

struct EventRecord {
    std::int64_t uid = 0;
    std::int64_t ts = 0;
    EventType type = EventType::View;
    std::int32_t product = -1;     // index into products(), -1 for searches
    std::int16_t category = -1;
    std::int16_t searchTerm = -1;  // category * kSearchTermsPerCategory + k, -1 if none
    float dwellSeconds = -1.0f;    // views only
};

struct OrderRecord {
    std::int64_t uid = 0;
    std::int64_t ts = 0;
    int seq = 0;                   // 1-based per user, in time order
    double amount = 0.0;           // paid, after any discount
    int itemCount = 1;
    int campaign = -1;             // campaign whose coupon was redeemed, -1 if none
};

struct ExposureRecord {
    int campaign = 0;
    std::int64_t uid = 0;
    std::int64_t ts = 0;
    bool treatment = true;
    int arm = -1;                  // treated customers of a campaign with arms: which arm
};

struct ResponseRecord {
    int campaign = 0;
    std::int64_t uid = 0;
    bool visited = false;
    bool redeemed = false;
    bool converted = false;
    double revenue = 0.0;
    std::int64_t ts = -1;          // time of the order, or of the visit; -1 if neither
};

struct UserBatch {
    std::vector<UserRecord> users;
    std::vector<EventRecord> events;
    std::vector<OrderRecord> orders;
    std::vector<ExposureRecord> exposures;
    std::vector<ResponseRecord> responses;
    void clear();
};

class ShopGenerator {
public:
    // Throws std::invalid_argument when params.validate() reports problems.
    explicit ShopGenerator(ShopParams params);

    const ShopParams& params() const { return params_; }
    std::int64_t historyStart() const { return historyStart_; }
    const std::vector<Product>& products() const { return products_; }
    const std::vector<DemoCampaign>& campaigns() const { return campaigns_; }

    UserTraits traits(std::int64_t uid) const;
    UserRecord profile(std::int64_t uid) const;

    // Appends customers firstUid .. firstUid + count - 1 (and their data) to `out`.
    void generate(std::int64_t firstUid, std::int64_t count, UserBatch& out) const;

private:
    struct Session;
    void drawProfile(std::int64_t uid, UserRecord& record, UserTraits& traits) const;
    void generateUser(std::int64_t uid, UserBatch& out) const;
    std::int64_t drawSessionTime(Rng& rng, const UserTraits& t, std::int64_t from, std::int64_t to) const;
    void emitSession(Rng& rng, const UserTraits& t, std::int64_t uid, const Session& s,
                     UserBatch& out) const;

    ShopParams params_;
    std::int64_t historyStart_ = 0;
    std::vector<double> seasonCumulative_;   // historyDays + 1 entries, mean weight 1
    std::vector<Product> products_;
    std::vector<std::vector<std::int32_t>> productsByCategory_;
    std::vector<DemoCampaign> campaigns_;
};

} // namespace cwb::engine::demo
