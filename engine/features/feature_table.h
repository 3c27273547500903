#pragma once
// Users in rows, features in columns: what the engine's segmentation,
// lookalike and churn methods work on. Missing values are NaN until
// imputed; how each column is imputed is part of its description.

#include <Eigen/Dense>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cwb::engine {

// How a missing value of a column is filled (see imputer.h).
enum class MissingPolicy {
    Zero,     // counts and amounts: nothing happened
    Median,   // rates and durations: a typical value
    Max,      // "days since": longer than anyone observed (e.g. never ordered)
};

struct FeatureColumn {
    std::string name;
    MissingPolicy missing = MissingPolicy::Zero;
    bool indicator = false;   // add a 0/1 "<name>_missing" column when imputing
    bool logScale = false;    // heavy-tailed (counts, money): compare on sign(x) log(1 + |x|)
};

struct FeatureTable {
    std::vector<std::int64_t> ids;        // one per row (the workspace's uid)
    Eigen::MatrixXd values;               // rows x columns, NaN = missing
    std::vector<FeatureColumn> columns;

    Eigen::Index rows() const { return values.rows(); }
    Eigen::Index cols() const { return values.cols(); }
    // Index of the column called `name`, or -1.
    int column(std::string_view name) const;
    // A table with only the named columns (in that order); throws
    // std::invalid_argument naming an unknown column.
    FeatureTable select(const std::vector<std::string>& names) const;
};

// The values with sign(x) * log(1 + |x|) applied to the columns marked
// logScale, so that a few big spenders do not dominate distances.
Eigen::MatrixXd logScaled(const FeatureTable& table);

} // namespace cwb::engine
