#include "report/campaign_charts.h"

#include <QAbstractBarSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCoreApplication>
#include <QDateTime>
#include <QHorizontalBarSeries>
#include <QJsonObject>
#include <QLegendMarker>
#include <QLineSeries>
#include <QScatterSeries>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace cwb::ui {

namespace {

class Charts {
    Q_DECLARE_TR_FUNCTIONS(CampaignCharts)
};

const QColor kGain(0x2e, 0x7d, 0x32), kCost(0xc6, 0x28, 0x28), kTotal(0x15, 0x65, 0xc0), kGrey(0x75, 0x75, 0x75), kAccent(0xef, 0x6c, 0x00);

QFont pixelFont(int pixels, bool bold = false)
{
    QFont f;
    f.setPixelSize(pixels);
    f.setBold(bold);
    return f;
}

void styleAxis(QAbstractAxis* axis, const QString& title)
{
    axis->setTitleText(title);
    axis->setTitleFont(pixelFont(13));
    axis->setLabelsFont(pixelFont(12));
}

// A value axis over [low, high] (0 included), nice ticks, labels through `format`.
QValueAxis* valueAxis(double low, double high, const QString& title, const QString& labelFormat = QStringLiteral("%.0f"))
{
    auto* axis = new QValueAxis;
    low = std::min(low, 0.0);
    high = std::max(high, 0.0);
    if (high - low < 1e-9) high = low + 1;
    const double pad = 0.05 * (high - low);
    axis->setRange(low < 0 ? low - pad : low, high > 0 ? high + pad : high);
    axis->applyNiceNumbers();
    axis->setLabelFormat(labelFormat);
    styleAxis(axis, title);
    return axis;
}

// Money axes count in millions when the amounts are that large, and say so in the title.
struct MoneyScale {
    double divisor = 1;
    QString suffix;
};

MoneyScale moneyScale(double largest)
{
    if (largest >= 5e6) return {1e6, Charts::tr("millions")};
    return {};
}

QString moneyTitle(const QString& what, const MoneyScale& scale, const ReportFormat& format)
{
    QString unit = format.moneyUnit();
    if (!scale.suffix.isEmpty()) unit = unit.isEmpty() ? scale.suffix : QStringLiteral("%1, %2").arg(unit, scale.suffix);
    return unit.isEmpty() ? what : QStringLiteral("%1 (%2)").arg(what, unit);
}

QBarSet* barSet(const QString& name, const QColor& color)
{
    auto* set = new QBarSet(name);
    set->setColor(color);
    set->setBorderColor(color);
    return set;
}

QString elide(const QString& s, int length) { return s.size() <= length ? s : s.left(length - 1) + QStringLiteral("…"); }

QString sweepTitle(const QString& parameter, const ReportFormat& format)
{
    if (parameter == QLatin1String("amount_off"))
        return format.moneyUnit().isEmpty() ? Charts::tr("Amount off") : Charts::tr("Amount off (%1)").arg(format.moneyUnit());
    if (parameter == QLatin1String("points_multiplier")) return Charts::tr("Points multiplier (×)");
    return Charts::tr("Discount (% off)");
}

QChart* newChart(const QString& title)
{
    auto* chart = new QChart;
    chart->setTitle(title);
    styleForPrint(chart);
    return chart;
}

// Adds bars with their axes: the categories along the bottom (down the left for horizontal
// bars) and `values` across the other way.
void addBars(QChart* chart, QAbstractBarSeries* series, const QStringList& categories, const QString& categoryTitle, QValueAxis* values,
             bool horizontal = false)
{
    chart->addSeries(series);
    auto* axis = new QBarCategoryAxis;
    axis->append(categories);
    styleAxis(axis, categoryTitle);
    chart->addAxis(axis, horizontal ? Qt::AlignLeft : Qt::AlignBottom);
    chart->addAxis(values, horizontal ? Qt::AlignBottom : Qt::AlignLeft);
    series->attachAxis(axis);
    series->attachAxis(values);
}

} // namespace

