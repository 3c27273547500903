#pragma once
// How well a model ranks users by uplift, from a randomised test: outcomes
// y (0/1) of treated and control users, and the predicted uplift of each.
// Users are ranked by predicted uplift, highest first; for the top t users
// let n_T, n_C be the treated and control counts among them and y_T, y_C
// their outcomes. Ties in the prediction are taken together (curve points
// only where the prediction changes), as scikit-uplift does.
//
//   Qini curve     Q(t) = y_T - y_C * n_T / n_C      incremental responders
//                                                    among the treated of the top t
//   uplift curve   U(t) = (y_T / n_T - y_C / n_C) * t
//   Qini coefficient, AUUC: the area between the curve and the straight line
//                  to its end point (random targeting), divided by the same
//                  area for a perfect ranking (treated responders first,
//                  control responders last): 1 = perfect, 0 = no better than
//                  random, negative = worse than random.
//   uplift@k       treated rate minus control rate among the top share k of
//                  all users (k = 0.3: the best-ranked 30 %).
//   uplift by decile: the same difference within each tenth of the ranking;
//                  a good model has it falling from the first decile to the last.

#include <Eigen/Dense>

#include <vector>

namespace cwb::engine {

struct CurvePoint {
    double targeted = 0;   // users in the top t
    double value = 0;
};

std::vector<CurvePoint> qiniCurve(const Eigen::VectorXd& uplift, const Eigen::VectorXd& y, const std::vector<char>& treated);
std::vector<CurvePoint> upliftCurve(const Eigen::VectorXd& uplift, const Eigen::VectorXd& y, const std::vector<char>& treated);
double qiniCoefficient(const Eigen::VectorXd& uplift, const Eigen::VectorXd& y, const std::vector<char>& treated);
double areaUnderUpliftCurve(const Eigen::VectorXd& uplift, const Eigen::VectorXd& y, const std::vector<char>& treated);
double upliftAtK(const Eigen::VectorXd& uplift, const Eigen::VectorXd& y, const std::vector<char>& treated, double k);

// Treated rate minus control rate over all users (NaN without both groups).
double averageTreatmentEffect(const Eigen::VectorXd& y, const std::vector<char>& treated);

struct UpliftGroup {
    int group = 0;                      // 1 = the highest predicted uplift
    Eigen::Index treated = 0, control = 0;
    double treatedRate = 0, controlRate = 0;
    double observedUplift = 0;          // treatedRate - controlRate (NaN when a group is empty)
    double meanPredicted = 0;
};
std::vector<UpliftGroup> upliftByGroup(const Eigen::VectorXd& uplift, const Eigen::VectorXd& y, const std::vector<char>& treated,
                                       int groups = 10);

// Trapezoidal area under a curve.
double curveArea(const std::vector<CurvePoint>& curve);

} // namespace cwb::engine
