// cwb features
#include "commands.h"
#include "console.h"

#include "features/feature_builder.h"
#include "import/value_parsers.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

namespace cwb::cli {

namespace {

QString day(qint64 t) { return QDateTime::fromSecsSinceEpoch(t, Qt::UTC).date().toString(Qt::ISODate); }

int runFeatures(const ParsedArgs& args)
{
    auto ws = openWorkspace(args.positional[0]);
    if (!ws) return fail(ws.error());
    model::FeatureBuildOptions options;
    if (args.values.contains(QStringLiteral("as-of"))) {
        const QByteArray text = args.value(QStringLiteral("as-of")).toUtf8();
        const auto t = model::parseTimestamp(std::string_view(text.constData(), static_cast<std::size_t>(text.size())),
                                             model::DateOrder::MonthFirst);
        if (!t) return usageError(QStringLiteral("--as-of takes a date, e.g. 2011-12-10"));
        options.asOf = *t;
    }
    const auto seed = integerOption(args, QStringLiteral("seed"), 42, 0, std::numeric_limits<qint64>::max());
    if (!seed) return usageError(seed.error().message);
    options.seed = static_cast<quint64>(seed.value());
    ProgressLine line;
    auto report = model::buildFeatures(ws.value(), options, [&](const QString& step, double fraction) {
        line.show(QStringLiteral("features: %1 (%2%)").arg(step).arg(qRound(fraction * 100)));
        return !interrupted().load();
    });
    line.done();
    if (!report) return fail(report.error());
    if (report->cancelled) return fail(model::makeError(QStringLiteral("cancelled; the previous features are unchanged")));
    const model::ChurnSummary& c = report->churn;
    if (args.has(QStringLiteral("json"))) {
        QJsonObject groups;
        for (auto it = report->rfmGroups.begin(); it != report->rfmGroups.end(); ++it) groups.insert(it.key(), it.value());
        QJsonObject churn{{QStringLiteral("trained"), c.trained}};
        if (c.trained) {
            churn.insert(QStringLiteral("auc"), c.auc);
            churn.insert(QStringLiteral("base_rate"), c.baseRate);
            churn.insert(QStringLiteral("train_rows"), c.trainRows);
            churn.insert(QStringLiteral("test_rows"), c.testRows);
            churn.insert(QStringLiteral("cutoff"), day(c.cutoff));
            churn.insert(QStringLiteral("scored"), c.scored);
        } else {
            churn.insert(QStringLiteral("reason"), c.reason);
        }
        printJson({{QStringLiteral("users"), report->users},
                   {QStringLiteral("as_of"), day(report->asOf)},
                   {QStringLiteral("data_start"), day(report->dataStart)},
                   {QStringLiteral("data_version"), report->dataVersion},
                   {QStringLiteral("categories"), report->categories},
                   {QStringLiteral("rfm_groups"), groups},
                   {QStringLiteral("churn"), churn},
                   {QStringLiteral("seconds"), report->seconds}});
        return Success;
    }
    printOut(QStringLiteral("built features for %1 users as of %2 (data from %3) in %4 s\n")
                 .arg(number(report->users), day(report->asOf), day(report->dataStart), number(report->seconds, 1)));
    printOut(QStringLiteral("  RFM groups:\n"));
    for (auto it = report->rfmGroups.begin(); it != report->rfmGroups.end(); ++it)
        printOut(QStringLiteral("    %1 %2\n").arg(padRight(it.key(), 20), number(it.value()).rightJustified(10)));
    if (c.trained)
        printOut(QStringLiteral("  churn risk (no order in 90 days): AUC %1 on %2 held-out customers (trained on %3; "
                                "%4% did not reorder after %5); %6 customers scored\n")
                     .arg(number(c.auc, 3), number(c.testRows), number(c.trainRows), number(100 * c.baseRate, 1), day(c.cutoff),
                          number(c.scored)));
    else
        printOut(QStringLiteral("  churn risk: not trained: %1\n").arg(c.reason));
    return Success;
}

} // namespace

CommandSpec featuresCommand()
{
    return {QStringLiteral("features"), QStringLiteral("WS [--as-of DATE] [--seed S] [--json]"),
            QStringLiteral("(re)build user features, RFM scores and churn risk"),
            QStringLiteral("Computes per user, from events and orders before the reference date: recency, frequency and\n"
                           "spend, average order value, active days, visits per week, pages per visit, dwell time,\n"
                           "searches, carts, favourites, cart-to-purchase rate, days since sign-up, member tier and\n"
                           "views and purchases per category; then RFM scores (quintiles) and groups, and the churn\n"
                           "risk (no order in the next 90 days) learned from the workspace's own history.\n"
                           "Other commands rebuild the features by themselves when the data has changed."),
            {{QStringLiteral("as-of"), QStringLiteral("DATE"), QStringLiteral("reference date (default: the day after the last activity)")},
             {QStringLiteral("seed"), QStringLiteral("S"), QStringLiteral("seed of the churn model's train/test split (default 42)")},
             {QStringLiteral("json"), {}, QStringLiteral("print the result as JSON")}},
            1, 1, runFeatures};
}

} // namespace cwb::cli