void styleForPrint(QChart* chart)
{
    chart->setTheme(QChart::ChartThemeLight);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundBrush(Qt::white);
    chart->setBackgroundRoundness(0);
    chart->setDropShadowEnabled(false);
    chart->setTitleFont(pixelFont(15, true));
    chart->legend()->setFont(pixelFont(12));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(6, 6, 6, 6));
    // Axis labels with the reader's thousands separators and decimal mark.
    chart->setLocalizeNumbers(true);
    chart->setLocale(QLocale());
}

QChart* profitWaterfallChart(const engine::PreviewTotals& t, double grossMargin, const ReportFormat& format)
{
    struct Step {
        QString label;
        double delta;
        int kind;   // 0 gain, 1 cost, 2 total
    };
    const QList<Step> steps{{Charts::tr("Extra margin"), grossMargin * t.incrementalRevenue.value, 0},
                            {Charts::tr("Discount"), -t.incrementalDiscount.value, 1},
                            {Charts::tr("Subsidy"), -t.subsidy.value, 1},
                            {Charts::tr("Contact cost"), -t.contactCost.value, 1},
                            {Charts::tr("Net"), t.incrementalProfit.value, 2}};
    // Each bar spans [low, high]; stacked bars stack positive values up from zero and negative
    // ones down, so a transparent base lifts a bar that lies wholly on one side of zero.
    double largest = 0;
    for (const Step& s : steps) largest = std::max(largest, std::fabs(s.delta));
    double running = 0;
    std::vector<std::pair<double, double>> spans;
    for (const Step& s : steps) {
        const double start = s.kind == 2 ? 0 : running, end = s.kind == 2 ? s.delta : running + s.delta;
        spans.emplace_back(std::min(start, end), std::max(start, end));
        if (s.kind != 2) running = end;
        largest = std::max({largest, std::fabs(start), std::fabs(end)});
    }
    const MoneyScale scale = moneyScale(largest);
    auto* base = new QBarSet(QString());
    base->setColor(Qt::transparent);
    base->setBorderColor(Qt::transparent);
    QBarSet* kinds[3] = {new QBarSet(Charts::tr("Margin on the extra sales")),
                         new QBarSet(Charts::tr("Costs (discount, subsidy, contacts)")),
                         new QBarSet(Charts::tr("Incremental profit"))};
    QBarSet* below[3] = {new QBarSet(QString()), new QBarSet(QString()), new QBarSet(QString())};
    const QColor colors[3] = {kGain, kCost, kTotal};
    QStringList categories;
    double low = 0, high = 0;
    for (qsizetype i = 0; i < steps.size(); ++i) {
        categories << steps[i].label;
        const double lo = spans[std::size_t(i)].first / scale.divisor, hi = spans[std::size_t(i)].second / scale.divisor;
        low = std::min(low, lo);
        high = std::max(high, hi);
        double baseValue = 0, up = 0, down = 0;
        if (lo >= 0) baseValue = lo, up = hi - lo;
        else if (hi <= 0) baseValue = hi, down = lo - hi;
        else up = hi, down = lo;
        *base << baseValue;
        for (int k = 0; k < 3; ++k) {
            *kinds[k] << (k == steps[i].kind ? up : 0.0);
            *below[k] << (k == steps[i].kind ? down : 0.0);
        }
    }
    auto* series = new QStackedBarSeries;
    series->append(base);
    for (int k = 0; k < 3; ++k) {
        kinds[k]->setColor(colors[k]);
        below[k]->setColor(colors[k]);
        kinds[k]->setBorderColor(colors[k]);
        below[k]->setBorderColor(colors[k]);
        series->append(kinds[k]);
        series->append(below[k]);
    }
    series->setBarWidth(0.6);
    QChart* chart = newChart(Charts::tr("Where the incremental profit comes from"));
    addBars(chart, series, categories, QString(), valueAxis(low, high, moneyTitle(Charts::tr("Expected amount"), scale, format)));
    // Only the three colours need a legend entry.
    const QList<QLegendMarker*> markers = chart->legend()->markers(series);
    for (QLegendMarker* m : markers) m->setVisible(m->label() == kinds[0]->label() || m->label() == kinds[1]->label() || m->label() == kinds[2]->label());
    return chart;
}

