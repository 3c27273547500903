#pragma once
// The user features a workspace offers: their names (as used in rules,
// --features and reports), how a missing value is filled, whether they are
// compared on a log scale, and words for describing groups of users.
//
// Missing values: counts and amounts are 0 when nothing happened; rates
// (browse depth, dwell, cart-to-purchase, average order value) take the
// median; recency of a customer who never ordered is the longest recency
// seen; an unknown sign-up date takes the median with a 0/1 indicator.

#include "features/feature_table.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace cwb::model {

struct FeatureDef {
    const char* name;
    engine::MissingPolicy missing;
    bool indicator;
    bool logScale;
    bool clusterDefault;   // among the features k-means uses unless told otherwise
};

const std::vector<FeatureDef>& featureCatalog();
const FeatureDef* findFeature(const QString& name);
QStringList defaultClusterFeatures();

// Category share features: "views:<category>" and "purchases:<category>".
inline constexpr const char* kViewSharePrefix = "views:";
inline constexpr const char* kPurchaseSharePrefix = "purchases:";

// A feature's label and what a high or low value says about a group, in the user's language.
QString featureLabel(const QString& name);
QString describeHigh(const QString& name);
QString describeLow(const QString& name);

} // namespace cwb::model
