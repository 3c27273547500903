#include "import/preset_support.h"
#include "core/text.h"

#include <QCoreApplication>

namespace cwb::model {


Status locateColumns(const QStringList& header, const std::vector<const char*>& names, std::vector<int>& columns,
                     const QString& presetName)
{
    columns.assign(names.size(), -1);
    QStringList missing;
    for (std::size_t i = 0; i < names.size(); ++i) {
        const QString want = QString::fromLatin1(names[i]);
        for (int c = 0; c < header.size(); ++c)
            if (header[c].trimmed().compare(want, Qt::CaseInsensitive) == 0) columns[i] = c;
        if (columns[i] < 0) missing << want;
    }
    if (missing.isEmpty()) return std::nullopt;
    return makeError(Text::tr("this does not look like the %1 file: column(s) %2 are missing (found: %3)")
                         .arg(presetName, missing.join(QStringLiteral(", ")), header.join(QStringLiteral(", "))));
}

QString presetWhere(const CsvRecord& rec, int column, const ImportContext& ctx)
{
    return Text::tr("line %1, column %2 (%3)").arg(rec.line).arg(column + 1).arg(ctx.columnName(column));
}

} // namespace cwb::model
