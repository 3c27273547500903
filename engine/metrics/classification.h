#pragma once
// Quality of predicted probabilities against 0/1 outcomes.

#include <Eigen/Dense>

namespace cwb::engine {

// Area under the ROC curve (Mann-Whitney, ties counted half). NaN when only one class is present.
double rocAuc(const Eigen::VectorXd& score, const Eigen::VectorXd& y);
// Mean log loss, probabilities clipped to [1e-15, 1 - 1e-15] as scikit-learn does.
double logLoss(const Eigen::VectorXd& p, const Eigen::VectorXd& y);
// Mean squared difference between probability and outcome.
double brierScore(const Eigen::VectorXd& p, const Eigen::VectorXd& y);

} // namespace cwb::engine
