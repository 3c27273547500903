#pragma once
// The charts of a campaign forecast and its model, built once for every
// place that shows them: the campaign designer, the Reports page and the
// exported PDF and HTML reports. Each returns a new QChart the caller owns
// (a QChartView takes it over), with axis titles and units, and numbers in
// the reader's language and currency.

#include "campaigns/campaign_preview.h"
#include "metrics/classification.h"
#include "metrics/uplift_metrics.h"
#include "report/report_format.h"
#include "training/evaluation.h"

#include <QJsonArray>
#include <QList>
#include <QPair>

class QChart;
class QChartView;

namespace cwb::ui {

// Incremental profit as a waterfall: the margin on the extra sales, less the discount to
// incremental buyers, the subsidy to buyers who would have bought anyway and the contact cost.
QChart* profitWaterfallChart(const engine::PreviewTotals& totals, double grossMargin, const ReportFormat& format);
// Expected incremental profit by the share of eligible users reached (best first), the
// campaign's reach marked.
QChart* profitByDepthChart(const std::vector<engine::DepthPoint>& curve, double reachedShare, const ReportFormat& format);
// ROI and incremental ROI by the discount (percent off, amount off or points multiplier), the
// campaign's value marked.
QChart* roiByDiscountChart(const QList<model::DiscountPoint>& sweep, const QString& parameter, double current, const ReportFormat& format);
// Incremental profit and expected redemptions of each segment's reached users.
QChart* segmentBreakdownChart(const QList<model::SegmentPreview>& segments, const ReportFormat& format);
// Flash sales: expected redemptions by hour.
QChart* hourlyUptakeChart(const QList<model::HourPoint>& hours, const ReportFormat& format);
// The reached users by their chance to redeem: `bins` are shares of them, bin i covering
// [i, i + 1) x binWidth.
QChart* uptakeDistributionChart(const QList<double>& bins, double binWidth, const ReportFormat& format);
// Several campaigns' incremental profit by users reached (best first), on shared axes.
QChart* depthComparisonChart(const QList<QPair<QString, std::vector<engine::DepthPoint>>>& campaigns, const ReportFormat& format);
// A model's calibration on its test rows: mean predicted against observed rate per bin
// (the metrics' "calibration" array), with the diagonal of a perfect model.
QChart* calibrationChart(const QJsonArray& calibration, const ReportFormat& format);
// A model's ROC curve on its test rows, with the diagonal of guessing.
QChart* rocChart(const std::vector<engine::RocPoint>& curve, double auc, const ReportFormat& format);
// Cumulative gain: the share of all positives found in the top deciles by score.
QChart* gainChart(const std::vector<engine::LiftRow>& lift, const ReportFormat& format);
// An uplift model's Qini curve (incremental positives by users targeted, best first), with the
// line of random targeting.
QChart* qiniChart(const std::vector<engine::CurvePoint>& curve, double qini, const ReportFormat& format);
// The `top` most important inputs and their share of the importance (sign of the
// coefficient, where there is one, in the label).
QChart* importanceChart(const QList<model::FeatureImportance>& importance, int top, const ReportFormat& format);
// Several campaigns side by side: incremental profit and total cost of each.
QChart* campaignComparisonChart(const QList<QPair<QString, engine::PreviewTotals>>& campaigns, const ReportFormat& format);

// Shows `chart` in `view` (which takes it over) and deletes the chart it showed.
void replaceChart(QChartView* view, QChart* chart);

// White background, no animation, fonts sized in pixels for a chart laid out at about 800 px
// wide (the reports scale it to the page).
void styleForPrint(QChart* chart);

} // namespace cwb::ui
