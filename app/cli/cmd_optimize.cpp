// cwb optimize WS (--spec F.json | --campaign ID) [--budget B] [--min-roi R] [--vary T,T] [--seed S] [--steps N] [--sample N] [--json]
// cwb optimize WS --allocate ID,ID,... --budget B [--json]
#include "commands.h"
#include "console.h"

#include "campaigns/campaign_json.h"
#include "campaigns/campaign_optimizer.h"
#include "campaigns/campaign_store.h"

#include <QJsonArray>
#include <QLocale>

namespace cwb::cli {

namespace {

QString money(double v) { return QLocale::system().toString(v, 'f', 0); }

QJsonObject optimizedJson(const model::OptimizedSpec& o)
{
    return QJsonObject{{QStringLiteral("spec"), model::campaignSpecToJson(o.spec)},
                       {QStringLiteral("reached_users"), qint64(o.reached)},
                       {QStringLiteral("redemptions"), model::estimateJson(o.totals.redemptions)},
                       {QStringLiteral("incremental_conversions"), model::estimateJson(o.totals.incrementalConversions)},
                       {QStringLiteral("total_cost"), model::estimateJson(o.totals.totalCost)},
                       {QStringLiteral("incremental_profit"), model::estimateJson(o.totals.incrementalProfit)},
                       {QStringLiteral("roi"), model::estimateJson(o.totals.roi)},
                       {QStringLiteral("incremental_roi"), model::estimateJson(o.totals.incrementalRoi)}};
}

QString summary(const model::OptimizedSpec& o)
{
    return QStringLiteral("%1\n      reaches %2 users; incremental profit %3 (%4 to %5); cost %6; ROI %7\n")
        .arg(model::describeSpec(o.spec), QLocale::system().toString(qint64(o.reached)), money(o.totals.incrementalProfit.value),
             money(o.totals.incrementalProfit.low), money(o.totals.incrementalProfit.high), money(o.totals.totalCost.value),
             QLocale::system().toString(o.totals.roi.value, 'f', 2));
}

int allocate(model::Workspace& ws, const ParsedArgs& args, const model::PreviewOptions& options, double budget)
{
    const QStringList ids = args.value(QStringLiteral("allocate")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (ids.size() < 2) return usageError(QStringLiteral("--allocate needs two or more campaigns, comma-separated"));
    std::vector<std::unique_ptr<model::PreviewSession>> sessions;
    QList<const model::PreviewSession*> pointers;
    QList<engine::CampaignSpec> specs;
    for (const QString& id : ids) {
        auto c = model::findCampaign(ws.db(), id.trimmed());
        if (!c) return fail(c.error());
        auto spec = model::campaignSpecFromJson(c->spec);
        if (!spec) return fail(model::makeError(QStringLiteral("campaign %1: %2").arg(c->id).arg(spec.error().message)));
        auto session = model::PreviewSession::open(ws, spec.value(), options);
        if (!session) return fail(model::makeError(QStringLiteral("campaign %1: %2").arg(c->id).arg(session.error().message)));
        sessions.push_back(std::make_unique<model::PreviewSession>(std::move(session.value())));
        pointers << sessions.back().get();
        specs << spec.value();
    }
    auto result = model::allocateCampaigns(pointers, specs, budget);
    if (!result) return fail(result.error());
    const model::AllocationResult& r = result.value();
    if (args.has(QStringLiteral("json"))) {
        QJsonArray arr;
        for (const model::CampaignShare& c : r.campaigns)
            arr.append(QJsonObject{{QStringLiteral("name"), c.name}, {QStringLiteral("users"), c.users},
                                   {QStringLiteral("incremental_profit"), c.incrementalProfit}, {QStringLiteral("cost"), c.cost}});
        printJson({{QStringLiteral("budget"), r.budget}, {QStringLiteral("cost"), r.cost}, {QStringLiteral("incremental_profit"), r.incrementalProfit},
                   {QStringLiteral("users"), r.users}, {QStringLiteral("candidates"), r.candidates}, {QStringLiteral("campaigns"), arr}});
        return Success;
    }
    printOut(QStringLiteral("one offer per user, budget %1: %2 of %3 users get an offer; cost %4, incremental profit %5\n")
                 .arg(budget > 0 ? money(budget) : QStringLiteral("none"), QLocale::system().toString(r.users), QLocale::system().toString(r.candidates),
                      money(r.cost), money(r.incrementalProfit)));
    for (const model::CampaignShare& c : r.campaigns)
        printOut(QStringLiteral("  %1 %2 users  cost %3  incremental profit %4\n")
                     .arg(c.name.leftJustified(32), QLocale::system().toString(c.users).rightJustified(10), money(c.cost).rightJustified(10),
                          money(c.incrementalProfit).rightJustified(10)));
    return Success;
}

int runOptimize(const ParsedArgs& args)
{
    auto ws = openWorkspace(args.positional[0]);
    if (!ws) return fail(ws.error());
    auto options = previewOptions(args);
    if (!options) return usageError(options.error().message);
    auto budget = numberOption(args, QStringLiteral("budget"), -1, 0, 1e15);
    if (!budget) return usageError(budget.error().message);
    if (args.has(QStringLiteral("allocate"))) return allocate(ws.value(), args, options.value(), std::max(0.0, budget.value()));

    auto spec = specFromArguments(ws.value(), args);
    if (!spec) return fail(spec.error());
    if (budget.value() >= 0) spec->budget = budget.value();
    model::OptimizeOptions o;
    auto minRoi = numberOption(args, QStringLiteral("min-roi"), -std::numeric_limits<double>::infinity(), -1, 1e6);
    auto seed = integerOption(args, QStringLiteral("seed"), 1, 0, std::numeric_limits<qint64>::max());
    auto steps = integerOption(args, QStringLiteral("steps"), 200, 0, 100000);
    auto sample = integerOption(args, QStringLiteral("sample"), 100000, 0, std::numeric_limits<qint64>::max());
    if (!minRoi) return usageError(minRoi.error().message);
    if (!seed) return usageError(seed.error().message);
    if (!steps) return usageError(steps.error().message);
    if (!sample) return usageError(sample.error().message);
    o.minRoi = minRoi.value();
    o.seed = static_cast<std::uint64_t>(seed.value());
    o.annealSteps = static_cast<int>(steps.value());
    o.sampleUsers = sample.value() == 0 ? std::numeric_limits<std::size_t>::max() : static_cast<std::size_t>(sample.value());
    o.vary = args.value(QStringLiteral("vary")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    const bool json = args.has(QStringLiteral("json"));
    auto session = model::PreviewSession::open(ws.value(), spec.value(), options.value());
    if (!session) return fail(session.error());
    auto result = model::optimizeCampaign(session.value(), spec.value(), o);
    if (!result) return fail(result.error());
    const model::OptimizeResult& r = result.value();
    if (json) {
        QJsonArray best, searched;
        for (const model::OptimizedSpec& b : r.best) best.append(optimizedJson(b));
        for (const QString& s : r.searched) searched.append(s);
        printJson({{QStringLiteral("current"), optimizedJson(r.current)},
                   {QStringLiteral("best"), best},
                   {QStringLiteral("searched"), searched},
                   {QStringLiteral("evaluations"), r.evaluations},
                   {QStringLiteral("searched_users"), qint64(r.searchedUsers)},
                   {QStringLiteral("seed"), qint64(o.seed)},
                   {QStringLiteral("seconds"), r.seconds}});
        return Success;
    }
    printOut(QStringLiteral("searched %1 candidates in %2 s: %3\n")
                 .arg(r.evaluations)
                 .arg(r.seconds, 0, 'f', 1)
                 .arg(r.searched.join(QStringLiteral("; "))));
    printOut(QStringLiteral("  as given:  %1").arg(summary(r.current)));
    for (qsizetype k = 0; k < r.best.size(); ++k)
        printOut(QStringLiteral("  %1 %2").arg(k == 0 ? QStringLiteral("best:     ") : QStringLiteral("option %1:  ").arg(k + 1), summary(r.best[k])));
    return Success;
}

} // namespace

CommandSpec optimizeCommand()
{
    return {QStringLiteral("optimize"),
            QStringLiteral("WS (--spec F.json | --campaign ID) [--budget B] [--min-roi R] [--vary T,T] [--seed S] [--steps N] [--sample N] [--json]\n"
                           "       cwb optimize WS --allocate ID,ID,... [--budget B] [--json]"),
            QStringLiteral("find the campaign terms with the most expected incremental profit"),
            QStringLiteral(
                "Searches the discount (percent or amount off, or points multiplier), threshold, validity or\n"
                "duration, start hour and targeting depth of the campaign for the most expected incremental\n"
                "profit within the budget and, with --min-roi, at an ROI of at least R. Each candidate is a full\n"
                "preview (see cwb preview); the search is a coarse grid, then simulated annealing on the fine grid,\n"
                "seeded (--seed), so the same workspace and spec give the same answer. Above --sample users the\n"
                "search previews a seeded sample of them, and its best candidates are previewed again on every\n"
                "user: the figures printed are never a sample's. --vary limits the search\n"
                "to some terms (percent_off, amount_off, points_multiplier, min_spend, validity_days,\n"
                "duration_hours, duration_days, start_hour, target_share). Prints the best terms, their forecast\n"
                "and the next best alternatives.\n"
                "--allocate: several saved campaigns compete for the same users; each user gets at most one offer,\n"
                "chosen by incremental profit per unit of cost, within one shared --budget."),
            QList<OptionSpec>{{QStringLiteral("spec"), QStringLiteral("F.json"), QStringLiteral("the campaign spec to start from")},
             {QStringLiteral("campaign"), QStringLiteral("ID"), QStringLiteral("a saved campaign (id or name) to start from")},
             {QStringLiteral("budget"), QStringLiteral("B"), QStringLiteral("the budget (overrides the spec's)")},
             {QStringLiteral("min-roi"), QStringLiteral("R"), QStringLiteral("the lowest acceptable ROI, (revenue - cost) / cost")},
             {QStringLiteral("vary"), QStringLiteral("T,T"), QStringLiteral("search only these terms")},
             {QStringLiteral("seed"), QStringLiteral("S"), QStringLiteral("seed of the search (default 1)")},
             {QStringLiteral("steps"), QStringLiteral("N"), QStringLiteral("annealing steps after the coarse grid (default 200)")},
             {QStringLiteral("sample"), QStringLiteral("N"), QStringLiteral("search on a seeded sample of N users (default 100000; 0 = all)")},
             {QStringLiteral("allocate"), QStringLiteral("ID,ID"), QStringLiteral("share the budget between these saved campaigns")},
            } + previewOptionSpecs() + QList<OptionSpec>{{QStringLiteral("json"), {}, QStringLiteral("print the result as JSON")}},
            1, 1, runOptimize};
}

} // namespace cwb::cli
