#include "features/imputer.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace cwb::engine {

double medianIgnoringNaN(const Eigen::Ref<const Eigen::VectorXd>& v)
{
    std::vector<double> xs;
    xs.reserve(static_cast<std::size_t>(v.size()));
    for (Eigen::Index i = 0; i < v.size(); ++i)
        if (!std::isnan(v[i])) xs.push_back(v[i]);
    if (xs.empty()) return std::numeric_limits<double>::quiet_NaN();
    const std::size_t mid = xs.size() / 2;
    std::nth_element(xs.begin(), xs.begin() + static_cast<std::ptrdiff_t>(mid), xs.end());
    double m = xs[mid];
    if (xs.size() % 2 == 0) m = 0.5 * (m + *std::max_element(xs.begin(), xs.begin() + static_cast<std::ptrdiff_t>(mid)));
    return m;
}

Imputer Imputer::fit(const FeatureTable& t)
{
    Imputer imp;
    imp.fill_.resize(t.columns.size());
    imp.indicator_.assign(t.columns.size(), 0);
    for (Eigen::Index j = 0; j < t.cols(); ++j) {
        const auto col = t.values.col(j);
        if (t.columns[static_cast<std::size_t>(j)].indicator)
            imp.indicator_[static_cast<std::size_t>(j)] = col.array().isNaN().any() ? 1 : 0;
        double fill = 0.0;
        switch (t.columns[static_cast<std::size_t>(j)].missing) {
        case MissingPolicy::Zero: fill = 0.0; break;
        case MissingPolicy::Median: fill = medianIgnoringNaN(col); break;
        case MissingPolicy::Max: {
            fill = -std::numeric_limits<double>::infinity();
            for (Eigen::Index i = 0; i < col.size(); ++i)
                if (!std::isnan(col[i])) fill = std::max(fill, col[i]);
            break;
        }
        }
        imp.fill_[static_cast<std::size_t>(j)] = std::isfinite(fill) ? fill : 0.0;   // a column with no values at all
    }
    return imp;
}

FeatureTable Imputer::transform(const FeatureTable& t) const
{
    if (t.columns.size() != fill_.size()) throw std::invalid_argument("imputer fitted on a different set of columns");
    FeatureTable out;
    out.ids = t.ids;
    out.columns = t.columns;
    int extra = 0;
    for (char i : indicator_) extra += i;
    out.values.resize(t.rows(), t.cols() + extra);
    out.values.leftCols(t.cols()) = t.values;
    Eigen::Index next = t.cols();
    for (Eigen::Index j = 0; j < t.cols(); ++j) {
        const FeatureColumn& c = t.columns[static_cast<std::size_t>(j)];
        auto col = out.values.col(j);
        if (indicator_[static_cast<std::size_t>(j)]) {
            auto ind = out.values.col(next++);
            for (Eigen::Index i = 0; i < col.size(); ++i) ind[i] = std::isnan(col[i]) ? 1.0 : 0.0;
            out.columns.push_back({c.name + "_missing", MissingPolicy::Zero, false, false});
        }
        const double fill = fill_[static_cast<std::size_t>(j)];
        for (Eigen::Index i = 0; i < col.size(); ++i)
            if (std::isnan(col[i])) col[i] = fill;
    }
    return out;
}

} // namespace cwb::engine
