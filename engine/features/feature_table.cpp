#include "features/feature_table.h"

#include <cmath>
#include <stdexcept>

namespace cwb::engine {

int FeatureTable::column(std::string_view name) const
{
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].name == name) return static_cast<int>(i);
    return -1;
}

FeatureTable FeatureTable::select(const std::vector<std::string>& names) const
{
    FeatureTable out;
    out.ids = ids;
    out.values.resize(values.rows(), static_cast<Eigen::Index>(names.size()));
    for (std::size_t j = 0; j < names.size(); ++j) {
        const int c = column(names[j]);
        if (c < 0) throw std::invalid_argument("unknown feature: " + names[j]);
        out.values.col(static_cast<Eigen::Index>(j)) = values.col(c);
        out.columns.push_back(columns[static_cast<std::size_t>(c)]);
    }
    return out;
}

Eigen::MatrixXd logScaled(const FeatureTable& t)
{
    Eigen::MatrixXd out = t.values;
    for (Eigen::Index j = 0; j < t.cols(); ++j) {
        if (!t.columns[static_cast<std::size_t>(j)].logScale) continue;
        out.col(j) = t.values.col(j).unaryExpr([](double v) { return v < 0 ? -std::log1p(-v) : std::log1p(v); });
    }
    return out;
}

} // namespace cwb::engine
