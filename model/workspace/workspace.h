#pragma once
// A workspace: one SQLite file (.cwb) holding a shop's data and everything
// derived from it. Opening checks that the file is a workspace, that this
// build understands its schema, and upgrades older schemas (after taking a
// backup). Not thread-safe: give each thread its own Workspace on the same
// path (WAL lets readers run beside one writer).

#include "core/error.h"
#include "sql/database.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace cwb::model {

struct TableCount {
    QString table;
    qint64 rows = 0;
    bool operator==(const TableCount&) const = default;
};

class Workspace {
public:
    struct OpenOptions {
        bool readOnly = false;
    };

    // Creates a new, empty workspace; fails if `path` exists.
    static Result<Workspace> create(const QString& path);
    static Result<Workspace> open(const QString& path, OpenOptions options);
    static Result<Workspace> open(const QString& path) { return open(path, OpenOptions{}); }

    Database& db() { return db_; }
    const QString& path() const { return db_.path(); }
    QString name() const;            // file name without directory and suffix
    bool readOnly() const { return readOnly_; }
    int schemaVersion();

    // Grows by one with every committed change to the data (imports, demo data).
    qint64 dataVersion();
    // Call inside the write transaction that changes the data.
    void bumpDataVersion();

    // Row counts of the canonical tables, in canonicalTables() order.
    QList<TableCount> tableCounts();
    static const QStringList& canonicalTables();

private:
    explicit Workspace(Database db, bool readOnly) : db_(std::move(db)), readOnly_(readOnly) {}
    static void configure(Database& db);
    Database db_;
    bool readOnly_ = false;
};

} // namespace cwb::model
