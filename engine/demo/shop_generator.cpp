#include "demo/shop_generator.h"

#include "core/civil_time.h"
#include "core/random.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace cwb::engine::demo {

namespace {

constexpr double kEventsPerSession = 3.5;   // mean of the session content drawn below
constexpr double kBuyPerSession = 0.12;
constexpr std::int64_t kDay = kSecondsPerDay;

// Stream tags: each aspect of a customer draws from its own stream so that,
// e.g., adding a campaign does not change anyone's profile.
enum Stream : std::uint64_t { Profile = 1, Sessions = 2, Content = 3, CampaignBase = 16 };

std::uint64_t streamId(std::int64_t uid, std::uint64_t tag)
{
    return static_cast<std::uint64_t>(uid) * 64u + tag;
}

// Chinese New Year's day, which dips shopping for about a week.
std::int64_t springFestival(int year)
{
    switch (year) {
    case 2024: return daysFromCivil(2024, 2, 10);
    case 2025: return daysFromCivil(2025, 1, 29);
    case 2026: return daysFromCivil(2026, 2, 17);
    case 2027: return daysFromCivil(2027, 2, 6);
    case 2028: return daysFromCivil(2028, 1, 26);
    default: return daysFromCivil(year, 2, 5);
    }
}

double seasonWeight(std::int64_t day, double trend)
{
    const CivilDate date = civilFromDays(day);
    double w = trend;
    if (weekdayFromDays(day) >= 5) w *= 1.2;
    const int md = date.month * 100 + date.day;
    switch (md) {
    case 1110: w *= 1.8; break;
    case 1111: w *= 5.0; break;
    case 1112: w *= 1.6; break;
    case 1212: w *= 2.2; break;
    case 617: w *= 1.6; break;
    case 618: w *= 3.2; break;
    case 619: w *= 1.4; break;
    default: break;
    }
    const std::int64_t cny = springFestival(date.year);
    if (day >= cny - 2 && day <= cny + 5) w *= 0.6;
    return w;
}

std::array<double, 24> hourProfile(int kind, Rng& rng)
{
    auto bump = [](double h, double centre, double width) {
        double d = std::fabs(h - centre);
        d = std::min(d, 24.0 - d);
        return std::exp(-0.5 * d * d / (width * width));
    };
    std::array<double, 24> w{};
    double total = 0;
    for (int h = 0; h < 24; ++h) {
        const double x = h + 0.5;
        double v = (h >= 7 ? 0.08 : 0.02) + 0.04 * rng.uniform();
        switch (kind) {
        case 0: v += bump(x, 21.0, 1.8); break;                               // evening
        case 1: v += 0.6 * bump(x, 12.5, 1.0) + bump(x, 21.0, 1.5); break;    // lunch and evening
        case 2: v += bump(x, 8.0, 1.2) + 0.6 * bump(x, 21.5, 1.0); break;     // commuter
        default: v += bump(x, 23.5, 1.5); break;                              // night owl
        }
        w[static_cast<std::size_t>(h)] = v;
        total += v;
    }
    for (double& v : w) v /= total;
    return w;
}

// Truncated exponential on [0, limit] with the given mean scale.
double truncatedExponential(Rng& rng, double scale, double limit)
{
    const double v = rng.uniform();
    return -scale * std::log1p(-v * (1.0 - std::exp(-limit / scale)));
}

} // namespace

std::string_view eventTypeName(EventType type)
{
    switch (type) {
    case EventType::View: return "view";
    case EventType::Search: return "search";
    case EventType::Cart: return "cart";
    case EventType::Favorite: return "favorite";
    case EventType::Purchase: return "purchase";
    }
    return "view";
}

