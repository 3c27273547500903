#include "csv/csv_sniffer.h"
#include "core/text.h"

#include "csv/byte_source.h"
#include "import/value_parsers.h"

#include <QCoreApplication>

#include <algorithm>
#include <map>

namespace cwb::model {

namespace {


constexpr std::size_t kSampleBytes = 1 << 20;

std::vector<std::vector<std::string>> parseSample(std::string_view text, CsvDialect dialect, std::size_t maxRecords)
{
    StringTextSource source{std::string(text)};
    CsvReader reader(source, dialect);
    CsvRecord rec;
    std::vector<std::vector<std::string>> rows;
    while (rows.size() < maxRecords && reader.next(rec) == CsvReader::Status::Record) {
        std::vector<std::string> row;
        row.reserve(rec.size());
        for (auto f : rec.fields) row.emplace_back(f);
        rows.push_back(std::move(row));
    }
    return rows;
}

bool looksNumericOrDate(std::string_view s)
{
    s = trimmed(s);
    if (s.empty()) return false;
    return parseNumber(s, {}).has_value() || parseTimestamp(s, DateOrder::MonthFirst).has_value();
}

} // namespace

QString delimiterName(char d)
{
    switch (d) {
    case '\t': return QStringLiteral("tab");
    case ',': return QStringLiteral(",");
    case ';': return QStringLiteral(";");
    case '|': return QStringLiteral("|");
    default: return QString(QLatin1Char(d));
    }
}

char parseDelimiterName(const QString& name)
{
    const QString n = name.trimmed().toLower();
    if (n == QLatin1String("tab") || n == QLatin1String("\\t") || name == QLatin1String("\t")) return '\t';
    if (n == QLatin1String("comma")) return ',';
    if (n == QLatin1String("semicolon")) return ';';
    if (n == QLatin1String("pipe")) return '|';
    if (name.size() == 1 && name[0].unicode() < 0x80 && name[0] != QLatin1Char('"') && name[0] != QLatin1Char('\n'))
        return static_cast<char>(name[0].unicode());
    return 0;
}

CsvSniff sniffDialect(std::string_view sample, std::optional<char> delimiter, std::optional<bool> header)
{
    CsvSniff best;
    double bestScore = -1;
    const std::vector<char> candidates = delimiter ? std::vector<char>{*delimiter} : std::vector<char>{',', ';', '\t', '|'};
    for (char d : candidates) {
        const auto rows = parseSample(sample, {d, '"'}, 200);
        if (rows.empty()) continue;
        std::map<std::size_t, int> counts;
        for (const auto& r : rows) ++counts[r.size()];
        const auto mode = std::max_element(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
            return a.second < b.second || (a.second == b.second && a.first < b.first);
        });
        const double consistency = double(mode->second) / double(rows.size());
        const double score = mode->first > 1 ? consistency * 1000.0 + double(mode->first) : 0.0;
        if (score > bestScore) {
            bestScore = score;
            best.dialect.delimiter = d;
            best.columns = static_cast<int>(mode->first);
            best.reason = Text::tr("delimiter %1 splits %2 of %3 sampled lines into %4 fields")
                              .arg(delimiterName(d))
                              .arg(mode->second)
                              .arg(rows.size())
                              .arg(mode->first);
        }
    }
    if (bestScore <= 0 && !delimiter) {
        best.dialect.delimiter = ',';
        best.columns = 1;
        best.reason = Text::tr("no delimiter found: one column per line");
    }

    if (header) {
        best.hasHeader = *header;
        return best;
    }
    // A header row is all text, while some column below it holds numbers or dates.
    const auto rows = parseSample(sample, best.dialect, 50);
    best.hasHeader = true;
    if (!rows.empty()) {
        const auto& first = rows.front();
        const bool firstHasData = std::any_of(first.begin(), first.end(), [](const std::string& f) { return looksNumericOrDate(f); });
        const bool firstHasEmpty = std::any_of(first.begin(), first.end(), [](const std::string& f) { return trimmed(f).empty(); });
        if (firstHasData || (firstHasEmpty && rows.size() > 1)) best.hasHeader = false;
    }
    return best;
}

