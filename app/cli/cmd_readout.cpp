// cwb readout WS --campaign ID|NAME [--model ID] [--no-model] [--level L] [--margin M]
//              [--contact-cost C] [--metric M] [--draws N] [--seed S] [--json]
#include "commands.h"
#include "console.h"

#include "campaigns/campaign_readout.h"
#include "campaigns/campaign_store.h"

#include <QLocale>

#include <limits>

namespace cwb::cli {

namespace {

QString pct(double v, int digits = 2) { return std::isfinite(v) ? QLocale::system().toString(100.0 * v, 'f', digits) + QStringLiteral(" %") : QStringLiteral("-"); }
QString money(double v) { return std::isfinite(v) ? QLocale::system().toString(v, 'f', 2) : QStringLiteral("-"); }
QString pValue(double p) { return p < 1e-4 ? QStringLiteral("<0.0001") : QLocale::system().toString(p, 'f', 4); }

QString rateLine(const QString& label, const engine::Proportion& p, const std::optional<engine::Difference>& d)
{
    QString s = QStringLiteral("    %1 %2  (%3 to %4)").arg(label.leftJustified(18), pct(p.rate).rightJustified(9), pct(p.interval.low), pct(p.interval.high));
    if (d)
        s += QStringLiteral("   vs control %1  (%2 to %3)  p %4").arg(pct(d->value).rightJustified(9), pct(d->interval.low), pct(d->interval.high), pValue(d->pValue));
    return s + QLatin1Char('\n');
}

QString meanLine(const QString& label, const engine::Mean& m, const std::optional<engine::Difference>& d)
{
    QString s = QStringLiteral("    %1 %2  (%3 to %4)").arg(label.leftJustified(18), money(m.mean).rightJustified(9), money(m.interval.low), money(m.interval.high));
    if (d)
        s += QStringLiteral("   vs control %1  (%2 to %3)  p %4").arg(money(d->value).rightJustified(9), money(d->interval.low), money(d->interval.high), pValue(d->pValue));
    return s + QLatin1Char('\n');
}

int runReadout(const ParsedArgs& args)
{
    if (!args.has(QStringLiteral("campaign"))) return usageError(QStringLiteral("readout needs --campaign ID (cwb campaign WS list shows them)"));
    auto ws = openWorkspace(args.positional[0], true);
    if (!ws) return fail(ws.error());
    auto campaign = model::findCampaign(ws->db(), args.value(QStringLiteral("campaign")));
    if (!campaign) return fail(campaign.error());

    // --model, --no-model and --level read as for previews.
    auto shared = previewOptions(args);
    if (!shared) return usageError(shared.error().message);
    model::ReadoutOptions o;
    o.level = shared->level;
    o.modelId = shared->modelId;
    o.useModel = shared->useModels;
    if (args.has(QStringLiteral("margin"))) {
        auto m = numberOption(args, QStringLiteral("margin"), 0.3, 0.0, 1.0);
        if (!m) return usageError(m.error().message);
        o.grossMargin = m.value();
    }
    if (args.has(QStringLiteral("contact-cost"))) {
        auto c = numberOption(args, QStringLiteral("contact-cost"), 0.0, 0.0, 1e9);
        if (!c) return usageError(c.error().message);
        o.costPerContact = c.value();
    }
    if (args.has(QStringLiteral("metric"))) {
        auto m = model::parseReadoutMetric(args.value(QStringLiteral("metric")));
        if (!m) return usageError(QStringLiteral("--metric must be one of visited, converted, redeemed, revenue, profit"));
        o.thompsonMetric = *m;
    }
    auto draws = integerOption(args, QStringLiteral("draws"), 20000, 100, 10000000);
    if (!draws) return usageError(draws.error().message);
    o.thompsonDraws = static_cast<int>(draws.value());
    auto seed = integerOption(args, QStringLiteral("seed"), 1, 0, std::numeric_limits<qint64>::max());
    if (!seed) return usageError(seed.error().message);
    o.seed = static_cast<quint64>(seed.value());

    auto r = model::readCampaign(ws.value(), campaign->id, o);
    if (!r) return fail(r.error());
    if (args.has(QStringLiteral("json"))) {
        printJson(model::readoutToJson(r.value()));
        return Success;
    }
    const QLocale loc = QLocale::system();
    printOut(QStringLiteral("read-out of \"%1\" (%2), %3 % intervals; margin %4, contact cost %5\n")
                 .arg(r->campaign.name, r->status, QString::number(100 * r->level), pct(r->grossMargin, 0), money(r->costPerContact)));
    for (const model::ArmReadout& a : r->arms) {
        const QString group = a.control ? QStringLiteral("control") : a.pooled ? QStringLiteral("pooled") : QStringLiteral("treatment");
        printOut(QStringLiteral("  %1: %2 users%3\n")
                     .arg(a.name == group ? a.name : QStringLiteral("%1 (%2)").arg(a.name, group),
                          loc.toString(a.users()),
                          a.thompsonShare >= 0 ? QStringLiteral(", next wave %1 of the treated traffic").arg(pct(a.thompsonShare, 1)) : QString()));
        const auto d = a.versusControl;
        if (r->hasVisited) printOut(rateLine(QStringLiteral("visited"), a.visited, d ? std::optional(d->visited) : std::nullopt));
        printOut(rateLine(QStringLiteral("converted"), a.converted, d ? std::optional(d->converted) : std::nullopt));
        if (r->hasRedeemed) printOut(rateLine(QStringLiteral("redeemed"), a.redeemed, d ? std::optional(d->redeemed) : std::nullopt));
        printOut(meanLine(QStringLiteral("revenue per user"), a.revenue, d ? std::optional(d->revenue) : std::nullopt));
        printOut(meanLine(QStringLiteral("profit per user"), a.profit, d ? std::optional(d->profit) : std::nullopt));
    }
    if (r->thompsonDraws > 0)
        printOut(QStringLiteral("  next wave: Thompson sampling on %1 per user (%2 posterior draws)\n")
                     .arg(model::readoutMetricKey(r->thompsonMetric), loc.toString(r->thompsonDraws)));
    if (r->model) {
        const model::ModelCheck& m = *r->model;
        printOut(QStringLiteral("  model %1 (%2)%3: predicted %4 %5 among the treated, observed %6; AUC %7\n")
                     .arg(m.modelId)
                     .arg(m.description, m.inTraining ? QStringLiteral(", trained on this campaign") : QString(),
                          loc.toString(m.predicted, 'f', 1), model::outcomeKey(m.target), loc.toString(m.actual, 'f', 0),
                          loc.toString(m.evaluation.auc, 'f', 3)));
        printOut(QStringLiteral("    calibration by decile (predicted / observed):"));
        for (const auto& b : m.evaluation.calibration) printOut(QStringLiteral(" %1/%2").arg(pct(b.meanPredicted, 1), pct(b.observedRate, 1)));
        printOut(QStringLiteral("\n"));
        if (m.evaluation.uplift) {
            printOut(QStringLiteral("    uplift by decile of predicted uplift (predicted / observed):"));
            for (const auto& g : m.evaluation.upliftDeciles) printOut(QStringLiteral(" %1/%2").arg(pct(g.meanPredicted, 1), pct(g.observedUplift, 1)));
            printOut(QStringLiteral("\n"));
        }
    }
    for (const QString& n : r->notes) printOut(QStringLiteral("  note: %1\n").arg(n));
    if (r->marginAssumed) printOut(QStringLiteral("  note: give the margin with --margin M\n"));
    return Success;
}

} // namespace

CommandSpec readoutCommand()
{
    return {QStringLiteral("readout"),
            QStringLiteral("WS --campaign ID [--margin M] [--contact-cost C] [--metric M] [--model ID | --no-model] [--level L] [--json]"),
            QStringLiteral("what a launched campaign did: arms against control, model against outcome, next wave"),
            QStringLiteral(
                "Reads the exposures and responses of a campaign that ran (import them with cwb import --table\n"
                "exposures / responses) and reports per arm the visit, conversion and redemption rates (Wilson\n"
                "intervals), revenue and profit per user (t intervals), and each arm against the control group:\n"
                "the difference with its interval and two-sided p-value (two-proportion z test for rates, Welch's\n"
                "t test for money). A p-value below 0.05 means a difference this large would be rare if the offer\n"
                "made none; with several arms, each comparison is its own test (no correction for multiplicity).\n"
                "Profit per user = margin x list value - discount - contact cost for treated users, margin x revenue\n"
                "for control users; the arm's difference from the control is the incremental profit per user.\n"
                "With a trained model, compares its predictions for these users (each scored as of the campaign's\n"
                "start, with the offer their arm got) with what they did: calibration and uplift by decile.\n"
                "A test with several arms gets a Thompson-sampling split of the next wave's treated traffic: each\n"
                "arm's posterior probability of being the best on --metric (default profit)."),
            {{QStringLiteral("campaign"), QStringLiteral("ID"), QStringLiteral("the campaign (id or name)")},
             {QStringLiteral("margin"), QStringLiteral("M"), QStringLiteral("gross margin, 0..1 (default: the campaign's, else 0.3)")},
             {QStringLiteral("contact-cost"), QStringLiteral("C"), QStringLiteral("cost per treated user (default: the campaign's, else 0)")},
             {QStringLiteral("metric"), QStringLiteral("M"), QStringLiteral("next-wave metric: visited, converted, redeemed, revenue, profit")},
             {QStringLiteral("draws"), QStringLiteral("N"), QStringLiteral("Thompson-sampling posterior draws (default 20000)")},
             {QStringLiteral("seed"), QStringLiteral("S"), QStringLiteral("seed of the draws (default 1)")},
             {QStringLiteral("model"), QStringLiteral("ID"), QStringLiteral("the model to check (default: the newest)")},
             {QStringLiteral("no-model"), {}, QStringLiteral("leave out the model check")},
             {QStringLiteral("level"), QStringLiteral("L"), QStringLiteral("interval level (default 0.90)")},
             {QStringLiteral("json"), {}, QStringLiteral("print the result as JSON")}},
            1, 1, runReadout};
}

} // namespace cwb::cli
