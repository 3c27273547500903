// Timings of campaign previews, for tests/bench/preview_bench.sh.
//
//   cwb_preview_bench WS SPEC.json [REPEATS]
//
// Opens a preview session for the spec on the workspace (reading the
// audience's history and the newest models once), then times, best of
// REPEATS (default 5):
//   - a preview after a parameter change (the discount and the threshold
//     move, as a slider does): scoring with the cached per-user part plus the
//     offer's inputs, the totals, intervals, ranking and depth curve (what the
//     designer redraws), and how that time splits into scoring, the rest of
//     the per-user economics, and the totals;
//   - the peer, measured on the same users in the same run: scoring the same
//     change by re-encoding every user's full model inputs (UptakeModel::score,
//     what a preview without the cache would do), before any totals;
//   - a full preview with its curves (20-step discount sweep, segments);
//   - a 50-step discount sweep (PreviewSession::totals at each step: the
//     per-user figures added up a block at a time, never held whole);
//   - the optimiser (default grid and 200 annealing steps, seed 1; above
//     100,000 users it searches a sample of them), and its peer: the same
//     search previewing every user for every candidate, with the share of
//     that search's best incremental profit the sampled search reaches.
// Prints one JSON object.

#include "campaigns/campaign_json.h"
#include "campaigns/campaign_optimizer.h"
#include "campaigns/campaign_preview.h"
#include "core/memory.h"
#include "workspace/workspace.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>
#include <limits>
#include <chrono>
#include <cstdio>

using namespace cwb;
using clk = std::chrono::steady_clock;

namespace {

double since(clk::time_point t) { return std::chrono::duration<double>(clk::now() - t).count(); }

template <class F>
double bestOf(int repeats, F&& f)
{
    double best = 1e300;
    for (int k = 0; k < repeats; ++k) {
        const auto t = clk::now();
        f(k);
        best = std::min(best, since(t));
    }
    return best;
}

} // namespace

int main(int argc, char** argv)
{
    engine::keepLargeBlocksForReuse();   // as cwb and the workbench do
    QCoreApplication app(argc, argv);
    if (argc < 3) {
        std::fprintf(stderr, "usage: cwb_preview_bench WS SPEC.json [REPEATS]\n");
        return 2;
    }
    const int repeats = argc > 3 ? std::max(1, std::atoi(argv[3])) : 5;
    auto ws = model::Workspace::open(QString::fromLocal8Bit(argv[1]));
    if (!ws) {
        std::fprintf(stderr, "%s\n", qPrintable(ws.error().message));
        return 1;
    }
    QFile f(QString::fromLocal8Bit(argv[2]));
    if (!f.open(QIODevice::ReadOnly)) return 1;
    auto spec = model::parseCampaignSpec(f.readAll(), f.fileName());
    if (!spec) {
        std::fprintf(stderr, "%s\n", qPrintable(spec.error().message));
        return 1;
    }
    engine::CampaignSpec s = spec.value();
    auto t0 = clk::now();
    auto session = model::PreviewSession::open(ws.value(), s);
    if (!session) {
        std::fprintf(stderr, "%s\n", qPrintable(session.error().message));
        return 1;
    }
    const double openSeconds = since(t0);
    const model::PreviewSession& ps = session.value();
    const auto users = static_cast<long long>(ps.audience().size());

    // Slider moves: the discount and the threshold change on every repeat.
    double sink = 0;
    const double change = bestOf(repeats, [&](int k) {
        engine::CampaignSpec v = s;
        v.coupon.percentOff = 10 + 2.5 * (k % 4);
        v.coupon.minSpend = 150 + 25 * (k % 3);
        auto p = ps.preview(v, model::PreviewSession::Detail::Ranked);
        sink += p ? p->result.totals.redemptions.value : 0;
    });
    // Where the change's time goes: the per-user economics (scoring included), then the totals.
    engine::UserEconomics econ;
    const double economicsPart = bestOf(repeats, [&](int k) {
        engine::CampaignSpec v = s;
        v.coupon.percentOff = 10 + 2.5 * (k % 4);
        econ = ps.economics(v);
    });
    const double scoringPart = ps.model() ? bestOf(repeats, [&](int k) {
        engine::CampaignSpec v = s;
        v.coupon.percentOff = 10 + 2.5 * (k % 4);
        sink += ps.scorer()->score(v.offer()).treated[0];
    }) : 0.0;
    const engine::PreviewParams prm = ps.params(s);
    const double totalsPart = bestOf(repeats, [&](int) { sink += engine::computePreview(econ, prm).totals.redemptions.value; });
    // Peer: the same change scored by re-encoding every row's inputs.
    double peer = 1e300;
    if (const model::UptakeModel* m = ps.model()) {
        peer = bestOf(repeats, [&](int k) {
            (void)k;
            auto scores = m->score(ps.audience().inputs);   // encoding and scoring every input of every user
            sink += scores.treated.size() > 0 ? scores.treated[0] : 0;
        });
    }
    const double full = bestOf(repeats, [&](int) {
        auto p = ps.preview(s, model::PreviewSession::Detail::Full);
        sink += p ? p->result.totals.redemptions.value : 0;
    });
    const double sweep = bestOf(std::min(repeats, 3), [&](int) {
        for (int k = 1; k <= 50; ++k) {
            engine::CampaignSpec v = s;
            v.coupon.percentOff = k;
            auto t = ps.totals(v);
            sink += t ? t->incrementalProfit.value : 0;
        }
    });
    t0 = clk::now();
    auto opt = model::optimizeCampaign(ps, s);
    const double optimize = since(t0);
    model::OptimizeOptions everyone;
    everyone.sampleUsers = std::numeric_limits<std::size_t>::max();
    t0 = clk::now();
    auto optAll = model::optimizeCampaign(ps, s, everyone);
    const double optimizeAll = since(t0);
    const double optimizeShare = opt && optAll && !opt->best.isEmpty() && !optAll->best.isEmpty()
                                     ? opt->best.front().totals.incrementalProfit.value / optAll->best.front().totals.incrementalProfit.value
                                     : -1;
    std::printf("{\"users\": %lld, \"linear_scoring\": %s, \"open_seconds\": %.3f, \"preview_after_change_ms\": %.2f, "
                "\"of_which_scoring_ms\": %.2f, \"of_which_economics_ms\": %.2f, \"of_which_totals_ms\": %.2f, "
                "\"peer_rescore_all_inputs_ms\": %.2f, \"ratio\": %.3f, \"full_preview_with_curves_ms\": %.2f, "
                "\"sweep_50_steps_s\": %.3f, \"optimize_s\": %.2f, \"optimize_evaluations\": %d, \"optimize_searched_users\": %lld, "
                "\"peer_optimize_all_users_s\": %.2f, \"optimize_ratio\": %.3f, \"optimize_profit_share_of_peer\": %.4f, \"checksum\": %.6g}\n",
                users, ps.model() ? "true" : "false", openSeconds, 1000 * change, 1000 * scoringPart, 1000 * economicsPart, 1000 * totalsPart, 1000 * peer, change / peer, 1000 * full, sweep, optimize,
                opt ? opt->evaluations : -1, opt ? static_cast<long long>(opt->searchedUsers) : -1LL, optimizeAll, optimize / optimizeAll,
                optimizeShare, sink);
    return 0;
}
