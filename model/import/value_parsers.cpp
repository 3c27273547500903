#include "import/value_parsers.h"
#include "core/text.h"

#include "core/civil_time.h"

#include <QCoreApplication>

#include <array>
#include <charconv>
#include <cmath>
#include <cstring>

namespace cwb::model {

using engine::daysFromCivil;
using engine::isValidCivil;

namespace {


bool isDigit(char c) { return c >= '0' && c <= '9'; }

template <class T>
std::optional<T> fail(ParseFailure* why, ParseFailure f)
{
    if (why) *why = f;
    return std::nullopt;
}

// Folds full-width ASCII (U+FF01..U+FF5E, EF BC 81 .. EF BD 9E) to half-width
// and U+3000 to a space; returns false if nothing needed folding.
bool foldFullWidth(std::string_view in, std::string& out)
{
    if (in.find('\xEF') == std::string_view::npos && in.find("\xE3\x80\x80") == std::string_view::npos) return false;
    out.clear();
    for (std::size_t i = 0; i < in.size(); ++i) {
        const auto b = static_cast<unsigned char>(in[i]);
        if (b == 0xEF && i + 2 < in.size()) {
            const auto b1 = static_cast<unsigned char>(in[i + 1]);
            const auto b2 = static_cast<unsigned char>(in[i + 2]);
            if (b1 == 0xBC && b2 >= 0x81 && b2 <= 0xBF) {   // U+FF01..U+FF3F
                out.push_back(static_cast<char>(b2 - 0x81 + 0x21));
                i += 2;
                continue;
            }
            if (b1 == 0xBD && b2 >= 0x80 && b2 <= 0x9E) {   // U+FF40..U+FF5E
                out.push_back(static_cast<char>(b2 - 0x80 + 0x60));
                i += 2;
                continue;
            }
        }
        if (b == 0xE3 && i + 2 < in.size() && in[i + 1] == '\x80' && in[i + 2] == '\x80') {
            out.push_back(' ');
            i += 2;
            continue;
        }
        out.push_back(in[i]);
    }
    return true;
}

bool startsWithNoCase(std::string_view s, std::string_view prefix)
{
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[i])) != static_cast<unsigned char>(prefix[i])) return false;
    return true;
}

bool endsWithNoCase(std::string_view s, std::string_view suffix)
{
    return s.size() >= suffix.size() && startsWithNoCase(s.substr(s.size() - suffix.size()), suffix);
}

// Currency marks a shop export may put around an amount (lower-case for codes).
constexpr std::array<std::string_view, 16> kCurrency{
    "$", "\xC2\xA3" /*£*/, "\xE2\x82\xAC" /*€*/, "\xC2\xA5" /*¥*/, "\xEF\xBF\xA5" /*￥*/, "\xE5\x85\x83" /*元*/,
    "rmb", "cny", "usd", "eur", "gbp", "hk$", "us$", "jpy", "\xE2\x82\xA9" /*₩*/, "chf"};

std::string_view stripCurrency(std::string_view s)
{
    bool changed = true;
    while (changed && !s.empty()) {
        changed = false;
        for (std::string_view c : kCurrency) {
            if (startsWithNoCase(s, c)) {
                s = trimmed(s.substr(c.size()));
                changed = true;
            } else if (endsWithNoCase(s, c)) {
                s = trimmed(s.substr(0, s.size() - c.size()));
                changed = true;
            }
        }
    }
    return s;
}

int monthFromName(std::string_view s)
{
    static constexpr std::array<std::string_view, 12> names{"jan", "feb", "mar", "apr", "may", "jun",
                                                            "jul", "aug", "sep", "oct", "nov", "dec"};
    if (s.size() < 3) return 0;
    for (std::size_t m = 0; m < names.size(); ++m)
        if (startsWithNoCase(s, names[m])) return static_cast<int>(m) + 1;
    return 0;
}

