#pragma once
// How good a model is, on rows it was not trained on: discrimination (AUC),
// probability quality (log loss, Brier, calibration), decisions at a
// threshold, lift and gain by decile; for uplift models the Qini and uplift
// curves, Qini coefficient, AUUC, uplift@k and observed uplift by decile;
// and what drives the predictions (feature importance).

#include "metrics/classification.h"
#include "metrics/uplift_metrics.h"

#include <Eigen/Dense>

#include <QJsonObject>
#include <QList>
#include <QString>

#include <vector>

namespace cwb::model {

struct FeatureImportance {
    QString feature;
    double importance = 0;      // share of the total (sums to 1)
    double coefficient = 0;     // logistic response models: the standardised coefficient (sign = direction)
    bool hasCoefficient = false;
};

struct Evaluation {
    // Uptake: P(outcome | offer) against the outcomes of the treated test rows.
    qint64 rows = 0;
    double positives = 0;
    double baseRate = 0;
    double auc = 0, logLoss = 0, brier = 0;
    double meanPredicted = 0;
    engine::ThresholdMetrics atThreshold;
    std::vector<engine::CalibrationBin> calibration;
    double calibrationError = 0;
    std::vector<engine::LiftRow> lift;
    // Uplift (test rows of both groups).
    bool uplift = false;
    qint64 treatedRows = 0, controlRows = 0;
    double observedEffect = 0;      // treated rate - control rate
    double predictedEffect = 0;     // mean predicted uplift
    double qini = 0, auuc = 0;
    double upliftAt10 = 0, upliftAt20 = 0, upliftAt30 = 0;
    std::vector<engine::UpliftGroup> upliftDeciles;
    std::vector<engine::CurvePoint> qiniCurve;   // at most about 100 points
    QList<FeatureImportance> importance;         // largest first

    QJsonObject toJson() const;
};

// treated, control, uplift: predictions of the test rows (control/uplift empty for response models).
Evaluation evaluatePredictions(const Eigen::VectorXd& pTreated, const Eigen::VectorXd& upliftPrediction, const Eigen::VectorXd& y,
                               const std::vector<char>& treated, double threshold);

// Importance per encoded column, normalised; `coefficients` (optional) adds signed coefficients.
QList<FeatureImportance> rankImportance(const std::vector<std::string>& names, const Eigen::VectorXd& importance,
                                        const Eigen::VectorXd* coefficients);

// What good values look like, for the help text and reports.
QString metricsGuide();

} // namespace cwb::model
