#include "sql/database.h"

#include "sql/sql_error.h"
#include "sql/statement.h"

#include <sqlite3.h>

#include <mutex>
#include <string>

namespace cwb::model {

namespace {
// Process-wide SQLite settings, applied once before the first connection.
// Memory statistics are off: with them on, every allocation inside SQLite
// takes a global mutex, a measurable cost in bulk imports.
void configureSqliteOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
}
} // namespace

bool SqlError::isDiskFull() const { return code_ == SQLITE_FULL; }
bool SqlError::isBusy() const { return code_ == SQLITE_BUSY || code_ == SQLITE_LOCKED; }
bool SqlError::isInterrupted() const { return code_ == SQLITE_INTERRUPT; }

std::string SqlError::withAdvice(int code, const std::string& message)
{
    switch (code & 0xff) {
    case SQLITE_CORRUPT:
        return message + " (the workspace file is damaged; restore it from a backup, or save what is readable "
                         "with the sqlite3 shell's .recover command)";
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return message + " (another program is using the workspace; close it there and try again)";
    default: return message;
    }
}

Database::Database(const QString& path, Mode mode) : path_(path)
{
    configureSqliteOnce();
    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE;
    switch (mode) {
    case Mode::ReadOnly: flags |= SQLITE_OPEN_READONLY; break;
    case Mode::ReadWrite: flags |= SQLITE_OPEN_READWRITE; break;
    case Mode::ReadWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE; break;
    }
    const QByteArray utf8 = path.toUtf8();
    const int rc = sqlite3_open_v2(utf8.constData(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        const std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        const int ext = db_ ? sqlite3_extended_errcode(db_) : rc;
        close();
        throw SqlError(rc & 0xff, ext, "cannot open " + std::string(utf8.constData()) + ": " + message);
    }
    sqlite3_extended_result_codes(db_, 1);
}

Database::~Database() { close(); }

Database::Database(Database&& other) noexcept : db_(other.db_), path_(std::move(other.path_))
{
    other.db_ = nullptr;
}

Database& Database::operator=(Database&& other) noexcept
{
    if (this != &other) {
        close();
        db_ = other.db_;
        path_ = std::move(other.path_);
        other.db_ = nullptr;
    }
    return *this;
}

void Database::close() noexcept
{
    if (db_) {
        sqlite3_close_v2(db_);
        db_ = nullptr;
    }
}

void Database::throwError(int rc, std::string_view context) const
{
    std::string message(context);
    message += ": ";
    message += db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    throw SqlError(rc & 0xff, db_ ? sqlite3_extended_errcode(db_) : rc, message);
}

void Database::exec(std::string_view sql)
{
    const std::string text(sql);
    char* err = nullptr;
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        std::string message = err ? err : sqlite3_errstr(rc);
        sqlite3_free(err);
        throw SqlError(rc & 0xff, sqlite3_extended_errcode(db_), message + " (in: " + text.substr(0, 120) + ")");
    }
}

Statement Database::prepare(std::string_view sql) { return Statement(*this, sql); }

std::int64_t Database::queryInt(std::string_view sql)
{
    Statement st(*this, sql);
    if (!st.step()) throw SqlError(SQLITE_ERROR, SQLITE_ERROR, "query returned no row: " + std::string(sql));
    return st.int64(0);
}

QString Database::queryText(std::string_view sql)
{
    Statement st(*this, sql);
    if (!st.step()) throw SqlError(SQLITE_ERROR, SQLITE_ERROR, "query returned no row: " + std::string(sql));
    return st.text(0);
}

std::int64_t Database::lastInsertRowId() const { return sqlite3_last_insert_rowid(db_); }

int Database::changes() const { return sqlite3_changes(db_); }

bool Database::inTransaction() const { return sqlite3_get_autocommit(db_) == 0; }

bool Database::tableExists(std::string_view name)
{
    Statement st(*this, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    st.bind(1, name);
    return st.step();
}

void Database::interrupt()
{
    if (db_) sqlite3_interrupt(db_);
}

} // namespace cwb::model
