#pragma once
// A segment's members as a CSV file for the shop's own systems: the shop's
// user id with the figures a campaign team looks at (RFM group and scores,
// orders, spend, days since the last order, churn risk) when the features
// are built. UTF-8 (with a byte-order mark when asked, for Excel), text cells
// safe against spreadsheet formula injection, written to a temporary file and
// renamed into place, so a failed export never leaves half a file.

#include "core/error.h"

#include <QString>

namespace cwb::model {

class Database;

struct SegmentExportOptions {
    bool byteOrderMark = true;
};

// Returns the number of members written.
Result<qint64> exportSegmentMembers(Database& db, const QString& segment, const QString& path, const SegmentExportOptions& options = {});

} // namespace cwb::model
