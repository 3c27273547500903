#include "report/pdf_report_writer.h"

#include <QCoreApplication>
#include <QFontDatabase>
#include <QFontMetricsF>
#include <QImage>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

namespace cwb::ui {

namespace {

class PdfText {
    Q_DECLARE_TR_FUNCTIONS(PdfReportWriter)
};

constexpr int kDpi = 300;
constexpr double kMm = kDpi / 25.4;
const QColor kInk(0x21, 0x21, 0x21), kMuted(0x61, 0x61, 0x61), kRule(0xbd, 0xbd, 0xbd), kHeaderFill(0xec, 0xef, 0xf1),
    kStripe(0xf7, 0xf9, 0xfa), kCard(0xf5, 0xf7, 0xf9), kGood(0x2e, 0x7d, 0x32), kBad(0xc6, 0x28, 0x28), kWarn(0xef, 0x6c, 0x00),
    kAccent(0x15, 0x65, 0xc0);

// One unsplittable piece of the layout: a whole block, or one row of a table or list.
struct Piece {
    int block = 0;
    int row = -1;               // table / key-value / note row; -1 = the whole block
    double height = 0;          // without the space before it
    double spaceBefore = 0;
    bool keepWithNext = false;
    bool newPage = false;
};

class Layout {
public:
    Layout(const ReportDocument& doc, QPaintDevice* device, const QString& family, double width)
        : doc_(doc), device_(device), family_(family), width_(width)
    {
    }

    QFont font(double points, bool bold = false) const
    {
        QFont f(family_);
        f.setPointSizeF(points);
        f.setBold(bold);
        return f;
    }

    double textHeight(const QString& text, const QFont& f, double width) const
    {
        if (text.isEmpty()) return 0;
        return QFontMetricsF(f, device_).boundingRect(QRectF(0, 0, width, 1e7), Qt::TextWordWrap, text).height();
    }

    // Column widths of a table in device units.
    std::vector<double> columns(const ReportTable& t) const
    {
        const qsizetype n = t.header.size();
        std::vector<double> w(std::size_t(n), width_ / double(std::max<qsizetype>(n, 1)));
        if (t.widths.size() == n) {
            double sum = 0;
            for (double v : t.widths) sum += v;
            for (qsizetype i = 0; i < n; ++i) w[std::size_t(i)] = width_ * t.widths[i] / sum;
        }
        return w;
    }

    double rowHeight(const QStringList& cells, const std::vector<double>& widths, const QFont& f) const
    {
        double h = 0;
        for (qsizetype i = 0; i < cells.size() && i < qsizetype(widths.size()); ++i)
            h = std::max(h, textHeight(cells[i], f, widths[std::size_t(i)] - 2 * kPad));
        return h + 2 * kPad;
    }

    static constexpr double kPad = 1.3 * kMm;
    static constexpr double kKeyShare = 0.3;

    double figureRowsHeight(const ReportBlock& b, int first, int count) const
    {
        const double cardWidth = (width_ - 2 * kGap) / 3 - 2 * kPad;
        double h = 0;
        for (int i = first; i < first + count && i < b.figures.size(); ++i) {
            const ReportFigure& f = b.figures[i];
            h = std::max(h, textHeight(f.label, font(7.5), cardWidth) + textHeight(f.value, font(14, true), cardWidth) +
                                textHeight(f.interval, font(7), cardWidth));
        }
        return h + 2 * kPad;
    }

    static constexpr double kGap = 2.5 * kMm;

