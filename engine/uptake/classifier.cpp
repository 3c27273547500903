#include "uptake/classifier.h"

#include "core/cancel.h"

#include <stdexcept>

namespace cwb::engine {

std::vector<std::string> ClassifierParams::validate() const
{
    return learner == BaseLearner::Logistic ? logistic.validate() : trees.validate();
}

Classifier Classifier::fit(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, const ClassifierParams& params,
                           const Eigen::VectorXd* weights, const ProgressFn& progress)
{
    if (params.learner == BaseLearner::Logistic) {
        LogisticParams lp = params.logistic;
        if (progress) lp.progress = [&](int it, int maxIter) { return progress(double(it) / double(maxIter)); };
        return Classifier(LogisticModel::fit(x, y, lp, weights));
    }
    BoostedTreesParams tp = params.trees;
    if (progress) tp.progress = [&](int tree, int maxTrees) { return progress(double(tree) / double(maxTrees)); };
    BoostedTreesModel m = BoostedTreesModel::fit(x, y, tp, weights);
    if (m.cancelled()) throw Cancelled();
    return Classifier(std::move(m));
}

Eigen::VectorXd Classifier::predictProba(const Eigen::MatrixXd& x) const
{
    return std::visit([&](const auto& m) -> Eigen::VectorXd { return m.predictProba(x); }, model_);
}

Eigen::VectorXd Classifier::importance() const
{
    if (const LogisticModel* m = logistic()) return m->standardizedCoef().cwiseAbs();
    return trees()->gainImportance();
}

BaseLearner Classifier::learner() const { return logistic() ? BaseLearner::Logistic : BaseLearner::BoostedTrees; }

} // namespace cwb::engine
