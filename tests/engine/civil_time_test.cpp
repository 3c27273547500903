#include "core/civil_time.h"

#include <gtest/gtest.h>

using namespace cwb::engine;

TEST(CivilTime, KnownInstants)
{
    // Reference values from Python's calendar.timegm.
    EXPECT_EQ(toUnixSeconds(1970, 1, 1), 0);
    EXPECT_EQ(toUnixSeconds(2010, 12, 1, 8, 26, 0), 1291191960);
    EXPECT_EQ(toUnixSeconds(2011, 12, 9, 12, 50, 0), 1323435000);
    EXPECT_EQ(toUnixSeconds(2026, 7, 1), 1782864000);
    EXPECT_EQ(toUnixSeconds(1969, 12, 31, 23, 59, 59), -1);
}

TEST(CivilTime, RoundTripOverFourCenturies)
{
    for (std::int64_t day = -146097; day <= 2 * 146097; day += 37) {
        const CivilDate d = civilFromDays(day);
        ASSERT_TRUE(isValidCivil(d.year, d.month, d.day));
        ASSERT_EQ(daysFromCivil(d.year, d.month, d.day), day);
    }
    const CivilDateTime t = fromUnixSeconds(-1);
    EXPECT_EQ(t.date.year, 1969);
    EXPECT_EQ(t.hour, 23);
    EXPECT_EQ(t.second, 59);
}

TEST(CivilTime, Weekdays)
{
    EXPECT_EQ(weekdayFromDays(daysFromCivil(1970, 1, 1)), 3);    // Thursday
    EXPECT_EQ(weekdayFromDays(daysFromCivil(2026, 11, 22)), 6);  // Sunday
    EXPECT_EQ(weekdayFromDays(daysFromCivil(2025, 11, 11)), 1);  // Tuesday
    EXPECT_EQ(weekdayFromDays(-1), 2);                           // 1969-12-31, Wednesday
}

TEST(CivilTime, CalendarValidity)
{
    EXPECT_TRUE(isValidCivil(2024, 2, 29));
    EXPECT_FALSE(isValidCivil(2023, 2, 29));
    EXPECT_TRUE(isValidCivil(2000, 2, 29));
    EXPECT_FALSE(isValidCivil(1900, 2, 29));
    EXPECT_FALSE(isValidCivil(2011, 4, 31));
    EXPECT_FALSE(isValidCivil(2011, 13, 1));
    EXPECT_FALSE(isValidCivil(2011, 0, 1));
}
