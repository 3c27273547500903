#pragma once
// Imports a file into one canonical table.
//
// Duplicate keys: within the file the first row with a key wins and later
// ones are rejected (naming the line of the first); a key already in the
// workspace is updated with the file's values for the mapped columns only
// (other columns, and users' attributes not in the file, are kept).
// Events have no key and are appended; re-importing the same file is caught
// by its content fingerprint.

#include "import/import_context.h"

#include <memory>

namespace cwb::model {

struct TableSpec;

std::unique_ptr<RowHandler> makeTableImporter(const TableSpec& table);

} // namespace cwb::model
