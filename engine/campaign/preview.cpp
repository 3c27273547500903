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
// except the split of the discount (Incremental/Subsidy discount), which
// are Bernoulli amounts of their own.
enum Q : int {
    Redemptions, Conversions, IncConversions, Revenue, IncRevenue, Discount, IncDiscount, Subsidy,
    Contact, Cost, Profit, IncProfit, QCount
};

// Which part of a quantity the model predicts: levels (p1, r) or effects (u).
struct Parts {
    double level = 0, effect = 0;
};

struct Sums {
    std::array<double, QCount> mean{}, var{};
    std::array<Parts, QCount> model{};
    // Covariances (outcome part) needed for the ROI ratios.
    double covRevenueCost = 0, covIncProfitCost = 0;
    double offered = 0, heldOut = 0;
};

struct Linear {
    double alpha = 0, beta = 0, kappa = 0;
};

void accumulate(Sums& s, const UserEconomics& e, const PreviewParams& prm, Index i)
{
    const double w = 1.0 - prm.controlShare;
    const double p1 = e.buyTreated[i], p0 = e.buyControl[i], r = std::min(e.redeem[i], p1), b = e.basket[i], d = e.discount[i];
    const double c = prm.costPerContact, m = prm.grossMargin;
    const double up = std::clamp(p1 - p0, 0.0, r);   // incremental redeemers
    const double sub = r - up;                       // redeemers who would have bought anyway

    std::array<Linear, QCount> L{};
    L[Redemptions] = {0, 1, 0};
    L[Conversions] = {1, 0, 0};
    L[IncConversions] = {1, 0, -p0};
    L[Revenue] = {b, 0, 0};
    L[IncRevenue] = {b, 0, -p0 * b};
    L[Discount] = {0, d, 0};
    L[Contact] = {0, 0, c};
    L[Cost] = {0, d, c};
    L[Profit] = {m * b, -d, -c};
    L[IncProfit] = {m * b, -d, -c - m * p0 * b};

    auto mean = [&](const Linear& l) { return l.alpha * p1 + l.beta * r + l.kappa; };
    auto cross = [&](const Linear& x, const Linear& y) {   // E[X Y | offered]
        return x.alpha * y.alpha * p1 + x.beta * y.beta * r + (x.alpha * y.beta + x.beta * y.alpha) * r + x.kappa * (y.alpha * p1 + y.beta * r) +
               y.kappa * (x.alpha * p1 + x.beta * r) + x.kappa * y.kappa;
    };
    // With T ~ Bernoulli(w) independent of the outcome: E[TX] = w E[X], Cov(TX, TY) = w E[XY] - w^2 E[X] E[Y].
    std::array<double, QCount> mu{};
    for (int q = 0; q < QCount; ++q) {
        if (q == IncDiscount || q == Subsidy) continue;
        mu[static_cast<std::size_t>(q)] = mean(L[static_cast<std::size_t>(q)]);
        s.mean[static_cast<std::size_t>(q)] += w * mu[static_cast<std::size_t>(q)];
        s.var[static_cast<std::size_t>(q)] += w * cross(L[static_cast<std::size_t>(q)], L[static_cast<std::size_t>(q)]) -
                                              w * w * mu[static_cast<std::size_t>(q)] * mu[static_cast<std::size_t>(q)];
    }
    for (auto [q, prob] : {std::pair{IncDiscount, up}, std::pair{Subsidy, sub}}) {
        s.mean[q] += w * d * prob;
        s.var[q] += w * d * d * prob - w * w * d * d * prob * prob;
    }
    s.covRevenueCost += w * cross(L[Revenue], L[Cost]) - w * w * mu[Revenue] * mu[Cost];
    s.covIncProfitCost += w * cross(L[IncProfit], L[Cost]) - w * w * mu[IncProfit] * mu[Cost];

    // What of each mean the model predicts, for the model-uncertainty terms.
    const double inc = w * (p1 - p0), rev = w * p1 * b, disc = w * r * d;
    s.model[Redemptions].level += w * r;
    s.model[Conversions].level += w * p1;
    s.model[IncConversions].effect += inc;
    s.model[Revenue].level += rev;
    s.model[IncRevenue].effect += inc * b;
    s.model[Discount].level += disc;
    s.model[IncDiscount].effect += w * up * d;
    s.model[Subsidy].level += w * sub * d;
    s.model[Cost].level += disc;
    s.model[Profit].level += m * rev - disc;
    s.model[IncProfit].effect += m * inc * b;
    s.model[IncProfit].level -= disc;
    s.offered += w;
    s.heldOut += 1.0 - w;
}

PreviewTotals finish(const Sums& s, const PreviewParams& prm, std::int64_t eligible, std::int64_t targeted)
{
    const double z = twoSidedZ(prm.level);
    const double sl = prm.modelLevelSd, se = prm.modelEffectSd;
    auto modelVar = [&](const Parts& a, const Parts& b) { return sl * sl * a.level * b.level + se * se * a.effect * b.effect; };
    auto estimate = [&](int q, double lowest, double highest) {
        const auto k = static_cast<std::size_t>(q);
        const double sd = std::sqrt(std::max(0.0, s.var[k] + modelVar(s.model[k], s.model[k])));
        Estimate e{s.mean[k], s.mean[k] - z * sd, s.mean[k] + z * sd};
        e.low = std::max(e.low, lowest);
        e.high = std::min(e.high, highest);
        return e;
    };
    const double inf = std::numeric_limits<double>::infinity();
    const double users = double(targeted);
    PreviewTotals t;
    t.eligible = eligible;
    t.targeted = targeted;
    t.offered = s.offered;
    t.heldOut = s.heldOut;
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
    auto ratio = [&](double x, double vx, double cov, Estimate& out) {
        const double c = s.mean[Cost], vc = s.var[Cost] + modelVar(s.model[Cost], s.model[Cost]);
        if (!(c > 0)) {
            out = Estimate{std::nan(""), std::nan(""), std::nan("")};
            return;
        }
        const double v = vx / (c * c) + x * x * vc / (c * c * c * c) - 2 * x * cov / (c * c * c);
        const double sd = std::sqrt(std::max(0.0, v));
        out = Estimate{x / c, x / c - z * sd, x / c + z * sd};
    };
    // ROI = (revenue - cost) / cost = revenue / cost - 1.
    {
        const double vr = s.var[Revenue] + modelVar(s.model[Revenue], s.model[Revenue]);
        const double cov = s.covRevenueCost + modelVar(s.model[Revenue], s.model[Cost]);
        ratio(s.mean[Revenue], vr, cov, t.roi);
        t.roi.value -= 1;
        t.roi.low -= 1;
        t.roi.high -= 1;
    }
    {
        const double vi = s.var[IncProfit] + modelVar(s.model[IncProfit], s.model[IncProfit]);
        const double cov = s.covIncProfitCost + modelVar(s.model[IncProfit], s.model[Cost]);
        ratio(s.mean[IncProfit], vi, cov, t.incrementalRoi);
    }
    return t;
}

} // namespace

PreviewTotals totalsOver(const UserEconomics& users, const PreviewParams& params, const std::vector<Index>& rows)
{
    Sums s;
    for (Index i : rows) accumulate(s, users, params, i);
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
    for (std::int64_t k = 0; k < out.reached; ++k) accumulate(s, e, prm, out.ranking[static_cast<std::size_t>(k)]);
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
