#include "report/html_report_writer.h"

#include <QCoreApplication>
#include <QSaveFile>

namespace cwb::ui {

namespace {

class HtmlText {
    Q_DECLARE_TR_FUNCTIONS(HtmlReportWriter)
};

QString esc(const QString& s) { return s.toHtmlEscaped(); }

QString number(double v) { return std::isfinite(v) ? QString::number(v, 'g', 17) : QStringLiteral("null"); }

const char* kStyle = R"(
body { font-family: "Noto Sans CJK SC", "DejaVu Sans", "Segoe UI", Arial, sans-serif; color: #212121; margin: 0; background: #fff; }
main { max-width: 860px; margin: 0 auto; padding: 28px 32px 48px; }
h1 { font-size: 26px; margin: 0 0 4px; }
.subtitle { color: #616161; margin: 0 0 10px; }
.rule { border-bottom: 3px solid #1565c0; margin-bottom: 14px; }
h2 { color: #1565c0; font-size: 19px; border-bottom: 1px solid #bdbdbd; padding-bottom: 3px; margin: 30px 0 10px; }
h3 { font-size: 15px; margin: 20px 0 6px; }
p { line-height: 1.45; margin: 8px 0; }
dl.facts { display: grid; grid-template-columns: 30% 70%; margin: 8px 0; }
dl.facts dt { color: #616161; font-weight: bold; padding: 3px 8px 3px 0; }
dl.facts dd { margin: 0; padding: 3px 0; }
.figures { display: grid; grid-template-columns: repeat(3, 1fr); gap: 10px; margin: 12px 0; }
.figure { background: #f5f7f9; border-left: 4px solid #1565c0; padding: 8px 10px; }
.figure.good { border-left-color: #2e7d32; } .figure.bad { border-left-color: #c62828; }
.figure .label { color: #616161; font-size: 12px; }
.figure .value { font-size: 22px; font-weight: bold; }
.figure.good .value { color: #2e7d32; } .figure.bad .value { color: #c62828; }
.figure .interval { color: #616161; font-size: 11px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 13px; }
th { background: #eceff1; text-align: left; padding: 5px 7px; }
td { padding: 5px 7px; border-bottom: 1px solid #e0e0e0; vertical-align: top; }
tr:nth-child(even) td { background: #f7f9fa; }
.num { text-align: right; white-space: nowrap; }
figure.chart { margin: 14px 0; }
figure.chart img { width: 100%; height: auto; display: block; }
ul.notes { padding-left: 0; list-style: none; }
ul.notes li { border-left: 4px solid #757575; padding: 4px 10px; margin: 4px 0; }
ul.notes.warnings li { border-left-color: #ef6c00; background: #fff8e1; }
footer { color: #757575; font-size: 12px; margin-top: 36px; border-top: 1px solid #bdbdbd; padding-top: 6px; }
.figures, figure.chart, tr, dl.facts, ul.notes li { break-inside: avoid; page-break-inside: avoid; }
h2, h3 { break-after: avoid; page-break-after: avoid; }
.newpage { break-before: page; page-break-before: always; }
@media print { main { max-width: none; padding: 0; } @page { margin: 16mm; } }
)";

QString block(const ReportBlock& b)
{
    const QString id = b.anchor.isEmpty() ? QString() : QStringLiteral(" id=\"%1\"").arg(esc(b.anchor));
    const QString cls = b.newPage ? QStringLiteral(" class=\"newpage\"") : QString();
    QString out;
    switch (b.kind) {
    case ReportBlock::Kind::Title:
        return QStringLiteral("<header%1><h1>%2</h1><p class=\"subtitle\">%3</p><div class=\"rule\"></div></header>\n").arg(id, esc(b.text), esc(b.subtitle));
    case ReportBlock::Kind::Heading: return QStringLiteral("<h2%1%2>%3</h2>\n").arg(id, cls, esc(b.text));
    case ReportBlock::Kind::Subheading: return QStringLiteral("<h3%1>%2</h3>\n").arg(id, esc(b.text));
    case ReportBlock::Kind::Paragraph: return QStringLiteral("<p%1>%2</p>\n").arg(id, esc(b.text));
    case ReportBlock::Kind::KeyValues:
        out = QStringLiteral("<dl class=\"facts\"%1>\n").arg(id);
        for (const auto& [key, value] : b.pairs) out += QStringLiteral("<dt>%1</dt><dd>%2</dd>\n").arg(esc(key), esc(value));
        return out + QStringLiteral("</dl>\n");
    case ReportBlock::Kind::Figures:
        out = QStringLiteral("<div class=\"figures\"%1>\n").arg(id);
        for (const ReportFigure& f : b.figures) {
            const QString tone = f.tone > 0 ? QStringLiteral(" good") : f.tone < 0 ? QStringLiteral(" bad") : QString();
            QString data = QStringLiteral(" data-key=\"%1\" data-value=\"%2\"").arg(esc(f.key), number(f.raw));
            if (f.hasInterval) data += QStringLiteral(" data-low=\"%1\" data-high=\"%2\"").arg(number(f.rawLow), number(f.rawHigh));
            out += QStringLiteral("<div class=\"figure%1\"%2><div class=\"label\">%3</div><div class=\"value\">%4</div><div class=\"interval\">%5</div></div>\n")
                       .arg(tone, data, esc(f.label), esc(f.value), esc(f.interval));
        }
        return out + QStringLiteral("</div>\n");
    case ReportBlock::Kind::Table: {
        out = QStringLiteral("<table%1>\n<thead><tr>").arg(id);
        auto cellClass = [&](qsizetype i) { return i < b.table.numeric.size() && b.table.numeric[i] ? QStringLiteral(" class=\"num\"") : QString(); };
        for (qsizetype i = 0; i < b.table.header.size(); ++i) out += QStringLiteral("<th%1>%2</th>").arg(cellClass(i), esc(b.table.header[i]));
        out += QStringLiteral("</tr></thead>\n<tbody>\n");
        for (const QStringList& row : b.table.rows) {
            out += QStringLiteral("<tr>");
            for (qsizetype i = 0; i < row.size(); ++i) out += QStringLiteral("<td%1>%2</td>").arg(cellClass(i), esc(row[i]));
            out += QStringLiteral("</tr>\n");
        }
        return out + QStringLiteral("</tbody>\n</table>\n");
    }
    case ReportBlock::Kind::Chart: {
        const QByteArray svg = chartSvg(b, 820);
        return QStringLiteral("<figure class=\"chart\"%1><img alt=\"%2\" src=\"data:image/svg+xml;base64,%3\"/></figure>\n")
            .arg(id, esc(b.text), QString::fromLatin1(svg.toBase64()));
    }
    case ReportBlock::Kind::Notes:
        out = QStringLiteral("<ul class=\"notes%1\"%2>\n").arg(b.warning ? QStringLiteral(" warnings") : QString(), id);
        for (const QString& n : b.notes) out += QStringLiteral("<li>%1</li>\n").arg(esc(n));
        return out + QStringLiteral("</ul>\n");
    }
    return {};
}

} // namespace

QString reportHtml(const ReportDocument& doc)
{
    const QString lang = doc.language == QLatin1String("zh_CN") ? QStringLiteral("zh-CN") : QStringLiteral("en");
    QString out = QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                                 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
                                 "<meta name=\"generator\" content=\"Campaign Workbench\"/>\n<title>%2</title>\n<style>%3</style>\n</head>\n<body>\n<main>\n")
                      .arg(lang, esc(doc.title), QString::fromLatin1(kStyle));
    for (const ReportBlock& b : doc.blocks) out += block(b);
    out += QStringLiteral("<footer>%1 · %2</footer>\n</main>\n</body>\n</html>\n").arg(esc(doc.footerLeft), esc(doc.headerRight));
    return out;
}

model::Status writeHtmlReport(const ReportDocument& doc, const QString& path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return model::makeError(HtmlText::tr("cannot write %1: %2").arg(path, file.errorString()));
    const QByteArray bytes = reportHtml(doc).toUtf8();
    if (file.write(bytes) != bytes.size() || !file.commit()) return model::makeError(HtmlText::tr("cannot write %1: %2").arg(path, file.errorString()));
    return std::nullopt;
}

} // namespace cwb::ui
