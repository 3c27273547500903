#include "campaign/preview.h"

#include "core/rank.h"
#include "stats/distributions.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace cwb::engine {

using Eigen::Index;

void UserEconomics::check() const
{
    const Index n = buyTreated.size();
    if (buyControl.size() != n || redeem.size() != n || basket.size() != n || discount.size() != n)
        throw std::invalid_argument("preview: the per-user predictions differ in length");
    for (Index i = 0; i < n; ++i) {
        for (double p : {buyTreated[i], buyControl[i], redeem[i]})
            if (!(p >= 0 && p <= 1)) throw std::invalid_argument("preview: a probability outside [0, 1] for row " + std::to_string(i));
        if (!(basket[i] >= 0) || !(discount[i] >= 0)) throw std::invalid_argument("preview: a negative or missing amount for row " + std::to_string(i));
    }
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

// Per-user sums, before the control group's thinning: mu the mean and v the
// variance of each quantity for an offered user, mu2 the squared means; cov*
// the covariances the ROI ratios need. With T ~ Bernoulli(w) independent of
// the outcome, E[T X] = w mu and Var(T X) = w v + w (1 - w) mu^2.
struct Sums {
    std::array<double, QCount> mu{}, v{}, mu2{};
    double covRevenueCost = 0, covIncProfitCost = 0, muRevenueCost = 0, muIncProfitCost = 0;
    std::array<Parts, QCount> model{};   // per offered user
    double users = 0;
};

// Straight-line per-user terms: for L = alpha buy + beta redeem + kappa,
// Var(L) = alpha^2 p1 (1 - p1) + beta^2 r (1 - r) + 2 alpha beta r (1 - p1)
// (buy and redeem are one categorical draw: redeem implies buy).
void accumulate(Sums& s, const UserEconomics& e, double c, double m, Index i)
{
    const double p1 = e.buyTreated[i], p0 = e.buyControl[i], r = std::min(e.redeem[i], p1), b = e.basket[i], d = e.discount[i];
    const double up = std::clamp(p1 - p0, 0.0, r), sub = r - up;
    const double vb = p1 * (1 - p1), vr = r * (1 - r), cbr = r * (1 - p1);
    const double mb = m * b;
    const double mu[QCount] = {r, p1, p1 - p0, b * p1, b * (p1 - p0), d * r, d * up, d * sub, c, d * r + c, mb * p1 - d * r - c, mb * (p1 - p0) - d * r - c};
    const double vProfit = mb * mb * vb + d * d * vr - 2 * mb * d * cbr;
    const double v[QCount] = {vr, vb, vb, b * b * vb, b * b * vb, d * d * vr, d * d * up * (1 - up), d * d * sub * (1 - sub), 0, d * d * vr, vProfit, vProfit};
    for (int q = 0; q < QCount; ++q) {
        s.mu[static_cast<std::size_t>(q)] += mu[q];
        s.v[static_cast<std::size_t>(q)] += v[q];
        s.mu2[static_cast<std::size_t>(q)] += mu[q] * mu[q];
    }
    s.covRevenueCost += b * d * cbr;
    s.covIncProfitCost += mb * d * cbr - d * d * vr;
    s.muRevenueCost += mu[Revenue] * mu[Cost];
    s.muIncProfitCost += mu[IncProfit] * mu[Cost];
    // What of each mean the model predicts, for the model-uncertainty terms.
    s.model[Redemptions].level += r;
    s.model[Conversions].level += p1;
    s.model[IncConversions].effect += p1 - p0;
    s.model[Revenue].level += b * p1;
    s.model[IncRevenue].effect += b * (p1 - p0);
    s.model[Discount].level += d * r;
    s.model[IncDiscount].effect += d * up;
    s.model[Subsidy].level += d * sub;
    s.model[Cost].level += d * r;
    s.model[Profit].level += mb * p1 - d * r;
    s.model[IncProfit].effect += mb * (p1 - p0);
    s.model[IncProfit].level -= d * r;
    s.users += 1;
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
    Sums s;
    for (Index i : rows) accumulate(s, users, params.costPerContact, params.grossMargin, i);
    return finish(s, params, static_cast<std::int64_t>(rows.size()), static_cast<std::int64_t>(rows.size()));
}

Preview computePreview(const UserEconomics& e, const PreviewParams& prm)
{
    e.check();
    if (!(prm.controlShare >= 0 && prm.controlShare < 1)) throw std::invalid_argument("preview: the control share must be in [0, 1)");
    if (!(prm.targetShare > 0 && prm.targetShare <= 1)) throw std::invalid_argument("preview: the targeting depth must be in (0, 1]");
    if (prm.curvePoints < 1) throw std::invalid_argument("preview: at least one curve point");
    const Index n = e.size();
    const double w = 1.0 - prm.controlShare;
    Preview out;
    out.incrementalProfit.resize(n);
    out.expectedCost.resize(n);
    Eigen::VectorXd key(n), redemptions(n);
    for (Index i = 0; i < n; ++i) {
        const double r = std::min(e.redeem[i], e.buyTreated[i]);
        const double cost = r * e.discount[i] + prm.costPerContact;
        const double inc = prm.grossMargin * (e.buyTreated[i] - e.buyControl[i]) * e.basket[i] - cost;
        out.incrementalProfit[i] = inc;
        out.expectedCost[i] = cost;
        redemptions[i] = r;
        // Incremental profit per unit of cost (a user who costs nothing ranks by profit alone, far ahead or behind).
        key[i] = inc / std::max(cost, 1e-12);
    }
    out.ranking = rankDescending(key);

    // How far down the ranking each limit lets the campaign go.
    const auto all = static_cast<std::int64_t>(n);
    const std::int64_t byShare = prm.targetShare >= 1 ? all : std::min(all, static_cast<std::int64_t>(std::llround(prm.targetShare * double(n))));
    std::int64_t byBudget = all, byQuantity = all;
    double cost = 0, redeemed = 0;
    for (std::int64_t k = 0; k < all; ++k) {
        const Index i = out.ranking[static_cast<std::size_t>(k)];
        cost += w * (out.expectedCost[i]);
        redeemed += w * redemptions[i];
        if (prm.budget > 0 && byBudget == all && cost > prm.budget) byBudget = k;
        if (prm.redemptionCap > 0 && byQuantity == all && redeemed > prm.redemptionCap) byQuantity = k;
    }
    out.budgetUsers = byBudget;
    out.reached = std::min({byShare, byBudget, byQuantity});
    if (out.reached < all) {
        if (out.reached == byBudget && prm.budget > 0 && byBudget < all) out.stoppedBy = StopReason::Budget;
        else if (out.reached == byQuantity && prm.redemptionCap > 0 && byQuantity < all) out.stoppedBy = StopReason::Quantity;
        else out.stoppedBy = StopReason::TargetShare;
    }

    Sums s;
    for (std::int64_t k = 0; k < out.reached; ++k) accumulate(s, e, prm.costPerContact, prm.grossMargin, out.ranking[static_cast<std::size_t>(k)]);
    out.totals = finish(s, prm, all, out.reached);

    // Incremental profit, cost and redemptions down the whole ranking.
    out.depthCurve.reserve(static_cast<std::size_t>(prm.curvePoints) + 1);
    double cumProfit = 0, cumCost = 0, cumRedeem = 0;
    std::int64_t k = 0;
    for (int j = 0; j <= prm.curvePoints; ++j) {
        const auto upTo = static_cast<std::int64_t>(std::llround(double(j) * double(n) / prm.curvePoints));
        for (; k < upTo; ++k) {
            const Index i = out.ranking[static_cast<std::size_t>(k)];
            cumProfit += w * out.incrementalProfit[i];
            cumCost += w * out.expectedCost[i];
            cumRedeem += w * redemptions[i];
        }
        out.depthCurve.push_back(DepthPoint{n > 0 ? double(upTo) / double(n) : 0.0, upTo, cumProfit, cumCost, cumRedeem});
    }
    return out;
}

} // namespace cwb::engine
