#pragma once
// Turns the bytes of a text file in any common encoding into UTF-8.
//
// Invalid byte sequences become U+FFFD and are counted, with the line of the
// first one, so the importer can reject the rows that hold them with a
// reason instead of storing garbled text. In automatic mode the decoder
// waits for the first non-ASCII bytes and picks the encoding from them; the
// ASCII before that decodes the same in every supported encoding, so the
// choice never changes text already passed on.

#include <QString>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace cwb::model {

// What detectEncoding() found, and why.
struct EncodingGuess {
    QString name;          // canonical name: utf-8, utf-16le, utf-16be, gb18030, windows-1252, latin1
    int bomLength = 0;
    bool confident = true; // false when only ASCII was seen (any ASCII-compatible encoding fits)
    QString reason;
};

// Looks at the start of a file's bytes.
EncodingGuess detectEncoding(std::string_view sample);

// Canonical name for a user-given encoding name ("GBK", "utf8", "cp1252", ...);
// empty when iconv does not know it.
QString canonicalEncodingName(const QString& name);

class TextDecoder {
public:
    // `encoding` is a canonical or iconv name, or "auto".
    static std::unique_ptr<TextDecoder> create(const QString& encoding);
    virtual ~TextDecoder();

    // Decodes `in` and appends UTF-8 to `out`. A sequence cut at the end of
    // `in` is held back until the next call; `final` marks the last call.
    virtual void decode(std::string_view in, std::string& out, bool final) = 0;

    // The encoding in use ("auto" until automatic mode has decided).
    virtual QString encoding() const = 0;
    virtual qint64 invalidSequences() const { return invalid_; }
    // 1-based line of the first invalid sequence, 0 if none.
    virtual qint64 firstInvalidLine() const { return firstInvalidLine_; }

protected:
    // Counts an invalid sequence; `line` is evaluated for the first one only.
    template <class LineFn>
    void noteInvalid(LineFn line)
    {
        if (invalid_++ == 0) firstInvalidLine_ = line();
    }
    qint64 invalid_ = 0;
    qint64 firstInvalidLine_ = 0;
};

// Appends the UTF-8 encoding of code point `cp`.
void appendUtf8(std::string& out, char32_t cp);
// Length of the valid UTF-8 sequence at the start of `s`, 0 if invalid,
// -1 if `s` ends inside what may become a valid sequence.
int utf8SequenceLength(std::string_view s);
bool isValidUtf8(std::string_view s);

inline constexpr std::string_view kReplacementUtf8 = "\xEF\xBF\xBD";

} // namespace cwb::model
