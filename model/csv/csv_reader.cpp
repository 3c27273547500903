#include "csv/csv_reader.h"
#include "core/text.h"

#include "csv/byte_source.h"
#include "csv/text_decoder.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstring>

namespace cwb::model {


QString CsvRecord::field(std::size_t i) const
{
    return QString::fromUtf8(fields[i].data(), static_cast<qsizetype>(fields[i].size()));
}

bool StringTextSource::readMore(std::string& out)
{
    if (done_) return false;
    out.append(text_, at_, piece_);
    at_ = piece_ < text_.size() - at_ ? at_ + piece_ : text_.size();
    if (at_ == text_.size()) {
        done_ = true;
        text_.clear();
    }
    return true;
}

DecodingTextSource::DecodingTextSource(ByteSource& bytes, TextDecoder& decoder, std::size_t chunkBytes)
    : bytes_(bytes), decoder_(decoder), buffer_(chunkBytes)
{
}

bool DecodingTextSource::readMore(std::string& out)
{
    if (done_) return false;
    const qint64 n = bytes_.read(buffer_.data(), static_cast<qint64>(buffer_.size()));
    rawBytes_ += n;
    if (n == 0) {
        done_ = true;
        const std::size_t before = out.size();
        decoder_.decode({}, out, true);
        return out.size() > before;
    }
    decoder_.decode(std::string_view(buffer_.data(), static_cast<std::size_t>(n)), out, false);
    return true;
}

CsvReader::CsvReader(TextSource& source, CsvDialect dialect) : source_(source), dialect_(dialect)
{
    for (unsigned char c : {static_cast<unsigned char>(dialect.delimiter), static_cast<unsigned char>(dialect.quote),
                            static_cast<unsigned char>('\n'), static_cast<unsigned char>('\r'),
                            static_cast<unsigned char>('\0')})
        special_[c] = 1;
}

bool CsvReader::fill()
{
    if (eof_) return false;
    // Keep the unread tail; everything before pos_ was consumed.
    buf_.erase(0, pos_);
    pos_ = 0;
    while (pos_ >= buf_.size()) {
        if (!source_.readMore(buf_)) {
            eof_ = true;
            return false;
        }
    }
    return true;
}

CsvReader::Status CsvReader::next(CsvRecord& rec)
{
    enum class State { FieldStart, Unquoted, Quoted, QuoteInQuoted };
    const char delim = dialect_.delimiter, quote = dialect_.quote;

    for (;;) {   // loops only to skip blank lines
        field_.clear();
        ends_.clear();
        rec.problem = CsvRecord::Problem::None;
        rec.problemColumn = 0;
        rec.bareQuotes = 0;
        rec.line = line_;
        State state = State::FieldStart;
        bool sawAnything = false;
        qint64 quoteLine = 0;
        std::size_t quoteColumn = 0;
        std::size_t quotedStart = 0;

        auto endField = [&] { ends_.push_back(field_.size()); };
        auto flag = [&](CsvRecord::Problem p) {
            if (rec.problem == CsvRecord::Problem::None) {
                rec.problem = p;
                rec.problemColumn = static_cast<int>(ends_.size()) + 1;
            }
        };

        bool recordDone = false;
        while (!recordDone) {
            if (pos_ >= buf_.size() && !fill()) {
                // End of input.
                if (state == State::Quoted) {
                    fatal_ = makeError(Text::tr("a quoted field opened in column %1 is never closed; everything after it "
                                          "would be read as one field (add the missing closing quote)")
                                           .arg(quoteColumn));
                    fatal_.line = quoteLine;
                    fatal_.column = static_cast<int>(quoteColumn);
                    return Status::Fatal;
                }
                if (!sawAnything) return Status::End;
                endField();
                break;
            }
            const char* data = buf_.data();
            const std::size_t size = buf_.size();
            while (pos_ < size && !recordDone) {
                if (skipLineFeed_ && data[pos_] != '\n') skipLineFeed_ = false;
                switch (state) {
                case State::FieldStart:
                case State::Unquoted: {
                    // Copy the run of ordinary bytes in one go.
                    std::size_t end = pos_;
                    while (end < size && !special_[static_cast<unsigned char>(data[end])]) ++end;
                    if (end > pos_) {
                        field_.append(data + pos_, end - pos_);
                        pos_ = end;
                        sawAnything = true;
                        state = State::Unquoted;
                        continue;
                    }
                    const char c = data[pos_++];
                    if (c == delim) {
                        sawAnything = true;
                        endField();
                        state = State::FieldStart;
                    } else if (c == '\n' || c == '\r') {
                        if (c == '\n' && skipLineFeed_) {   // the LF of a CRLF
                            skipLineFeed_ = false;
                            break;
                        }
                        skipLineFeed_ = c == '\r';
                        ++line_;
                        if (sawAnything) {
                            endField();
                            recordDone = true;
                        } else {
                            rec.line = line_;   // blank line: the record starts on the next one
                        }
                        break;
                    } else if (c == quote) {
                        sawAnything = true;
                        if (state == State::FieldStart) {
                            state = State::Quoted;
                            quoteLine = line_;
                            quoteColumn = ends_.size() + 1;
                            quotedStart = field_.size();
                        } else {
                            field_.push_back(c);
                            ++rec.bareQuotes;
                        }
                    } else {   // NUL
                        sawAnything = true;
                        flag(CsvRecord::Problem::NulByte);
                        state = State::Unquoted;
                    }
                    break;
                }
                case State::Quoted: {
                    const char* q = static_cast<const char*>(std::memchr(data + pos_, quote, size - pos_));
                    const std::size_t end = q ? static_cast<std::size_t>(q - data) : size;
                    for (std::size_t i = pos_; i < end; ++i) {
                        if (data[i] == '\n') ++line_;
                        else if (data[i] == '\0') flag(CsvRecord::Problem::NulByte);
                    }
                    field_.append(data + pos_, end - pos_);
                    pos_ = end;
                    if (field_.size() - quotedStart > kMaxQuotedField) {
                        fatal_ = makeError(Text::tr("a quoted field opened in column %1 runs over %2 MB; the closing quote "
                                              "is probably missing")
                                               .arg(quoteColumn)
                                               .arg(kMaxQuotedField >> 20));
                        fatal_.line = quoteLine;
                        fatal_.column = static_cast<int>(quoteColumn);
                        return Status::Fatal;
                    }
                    if (q) {
                        ++pos_;
                        state = State::QuoteInQuoted;
                    }
                    break;
                }
                case State::QuoteInQuoted: {
                    const char c = data[pos_];
                    if (c == quote) {
                        field_.push_back(quote);
                        ++pos_;
                        state = State::Quoted;
                    } else if (c == delim || c == '\n' || c == '\r') {
                        state = State::Unquoted;   // the delimiter / line end is handled there
                    } else {
                        // "ab"cd: keep the text, but the record is malformed.
                        flag(CsvRecord::Problem::TextAfterQuote);
                        state = State::Unquoted;
                        if (c != '\0') {
                            field_.push_back(c);
                            ++pos_;
                        }
                    }
                    break;
                }
                }
            }
        }
        rec.fields.clear();
        std::size_t start = 0;
        for (std::size_t end : ends_) {
            rec.fields.emplace_back(field_.data() + start, end - start);
            start = end;
        }
        ++records_;
        bareQuotes_ += rec.bareQuotes;
        return Status::Record;
    }
}

std::string formatDecimal(double value, int decimals)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
    return buf;
}

std::string formatCsvLine(const std::vector<std::string_view>& fields, char delimiter)
{
    std::string line;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) line.push_back(delimiter);
        const std::string_view f = fields[i];
        const bool needsQuotes = f.find_first_of(std::string{delimiter, '"', '\n', '\r'}) != std::string_view::npos
                                 || (!f.empty() && (f.front() == ' ' || f.back() == ' '));
        if (!needsQuotes) {
            line.append(f);
            continue;
        }
        line.push_back('"');
        for (char c : f) {
            if (c == '"') line.push_back('"');
            line.push_back(c);
        }
        line.push_back('"');
    }
    return line;
}

std::string spreadsheetSafe(std::string_view text)
{
    if (text.empty() || std::string_view("=+-@\t\r").find(text.front()) == std::string_view::npos) return std::string(text);
    std::string out;
    out.reserve(text.size() + 1);
    out.push_back('\'');
    out.append(text);
    return out;
}

} // namespace cwb::model