// A small cursor over the text of a date.
struct Scanner {
    std::string_view s;
    std::size_t i = 0;
    bool done() const { return i >= s.size(); }
    char peek() const { return done() ? '\0' : s[i]; }
    bool eat(char c)
    {
        if (peek() != c) return false;
        ++i;
        return true;
    }
    bool eat(std::string_view w)
    {
        if (s.substr(i).starts_with(w)) {
            i += w.size();
            return true;
        }
        return false;
    }
    void skipSpaces()
    {
        while (!done() && s[i] == ' ') ++i;
    }
    // Up to maxDigits digits; returns -1 if none; `count` gets how many.
    long number(int maxDigits, int* count = nullptr)
    {
        long v = 0;
        int n = 0;
        while (!done() && isDigit(s[i]) && n < maxDigits) {
            v = v * 10 + (s[i] - '0');
            ++i;
            ++n;
        }
        if (count) *count = n;
        return n ? v : -1;
    }
    std::string_view word()
    {
        const std::size_t start = i;
        while (!done() && std::isalpha(static_cast<unsigned char>(s[i]))) ++i;
        return s.substr(start, i - start);
    }
};

int expandYear(long y, int digits)
{
    if (digits <= 2) return static_cast<int>(y < 69 ? 2000 + y : 1900 + y);
    return static_cast<int>(y);
}

// Optional time after a date: HH:MM[:SS[.fff]] [AM|PM] [Z|±HH[:MM]] or 8时26分[0秒].
bool parseTime(Scanner& sc, long& seconds)
{
    seconds = 0;
    sc.skipSpaces();
    if (!sc.eat('T')) sc.eat('t');
    sc.skipSpaces();
    if (sc.done()) return true;
    const long h = sc.number(2);
    if (h < 0) return false;
    long m = 0, s = 0;
    if (sc.eat(':')) {
        m = sc.number(2);
        if (m < 0) return false;
        if (sc.eat(':')) {
            s = sc.number(2);
            if (s < 0) return false;
            if (sc.eat('.') || sc.eat(',')) sc.number(9);
        }
    } else if (sc.eat("\xE6\x97\xB6") /*时*/ || sc.eat("\xE7\x82\xB9") /*点*/) {
        m = sc.number(2);
        if (m >= 0 && sc.eat("\xE5\x88\x86") /*分*/) {
            s = sc.number(2);
            if (s >= 0) sc.eat("\xE7\xA7\x92") /*秒*/;
            else s = 0;
        } else if (m < 0) {
            m = 0;
        }
    } else {
        return false;   // a bare number after a date is not a time
    }
    sc.skipSpaces();
    long hour = h;
    const std::string_view word = sc.word();
    if (!word.empty()) {
        const bool utc = word == "Z" || word == "z" || word == "UTC" || word == "GMT";
        const bool pm = startsWithNoCase(word, "pm") || startsWithNoCase(word, "p");
        const bool am = startsWithNoCase(word, "am") || startsWithNoCase(word, "a");
        if (utc) {
            if (!sc.done()) return false;
        } else if ((am || pm) && h >= 1 && h <= 12) {
            hour = h % 12 + (pm ? 12 : 0);
        } else {
            return false;
        }
    }
    if (hour > 23 || m > 59 || s > 60) return false;
    seconds = hour * 3600 + m * 60 + std::min(s, 59L);
    sc.skipSpaces();
    if (sc.eat('Z') || sc.eat('z')) return sc.done();
    if (sc.peek() == '+' || sc.peek() == '-') {
        const int sign = sc.peek() == '+' ? 1 : -1;
        ++sc.i;
        const long oh = sc.number(2);
        if (oh < 0) return false;
        sc.eat(':');
        long om = sc.number(2);
        if (om < 0) om = 0;
        if (oh > 14 || om > 59) return false;
        seconds -= sign * (oh * 3600 + om * 60);
    }
    sc.skipSpaces();
    return sc.done();
}

} // namespace

QString describe(ParseFailure failure)
{
    switch (failure) {
    case ParseFailure::None: return {};
    case ParseFailure::NotANumber: return Text::tr("is not a number");
    case ParseFailure::LooksLikeDecimalComma:
        return Text::tr("looks like a number with a decimal comma; import with the decimal comma option (--decimal-comma)");
    case ParseFailure::LooksLikeDecimalPoint:
        return Text::tr("looks like a number with a decimal point, but the file is read with a decimal comma");
    case ParseFailure::NotAnInteger: return Text::tr("is not a whole number");
    case ParseFailure::NotADate:
        return Text::tr("is not a date (expected e.g. 2010-12-01 08:26, 12/1/2010 8:26, 2010年12月1日 or Unix seconds)");
    case ParseFailure::NoSuchDate: return Text::tr("is not a real calendar date or time");
    case ParseFailure::AmbiguousDate: return Text::tr("is an ambiguous date");
    }
    return {};
}