Result<FileInspection> inspectFile(const QString& path, const QString& encoding, char delimiter,
                                   std::optional<bool> header, int previewRows)
{
    auto opened = ByteSource::open(path);
    if (!opened) return opened.error();
    ByteSource& src = *opened.value();

    std::string raw(kSampleBytes, '\0');
    qint64 got = 0;
    try {
        while (got < static_cast<qint64>(raw.size())) {
            const qint64 n = src.read(raw.data() + got, static_cast<qint64>(raw.size()) - got);
            if (n == 0) break;
            got += n;
        }
    } catch (const std::exception& e) {
        Error err = makeError(QString::fromUtf8(e.what()));
        err.file = path;
        return err;
    }
    raw.resize(static_cast<std::size_t>(got));

    FileInspection out;
    out.fileSize = src.fileSize();
    out.compressed = src.compressed();
    out.sampleIsWholeFile = got < static_cast<qint64>(kSampleBytes);
    Error err = makeError({});
    err.file = path;
    if (raw.starts_with("PK\x03\x04")) {
        err.message = Text::tr("this is an Excel workbook or a zip archive, not a CSV file; in Excel use File > Save As > "
                         "CSV UTF-8, then import that file");
        return err;
    }
    if (raw.starts_with("\xD0\xCF\x11\xE0")) {
        err.message = Text::tr("this is an old Excel (.xls) file, not a CSV file; save it as CSV UTF-8 first");
        return err;
    }
    if (raw.empty()) {
        err.message = Text::tr("the file is empty");
        return err;
    }

    const QString canonical = canonicalEncodingName(encoding);
    if (canonical.isEmpty()) {
        err.message = Text::tr("unknown encoding \"%1\" (use utf-8, gbk, gb18030, latin1, windows-1252, utf-16 ...)").arg(encoding);
        return err;
    }
    if (canonical == QLatin1String("auto")) {
        out.encoding = detectEncoding(raw);
    } else {
        out.encoding = {canonical, 0, true, Text::tr("chosen")};
    }
    const auto decoder = TextDecoder::create(out.encoding.name);
    std::string text;
    decoder->decode(raw, text, out.sampleIsWholeFile);
    if (std::all_of(text.begin(), text.end(), [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; })) {
        err.message = Text::tr("the file has nothing in it but blank lines (or a byte-order mark alone): no header, no rows");
        return err;
    }
    // Text has the odd control character at most (a NUL in one row is that row's problem);
    // a sample full of them is a binary file: an image, a database, a compressed file renamed.
    const auto controls = std::count_if(text.begin(), text.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return (u < 0x20 && c != '\t' && c != '\r' && c != '\n') || u == 0x7F;
    });
    const auto characters = std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
    if (controls >= 16 && double(controls) > 0.01 * double(characters)) {
        err.message = Text::tr("this is not a text file: %1 of its first %2 characters are control characters (is it an image, a database "
                               "or a compressed file with another name?)")
                          .arg(controls)
                          .arg(characters);
        return err;
    }
    if (!out.sampleIsWholeFile) {
        // Do not let a record cut by the end of the sample count as a short row.
        const std::size_t lastLine = text.rfind('\n');
        if (lastLine != std::string::npos) text.resize(lastLine + 1);
    }
    out.sniff = sniffDialect(text, delimiter ? std::optional<char>(delimiter) : std::nullopt, header);

    const auto rows = parseSample(text, out.sniff.dialect, static_cast<std::size_t>(previewRows) + 1);
    std::size_t first = 0;
    if (out.sniff.hasHeader && !rows.empty()) {
        for (const std::string& h : rows.front()) out.header << QString::fromUtf8(trimmed(h).data(), static_cast<qsizetype>(trimmed(h).size()));
        first = 1;
    }
    if (!out.sniff.hasHeader) {
        // Without a header the most common row width sets the columns.
        for (int c = 0; c < out.sniff.columns; ++c) out.header << Text::tr("column %1").arg(c + 1);
    }
    for (int c = 0; c < out.header.size(); ++c)
        if (out.header[c].isEmpty()) out.header[c] = Text::tr("column %1").arg(c + 1);
    // A header the chosen encoding cannot read: every column name would be garbled, and every
    // row rejected. Say what the bytes look like instead.
    if (out.sniff.hasHeader && out.encoding.confident && canonical != QLatin1String("auto")) {
        const int bad = int(std::count_if(out.header.begin(), out.header.end(), [](const QString& h) { return h.contains(QChar(0xFFFD)); }));
        if (bad > 0) {
            const EncodingGuess guess = detectEncoding(raw);
            err.line = 1;
            for (int c = 0; c < out.header.size() && err.column == 0; ++c)
                if (out.header[c].contains(QChar(0xFFFD))) err.column = c + 1;
            err.message = Text::tr("the header has bytes that are not valid %1 (in %2 of its %3 column names): the file is in another encoding%4; "
                                   "leave out --encoding to detect it, or name the right one")
                              .arg(out.encoding.name)
                              .arg(bad)
                              .arg(out.header.size())
                              .arg(guess.name != out.encoding.name ? Text::tr(", probably %1").arg(guess.name) : QString());
            return err;
        }
    }
    for (std::size_t i = first; i < rows.size(); ++i) {
        QStringList row;
        for (const std::string& f : rows[i]) row << QString::fromStdString(f);
        out.rows.push_back(row);
    }
    return out;
}

} // namespace cwb::model