QChart* profitByDepthChart(const std::vector<engine::DepthPoint>& curve, double reachedShare, const ReportFormat& format)
{
    double low = 0, high = 0;
    for (const engine::DepthPoint& d : curve) low = std::min(low, d.incrementalProfit), high = std::max(high, d.incrementalProfit);
    const MoneyScale scale = moneyScale(std::max(std::fabs(low), std::fabs(high)));
    auto* line = new QLineSeries;
    line->setName(Charts::tr("Expected incremental profit"));
    line->setPen(QPen(kTotal, 2.5));
    const engine::DepthPoint* chosen = nullptr;
    for (const engine::DepthPoint& d : curve) {
        line->append(100 * d.share, d.incrementalProfit / scale.divisor);
        if (!chosen || std::fabs(d.share - reachedShare) < std::fabs(chosen->share - reachedShare)) chosen = &d;
    }
    QChart* chart = newChart(Charts::tr("Incremental profit by targeting depth"));
    chart->addSeries(line);
    auto* marker = new QScatterSeries;
    marker->setName(Charts::tr("This campaign (%1 of eligible users)").arg(format.percent(reachedShare)));
    marker->setColor(kAccent);
    marker->setBorderColor(kAccent);
    marker->setMarkerSize(14);
    if (chosen) marker->append(100 * chosen->share, chosen->incrementalProfit / scale.divisor);
    chart->addSeries(marker);
    auto* x = new QValueAxis;
    x->setRange(0, 100);
    x->setTickCount(11);
    x->setLabelFormat(QStringLiteral("%.0f"));
    styleAxis(x, Charts::tr("Users reached, best first (% of eligible users)"));
    auto* y = valueAxis(low / scale.divisor, high / scale.divisor, moneyTitle(Charts::tr("Incremental profit"), scale, format));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* s : chart->series()) s->attachAxis(x), s->attachAxis(y);
    return chart;
}