std::string_view trimmed(std::string_view s)
{
    auto isSpace = [](std::string_view t, std::size_t i) -> std::size_t {
        const char c = t[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return 1;
        if (t.substr(i).starts_with("\xE3\x80\x80")) return 3;        // U+3000 ideographic space
        if (t.substr(i).starts_with("\xC2\xA0")) return 2;            // U+00A0 no-break space
        return 0;
    };
    while (!s.empty()) {
        const std::size_t n = isSpace(s, 0);
        if (!n) break;
        s.remove_prefix(n);
    }
    while (!s.empty()) {
        if (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n') s.remove_suffix(1);
        else if (s.ends_with("\xE3\x80\x80")) s.remove_suffix(3);
        else if (s.ends_with("\xC2\xA0")) s.remove_suffix(2);
        else break;
    }
    return s;
}

std::string normalizedWord(std::string_view text)
{
    std::string folded;
    if (foldFullWidth(text, folded)) text = folded;
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (c == ' ' || c == '_' || c == '-' || c == '.' || c == '\t') continue;
        out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    return out;
}

std::optional<double> parseNumber(std::string_view text, NumberFormat format, ParseFailure* why)
{
    std::string_view s = trimmed(text);
    if (s.empty()) return fail<double>(why, ParseFailure::NotANumber);
    double value = 0;
    // Fast path: a plain number.
    if (!format.decimalComma) {
        const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
        if (ec == std::errc() && end == s.data() + s.size()) {
            if (!std::isfinite(value)) return fail<double>(why, ParseFailure::NotANumber);
            return value;
        }
    }
    // Slow path: clean up what exports decorate numbers with.
    std::string folded;
    if (foldFullWidth(s, folded)) s = trimmed(folded);
    bool negative = false;
    if (s.size() >= 2 && s.front() == '(' && s.back() == ')') {   // accounting negative
        negative = true;
        s = trimmed(s.substr(1, s.size() - 2));
    }
    if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
        negative = negative != (s.front() == '-');
        s = trimmed(s.substr(1));
    }
    const std::size_t beforeCurrency = s.size();
    s = stripCurrency(s);
    if (s.size() != beforeCurrency && !s.empty() && (s.front() == '-' || s.front() == '+')) {   // $-12.50
        negative = negative != (s.front() == '-');
        s = trimmed(s.substr(1));
    }
    if (s.empty()) return fail<double>(why, ParseFailure::NotANumber);

    const char decimal = format.decimalComma ? ',' : '.';
    const char group = format.decimalComma ? '.' : ',';
    std::string clean;
    clean.reserve(s.size());
    std::size_t i = 0;
    int digitsInGroup = 0;
    bool sawGroup = false, sawDecimal = false, sawDigit = false;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (isDigit(c)) {
            clean.push_back(c);
            ++digitsInGroup;
            sawDigit = true;
        } else if (c == group && !sawDecimal) {
            // Thousands separator: the group before must be 1-3 digits (first) or exactly 3.
            if (!sawDigit || (sawGroup ? digitsInGroup != 3 : digitsInGroup > 3)) break;
            sawGroup = true;
            digitsInGroup = 0;
        } else if (c == decimal && !sawDecimal) {
            if (sawGroup && digitsInGroup != 3) break;
            sawDecimal = true;
            clean.push_back('.');
            digitsInGroup = 0;
        } else if ((c == 'e' || c == 'E') && sawDigit) {
            clean.append(s.substr(i));
            i = s.size();
            break;
        } else if (c == '\'' || c == ' ') {   // 1'234 or 1 234
            continue;
        } else {
            break;
        }
    }
    if (i < s.size() || !sawDigit || (sawGroup && !sawDecimal && digitsInGroup != 3)) {
        // Say what the problem probably is.
        const bool hasComma = s.find(',') != std::string_view::npos;
        const bool hasPoint = s.find('.') != std::string_view::npos;
        if (!format.decimalComma && hasComma) {
            const std::size_t lastComma = s.rfind(','), lastPoint = s.rfind('.');
            if (!hasPoint || lastComma > lastPoint) return fail<double>(why, ParseFailure::LooksLikeDecimalComma);
        }
        if (format.decimalComma && hasPoint && hasComma && s.rfind('.') > s.rfind(','))
            return fail<double>(why, ParseFailure::LooksLikeDecimalPoint);
        return fail<double>(why, ParseFailure::NotANumber);
    }
    const auto [end, ec] = std::from_chars(clean.data(), clean.data() + clean.size(), value);
    if (ec != std::errc() || end != clean.data() + clean.size() || !std::isfinite(value))
        return fail<double>(why, ParseFailure::NotANumber);
    return negative ? -value : value;
}

