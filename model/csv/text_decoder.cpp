#include "csv/text_decoder.h"
#include "core/text.h"

#include <QCoreApplication>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iconv.h>
#include <stdexcept>

namespace cwb::model {

namespace {


qint64 countLines(std::string_view s) { return static_cast<qint64>(std::count(s.begin(), s.end(), '\n')); }

// Structural check of GB18030: returns false at the first impossible byte.
// Counts two-byte characters in the GB2312 hanzi block (the bulk of real
// Simplified Chinese text) to tell Chinese from Latin-1 text that happens
// to have the right shape.
bool looksLikeGb18030(std::string_view s, int& multibyte, int& hanzi)
{
    multibyte = hanzi = 0;
    std::size_t i = 0;
    while (i < s.size()) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            ++i;
            continue;
        }
        if (b == 0x80 || b == 0xFF) return false;
        if (i + 1 >= s.size()) break;   // cut at the end of the sample
        const auto b2 = static_cast<unsigned char>(s[i + 1]);
        if (b2 >= 0x30 && b2 <= 0x39) {
            if (i + 3 >= s.size()) break;
            const auto b3 = static_cast<unsigned char>(s[i + 2]);
            const auto b4 = static_cast<unsigned char>(s[i + 3]);
            if (b3 < 0x81 || b3 > 0xFE || b4 < 0x30 || b4 > 0x39) return false;
            ++multibyte;
            i += 4;
            continue;
        }
        if (b2 < 0x40 || b2 == 0x7F || b2 == 0xFF) return false;
        ++multibyte;
        if (b >= 0xB0 && b <= 0xF7 && b2 >= 0xA1) ++hanzi;
        i += 2;
    }
    return true;
}

bool hasCp1252Holes(std::string_view s)
{
    return std::any_of(s.begin(), s.end(), [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D;
    });
}

const char* iconvName(const QString& canonical)
{
    if (canonical == QLatin1String("gb18030")) return "GB18030";
    if (canonical == QLatin1String("latin1")) return "ISO-8859-1";
    if (canonical == QLatin1String("windows-1252")) return "WINDOWS-1252";
    if (canonical == QLatin1String("utf-16le")) return "UTF-16LE";
    if (canonical == QLatin1String("utf-16be")) return "UTF-16BE";
    if (canonical == QLatin1String("utf-16")) return "UTF-16";
    return nullptr;
}

class Utf8Decoder final : public TextDecoder {
public:
    void decode(std::string_view in, std::string& out, bool final) override
    {
        std::string joined;
        if (!pending_.empty()) {
            joined = pending_ + std::string(in);
            pending_.clear();
            in = joined;
        }
        if (atStart_) {
            if (in.size() < 3 && !final && std::string_view("\xEF\xBB\xBF").starts_with(in)) {
                pending_.assign(in);
                return;
            }
            if (in.starts_with("\xEF\xBB\xBF")) in.remove_prefix(3);
            atStart_ = false;
        }
        out.reserve(out.size() + in.size());
        std::size_t i = 0, run = 0;
        while (i < in.size()) {
            // Fast path: eight ASCII bytes at a time.
            if (i + 8 <= in.size()) {
                std::uint64_t w;
                std::memcpy(&w, in.data() + i, 8);
                if ((w & 0x8080808080808080ull) == 0) {
                    i += 8;
                    continue;
                }
            }
            if (static_cast<unsigned char>(in[i]) < 0x80) {
                ++i;
                continue;
            }
            const int n = utf8SequenceLength(in.substr(i));
            if (n > 0) {
                i += static_cast<std::size_t>(n);
                continue;
            }
            out.append(in.data() + run, i - run);
            if (n < 0 && !final) {   // cut sequence: wait for the rest
                pending_.assign(in.substr(i));
                lines_ += countLines(in.substr(0, i));
                return;
            }
            noteInvalid([&] { return lines_ + countLines(in.substr(0, i)) + 1; });
            out.append(kReplacementUtf8);
            ++i;
            run = i;
        }
        out.append(in.data() + run, in.size() - run);
        lines_ += countLines(in);
    }
    QString encoding() const override { return QStringLiteral("utf-8"); }

private:
    std::string pending_;
    qint64 lines_ = 0;
    bool atStart_ = true;
};

