#include "core/civil_time.h"
#include "demo/shop_generator.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>

using namespace cwb::engine;
using namespace cwb::engine::demo;

namespace {

UserBatch generate(std::int64_t users, std::uint64_t seed, std::int64_t first = 1)
{
    ShopParams p;
    p.users = users;
    p.seed = seed;
    ShopGenerator g(p);
    UserBatch b;
    g.generate(first, users - first + 1, b);
    return b;
}

bool sameEvents(const std::vector<EventRecord>& a, const std::vector<EventRecord>& b)
{
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].uid != b[i].uid || a[i].ts != b[i].ts || a[i].type != b[i].type || a[i].product != b[i].product)
            return false;
    return true;
}

} // namespace

TEST(ShopGenerator, DeterministicBySeed)
{
    const UserBatch a = generate(2000, 7), b = generate(2000, 7), c = generate(2000, 8);
    EXPECT_TRUE(sameEvents(a.events, b.events));
    ASSERT_EQ(a.orders.size(), b.orders.size());
    for (std::size_t i = 0; i < a.orders.size(); ++i) EXPECT_EQ(a.orders[i].amount, b.orders[i].amount);
    EXPECT_FALSE(sameEvents(a.events, c.events));
}

TEST(ShopGenerator, CustomersDoNotDependOnTheirNeighbours)
{
    // uid 501..1000 come out the same whether generated alone or after 1..500.
    const UserBatch all = generate(1000, 11), tail = generate(1000, 11, 501);
    std::vector<EventRecord> allTail;
    for (const auto& e : all.events)
        if (e.uid >= 501) allTail.push_back(e);
    EXPECT_TRUE(sameEvents(allTail, tail.events));
}

TEST(ShopGenerator, InvalidParametersAreRefused)
{
    ShopParams p;
    p.users = 0;
    EXPECT_FALSE(p.validate().empty());
    EXPECT_THROW(ShopGenerator{p}, std::invalid_argument);
    p.users = 10;
    p.eventsPerUser = 0;
    EXPECT_FALSE(p.validate().empty());
}

TEST(ShopGenerator, CampaignsFitTheHistoryAndDoNotOverlap)
{
    ShopParams p;
    ShopGenerator g(p);
    const auto& cs = g.campaigns();
    ASSERT_GE(cs.size(), 8u);
    std::set<OfferType> types;
    std::set<double> depths, hours, durations;
    for (std::size_t i = 0; i < cs.size(); ++i) {
        const Offer& o = cs[i].offer;
        types.insert(o.type);
        depths.insert(o.percentOff + o.amountOff);
        hours.insert(fromUnixSeconds(o.startTs).hour);
        durations.insert(o.durationHours);
        EXPECT_GE(o.startTs, g.historyStart());
        EXPECT_LE(o.endTs(), p.historyEnd);
        EXPECT_GT(cs[i].controlShare, 0.0);
        if (i > 0) {
            EXPECT_GE(o.startTs, cs[i - 1].offer.endTs()) << cs[i].name;
        }
    }
    EXPECT_EQ(types.size(), 3u);   // coupon, flash sale, member
    EXPECT_GE(depths.size(), 6u);
    EXPECT_GE(hours.size(), 5u);
    EXPECT_GE(durations.size(), 6u);
    // Singles' Day flash sale falls on 11 November.
    const CivilDateTime t = fromUnixSeconds(cs[3].offer.startTs);
    EXPECT_EQ(t.date.month, 11);
    EXPECT_EQ(t.date.day, 11);
}

TEST(ShopGenerator, BelievableShopShape)
{
    const std::int64_t n = 20000;
    const UserBatch b = generate(n, 42);
    ASSERT_EQ(b.users.size(), std::size_t(n));
    const double eventsPerUser = double(b.events.size()) / n;
    EXPECT_GT(eventsPerUser, 9.0);
    EXPECT_LT(eventsPerUser, 11.0);
    std::map<int, int> tiers;
    for (const auto& u : b.users) ++tiers[u.tier];
    EXPECT_GT(tiers[0], n / 2);            // most customers hold no tier
    EXPECT_GT(tiers[3], n / 100);          // some platinum
    EXPECT_LT(tiers[3], tiers[2]);
    std::set<std::int64_t> buyers;
    for (const auto& o : b.orders) buyers.insert(o.uid);
    EXPECT_GT(buyers.size(), std::size_t(n / 6));   // a fifth to a third buy in a year
    EXPECT_LT(buyers.size(), std::size_t(n / 2));
    // Singles' Day is the busiest day.
    std::map<std::int64_t, int> perDay;
    for (const auto& e : b.events) ++perDay[floorDiv(e.ts, kSecondsPerDay)];
    const auto busiest = std::max_element(perDay.begin(), perDay.end(), [](auto& x, auto& y) { return x.second < y.second; });
    const CivilDate d = civilFromDays(busiest->first);
    EXPECT_EQ(d.month * 100 + d.day, 1111);
}