std::optional<std::int64_t> parseInteger(std::string_view text, NumberFormat format, ParseFailure* why)
{
    const std::string_view s = trimmed(text);
    std::int64_t v = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec == std::errc() && end == s.data() + s.size() && !s.empty()) return v;
    ParseFailure f = ParseFailure::None;
    const std::optional<double> d = parseNumber(s, format, &f);
    if (!d) return fail<std::int64_t>(why, f);
    if (std::fabs(*d) > 9.0e15 || std::floor(*d) != *d) return fail<std::int64_t>(why, ParseFailure::NotAnInteger);
    return static_cast<std::int64_t>(*d);
}

std::optional<std::int64_t> parseTimestamp(std::string_view text, DateOrder order, ParseFailure* why)
{
    std::string_view s = trimmed(text);
    std::string folded;
    if (foldFullWidth(s, folded)) s = trimmed(folded);
    if (s.empty()) return fail<std::int64_t>(why, ParseFailure::NotADate);

    // All digits: Unix seconds / milliseconds, or a compact date.
    if (std::all_of(s.begin(), s.end(), isDigit) || (s.size() > 1 && s[0] == '-' && std::all_of(s.begin() + 1, s.end(), isDigit))) {
        std::int64_t v = 0;
        std::from_chars(s.data(), s.data() + s.size(), v);
        if (s.size() == 8 && s[0] != '-') {   // yyyymmdd
            const int y = static_cast<int>(v / 10000), m = static_cast<int>(v / 100 % 100), d = static_cast<int>(v % 100);
            if (y >= 1900 && isValidCivil(y, m, d)) return daysFromCivil(y, m, d) * 86400;
            return fail<std::int64_t>(why, ParseFailure::NoSuchDate);
        }
        if (s.size() == 14) {   // yyyymmddHHMMSS
            const int y = static_cast<int>(v / 10000000000LL), m = static_cast<int>(v / 100000000 % 100),
                      d = static_cast<int>(v / 1000000 % 100);
            const int hh = static_cast<int>(v / 10000 % 100), mi = static_cast<int>(v / 100 % 100), ss = static_cast<int>(v % 100);
            if (y >= 1900 && isValidCivil(y, m, d) && hh < 24 && mi < 60 && ss < 60)
                return daysFromCivil(y, m, d) * 86400 + hh * 3600 + mi * 60 + ss;
            return fail<std::int64_t>(why, ParseFailure::NoSuchDate);
        }
        if (s.size() >= 12 && s.size() <= 13) return v / 1000;   // milliseconds
        if (s.size() >= 9 && s.size() <= 10) return v;           // seconds
        return fail<std::int64_t>(why, ParseFailure::NotADate);
    }

    Scanner sc{s};
    int y = 0, m = 0, d = 0;
    int digits = 0;
    const long first = sc.number(4, &digits);
    if (first >= 0 && digits == 4) {
        // Year first: 2010-12-01, 2010/12/1, 2010.12.01, 2010年12月1日
        y = static_cast<int>(first);
        const bool chinese = sc.eat("\xE5\xB9\xB4");   // 年
        if (!chinese && !(sc.eat('-') || sc.eat('/') || sc.eat('.'))) return fail<std::int64_t>(why, ParseFailure::NotADate);
        m = static_cast<int>(sc.number(2));
        if (chinese ? !sc.eat("\xE6\x9C\x88") /*月*/ : !(sc.eat('-') || sc.eat('/') || sc.eat('.')))
            return fail<std::int64_t>(why, ParseFailure::NotADate);
        d = static_cast<int>(sc.number(2));
        if (chinese) {
            if (!sc.eat("\xE6\x97\xA5") /*日*/) sc.eat("\xE5\x8F\xB7") /*号*/;
        }
    } else if (first >= 0 && digits <= 2) {
        const char sep = sc.peek();
        if (sep == '/' || sep == '.' || sep == '-') {
            ++sc.i;
            int d2 = 0;
            const long second = sc.number(2, &d2);
            if (second < 0) {
                // 1-Dec-2010
                const int month = monthFromName(sc.word());
                if (!month || !(sc.eat('-') || sc.eat(' ') || sc.eat('/'))) return fail<std::int64_t>(why, ParseFailure::NotADate);
                int yd = 0;
                const long year = sc.number(4, &yd);
                if (year < 0) return fail<std::int64_t>(why, ParseFailure::NotADate);
                y = expandYear(year, yd);
                m = month;
                d = static_cast<int>(first);
            } else {
                if (!sc.eat(sep)) return fail<std::int64_t>(why, ParseFailure::NotADate);
                int yd = 0;
                const long year = sc.number(4, &yd);
                if (year < 0 || (yd != 2 && yd != 4)) return fail<std::int64_t>(why, ParseFailure::NotADate);
                y = expandYear(year, yd);
                // Dotted dates (1.12.2010) are day first everywhere they are used.
                const bool dayFirst = sep == '.' || order == DateOrder::DayFirst;
                m = static_cast<int>(dayFirst ? second : first);
                d = static_cast<int>(dayFirst ? first : second);
            }
        } else if (sep == ' ') {
            // 1 Dec 2010
            sc.skipSpaces();
            const int month = monthFromName(sc.word());
            sc.skipSpaces();
            int yd = 0;
            const long year = sc.number(4, &yd);
            if (!month || year < 0) return fail<std::int64_t>(why, ParseFailure::NotADate);
            y = expandYear(year, yd);
            m = month;
            d = static_cast<int>(first);
        } else {
            return fail<std::int64_t>(why, ParseFailure::NotADate);
        }
    } else if (first < 0) {
        // Dec 1, 2010
        const int month = monthFromName(sc.word());
        sc.skipSpaces();
        const long day = sc.number(2);
        sc.eat(',');
        sc.skipSpaces();
        int yd = 0;
        const long year = sc.number(4, &yd);
        if (!month || day < 0 || year < 0) return fail<std::int64_t>(why, ParseFailure::NotADate);
        y = expandYear(year, yd);
        m = month;
        d = static_cast<int>(day);
    } else {
        return fail<std::int64_t>(why, ParseFailure::NotADate);
    }
    if (!isValidCivil(y, m, d)) return fail<std::int64_t>(why, ParseFailure::NoSuchDate);
    long seconds = 0;
    if (!parseTime(sc, seconds)) return fail<std::int64_t>(why, ParseFailure::NotADate);
    return daysFromCivil(y, m, d) * 86400 + seconds;
}