class IconvDecoder final : public TextDecoder {
public:
    IconvDecoder(QString canonical, const char* name, int unit) : canonical_(std::move(canonical)), unit_(unit)
    {
        cd_ = iconv_open("UTF-8", name);
        if (cd_ == reinterpret_cast<iconv_t>(-1)) throw std::invalid_argument("unknown encoding");
    }
    ~IconvDecoder() override { iconv_close(cd_); }

    void decode(std::string_view in, std::string& out, bool final) override
    {
        pending_.append(in);
        char* src = pending_.data();
        std::size_t srcLeft = pending_.size();
        const std::size_t outStart = out.size();
        for (;;) {
            const std::size_t used = out.size();
            out.resize(used + std::max<std::size_t>(srcLeft * 3 + 16, 4096));
            char* dst = out.data() + used;
            std::size_t dstLeft = out.size() - used;
            const std::size_t rc = iconv(cd_, &src, &srcLeft, &dst, &dstLeft);
            out.resize(out.size() - dstLeft);
            if (rc != static_cast<std::size_t>(-1)) break;
            if (errno == E2BIG) continue;
            if (errno == EINVAL && !final) break;   // cut sequence at the end: keep it
            // EILSEQ, or a cut sequence at the very end: replace one unit and go on.
            noteInvalid([&] { return lines_ + countLines(std::string_view(out).substr(outStart)) + 1; });
            out.append(kReplacementUtf8);
            const std::size_t skip = std::min<std::size_t>(srcLeft, static_cast<std::size_t>(unit_));
            src += skip;
            srcLeft -= skip;
            if (srcLeft == 0) break;
        }
        pending_.erase(0, pending_.size() - srcLeft);
        std::string_view produced = std::string_view(out).substr(outStart);
        if (atStart_ && !produced.empty()) {
            // A byte-order mark of the named encoding decodes to U+FEFF: drop it.
            if (produced.starts_with("\xEF\xBB\xBF")) out.erase(outStart, 3);
            atStart_ = false;
        }
        lines_ += countLines(std::string_view(out).substr(outStart));
    }
    QString encoding() const override { return canonical_; }

private:
    iconv_t cd_;
    QString canonical_;
    int unit_;
    std::string pending_;
    qint64 lines_ = 0;
    bool atStart_ = true;
};

class AutoDecoder final : public TextDecoder {
public:
    void decode(std::string_view in, std::string& out, bool final) override
    {
        if (!real_) {
            std::string_view probe = in;
            std::string joined;
            if (!head_.empty()) {
                joined = head_ + std::string(in);
                probe = joined;
            }
            // Decide at the start (byte-order marks, UTF-16) or at the first non-ASCII byte.
            const bool atStart = asciiSeen_ == 0;
            const auto high = std::find_if(probe.begin(), probe.end(), [](char c) {
                return static_cast<unsigned char>(c) >= 0x80 || c == '\0';
            });
            if (atStart && probe.size() < 4 && !final) {
                head_.assign(probe);
                return;
            }
            if (high == probe.end() && !(atStart && detectEncoding(probe).bomLength > 0)) {
                asciiSeen_ += static_cast<qint64>(probe.size());
                asciiLines_ += countLines(probe);
                out.append(probe);
                head_.clear();
                return;
            }
            const std::size_t offset = atStart ? 0 : static_cast<std::size_t>(high - probe.begin());
            const EncodingGuess guess = detectEncoding(probe.substr(offset));
            real_ = TextDecoder::create(guess.name);
            asciiLines_ += countLines(probe.substr(0, offset));
            out.append(probe.substr(0, offset));
            std::string rest(probe.substr(offset));
            head_.clear();
            real_->decode(rest, out, final);
            return;
        }
        real_->decode(in, out, final);
    }
    QString encoding() const override { return real_ ? real_->encoding() : QStringLiteral("auto"); }
    // Counts come from the decoder chosen; its lines start where it took over.
    qint64 invalidSequences() const override { return real_ ? real_->invalidSequences() : 0; }
    qint64 firstInvalidLine() const override
    {
        return real_ && real_->firstInvalidLine() > 0 ? real_->firstInvalidLine() + asciiLines_ : 0;
    }

private:
    std::unique_ptr<TextDecoder> real_;
    std::string head_;
    qint64 asciiSeen_ = 0;
    qint64 asciiLines_ = 0;
};

} // namespace

