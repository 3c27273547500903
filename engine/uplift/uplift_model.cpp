#include "uplift/uplift_model.h"

#include <algorithm>
#include <stdexcept>

namespace cwb::engine {

using Eigen::Index;

std::vector<std::string> UpliftParams::validate() const { return base.validate(); }

namespace {

struct Split {
    std::vector<Index> treated, control;
};

Split splitGroups(const std::vector<char>& treated)
{
    Split s;
    for (std::size_t i = 0; i < treated.size(); ++i) (treated[i] ? s.treated : s.control).push_back(static_cast<Index>(i));
    return s;
}

Eigen::MatrixXd rows(const Eigen::MatrixXd& x, const std::vector<Index>& r)
{
    Eigen::MatrixXd out(static_cast<Index>(r.size()), x.cols());
    for (std::size_t i = 0; i < r.size(); ++i) out.row(static_cast<Index>(i)) = x.row(r[i]);
    return out;
}

Eigen::VectorXd rows(const Eigen::VectorXd& v, const std::vector<Index>& r)
{
    Eigen::VectorXd out(static_cast<Index>(r.size()));
    for (std::size_t i = 0; i < r.size(); ++i) out[static_cast<Index>(i)] = v[r[i]];
    return out;
}

void requireBothOutcomes(const Eigen::VectorXd& y, const char* group)
{
    const double positives = y.sum();
    if (positives < 1 || positives > double(y.size()) - 1)
        throw std::invalid_argument(std::string("the ") + group + " group needs users with and without the outcome");
}

// Progress of part `k` of `parts` of a fit.
ProgressFn part(const ProgressFn& progress, int k, int parts)
{
    if (!progress) return {};
    return [progress, k, parts](double f) { return progress((double(k) + f) / double(parts)); };
}

} // namespace

UpliftModel UpliftModel::fit(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, const std::vector<char>& treated,
                             const UpliftParams& params, const ProgressFn& progress, const Eigen::VectorXd* propensity)
{
    if (auto problems = params.validate(); !problems.empty()) throw std::invalid_argument(problems.front());
    if (y.size() != x.rows() || static_cast<Index>(treated.size()) != x.rows())
        throw std::invalid_argument("rows, outcomes and groups differ in length");
    const Split s = splitGroups(treated);
    if (s.treated.empty() || s.control.empty()) throw std::invalid_argument("uplift needs both treated and control users");
    const Eigen::MatrixXd xt = rows(x, s.treated);
    const Eigen::VectorXd yt = rows(y, s.treated);
    requireBothOutcomes(yt, "treated");
    requireBothOutcomes(rows(y, s.control), "control");

    UpliftModel m;
    m.learner_ = params.learner;
    m.first_ = Classifier::fit(xt, yt, params.base, nullptr, part(progress, 0, 2));
    if (params.learner == UpliftLearner::TwoModel) {
        m.second_ = Classifier::fit(rows(x, s.control), rows(y, s.control), params.base, nullptr, part(progress, 1, 2));
        return m;
    }
    if (propensity && propensity->size() != x.rows()) throw std::invalid_argument("one treatment propensity per row is needed");
    const double overall = double(s.treated.size()) / double(x.rows());
    Eigen::VectorXd z(x.rows()), w(x.rows());
    for (Index i = 0; i < x.rows(); ++i) {
        const bool t = treated[static_cast<std::size_t>(i)];
        const bool converted = y[i] > 0.5;
        const double e = propensity ? (*propensity)[i] : overall;
        if (!(e > 0 && e < 1)) throw std::invalid_argument("treatment propensities must be between 0 and 1");
        z[i] = (t == converted) ? 1.0 : 0.0;
        w[i] = t ? 0.5 / e : 0.5 / (1.0 - e);
    }
    m.second_ = Classifier::fit(x, z, params.base, &w, part(progress, 1, 2));
    return m;
}

UpliftModel UpliftModel::fromParts(UpliftLearner learner, Classifier first, Classifier second)
{
    UpliftModel m;
    m.learner_ = learner;
    m.first_ = std::move(first);
    m.second_ = std::move(second);
    return m;
}

UpliftPrediction UpliftModel::predict(const Eigen::MatrixXd& x) const
{
    return combine(learner_, first_.predictProba(x), second_.predictProba(x));
}

UpliftPrediction UpliftModel::combine(UpliftLearner learner, Eigen::VectorXd first, Eigen::VectorXd second)
{
    UpliftPrediction p;
    p.treated = std::move(first);
    if (learner == UpliftLearner::TwoModel) {
        p.control = std::move(second);
        p.uplift = p.treated - p.control;
        return p;
    }
    p.uplift = (2.0 * second.array() - 1.0).matrix();
    p.control = (p.treated - p.uplift).cwiseMax(0.0).cwiseMin(1.0);
    return p;
}

Eigen::VectorXd UpliftModel::importance() const
{
    if (learner_ == UpliftLearner::ClassTransformation) return second_.importance();
    Eigen::VectorXd a = first_.importance(), b = second_.importance();
    if (a.sum() > 0) a /= a.sum();
    if (b.sum() > 0) b /= b.sum();
    return 0.5 * (a + b);
}

} // namespace cwb::engine
