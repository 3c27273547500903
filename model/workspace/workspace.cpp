#include "workspace/workspace.h"
#include "core/text.h"

#include "sql/sql_error.h"
#include "sql/statement.h"
#include "sql/transaction.h"
#include "workspace/migrations.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace cwb::model {

namespace {


Error fileError(const QString& path, const QString& message)
{
    Error e = makeError(message);
    e.file = path;
    return e;
}

// Copies the whole database `from` into `to` with SQLite's online backup API.
void copyDatabase(sqlite3* from, sqlite3* to)
{
    sqlite3_backup* b = sqlite3_backup_init(to, "main", from, "main");
    if (!b) throw SqlError(sqlite3_errcode(to), sqlite3_extended_errcode(to), sqlite3_errmsg(to));
    const int rc = sqlite3_backup_step(b, -1);
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) throw SqlError(rc & 0xff, rc, sqlite3_errstr(rc));
}

// Upgrades an older workspace. A backup is taken first with the SQLite
// backup API; if a step fails the backup is copied back, so the file is
// never left half-upgraded, and the error says what happened.
Status upgrade(Database& db, int fromVersion)
{
    const QString backupPath = db.path() + QStringLiteral(".backup-v%1").arg(fromVersion);
    QFile::remove(backupPath);
    try {
        Database backup(backupPath, Database::Mode::ReadWriteCreate);
        copyDatabase(db.handle(), backup.handle());
    } catch (const SqlError& e) {
        return fileError(db.path(), Text::tr("cannot back up the workspace before upgrading it (%1); nothing was changed")
                                        .arg(QString::fromUtf8(e.what())));
    }
    try {
        migrate(db, fromVersion);
    } catch (const SqlError& e) {
        try {
            Database backup(backupPath, Database::Mode::ReadOnly);
            copyDatabase(backup.handle(), db.handle());
        } catch (const SqlError& restoreError) {
            return fileError(db.path(),
                             Text::tr("upgrading the workspace from version %1 failed (%2) and restoring it failed too (%3); "
                                "the untouched copy is %4")
                                 .arg(fromVersion)
                                 .arg(QString::fromUtf8(e.what()), QString::fromUtf8(restoreError.what()), backupPath));
        }
        QFile::remove(backupPath);
        return fileError(db.path(), Text::tr("upgrading the workspace from version %1 failed (%2); it was restored unchanged")
                                        .arg(fromVersion)
                                        .arg(QString::fromUtf8(e.what())));
    }
    QFile::remove(backupPath);
    return std::nullopt;
}

} // namespace

void Workspace::configure(Database& db)
{
    sqlite3_busy_timeout(db.handle(), 5000);
    db.exec("PRAGMA foreign_keys = ON");
    db.exec("PRAGMA synchronous = NORMAL");
    db.exec("PRAGMA cache_size = -65536");
}

Result<Workspace> Workspace::create(const QString& path)
{
    const QByteArray native = QFile::encodeName(path);
    // Owner-only permissions: a workspace holds customer data.
    const int fd = ::open(native.constData(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST)
            return fileError(path, Text::tr("a file of that name already exists; choose another name or remove it first"));
        return fileError(path, Text::tr("cannot create the workspace: %1").arg(QString::fromLocal8Bit(strerror(errno))));
    }
    ::close(fd);
    try {
        Database db(path, Database::Mode::ReadWrite);
        db.exec("PRAGMA journal_mode = WAL");
        configure(db);
        migrate(db, 0);
        return Workspace(std::move(db), false);
    } catch (const SqlError& e) {
        QFile::remove(path);
        return fileError(path, Text::tr("cannot create the workspace: %1").arg(QString::fromUtf8(e.what())));
    }
}

Result<Workspace> Workspace::open(const QString& path, OpenOptions options)
{
    const QFileInfo info(path);
    if (!info.exists())
        return fileError(path, Text::tr("no such workspace; create one with \"cwb init\" or \"cwb demo\""));
    if (info.isDir()) return fileError(path, Text::tr("this is a folder, not a workspace file"));
    // The file is not opened here other than through SQLite: closing any other descriptor of a
    // database file drops every POSIX lock this process holds on it, the locks by which the
    // workspace's other connections (the window's, a worker's) keep their reads safe from a
    // checkpoint (https://sqlite.org/howtocorrupt.html, 2.2). SQLite tells what it is itself.
    if (info.size() == 0) return fileError(path, Text::tr("the file is empty; it is not a workspace"));
    if (!info.isReadable()) return fileError(path, Text::tr("cannot read the file: permission denied"));
    try {
        Database db(path, options.readOnly ? Database::Mode::ReadOnly : Database::Mode::ReadWrite);
        const bool readOnly = options.readOnly || sqlite3_db_readonly(db.handle(), "main") == 1;
        sqlite3_busy_timeout(db.handle(), 5000);
        const auto appId = static_cast<int>(db.queryInt("PRAGMA application_id"));
        const auto version = static_cast<int>(db.queryInt("PRAGMA user_version"));
        if (appId != kApplicationId)
            return fileError(path, Text::tr("not a Campaign Workbench workspace (an SQLite database of another program)"));
        if (version > latestSchemaVersion())
            return fileError(path, Text::tr("this workspace was written by a newer Campaign Workbench (schema version %1; "
                                      "this build reads up to %2); update the program to open it")
                                       .arg(version)
                                       .arg(latestSchemaVersion()));
        if (version < latestSchemaVersion()) {
            if (readOnly)
                return fileError(path, Text::tr("this workspace has an older schema (version %1) and must be upgraded, "
                                          "but it is read-only; copy it somewhere writable first")
                                           .arg(version));
            if (Status s = upgrade(db, version)) return *s;
        }
        if (!readOnly) configure(db);
        else db.exec("PRAGMA foreign_keys = ON");
        return Workspace(std::move(db), readOnly);
    } catch (const SqlError& e) {
        if (e.isBusy())
            return fileError(path, Text::tr("the workspace is locked by another program; close it there and try again"));
        if (e.code() == SQLITE_NOTADB) return fileError(path, Text::tr("not a Campaign Workbench workspace (not an SQLite database)"));
        return fileError(path, Text::tr("cannot open the workspace: %1").arg(QString::fromUtf8(e.what())));
    }
}

QString Workspace::name() const { return QFileInfo(path()).completeBaseName(); }

int Workspace::schemaVersion() { return static_cast<int>(db_.queryInt("PRAGMA user_version")); }

qint64 Workspace::dataVersion()
{
    return db_.queryInt("SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'data_version'");
}

void Workspace::bumpDataVersion()
{
    db_.exec("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'data_version'");
}

const QStringList& Workspace::canonicalTables()
{
    static const QStringList tables{
        QStringLiteral("users"),     QStringLiteral("products"),  QStringLiteral("events"),
        QStringLiteral("orders"),    QStringLiteral("order_items"), QStringLiteral("campaigns"),
        QStringLiteral("exposures"), QStringLiteral("responses"), QStringLiteral("segments"),
        QStringLiteral("segment_members"), QStringLiteral("models"),
    };
    return tables;
}

QList<TableCount> Workspace::tableCounts()
{
    QList<TableCount> counts;
    for (const QString& table : canonicalTables()) {
        // Table names come from the fixed list above, never from user input.
        const std::string sql = "SELECT count(*) FROM " + table.toStdString();
        counts.push_back({table, db_.queryInt(sql)});
    }
    return counts;
}

} // namespace cwb::model
