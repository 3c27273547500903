#pragma once
// L2-regularised logistic regression, fitted by Newton's method (IRLS) with
// a backtracking line search.
//
// Minimises  sum_i w_i * logloss(y_i, p_i)  +  (l2 / 2) * |beta|^2
// where the intercept is not penalised. With standardize = true (the
// default) the columns are centred and scaled by their standard deviation
// first, so the penalty treats them alike and the standardised
// coefficients can be compared as importances; coef() and intercept() are
// always on the original scale. l2 = 1 / C for scikit-learn's C.

#include <Eigen/Dense>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace cwb::engine {

struct LogisticParams {
    double l2 = 1.0;
    int maxIter = 50;
    double tol = 1e-8;         // on the largest Newton step of a standardised coefficient
    bool standardize = true;
    int threads = 0;
    // After each Newton step (1-based); return false to stop: fit() then throws Cancelled.
    std::function<bool(int iteration, int maxIter)> progress;
    std::vector<std::string> validate() const;
};

class LogisticModel {
public:
    // x: n x p; y: 0/1; weights (optional): n non-negative.
    static LogisticModel fit(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, const LogisticParams& params = {},
                             const Eigen::VectorXd* weights = nullptr);

    Eigen::VectorXd predictProba(const Eigen::MatrixXd& x) const;
    Eigen::VectorXd decision(const Eigen::MatrixXd& x) const;   // the linear predictor

    const Eigen::VectorXd& coef() const { return coef_; }
    double intercept() const { return intercept_; }
    const Eigen::VectorXd& standardizedCoef() const { return stdCoef_; }
    int iterations() const { return iterations_; }
    bool converged() const { return converged_; }
    double objective() const { return objective_; }

    // For saving and loading.
    static LogisticModel fromCoefficients(Eigen::VectorXd coef, double intercept, Eigen::VectorXd stdCoef = {});

private:
    Eigen::VectorXd coef_, stdCoef_;
    double intercept_ = 0;
    int iterations_ = 0;
    bool converged_ = false;
    double objective_ = 0;
};

double sigmoid(double z);

// The objective on the original scale at (intercept, beta):
//   sum_i w_i * (log(1 + exp(z_i)) - y_i z_i) + (l2 / 2) |beta|^2,  z_i = intercept + x_i beta,
// and, when asked, its gradient (d/d intercept first, then d/d beta).
double logisticObjective(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, const Eigen::VectorXd* weights, double intercept,
                         const Eigen::VectorXd& beta, double l2, Eigen::VectorXd* gradient = nullptr);

} // namespace cwb::engine