std::vector<std::string> ShopParams::validate() const
{
    std::vector<std::string> problems;
    if (users < 1 || users > 10'000'000)
        problems.push_back("users must be between 1 and 10,000,000 (got " + std::to_string(users) + ")");
    if (!(eventsPerUser >= 1.0 && eventsPerUser <= 500.0))
        problems.push_back("events per user must be between 1 and 500");
    if (historyDays < 330 || historyDays > 3650)
        problems.push_back("history must cover between 330 and 3650 days, so that every demo campaign fits");
    return problems;
}

void UserBatch::clear()
{
    users.clear();
    events.clear();
    orders.clear();
    exposures.clear();
    responses.clear();
}

struct ShopGenerator::Session {
    std::int64_t ts = 0;
    bool purchase = false;
    int campaign = -1;           // a campaign-driven order, or -1
    double amount = 0.0;         // campaign-driven orders: paid amount
    std::uint32_t focusMask = 0; // categories the session is about (flash sales)
};

ShopGenerator::ShopGenerator(ShopParams params) : params_(std::move(params))
{
    if (auto problems = params_.validate(); !problems.empty()) {
        std::string all;
        for (const auto& p : problems) all += (all.empty() ? "" : "; ") + p;
        throw std::invalid_argument(all);
    }
    const std::int64_t endDay = floorDiv(params_.historyEnd, kDay);
    const std::int64_t startDay = endDay - params_.historyDays;
    historyStart_ = startDay * kDay;
    std::vector<double> weights(static_cast<std::size_t>(params_.historyDays));
    double total = 0;
    for (int d = 0; d < params_.historyDays; ++d) {
        const double trend = 0.9 + 0.2 * d / params_.historyDays;
        weights[static_cast<std::size_t>(d)] = seasonWeight(startDay + d, trend);
        total += weights[static_cast<std::size_t>(d)];
    }
    const double scale = params_.historyDays / total;
    seasonCumulative_.assign(weights.size() + 1, 0.0);
    for (std::size_t d = 0; d < weights.size(); ++d)
        seasonCumulative_[d + 1] = seasonCumulative_[d] + weights[d] * scale;

    products_ = makeProducts(params_.seed);
    productsByCategory_.assign(kCategoryCount, {});
    for (std::size_t i = 0; i < products_.size(); ++i)
        productsByCategory_[static_cast<std::size_t>(products_[i].category)].push_back(static_cast<std::int32_t>(i));
    campaigns_ = makeCampaigns(params_.historyEnd);
}

UserTraits ShopGenerator::traits(std::int64_t uid) const
{
    UserRecord r;
    UserTraits t;
    drawProfile(uid, r, t);
    return t;
}

UserRecord ShopGenerator::profile(std::int64_t uid) const
{
    UserRecord r;
    UserTraits t;
    drawProfile(uid, r, t);
    return r;
}

