#pragma once
// Small key/value facts about a workspace (the meta table): the data
// version, what derived tables were built from, ...

#include <QString>

#include <optional>
#include <string_view>

namespace cwb::model {

class Database;

std::optional<QString> readMeta(Database& db, std::string_view key);
void writeMeta(Database& db, std::string_view key, const QString& value);

// The currency of the workspace's amounts (ISO 4217, e.g. "CNY"), set by the demo data and the
// presets, or by the user; empty when unknown.
QString workspaceCurrency(Database& db);
void setWorkspaceCurrency(Database& db, const QString& isoCode);

} // namespace cwb::model
