#pragma once
// Fills missing values column by column following each column's policy:
// zero for counts, the median for rates, the largest observed value for
// "days since" columns; adds a 0/1 missing-indicator column where the
// column asks for one and the fitted data had missing values. Fit on one
// table, apply to others (e.g. fit on the training period, apply to today's
// customers): the columns produced depend only on the fit.

#include "features/feature_table.h"

namespace cwb::engine {

class Imputer {
public:
    static Imputer fit(const FeatureTable& table);
    // A copy of `table` with no NaN left, indicator columns appended.
    FeatureTable transform(const FeatureTable& table) const;
    const std::vector<double>& fillValues() const { return fill_; }

private:
    std::vector<double> fill_;
    std::vector<char> indicator_;   // per column: append "<name>_missing"
};

// The median of the non-NaN values of v (NaN if there are none).
double medianIgnoringNaN(const Eigen::Ref<const Eigen::VectorXd>& v);

} // namespace cwb::engine
