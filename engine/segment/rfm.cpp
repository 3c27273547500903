#include "segment/rfm.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace cwb::engine {

std::vector<std::int8_t> quintileScores(const std::vector<double>& v)
{
    const std::size_t n = v.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return v[a] < v[b]; });
    std::vector<std::int8_t> score(n);
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i;
        while (j + 1 < n && v[order[j + 1]] == v[order[i]]) ++j;
        // Positions i .. j are tied; i customers have a strictly lower value.
        const double pct = double(i) / double(n);
        const auto s = static_cast<std::int8_t>(std::min(5, 1 + static_cast<int>(std::floor(5.0 * pct))));
        for (std::size_t t = i; t <= j; ++t) score[order[t]] = s;
        i = j + 1;
    }
    return score;
}

RfmGroup rfmGroup(int r, int f, int m)
{
    const int fm = (f + m + 1) / 2;   // round((f + m) / 2), halves up
    switch (r) {
    case 5: return fm == 1 ? RfmGroup::New : fm <= 3 ? RfmGroup::PotentialLoyalists : RfmGroup::Champions;
    case 4: return fm == 1 ? RfmGroup::Promising : fm <= 3 ? RfmGroup::PotentialLoyalists : RfmGroup::Loyal;
    case 3: return fm <= 2 ? RfmGroup::Hibernating : fm == 3 ? RfmGroup::NeedAttention : RfmGroup::Loyal;
    case 2: return fm <= 2 ? RfmGroup::Hibernating : fm <= 4 ? RfmGroup::AtRisk : RfmGroup::CantLoseThem;
    case 1: return fm <= 2 ? RfmGroup::Lost : fm <= 4 ? RfmGroup::AtRisk : RfmGroup::CantLoseThem;
    default: return RfmGroup::Prospects;
    }
}

RfmScores scoreRfm(const std::vector<double>& recency, const std::vector<double>& frequency, const std::vector<double>& monetary)
{
    const std::size_t n = frequency.size();
    if (recency.size() != n || monetary.size() != n) throw std::invalid_argument("RFM inputs differ in length");
    std::vector<std::size_t> buyers;
    for (std::size_t i = 0; i < n; ++i)
        if (frequency[i] > 0) buyers.push_back(i);
    std::vector<double> r(buyers.size()), f(buyers.size()), m(buyers.size());
    for (std::size_t b = 0; b < buyers.size(); ++b) {
        r[b] = -recency[buyers[b]];   // fewer days since the last order scores higher
        f[b] = frequency[buyers[b]];
        m[b] = monetary[buyers[b]];
    }
    const auto rs = quintileScores(r), fs = quintileScores(f), ms = quintileScores(m);
    RfmScores out;
    out.r.assign(n, 0);
    out.f.assign(n, 0);
    out.m.assign(n, 0);
    out.group.assign(n, RfmGroup::Prospects);
    for (std::size_t b = 0; b < buyers.size(); ++b) {
        const std::size_t i = buyers[b];
        out.r[i] = rs[b];
        out.f[i] = fs[b];
        out.m[i] = ms[b];
        out.group[i] = rfmGroup(rs[b], fs[b], ms[b]);
    }
    return out;
}

std::string_view rfmGroupName(RfmGroup g)
{
    switch (g) {
    case RfmGroup::Champions: return "Champions";
    case RfmGroup::Loyal: return "Loyal";
    case RfmGroup::PotentialLoyalists: return "Potential Loyalists";
    case RfmGroup::New: return "New";
    case RfmGroup::Promising: return "Promising";
    case RfmGroup::NeedAttention: return "Need Attention";
    case RfmGroup::AtRisk: return "At Risk";
    case RfmGroup::CantLoseThem: return "Can't Lose Them";
    case RfmGroup::Hibernating: return "Hibernating";
    case RfmGroup::Lost: return "Lost";
    case RfmGroup::Prospects: return "Prospects";
    }
    return "";
}

std::string_view rfmGroupKey(RfmGroup g)
{
    switch (g) {
    case RfmGroup::Champions: return "champions";
    case RfmGroup::Loyal: return "loyal";
    case RfmGroup::PotentialLoyalists: return "potential_loyalists";
    case RfmGroup::New: return "new";
    case RfmGroup::Promising: return "promising";
    case RfmGroup::NeedAttention: return "need_attention";
    case RfmGroup::AtRisk: return "at_risk";
    case RfmGroup::CantLoseThem: return "cant_lose_them";
    case RfmGroup::Hibernating: return "hibernating";
    case RfmGroup::Lost: return "lost";
    case RfmGroup::Prospects: return "prospects";
    }
    return "";
}

} // namespace cwb::engine
