// cwb preview WS (--spec F.json | --campaign ID|NAME) [--model ID] [--redemption-model ID] [--no-model]
//               [--level L] [--top N] [--users-csv FILE] [--json]
#include "commands.h"
#include "console.h"

#include "campaigns/campaign_json.h"
#include "campaigns/campaign_preview.h"

#include <QJsonArray>
#include <QLocale>

namespace cwb::cli {

namespace {

QString money(double v) { return QLocale::system().toString(v, 'f', 0); }
QString amount(double v) { return std::isfinite(v) ? QLocale::system().toString(v, 'f', std::fabs(v) < 100 ? 1 : 0) : QStringLiteral("-"); }
QString ratio(double v) { return std::isfinite(v) ? QLocale::system().toString(v, 'f', 2) : QStringLiteral("-"); }

QString line(const QString& label, const engine::Estimate& e, QString (*format)(double))
{
    return QStringLiteral("  %1 %2   (%3 to %4)\n").arg(label.leftJustified(34), format(e.value).rightJustified(14), format(e.low), format(e.high));
}

} // namespace

namespace {

int runPreview(const ParsedArgs& args)
{
    auto ws = openWorkspace(args.positional[0]);
    if (!ws) return fail(ws.error());
    auto spec = specFromArguments(ws.value(), args);
    if (!spec) return fail(spec.error());
    auto options = previewOptions(args);
    if (!options) return usageError(options.error().message);
    auto top = integerOption(args, QStringLiteral("top"), 20, 0, 100000);
    if (!top) return usageError(top.error().message);
    const bool json = args.has(QStringLiteral("json"));
    auto session = model::PreviewSession::open(ws.value(), spec.value(), options.value(), [&](const QString& what, double) {
        if (!json) printErr(QStringLiteral("%1 ...\n").arg(what));
        return true;
    });
    if (!session) return fail(session.error());
    auto preview = session->preview(spec.value());
    if (!preview) return fail(preview.error());
    const model::CampaignPreview& p = preview.value();
    if (args.has(QStringLiteral("users-csv"))) {
        auto written = model::exportTargetList(ws->db(), p, session->audience(), args.value(QStringLiteral("users-csv")));
        if (!written) return fail(written.error());
        if (!json) printErr(QStringLiteral("wrote %1 users to %2\n").arg(QLocale::system().toString(written.value()), args.value(QStringLiteral("users-csv"))));
    }
    const QStringList topIds = model::rankedUserIds(ws->db(), p, session->audience(), top.value());
    if (json) {
        printJson(model::previewToJson(p, spec.value(), session.value(), topIds));
        return Success;
    }
    const engine::PreviewTotals& t = p.result.totals;
    printOut(QStringLiteral("preview of \"%1\": %2\n").arg(QString::fromStdString(spec->name), model::describeSpec(spec.value())));
    printOut(QStringLiteral("  predictions: %1\n").arg(p.sourceText));
    printOut(QStringLiteral("  reaches %1 of %2 eligible users (%3 offered, %4 held out as control)\n")
                 .arg(QLocale::system().toString(qint64(t.targeted)), QLocale::system().toString(qint64(t.eligible)), money(t.offered), money(t.heldOut)));
    printOut(QStringLiteral("  %1 %2   %3 % interval\n").arg(QString().leftJustified(34), QStringLiteral("expected").rightJustified(14)).arg(qRound(100 * p.level)));
    using Format = QString (*)(double);
    const std::pair<const char*, std::pair<const engine::Estimate*, Format>> rows[] = {
        {"redemptions", {&t.redemptions, amount}},
        {"conversions", {&t.conversions, amount}},
        {"incremental conversions", {&t.incrementalConversions, amount}},
        {"revenue", {&t.revenue, money}},
        {"incremental revenue", {&t.incrementalRevenue, money}},
        {"discount on incremental buyers", {&t.incrementalDiscount, money}},
        {"discount to who would buy anyway", {&t.subsidy, money}},
        {"contact cost", {&t.contactCost, money}},
        {"total cost", {&t.totalCost, money}},
        {"profit", {&t.profit, money}},
        {"incremental profit", {&t.incrementalProfit, money}},
        {"ROI (revenue - cost) / cost", {&t.roi, ratio}},
        {"incremental ROI", {&t.incrementalRoi, ratio}},
    };
    for (const auto& [label, what] : rows) printOut(line(QString::fromLatin1(label), *what.first, what.second));
    if (!p.segments.isEmpty()) {
        printOut(QStringLiteral("  by segment:\n"));
        for (const model::SegmentPreview& s : p.segments)
            printOut(QStringLiteral("    %1 %2 users  %3 redemptions  incremental profit %4\n")
                         .arg(s.name.leftJustified(24), QLocale::system().toString(qint64(s.totals.targeted)).rightJustified(10),
                              amount(s.totals.redemptions.value).rightJustified(10), money(s.totals.incrementalProfit.value).rightJustified(12)));
    }
    for (const QString& w : p.warnings) printOut(QStringLiteral("  warning: %1\n").arg(w));
    return Success;
}

} // namespace

CommandSpec previewCommand()
{
    return {QStringLiteral("preview"),
            QStringLiteral("WS (--spec F.json | --campaign ID) [--model ID] [--redemption-model ID] [--no-model] [--level L] [--top N] "
                           "[--users-csv FILE] [--json]"),
            QStringLiteral("forecast a campaign's uptake, cost, profit and ROI before launching it"),
            QStringLiteral(
                "Scores every user the campaign targets with the workspace's newest uplift model of \"converted\"\n"
                "(or --model), redemptions with the newest response model of \"redeemed\" when there is one, and\n"
                "adds up: redemptions, conversions and incremental conversions, revenue and incremental revenue,\n"
                "the discount split into what incremental buyers get and the subsidy to buyers who would have\n"
                "bought anyway, contact cost, profit and incremental profit at the spec's gross margin, ROI =\n"
                "(revenue - cost) / cost and incremental ROI = incremental profit / cost, each with an interval\n"
                "(--level, default 0.90) from the spread of outcomes and the model's measured error.\n"
                "Users are ranked by incremental profit per unit of cost; the campaign reaches the top\n"
                "\"target.share\" of them and stops where the budget or the quantity on offer runs out.\n"
                "Also: a breakdown by segment, incremental profit by targeting depth, ROI by discount depth,\n"
                "redemptions by hour for flash sales, and warnings. Without any model, past campaigns' rates are\n"
                "used and labelled. --users-csv writes every user with uptake, uplift and rank."),
            QList<OptionSpec>{{QStringLiteral("spec"), QStringLiteral("F.json"), QStringLiteral("the campaign spec to preview")},
             {QStringLiteral("campaign"), QStringLiteral("ID"), QStringLiteral("a saved campaign (id or name) to preview")},
             {QStringLiteral("top"), QStringLiteral("N"), QStringLiteral("list the N best-ranked users in --json (default 20)")},
             {QStringLiteral("users-csv"), QStringLiteral("FILE"), QStringLiteral("write every user's uptake, uplift and rank")},
            } + previewOptionSpecs() + QList<OptionSpec>{{QStringLiteral("json"), {}, QStringLiteral("print the result as JSON")}},
            1, 1, runPreview};
}

} // namespace cwb::cli
