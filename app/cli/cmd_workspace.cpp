// cwb init, cwb demo, cwb stats
#include "commands.h"
#include "console.h"

#include "demo/demo_writer.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

namespace cwb::cli {

namespace {

int runInit(const ParsedArgs& args)
{
    const QString path = args.positional[0];
    auto ws = model::Workspace::create(path);
    if (!ws) return fail(ws.error());
    if (args.has(QStringLiteral("json")))
        printJson({{QStringLiteral("workspace"), QFileInfo(path).absoluteFilePath()},
                   {QStringLiteral("schema_version"), ws->schemaVersion()}});
    else
        printOut(QStringLiteral("created workspace %1 (schema version %2)\n").arg(path).arg(ws->schemaVersion()));
    return Success;
}

int runDemo(const ParsedArgs& args)
{
    const QString path = args.positional[0];
    const auto users = integerOption(args, QStringLiteral("users"), 10000, 1, 5'000'000);
    if (!users) return usageError(users.error().message);
    const auto seed = integerOption(args, QStringLiteral("seed"), 42, 0, std::numeric_limits<qint64>::max());
    if (!seed) return usageError(seed.error().message);
    const auto events = numberOption(args, QStringLiteral("events-per-user"), 10.0, 1.0, 500.0);
    if (!events) return usageError(events.error().message);
    const auto days = integerOption(args, QStringLiteral("history-days"), 365, 330, 3650);
    if (!days) return usageError(days.error().message);

    auto ws = model::Workspace::create(path);
    if (!ws) return fail(ws.error());
    ProgressLine line;
    model::DemoOptions options;
    options.users = users.value();
    options.seed = static_cast<quint64>(seed.value());
    options.eventsPerUser = events.value();
    options.historyDays = static_cast<int>(days.value());
    auto report = model::writeDemoData(ws.value(), options, [&](qint64 done, qint64 total) {
        line.show(QStringLiteral("generating customers %1 / %2").arg(number(done), number(total)));
        return !interrupted().load();
    });
    line.done();
    if (!report || report->cancelled) {
        // Leave no half-made workspace behind.
        const QString file = ws->path();
        ws = model::makeError({});
        for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) QFile::remove(file + suffix);
        if (!report) return fail(report.error());
        return fail(model::makeError(QStringLiteral("cancelled; no workspace was created")));
    }
    if (args.has(QStringLiteral("json"))) {
        QJsonObject rows;
        for (auto it = report->rows.begin(); it != report->rows.end(); ++it) rows.insert(it.key(), it.value());
        printJson({{QStringLiteral("workspace"), QFileInfo(path).absoluteFilePath()},
                   {QStringLiteral("seed"), seed.value()},
                   {QStringLiteral("users"), users.value()},
                   {QStringLiteral("rows"), rows},
                   {QStringLiteral("seconds"), report->seconds}});
        return Success;
    }
    printOut(QStringLiteral("created demo workspace %1 (seed %2) in %3 s\n").arg(path).arg(seed.value()).arg(number(report->seconds, 1)));
    for (auto it = report->rows.begin(); it != report->rows.end(); ++it)
        printOut(QStringLiteral("  %1 %2\n").arg(it.key().leftJustified(10), number(it.value()).rightJustified(12)));
    return Success;
}

int runStats(const ParsedArgs& args)
{
    auto ws = openWorkspace(args.positional[0]);
    if (!ws) return fail(ws.error());
    const auto counts = ws->tableCounts();
    if (args.has(QStringLiteral("json"))) {
        QJsonObject tables;
        for (const model::TableCount& c : counts) tables.insert(c.table, c.rows);
        printJson({{QStringLiteral("workspace"), QFileInfo(ws->path()).absoluteFilePath()},
                   {QStringLiteral("schema_version"), ws->schemaVersion()},
                   {QStringLiteral("data_version"), ws->dataVersion()},
                   {QStringLiteral("tables"), tables}});
        return Success;
    }
    printOut(QStringLiteral("%1 (schema version %2)\n").arg(ws->path()).arg(ws->schemaVersion()));
    for (const model::TableCount& c : counts)
        printOut(QStringLiteral("  %1 %2\n").arg(c.table.leftJustified(16), number(c.rows).rightJustified(12)));
    return Success;
}

} // namespace

CommandSpec initCommand()
{
    return {QStringLiteral("init"), QStringLiteral("WS [--json]"), QStringLiteral("create an empty workspace file"),
            QStringLiteral("Creates WS (a new SQLite file, readable by you only). Fails if WS exists."),
            {{QStringLiteral("json"), {}, QStringLiteral("print the result as JSON")}},
            1, 1, runInit};
}

CommandSpec demoCommand()
{
    return {QStringLiteral("demo"), QStringLiteral("WS [--users N] [--seed S] [--events-per-user E] [--history-days D] [--json]"),
            QStringLiteral("create a workspace with generated demo data"),
            QStringLiteral("Generates a believable shop: customers with demographics and member tiers, a year of\n"
                           "browsing and orders with category preferences and seasonality, and 12 past coupon,\n"
                           "flash-sale and member campaigns with randomised control groups whose responses follow\n"
                           "a documented ground-truth model (engine/demo/ground_truth.h). The same seed always\n"
                           "gives the same data."),
            {{QStringLiteral("users"), QStringLiteral("N"), QStringLiteral("number of customers (default 10,000; up to 5,000,000)")},
             {QStringLiteral("seed"), QStringLiteral("S"), QStringLiteral("random seed (default 42)")},
             {QStringLiteral("events-per-user"), QStringLiteral("E"), QStringLiteral("mean behaviour events per customer and year (default 10)")},
             {QStringLiteral("history-days"), QStringLiteral("D"), QStringLiteral("days of history, ending 2026-07-01 (default 365; 330 to 3650)")},
             {QStringLiteral("json"), {}, QStringLiteral("print the result as JSON")}},
            1, 1, runDemo};
}

CommandSpec statsCommand()
{
    return {QStringLiteral("stats"), QStringLiteral("WS [--json]"), QStringLiteral("row count per table"),
            {},
            {{QStringLiteral("json"), {}, QStringLiteral("print the result as JSON")}},
            1, 1, runStats};
}

} // namespace cwb::cli
