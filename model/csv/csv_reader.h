#pragma once
// Streaming RFC 4180 reader over UTF-8 text.
//
// Quoted fields, doubled quotes, embedded newlines, CRLF / LF / CR line ends.
// Every record remembers the physical line it starts on, so messages can
// point at it. Structural damage is reported, not guessed around:
// - a quote left open at the end of the file stops the read (Fatal) with the
//   line and column where it opened;
// - text after a closing quote ("ab"cd) or a NUL byte marks the record as
//   malformed, naming the column; the importer rejects it;
// - a quote inside an unquoted field (12" vinyl) is kept as text and counted.

#include "core/error.h"

#include <QString>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace cwb::model {

class ByteSource;
class TextDecoder;

// Supplies UTF-8 text in pieces.
class TextSource {
public:
    virtual ~TextSource() = default;
    // Appends more text to `out`; false when there is no more.
    virtual bool readMore(std::string& out) = 0;
};

// Text already in memory (tests, previews of a sample): all at once, or
// `piece` bytes at a time (the tests' way to cross every chunk boundary).
class StringTextSource final : public TextSource {
public:
    explicit StringTextSource(std::string text, std::size_t piece = std::string::npos) : text_(std::move(text)), piece_(piece) {}
    bool readMore(std::string& out) override;

private:
    std::string text_;
    std::size_t piece_;
    std::size_t at_ = 0;
    bool done_ = false;
};

// A file's bytes through a decoder.
class DecodingTextSource final : public TextSource {
public:
    DecodingTextSource(ByteSource& bytes, TextDecoder& decoder, std::size_t chunkBytes = 1 << 20);
    bool readMore(std::string& out) override;
    qint64 rawBytesRead() const { return rawBytes_; }

private:
    ByteSource& bytes_;
    TextDecoder& decoder_;
    std::vector<char> buffer_;
    qint64 rawBytes_ = 0;
    bool done_ = false;
};

struct CsvDialect {
    char delimiter = ',';
    char quote = '"';
};

struct CsvRecord {
    enum class Problem { None, TextAfterQuote, NulByte };

    qint64 line = 0;                        // physical line the record starts on, 1-based
    std::vector<std::string_view> fields;   // views into the reader's buffer, valid until next()
    Problem problem = Problem::None;
    int problemColumn = 0;                  // 1-based field of the problem
    int bareQuotes = 0;                     // quotes kept as text in unquoted fields

    std::size_t size() const { return fields.size(); }
    std::string_view operator[](std::size_t i) const { return fields[i]; }
    QString field(std::size_t i) const;
};

class CsvReader {
public:
    enum class Status { Record, End, Fatal };

    CsvReader(TextSource& source, CsvDialect dialect);

    // Reads the next record; blank lines are skipped.
    Status next(CsvRecord& record);
    // Set when next() returned Fatal.
    const Error& fatalError() const { return fatal_; }
    qint64 linesRead() const { return line_ - 1; }
    qint64 recordsRead() const { return records_; }
    qint64 bareQuotes() const { return bareQuotes_; }
    const CsvDialect& dialect() const { return dialect_; }

    // A quoted field longer than this is taken for an unterminated quote.
    static constexpr std::size_t kMaxQuotedField = std::size_t(64) << 20;

private:
    bool fill();

    TextSource& source_;
    CsvDialect dialect_;
    std::string buf_;
    std::size_t pos_ = 0;
    bool eof_ = false;
    bool skipLineFeed_ = false;              // last line end was a CR: an LF right after belongs to it
    qint64 line_ = 1;
    qint64 records_ = 0;
    qint64 bareQuotes_ = 0;
    std::string field_;                      // the record's field bytes, back to back
    std::vector<std::size_t> ends_;          // end offset of each field in field_
    Error fatal_;
    unsigned char special_[256] = {};
};

// Formats fields as one CSV line (quoted where needed), without a line end.
std::string formatCsvLine(const std::vector<std::string_view>& fields, char delimiter = ',');

// A number cell with a fixed count of decimals and a '.' point, whatever the locale ("12.50").
std::string formatDecimal(double value, int decimals);

// A text cell as spreadsheets will take it as text: one that begins with
// = + - @, a tab or a carriage return gets a leading apostrophe so that it is
// never run as a formula. Numbers written by the program are not text cells.
std::string spreadsheetSafe(std::string_view text);

} // namespace cwb::model