    QList<Piece> pieces() const
    {
        QList<Piece> out;
        for (int bi = 0; bi < doc_.blocks.size(); ++bi) {
            const ReportBlock& b = doc_.blocks[bi];
            Piece p;
            p.block = bi;
            p.spaceBefore = 2.5 * kMm;
            p.newPage = b.newPage;
            switch (b.kind) {
            case ReportBlock::Kind::Title:
                p.height = textHeight(b.text, font(19, true), width_) + 1.5 * kMm + textHeight(b.subtitle, font(10), width_) + 2 * kMm;
                p.spaceBefore = 0;
                out << p;
                break;
            case ReportBlock::Kind::Heading:
                p.height = textHeight(b.text, font(13.5, true), width_) + 1.8 * kMm;
                p.spaceBefore = 6 * kMm;
                p.keepWithNext = true;
                out << p;
                break;
            case ReportBlock::Kind::Subheading:
                p.height = textHeight(b.text, font(10.5, true), width_);
                p.spaceBefore = 4 * kMm;
                p.keepWithNext = true;
                out << p;
                break;
            case ReportBlock::Kind::Paragraph:
                p.height = textHeight(b.text, font(9), width_);
                out << p;
                break;
            case ReportBlock::Kind::KeyValues:
                for (int r = 0; r < b.pairs.size(); ++r) {
                    Piece row = p;
                    row.row = r;
                    row.spaceBefore = r == 0 ? p.spaceBefore : 0;
                    row.newPage = r == 0 && b.newPage;
                    row.height = std::max(textHeight(b.pairs[r].first, font(8.5, true), width_ * kKeyShare - kPad),
                                          textHeight(b.pairs[r].second, font(8.5), width_ * (1 - kKeyShare))) +
                                 0.9 * kMm;
                    out << row;
                }
                break;
            case ReportBlock::Kind::Figures:
                // A row of three cards is one piece.
                for (int r = 0; 3 * r < b.figures.size(); ++r) {
                    Piece row = p;
                    row.row = r;
                    row.spaceBefore = r == 0 ? p.spaceBefore : kGap;
                    row.newPage = r == 0 && b.newPage;
                    row.height = figureRowsHeight(b, 3 * r, 3);
                    out << row;
                }
                break;
            case ReportBlock::Kind::Table: {
                const auto widths = columns(b.table);
                const double header = rowHeight(b.table.header, widths, font(8, true));
                for (int r = 0; r < b.table.rows.size(); ++r) {
                    Piece row = p;
                    row.row = r;
                    row.spaceBefore = r == 0 ? p.spaceBefore : 0;
                    row.newPage = r == 0 && b.newPage;
                    row.height = rowHeight(b.table.rows[r], widths, font(8.5)) + (r == 0 ? header : 0);
                    out << row;
                }
                break;
            }
            case ReportBlock::Kind::Chart:
                p.height = width_ * b.chartAspect;
                p.spaceBefore = 4 * kMm;
                out << p;
                break;
            case ReportBlock::Kind::Notes:
                for (int r = 0; r < b.notes.size(); ++r) {
                    Piece row = p;
                    row.row = r;
                    row.spaceBefore = r == 0 ? p.spaceBefore : 1 * kMm;
                    row.newPage = r == 0 && b.newPage;
                    row.height = textHeight(b.notes[r], font(9), width_ - 5 * kMm) + 2 * kMm;
                    out << row;
                }
                break;
            }
        }
        return out;
    }

    double tableHeaderHeight(const ReportBlock& b) const { return rowHeight(b.table.header, columns(b.table), font(8, true)); }

    const ReportDocument& doc_;
    QPaintDevice* device_;
    QString family_;
    double width_;
};

struct Placed {
    int piece = 0;
    double y = 0;
    bool repeatHeader = false;   // a table row that starts a page: its header is drawn again above it
};

class Painter {
public:
    Painter(const Layout& layout, QPainter& painter) : l_(layout), p_(painter) {}

    void drawTableRow(const ReportBlock& b, int r, double y, bool withHeader)
    {
        const auto widths = l_.columns(b.table);
        if (withHeader) y += drawCells(b.table, b.table.header, widths, y, l_.font(8, true), kHeaderFill, kInk);
        drawCells(b.table, b.table.rows[r], widths, y, l_.font(8.5), r % 2 ? kStripe : QColor(Qt::white), kInk);
    }

    double drawCells(const ReportTable& t, const QStringList& cells, const std::vector<double>& widths, double y, const QFont& f,
                     const QColor& fill, const QColor& ink)
    {
        const double h = l_.rowHeight(cells, widths, f);
        p_.fillRect(QRectF(0, y, l_.width_, h), fill);
        p_.setPen(QPen(kRule, 0.6));
        p_.drawLine(QPointF(0, y + h), QPointF(l_.width_, y + h));
        p_.setFont(f);
        p_.setPen(ink);
        double x = 0;
        for (qsizetype i = 0; i < cells.size() && i < qsizetype(widths.size()); ++i) {
            const double w = widths[std::size_t(i)];
            const bool numeric = i < t.numeric.size() && t.numeric[i];
            p_.drawText(QRectF(x + Layout::kPad, y + Layout::kPad, w - 2 * Layout::kPad, h - 2 * Layout::kPad),
                        Qt::TextWordWrap | Qt::AlignTop | (numeric ? Qt::AlignRight : Qt::AlignLeft), cells[i]);
            x += w;
        }
        return h;
    }