TextDecoder::~TextDecoder() = default;

void appendUtf8(std::string& out, char32_t cp)
{
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

int utf8SequenceLength(std::string_view s)
{
    if (s.empty()) return 0;
    const auto b0 = static_cast<unsigned char>(s[0]);
    if (b0 < 0x80) return 1;
    int n;
    unsigned char lo = 0x80, hi = 0xBF;   // allowed range of the second byte (Unicode Table 3-7)
    if (b0 >= 0xC2 && b0 <= 0xDF) n = 2;
    else if (b0 == 0xE0) { n = 3; lo = 0xA0; }
    else if (b0 >= 0xE1 && b0 <= 0xEC) n = 3;
    else if (b0 == 0xED) { n = 3; hi = 0x9F; }
    else if (b0 >= 0xEE && b0 <= 0xEF) n = 3;
    else if (b0 == 0xF0) { n = 4; lo = 0x90; }
    else if (b0 >= 0xF1 && b0 <= 0xF3) n = 4;
    else if (b0 == 0xF4) { n = 4; hi = 0x8F; }
    else return 0;
    for (int k = 1; k < n; ++k) {
        if (static_cast<std::size_t>(k) >= s.size()) return -1;
        const auto b = static_cast<unsigned char>(s[static_cast<std::size_t>(k)]);
        const unsigned char l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
        if (b < l || b > h) return 0;
    }
    return n;
}

bool isValidUtf8(std::string_view s)
{
    for (std::size_t i = 0; i < s.size();) {
        const int n = utf8SequenceLength(s.substr(i));
        if (n <= 0) return false;
        i += static_cast<std::size_t>(n);
    }
    return true;
}

EncodingGuess detectEncoding(std::string_view s)
{
    if (s.starts_with("\xEF\xBB\xBF")) return {QStringLiteral("utf-8"), 3, true, Text::tr("UTF-8 byte-order mark")};
    if (s.starts_with("\xFF\xFE")) return {QStringLiteral("utf-16le"), 2, true, Text::tr("UTF-16 (little-endian) byte-order mark")};
    if (s.starts_with("\xFE\xFF")) return {QStringLiteral("utf-16be"), 2, true, Text::tr("UTF-16 (big-endian) byte-order mark")};

    // UTF-16 without a mark: ASCII text has a zero in every other byte.
    const std::size_t probe = std::min<std::size_t>(s.size(), 4096) & ~std::size_t(1);
    if (probe >= 4) {
        std::size_t evenZero = 0, oddZero = 0;
        for (std::size_t i = 0; i < probe; i += 2) {
            evenZero += s[i] == '\0';
            oddZero += s[i + 1] == '\0';
        }
        const std::size_t pairs = probe / 2;
        if (oddZero * 10 > pairs * 3 && evenZero * 20 < pairs)
            return {QStringLiteral("utf-16le"), 0, true, Text::tr("zero bytes in every other position (UTF-16 little-endian)")};
        if (evenZero * 10 > pairs * 3 && oddZero * 20 < pairs)
            return {QStringLiteral("utf-16be"), 0, true, Text::tr("zero bytes in every other position (UTF-16 big-endian)")};
    }

    const bool ascii = std::none_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    if (ascii) return {QStringLiteral("utf-8"), 0, false, Text::tr("only ASCII characters seen")};

    // UTF-8: every multi-byte sequence valid (one cut by the end of the sample
    // is fine), or nearly every one — a few damaged bytes in a UTF-8 file
    // reject their rows rather than turn the file into mojibake. Text in
    // GBK or Windows-1252 forms valid UTF-8 sequences only by accident, far
    // less often than this.
    qint64 valid = 0, invalid = 0;
    for (std::size_t i = 0; i < s.size();) {
        const int n = utf8SequenceLength(s.substr(i));
        if (n < 0) break;
        if (n == 0) {
            ++invalid;
            ++i;
            continue;
        }
        valid += n > 1;
        i += static_cast<std::size_t>(n);
    }
    if (invalid == 0) return {QStringLiteral("utf-8"), 0, true, Text::tr("valid UTF-8")};
    if (valid >= 10 * invalid) return {QStringLiteral("utf-8"), 0, true, Text::tr("UTF-8 with a few invalid bytes")};

    int multibyte = 0, hanzi = 0;
    if (looksLikeGb18030(s, multibyte, hanzi) && multibyte > 0 && hanzi * 2 >= multibyte)
        return {QStringLiteral("gb18030"), 0, true, Text::tr("Chinese text in GBK/GB18030")};
    if (!hasCp1252Holes(s))
        return {QStringLiteral("windows-1252"), 0, true, Text::tr("not UTF-8 or GBK; Western European (Windows-1252)")};
    return {QStringLiteral("latin1"), 0, true, Text::tr("not UTF-8 or GBK; Latin-1")};
}

QString canonicalEncodingName(const QString& name)
{
    const QString n = name.trimmed().toLower().remove(QLatin1Char('_'));
    if (n == QLatin1String("auto")) return QStringLiteral("auto");
    if (n == QLatin1String("utf8") || n == QLatin1String("utf-8") || n == QLatin1String("utf-8-sig")
        || n == QLatin1String("ascii") || n == QLatin1String("us-ascii"))
        return QStringLiteral("utf-8");
    if (n == QLatin1String("gbk") || n == QLatin1String("gb2312") || n == QLatin1String("gb18030")
        || n == QLatin1String("cp936") || n == QLatin1String("euc-cn"))
        return QStringLiteral("gb18030");
    if (n == QLatin1String("latin1") || n == QLatin1String("latin-1") || n == QLatin1String("iso-8859-1")
        || n == QLatin1String("iso8859-1") || n == QLatin1String("l1"))
        return QStringLiteral("latin1");
    if (n == QLatin1String("cp1252") || n == QLatin1String("windows-1252") || n == QLatin1String("win1252"))
        return QStringLiteral("windows-1252");
    if (n == QLatin1String("utf16") || n == QLatin1String("utf-16")) return QStringLiteral("utf-16");
    if (n == QLatin1String("utf-16le") || n == QLatin1String("utf16le")) return QStringLiteral("utf-16le");
    if (n == QLatin1String("utf-16be") || n == QLatin1String("utf16be")) return QStringLiteral("utf-16be");
    // Anything else iconv knows (big5, shift_jis, ...).
    const QByteArray latin = n.toLatin1();
    iconv_t cd = iconv_open("UTF-8", latin.constData());
    if (cd == reinterpret_cast<iconv_t>(-1)) return {};
    iconv_close(cd);
    return n;
}

std::unique_ptr<TextDecoder> TextDecoder::create(const QString& encoding)
{
    const QString canonical = canonicalEncodingName(encoding);
    if (canonical.isEmpty()) throw std::invalid_argument("unknown encoding: " + encoding.toStdString());
    if (canonical == QLatin1String("auto")) return std::make_unique<AutoDecoder>();
    if (canonical == QLatin1String("utf-8")) return std::make_unique<Utf8Decoder>();
    const char* name = iconvName(canonical);
    const QByteArray other = canonical.toLatin1();
    const int unit = canonical.startsWith(QLatin1String("utf-16")) ? 2 : 1;
    return std::make_unique<IconvDecoder>(canonical, name ? name : other.constData(), unit);
}

} // namespace cwb::model
