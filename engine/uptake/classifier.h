#pragma once
// A fitted 0/1 classifier of either kind the workbench offers: L2 logistic
// regression (transparent, the default) or gradient-boosted trees (for
// non-linear effects), behind one interface for the uplift learners.

#include "uptake/boosted_trees.h"
#include "uptake/logistic.h"

#include <Eigen/Dense>

#include <functional>
#include <string>
#include <variant>
#include <vector>

namespace cwb::engine {

enum class BaseLearner { Logistic, BoostedTrees };

struct ClassifierParams {
    BaseLearner learner = BaseLearner::Logistic;
    LogisticParams logistic;
    BoostedTreesParams trees;
    std::vector<std::string> validate() const;
};

// Fraction done in [0, 1]; return false to cancel (fit then throws Cancelled).
using ProgressFn = std::function<bool(double fraction)>;

class Classifier {
public:
    Classifier() = default;
    explicit Classifier(LogisticModel m) : model_(std::move(m)) {}
    explicit Classifier(BoostedTreesModel m) : model_(std::move(m)) {}

    static Classifier fit(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, const ClassifierParams& params,
                          const Eigen::VectorXd* weights = nullptr, const ProgressFn& progress = {});

    Eigen::VectorXd predictProba(const Eigen::MatrixXd& x) const;
    // Logistic: |standardised coefficient|; trees: total split gain.
    Eigen::VectorXd importance() const;
    BaseLearner learner() const;

    const LogisticModel* logistic() const { return std::get_if<LogisticModel>(&model_); }
    const BoostedTreesModel* trees() const { return std::get_if<BoostedTreesModel>(&model_); }

private:
    std::variant<LogisticModel, BoostedTreesModel> model_;
};

} // namespace cwb::engine
