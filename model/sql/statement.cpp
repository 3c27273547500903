#include "sql/statement.h"

#include "sql/database.h"
#include "sql/sql_error.h"

#include <sqlite3.h>

#include <string>

namespace cwb::model {

Statement::Statement(Database& db, std::string_view sql) : db_(&db)
{
    const int rc = sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
    if (rc != SQLITE_OK) db.throwError(rc, "cannot prepare \"" + std::string(sql.substr(0, 160)) + "\"");
}

Statement::~Statement()
{
    if (stmt_) sqlite3_finalize(stmt_);
}

Statement::Statement(Statement&& other) noexcept : stmt_(other.stmt_), db_(other.db_)
{
    other.stmt_ = nullptr;
}

Statement& Statement::operator=(Statement&& other) noexcept
{
    if (this != &other) {
        if (stmt_) sqlite3_finalize(stmt_);
        stmt_ = other.stmt_;
        db_ = other.db_;
        other.stmt_ = nullptr;
    }
    return *this;
}

void Statement::check(int rc, const char* what) const
{
    if (rc != SQLITE_OK) db_->throwError(rc, what);
}

Statement& Statement::bind(int index, std::int64_t value)
{
    check(sqlite3_bind_int64(stmt_, index, value), "bind");
    return *this;
}

Statement& Statement::bind(int index, double value)
{
    check(sqlite3_bind_double(stmt_, index, value), "bind");
    return *this;
}

Statement& Statement::bind(int index, std::string_view utf8, bool transient)
{
    check(sqlite3_bind_text(stmt_, index, utf8.data(), static_cast<int>(utf8.size()),
                            transient ? SQLITE_TRANSIENT : SQLITE_STATIC),
          "bind");
    return *this;
}

Statement& Statement::bind(int index, const QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    return bind(index, std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())), true);
}

Statement& Statement::bindBlob(int index, const void* data, int size)
{
    check(sqlite3_bind_blob(stmt_, index, data, size, SQLITE_TRANSIENT), "bind");
    return *this;
}

Statement& Statement::bindNamed(const char* name, std::int64_t value)
{
    if (const int index = sqlite3_bind_parameter_index(stmt_, name); index > 0) bind(index, value);
    return *this;
}

Statement& Statement::bindNamed(const char* name, double value)
{
    if (const int index = sqlite3_bind_parameter_index(stmt_, name); index > 0) bind(index, value);
    return *this;
}

Statement& Statement::bindNull(int index)
{
    check(sqlite3_bind_null(stmt_, index), "bind");
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    const std::string sql = sqlite3_sql(stmt_) ? sqlite3_sql(stmt_) : "";
    sqlite3_reset(stmt_);
    db_->throwError(rc, "cannot run \"" + sql.substr(0, 160) + "\"");
}

void Statement::run()
{
    while (step()) {
    }
    reset();
}

void Statement::reset() { sqlite3_reset(stmt_); }

void Statement::clearBindings() { sqlite3_clear_bindings(stmt_); }

int Statement::columnCount() const { return sqlite3_column_count(stmt_); }

bool Statement::isNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

std::int64_t Statement::int64(int column) const { return sqlite3_column_int64(stmt_, column); }

double Statement::real(int column) const { return sqlite3_column_double(stmt_, column); }

std::string_view Statement::textView(int column) const
{
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    if (!p) return {};
    return {p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

QString Statement::text(int column) const
{
    const std::string_view v = textView(column);
    return QString::fromUtf8(v.data(), static_cast<qsizetype>(v.size()));
}

QByteArray Statement::blob(int column) const
{
    const void* p = sqlite3_column_blob(stmt_, column);
    return QByteArray(static_cast<const char*>(p), sqlite3_column_bytes(stmt_, column));
}

QString Statement::columnName(int column) const { return QString::fromUtf8(sqlite3_column_name(stmt_, column)); }

} // namespace cwb::model
