#pragma once
// One connection to an SQLite file. Movable, not copyable. Errors throw SqlError.

#include <QString>

#include <cstdint>
#include <string_view>

struct sqlite3;

namespace cwb::model {

class Statement;

class Database {
public:
    enum class Mode { ReadWrite, ReadOnly, ReadWriteCreate };

    Database() = default;
    // Opens `path`; throws SqlError when SQLite cannot open it.
    Database(const QString& path, Mode mode);
    ~Database();
    Database(Database&& other) noexcept;
    Database& operator=(Database&& other) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    bool isOpen() const { return db_ != nullptr; }
    sqlite3* handle() const { return db_; }
    const QString& path() const { return path_; }

    // Runs one or more statements without results.
    void exec(std::string_view sql);
    Statement prepare(std::string_view sql);

    // The single integer (or text) a query returns; throws if it returns no row.
    std::int64_t queryInt(std::string_view sql);
    QString queryText(std::string_view sql);

    std::int64_t lastInsertRowId() const;
    int changes() const;
    bool inTransaction() const;
    bool tableExists(std::string_view name);

    // Asks a running statement on this connection to stop (thread-safe).
    void interrupt();

    [[noreturn]] void throwError(int rc, std::string_view context) const;

private:
    void close() noexcept;
    sqlite3* db_ = nullptr;
    QString path_;
};

} // namespace cwb::model
