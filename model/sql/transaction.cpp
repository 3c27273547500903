#include "sql/transaction.h"

#include "sql/database.h"

namespace cwb::model {

Transaction::Transaction(Database& db, Kind kind) : db_(db)
{
    db_.exec(kind == Kind::Immediate ? "BEGIN IMMEDIATE" : "BEGIN");
    active_ = true;
}

Transaction::~Transaction()
{
    if (!active_) return;
    try {
        rollback();
    } catch (...) {
        // A failed rollback leaves SQLite to roll back when the connection closes.
    }
}

void Transaction::commit()
{
    db_.exec("COMMIT");
    active_ = false;
}

void Transaction::rollback()
{
    active_ = false;
    // After some errors (SQLITE_FULL, SQLITE_IOERR) SQLite has already rolled back.
    if (db_.inTransaction()) db_.exec("ROLLBACK");
}

ForeignKeysOff::ForeignKeysOff(Database& db, bool active) : db_(db), active_(active)
{
    if (active_) db_.exec("PRAGMA foreign_keys = OFF");
}

ForeignKeysOff::~ForeignKeysOff()
{
    if (!active_) return;
    try {
        db_.exec("PRAGMA foreign_keys = ON");
    } catch (...) {
    }
}

} // namespace cwb::model
