#include "campaign/preview.h"

#include "core/parallel.h"
#include "core/rank.h"
#include "stats/distributions.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <tuple>

namespace cwb::engine {

using Eigen::Index;

void UserEconomics::checkSizes() const
{
    const Index n = buyTreated.size();
    if (buyControl.size() != n || redeem.size() != n || basket.size() != n || discount.size() != n)
        throw std::invalid_argument("preview: the per-user predictions differ in length");
}

const char* UserEconomics::rowProblem(Index i) const
{
    for (double p : {buyTreated[i], buyControl[i], redeem[i]})
        if (!(p >= 0 && p <= 1)) return "a probability outside [0, 1]";
    if (!(basket[i] >= 0) || !(discount[i] >= 0)) return "a negative or missing amount";
    return nullptr;
}

void UserEconomics::throwRowProblem(Index i) const
{
    throw std::invalid_argument(std::string("preview: ") + rowProblem(i) + " for row " + std::to_string(i));
}

namespace {

// The quantities of a preview. Each is, per offered user, a linear function
// alpha * buy + beta * redeem + kappa of the user's purchase and redemption,
// except the split of the discount (IncDiscount, Subsidy), which are
// Bernoulli amounts of their own.
enum Q : int {
    Redemptions, Conversions, IncConversions, Revenue, IncRevenue, Discount, IncDiscount, Subsidy,
    Contact, Cost, Profit, IncProfit, QCount
};

// Which part of a quantity the model predicts: levels (p1, r) or effects (u).
struct Parts {
    double level = 0, effect = 0;
};

// Per offered user i, with u = p1 - p0, up = clamp(u, 0, r) and sub = r - up, the
// moments every figure is built from. The margin m and the contact cost c enter the
// figures only as constant factors and terms, so these sums leave them out: one pass
// over the users serves any margin and cost, and a sum is a handful of multiply-adds
// per user instead of a dozen quantities' means, variances and squares.
enum M : int {
    N,
    SR, SP1, SU, SBP1, SBU, SDR, SDUp, SDSub,             // means: r, p1, u, b p1, b u, d r, d up, d sub
    SVr, SVb, SB2Vb, SD2Vr, SD2VUp, SD2VSub, SBDCbr,      // variances: r(1-r), p1(1-p1), b^2 .., d^2 .., b d r (1 - p1)
    SR2, SP12, SU2, SBP12, SBU2, SDR2, SDUp2, SDSub2,     // squared means
    SBP1DR, SBUDR,                                        // cross products of means: b p1 d r, b u d r
    MCount
};
using Moments = std::array<double, MCount>;

// Per-user sums of each quantity (before the control group's thinning): mu the mean and
// v the variance for an offered user, mu2 the squared means; cov* and mu*Cost what the ROI
// ratios need. With T ~ Bernoulli(w) independent of the outcome, E[T X] = w mu and
// Var(T X) = w v + w (1 - w) mu^2.
struct Sums {
    std::array<double, QCount> mu{}, v{}, mu2{};
    double covRevenueCost = 0, covIncProfitCost = 0, muRevenueCost = 0, muIncProfitCost = 0;
    std::array<Parts, QCount> model{};   // per offered user
    double users = 0;
};

// The quantities' sums from the moments. Straight-line terms L = alpha buy + beta redeem + kappa
// have Var(L) = alpha^2 p1 (1 - p1) + beta^2 r (1 - r) + 2 alpha beta r (1 - p1) (buy and redeem are
// one categorical draw: redeem implies buy); profit is m b buy - d redeem - c.
Sums sumsOf(const Moments& s, double m, double c)
{
    Sums q;
    const double n = s[N];
    q.users = n;
    const double mu[QCount] = {s[SR],           s[SP1],    s[SU],    s[SBP1],          s[SBU],           s[SDR],
                               s[SDUp],         s[SDSub],  c * n,    s[SDR] + c * n,   m * s[SBP1] - s[SDR] - c * n,
                               m * s[SBU] - s[SDR] - c * n};
    const double vProfit = m * m * s[SB2Vb] + s[SD2Vr] - 2 * m * s[SBDCbr];
    const double v[QCount] = {s[SVr], s[SVb], s[SVb], s[SB2Vb], s[SB2Vb], s[SD2Vr], s[SD2VUp], s[SD2VSub], 0, s[SD2Vr], vProfit, vProfit};
    // Squares of sums of terms, expanded: (x - dr - c)^2 = x^2 + (dr)^2 + c^2 - 2 x dr - 2 c x + 2 c dr.
    const double costSq = s[SDR2] + 2 * c * s[SDR] + c * c * n;
    const double profitSq = m * m * s[SBP12] + s[SDR2] + c * c * n - 2 * m * s[SBP1DR] - 2 * m * c * s[SBP1] + 2 * c * s[SDR];
    const double incProfitSq = m * m * s[SBU2] + s[SDR2] + c * c * n - 2 * m * s[SBUDR] - 2 * m * c * s[SBU] + 2 * c * s[SDR];
    const double mu2[QCount] = {s[SR2], s[SP12], s[SU2], s[SBP12], s[SBU2], s[SDR2], s[SDUp2], s[SDSub2], c * c * n, costSq, profitSq, incProfitSq};
    for (std::size_t k = 0; k < QCount; ++k) {
        q.mu[k] = mu[k];
        q.v[k] = v[k];
        q.mu2[k] = mu2[k];
    }
    q.covRevenueCost = s[SBDCbr];
    q.covIncProfitCost = m * s[SBDCbr] - s[SD2Vr];
    // sum b p1 (d r + c) and sum (m b u - d r - c)(d r + c).
    q.muRevenueCost = s[SBP1DR] + c * s[SBP1];
    q.muIncProfitCost = m * s[SBUDR] + m * c * s[SBU] - s[SDR2] - 2 * c * s[SDR] - c * c * n;
    // What of each mean the model predicts, for the model-uncertainty terms.
    q.model[Redemptions].level = s[SR];
    q.model[Conversions].level = s[SP1];
    q.model[IncConversions].effect = s[SU];
    q.model[Revenue].level = s[SBP1];
    q.model[IncRevenue].effect = s[SBU];
    q.model[Discount].level = s[SDR];
    q.model[IncDiscount].effect = s[SDUp];
    q.model[Subsidy].level = s[SDSub];
    q.model[Cost].level = s[SDR];
    q.model[Profit].level = m * s[SBP1] - s[SDR];
    q.model[IncProfit].effect = m * s[SBU];
    q.model[IncProfit].level = -s[SDR];
    return q;
}

// The moments of users whose figures are the given arrays (one value per user, m of them),
// of those with take[i] != 0 (every one when take is null), on Eigen arrays a block at a time:
// each sum is a vectorised reduction over the block.
template <typename A>
void addUsers(Moments& s, const A& p1All, const A& p0All, const A& rAll, const A& bAll, const A& dAll, const char* take, Index m)
{
    constexpr Index block = 1024;
    // Temporaries of at most a block, on the stack: no allocation per block.
    using Block = Eigen::Array<double, Eigen::Dynamic, 1, 0, block, 1>;
    Block t(block);
    for (Index from = 0; from < m; from += block) {
        const Index k = std::min(block, m - from);
        if (take) {
            for (Index i = 0; i < k; ++i) t[i] = take[from + i] ? 1.0 : 0.0;
        } else {
            t.head(k).setOnes();
        }
        const auto tm = t.head(k);
        const Block p1 = p1All.segment(from, k), p0 = p0All.segment(from, k), b = bAll.segment(from, k), d = dAll.segment(from, k);
        const Block r = rAll.segment(from, k).min(p1), u = p1 - p0, up = u.max(0.0).min(r), sub = r - up;
        const Block vb = p1 * (1 - p1), vr = r * (1 - r);
        // Taken users only: every per-user term below carries one factor of t.
        const Block bp1 = tm * b * p1, bu = tm * b * u, dr = tm * d * r, dup = tm * d * up, dsub = tm * d * sub;
        const Block bp1u = b * p1, buu = b * u, dru = d * r, dupu = d * up, dsubu = d * sub;   // untaken
        s[N] += tm.sum();
        s[SR] += (tm * r).sum();
        s[SP1] += (tm * p1).sum();
        s[SU] += (tm * u).sum();
        s[SBP1] += bp1.sum();
        s[SBU] += bu.sum();
        s[SDR] += dr.sum();
        s[SDUp] += dup.sum();
        s[SDSub] += dsub.sum();
        s[SVr] += (tm * vr).sum();
        s[SVb] += (tm * vb).sum();
        s[SB2Vb] += (tm * b * b * vb).sum();
        s[SD2Vr] += (tm * d * d * vr).sum();
        s[SD2VUp] += (d * dup * (1 - up)).sum();
        s[SD2VSub] += (d * dsub * (1 - sub)).sum();
        s[SBDCbr] += (tm * b * d * r * (1 - p1)).sum();
        s[SR2] += (tm * r * r).sum();
        s[SP12] += (tm * p1 * p1).sum();
        s[SU2] += (tm * u * u).sum();
        s[SBP12] += (bp1 * bp1u).sum();
        s[SBU2] += (bu * buu).sum();
        s[SDR2] += (dr * dru).sum();
        s[SDUp2] += (dup * dupu).sum();
        s[SDSub2] += (dsub * dsubu).sum();
        s[SBP1DR] += (bp1 * dru).sum();
        s[SBUDR] += (bu * dru).sum();
    }
}

// The moments over the rows with take[i] != 0 (all rows when take is null), in fixed chunks
// added in chunk order (the same sums on any number of threads).
Moments momentsOver(const UserEconomics& e, const char* take)
{
    constexpr std::int64_t chunk = 1 << 15;
    const std::int64_t n = e.size();
    std::vector<Moments> parts(static_cast<std::size_t>(chunkCount(n, chunk)), Moments{});
    parallelFor(n, chunk, [&](std::int64_t begin, std::int64_t end, std::int64_t c) {
        auto seg = [&](const Eigen::VectorXd& v) { return v.segment(begin, end - begin).array(); };
        addUsers(parts[static_cast<std::size_t>(c)], seg(e.buyTreated), seg(e.buyControl), seg(e.redeem), seg(e.basket), seg(e.discount),
                 take ? take + begin : nullptr, end - begin);
    });
    Moments total{};
    for (const Moments& m : parts)
        for (std::size_t k = 0; k < MCount; ++k) total[k] += m[k];
    return total;
}

PreviewTotals finish(const Sums& s, const PreviewParams& prm, std::int64_t eligible, std::int64_t targeted)
{
    const double z = twoSidedZ(prm.level);
    const double w = 1.0 - prm.controlShare;
    // Thinned by the control group: means scale by w, variances and covariances as E[T X] above.
    auto mean = [&](int q) { return w * s.mu[static_cast<std::size_t>(q)]; };
    auto var = [&](int q) { return w * s.v[static_cast<std::size_t>(q)] + w * (1 - w) * s.mu2[static_cast<std::size_t>(q)]; };
    auto part = [&](int q) { return Parts{w * s.model[static_cast<std::size_t>(q)].level, w * s.model[static_cast<std::size_t>(q)].effect}; };
    // The model's error multiplies its predicted parts by exp(eps), eps ~ N(0, sd^2): at the
    // interval's level a part a can fall to a exp(-z sd) and rise to a exp(z sd) (the other way
    // round when it counts negatively). The two parts' errors and the outcomes' spread add in quadrature.
    const double sl = prm.modelLevelSd, se = prm.modelEffectSd;
    auto shift = [&](double a, double sd, bool up) {
        const double rise = std::expm1(z * sd), fall = -std::expm1(-z * sd);
        return std::fabs(a) * ((a >= 0) == up ? rise : fall);
    };
    auto estimate = [&](int q, double lowest, double highest) {
        const Parts p = part(q);
        const double noise = z * z * std::max(0.0, var(q));
        const double down = std::hypot(shift(p.level, sl, false), shift(p.effect, se, false));
        const double up = std::hypot(shift(p.level, sl, true), shift(p.effect, se, true));
        Estimate e{mean(q), mean(q) - std::sqrt(down * down + noise), mean(q) + std::sqrt(up * up + noise)};
        e.low = std::max(e.low, lowest);
        e.high = std::min(e.high, highest);
        return e;
    };
    // The ratios' delta method takes a symmetric relative sd: half the interval's relative width.
    const double slr = (std::expm1(z * sl) - std::expm1(-z * sl)) / (2 * z), ser = (std::expm1(z * se) - std::expm1(-z * se)) / (2 * z);
    auto modelVar = [&](const Parts& a, const Parts& b) { return slr * slr * a.level * b.level + ser * ser * a.effect * b.effect; };
    const double inf = std::numeric_limits<double>::infinity();
    const double users = double(targeted);
    PreviewTotals t;
    t.eligible = eligible;
    t.targeted = targeted;
    t.offered = w * s.users;
    t.heldOut = (1 - w) * s.users;
    t.redemptions = estimate(Redemptions, 0, users);
    t.conversions = estimate(Conversions, 0, users);
    t.incrementalConversions = estimate(IncConversions, -users, users);
    t.revenue = estimate(Revenue, 0, inf);
    t.incrementalRevenue = estimate(IncRevenue, -inf, inf);
    t.discountCost = estimate(Discount, 0, inf);
    t.incrementalDiscount = estimate(IncDiscount, 0, inf);
    t.subsidy = estimate(Subsidy, 0, inf);
    t.contactCost = estimate(Contact, 0, inf);
    t.totalCost = estimate(Cost, 0, inf);
    t.profit = estimate(Profit, -inf, inf);
    t.incrementalProfit = estimate(IncProfit, -inf, inf);

    // Ratios by the delta method: for X / C, var = vX / C^2 + X^2 vC / C^4 - 2 X cov / C^3.
    const double c = mean(Cost), vc = var(Cost) + modelVar(part(Cost), part(Cost));
    auto ratio = [&](double x, double vx, double cov) {
        if (!(c > 0)) return Estimate{std::nan(""), std::nan(""), std::nan("")};
        const double v = vx / (c * c) + x * x * vc / (c * c * c * c) - 2 * x * cov / (c * c * c);
        const double sd = std::sqrt(std::max(0.0, v));
        return Estimate{x / c, x / c - z * sd, x / c + z * sd};
    };
    // ROI = (revenue - cost) / cost = revenue / cost - 1.
    const double covRC = w * s.covRevenueCost + w * (1 - w) * s.muRevenueCost + modelVar(part(Revenue), part(Cost));
    t.roi = ratio(mean(Revenue), var(Revenue) + modelVar(part(Revenue), part(Revenue)), covRC);
    t.roi.value -= 1;
    t.roi.low -= 1;
    t.roi.high -= 1;
    const double covPC = w * s.covIncProfitCost + w * (1 - w) * s.muIncProfitCost + modelVar(part(IncProfit), part(Cost));
    t.incrementalRoi = ratio(mean(IncProfit), var(IncProfit) + modelVar(part(IncProfit), part(IncProfit)), covPC);
    return t;
}

} // namespace

PreviewTotals totalsOver(const UserEconomics& users, const PreviewParams& params, const std::vector<Index>& rows)
{
    // The rows side by side, then the same sums as a preview's.
    UserEconomics some;
    const auto k = static_cast<Index>(rows.size());
    for (Eigen::VectorXd* v : {&some.buyTreated, &some.buyControl, &some.redeem, &some.basket, &some.discount}) v->resize(k);
    for (Index j = 0; j < k; ++j) {
        const Index i = rows[static_cast<std::size_t>(j)];
        some.buyTreated[j] = users.buyTreated[i];
        some.buyControl[j] = users.buyControl[i];
        some.redeem[j] = users.redeem[i];
        some.basket[j] = users.basket[i];
        some.discount[j] = users.discount[i];
    }
    Moments m{};
    addUsers(m, some.buyTreated.array(), some.buyControl.array(), some.redeem.array(), some.basket.array(), some.discount.array(), nullptr, k);
    return finish(sumsOf(m, params.grossMargin, params.costPerContact), params, static_cast<std::int64_t>(rows.size()),
                  static_cast<std::int64_t>(rows.size()));
}

static_assert(std::tuple_size_v<Moments> == 26, "TotalsAccumulator holds the moments");

void TotalsAccumulator::add(const Eigen::Ref<const Eigen::ArrayXd>& p1, const Eigen::Ref<const Eigen::ArrayXd>& p0,
                            const Eigen::Ref<const Eigen::ArrayXd>& r, const Eigen::Ref<const Eigen::ArrayXd>& b,
                            const Eigen::Ref<const Eigen::ArrayXd>& d, Index firstRow)
{
    const Index m = p1.size();
    if (p0.size() != m || r.size() != m || b.size() != m || d.size() != m)
        throw std::invalid_argument("preview: the per-user predictions differ in length");
    // NaN fails every comparison, so a missing value is caught here too.
    const bool valid = (p1 >= 0 && p1 <= 1 && p0 >= 0 && p0 <= 1 && r >= 0 && r <= 1 && b >= 0 && d >= 0).all();
    if (!valid) {
        UserEconomics one;
        for (Index i = 0; i < m; ++i) {
            one.buyTreated = Eigen::VectorXd::Constant(1, p1[i]);
            one.buyControl = Eigen::VectorXd::Constant(1, p0[i]);
            one.redeem = Eigen::VectorXd::Constant(1, r[i]);
            one.basket = Eigen::VectorXd::Constant(1, b[i]);
            one.discount = Eigen::VectorXd::Constant(1, d[i]);
            if (const char* problem = one.rowProblem(0))
                throw std::invalid_argument(std::string("preview: ") + problem + " for row " + std::to_string(firstRow + i));
        }
    }
    addUsers(moments_, p1, p0, r, b, d, nullptr, m);
    users_ += m;
}

void TotalsAccumulator::merge(const TotalsAccumulator& other)
{
    for (std::size_t k = 0; k < MCount; ++k) moments_[k] += other.moments_[k];
    users_ += other.users_;
}

PreviewTotals TotalsAccumulator::totals(const PreviewParams& prm) const
{
    if (prm.limited())
        throw std::invalid_argument("preview: a budget, quantity or targeting depth needs the ranking of every user (computePreview)");
    if (!(prm.controlShare >= 0 && prm.controlShare < 1)) throw std::invalid_argument("preview: the control share must be in [0, 1)");
    return finish(sumsOf(moments_, prm.grossMargin, prm.costPerContact), prm, users_, users_);
}

Preview computePreview(const UserEconomics& e, const PreviewParams& prm)
{
    e.checkSizes();
    const Index n = e.size();
    if (!(prm.controlShare >= 0 && prm.controlShare < 1)) throw std::invalid_argument("preview: the control share must be in [0, 1)");
    if (!(prm.targetShare > 0 && prm.targetShare <= 1)) throw std::invalid_argument("preview: the targeting depth must be in (0, 1]");
    if (prm.curvePoints < 1) throw std::invalid_argument("preview: at least one curve point");
    const double w = 1.0 - prm.controlShare;
    const auto all = static_cast<std::int64_t>(n);
    const bool ranked = prm.ranking || prm.limited();
    Preview out;
    out.incrementalProfit.resize(n);
    out.expectedCost.resize(n);
    Eigen::VectorXd key(ranked ? n : 0);
    // What the walk down the ranking adds up, side by side: one memory access per user.
    struct Along {
        double cost, redeem, profit;
    };
    std::vector<Along> along(ranked ? static_cast<std::size_t>(n) : 0);
    constexpr std::int64_t chunk = 1 << 15;
    std::vector<Index> firstBad(static_cast<std::size_t>(chunkCount(n, chunk)), -1);
    parallelFor(n, chunk, [&](std::int64_t begin, std::int64_t end, std::int64_t c) {
        for (Index i = begin; i < end; ++i) {
            const double p1 = e.buyTreated[i], p0 = e.buyControl[i], rr = e.redeem[i], b = e.basket[i], d = e.discount[i];
            if (firstBad[static_cast<std::size_t>(c)] < 0 && e.rowProblem(i)) firstBad[static_cast<std::size_t>(c)] = i;
            const double r = std::min(rr, p1);
            const double cost = r * d + prm.costPerContact;
            const double inc = prm.grossMargin * (p1 - p0) * b - cost;
            out.incrementalProfit[i] = inc;
            out.expectedCost[i] = cost;
            if (!ranked) continue;
            along[static_cast<std::size_t>(i)] = Along{cost, r, inc};
            // Incremental profit per unit of cost (a user who costs nothing ranks by profit alone, far ahead or behind).
            key[i] = inc / std::max(cost, 1e-12);
        }
    });
    for (Index bad : firstBad)
        if (bad >= 0) e.throwRowProblem(bad);
    if (!ranked) {
        out.reached = all;
        out.budgetUsers = all;
        out.totals = finish(sumsOf(momentsOver(e, nullptr), prm.grossMargin, prm.costPerContact), prm, all, all);
        return out;
    }
    out.ranking = rankDescendingSingle(key);

    // Down the ranking: how far each limit lets the campaign go, and the depth curve.
    const std::int64_t byShare = prm.targetShare >= 1 ? all : std::min(all, static_cast<std::int64_t>(std::llround(prm.targetShare * double(n))));
    std::int64_t byBudget = all, byQuantity = all;
    out.depthCurve.reserve(static_cast<std::size_t>(prm.curvePoints) + 1);
    double cost = 0, redeemed = 0, profit = 0;
    std::int64_t k = 0;
    for (int j = 0; j <= prm.curvePoints; ++j) {
        const auto upTo = static_cast<std::int64_t>(std::llround(double(j) * double(n) / prm.curvePoints));
        for (; k < upTo; ++k) {
            const Along& a = along[static_cast<std::size_t>(out.ranking[static_cast<std::size_t>(k)])];
            cost += w * a.cost;
            redeemed += w * a.redeem;
            profit += w * a.profit;
            if (prm.budget > 0 && byBudget == all && cost > prm.budget) byBudget = k;
            if (prm.redemptionCap > 0 && byQuantity == all && redeemed > prm.redemptionCap) byQuantity = k;
        }
        out.depthCurve.push_back(DepthPoint{n > 0 ? double(upTo) / double(n) : 0.0, upTo, profit, cost, redeemed});
    }
    out.budgetUsers = byBudget;
    out.reached = std::min({byShare, byBudget, byQuantity});
    if (out.reached < all) {
        if (out.reached == byBudget && prm.budget > 0 && byBudget < all) out.stoppedBy = StopReason::Budget;
        else if (out.reached == byQuantity && prm.redemptionCap > 0 && byQuantity < all) out.stoppedBy = StopReason::Quantity;
        else out.stoppedBy = StopReason::TargetShare;
    }

    // The totals over the reached users, added in row order (sequential memory, both cores).
    Moments m{};
    if (out.reached == all) {
        m = momentsOver(e, nullptr);
    } else {
        std::vector<char> reached(static_cast<std::size_t>(n), 0);
        for (std::int64_t r = 0; r < out.reached; ++r) reached[static_cast<std::size_t>(out.ranking[static_cast<std::size_t>(r)])] = 1;
        m = momentsOver(e, reached.data());
    }
    out.totals = finish(sumsOf(m, prm.grossMargin, prm.costPerContact), prm, all, out.reached);
    return out;
}

} // namespace cwb::engine
