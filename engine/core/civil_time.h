#pragma once
// Calendar arithmetic on Unix seconds (UTC), the workspace's one time format.

#include <cstdint>

namespace cwb::engine {

struct CivilDate {
    int year = 1970;
    int month = 1;   // 1..12
    int day = 1;     // 1..31
};

struct CivilDateTime {
    CivilDate date;
    int hour = 0;
    int minute = 0;
    int second = 0;
};

constexpr std::int64_t kSecondsPerDay = 86400;

// Days since 1970-01-01 of a proleptic Gregorian date (any year).
constexpr std::int64_t daysFromCivil(int y, int m, int d)
{
    // H. Hinnant, "chrono-Compatible Low-Level Date Algorithms".
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153u * static_cast<unsigned>(m + (m > 2 ? -3 : 9)) + 2u) / 5u
                         + static_cast<unsigned>(d) - 1u;
    const unsigned doe = yoe * 365u + yoe / 4u - yoe / 100u + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

constexpr CivilDate civilFromDays(std::int64_t z)
{
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    const auto y = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2));
    return {y, static_cast<int>(m), static_cast<int>(d)};
}

constexpr std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

constexpr std::int64_t toUnixSeconds(const CivilDateTime& t)
{
    return daysFromCivil(t.date.year, t.date.month, t.date.day) * kSecondsPerDay
           + t.hour * 3600 + t.minute * 60 + t.second;
}

constexpr std::int64_t toUnixSeconds(int y, int mo, int d, int h = 0, int mi = 0, int s = 0)
{
    return toUnixSeconds(CivilDateTime{{y, mo, d}, h, mi, s});
}

constexpr CivilDateTime fromUnixSeconds(std::int64_t t)
{
    const std::int64_t days = floorDiv(t, kSecondsPerDay);
    const std::int64_t rem = t - days * kSecondsPerDay;
    return {civilFromDays(days), static_cast<int>(rem / 3600), static_cast<int>(rem / 60 % 60),
            static_cast<int>(rem % 60)};
}

// 0 = Monday ... 6 = Sunday (ISO 8601 numbering minus one).
constexpr int weekdayFromDays(std::int64_t days)
{
    return static_cast<int>(((days % 7) + 7 + 3) % 7); // 1970-01-01 was a Thursday
}

constexpr bool isValidCivil(int y, int m, int d)
{
    if (m < 1 || m > 12 || d < 1) return false;
    constexpr int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= lengths[m - 1] + (m == 2 && leap ? 1 : 0);
}

} // namespace cwb::engine
