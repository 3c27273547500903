#include "report/report_document.h"

#include <QBuffer>
#include <QChart>
#include <QGraphicsScene>
#include <QPainter>
#include <QSvgGenerator>

#include <memory>

namespace cwb::ui {

ReportBlock& ReportDocument::add(ReportBlock::Kind kind, const QString& text)
{
    ReportBlock b;
    b.kind = kind;
    b.text = text;
    blocks.append(std::move(b));
    return blocks.last();
}

void paintChart(const ReportBlock& block, QPainter& painter, const QRectF& target, int logicalWidth)
{
    QGraphicsScene scene;
    QChart* chart = block.chart();
    scene.addItem(chart);   // the scene owns it now
    const QSizeF size(logicalWidth, logicalWidth * block.chartAspect);
    chart->resize(size);
    scene.setSceneRect(QRectF(QPointF(0, 0), size));
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    scene.render(&painter, target, QRectF(QPointF(0, 0), size), Qt::KeepAspectRatio);
    painter.restore();
}

QByteArray chartSvg(const ReportBlock& block, int width)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const QSize size(width, qRound(width * block.chartAspect));
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setTitle(block.text);
    {
        QPainter painter(&svg);
        paintChart(block, painter, QRectF(QPointF(0, 0), QSizeF(size)), width);
    }
    return buffer.data();
}

} // namespace cwb::ui