void ShopGenerator::drawProfile(std::int64_t uid, UserRecord& u, UserTraits& t) const
{
    Rng rng(params_.seed, streamId(uid, Profile));
    u.uid = uid;
    char id[24];
    std::snprintf(id, sizeof id, "U%07lld", static_cast<long long>(uid));
    u.userId = id;

    // A quarter joined during the history window, the rest up to four years before it.
    const double joinedDaysBeforeEnd = rng.bernoulli(0.25)
                                           ? rng.uniform(1.0, params_.historyDays)
                                           : params_.historyDays + rng.uniform(0.0, 4.0 * 365.0);
    u.signupTs = params_.historyEnd - static_cast<std::int64_t>(joinedDaysBeforeEnd * kDay);

    u.age = static_cast<int>(std::clamp(std::round(rng.normal(32.0, 9.5)), 18.0, 75.0));
    u.female = rng.bernoulli(0.56);
    {
        std::vector<double> w;
        for (const auto& c : cities()) w.push_back(c.weight);
        u.city = static_cast<int>(rng.categorical(w));
    }
    {
        std::array<double, kOccupationCount> w{0.12, 0.30, 0.15, 0.12, 0.07, 0.12, 0.04, 0.08};
        if (u.age < 23) w[0] = 2.0;
        if (u.age >= 60) w[6] = 2.5;
        if (u.age >= 26) w[0] = 0.01;
        if (u.age < 50) w[6] = 0.0;
        u.occupation = static_cast<int>(rng.categorical(w));
    }
    {
        constexpr std::array<double, kOccupationCount> income{-0.9, 0.0, 0.7, 0.3, 0.2, -0.6, -0.4, -0.3};
        const int cityTier = cities()[static_cast<std::size_t>(u.city)].tier;
        const double score = income[static_cast<std::size_t>(u.occupation)] + (cityTier == 1 ? 0.3 : cityTier == 3 ? -0.3 : 0.0)
                             + rng.normal(0.0, 0.5);
        u.incomeBand = score < -0.4 ? 0 : score > 0.5 ? 2 : 1;
    }
    {
        std::array<double, kDeviceCount> w{0.35 + 0.15 * (u.incomeBand == 2), 0.45, 0.12, 0.08};
        u.device = static_cast<int>(rng.categorical(w));
        std::array<double, kAcquisitionCount> a{0.25, 0.30, 0.15, 0.20, 0.10};
        u.acquisition = static_cast<int>(rng.categorical(a));
    }

    const double zAct = rng.normal();
    const double zBuy = 0.3 * zAct + std::sqrt(1 - 0.09) * rng.normal();
    const double zBasket = rng.normal();
    const double zSens = rng.normal();
    const double tenureYears = (params_.historyEnd - u.signupTs) / (365.0 * kDay);
    const double tierScore = 0.7 * zAct + 0.3 * zBasket + 0.5 * rng.normal() + 0.15 * std::min(tenureYears, 4.0) - 0.3;
    u.tier = tierScore > 1.55 ? 3 : tierScore > 0.95 ? 2 : tierScore > 0.25 ? 1 : 0;

    t.tier = u.tier;
    t.device = u.device;
    const double sessionsPerYear = params_.eventsPerUser / kEventsPerSession;
    t.sessionsPerDay = sessionsPerYear / 365.0 * std::exp(0.9 * zAct - 0.405);
    t.buyPerSession = std::clamp(kBuyPerSession * std::exp(0.35 * zBuy - 0.061) * (1.0 + 0.08 * u.tier), 0.01, 0.6);
    t.basketMean = std::exp(std::log(160.0) + 0.25 * zBasket + 0.15 * (u.incomeBand - 1) + 0.08 * u.tier);
    t.priceSensitivity = std::exp(0.45 * zSens + 0.35 * (u.age < 25) + 0.25 * (u.occupation == 0)
                                  + 0.25 * (u.incomeBand == 0) - 0.30 * (u.incomeBand == 2)
                                  - 0.25 * (u.tier == 3) - 0.10 * (u.tier == 2) - 0.12);

    constexpr std::array<double, kCategoryCount> popularity{1.6, 0.9, 1.2, 1.1, 1.2, 1.3,
                                                            0.5, 0.7, 0.6, 0.5, 0.6, 0.5};
    double sum = 0;
    for (int c = 0; c < kCategoryCount; ++c) {
        double alpha = 0.6 * popularity[static_cast<std::size_t>(c)];
        const bool femaleLean = c == 0 || c == 2 || c == 11;
        const bool maleLean = c == 3 || c == 7;
        if ((u.female && femaleLean) || (!u.female && maleLean)) alpha *= 1.8;
        if (c == 6 && u.age >= 25 && u.age <= 40) alpha *= 2.0;
        const double g = rng.gamma(alpha) + 1e-9;
        t.interest[static_cast<std::size_t>(c)] = g;
        sum += g;
    }
    for (double& v : t.interest) v /= sum;
    const std::array<double, 4> kinds{0.40, 0.25, 0.20, 0.15};
    t.hourShare = hourProfile(static_cast<int>(rng.categorical(kinds)), rng);
}

