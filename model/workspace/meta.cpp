#include "workspace/meta.h"

#include "sql/database.h"
#include "sql/statement.h"

namespace cwb::model {

std::optional<QString> readMeta(Database& db, std::string_view key)
{
    Statement st = db.prepare("SELECT value FROM meta WHERE key = ?");
    st.bind(1, key);
    if (!st.step()) return std::nullopt;
    return st.text(0);
}

void writeMeta(Database& db, std::string_view key, const QString& value)
{
    Statement st = db.prepare("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    st.bind(1, key).bind(2, value);
    st.run();
}

QString workspaceCurrency(Database& db) { return readMeta(db, "currency").value_or(QString()); }

void setWorkspaceCurrency(Database& db, const QString& isoCode) { writeMeta(db, "currency", isoCode.toUpper()); }

} // namespace cwb::model
