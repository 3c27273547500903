#include "import/import_target.h"

#include "core/text.h"
#include "import/canonical_schema.h"
#include "import/column_mapping.h"
#include "import/preset_hillstrom.h"
#include "import/preset_online_retail.h"

namespace cwb::model {

QStringList presetColumns(const QString& preset)
{
    const std::vector<const char*>* names = nullptr;
    if (preset == QLatin1String("hillstrom")) names = &hillstromColumns();
    else if (preset == QLatin1String("online-retail")) names = &onlineRetailColumns();
    QStringList out;
    if (names)
        for (const char* n : *names) out << QString::fromLatin1(n);
    return out;
}

ImportTargetSuggestion suggestImportTarget(const QStringList& header)
{
    ImportTargetSuggestion best;
    for (const QString& preset : {QStringLiteral("hillstrom"), QStringLiteral("online-retail")}) {
        const QStringList wanted = presetColumns(preset);
        bool all = true;
        for (const QString& w : wanted) {
            bool found = false;
            for (const QString& h : header) found = found || h.trimmed().compare(w, Qt::CaseInsensitive) == 0;
            all = all && found;
        }
        if (all) {
            best.preset = preset;
            best.fieldsMatched = int(wanted.size());
            best.reason = Text::tr("the file has every column of the %1 dataset").arg(preset);
            return best;
        }
    }
    for (const TableSpec& table : importableTables()) {
        const ColumnMapping m = suggestMapping(table, header);
        int matched = 0;
        bool requiredFound = true;
        for (std::size_t f = 0; f < table.fields.size(); ++f) {
            if (m.fieldColumn[f] >= 0) ++matched;
            else if (table.fields[f].required) requiredFound = false;
        }
        if (!requiredFound || matched <= best.fieldsMatched) continue;
        best.table = QString::fromUtf8(table.name.data(), qsizetype(table.name.size()));
        best.fieldsMatched = matched;
    }
    if (!best.table.isEmpty())
        best.reason = Text::tr("%n of the file's columns match fields of %1", nullptr, best.fieldsMatched).arg(best.table);
    return best;
}

} // namespace cwb::model
