#pragma once
// Lays a report out on A4 or Letter pages and writes it as PDF: vector text
// and charts, a running header (title, workspace) and footer (when it was
// generated, "Page n of N"). No element is split across pages: a block
// that does not fit on what is left of a page starts the next one, a
// heading stays with what follows it, and a long table breaks between rows
// with its header repeated.

#include "core/error.h"
#include "report/report_document.h"

#include <QPageSize>

namespace cwb::ui {

// Writes `path` (through a temporary file renamed into place); returns the number of pages.
model::Result<int> writePdfReport(const ReportDocument& doc, const QString& path, QPageSize::PageSizeId pageSize = QPageSize::A4);

} // namespace cwb::ui
