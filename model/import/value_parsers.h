#pragma once
// Parsers for the values real exports contain. Each returns the value or a
// ParseFailure saying why not, cheaply (the message is built only when a
// row is actually rejected).

#include <QString>

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace cwb::model {

enum class ParseFailure {
    None,
    NotANumber,
    LooksLikeDecimalComma,   // "1.234,5" read with a decimal point
    LooksLikeDecimalPoint,   // "1,234.5" read with a decimal comma
    NotAnInteger,
    NotADate,
    NoSuchDate,              // 2011-02-30
    AmbiguousDate,           // never returned; kept for the wording table
};

QString describe(ParseFailure failure);

struct NumberFormat {
    bool decimalComma = false;   // 1.234,5
};

// Accepts: sign or accounting parentheses, currency symbols and codes
// before or after ($ £ € ¥ ￥ 元 RMB CNY USD ...), thousands separators in
// groups of three, exponents, full-width digits.
std::optional<double> parseNumber(std::string_view text, NumberFormat format, ParseFailure* why = nullptr);
std::optional<std::int64_t> parseInteger(std::string_view text, NumberFormat format, ParseFailure* why = nullptr);

enum class DateOrder { MonthFirst, DayFirst };

// Unix seconds (UTC) from: ISO 8601 (2010-12-01, 2010-12-01T08:26:00Z,
// +08:00 offsets, fractions), 2010/12/01 08:26, 20101201, Unix seconds or
// milliseconds, 12/1/10 8:26 and 12/1/2010 8:26 AM (month or day first as
// told), 1.12.2010, 1-Dec-2010, 1 Dec 2010, Dec 1 2010, 2010年12月1日 8时26分.
// Times without an offset are taken as UTC.
std::optional<std::int64_t> parseTimestamp(std::string_view text, DateOrder order, ParseFailure* why = nullptr);

// Looks at sample values of one column: DayFirst when some slash date can
// only be day/month (13/1/2010), MonthFirst otherwise.
DateOrder detectDateOrder(const std::vector<std::string_view>& samples);
// True when the samples use a decimal comma (12,50 or 1.234,50) and no decimal point.
bool detectDecimalComma(const std::vector<std::string_view>& samples);

std::optional<bool> parseBool(std::string_view text);

// Vocabularies, English and Chinese, to the stored canonical word.
std::optional<std::string_view> parseGender(std::string_view text);      // male / female / other
std::optional<std::string_view> parseEventType(std::string_view text);   // view search cart favorite purchase
std::optional<std::string_view> parseGroup(std::string_view text);       // treatment / control
std::optional<std::string_view> parseCampaignType(std::string_view text);
std::optional<std::string_view> parseCampaignStatus(std::string_view text);
std::optional<std::string_view> parseOrderStatus(std::string_view text); // paid / cancelled

// Leading and trailing ASCII and full-width spaces removed.
std::string_view trimmed(std::string_view text);
// Lower-cased ASCII, full-width ASCII folded to half-width, spaces, '_', '-', '.' removed.
std::string normalizedWord(std::string_view text);

// ISO 8601 text of Unix seconds, e.g. 2010-12-01T08:26:00Z.
QString isoUtc(std::int64_t unixSeconds);

} // namespace cwb::model
