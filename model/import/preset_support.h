#pragma once
// Small helpers shared by the dataset presets.

#include "import/import_context.h"

#include <QStringList>

#include <array>
#include <vector>

namespace cwb::model {

// Finds each expected column by name (case-insensitive); a fatal error lists
// what is missing, since a preset only fits its own dataset.
Status locateColumns(const QStringList& header, const std::vector<const char*>& names, std::vector<int>& columns,
                     const QString& presetName);

QString presetWhere(const CsvRecord& rec, int column, const ImportContext& ctx);

} // namespace cwb::model
