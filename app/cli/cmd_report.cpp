// cwb report WS --campaign ID[,ID...] [--format pdf|html|csv] -o FILE [--lang en|zh_CN] [--page a4|letter]
//            [--currency CODE] [--pseudonymize SALT] [--no-bom] [--seed S] [--model ID] [--no-model] [--level L]
#include "commands.h"
#include "console.h"

#include "language.h"
#include "report/report_exporter.h"

#include <QFileInfo>
#include <QLocale>

#include <limits>

namespace cwb::cli {

namespace {

int runReport(const ParsedArgs& args)
{
    const QString out = args.value(QStringLiteral("output"));
    if (!args.has(QStringLiteral("campaign"))) return usageError(QStringLiteral("report needs --campaign ID (cwb campaign WS list shows them)"));
    if (out.isEmpty()) return usageError(QStringLiteral("report needs -o FILE"));
    const QString formatName = args.value(QStringLiteral("format"), QFileInfo(out).suffix());
    const auto format = ui::parseReportFileFormat(formatName);
    if (!format) return usageError(QStringLiteral("--format must be pdf, html or csv (or give -o a file ending in one of them)"));
    ui::ReportExportOptions options;
    options.format = *format;
    const QString page = args.value(QStringLiteral("page"), QStringLiteral("a4")).toLower();
    if (page == QLatin1String("a4")) options.pageSize = QPageSize::A4;
    else if (page == QLatin1String("letter")) options.pageSize = QPageSize::Letter;
    else return usageError(QStringLiteral("--page must be a4 or letter"));
    if (args.has(QStringLiteral("pseudonymize"))) {
        options.targetList.salt = args.value(QStringLiteral("pseudonymize"));
        if (options.targetList.salt.size() < 8)
            return usageError(QStringLiteral("--pseudonymize needs a salt of at least 8 characters (keep it secret: with it, ids can be matched)"));
    }
    options.targetList.byteOrderMark = !args.has(QStringLiteral("no-bom"));
    auto seed = integerOption(args, QStringLiteral("seed"), 1, 0, std::numeric_limits<qint64>::max());
    if (!seed) return usageError(seed.error().message);
    options.targetList.seed = static_cast<quint64>(seed.value());
    const QString language = args.value(QStringLiteral("lang"));
    if (!language.isEmpty() && !ui::availableLanguages().contains(language))
        return usageError(QStringLiteral("--lang must be one of %1").arg(ui::availableLanguages().join(QStringLiteral(", "))));
    ui::installTranslations(ui::chooseLanguage(language));

    auto preview = previewOptions(args);
    if (!preview) return usageError(preview.error().message);
    model::ReportOptions gather;
    gather.preview = preview.value();
    gather.readout.level = preview->level;
    gather.readout.modelId = preview->modelId;
    gather.readout.useModel = preview->useModels;
    gather.currency = args.value(QStringLiteral("currency"));

    // Read-write like `cwb preview`: a first forecast builds the user features it needs.
    auto ws = openWorkspace(args.positional[0]);
    if (!ws) return fail(ws.error());
    const QStringList campaigns = args.value(QStringLiteral("campaign")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    auto data = model::gatherReport(ws.value(), campaigns, gather, [](const QString& what, double) {
        printErr(QStringLiteral("%1 ...\n").arg(what));
        return !interrupted().load();
    });
    if (!data) return fail(data.error());
    auto written = ui::exportReport(ws.value(), data.value(), out, options);
    if (!written) return fail(written.error());
    const QLocale loc = QLocale::system();
    if (options.format == ui::ReportFileFormat::Csv)
        printErr(QStringLiteral("wrote %1 users to %2\n").arg(loc.toString(written->rows), out));
    else if (options.format == ui::ReportFileFormat::Pdf)
        printErr(QStringLiteral("wrote %1 (%2 pages)\n").arg(out).arg(written->pages));
    else
        printErr(QStringLiteral("wrote %1\n").arg(out));
    for (const model::CampaignReportData& c : data->campaigns)
        if (options.format == ui::ReportFileFormat::Csv && !c.preview)
            printErr(c.campaign.treated + c.campaign.control > 0
                         ? QStringLiteral("note: \"%1\" has no forecast (%2): listed the users it went to\n").arg(c.campaign.name, c.previewProblem)
                         : QStringLiteral("note: \"%1\" has no forecast and was never sent: no users listed (%2)\n").arg(c.campaign.name, c.previewProblem));
    return Success;
}

} // namespace

CommandSpec reportCommand()
{
    return {QStringLiteral("report"),
            QStringLiteral("WS --campaign ID[,ID...] -o FILE [--format pdf|html|csv] [--lang L] [--page a4|letter] [--currency CODE] "
                           "[--pseudonymize SALT] [--no-bom] [--seed S] [--model ID] [--no-model] [--level L]"),
            QStringLiteral("export a campaign report (PDF, HTML) or its target list (CSV)"),
            QStringLiteral(
                "PDF and HTML: the campaign's offer in plain words, its target segments and their sizes, the\n"
                "forecast of `cwb preview` (users reached, redemptions, incremental conversions, revenue, cost\n"
                "split into the discount to incremental buyers and the subsidy to buyers who would have bought\n"
                "anyway, profit, ROI and incremental ROI, each with its interval) and its charts, the model and\n"
                "its test quality, the assumptions and every warning; for a campaign that ran, the read-out of\n"
                "`cwb readout` (each arm against the control group). Several campaigns (--campaign 3,5,7) give\n"
                "one comparison report. The HTML file is self-contained (charts embedded), the PDF has page\n"
                "numbers and keeps every table row, chart and figure on one page.\n"
                "CSV: the users each campaign reaches, best first, with the group each is assigned to (a seeded\n"
                "random control share), the offer, uptake, uplift and expected incremental profit; UTF-8 with a\n"
                "byte-order mark for Excel (--no-bom to leave it out); cells that a spreadsheet would run as a\n"
                "formula are quoted harmless. --pseudonymize SALT replaces each user id by a salted hash (HMAC-\n"
                "SHA-256, 16 hex digits): the same for the same salt, unrelated under another.\n"
                "Language: --lang, else the workbench's setting, else the system's. Amounts carry the workspace's\n"
                "currency (set by the demo and the presets) or --currency CODE (CNY, USD, GBP, EUR, ...)."),
            QList<OptionSpec>{{QStringLiteral("campaign"), QStringLiteral("ID"), QStringLiteral("the campaign(s), ids or names separated by commas")},
                              {QStringLiteral("output"), QStringLiteral("FILE"), QStringLiteral("the file to write"), 'o'},
                              {QStringLiteral("format"), QStringLiteral("F"), QStringLiteral("pdf, html or csv (default: from the file's suffix)")},
                              {QStringLiteral("lang"), QStringLiteral("L"), QStringLiteral("en or zh_CN (default: the workbench's language)")},
                              {QStringLiteral("page"), QStringLiteral("P"), QStringLiteral("PDF page size: a4 (default) or letter")},
                              {QStringLiteral("currency"), QStringLiteral("CODE"), QStringLiteral("ISO 4217 code of the amounts (default: the workspace's)")},
                              {QStringLiteral("pseudonymize"), QStringLiteral("SALT"), QStringLiteral("CSV: replace user ids by a salted hash")},
                              {QStringLiteral("no-bom"), {}, QStringLiteral("CSV: no byte-order mark")},
                              {QStringLiteral("seed"), QStringLiteral("S"), QStringLiteral("CSV: seed of the control-group assignment (default 1)")}} +
                previewOptionSpecs(),
            1, 1, runReport};
}

} // namespace cwb::cli