DateOrder detectDateOrder(const std::vector<std::string_view>& samples)
{
    for (std::string_view raw : samples) {
        const std::string_view s = trimmed(raw);
        Scanner sc{s};
        int digits = 0;
        const long a = sc.number(4, &digits);
        if (a < 0 || digits > 2 || !sc.eat('/')) continue;
        const long b = sc.number(2);
        if (b < 0) continue;
        if (a > 12 && b <= 12) return DateOrder::DayFirst;
        if (b > 12 && a <= 12) return DateOrder::MonthFirst;
    }
    return DateOrder::MonthFirst;
}

bool detectDecimalComma(const std::vector<std::string_view>& samples)
{
    int commaDecimal = 0, pointDecimal = 0;
    for (std::string_view raw : samples) {
        const std::string_view s = trimmed(raw);
        const std::size_t comma = s.rfind(','), point = s.rfind('.');
        if (comma != std::string_view::npos && (point == std::string_view::npos || comma > point)) {
            const std::size_t after = s.size() - comma - 1;
            if (after >= 1 && after <= 2) ++commaDecimal;   // 12,5  12,50  (1,234 is ambiguous)
        } else if (point != std::string_view::npos) {
            const std::size_t after = s.size() - point - 1;
            if (after != 3 || comma != std::string_view::npos) ++pointDecimal;
        }
    }
    return commaDecimal > 0 && pointDecimal == 0;
}