QChart* roiByDiscountChart(const QList<model::DiscountPoint>& sweep, const QString& parameter, double current, const ReportFormat& format)
{
    auto* roi = new QLineSeries;
    roi->setName(Charts::tr("ROI"));
    roi->setPen(QPen(kTotal, 2.5));
    auto* incremental = new QLineSeries;
    incremental->setName(Charts::tr("Incremental ROI"));
    incremental->setPen(QPen(kGain, 2.5));
    double low = 0, high = 0, xLow = 0, xHigh = 1;
    const model::DiscountPoint* nearest = nullptr;
    for (const model::DiscountPoint& d : sweep) {
        if (std::isfinite(d.roi)) roi->append(d.value, d.roi), low = std::min(low, d.roi), high = std::max(high, d.roi);
        if (std::isfinite(d.incrementalRoi))
            incremental->append(d.value, d.incrementalRoi), low = std::min(low, d.incrementalRoi), high = std::max(high, d.incrementalRoi);
        xHigh = std::max(xHigh, d.value);
        if (!nearest || std::fabs(d.value - current) < std::fabs(nearest->value - current)) nearest = &d;
    }
    if (parameter == QLatin1String("points_multiplier")) xLow = 1;
    QChart* chart = newChart(Charts::tr("Return on the campaign's cost by discount depth"));
    chart->addSeries(roi);
    chart->addSeries(incremental);
    auto* marker = new QScatterSeries;
    marker->setName(Charts::tr("This campaign"));
    marker->setColor(kAccent);
    marker->setBorderColor(kAccent);
    marker->setMarkerSize(14);
    if (nearest && std::isfinite(nearest->roi)) marker->append(nearest->value, nearest->roi);
    if (nearest && std::isfinite(nearest->incrementalRoi)) marker->append(nearest->value, nearest->incrementalRoi);
    chart->addSeries(marker);
    auto* x = new QValueAxis;
    x->setRange(xLow, xHigh);
    x->applyNiceNumbers();
    x->setLabelFormat(parameter == QLatin1String("points_multiplier") ? QStringLiteral("%.1f") : QStringLiteral("%.0f"));
    styleAxis(x, sweepTitle(parameter, format));
    auto* y = valueAxis(low, high, Charts::tr("Return per unit of cost (×)"), QStringLiteral("%.1f"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* s : chart->series()) s->attachAxis(x), s->attachAxis(y);
    return chart;
}

QChart* segmentBreakdownChart(const QList<model::SegmentPreview>& segments, const ReportFormat& format)
{
    double low = 0, high = 0;
    for (const model::SegmentPreview& s : segments)
        low = std::min(low, s.totals.incrementalProfit.value), high = std::max(high, s.totals.incrementalProfit.value);
    const MoneyScale scale = moneyScale(std::max(std::fabs(low), std::fabs(high)));
    auto* profit = barSet(Charts::tr("Expected incremental profit"), kTotal);
    QStringList names;
    // Horizontal bars run bottom-up: add the segments in reverse to read top-down as listed.
    for (qsizetype i = segments.size() - 1; i >= 0; --i) {
        names << elide(segments[i].name, 28);
        *profit << segments[i].totals.incrementalProfit.value / scale.divisor;
    }
    auto* series = new QHorizontalBarSeries;
    series->append(profit);
    series->setBarWidth(0.6);
    QChart* chart = newChart(Charts::tr("Incremental profit by segment"));
    addBars(chart, series, names, QString(),
            valueAxis(low / scale.divisor, high / scale.divisor, moneyTitle(Charts::tr("Expected incremental profit"), scale, format)), true);
    chart->legend()->setVisible(false);
    return chart;
}

QChart* hourlyUptakeChart(const QList<model::HourPoint>& hours, const ReportFormat& format)
{
    Q_UNUSED(format);
    auto* set = barSet(Charts::tr("Expected redemptions"), kAccent);
    QStringList labels;
    double high = 0;
    for (const model::HourPoint& h : hours) {
        labels << QDateTime::fromSecsSinceEpoch(h.hourStart, Qt::UTC).toString(QStringLiteral("HH:00"));
        *set << h.redemptions;
        high = std::max(high, h.redemptions);
    }
    auto* series = new QBarSeries;
    series->append(set);
    series->setBarWidth(0.7);
    QChart* chart = newChart(Charts::tr("Expected redemptions by hour of the sale"));
    addBars(chart, series, labels, Charts::tr("Hour starting (UTC)"), valueAxis(0, high, Charts::tr("Redemptions")));
    chart->legend()->setVisible(false);
    return chart;
}

QChart* uptakeDistributionChart(const QList<double>& bins, double binWidth, const ReportFormat& format)
{
    auto* set = barSet(Charts::tr("Reached users"), kTotal);
    QStringList labels;
    double high = 0;
    for (qsizetype i = 0; i < bins.size(); ++i) {
        // Every other bin labelled: twenty labels do not fit under a chart of the designer's width.
        labels << (i % 2 == 0 ? format.percent(double(i) * binWidth) : QString(qsizetype(i), QChar(0x200B)));
        *set << 100 * bins[i];
        high = std::max(high, 100 * bins[i]);
    }
    auto* series = new QBarSeries;
    series->append(set);
    series->setBarWidth(0.9);
    QChart* chart = newChart(Charts::tr("Reached users by their chance to redeem"));
    addBars(chart, series, labels, Charts::tr("Chance to redeem (bins of %1, from)").arg(format.percent(binWidth)),
            valueAxis(0, high, Charts::tr("Share of reached users (%)")));
    chart->legend()->setVisible(false);
    return chart;
}

QChart* depthComparisonChart(const QList<QPair<QString, std::vector<engine::DepthPoint>>>& campaigns, const ReportFormat& format)
{
    const QColor colors[] = {kTotal, kAccent, kGain, kCost};
    double low = 0, high = 0, users = 1;
    for (const auto& c : campaigns)
        for (const engine::DepthPoint& d : c.second) low = std::min(low, d.incrementalProfit), high = std::max(high, d.incrementalProfit), users = std::max(users, double(d.users));
    const MoneyScale scale = moneyScale(std::max(std::fabs(low), std::fabs(high)));
    QChart* chart = newChart(Charts::tr("Incremental profit by users reached, best first"));
    for (qsizetype i = 0; i < campaigns.size(); ++i) {
        auto* line = new QLineSeries;
        line->setName(elide(campaigns[i].first, 40));
        line->setPen(QPen(colors[i % 4], 2.5));
        for (const engine::DepthPoint& d : campaigns[i].second) line->append(double(d.users), d.incrementalProfit / scale.divisor);
        chart->addSeries(line);
    }
    auto* x = valueAxis(0, users, Charts::tr("Users reached"));
    x->setLabelFormat(QStringLiteral("%.0f"));
    auto* y = valueAxis(low / scale.divisor, high / scale.divisor, moneyTitle(Charts::tr("Incremental profit"), scale, format));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* s : chart->series()) s->attachAxis(x), s->attachAxis(y);
    return chart;
}

