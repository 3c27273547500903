#pragma once
// Writes a report as one self-contained HTML file: styles inline, charts as
// embedded SVG images (vector, no network), every text escaped, and the
// headline figures carrying their exact values in data- attributes
// (data-key, data-value, data-low, data-high) for anyone who reads the file
// with a program. The markup is well-formed XML as well as HTML5, and prints
// with one element per page break.

#include "core/error.h"
#include "report/report_document.h"

namespace cwb::ui {

QString reportHtml(const ReportDocument& doc);
// Writes `path` through a temporary file renamed into place.
model::Status writeHtmlReport(const ReportDocument& doc, const QString& path);

} // namespace cwb::ui