namespace {
std::optional<std::string_view> lookup(std::string_view text,
                                       std::initializer_list<std::pair<std::string_view, std::string_view>> table)
{
    const std::string key = normalizedWord(text);
    for (const auto& [word, canonical] : table)
        if (key == word) return canonical;
    return std::nullopt;
}
} // namespace

std::optional<bool> parseBool(std::string_view text)
{
    const auto v = lookup(text, {{"1", "1"}, {"0", "0"}, {"true", "1"}, {"false", "0"}, {"yes", "1"}, {"no", "0"},
                                 {"y", "1"}, {"n", "0"}, {"t", "1"}, {"f", "0"}, {"1.0", "1"}, {"0.0", "0"},
                                 {"10", "1"} /* "1.0" with the dot removed */, {"00", "0"},
                                 {"\xE6\x98\xAF", "1"} /*是*/, {"\xE5\x90\xA6", "0"} /*否*/,
                                 {"\xE7\x9C\x9F", "1"} /*真*/, {"\xE5\x81\x87", "0"} /*假*/});
    if (!v) return std::nullopt;
    return *v == "1";
}

std::optional<std::string_view> parseGender(std::string_view text)
{
    return lookup(text, {{"m", "male"}, {"male", "male"}, {"man", "male"}, {"men", "male"},
                         {"\xE7\x94\xB7", "male"} /*男*/, {"\xE7\x94\xB7\xE6\x80\xA7", "male"} /*男性*/,
                         {"f", "female"}, {"female", "female"}, {"woman", "female"}, {"women", "female"},
                         {"w", "female"}, {"\xE5\xA5\xB3", "female"} /*女*/, {"\xE5\xA5\xB3\xE6\x80\xA7", "female"} /*女性*/,
                         {"other", "other"}, {"o", "other"}, {"x", "other"}, {"nonbinary", "other"}, {"diverse", "other"},
                         {"\xE5\x85\xB6\xE4\xBB\x96", "other"} /*其他*/});
}

std::optional<std::string_view> parseEventType(std::string_view text)
{
    // The canonical words themselves, without normalising (the common case in big files).
    for (std::string_view w : {"view", "search", "cart", "favorite", "purchase"})
        if (text == w) return w;
    return lookup(text, {{"view", "view"}, {"pv", "view"}, {"pageview", "view"}, {"click", "view"},
                         {"browse", "view"}, {"detail", "view"}, {"productview", "view"}, {"impression", "view"},
                         {"\xE6\xB5\x8F\xE8\xA7\x88", "view"} /*浏览*/, {"\xE7\x82\xB9\xE5\x87\xBB", "view"} /*点击*/,
                         {"search", "search"}, {"\xE6\x90\x9C\xE7\xB4\xA2", "search"} /*搜索*/,
                         {"cart", "cart"}, {"addtocart", "cart"}, {"addcart", "cart"}, {"basket", "cart"},
                         {"\xE5\x8A\xA0\xE8\xB4\xAD", "cart"} /*加购*/,
                         {"\xE5\x8A\xA0\xE5\x85\xA5\xE8\xB4\xAD\xE7\x89\xA9\xE8\xBD\xA6", "cart"} /*加入购物车*/,
                         {"fav", "favorite"}, {"favorite", "favorite"}, {"favourite", "favorite"}, {"like", "favorite"},
                         {"wishlist", "favorite"}, {"collect", "favorite"}, {"\xE6\x94\xB6\xE8\x97\x8F", "favorite"} /*收藏*/,
                         {"buy", "purchase"}, {"purchase", "purchase"}, {"order", "purchase"}, {"transaction", "purchase"},
                         {"\xE8\xB4\xAD\xE4\xB9\xB0", "purchase"} /*购买*/, {"\xE4\xB8\x8B\xE5\x8D\x95", "purchase"} /*下单*/});
}

