#pragma once
// Builds (or rebuilds) the user features of a workspace: SQL aggregates
// over events and orders as of a reference time, then the RFM scores and
// the churn risk. One transaction: a failed or cancelled build leaves the
// previous features in place. The build records the data version it saw,
// so later commands can tell when the data changed since.

#include "core/error.h"
#include "features/churn_model.h"

#include <QMap>
#include <QString>

#include <functional>
#include <optional>
#include <utility>

namespace cwb::model {

class Workspace;
class Database;

struct FeatureBuildOptions {
    std::optional<qint64> asOf;   // Unix seconds; default: midnight after the last activity
    quint64 seed = 42;            // the churn model's train/test split
};

struct FeatureBuildReport {
    qint64 users = 0;
    qint64 asOf = 0;
    qint64 dataStart = 0;
    qint64 dataVersion = 0;
    double seconds = 0;
    QMap<QString, qint64> rfmGroups;   // group name -> customers
    qint64 categories = 0;             // categories with views or purchases
    ChurnSummary churn;
    bool cancelled = false;
};

struct FeatureState {
    bool built = false;
    bool current = false;   // built from the data as it is now
    qint64 asOf = 0;
    qint64 builtAt = 0;
};

// `progress(step, fraction)` between steps; return false to cancel.
Result<FeatureBuildReport> buildFeatures(Workspace& workspace, const FeatureBuildOptions& options = {},
                                         const std::function<bool(const QString&, double)>& progress = {});

FeatureState featureState(Workspace& workspace);

// The first and last activity (event or order) times; empty when there is none.
std::pair<std::optional<qint64>, std::optional<qint64>> activitySpan(Database& db);

// The reference time a build would use: midnight (UTC) after the last order or event.
qint64 defaultAsOf(Database& db);

// Builds the features when they are missing or stale; `rebuilt` tells which.
// `progress` as for buildFeatures; a cancelled build is an error and leaves
// the features as they were.
Status ensureFeatures(Workspace& workspace, bool* rebuilt = nullptr,
                      const std::function<bool(const QString&, double)>& progress = {});

} // namespace cwb::model
