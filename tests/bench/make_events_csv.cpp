// Writes users.csv and events.csv for N demo customers (about 10 events
// each), as a shop's export would look: ISO date-times, text ids, Chinese
// search terms. Input for the import benchmark.
//
//   cwb_make_events_csv OUT_DIR USERS [SEED]

#include "core/civil_time.h"
#include "demo/shop_generator.h"

#include <cstdio>
#include <cstdlib>
#include <string>

using namespace cwb::engine;
using namespace cwb::engine::demo;

int main(int argc, char** argv)
{
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s OUT_DIR USERS [SEED]\n", argv[0]);
        return 2;
    }
    const std::string dir = argv[1];
    ShopParams p;
    p.users = std::atoll(argv[2]);
    p.seed = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 42;
    ShopGenerator gen(p);
    std::FILE* users = std::fopen((dir + "/users.csv").c_str(), "w");
    std::FILE* events = std::fopen((dir + "/events.csv").c_str(), "w");
    if (!users || !events) {
        std::perror("cannot write");
        return 1;
    }
    std::fputs("user_id,signup_date,age,gender,city,member_tier\n", users);
    std::fputs("user_id,event_time,behavior_type,item_id,category,search_term,dwell_seconds\n", events);
    long long eventCount = 0;
    UserBatch batch;
    for (std::int64_t first = 1; first <= p.users; first += 10000) {
        batch.clear();
        gen.generate(first, std::min<std::int64_t>(10000, p.users - first + 1), batch);
        for (const UserRecord& u : batch.users) {
            const CivilDate d = fromUnixSeconds(u.signupTs).date;
            std::fprintf(users, "%s,%04d-%02d-%02d,%d,%s,%s,%s\n", u.userId.c_str(), d.year, d.month, d.day, u.age,
                         u.female ? "F" : "M", std::string(cities()[std::size_t(u.city)].city).c_str(),
                         std::string(tierName(u.tier)).c_str());
        }
        for (const EventRecord& e : batch.events) {
            const CivilDateTime t = fromUnixSeconds(e.ts);
            std::fprintf(events, "U%07lld,%04d-%02d-%02d %02d:%02d:%02d,%s,%s,%s,%s,", static_cast<long long>(e.uid),
                         t.date.year, t.date.month, t.date.day, t.hour, t.minute, t.second,
                         std::string(eventTypeName(e.type)).c_str(),
                         e.product >= 0 ? gen.products()[std::size_t(e.product)].id.c_str() : "",
                         e.category >= 0 ? std::string(categoryName(e.category)).c_str() : "",
                         e.searchTerm >= 0 ? std::string(categorySearchTerm(e.searchTerm / kSearchTermsPerCategory,
                                                                            e.searchTerm % kSearchTermsPerCategory)).c_str()
                                           : "");
            if (e.dwellSeconds >= 0) std::fprintf(events, "%.0f", double(e.dwellSeconds));
            std::fputc('\n', events);
            ++eventCount;
        }
    }
    std::fclose(users);
    std::fclose(events);
    std::fprintf(stderr, "wrote %lld users and %lld events to %s\n", static_cast<long long>(p.users), eventCount, dir.c_str());
    return 0;
}