std::optional<std::string_view> parseGroup(std::string_view text)
{
    return lookup(text, {{"treatment", "treatment"}, {"treated", "treatment"}, {"test", "treatment"},
                         {"t", "treatment"}, {"1", "treatment"}, {"exposed", "treatment"}, {"target", "treatment"},
                         {"\xE5\xAE\x9E\xE9\xAA\x8C\xE7\xBB\x84", "treatment"} /*实验组*/,
                         {"\xE5\xAE\x9E\xE9\xAA\x8C", "treatment"} /*实验*/,
                         {"control", "control"}, {"c", "control"}, {"0", "control"}, {"holdout", "control"},
                         {"\xE5\xAF\xB9\xE7\x85\xA7\xE7\xBB\x84", "control"} /*对照组*/,
                         {"\xE5\xAF\xB9\xE7\x85\xA7", "control"} /*对照*/});
}

std::optional<std::string_view> parseCampaignType(std::string_view text)
{
    return lookup(text, {{"coupon", "coupon"}, {"voucher", "coupon"}, {"\xE4\xBC\x98\xE6\x83\xA0\xE5\x88\xB8", "coupon"} /*优惠券*/,
                         {"flashsale", "flash_sale"}, {"flash", "flash_sale"}, {"\xE7\xA7\x92\xE6\x9D\x80", "flash_sale"} /*秒杀*/,
                         {"\xE9\x99\x90\xE6\x97\xB6\xE6\x8A\xA2\xE8\xB4\xAD", "flash_sale"} /*限时抢购*/,
                         {"member", "member"}, {"memberexclusive", "member"}, {"membersonly", "member"},
                         {"\xE4\xBC\x9A\xE5\x91\x98", "member"} /*会员*/, {"\xE4\xBC\x9A\xE5\x91\x98\xE4\xB8\x93\xE4\xBA\xAB", "member"} /*会员专享*/,
                         {"email", "email"}, {"mail", "email"}, {"\xE9\x82\xAE\xE4\xBB\xB6", "email"} /*邮件*/});
}

std::optional<std::string_view> parseCampaignStatus(std::string_view text)
{
    return lookup(text, {{"draft", "draft"}, {"scheduled", "scheduled"}, {"planned", "scheduled"},
                         {"running", "running"}, {"live", "running"}, {"active", "running"},
                         {"completed", "completed"}, {"complete", "completed"}, {"done", "completed"},
                         {"finished", "completed"}, {"ended", "completed"}, {"archived", "archived"},
                         {"\xE8\x8D\x89\xE7\xA8\xBF", "draft"} /*草稿*/, {"\xE8\xBF\x9B\xE8\xA1\x8C\xE4\xB8\xAD", "running"} /*进行中*/,
                         {"\xE5\xB7\xB2\xE7\xBB\x93\xE6\x9D\x9F", "completed"} /*已结束*/});
}

std::optional<std::string_view> parseOrderStatus(std::string_view text)
{
    return lookup(text, {{"paid", "paid"}, {"completed", "paid"}, {"complete", "paid"}, {"success", "paid"},
                         {"delivered", "paid"}, {"shipped", "paid"}, {"ok", "paid"},
                         {"\xE5\xB7\xB2\xE6\x94\xAF\xE4\xBB\x98", "paid"} /*已支付*/, {"\xE5\xB7\xB2\xE5\xAE\x8C\xE6\x88\x90", "paid"} /*已完成*/,
                         {"cancelled", "cancelled"}, {"canceled", "cancelled"}, {"refunded", "cancelled"},
                         {"returned", "cancelled"}, {"void", "cancelled"},
                         {"\xE5\xB7\xB2\xE5\x8F\x96\xE6\xB6\x88", "cancelled"} /*已取消*/, {"\xE5\xB7\xB2\xE9\x80\x80\xE6\xAC\xBE", "cancelled"} /*已退款*/});
}

QString isoUtc(std::int64_t t)
{
    const auto c = engine::fromUnixSeconds(t);
    return QString::asprintf("%04d-%02d-%02dT%02d:%02d:%02dZ", c.date.year, c.date.month, c.date.day, c.hour,
                             c.minute, c.second);
}

} // namespace cwb::model
