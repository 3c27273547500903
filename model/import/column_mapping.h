#pragma once
// Which column of a file feeds which canonical field: suggestions from the
// header (English and Chinese names), then the user's overrides.

#include "core/error.h"
#include "import/canonical_schema.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <vector>

namespace cwb::model {

struct ColumnMapping {
    std::vector<int> fieldColumn;       // per TableSpec field: 0-based column, or -1
    std::vector<bool> fromOverride;     // per field: set by the user rather than suggested
    std::vector<int> attributeColumns;  // users: columns kept in users.attributes
    std::vector<int> ignoredColumns;    // columns not imported

    int column(const TableSpec& table, std::string_view field) const
    {
        const int i = table.indexOf(field);
        return i < 0 ? -1 : fieldColumn[static_cast<std::size_t>(i)];
    }
};

// One "field=column" pair of --map; column is a header name or "#N" (1-based).
using MappingOverrides = QList<QPair<QString, QString>>;

// Parses "user_id=CustomerID,ts=#3"; errors name the bad pair.
Result<MappingOverrides> parseMappingArgument(const QString& text);

ColumnMapping suggestMapping(const TableSpec& table, const QStringList& header);

// Applies overrides (field=column; "field=" unmaps), then sorts the
// remaining columns into attributes (users) or ignored. `skipColumns` are
// never imported, not even as attributes.
Status applyOverrides(ColumnMapping& mapping, const TableSpec& table, const QStringList& header,
                      const MappingOverrides& overrides, const QStringList& skipColumns);

// A fatal error when a required field has no column, listing the file's columns.
Status checkRequiredFields(const ColumnMapping& mapping, const TableSpec& table, const QStringList& header);

} // namespace cwb::model
