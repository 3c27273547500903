#pragma once
// Which table (or dataset preset) a file most likely holds, from its header:
// what the import wizard pre-selects, and says why.

#include <QString>
#include <QStringList>

namespace cwb::model {

struct ImportTargetSuggestion {
    QString table;       // a canonical table ...
    QString preset;      // ... or a preset; both empty when nothing fits
    int fieldsMatched = 0;
    QString reason;      // in words, for the user
};

// A preset when the header has every column of its dataset; otherwise the
// table whose required fields are all found and that recognises the most
// columns (ties go to the table listed first in importableTables()).
ImportTargetSuggestion suggestImportTarget(const QStringList& header);

// The columns a preset's file must have; empty for an unknown preset.
QStringList presetColumns(const QString& preset);

} // namespace cwb::model
