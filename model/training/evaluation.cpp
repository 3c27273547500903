#include "training/evaluation.h"

#include "core/text.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace cwb::model {

namespace {

QJsonValue num(double v) { return std::isfinite(v) ? QJsonValue(v) : QJsonValue(); }

std::vector<engine::CurvePoint> thin(const std::vector<engine::CurvePoint>& c, std::size_t maxPoints)
{
    if (c.size() <= maxPoints) return c;
    std::vector<engine::CurvePoint> out;
    const double last = c.back().targeted;
    std::size_t k = 0;
    for (std::size_t p = 0; p < maxPoints; ++p) {
        const double want = last * double(p) / double(maxPoints - 1);
        while (k + 1 < c.size() && c[k + 1].targeted <= want) ++k;
        if (out.empty() || out.back().targeted != c[k].targeted) out.push_back(c[k]);
    }
    if (out.back().targeted != c.back().targeted) out.push_back(c.back());
    return out;
}

} // namespace

Evaluation evaluatePredictions(const Eigen::VectorXd& pTreated, const Eigen::VectorXd& uplift, const Eigen::VectorXd& y,
                               const std::vector<char>& treated, double threshold)
{
    Evaluation e;
    // Uptake quality on the treated rows (everyone, for a test without control rows).
    std::vector<Eigen::Index> rows;
    for (std::size_t i = 0; i < treated.size(); ++i)
        if (treated[i]) rows.push_back(static_cast<Eigen::Index>(i));
    Eigen::VectorXd p(static_cast<Eigen::Index>(rows.size())), yt(static_cast<Eigen::Index>(rows.size()));
    for (std::size_t k = 0; k < rows.size(); ++k) {
        p[static_cast<Eigen::Index>(k)] = pTreated[rows[k]];
        yt[static_cast<Eigen::Index>(k)] = y[rows[k]];
    }
    e.rows = p.size();
    e.positives = yt.sum();
    e.baseRate = e.rows ? e.positives / double(e.rows) : 0.0;
    e.meanPredicted = e.rows ? p.mean() : 0.0;
    e.auc = engine::rocAuc(p, yt);
    e.logLoss = engine::logLoss(p, yt);
    e.brier = engine::brierScore(p, yt);
    e.atThreshold = engine::thresholdMetrics(p, yt, threshold);
    e.calibration = engine::calibrationTable(p, yt, 10);
    e.calibrationError = engine::expectedCalibrationError(e.calibration);
    e.lift = engine::liftTable(p, yt, 10);

    if (uplift.size() == y.size() && uplift.size() > 0) {
        e.uplift = true;
        for (char t : treated) (t ? e.treatedRows : e.controlRows) += 1;
        e.observedEffect = engine::averageTreatmentEffect(y, treated);
        e.predictedEffect = uplift.mean();
        e.qini = engine::qiniCoefficient(uplift, y, treated);
        e.auuc = engine::areaUnderUpliftCurve(uplift, y, treated);
        e.upliftAt10 = engine::upliftAtK(uplift, y, treated, 0.1);
        e.upliftAt20 = engine::upliftAtK(uplift, y, treated, 0.2);
        e.upliftAt30 = engine::upliftAtK(uplift, y, treated, 0.3);
        e.upliftDeciles = engine::upliftByGroup(uplift, y, treated, 10);
        e.qiniCurve = thin(engine::qiniCurve(uplift, y, treated), 101);
    }
    return e;
}

QList<FeatureImportance> rankImportance(const std::vector<std::string>& names, const Eigen::VectorXd& importance,
                                        const Eigen::VectorXd* coefficients)
{
    QList<FeatureImportance> out;
    const double total = importance.cwiseAbs().sum();
    for (std::size_t j = 0; j < names.size() && Eigen::Index(j) < importance.size(); ++j) {
        FeatureImportance f;
        f.feature = QString::fromStdString(names[j]);
        f.importance = total > 0 ? std::fabs(importance[Eigen::Index(j)]) / total : 0.0;
        if (coefficients && Eigen::Index(j) < coefficients->size()) {
            f.coefficient = (*coefficients)[Eigen::Index(j)];
            f.hasCoefficient = true;
        }
        out << f;
    }
    std::stable_sort(out.begin(), out.end(), [](const FeatureImportance& a, const FeatureImportance& b) { return a.importance > b.importance; });
    return out;
}