    // Wrapped text in `rect`.
    void text(const QRectF& rect, const QFont& font, const QColor& ink, const QString& s)
    {
        p_.setFont(font);
        p_.setPen(ink);
        p_.drawText(rect, Qt::TextWordWrap, s);
    }

    void draw(const Piece& piece, double y, bool repeatHeader)
    {
        const ReportBlock& b = l_.doc_.blocks[piece.block];
        const double w = l_.width_;
        switch (b.kind) {
        case ReportBlock::Kind::Title: {
            const double h = l_.textHeight(b.text, l_.font(19, true), w);
            text(QRectF(0, y, w, h), l_.font(19, true), kInk, b.text);
            text(QRectF(0, y + h + 1.5 * kMm, w, l_.textHeight(b.subtitle, l_.font(10), w)), l_.font(10), kMuted, b.subtitle);
            p_.setPen(QPen(kAccent, 0.8 * kMm));
            p_.drawLine(QPointF(0, y + piece.height - 0.4 * kMm), QPointF(w, y + piece.height - 0.4 * kMm));
            break;
        }
        case ReportBlock::Kind::Heading:
            text(QRectF(0, y, w, piece.height), l_.font(13.5, true), kAccent, b.text);
            p_.setPen(QPen(kRule, 0.8));
            p_.drawLine(QPointF(0, y + piece.height - 0.6 * kMm), QPointF(w, y + piece.height - 0.6 * kMm));
            break;
        case ReportBlock::Kind::Subheading: text(QRectF(0, y, w, piece.height), l_.font(10.5, true), kInk, b.text); break;
        case ReportBlock::Kind::Paragraph: text(QRectF(0, y, w, piece.height), l_.font(9), kInk, b.text); break;
        case ReportBlock::Kind::KeyValues: {
            const auto& [key, value] = b.pairs[piece.row];
            text(QRectF(0, y, w * Layout::kKeyShare - Layout::kPad, piece.height), l_.font(8.5, true), kMuted, key);
            text(QRectF(w * Layout::kKeyShare, y, w * (1 - Layout::kKeyShare), piece.height), l_.font(8.5), kInk, value);
            break;
        }
        case ReportBlock::Kind::Figures: {
            const double cardWidth = (w - 2 * Layout::kGap) / 3;
            const double top = y;
            {
                const int i = 3 * piece.row;
                const double h = piece.height;
                for (int k = 0; k < 3 && i + k < b.figures.size(); ++k) {
                    const ReportFigure& f = b.figures[i + k];
                    const QRectF card(k * (cardWidth + Layout::kGap), top, cardWidth, h);
                    p_.fillRect(card, kCard);
                    p_.fillRect(QRectF(card.left(), card.top(), 0.8 * kMm, card.height()), f.tone > 0 ? kGood : f.tone < 0 ? kBad : kAccent);
                    const double inner = cardWidth - 2 * Layout::kPad;
                    double ty = top + Layout::kPad;
                    auto line = [&](const QString& s, const QFont& font, const QColor& ink) {
                        const double th = l_.textHeight(s, font, inner);
                        text(QRectF(card.left() + Layout::kPad, ty, inner, th), font, ink, s);
                        ty += th;
                    };
                    line(f.label, l_.font(7.5), kMuted);
                    line(f.value, l_.font(14, true), f.tone > 0 ? kGood : f.tone < 0 ? kBad : kInk);
                    line(f.interval, l_.font(7), kMuted);
                }
            }
            break;
        }
        case ReportBlock::Kind::Table:
            drawTableRow(b, piece.row, y, piece.row == 0 || repeatHeader);
            break;
        case ReportBlock::Kind::Chart:
            paintChart(b, p_, QRectF(0, y, w, piece.height), 820);
            break;
        case ReportBlock::Kind::Notes: {
            const QColor ink = b.warning ? kWarn : kMuted;
            p_.fillRect(QRectF(0, y, 0.9 * kMm, piece.height), ink);
            text(QRectF(4 * kMm, y + 1 * kMm, w - 5 * kMm, piece.height - 2 * kMm), l_.font(9), kInk, b.notes[piece.row]);
            break;
        }
        }
    }

private:
    const Layout& l_;
    QPainter& p_;
};

QString reportFontFamily(const QString& language)
{
    // The CJK font carries Latin letters too; without it Chinese would come out as boxes.
    if (language.startsWith(QLatin1String("zh")) && QFontDatabase::hasFamily(QStringLiteral("Noto Sans CJK SC"))) return QStringLiteral("Noto Sans CJK SC");
    for (const QString& family : {QStringLiteral("DejaVu Sans"), QStringLiteral("Noto Sans")})
        if (QFontDatabase::hasFamily(family)) return family;
    return QFontDatabase::systemFont(QFontDatabase::GeneralFont).family();
}

const QMarginsF kPageMarginsMm(18, 14, 18, 14);

} // namespace

struct ReportPages::Plan {
    Plan(const ReportDocument& d, QPaintDevice* metrics, double width) : doc(d), layout(d, metrics, reportFontFamily(d.language), width) {}
    const ReportDocument& doc;
    Layout layout;
    QList<Piece> pieces;
    QList<QList<Placed>> placed;
    QSizeF size;
    double header = 9 * kMm, footer = 11 * kMm;
};

ReportPages::ReportPages(const ReportDocument& doc, QPaintDevice* metrics, QPageSize::PageSizeId pageSize)
{
    const QPageLayout page(QPageSize(pageSize), QPageLayout::Portrait, kPageMarginsMm, QPageLayout::Millimeter);
    const QRectF paint = page.paintRectPixels(kDpi);
    plan_ = std::make_shared<Plan>(doc, metrics, paint.width());
    Plan& p = *plan_;
    p.size = paint.size();
    p.pieces = p.layout.pieces();
    const double top = p.header, bottom = paint.height() - p.footer;
    // Which page each piece goes on, and where.
    p.placed = {{}};
    double y = top;
    for (int i = 0; i < p.pieces.size(); ++i) {
        const Piece& piece = p.pieces[i];
        const ReportBlock& block = doc.blocks[piece.block];
        const bool atTop = p.placed.last().isEmpty();
        // What must fit together: the piece, and the piece after a heading.
        double need = (atTop ? 0 : piece.spaceBefore) + piece.height;
        for (int k = i; k + 1 < p.pieces.size() && p.pieces[k].keepWithNext; ++k) need += p.pieces[k + 1].spaceBefore + p.pieces[k + 1].height;
        const bool continuesTable = block.kind == ReportBlock::Kind::Table && piece.row > 0;
        if (!atTop && (piece.newPage || y + need > bottom)) {
            p.placed.append(QList<Placed>());
            y = top;
        }
        const bool repeat = continuesTable && p.placed.last().isEmpty();
        if (!p.placed.last().isEmpty()) y += piece.spaceBefore;
        p.placed.last().append({i, y, repeat});
        y += piece.height + (repeat ? p.layout.tableHeaderHeight(block) : 0);
    }
}

int ReportPages::count() const { return int(plan_->placed.size()); }

QSizeF ReportPages::paintSize() const { return plan_->size; }

QMarginsF ReportPages::marginsMm() { return kPageMarginsMm; }

void ReportPages::paint(QPainter& painter, int page) const
{
    const Plan& p = *plan_;
    const double width = p.size.width(), bottom = p.size.height() - p.footer;
    painter.setPen(kMuted);
    painter.setFont(p.layout.font(7.5));
    painter.drawText(QRectF(0, 0, width * 0.65, p.header - 2 * kMm), Qt::AlignLeft | Qt::AlignBottom, p.doc.title);
    painter.drawText(QRectF(width * 0.35, 0, width * 0.65, p.header - 2 * kMm), Qt::AlignRight | Qt::AlignBottom, p.doc.headerRight);
    painter.setPen(QPen(kRule, 0.8));
    painter.drawLine(QPointF(0, p.header - 1.2 * kMm), QPointF(width, p.header - 1.2 * kMm));
    painter.drawLine(QPointF(0, bottom + 1.5 * kMm), QPointF(width, bottom + 1.5 * kMm));
    painter.setPen(kMuted);
    const QRectF foot(0, bottom + 2.5 * kMm, width, p.footer - 2.5 * kMm);
    painter.drawText(foot, Qt::AlignLeft | Qt::AlignTop, p.doc.footerLeft);
    painter.drawText(foot, Qt::AlignRight | Qt::AlignTop, PdfText::tr("Page %1 of %2").arg(page + 1).arg(count()));
    Painter draw(p.layout, painter);
    for (const Placed& placed : p.placed[page]) draw.draw(p.pieces[placed.piece], placed.y, placed.repeatHeader);
}

struct PdfReportWriter::State {
    ReportDocument doc;
    QSaveFile file;
    std::unique_ptr<QPdfWriter> writer;
    std::unique_ptr<ReportPages> pages;
    std::unique_ptr<QPainter> painter;
    int next = 0;
};

PdfReportWriter::PdfReportWriter() = default;
PdfReportWriter::~PdfReportWriter() = default;   // an unfinished file is discarded with it

model::Result<std::unique_ptr<PdfReportWriter>> PdfReportWriter::start(const ReportDocument& doc, const QString& path, QPageSize::PageSizeId pageSize)
{
    std::unique_ptr<PdfReportWriter> w(new PdfReportWriter);
    w->state_ = std::make_unique<State>();
    State& s = *w->state_;
    s.doc = doc;
    s.file.setFileName(path);
    if (!s.file.open(QIODevice::WriteOnly)) return model::makeError(PdfText::tr("cannot write %1: %2").arg(path, s.file.errorString()));
    s.writer = std::make_unique<QPdfWriter>(&s.file);
    s.writer->setResolution(kDpi);
    s.writer->setPageLayout(QPageLayout(QPageSize(pageSize), QPageLayout::Portrait, kPageMarginsMm, QPageLayout::Millimeter));
    s.writer->setTitle(doc.title);
    s.writer->setCreator(QStringLiteral("Campaign Workbench"));
    s.pages = std::make_unique<ReportPages>(s.doc, s.writer.get(), pageSize);
    s.painter = std::make_unique<QPainter>(s.writer.get());
    return w;
}

int PdfReportWriter::pages() const { return state_->pages->count(); }

int PdfReportWriter::drawnPages() const { return state_->next; }

bool PdfReportWriter::done() const { return state_->next >= pages(); }

void PdfReportWriter::drawNextPage()
{
    State& s = *state_;
    if (done()) return;
    if (s.next > 0) s.writer->newPage();
    s.pages->paint(*s.painter, s.next++);
}

model::Result<int> PdfReportWriter::finish()
{
    State& s = *state_;
    while (!done()) drawNextPage();
    const QString path = s.file.fileName();
    if (!s.painter->end()) return model::makeError(PdfText::tr("cannot write %1: the PDF could not be drawn").arg(path));
    s.painter.reset();
    s.writer.reset();   // flushes the PDF into the file
    if (!s.file.commit()) return model::makeError(PdfText::tr("cannot write %1: %2").arg(path, s.file.errorString()));
    return pages();
}

model::Result<int> writePdfReport(const ReportDocument& doc, const QString& path, QPageSize::PageSizeId pageSize)
{
    auto writer = PdfReportWriter::start(doc, path, pageSize);
    if (!writer) return writer.error();
    return writer.value()->finish();
}

// Laid out at the PDF's resolution (an image that only answers font metrics), drawn scaled.
ReportPreview::ReportPreview(ReportDocument doc, QPageSize::PageSizeId pageSize, int widthPixels)
    : doc_(std::make_unique<ReportDocument>(std::move(doc))), metrics_(1, 1, QImage::Format_RGB32), pageSize_(pageSize), width_(widthPixels)
{
    metrics_.setDotsPerMeterX(qRound(kDpi / 0.0254));
    metrics_.setDotsPerMeterY(qRound(kDpi / 0.0254));
    pages_ = std::make_unique<ReportPages>(*doc_, &metrics_, pageSize);
}

ReportPreview::~ReportPreview() = default;

int ReportPreview::count() const { return pages_->count(); }

QImage ReportPreview::page(int index) const
{
    const QSizeF full = QPageSize(pageSize_).sizePixels(kDpi);
    const double scale = width_ / full.width();
    const QMarginsF margins = ReportPages::marginsMm() * kMm;
    QImage image(QSize(width_, qRound(full.height() * scale)), QImage::Format_RGB32);
    image.setDotsPerMeterX(metrics_.dotsPerMeterX());   // fonts sized as laid out, then scaled down
    image.setDotsPerMeterY(metrics_.dotsPerMeterY());
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.scale(scale, scale);
    painter.translate(margins.left(), margins.top());
    pages_->paint(painter, index);
    painter.end();
    return image;
}

QList<QImage> renderReportPages(const ReportDocument& doc, QPageSize::PageSizeId pageSize, int widthPixels)
{
    const ReportPreview preview(doc, pageSize, widthPixels);
    QList<QImage> out;
    for (int pg = 0; pg < preview.count(); ++pg) out << preview.page(pg);
    return out;
}

} // namespace cwb::ui