QChart* calibrationChart(const QJsonArray& calibration, const ReportFormat& format)
{
    Q_UNUSED(format);
    auto* points = new QLineSeries;
    points->setName(Charts::tr("This model"));
    points->setPen(QPen(kTotal, 2.5));
    points->setPointsVisible(true);
    double high = 0;
    for (const QJsonValue& v : calibration) {
        const QJsonObject b = v.toObject();
        const double predicted = 100 * b.value(QStringLiteral("mean_predicted")).toDouble();
        const double observed = 100 * b.value(QStringLiteral("observed_rate")).toDouble();
        points->append(predicted, observed);
        high = std::max({high, predicted, observed});
    }
    auto* diagonal = new QLineSeries;
    diagonal->setName(Charts::tr("Perfect calibration"));
    diagonal->setPen(QPen(kGrey, 1.5, Qt::DashLine));
    diagonal->append(0, 0);
    diagonal->append(high * 1.05, high * 1.05);
    QChart* chart = newChart(Charts::tr("Calibration on the test rows"));
    chart->addSeries(diagonal);
    chart->addSeries(points);
    const QString format1 = high < 5 ? QStringLiteral("%.1f") : QStringLiteral("%.0f");
    auto* x = valueAxis(0, high, Charts::tr("Predicted (%)"), format1);
    auto* y = valueAxis(0, high, Charts::tr("Observed (%)"), format1);
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* s : chart->series()) s->attachAxis(x), s->attachAxis(y);
    return chart;
}

QChart* campaignComparisonChart(const QList<QPair<QString, engine::PreviewTotals>>& campaigns, const ReportFormat& format)
{
    double low = 0, high = 0;
    for (const auto& c : campaigns) {
        low = std::min({low, c.second.incrementalProfit.value, c.second.totalCost.value});
        high = std::max({high, c.second.incrementalProfit.value, c.second.totalCost.value});
    }
    const MoneyScale scale = moneyScale(std::max(std::fabs(low), std::fabs(high)));
    auto* profit = barSet(Charts::tr("Expected incremental profit"), kTotal);
    auto* cost = barSet(Charts::tr("Expected total cost"), kCost);
    QStringList names;
    for (const auto& c : campaigns) {
        names << elide(c.first, 24);
        *profit << c.second.incrementalProfit.value / scale.divisor;
        *cost << c.second.totalCost.value / scale.divisor;
    }
    auto* series = new QBarSeries;
    series->append(profit);
    series->append(cost);
    QChart* chart = newChart(Charts::tr("The campaigns side by side"));
    addBars(chart, series, names, QString(), valueAxis(low / scale.divisor, high / scale.divisor, moneyTitle(Charts::tr("Expected amount"), scale, format)));
    return chart;
}

namespace {

QLineSeries* diagonal(const QString& name, double x1, double y1)
{
    auto* line = new QLineSeries;
    line->setName(name);
    line->setPen(QPen(kGrey, 1.5, Qt::DashLine));
    line->append(0, 0);
    line->append(x1, y1);
    return line;
}

QValueAxis* percentAxis(const QString& title)
{
    auto* axis = new QValueAxis;
    axis->setRange(0, 100);
    axis->setTickCount(6);
    axis->setLabelFormat(QStringLiteral("%.0f"));
    styleAxis(axis, title);
    return axis;
}

void addLines(QChart* chart, QValueAxis* x, QValueAxis* y)
{
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries* s : chart->series()) s->attachAxis(x), s->attachAxis(y);
}

} // namespace