TEST(ShopGenerator, RecordsAreConsistent)
{
    const UserBatch b = generate(5000, 3);
    // Events of each customer in time order; every order has its purchase event.
    std::set<std::pair<std::int64_t, std::int64_t>> purchases;
    for (std::size_t i = 0; i < b.events.size(); ++i) {
        if (i > 0 && b.events[i].uid == b.events[i - 1].uid) {
            EXPECT_GE(b.events[i].ts, b.events[i - 1].ts);
        }
        if (b.events[i].type == EventType::Purchase) purchases.insert({b.events[i].uid, b.events[i].ts});
    }
    EXPECT_EQ(purchases.size(), b.orders.size());
    for (const auto& o : b.orders) EXPECT_TRUE(purchases.count({o.uid, o.ts})) << o.uid;
    // Responses: converted implies visited; only the treated redeem; one order carries each redeemed coupon.
    ASSERT_EQ(b.exposures.size(), b.responses.size());
    std::size_t redeemed = 0;
    for (std::size_t i = 0; i < b.responses.size(); ++i) {
        const auto& r = b.responses[i];
        EXPECT_EQ(r.uid, b.exposures[i].uid);
        if (r.converted) {
            EXPECT_TRUE(r.visited);
        }
        if (r.redeemed) {
            EXPECT_TRUE(r.converted);
            EXPECT_TRUE(b.exposures[i].treatment);
            ++redeemed;
        }
    }
    std::size_t couponOrders = 0;
    for (const auto& o : b.orders) couponOrders += o.campaign >= 0;
    EXPECT_EQ(couponOrders, redeemed);
}

TEST(ShopGenerator, OutcomesFollowTheGroundTruth)
{
    // Per campaign and group, observed conversions and redemptions sit within
    // four standard deviations of the sum of the ground-truth probabilities.
    ShopParams p;
    p.users = 40000;
    p.seed = 5;
    ShopGenerator g(p);
    UserBatch b;
    g.generate(1, p.users, b);
    struct Acc {
        double expected = 0, variance = 0, observed = 0;
        void add(double prob, bool hit)
        {
            expected += prob;
            variance += prob * (1 - prob);
            observed += hit;
        }
    };
    std::map<std::pair<int, bool>, Acc> convert, redeem, visit;
    std::map<std::int64_t, UserTraits> traits;
    for (std::size_t i = 0; i < b.exposures.size(); ++i) {
        const auto& e = b.exposures[i];
        const auto& r = b.responses[i];
        auto it = traits.find(e.uid);
        if (it == traits.end()) it = traits.emplace(e.uid, g.traits(e.uid)).first;
        const DemoCampaign& c = g.campaigns()[std::size_t(e.campaign)];
        const ResponseProbabilities gt = respond(it->second, e.arm >= 0 ? c.arms[std::size_t(e.arm)].offer : c.offer);
        const auto key = std::make_pair(e.campaign, e.treatment);
        convert[key].add(e.treatment ? gt.convertTreated : gt.convertControl, r.converted);
        visit[key].add(e.treatment ? gt.visitTreated : gt.visitControl, r.visited);
        if (e.treatment) redeem[key].add(gt.redeemTreated, r.redeemed);
    }
    int checked = 0;
    for (auto* table : {&convert, &redeem, &visit})
        for (const auto& [key, acc] : *table) {
            EXPECT_NEAR(acc.observed, acc.expected, 4 * std::sqrt(acc.variance) + 1)
                << g.campaigns()[std::size_t(key.first)].name << (key.second ? " treatment" : " control");
            ++checked;
        }
    EXPECT_GE(checked, 60);
}

TEST(ShopGenerator, TestCampaignsSpreadTreatedCustomersOverTheirArms)
{
    ShopParams p;
    p.users = 20000;
    p.seed = 9;
    ShopGenerator g(p);
    UserBatch b;
    g.generate(1, p.users, b);
    std::map<std::pair<int, int>, int> perArm;
    for (const auto& e : b.exposures) {
        const DemoCampaign& c = g.campaigns()[std::size_t(e.campaign)];
        if (c.arms.empty() || !e.treatment) {
            EXPECT_EQ(e.arm, -1);
            continue;
        }
        ASSERT_GE(e.arm, 0);
        ASSERT_LT(e.arm, int(c.arms.size()));
        ++perArm[{e.campaign, e.arm}];
    }
    int armed = 0;
    for (std::size_t j = 0; j < g.campaigns().size(); ++j) {
        const DemoCampaign& c = g.campaigns()[j];
        if (c.arms.empty()) continue;
        ++armed;
        int total = 0;
        for (std::size_t a = 0; a < c.arms.size(); ++a) total += perArm[std::make_pair(int(j), int(a))];
        const double expected = double(total) / double(c.arms.size());
        for (std::size_t a = 0; a < c.arms.size(); ++a) {
            const double count = perArm[std::make_pair(int(j), int(a))];
            EXPECT_NEAR(count, expected, 4 * std::sqrt(expected)) << c.name << " " << c.arms[a].name;
        }
    }
    EXPECT_EQ(armed, 2);   // a depth test and a face-value test
}