std::int64_t ShopGenerator::drawSessionTime(Rng& rng, const UserTraits& t, std::int64_t from,
                                            std::int64_t to) const
{
    // A day weighted by the season, an hour by the customer's habits.
    const std::int64_t dayFrom = std::max<std::int64_t>(0, (from - historyStart_) / kDay);
    const std::int64_t dayTo = std::min<std::int64_t>(params_.historyDays, (to - historyStart_ + kDay - 1) / kDay);
    const double lo = seasonCumulative_[static_cast<std::size_t>(dayFrom)];
    const double hi = seasonCumulative_[static_cast<std::size_t>(dayTo)];
    const double x = lo + rng.uniform() * (hi - lo);
    auto it = std::upper_bound(seasonCumulative_.begin() + dayFrom + 1, seasonCumulative_.begin() + dayTo + 1, x);
    const std::int64_t day = std::min<std::int64_t>(dayTo - 1, (it - seasonCumulative_.begin()) - 1);
    const auto hour = static_cast<std::int64_t>(rng.categorical(t.hourShare));
    const std::int64_t ts = historyStart_ + day * kDay + hour * 3600 + static_cast<std::int64_t>(rng.below(3600));
    return std::clamp(ts, from, to - 1);
}

void ShopGenerator::generate(std::int64_t firstUid, std::int64_t count, UserBatch& out) const
{
    for (std::int64_t uid = firstUid; uid < firstUid + count; ++uid) generateUser(uid, out);
}

