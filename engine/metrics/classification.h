#pragma once
// Quality of predicted probabilities against 0/1 outcomes.

#include "core/rank.h"   // rankDescending: row indices by score, highest first, ties in row order

#include <Eigen/Dense>

#include <vector>

namespace cwb::engine {

// Area under the ROC curve (Mann-Whitney, ties counted half). NaN when only one class is present.
double rocAuc(const Eigen::VectorXd& score, const Eigen::VectorXd& y);
// The ROC curve: (false positive rate, true positive rate) at every distinct score from the
// highest down, starting at (0, 0) and ending at (1, 1), as scikit-learn's roc_curve with
// drop_intermediate=False; thinned to about `maxPoints` points (corners kept) for charts.
// Empty when only one class is present. Its trapezoid area is rocAuc.
struct RocPoint {
    double falsePositiveRate = 0, truePositiveRate = 0;
};
std::vector<RocPoint> rocCurve(const Eigen::VectorXd& score, const Eigen::VectorXd& y, std::size_t maxPoints = 200);
// Mean log loss, probabilities clipped to [eps, 1 - eps] with eps the double
// machine epsilon, as scikit-learn (eps="auto") does.
double logLoss(const Eigen::VectorXd& p, const Eigen::VectorXd& y);
// Mean squared difference between probability and outcome.
double brierScore(const Eigen::VectorXd& p, const Eigen::VectorXd& y);

// Decisions "positive when p >= threshold" against the outcomes.
struct ThresholdMetrics {
    double threshold = 0.5;
    Eigen::Index truePositives = 0, falsePositives = 0, trueNegatives = 0, falseNegatives = 0;
    double accuracy = 0, precision = 0, recall = 0, f1 = 0;   // precision and F1 are 0 when nothing is called positive
};
ThresholdMetrics thresholdMetrics(const Eigen::VectorXd& p, const Eigen::VectorXd& y, double threshold);

// Calibration: rows ranked by predicted probability and cut into `bins`
// groups of (nearly) equal size — equal-width bins would leave most of them
// empty when, as in campaigns, most predictions are a few percent — each
// with its mean prediction and observed rate.
struct CalibrationBin {
    double lower = 0, upper = 0;   // smallest and largest prediction in the bin
    Eigen::Index count = 0;
    double meanPredicted = 0, observedRate = 0;
};
std::vector<CalibrationBin> calibrationTable(const Eigen::VectorXd& p, const Eigen::VectorXd& y, int bins = 10);
// Row-weighted mean |mean predicted - observed rate| over the bins.
double expectedCalibrationError(const std::vector<CalibrationBin>& bins);

// Lift and gain: rows ranked by score, highest first, cut into `groups`
// groups of (nearly) equal size (deciles by default).
struct LiftRow {
    int group = 0;                    // 1 = the highest scores
    Eigen::Index count = 0, positives = 0;
    double meanScore = 0;
    double rate = 0;                  // positives / count
    double lift = 0;                  // rate / overall rate
    double cumulativeGain = 0;        // share of all positives found in groups 1..group
    double cumulativeLift = 0;
};
std::vector<LiftRow> liftTable(const Eigen::VectorXd& score, const Eigen::VectorXd& y, int groups = 10);

} // namespace cwb::engine
