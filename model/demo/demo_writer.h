#pragma once
// Fills a workspace with the seeded demo shop (engine/demo): products, the
// shop's past campaigns, customers with a year of browsing and orders, and
// each campaign's randomised exposures and responses.

#include "core/error.h"

#include <QMap>
#include <QString>

#include <functional>

namespace cwb::model {

class Workspace;

struct DemoOptions {
    qint64 users = 10000;
    quint64 seed = 42;
    double eventsPerUser = 10.0;   // per customer and year
    int historyDays = 365;
};

struct DemoReport {
    QMap<QString, qint64> rows;   // rows written per table
    double seconds = 0;
    bool cancelled = false;
};

// `progress(usersDone, usersTotal)` returns false to cancel (nothing is kept).
Result<DemoReport> writeDemoData(Workspace& workspace, const DemoOptions& options,
                                 const std::function<bool(qint64, qint64)>& progress = {});

} // namespace cwb::model
