#pragma once
// RAII transaction: BEGIN IMMEDIATE on construction, ROLLBACK on destruction
// unless commit() was called. Writers take the write lock up front so a
// long import fails at once (not at the end) when another writer holds it.

namespace cwb::model {

class Database;

class Transaction {
public:
    enum class Kind { Deferred, Immediate };
    explicit Transaction(Database& db, Kind kind = Kind::Immediate);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();
    void rollback();
    bool active() const { return active_; }

private:
    Database& db_;
    bool active_ = false;
};

// Turns foreign-key enforcement off on one connection for the guard's
// lifetime (the pragma has no effect inside a transaction, so the guard
// wraps it). For bulk writes whose references the writer resolved itself,
// holding the write lock throughout, where SQLite's per-row parent lookup
// would only repeat that work.
class ForeignKeysOff {
public:
    ForeignKeysOff(Database& db, bool active = true);
    ~ForeignKeysOff();
    ForeignKeysOff(const ForeignKeysOff&) = delete;
    ForeignKeysOff& operator=(const ForeignKeysOff&) = delete;

private:
    Database& db_;
    bool active_;
};

} // namespace cwb::model
