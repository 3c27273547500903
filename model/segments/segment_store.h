#pragma once
// Segments saved in a workspace: a name, how they were made, and members.
// Several segments are saved in one transaction, so no half-written set is
// ever visible; saving under an existing name replaces that segment.

#include "core/error.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>
#include <vector>

namespace cwb::model {

class Database;

struct SegmentInfo {
    qint64 id = 0;
    QString name;
    QString method;           // rfm, kmeans, rule, lookalike, imported
    QJsonObject definition;
    qint64 createdAt = 0;
    qint64 size = 0;
};

struct NewSegment {
    QString name;
    QString method;
    QJsonObject definition;
    std::vector<qint64> members;   // uids
};

QList<SegmentInfo> listSegments(Database& db);
std::optional<SegmentInfo> findSegment(Database& db, const QString& name);
std::vector<qint64> segmentMembers(Database& db, qint64 segmentId);

// Returns the new segments' ids, in order.
Result<std::vector<qint64>> saveSegments(Database& db, const QList<NewSegment>& segments);
Status deleteSegment(Database& db, const QString& name);
Status renameSegment(Database& db, const QString& from, const QString& to);

} // namespace cwb::model
