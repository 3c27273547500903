#pragma once
// RFM scoring and the named RFM groups.
//
// Scores 1-5 by quintiles among customers who have ordered: recency (days
// since the last order; fewer is better), frequency (orders) and monetary
// (spend; more is better). A customer's score is 1 + floor(5 p), where p is
// the share of customers with a strictly worse value. Ties therefore share
// a score, and a big tie at the bottom stays at 1: when most customers
// bought once, every one-time buyer has F = 1 (and the next scores start
// where the ties end), rather than an arbitrary split of identical values.
//
// Groups from R and FM = round((F + M) / 2), halves up:
//
//               FM: 1          2          3               4          5
//   R 5   New             Potential Loyalists      Champions   Champions
//   R 4   Promising       Potential Loyalists      Loyal       Loyal
//   R 3   Hibernating     Hibernating  Need Attention  Loyal   Loyal
//   R 2   Hibernating     Hibernating  At Risk     At Risk     Can't Lose Them
//   R 1   Lost            Lost         At Risk     At Risk     Can't Lose Them
//
// Customers with no order are "Prospects" and have no scores.

#include <cstdint>
#include <string_view>
#include <vector>

namespace cwb::engine {

enum class RfmGroup : std::uint8_t {
    Champions,
    Loyal,
    PotentialLoyalists,
    New,
    Promising,
    NeedAttention,
    AtRisk,
    CantLoseThem,
    Hibernating,
    Lost,
    Prospects,
};
inline constexpr int kRfmGroupCount = 11;

struct RfmScores {
    std::vector<std::int8_t> r, f, m;   // 1..5, or 0 for prospects
    std::vector<RfmGroup> group;
};

// One entry per customer; frequency <= 0 marks a prospect (recency and
// monetary are then ignored).
RfmScores scoreRfm(const std::vector<double>& recencyDays, const std::vector<double>& frequency,
                   const std::vector<double>& monetary);

RfmGroup rfmGroup(int r, int f, int m);
std::string_view rfmGroupName(RfmGroup g);   // "Champions", "Can't Lose Them", ...
std::string_view rfmGroupKey(RfmGroup g);    // "champions", "cant_lose_them", ...

// Quintile scores 1..5 of `values` (higher value, higher score): 1 + floor(5 * share strictly lower).
std::vector<std::int8_t> quintileScores(const std::vector<double>& values);

} // namespace cwb::engine
