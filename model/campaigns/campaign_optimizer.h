#pragma once
// Finds the campaign terms with the most expected incremental profit: the
// discount (percent or amount off, or points multiplier), the threshold, the
// duration, the start hour and the targeting depth, under the spec's budget
// and an optional minimum ROI. Every candidate is a preview (engine::gridSearch:
// a coarse grid, then seeded simulated annealing on the fine grid); the
// targeting depth is chosen per candidate from its ranking, which costs no
// extra scoring. On a big audience the search previews a seeded sample of the
// users (100,000 by default: a candidate then costs the same at 1M users as at
// 100k), the same sample for every candidate; the best candidates it finds are
// previewed on every user and ranked by those figures, so what is reported is
// never a sample's estimate.
//
// allocateCampaigns() shares one budget between several campaigns that
// compete for the same users: each user gets at most one offer, chosen by
// incremental profit per unit of cost (engine::allocateOffers).

#include "campaign/campaign_spec.h"
#include "campaigns/campaign_preview.h"
#include "core/error.h"

#include <QList>
#include <QStringList>

#include <functional>
#include <limits>

namespace cwb::model {

struct OptimizeOptions {
    double minRoi = -std::numeric_limits<double>::infinity();   // on ROI = (revenue - cost) / cost
    std::uint64_t seed = 1;
    int annealSteps = 200;
    int keep = 5;
    // Above this many users the search runs on a seeded sample of them, and its best `recheck`
    // candidates are previewed on every user to choose among (see PreviewSession::sample).
    std::size_t sampleUsers = 100000;
    int recheck = 10;
    // Which terms to search (percent_off, amount_off, points_multiplier, min_spend, validity_days,
    // duration_hours, duration_days, start_hour, target_share); empty = all that apply to the type.
    QStringList vary;
    std::function<bool(double)> progress;
};

struct OptimizedSpec {
    engine::CampaignSpec spec;
    engine::PreviewTotals totals;
    std::int64_t reached = 0;
};

struct OptimizeResult {
    OptimizedSpec current;            // the spec as given
    QList<OptimizedSpec> best;        // best first
    QStringList searched;             // "percent_off 2.5-50 (20 values)", ...
    struct Term {
        QString key;                  // "percent_off", ..., "target_share"
        double low = 0, high = 0;
        int values = 0;
    };
    QList<Term> searchedTerms;        // the same, for a caller that words it itself
    int evaluations = 0;
    std::int64_t searchedUsers = 0;   // the users the search ran on (a sample, or all)
    double seconds = 0;
};

// The grid of one term for a spec ("percent_off" -> 2.5, 5, ..., 50), for the optimiser and its tests.
std::vector<double> searchGrid(const QString& term, const engine::CampaignSpec& spec, double medianOrderValue);

Result<OptimizeResult> optimizeCampaign(const PreviewSession& session, const engine::CampaignSpec& start, const OptimizeOptions& options = {});

struct CampaignShare {
    QString name;
    qint64 users = 0;
    double incrementalProfit = 0, cost = 0;
};

struct AllocationResult {
    QList<CampaignShare> campaigns;
    double incrementalProfit = 0, cost = 0, budget = 0;
    qint64 users = 0;               // users who get an offer
    qint64 candidates = 0;          // users any campaign could reach
};

// Campaign specs previewed on their own sessions (the same workspace); users are matched by id.
Result<AllocationResult> allocateCampaigns(const QList<const PreviewSession*>& sessions, const QList<engine::CampaignSpec>& specs, double budget);

} // namespace cwb::model
