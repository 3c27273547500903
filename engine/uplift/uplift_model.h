#pragma once
// Uplift: how much more likely a user is to convert with the offer than
// without it, learned from a randomised test (treated and control users).
//
// - Two-model (T-learner): one classifier on the treated users, one on the
//   control users; uplift = p_treated(x) - p_control(x).
// - Class transformation (transformed outcome): z = 1 for treated users who
//   converted and control users who did not, 0 otherwise. With the groups
//   weighted to equal size (treated rows 1/(2e), control rows 1/(2(1 - e)),
//   e the chance of being treated — per row, as campaigns hold out
//   different shares), uplift(x) = 2 P(z = 1 | x) - 1 (Jaskowski and
//   Jaroszewicz 2012, with the weighting that removes their equal-groups
//   assumption). One model learns the difference directly; p_treated comes
//   from a classifier on the treated users and p_control = p_treated - uplift,
//   clipped to [0, 1].
// Either learner works on either base classifier.

#include "uptake/classifier.h"

#include <Eigen/Dense>

#include <string>
#include <vector>

namespace cwb::engine {

enum class UpliftLearner { TwoModel, ClassTransformation };

struct UpliftParams {
    UpliftLearner learner = UpliftLearner::TwoModel;
    ClassifierParams base;
    std::vector<std::string> validate() const;
};

struct UpliftPrediction {
    Eigen::VectorXd treated;   // P(outcome | offer)
    Eigen::VectorXd control;   // P(outcome | no offer)
    Eigen::VectorXd uplift;
};

class UpliftModel {
public:
    UpliftModel() = default;
    // treated[i] != 0 for treated rows. Needs both groups, each with both outcomes.
    // propensity (optional): each row's chance of being treated (by design of its
    // campaign); without it, the overall treated share.
    static UpliftModel fit(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, const std::vector<char>& treated,
                           const UpliftParams& params, const ProgressFn& progress = {}, const Eigen::VectorXd* propensity = nullptr);
    static UpliftModel fromParts(UpliftLearner learner, Classifier first, Classifier second);

    UpliftPrediction predict(const Eigen::MatrixXd& x) const;
    // The prediction from the two classifiers' probabilities (first(), second()).
    static UpliftPrediction combine(UpliftLearner learner, Eigen::VectorXd first, Eigen::VectorXd second);

    UpliftLearner learner() const { return learner_; }
    // Two-model: the treated and the control classifier. Class transformation:
    // the treated classifier and the transformed-outcome classifier.
    const Classifier& first() const { return first_; }
    const Classifier& second() const { return second_; }
    // What drives the uplift: two-model, the mean of both models' importances;
    // class transformation, the transformed-outcome model's.
    Eigen::VectorXd importance() const;

private:
    UpliftLearner learner_ = UpliftLearner::TwoModel;
    Classifier first_, second_;
};

} // namespace cwb::engine
