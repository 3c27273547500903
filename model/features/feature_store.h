#pragma once
// Reads user features out of a workspace into the engine's FeatureTable.

#include "core/error.h"
#include "features/feature_table.h"

#include <QStringList>

namespace cwb::model {

class Database;

struct LoadedFeatures {
    engine::FeatureTable table;   // raw values, NaN where missing; ids are uids
    QStringList userIds;          // the shop's id of each row
};

// All users with features, in uid order, with the named features (catalogue
// names or "views:<category>" / "purchases:<category>" shares). An unknown
// name is an error listing what is available.
Result<LoadedFeatures> loadFeatures(Database& db, const QStringList& names);

// Categories with the most views (or purchases) across all users.
QStringList topCategories(Database& db, int n, bool byPurchases = false);

// Every feature name that loadFeatures() accepts here (catalogue, plus shares of the top categories).
QStringList availableFeatures(Database& db, int topN = 8);

// Catalogue features plus view shares of the top `topN` categories (when there are any).
QStringList defaultSegmentationFeatures(Database& db, int topN = 5);

} // namespace cwb::model
