#include "segments/segment_store.h"

#include "core/text.h"
#include "sql/database.h"
#include "sql/sql_error.h"
#include "sql/statement.h"
#include "sql/transaction.h"

#include <QDateTime>
#include <QJsonDocument>

namespace cwb::model {

namespace {
SegmentInfo readInfo(const Statement& st)
{
    SegmentInfo s;
    s.id = st.int64(0);
    s.name = st.text(1);
    s.method = st.text(2);
    s.definition = QJsonDocument::fromJson(st.text(3).toUtf8()).object();
    s.createdAt = st.int64(4);
    s.size = st.int64(5);
    return s;
}
constexpr std::string_view kSelect =
    "SELECT s.segment_id, s.name, s.method, s.definition, s.created_at, "
    "(SELECT count(*) FROM segment_members m WHERE m.segment_id = s.segment_id) FROM segments s";
} // namespace

QList<SegmentInfo> listSegments(Database& db)
{
    QList<SegmentInfo> out;
    Statement st = db.prepare(std::string(kSelect) + " ORDER BY s.segment_id");
    while (st.step()) out << readInfo(st);
    return out;
}

std::optional<SegmentInfo> findSegment(Database& db, const QString& name)
{
    Statement st = db.prepare(std::string(kSelect) + " WHERE s.name = ?");
    st.bind(1, name);
    if (!st.step()) return std::nullopt;
    return readInfo(st);
}

std::vector<qint64> segmentMembers(Database& db, qint64 id)
{
    std::vector<qint64> out;
    Statement st = db.prepare("SELECT uid FROM segment_members WHERE segment_id = ? ORDER BY uid");
    st.bind(1, id);
    while (st.step()) out.push_back(st.int64(0));
    return out;
}

Result<std::vector<qint64>> saveSegments(Database& db, const QList<NewSegment>& segments)
{
    std::vector<qint64> ids;
    try {
        Transaction tx(db);
        Statement drop = db.prepare("DELETE FROM segments WHERE name = ?");
        Statement insert = db.prepare("INSERT INTO segments (name, method, definition, created_at) VALUES (?, ?, ?, ?)");
        Statement member = db.prepare("INSERT INTO segment_members (segment_id, uid) VALUES (?, ?)");
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        for (const NewSegment& s : segments) {
            if (s.name.trimmed().isEmpty()) return makeError(Text::tr("a segment needs a name"));
            drop.bind(1, s.name);
            drop.run();
            insert.bind(1, s.name).bind(2, s.method).bind(3, QString::fromUtf8(QJsonDocument(s.definition).toJson(QJsonDocument::Compact))).bind(4, now);
            insert.run();
            const qint64 id = db.lastInsertRowId();
            ids.push_back(id);
            for (qint64 uid : s.members) {
                member.bind(1, id).bind(2, uid);
                member.run();
            }
        }
        tx.commit();
    } catch (const SqlError& e) {
        return makeError(Text::tr("the segments could not be saved: %1").arg(QString::fromUtf8(e.what())));
    }
    return ids;
}

Status deleteSegment(Database& db, const QString& name)
{
    Statement st = db.prepare("DELETE FROM segments WHERE name = ?");
    st.bind(1, name);
    st.run();
    if (db.changes() == 0) return makeError(Text::tr("there is no segment called \"%1\"").arg(name));
    return std::nullopt;
}

Status renameSegment(Database& db, const QString& from, const QString& to)
{
    if (to.trimmed().isEmpty()) return makeError(Text::tr("a segment needs a name"));
    if (findSegment(db, to)) return makeError(Text::tr("a segment called \"%1\" already exists").arg(to));
    Statement st = db.prepare("UPDATE segments SET name = ? WHERE name = ?");
    st.bind(1, to).bind(2, from);
    st.run();
    if (db.changes() == 0) return makeError(Text::tr("there is no segment called \"%1\"").arg(from));
    return std::nullopt;
}

} // namespace cwb::model
