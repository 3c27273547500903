#pragma once
// Gradient-boosted trees for 0/1 outcomes, through xgboost's C API
// (Debian's libxgboost-dev): histogram trees, logistic loss, early
// stopping on a seeded validation share of the training rows. For accuracy
// where effects are not linear; the logistic model stays the transparent
// default. Deterministic for a given seed and thread count.

#include <Eigen/Dense>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace cwb::engine {

struct BoostedTreesParams {
    int maxTrees = 500;
    int maxDepth = 4;
    double learningRate = 0.05;
    double subsample = 0.8;           // rows per tree
    double colsample = 0.8;           // columns per tree
    double minChildWeight = 5.0;      // hessian sum a leaf needs (about rows * p * (1 - p))
    double l2 = 1.0;                  // on leaf weights
    int earlyStoppingRounds = 40;     // stop when the validation log loss has not improved for this many trees
    double validationShare = 0.15;    // of the training rows, held out for early stopping (0 = none: maxTrees trees)
    std::uint64_t seed = 42;
    int threads = 0;                  // 0 = all cores
    // After each tree; return false to stop (the model is then marked cancelled).
    std::function<bool(int tree, int maxTrees)> progress;
    std::vector<std::string> validate() const;
};

class BoostedTreesModel {
public:
    BoostedTreesModel();
    // x: n x p; y: 0/1; weights (optional): n non-negative. Throws
    // std::invalid_argument on bad input and std::runtime_error when xgboost fails.
    static BoostedTreesModel fit(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, const BoostedTreesParams& params = {},
                                 const Eigen::VectorXd* weights = nullptr);

    Eigen::VectorXd predictProba(const Eigen::MatrixXd& x) const;
    // Total gain of the splits on each feature (0 for features never used).
    Eigen::VectorXd gainImportance() const;

    int trees() const { return trees_; }
    Eigen::Index features() const { return features_; }
    bool cancelled() const { return cancelled_; }
    double validationLogLoss() const { return validationLogLoss_; }

    // xgboost's own JSON model format.
    std::vector<char> serialize() const;
    static BoostedTreesModel deserialize(const std::vector<char>& bytes, Eigen::Index features, int trees);

private:
    struct Booster;
    std::shared_ptr<Booster> booster_;
    Eigen::Index features_ = 0;
    int trees_ = 0;
    bool cancelled_ = false;
    double validationLogLoss_ = 0.0;
};

// xgboost's version, e.g. "1.7.4".
std::string xgboostVersion();

} // namespace cwb::engine
