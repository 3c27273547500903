// cwb import
#include "commands.h"
#include "console.h"

#include "csv/csv_sniffer.h"
#include "csv/text_decoder.h"
#include "import/importer.h"

#include <QFileInfo>
#include <QJsonArray>

namespace cwb::cli {

namespace {

QString outcomeName(model::ImportReport::Outcome o)
{
    using O = model::ImportReport::Outcome;
    switch (o) {
    case O::Imported: return QStringLiteral("imported");
    case O::DryRun: return QStringLiteral("dry-run");
    case O::Cancelled: return QStringLiteral("cancelled");
    case O::Failed: return QStringLiteral("failed");
    case O::AlreadyImported: return QStringLiteral("already-imported");
    }
    return {};
}

QJsonObject counts(const QMap<QString, qint64>& map)
{
    QJsonObject o;
    for (auto it = map.begin(); it != map.end(); ++it) o.insert(it.key(), it.value());
    return o;
}

QJsonObject reportJson(const model::ImportReport& r)
{
    QJsonArray rejects;
    for (const model::RejectSummary& s : r.rejects)
        rejects.append(QJsonObject{{QStringLiteral("reason"), s.reason},
                                   {QStringLiteral("rows"), s.count},
                                   {QStringLiteral("first_line"), s.firstLine},
                                   {QStringLiteral("example"), s.example}});
    QJsonArray attributes;
    for (const model::AttributeColumn& a : r.attributes)
        attributes.append(QJsonObject{{QStringLiteral("name"), a.name},
                                      {QStringLiteral("type"), a.numeric ? QStringLiteral("number") : QStringLiteral("text")},
                                      {QStringLiteral("values"), a.values}});
    QJsonObject o{{QStringLiteral("outcome"), outcomeName(r.outcome)},
                  {QStringLiteral("file"), QFileInfo(r.file).absoluteFilePath()},
                  {QStringLiteral("target"), r.target},
                  {QStringLiteral("encoding"), r.encoding},
                  {QStringLiteral("delimiter"), r.delimiter},
                  {QStringLiteral("header"), r.header},
                  {QStringLiteral("date_order"), r.dateOrder},
                  {QStringLiteral("decimal_comma"), r.decimalComma},
                  {QStringLiteral("mapping"), QJsonArray::fromStringList(r.mapping)},
                  {QStringLiteral("ignored_columns"), QJsonArray::fromStringList(r.ignoredColumns)},
                  {QStringLiteral("attributes"), attributes},
                  {QStringLiteral("bytes"), r.bytes},
                  {QStringLiteral("lines"), r.lines},
                  {QStringLiteral("records"), r.records},
                  {QStringLiteral("rows_imported"), r.rowsImported},
                  {QStringLiteral("rows_rejected"), r.rowsRejected},
                  {QStringLiteral("values_cleared"), r.valuesCleared},
                  {QStringLiteral("inserted"), counts(r.inserted)},
                  {QStringLiteral("updated"), counts(r.updated)},
                  {QStringLiteral("rejects"), rejects},
                  {QStringLiteral("notes"), QJsonArray::fromStringList(r.notes)},
                  {QStringLiteral("rejects_file"), r.rejectsPath},
                  {QStringLiteral("seconds"), r.seconds},
                  {QStringLiteral("rows_per_second"), r.rowsPerSecond()}};
    if (r.error) o.insert(QStringLiteral("error"), r.error->toString());
    return o;
}

void printReport(const model::ImportReport& r)
{
    const bool dry = r.outcome == model::ImportReport::Outcome::DryRun;
    printOut(QStringLiteral("%1 %2 into %3\n").arg(dry ? QStringLiteral("checked (dry run, nothing written)") : QStringLiteral("imported"),
                                                 QFileInfo(r.file).fileName(), r.target));
    printOut(QStringLiteral("  read as %1 (%2), delimiter %3, %4, dates %5%6\n")
                 .arg(r.encoding, r.encodingReason, r.delimiter, r.header ? QStringLiteral("header row") : QStringLiteral("no header row"),
                      r.dateOrder, r.decimalComma ? QStringLiteral(", decimal comma") : QString()));
    if (!r.mapping.isEmpty()) printOut(QStringLiteral("  columns: %1\n").arg(r.mapping.join(QStringLiteral(", "))));
    if (!r.attributes.isEmpty()) {
        QStringList names;
        for (const auto& a : r.attributes) names << QStringLiteral("%1 (%2)").arg(a.name, a.numeric ? QStringLiteral("number") : QStringLiteral("text"));
        printOut(QStringLiteral("  kept as user attributes: %1\n").arg(names.join(QStringLiteral(", "))));
    }
    if (!r.ignoredColumns.isEmpty()) printOut(QStringLiteral("  ignored columns: %1\n").arg(r.ignoredColumns.join(QStringLiteral(", "))));
    printOut(QStringLiteral("  %1 records in %2 s (%3 rows/s)\n").arg(number(r.records), number(r.seconds, 2), number(static_cast<qint64>(r.rowsPerSecond()))));
    QStringList changes;
    for (auto it = r.inserted.begin(); it != r.inserted.end(); ++it) changes << QStringLiteral("%1 +%2").arg(it.key(), number(it.value()));
    for (auto it = r.updated.begin(); it != r.updated.end(); ++it) changes << QStringLiteral("%1 %2 updated").arg(it.key(), number(it.value()));
    printOut(QStringLiteral("  %1 rows accepted: %2\n").arg(number(r.rowsImported), changes.join(QStringLiteral(", "))));
    if (r.rowsRejected > 0 || r.valuesCleared > 0) {
        printOut(QStringLiteral("  %1 rows rejected, %2 values cleared; details in %3\n")
                     .arg(number(r.rowsRejected), number(r.valuesCleared), r.rejectsPath));
        for (const model::RejectSummary& s : r.rejects)
            printOut(QStringLiteral("    %1  %2, e.g. %3\n").arg(number(s.count).rightJustified(9), s.reason, s.example));
    }
    for (const QString& n : r.notes) printOut(QStringLiteral("  note: %1\n").arg(n));
}

int runImport(const ParsedArgs& args)
{
    const QString wsPath = args.positional[0];
    const QString file = args.positional[1];
    model::ImportOptions options;
    options.table = args.value(QStringLiteral("table"));
    options.preset = args.value(QStringLiteral("preset"));
    if (options.table.isEmpty() == options.preset.isEmpty())
        return usageError(QStringLiteral("give either --table T or --preset P (presets: %1)").arg(model::importPresetNames().join(QStringLiteral(", "))));
    if (args.values.contains(QStringLiteral("encoding"))) {
        options.encoding = args.value(QStringLiteral("encoding"));
        if (model::canonicalEncodingName(options.encoding).isEmpty())
            return usageError(QStringLiteral("unknown encoding \"%1\" (try utf-8, gbk, gb18030, latin1, windows-1252, utf-16)").arg(options.encoding));
    }
    if (args.values.contains(QStringLiteral("delimiter"))) {
        options.delimiter = model::parseDelimiterName(args.value(QStringLiteral("delimiter")));
        if (!options.delimiter) return usageError(QStringLiteral("--delimiter takes one character or comma, semicolon, tab, pipe"));
    }
    if (args.has(QStringLiteral("no-header"))) options.header = false;
    if (args.has(QStringLiteral("header"))) options.header = true;
    if (args.has(QStringLiteral("day-first"))) options.dateOrder = model::DateOrder::DayFirst;
    if (args.has(QStringLiteral("month-first"))) options.dateOrder = model::DateOrder::MonthFirst;
    if (args.has(QStringLiteral("decimal-comma"))) options.decimalComma = true;
    if (args.has(QStringLiteral("decimal-point"))) options.decimalComma = false;
    if (args.values.contains(QStringLiteral("map"))) {
        auto overrides = model::parseMappingArgument(args.value(QStringLiteral("map")));
        if (!overrides) return usageError(overrides.error().message);
        options.mapping = overrides.value();
    }
    if (args.values.contains(QStringLiteral("skip-columns")))
        options.skipColumns = args.value(QStringLiteral("skip-columns")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    options.rejectsPath = args.value(QStringLiteral("rejects"));
    options.force = args.has(QStringLiteral("force"));
    options.createMissingUsers = args.has(QStringLiteral("create-users"));
    options.dryRun = args.has(QStringLiteral("dry-run"));

    auto ws = openWorkspace(wsPath);
    if (!ws) return fail(ws.error());
    ProgressLine line;
    const model::ImportReport report = model::importFile(ws.value(), file, options, [&](const model::ImportProgress& p) {
        const double pct = p.bytesTotal > 0 ? 100.0 * double(p.bytesDone) / double(p.bytesTotal) : 0.0;
        line.show(QStringLiteral("importing %1%  %2 rows  %3 s").arg(number(pct, 0), number(p.records), number(p.seconds, 1)));
        return !interrupted().load();
    });
    line.done();
    if (args.has(QStringLiteral("json"))) printJson(reportJson(report));
    else if (report.ok()) printReport(report);
    if (report.outcome == model::ImportReport::Outcome::AlreadyImported) {
        model::Error e = *report.error;
        e.message += QStringLiteral(". Import it again with --force");
        return fail(e);
    }
    if (!report.ok()) return fail(*report.error);
    return Success;
}

} // namespace

CommandSpec importCommand()
{
    return {QStringLiteral("import"),
            QStringLiteral("WS (--table T | --preset P) FILE [options]"),
            QStringLiteral("import a CSV file (plain or .gz) into the workspace"),
            QStringLiteral(
                "Reads FILE as CSV (RFC 4180), detecting its encoding (UTF-8 with or without BOM, GBK/GB18030,\n"
                "Windows-1252/Latin-1, UTF-16), delimiter (comma, semicolon, tab, pipe) and header row, and\n"
                "maps its columns to the table's fields by their names, in English or Chinese (user_id,\n"
                "CustomerID, 用户ID ...). Users' columns that map to no field are kept as typed attributes.\n"
                "Everything is imported in one transaction: on an error, a cancel (Ctrl-C) or --dry-run\n"
                "the workspace stays as it was. Rows with bad values are rejected and written, with line,\n"
                "column and reason, to the rejects file; a bad optional value is cleared and the row kept.\n"
                "Duplicate keys: the first row of a key in the file wins; a key already in the workspace\n"
                "is updated with the file's mapped columns. A file imported before is refused (--force).\n\n"
                "tables: users, products, events, orders, order_items, campaigns, exposures, responses,\n"
                "        segment_members\n"
                "presets: hillstrom (MineThatData e-mail test), online-retail (UCI Online Retail)"),
            {{QStringLiteral("table"), QStringLiteral("T"), QStringLiteral("the table the file holds")},
             {QStringLiteral("preset"), QStringLiteral("P"), QStringLiteral("a known dataset: hillstrom, online-retail")},
             {QStringLiteral("map"), QStringLiteral("F=C,..."), QStringLiteral("field=column pairs (column name or #N); field= unmaps")},
             {QStringLiteral("skip-columns"), QStringLiteral("C,..."), QStringLiteral("columns never to import, not even as attributes")},
             {QStringLiteral("encoding"), QStringLiteral("E"), QStringLiteral("utf-8, gbk, gb18030, latin1, windows-1252, utf-16... (default: detect)")},
             {QStringLiteral("delimiter"), QStringLiteral("D"), QStringLiteral("one character or comma, semicolon, tab, pipe (default: detect)")},
             {QStringLiteral("header"), {}, QStringLiteral("the first row is a header")},
             {QStringLiteral("no-header"), {}, QStringLiteral("the first row is data")},
             {QStringLiteral("day-first"), {}, QStringLiteral("read 1/12/2010 as 1 December")},
             {QStringLiteral("month-first"), {}, QStringLiteral("read 12/1/2010 as 1 December")},
             {QStringLiteral("decimal-comma"), {}, QStringLiteral("numbers are written 1.234,50")},
             {QStringLiteral("decimal-point"), {}, QStringLiteral("numbers are written 1,234.50")},
             {QStringLiteral("rejects"), QStringLiteral("F"), QStringLiteral("where to write rejected rows (default: next to WS)")},
             {QStringLiteral("create-users"), {}, QStringLiteral("add unknown user ids as new users instead of rejecting their rows")},
             {QStringLiteral("force"), {}, QStringLiteral("import a file that was imported before")},
             {QStringLiteral("dry-run"), {}, QStringLiteral("check everything, write nothing (the rejects file is written)")},
             {QStringLiteral("json"), {}, QStringLiteral("print the import report as JSON")}},
            2, 2, runImport};
}

} // namespace cwb::cli
