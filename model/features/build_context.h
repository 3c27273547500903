#pragma once
// What one feature build binds into its statements: the reference time, the
// churn cut-off, the data's start and the churn sample's threshold. Private
// to the feature build (feature_builder.cpp, churn_model.cpp).

#include <cstdint>

namespace cwb::model {

class Statement;

struct BuildContext {
    std::int64_t asOf = 0;
    std::int64_t cutoff = 0;
    std::int64_t dataStart = 0;
    std::int64_t sampleBelow = std::int64_t(1) << 32;   // of 2^32: everyone

    // Binds :as_of, :cutoff, :data_start and :sample_below where the statement uses them.
    void bind(Statement& st) const;
};

} // namespace cwb::model
