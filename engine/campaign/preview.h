#pragma once
// The cost-benefit arithmetic of one campaign over its eligible users, from
// per-user predictions: what the campaign is expected to bring and cost, with
// 90 % intervals, who it reaches within the budget, and the curves a
// marketer decides with.
//
// For each eligible user i who is offered the campaign:
//   p1  P(buys in the window | offer)        p0  P(buys | no offer)
//   r   P(redeems | offer), at most p1        b   the value of an order (gross)
//   d   discount (and points) paid per redemption
//   u = p1 - p0 is the uplift; incremental buyers redeem (they bought for the
//   offer), so of the r redemptions u+ = max(u, 0) are incremental and
//   r - min(u+, r) are a subsidy to buyers who would have bought anyway.
// Per offered user, in expectation (m the gross margin, c the contact cost):
//   revenue               p1 b              incremental revenue   u b
//   discount cost         r d               = incremental u+ d + subsidy (r - u+) d
//   total cost            r d + c           incremental profit    m u b - r d - c
//   profit                m p1 b - r d - c
// ROI = (revenue - cost) / cost, incremental ROI = incremental profit / cost.
// A share `controlShare` of the targeted users is held out at random (no
// offer, no cost); the figures are for the whole targeted group.
//
// Users are ranked by expected incremental profit per unit of expected
// cost (to seven significant digits; closer keys keep their row order); the campaign reaches the top `targetShare` of them, and stops
// earlier where the expected cost would pass the budget or the expected
// redemptions the quantity on offer (so the expected cost never exceeds
// the budget).
//
// Intervals: each user's purchase and redemption are one categorical draw
// (redeem r, buy without redeeming p1 - r, nothing 1 - p1), and whether a
// user is held out is an independent draw, so every total is a sum of
// independent terms whose variance is exact (the Poisson-binomial variance
// for counts); the interval is normal, at `level`. Model uncertainty is a
// factor exp(eps) on the predicted levels (eps ~ N(0, modelLevelSd^2)) and
// another on the predicted effects (modelEffectSd): how far forecasts of
// campaigns the model had not seen were off, on the log scale. At the
// interval's level a predicted part a spans a exp(-z sd) .. a exp(z sd); the
// parts and the outcomes' spread add in quadrature, so the interval is
// asymmetric when the model is uncertain. ROI intervals use the delta method
// with the covariance of the sums and the model's symmetric equivalent.

#include <Eigen/Dense>

#include <array>
#include <cstdint>
#include <vector>

namespace cwb::engine {

struct UserEconomics {
    Eigen::VectorXd buyTreated;   // p1
    Eigen::VectorXd buyControl;   // p0
    Eigen::VectorXd redeem;       // r
    Eigen::VectorXd basket;       // b
    Eigen::VectorXd discount;     // d
    Eigen::Index size() const { return buyTreated.size(); }
    // Throws std::invalid_argument when the lengths differ.
    void checkSizes() const;
    // Why row i is not valid (a probability outside [0, 1], a negative or missing amount), or null.
    const char* rowProblem(Eigen::Index i) const;
    [[noreturn]] void throwRowProblem(Eigen::Index i) const;   // std::invalid_argument naming the row
};

struct PreviewParams {
    double controlShare = 0;
    double costPerContact = 0;
    double grossMargin = 0.3;
    double budget = 0;             // 0 = none
    double redemptionCap = 0;      // coupons or stock on offer; 0 = none
    double targetShare = 1.0;
    double level = 0.90;
    double modelLevelSd = 0;       // log-scale sd of the model's error on levels (redemptions, revenue, ...)
    double modelEffectSd = 0;      // log-scale sd of the model's error on effects (incremental ...)
    int curvePoints = 100;
    // false: when no limit (budget, quantity, targeting depth) needs the ranking, leave out the
    // ranking and the depth curve (a sweep's or a search's step: the totals alone, the same).
    bool ranking = true;

    // Whether a budget, a quantity on offer or a targeting depth under 1 decides who is reached:
    // then every eligible user must be ranked.
    bool limited() const { return budget > 0 || redemptionCap > 0 || targetShare < 1; }
};

struct Estimate {
    double value = 0, low = 0, high = 0;
};

struct PreviewTotals {
    std::int64_t eligible = 0;     // users the campaign could reach
    std::int64_t targeted = 0;     // users it reaches (offered or held out)
    double offered = 0;            // expected users offered (targeted minus the control group)
    double heldOut = 0;            // expected control users
    Estimate redemptions, conversions, incrementalConversions;
    Estimate revenue, incrementalRevenue;
    Estimate discountCost, incrementalDiscount, subsidy, contactCost, totalCost;
    Estimate profit, incrementalProfit, roi, incrementalRoi;
};

struct DepthPoint {
    double share = 0;              // of the eligible users, best first
    std::int64_t users = 0;
    double incrementalProfit = 0;  // expected, with the control group held out
    double totalCost = 0;
    double redemptions = 0;
};

enum class StopReason { None, TargetShare, Budget, Quantity };

struct Preview {
    PreviewTotals totals;
    std::vector<Eigen::Index> ranking;   // eligible rows, best first (empty when left out: PreviewParams::ranking)
    std::int64_t reached = 0;            // the first `reached` of the ranking are targeted
    StopReason stoppedBy = StopReason::None;
    std::int64_t budgetUsers = 0;        // users the budget alone reaches (all eligible when it does not bind)
    std::vector<DepthPoint> depthCurve;  // curvePoints + 1 points from 0 to all eligible users
    Eigen::VectorXd incrementalProfit;   // expected per offered user (ranking key numerator)
    Eigen::VectorXd expectedCost;        // expected per offered user
};

Preview computePreview(const UserEconomics& users, const PreviewParams& params);

// Totals over the given rows only (the breakdown of a preview by segment): the
// same arithmetic as computePreview without ranking or caps.
PreviewTotals totalsOver(const UserEconomics& users, const PreviewParams& params, const std::vector<Eigen::Index>& rows);

// The totals of a campaign that reaches every eligible user, from per-user
// figures added a block of users at a time: what computePreview's totals are
// when no limit applies (no budget, no quantity, targeting depth 1), for a
// caller that works the figures out block by block and never holds them for
// every user at once (a discount sweep: no per-user vector is written or read
// back). Accumulators of parts of the users merge; merged in a fixed order
// they give the same sums on any number of threads.
class TotalsAccumulator {
public:
    // The next users: one value each in every array, all of the same length; `firstRow` is the
    // first one's row (for the message). Throws std::invalid_argument naming an invalid row.
    void add(const Eigen::Ref<const Eigen::ArrayXd>& buyTreated, const Eigen::Ref<const Eigen::ArrayXd>& buyControl,
             const Eigen::Ref<const Eigen::ArrayXd>& redeem, const Eigen::Ref<const Eigen::ArrayXd>& basket,
             const Eigen::Ref<const Eigen::ArrayXd>& discount, Eigen::Index firstRow = 0);
    void merge(const TotalsAccumulator& other);
    std::int64_t users() const { return users_; }
    // The totals with every added user reached. Throws std::invalid_argument when a limit of
    // `params` applies (a budget, a quantity or a targeting depth below 1 needs the ranking).
    PreviewTotals totals(const PreviewParams& params) const;

private:
    std::array<double, 26> moments_{};
    std::int64_t users_ = 0;
};

} // namespace cwb::engine
