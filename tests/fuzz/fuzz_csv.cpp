// Fuzz target: reading a CSV file's text — encoding detection, decoding in
// pieces of any size, delimiter and header sniffing, and the RFC 4180 reader.
//
// Input: one control byte, then the file's bytes. The control byte picks
//   bits 0-2  the encoding: auto, utf-8, gb18030, utf-16le, utf-16be, windows-1252, latin1, auto
//   bits 3-4  the delimiter: sniffed, ',', ';', tab
//   bits 5-7  the size of the pieces the bytes and the text arrive in: 1, 2, 4 ... 128 bytes
//
// Besides not crashing (under ASan and UBSan), these must hold:
// - the decoder's output is valid UTF-8, whatever it is fed;
// - with a given encoding, decoding in pieces gives exactly what decoding in
//   one go gives (a sequence cut between two pieces is held back, not lost);
// - the reader finds the same records, fields, lines and problems whether the
//   text arrives in one piece or in many;
// - a record without problems, written out again with formatCsvLine(), reads
//   back as the same fields.

#include "fuzz_support.h"

#include "csv/csv_reader.h"
#include "csv/csv_sniffer.h"
#include "csv/text_decoder.h"

#include <algorithm>
#include <string>
#include <vector>

using namespace cwb::model;
using cwb::fuzz::require;

namespace {

struct ReadRecord {
    qint64 line = 0;
    std::vector<std::string> fields;
    CsvRecord::Problem problem = CsvRecord::Problem::None;
    int problemColumn = 0;
    bool operator==(const ReadRecord&) const = default;
};

struct ReadResult {
    std::vector<ReadRecord> records;
    bool fatal = false;
    qint64 fatalLine = 0;
    int fatalColumn = 0;
    qint64 bareQuotes = 0;
    bool operator==(const ReadResult&) const = default;
};

constexpr std::size_t kMaxRecords = 2000;   // enough to reach every state; keeps runs fast

ReadResult readAll(TextSource& source, CsvDialect dialect)
{
    ReadResult result;
    CsvReader reader(source, dialect);
    CsvRecord rec;
    qint64 lastLine = 0;
    for (;;) {
        const CsvReader::Status status = reader.next(rec);
        if (status == CsvReader::Status::End) break;
        if (status == CsvReader::Status::Fatal) {
            result.fatal = true;
            result.fatalLine = reader.fatalError().line;
            result.fatalColumn = reader.fatalError().column;
            require(!reader.fatalError().message.isEmpty(), "a fatal read error says why");
            require(reader.fatalError().line >= 1, "a fatal read error names its line");
            break;
        }
        require(rec.size() >= 1, "a record has at least one field");
        require(rec.line >= 1 && rec.line >= lastLine, "record lines start at 1 and never go back");
        lastLine = rec.line;
        if (rec.problem != CsvRecord::Problem::None)
            require(rec.problemColumn >= 1 && static_cast<std::size_t>(rec.problemColumn) <= rec.size(),
                    "a malformed record names one of its own fields");
        ReadRecord r{rec.line, {}, rec.problem, rec.problemColumn};
        for (std::size_t i = 0; i < rec.size(); ++i) {
            r.fields.emplace_back(rec[i]);
            (void)rec.field(i).size();   // the QString conversion the importer uses
        }
        result.records.push_back(std::move(r));
        if (result.records.size() >= kMaxRecords) break;
    }
    result.bareQuotes = reader.bareQuotes();
    return result;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0) return 0;
    static const char* const kEncodings[] = {"auto", "utf-8", "gb18030", "utf-16le", "utf-16be", "windows-1252", "latin1", "auto"};
    static const char kDelimiters[] = {0, ',', ';', '\t'};
    const std::uint8_t control = data[0];
    const QString encoding = QString::fromLatin1(kEncodings[control & 7]);
    const char delimiter = kDelimiters[(control >> 3) & 3];
    const std::size_t piece = std::size_t(1) << ((control >> 5) & 7);
    const std::string_view bytes = cwb::fuzz::asText(data + 1, size - 1);

    (void)detectEncoding(bytes);

    std::string whole;
    {
        auto decoder = TextDecoder::create(encoding);
        require(decoder != nullptr, "every listed encoding has a decoder");
        decoder->decode(bytes, whole, true);
        require(isValidUtf8(whole), "decoded text is valid UTF-8");
        require(decoder->invalidSequences() == 0 || decoder->firstInvalidLine() >= 1,
                "an invalid sequence is placed on a line");
    }
    {
        auto decoder = TextDecoder::create(encoding);
        std::string pieces;
        for (std::size_t at = 0; at < bytes.size(); at += piece)
            decoder->decode(bytes.substr(at, piece), pieces, false);
        decoder->decode({}, pieces, true);
        require(isValidUtf8(pieces), "text decoded piece by piece is valid UTF-8");
        // In automatic mode the encoding is chosen from the piece holding the
        // first non-ASCII byte, so tiny pieces may choose differently; a given
        // encoding must not depend on how the bytes arrive.
        if (encoding != QLatin1String("auto")) require(pieces == whole, "decoding does not depend on how the bytes are cut");
    }

    const CsvSniff sniff = delimiter ? sniffDialect(whole, delimiter) : sniffDialect(whole);
    require(sniff.dialect.delimiter != sniff.dialect.quote, "the delimiter is not the quote");

    StringTextSource all(whole);
    const ReadResult inOne = readAll(all, sniff.dialect);
    StringTextSource some(whole, piece);
    const ReadResult inPieces = readAll(some, sniff.dialect);
    require(inOne == inPieces, "records do not depend on how the text arrives");

    for (const ReadRecord& r : inOne.records) {
        if (r.problem != CsvRecord::Problem::None) continue;
        // One empty field is a blank line, which the reader skips.
        if (r.fields.size() == 1 && r.fields[0].empty()) continue;
        if (std::any_of(r.fields.begin(), r.fields.end(), [](const std::string& f) { return f.find('\0') != std::string::npos; }))
            continue;
        std::vector<std::string_view> views(r.fields.begin(), r.fields.end());
        StringTextSource again(formatCsvLine(views, sniff.dialect.delimiter) + "\n");
        const ReadResult back = readAll(again, sniff.dialect);
        require(back.records.size() == 1 && back.records[0].fields == r.fields && !back.fatal,
                "a record written with formatCsvLine() reads back as the same fields");
    }
    return 0;
}
