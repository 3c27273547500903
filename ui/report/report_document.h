#pragma once
// A report as a sequence of blocks — title, headings, paragraphs, label /
// value lists, headline figures, tables, charts, notes — that the PDF and
// HTML writers lay out each in their own medium. The texts are final (in the
// reader's language, numbers formatted); the figures keep their raw values
// too, so that the HTML can carry them for machines and tests.

#include <QList>
#include <QPair>
#include <QSizeF>
#include <QString>
#include <QStringList>

#include <functional>

class QChart;
class QPainter;
class QRectF;

namespace cwb::ui {

struct ReportFigure {
    QString key;          // machine name ("redemptions", "incremental_profit", ...)
    QString label, value, interval;
    double raw = 0, rawLow = 0, rawHigh = 0;
    bool hasInterval = false;
    int tone = 0;         // +1 good news, -1 bad news, 0 neutral
};

struct ReportTable {
    QStringList header;
    QList<QStringList> rows;
    QList<bool> numeric;  // per column: right-aligned
    QList<double> widths; // per column: relative width (empty: equal)
};

struct ReportBlock {
    enum class Kind { Title, Heading, Subheading, Paragraph, KeyValues, Figures, Table, Chart, Notes };
    Kind kind = Kind::Paragraph;
    QString text;                          // Title, Heading, Subheading, Paragraph; a chart's alternative text
    QString subtitle;                      // Title: the line under it
    QList<QPair<QString, QString>> pairs;  // KeyValues
    QList<ReportFigure> figures;           // Figures
    ReportTable table;                     // Table
    std::function<QChart*()> chart;        // Chart: builds a new chart the writer owns
    double chartAspect = 0.45;             // Chart: height / width
    QStringList notes;                     // Notes
    bool warning = false;                  // Notes: warnings (drawn as such)
    bool newPage = false;                  // start on a new page (a campaign's section in a comparison)
    QString anchor;                        // HTML id of the block
};

struct ReportDocument {
    QString title;                         // of the whole report (PDF metadata, HTML <title>, page header)
    QString language;                      // "en", "zh_CN"
    QString headerRight;                   // page header's right side (workspace)
    QString footerLeft;                    // page footer's left side (generated at ...)
    QList<ReportBlock> blocks;

    ReportBlock& add(ReportBlock::Kind kind, const QString& text = {});
};

// Draws a Chart block's chart into `target`, laid out at `logicalWidth` pixels wide and scaled
// (vector output stays vector).
void paintChart(const ReportBlock& block, QPainter& painter, const QRectF& target, int logicalWidth);
// The chart as an SVG document, `width` logical pixels wide.
QByteArray chartSvg(const ReportBlock& block, int width);

} // namespace cwb::ui
