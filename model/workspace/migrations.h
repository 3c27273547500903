#pragma once
// Forward-only schema migrations. Migration N takes a workspace from schema
// version N - 1 to N; each runs in its own transaction together with its
// PRAGMA user_version bump, so a workspace is always at a whole version.

#include <string_view>
#include <vector>

namespace cwb::model {

class Database;

struct Migration {
    int version;                 // the schema version this step produces
    std::string_view summary;
    std::string_view sql;
};

const std::vector<Migration>& migrations();
int latestSchemaVersion();

// Applies every migration after `fromVersion` up to `toVersion` (default: latest).
void migrate(Database& db, int fromVersion, int toVersion = -1);

// PRAGMA application_id of a workspace: "CWB1".
inline constexpr int kApplicationId = 0x43574231;

} // namespace cwb::model
