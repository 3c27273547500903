#include "import/column_mapping.h"
#include "core/text.h"

#include "import/value_parsers.h"

#include <QCoreApplication>

#include <algorithm>
#include <tuple>

namespace cwb::model {

namespace {


QString qs(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

std::string norm(const QString& header)
{
    const QByteArray utf8 = header.toUtf8();
    return normalizedWord(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())));
}

int matchScore(const FieldSpec& field, const std::string& header)
{
    if (header.empty()) return 0;
    if (header == normalizedWord(field.name)) return 200;
    for (std::size_t i = 0; i < field.synonyms.size(); ++i)
        if (header == field.synonyms[i]) return 150 - static_cast<int>(i);
    int best = 0;
    for (std::string_view syn : field.synonyms) {
        if (syn.size() < 4) continue;   // "id", "ts" are too short to find inside other words
        if (header.find(syn) != std::string::npos) best = std::max(best, 40 + static_cast<int>(syn.size()));
    }
    return best;
}

int findColumn(const QStringList& header, const QString& name)
{
    const QString n = name.trimmed();
    if (n.startsWith(QLatin1Char('#'))) {
        bool ok = false;
        const int index = n.mid(1).toInt(&ok);
        return ok && index >= 1 && index <= header.size() ? index - 1 : -1;
    }
    for (int i = 0; i < header.size(); ++i)
        if (header[i].trimmed() == n) return i;
    for (int i = 0; i < header.size(); ++i)
        if (header[i].trimmed().compare(n, Qt::CaseInsensitive) == 0) return i;
    return -1;
}

QString columnList(const QStringList& header)
{
    QStringList quoted;
    for (const QString& h : header) quoted << QLatin1Char('"') + h + QLatin1Char('"');
    return quoted.join(QStringLiteral(", "));
}

} // namespace

Result<MappingOverrides> parseMappingArgument(const QString& text)
{
    MappingOverrides out;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const int eq = part.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return makeError(Text::tr("--map expects field=column pairs separated by commas; \"%1\" has no field name").arg(part));
        out.push_back({part.left(eq).trimmed(), part.mid(eq + 1).trimmed()});
    }
    return out;
}

ColumnMapping suggestMapping(const TableSpec& table, const QStringList& header)
{
    ColumnMapping m;
    m.fieldColumn.assign(table.fields.size(), -1);
    m.fromOverride.assign(table.fields.size(), false);
    std::vector<std::string> normalized;
    for (const QString& h : header) normalized.push_back(norm(h));

    std::vector<std::tuple<int, int, int>> candidates;   // score, field, column
    for (std::size_t f = 0; f < table.fields.size(); ++f)
        for (std::size_t c = 0; c < normalized.size(); ++c)
            if (const int s = matchScore(table.fields[f], normalized[c]); s > 0)
                candidates.emplace_back(s, static_cast<int>(f), static_cast<int>(c));
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const auto& a, const auto& b) { return std::get<0>(a) > std::get<0>(b); });
    std::vector<bool> columnUsed(header.size(), false);
    for (const auto& [score, f, c] : candidates) {
        if (m.fieldColumn[static_cast<std::size_t>(f)] >= 0 || columnUsed[static_cast<std::size_t>(c)]) continue;
        m.fieldColumn[static_cast<std::size_t>(f)] = c;
        columnUsed[static_cast<std::size_t>(c)] = true;
    }
    for (int c = 0; c < header.size(); ++c) {
        if (columnUsed[static_cast<std::size_t>(c)]) continue;
        (table.keepsAttributes ? m.attributeColumns : m.ignoredColumns).push_back(c);
    }
    return m;
}

Status applyOverrides(ColumnMapping& m, const TableSpec& table, const QStringList& header,
                      const MappingOverrides& overrides, const QStringList& skipColumns)
{
    for (const auto& [fieldName, columnName] : overrides) {
        const QByteArray f = fieldName.toUtf8();
        const int fi = table.indexOf(std::string_view(f.constData(), static_cast<std::size_t>(f.size())));
        if (fi < 0) {
            QStringList fields;
            for (const FieldSpec& spec : table.fields) fields << qs(spec.name);
            return makeError(Text::tr("--map: \"%1\" is not a field of %2; its fields are: %3")
                                 .arg(fieldName, qs(table.name), fields.join(QStringLiteral(", "))));
        }
        int column = -1;
        if (!columnName.isEmpty()) {
            column = findColumn(header, columnName);
            if (column < 0)
                return makeError(Text::tr("--map: the file has no column \"%1\"; its columns are: %2")
                                     .arg(columnName, columnList(header)));
            // A column feeds one field: take it away from any other.
            for (int& other : m.fieldColumn)
                if (other == column) other = -1;
        }
        m.fieldColumn[static_cast<std::size_t>(fi)] = column;
        m.fromOverride[static_cast<std::size_t>(fi)] = true;
    }
    std::vector<bool> skip(header.size(), false);
    for (const QString& name : skipColumns) {
        const int c = findColumn(header, name);
        if (c < 0)
            return makeError(Text::tr("--skip-columns: the file has no column \"%1\"; its columns are: %2").arg(name, columnList(header)));
        skip[static_cast<std::size_t>(c)] = true;
        for (int& other : m.fieldColumn)
            if (other == c) other = -1;
    }
    std::vector<bool> used(header.size(), false);
    for (int c : m.fieldColumn)
        if (c >= 0) used[static_cast<std::size_t>(c)] = true;
    m.attributeColumns.clear();
    m.ignoredColumns.clear();
    for (int c = 0; c < header.size(); ++c) {
        if (used[static_cast<std::size_t>(c)]) continue;
        (table.keepsAttributes && !skip[static_cast<std::size_t>(c)] ? m.attributeColumns : m.ignoredColumns).push_back(c);
    }
    return std::nullopt;
}

Status checkRequiredFields(const ColumnMapping& m, const TableSpec& table, const QStringList& header)
{
    QStringList missing;
    for (std::size_t f = 0; f < table.fields.size(); ++f)
        if (table.fields[f].required && m.fieldColumn[f] < 0) missing << qs(table.fields[f].name);
    if (missing.isEmpty()) return std::nullopt;
    return makeError(Text::tr("required field(s) %1 of %2 not found among the file's columns (%3); name the columns with "
                        "--map, e.g. --map %4=\"Your Column\"")
                         .arg(missing.join(QStringLiteral(", ")), qs(table.name), columnList(header), missing.first()));
}

} // namespace cwb::model
