#pragma once
// Lays a report out on A4 or Letter pages and writes it as PDF: vector text
// and charts, a running header (title, workspace) and footer (when it was
// generated, "Page n of N"). No element is split across pages: a block
// that does not fit on what is left of a page starts the next one, a
// heading stays with what follows it, and a long table breaks between rows
// with its header repeated.

#include "core/error.h"
#include "report/report_document.h"

#include <QImage>
#include <QList>
#include <QMarginsF>
#include <QPageSize>

#include <memory>

class QPaintDevice;
class QPainter;

namespace cwb::ui {

// A report laid out on pages of a size: how many, and each page painted on demand. Units are
// the PDF's 300 dpi, the origin the top left of the page's printable area. `metrics` answers
// font metrics (the PDF writer itself, or an image of the same resolution for a preview).
class ReportPages {
public:
    ReportPages(const ReportDocument& doc, QPaintDevice* metrics, QPageSize::PageSizeId pageSize);
    int count() const;
    QSizeF paintSize() const;
    void paint(QPainter& painter, int page) const;
    static QMarginsF marginsMm();

private:
    struct Plan;
    std::shared_ptr<Plan> plan_;   // refers to the document, which must outlive it
};

// Writes a report's PDF a page at a time (the Reports page draws one per turn of the event
// loop), through a temporary file renamed into place by finish().
class PdfReportWriter {
public:
    static model::Result<std::unique_ptr<PdfReportWriter>> start(const ReportDocument& doc, const QString& path, QPageSize::PageSizeId pageSize);
    ~PdfReportWriter();
    int pages() const;
    int drawnPages() const;
    bool done() const;
    void drawNextPage();
    // Draws what is left and writes the file; returns the number of pages.
    model::Result<int> finish();

private:
    PdfReportWriter();
    struct State;
    std::unique_ptr<State> state_;
};

// Writes `path` (through a temporary file renamed into place); returns the number of pages.
model::Result<int> writePdfReport(const ReportDocument& doc, const QString& path, QPageSize::PageSizeId pageSize = QPageSize::A4);
// The pages as the PDF has them, as images `widthPixels` wide, one at a time (the Reports page
// draws one per turn of the event loop).
class ReportPreview {
public:
    ReportPreview(ReportDocument doc, QPageSize::PageSizeId pageSize, int widthPixels);
    ~ReportPreview();
    int count() const;
    QImage page(int index) const;

private:
    std::unique_ptr<ReportDocument> doc_;   // ReportPages refers to it
    QImage metrics_;
    QPageSize::PageSizeId pageSize_;
    int width_;
    std::unique_ptr<ReportPages> pages_;
};

// All the pages at once.
QList<QImage> renderReportPages(const ReportDocument& doc, QPageSize::PageSizeId pageSize, int widthPixels);

} // namespace cwb::ui
