#pragma once
// A prepared statement with bound parameters. Movable, not copyable.
// Parameter indexes are 1-based (as in SQLite); column indexes 0-based.

#include <QString>

#include <cstdint>
#include <optional>
#include <string_view>

struct sqlite3_stmt;

namespace cwb::model {

class Database;

class Statement {
public:
    Statement() = default;
    Statement(Database& db, std::string_view sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, long long value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, bool value) = delete;   // say which integer you mean
    Statement& bind(int index, double value);
    // Text is copied by SQLite unless `transient` is false, in which case the
    // bytes must stay valid until the next step() or reset().
    Statement& bind(int index, std::string_view utf8, bool transient = true);
    Statement& bind(int index, const QString& text);
    Statement& bind(int index, const char* utf8) { return bind(index, std::string_view(utf8)); }
    Statement& bindBlob(int index, const void* data, int size);
    Statement& bindNull(int index);
    // Binds a named parameter (":name" in the SQL) wherever it occurs; a name
    // the statement does not use is ignored.
    Statement& bindNamed(const char* name, std::int64_t value);
    Statement& bindNamed(const char* name, double value);
    template <class T>
    Statement& bind(int index, const std::optional<T>& value)
    {
        return value ? bind(index, *value) : bindNull(index);
    }

    // Advances; true while a row is available.
    bool step();
    // Runs a statement that returns no rows, then resets it for reuse.
    void run();
    void reset();
    void clearBindings();

    int columnCount() const;
    bool isNull(int column) const;
    std::int64_t int64(int column) const;
    double real(int column) const;
    std::string_view textView(int column) const;   // valid until the next step
    QString text(int column) const;
    QByteArray blob(int column) const;
    QString columnName(int column) const;

    sqlite3_stmt* handle() const { return stmt_; }

private:
    void check(int rc, const char* what) const;
    sqlite3_stmt* stmt_ = nullptr;
    Database* db_ = nullptr;
};

} // namespace cwb::model