void ShopGenerator::generateUser(std::int64_t uid, UserBatch& out) const
{
    UserRecord user;
    UserTraits traits;
    drawProfile(uid, user, traits);

    // 1. Ordinary browsing over the customer's life in the history window.
    Rng rng(params_.seed, streamId(uid, Sessions));
    const std::int64_t activeFrom = std::max(historyStart_, user.signupTs);
    const std::int64_t activeTo = params_.historyEnd;
    std::vector<Session> sessions;
    if (activeFrom < activeTo) {
        const auto d0 = static_cast<std::size_t>((activeFrom - historyStart_) / kDay);
        const double seasonMass = seasonCumulative_.back() - seasonCumulative_[d0];
        const std::uint64_t n = rng.poisson(traits.sessionsPerDay * seasonMass);
        sessions.reserve(n + 4);
        for (std::uint64_t i = 0; i < n; ++i) {
            Session s;
            s.ts = drawSessionTime(rng, traits, activeFrom, activeTo);
            s.purchase = rng.bernoulli(traits.buyPerSession);
            sessions.push_back(s);
        }
        std::sort(sessions.begin(), sessions.end(), [](const Session& a, const Session& b) { return a.ts < b.ts; });
    }

    // 2. Campaigns, in start order: eligibility from the history so far, a
    //    randomised control group, and responses from the ground truth. Inside
    //    an exposed customer's campaign window the response decides whether
    //    they visit and buy, replacing the ordinary sessions there.
    for (std::size_t j = 0; j < campaigns_.size(); ++j) {
        const DemoCampaign& c = campaigns_[j];
        const Offer& o = c.offer;
        const std::int64_t start = o.startTs, end = o.endTs();
        if (user.signupTs >= start) continue;
        bool eligible = true;
        switch (c.rule) {
        case TargetRule::All: break;
        case TargetRule::Active90:
            eligible = std::any_of(sessions.begin(), sessions.end(), [&](const Session& s) {
                return s.ts >= start - 90 * kDay && s.ts < start;
            });
            break;
        case TargetRule::Members:
            eligible = user.tier >= 1 && (o.tierMask == 0 || (o.tierMask & (1u << user.tier)));
            break;
        case TargetRule::Lapsed: {
            bool before = false, recent = false;
            for (const Session& s : sessions) {
                if (!s.purchase || s.ts >= start) continue;
                before = true;
                recent = recent || s.ts >= start - 120 * kDay;
            }
            eligible = before && !recent;
            break;
        }
        }
        if (!eligible) continue;

        Rng crng(params_.seed, streamId(uid, CampaignBase + j));
        if (!crng.bernoulli(c.targetShare)) continue;
        const bool treatment = !crng.bernoulli(c.controlShare);
        // Arms share the window (they differ in depth), so control customers need none.
        const int arm = treatment && !c.arms.empty() ? static_cast<int>(crng.below(c.arms.size())) : -1;
        const Offer& offered = arm >= 0 ? c.arms[static_cast<std::size_t>(arm)].offer : o;
        const ResponseProbabilities p = respond(traits, offered);
        const double u = crng.uniform();
        const bool converted = u < (treatment ? p.convertTreated : p.convertControl);
        const bool baselineBuyer = u < p.convertControl;
        const double pConv = treatment ? p.convertTreated : p.convertControl;
        const double pVisit = treatment ? p.visitTreated : p.visitControl;
        const double browse = pConv < 1.0 ? (pVisit - pConv) / (1.0 - pConv) : 0.0;
        const bool visited = converted || crng.bernoulli(browse);

        ExposureRecord e;
        e.campaign = static_cast<int>(j);
        e.uid = uid;
        e.ts = start + static_cast<std::int64_t>(crng.below(600));
        e.treatment = treatment;
        e.arm = arm;
        out.exposures.push_back(e);

        sessions.erase(std::remove_if(sessions.begin(), sessions.end(),
                                      [&](const Session& s) { return s.ts >= start && s.ts < end; }),
                       sessions.end());

        ResponseRecord r;
        r.campaign = static_cast<int>(j);
        r.uid = uid;
        r.visited = visited;
        r.converted = converted;
        if (visited) {
            const double days = o.durationDays();
            const double offsetDays = o.type == OfferType::FlashSale ? crng.uniform() * days
                                                                     : truncatedExponential(crng, 3.0, days);
            Session s;
            s.ts = std::min(end - 1, e.ts + static_cast<std::int64_t>(offsetDays * kDay));
            s.focusMask = o.type == OfferType::FlashSale ? o.categoryMask : 0;
            if (converted) {
                // One order's value; a customer who buys because of the offer
                // makes sure the basket qualifies.
                const double floorValue = offered.minSpend / kThresholdStretch;
                double x = crng.logNormal(std::log(traits.basketMean), kBasketSigma);
                const bool incremental = treatment && !baselineBuyer;
                for (int tries = 0; incremental && x < floorValue && tries < 1000; ++tries)
                    x = crng.logNormal(std::log(traits.basketMean), kBasketSigma);
                if (incremental && x < floorValue) x = floorValue;
                r.redeemed = treatment && x >= floorValue && p.eligible;
                double paid = x;
                if (r.redeemed) {
                    const double y = std::max(x, offered.minSpend);
                    paid = y - std::min(y, offered.percentOff * y + offered.amountOff);
                }
                paid = std::round(paid * 100.0) / 100.0;
                s.purchase = true;
                s.campaign = r.redeemed ? static_cast<int>(j) : -1;
                s.amount = paid;
                r.revenue = paid;
            }
            r.ts = s.ts;
            sessions.push_back(s);
            std::sort(sessions.begin(), sessions.end(), [](const Session& a, const Session& b) { return a.ts < b.ts; });
        }
        out.responses.push_back(r);
    }

    // 3. Emit the customer, their events and orders.
    out.users.push_back(user);
    Rng content(params_.seed, streamId(uid, Content));
    const std::size_t firstEvent = out.events.size();
    int seq = 0;
    for (const Session& s : sessions) {
        emitSession(content, traits, uid, s, out);
        if (!s.purchase) continue;
        OrderRecord order;
        order.uid = uid;
        order.ts = out.events.back().ts;
        order.seq = ++seq;
        order.amount = s.amount > 0 ? s.amount
                                    : std::round(content.logNormal(std::log(traits.basketMean), kBasketSigma) * 100.0) / 100.0;
        order.itemCount = 1 + static_cast<int>(content.poisson(0.7));
        order.campaign = s.campaign;
        out.orders.push_back(order);
    }
    std::stable_sort(out.events.begin() + static_cast<std::ptrdiff_t>(firstEvent), out.events.end(),
                     [](const EventRecord& a, const EventRecord& b) { return a.ts < b.ts; });
}

