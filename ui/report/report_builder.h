#pragma once
// Turns the gathered report data into the blocks of a report, in the
// installed language: one campaign's report, or several campaigns compared
// (a side-by-side table and chart, then each campaign's section on its own
// page). What is said, and in which order, lives here; the PDF and HTML
// writers only lay it out.

#include "reports/campaign_report.h"
#include "report/report_document.h"
#include "report/report_format.h"

namespace cwb::ui {

// A campaign's type and status in the reader's words ("Flash sale", "completed").
QString campaignTypeName(const QString& key);
QString campaignStatusName(const QString& key);

ReportDocument buildReportDocument(const model::ReportData& data, const ReportFormat& format, const QString& language);

} // namespace cwb::ui
