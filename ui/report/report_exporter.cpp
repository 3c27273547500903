#include "report/report_exporter.h"

#include "language.h"
#include "report/html_report_writer.h"
#include "report/pdf_report_writer.h"
#include "report/report_builder.h"
#include "workspace/workspace.h"

namespace cwb::ui {

std::optional<ReportFileFormat> parseReportFileFormat(const QString& nameOrSuffix)
{
    const QString s = nameOrSuffix.toLower();
    if (s == QLatin1String("pdf")) return ReportFileFormat::Pdf;
    if (s == QLatin1String("html") || s == QLatin1String("htm")) return ReportFileFormat::Html;
    if (s == QLatin1String("csv")) return ReportFileFormat::Csv;
    return std::nullopt;
}

model::Result<ReportExportResult> exportReport(model::Workspace& workspace, const model::ReportData& data, const QString& path,
                                               const ReportExportOptions& options)
{
    ReportExportResult out;
    if (options.format == ReportFileFormat::Csv) {
        auto rows = model::exportTargetList(workspace.db(), data.campaigns, path, options.targetList);
        if (!rows) return rows.error();
        out.rows = rows.value();
        return out;
    }
    const ReportFormat format(QLocale(), model::currencySymbol(data.workspace.currency));
    const ReportDocument doc = buildReportDocument(data, format, currentLanguage());
    if (options.format == ReportFileFormat::Html) {
        if (auto failed = writeHtmlReport(doc, path)) return *failed;
        return out;
    }
    auto pages = writePdfReport(doc, path, options.pageSize);
    if (!pages) return pages.error();
    out.pages = pages.value();
    return out;
}

} // namespace cwb::ui