void ShopGenerator::emitSession(Rng& rng, const UserTraits& t, std::int64_t uid, const Session& s,
                                UserBatch& out) const
{
    auto drawCategory = [&](int focus) -> int {
        if (s.focusMask != 0 && rng.bernoulli(0.8)) {
            std::array<double, kCategoryCount> w{};
            for (int c = 0; c < kCategoryCount; ++c)
                if (s.focusMask & (1u << c)) w[static_cast<std::size_t>(c)] = t.interest[static_cast<std::size_t>(c)] + 0.02;
            return static_cast<int>(rng.categorical(w));
        }
        if (focus >= 0 && rng.bernoulli(0.6)) return focus;
        return static_cast<int>(rng.categorical(t.interest));
    };
    std::int64_t ts = s.ts;
    EventRecord ev;
    ev.uid = uid;
    int focus = -1;
    if (rng.bernoulli(0.35)) {
        focus = drawCategory(-1);
        ev.ts = ts;
        ev.type = EventType::Search;
        ev.category = static_cast<std::int16_t>(focus);
        ev.searchTerm = static_cast<std::int16_t>(focus * kSearchTermsPerCategory + static_cast<int>(rng.below(kSearchTermsPerCategory)));
        out.events.push_back(ev);
        ts += 5 + static_cast<std::int64_t>(rng.below(20));
    }
    // Habits show in the clicks: a customer carts about as often as they buy
    // (one viewed product in eight on average), and the price-sensitive keep
    // lists of products to buy when the price drops.
    const double cartRate = t.buyPerSession;   // at most 0.6 (drawProfile)
    const double favoriteRate = std::min(0.5, 0.04 * t.priceSensitivity * t.priceSensitivity);
    const std::uint64_t views = 1 + rng.poisson(1.6);
    std::int32_t lastViewed = -1, lastCarted = -1;
    for (std::uint64_t v = 0; v < views; ++v) {
        const int c = drawCategory(focus);
        const auto& pool = productsByCategory_[static_cast<std::size_t>(c)];
        const std::int32_t product = pool[rng.below(pool.size())];
        const double dwell = std::clamp(rng.logNormal(std::log(35.0), 0.8), 2.0, 1800.0);
        ev = EventRecord{uid, ts, EventType::View, product, static_cast<std::int16_t>(c), -1, static_cast<float>(std::round(dwell))};
        out.events.push_back(ev);
        ts += static_cast<std::int64_t>(dwell) + 1;
        lastViewed = product;
        const bool forceCart = s.purchase && v + 1 == views && lastCarted < 0;
        if (forceCart || rng.bernoulli(cartRate)) {
            out.events.push_back({uid, ts, EventType::Cart, product, static_cast<std::int16_t>(c), -1, -1.0f});
            lastCarted = product;
            ts += 2;
        }
        if (rng.bernoulli(favoriteRate)) {
            out.events.push_back({uid, ts, EventType::Favorite, product, static_cast<std::int16_t>(c), -1, -1.0f});
            ts += 2;
        }
    }
    if (s.purchase) {
        const std::int32_t product = lastCarted >= 0 ? lastCarted : lastViewed;
        ts += 30 + static_cast<std::int64_t>(rng.below(90));
        out.events.push_back({uid, ts, EventType::Purchase, product,
                              static_cast<std::int16_t>(products_[static_cast<std::size_t>(product)].category), -1, -1.0f});
    }
}

} // namespace cwb::engine::demo
