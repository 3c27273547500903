#pragma once
// Exports gathered report data as a PDF or HTML report, or as the CSV
// target list, in the installed language: what `cwb report` and the
// Reports page call. Needs a QGuiApplication (charts and fonts); a file
// that cannot be written leaves nothing half-written behind.

#include "reports/campaign_report.h"

#include <QPageSize>

namespace cwb::ui {

enum class ReportFileFormat { Pdf, Html, Csv };
// "pdf", "html" / "htm", "csv"; from a name or a file's suffix.
std::optional<ReportFileFormat> parseReportFileFormat(const QString& nameOrSuffix);

struct ReportExportOptions {
    ReportFileFormat format = ReportFileFormat::Pdf;
    QPageSize::PageSizeId pageSize = QPageSize::A4;
    model::TargetListOptions targetList;   // CSV
};

struct ReportExportResult {
    int pages = 0;       // PDF
    qint64 rows = 0;     // CSV: users written
};

model::Result<ReportExportResult> exportReport(model::Workspace& workspace, const model::ReportData& data, const QString& path,
                                               const ReportExportOptions& options);

} // namespace cwb::ui
