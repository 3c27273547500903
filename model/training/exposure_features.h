#pragma once
// Builds exposure_features: for every exposure (campaign x user), what the
// user had done before the campaign started — orders, spend, behaviour,
// earlier offers and how they answered them, activity by time of day, views
// in the campaign's categories — by plain SQL aggregates, one campaign at a
// time (each reads only its users' rows before its start through the
// (uid, ts) indexes). Nothing after the start can leak into a model.
// One transaction; rebuilt when the workspace's data changed.

#include "core/error.h"

#include <QString>

#include <functional>
#include <string>
#include <string_view>

namespace cwb::model {

class Workspace;

struct ExposureFeatureReport {
    qint64 campaigns = 0;
    qint64 rows = 0;
    double seconds = 0;
    bool rebuilt = false;
    bool cancelled = false;
};

// The statement that writes, for every (campaign_id, uid) of the table
// `population`, the user's history before :start into the table `into`
// (exposure_features' columns). Binds :c, :start, :data_start,
// :has_categories; the categories go in temp.x_categories.
std::string historyInsertSql(std::string_view into, std::string_view population);

// Rebuilds when the data changed since the last build (or always, with force).
// `progress(what, fraction)`; return false to cancel (nothing is written).
Result<ExposureFeatureReport> ensureExposureFeatures(Workspace& workspace, bool force = false,
                                                     const std::function<bool(const QString&, double)>& progress = {});

} // namespace cwb::model