QChart* rocChart(const std::vector<engine::RocPoint>& curve, double auc, const ReportFormat& format)
{
    auto* line = new QLineSeries;
    line->setName(Charts::tr("This model (AUC %1)").arg(format.decimal(auc, 3)));
    line->setPen(QPen(kTotal, 2.5));
    for (const engine::RocPoint& p : curve) line->append(100 * p.falsePositiveRate, 100 * p.truePositiveRate);
    QChart* chart = newChart(Charts::tr("ROC curve on the test rows"));
    chart->addSeries(diagonal(Charts::tr("Guessing"), 100, 100));
    chart->addSeries(line);
    addLines(chart, percentAxis(Charts::tr("False positive rate (%)")), percentAxis(Charts::tr("True positive rate (%)")));
    return chart;
}

QChart* gainChart(const std::vector<engine::LiftRow>& lift, const ReportFormat& format)
{
    Q_UNUSED(format);
    auto* line = new QLineSeries;
    line->setName(Charts::tr("This model"));
    line->setPen(QPen(kTotal, 2.5));
    line->setPointsVisible(true);
    line->append(0, 0);
    Eigen::Index rows = 0, total = 0;
    for (const engine::LiftRow& r : lift) total += r.count;
    for (const engine::LiftRow& r : lift) {
        rows += r.count;
        line->append(total > 0 ? 100.0 * double(rows) / double(total) : 0, 100 * r.cumulativeGain);
    }
    QChart* chart = newChart(Charts::tr("Cumulative gain on the test rows"));
    chart->addSeries(diagonal(Charts::tr("Random order"), 100, 100));
    chart->addSeries(line);
    addLines(chart, percentAxis(Charts::tr("Users contacted, best first (%)")), percentAxis(Charts::tr("Positives found (%)")));
    return chart;
}

QChart* qiniChart(const std::vector<engine::CurvePoint>& curve, double qini, const ReportFormat& format)
{
    auto* line = new QLineSeries;
    line->setName(Charts::tr("This model (Qini %1)").arg(format.decimal(qini, 3)));
    line->setPen(QPen(kTotal, 2.5));
    const double users = curve.empty() ? 1 : std::max(1.0, curve.back().targeted);
    double low = 0, high = 0;
    for (const engine::CurvePoint& p : curve) {
        line->append(100 * p.targeted / users, p.value);
        low = std::min(low, p.value), high = std::max(high, p.value);
    }
    QChart* chart = newChart(Charts::tr("Qini curve on the test rows"));
    chart->addSeries(diagonal(Charts::tr("Random targeting"), 100, curve.empty() ? 0 : curve.back().value));
    chart->addSeries(line);
    addLines(chart, percentAxis(Charts::tr("Users targeted, best first (%)")),
             valueAxis(low, high, Charts::tr("Incremental positives"), QStringLiteral("%.0f")));
    return chart;
}

QChart* importanceChart(const QList<model::FeatureImportance>& importance, int top, const ReportFormat& format)
{
    Q_UNUSED(format);
    auto* set = barSet(Charts::tr("Share of the importance"), kTotal);
    QStringList names;
    double high = 0;
    const int n = std::min<int>(top, int(importance.size()));
    for (int i = n - 1; i >= 0; --i) {
        const model::FeatureImportance& f = importance[i];
        const QString sign = !f.hasCoefficient ? QString() : f.coefficient >= 0 ? QStringLiteral(" (+)") : QStringLiteral(" (−)");
        names << elide(f.feature, 30) + sign;
        *set << 100 * f.importance;
        high = std::max(high, 100 * f.importance);
    }
    auto* series = new QHorizontalBarSeries;
    series->append(set);
    series->setBarWidth(0.65);
    QChart* chart = newChart(Charts::tr("What drives the predictions"));
    addBars(chart, series, names, QString(), valueAxis(0, high, Charts::tr("Share of the importance (%)"), QStringLiteral("%.0f")), true);
    chart->legend()->setVisible(false);
    return chart;
}

void replaceChart(QChartView* view, QChart* chart)
{
    QChart* old = view->chart();
    view->setChart(chart);
    delete old;
}

} // namespace cwb::ui