QJsonObject Evaluation::toJson() const
{
    QJsonArray calib, liftRows, deciles, curve, imp;
    for (const auto& b : calibration)
        calib.append(QJsonObject{{QStringLiteral("lower"), b.lower}, {QStringLiteral("upper"), b.upper}, {QStringLiteral("rows"), qint64(b.count)},
                                 {QStringLiteral("mean_predicted"), b.meanPredicted}, {QStringLiteral("observed_rate"), b.observedRate}});
    for (const auto& r : lift)
        liftRows.append(QJsonObject{{QStringLiteral("decile"), r.group}, {QStringLiteral("rows"), qint64(r.count)}, {QStringLiteral("positives"), qint64(r.positives)},
                                    {QStringLiteral("mean_predicted"), r.meanScore}, {QStringLiteral("rate"), r.rate}, {QStringLiteral("lift"), r.lift},
                                    {QStringLiteral("cumulative_gain"), r.cumulativeGain}, {QStringLiteral("cumulative_lift"), r.cumulativeLift}});
    for (const auto& f : importance) {
        QJsonObject o{{QStringLiteral("feature"), f.feature}, {QStringLiteral("importance"), f.importance}};
        if (f.hasCoefficient) o.insert(QStringLiteral("coefficient"), f.coefficient);
        imp.append(o);
    }
    QJsonObject o{{QStringLiteral("rows"), rows},
                  {QStringLiteral("positives"), positives},
                  {QStringLiteral("base_rate"), baseRate},
                  {QStringLiteral("mean_predicted"), meanPredicted},
                  {QStringLiteral("auc"), num(auc)},
                  {QStringLiteral("log_loss"), num(logLoss)},
                  {QStringLiteral("brier"), num(brier)},
                  {QStringLiteral("threshold"), QJsonObject{{QStringLiteral("threshold"), atThreshold.threshold},
                                                            {QStringLiteral("accuracy"), atThreshold.accuracy},
                                                            {QStringLiteral("precision"), atThreshold.precision},
                                                            {QStringLiteral("recall"), atThreshold.recall},
                                                            {QStringLiteral("f1"), atThreshold.f1},
                                                            {QStringLiteral("confusion"), QJsonObject{{QStringLiteral("true_positive"), qint64(atThreshold.truePositives)},
                                                                                                      {QStringLiteral("false_positive"), qint64(atThreshold.falsePositives)},
                                                                                                      {QStringLiteral("true_negative"), qint64(atThreshold.trueNegatives)},
                                                                                                      {QStringLiteral("false_negative"), qint64(atThreshold.falseNegatives)}}}}},
                  {QStringLiteral("calibration"), calib},
                  {QStringLiteral("calibration_error"), num(calibrationError)},
                  {QStringLiteral("lift"), liftRows},
                  {QStringLiteral("importance"), imp}};
    if (uplift) {
        for (const auto& d : upliftDeciles)
            deciles.append(QJsonObject{{QStringLiteral("decile"), d.group}, {QStringLiteral("treated"), qint64(d.treated)}, {QStringLiteral("control"), qint64(d.control)},
                                       {QStringLiteral("treated_rate"), num(d.treatedRate)}, {QStringLiteral("control_rate"), num(d.controlRate)},
                                       {QStringLiteral("observed_uplift"), num(d.observedUplift)}, {QStringLiteral("mean_predicted"), d.meanPredicted}});
        for (const auto& p : qiniCurve) curve.append(QJsonArray{p.targeted, p.value});
        o.insert(QStringLiteral("uplift"), QJsonObject{{QStringLiteral("treated_rows"), qint64(treatedRows)},
                                                       {QStringLiteral("control_rows"), qint64(controlRows)},
                                                       {QStringLiteral("observed_effect"), num(observedEffect)},
                                                       {QStringLiteral("predicted_effect"), num(predictedEffect)},
                                                       {QStringLiteral("qini"), num(qini)},
                                                       {QStringLiteral("auuc"), num(auuc)},
                                                       {QStringLiteral("uplift_at_10"), num(upliftAt10)},
                                                       {QStringLiteral("uplift_at_20"), num(upliftAt20)},
                                                       {QStringLiteral("uplift_at_30"), num(upliftAt30)},
                                                       {QStringLiteral("deciles"), deciles},
                                                       {QStringLiteral("qini_curve"), curve}});
    }
    return o;
}

QString metricsGuide()
{
    return Text::tr(
        "How to read the figures (all on test rows the model did not learn from):\n"
        "  AUC          chance that a random taker is ranked above a random non-taker: 0.5 is guessing;\n"
        "               0.6-0.7 is usual for campaign response, above 0.8 is strong (or suspicious: check for leaks)\n"
        "  log loss     penalises confident wrong predictions; lower is better; compare with the base rate's own\n"
        "               log loss (printed) to see what the model adds\n"
        "  Brier        mean squared error of the probabilities; lower is better\n"
        "  calibration  predicted against observed rate in ten equal groups; a good model's rows agree, and the\n"
        "               calibration error (their mean gap) is small next to the base rate\n"
        "  lift         response rate of each tenth (highest predictions first) over the overall rate; the first\n"
        "               decile's lift is how much better than random the best tenth is\n"
        "  precision, recall, F1 at the threshold: meaningful only when the threshold is near the base rate\n"
        "Uplift models (a control group is needed):\n"
        "  Qini coefficient, AUUC  area between the model's curve and random targeting, as a share of the\n"
        "               perfect model's: 0 is no better than random, above 0.1 is useful, 1 is perfect; negative\n"
        "               means the model targets the wrong users\n"
        "  uplift@k     treated minus control rate among the top k% by predicted uplift; useful when it is clearly\n"
        "               above the overall observed effect\n"
        "  by decile    observed uplift should fall from the first tenth to the last");
}

} // namespace cwb::model
