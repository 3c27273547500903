#include "core/civil_time.h"
#include "import/value_parsers.h"

#include <gtest/gtest.h>

using namespace cwb::model;

TEST(ParseNumber, Accepted)
{
    struct Case {
        const char* text;
        double value;
    } cases[] = {
        {"12", 12},          {"-3.5", -3.5},        {" 7.25 ", 7.25},     {"1,234.5", 1234.5},
        {"1,234,567", 1234567}, {"$12.50", 12.5},   {"\xC2\xA3" "9.99", 9.99}, {"\xC2\xA5" "100", 100},
        {"100\xE5\x85\x83", 100}, {"RMB 88", 88},  {"12.5 USD", 12.5},   {"(12.50)", -12.5},
        {"-$3", -3},         {"1e3", 1000},          {"\xEF\xBC\x91\xEF\xBC\x92", 12 /* full-width 12 */},
        {"+4", 4},
    };
    for (const Case& c : cases) {
        const auto v = parseNumber(c.text, {});
        ASSERT_TRUE(v.has_value()) << c.text;
        EXPECT_DOUBLE_EQ(*v, c.value) << c.text;
    }
}

TEST(ParseNumber, DecimalComma)
{
    EXPECT_DOUBLE_EQ(*parseNumber("1.234,5", {true}), 1234.5);
    EXPECT_DOUBLE_EQ(*parseNumber("12,50 \xE2\x82\xAC", {true}), 12.5);
    ParseFailure why = ParseFailure::None;
    EXPECT_FALSE(parseNumber("1.234,5", {}, &why));
    EXPECT_EQ(why, ParseFailure::LooksLikeDecimalComma);
    EXPECT_FALSE(parseNumber("12,5", {}, &why));
    EXPECT_EQ(why, ParseFailure::LooksLikeDecimalComma);
}

TEST(ParseNumber, Rejected)
{
    for (const char* text : {"", "abc", "12abc", "1,23", "1,2345", "--3", "nan", "inf", "1.2.3"})
        EXPECT_FALSE(parseNumber(text, {}).has_value()) << text;
}

TEST(ParseInteger, WholeNumbersOnly)
{
    EXPECT_EQ(*parseInteger("42", {}), 42);
    EXPECT_EQ(*parseInteger("17850.0", {}), 17850);
    EXPECT_EQ(*parseInteger("1,000", {}), 1000);
    ParseFailure why = ParseFailure::None;
    EXPECT_FALSE(parseInteger("2.5", {}, &why));
    EXPECT_EQ(why, ParseFailure::NotAnInteger);
}

TEST(ParseTimestamp, FormatsRealExportsUse)
{
    const std::int64_t dec1 = 1291161600;   // 2010-12-01T00:00:00Z
    const std::int64_t at0826 = 1291191960; // 2010-12-01T08:26:00Z
    struct Case {
        const char* text;
        std::int64_t value;
    } cases[] = {
        {"2010-12-01", dec1},
        {"2010-12-01 08:26", at0826},
        {"2010-12-01 08:26:00", at0826},
        {"2010-12-01T08:26:00Z", at0826},
        {"2010-12-01T08:26:00.123Z", at0826},
        {"2010-12-01T16:26:00+08:00", at0826},
        {"2010-12-01T03:26:00-0500", at0826},
        {"2010/12/1 8:26", at0826},
        {"2010.12.01", dec1},
        {"20101201", dec1},
        {"20101201082600", at0826},
        {"1291191960", at0826},
        {"1291191960000", at0826},
        {"12/1/10 8:26", at0826},
        {"12/1/2010 8:26", at0826},
        {"12/1/2010 8:26 AM", at0826},
        {"12/1/2010 8:26:00 PM", at0826 + 12 * 3600},
        {"12/1/2010 12:05 AM", dec1 + 300},
        {"1.12.2010", dec1},
        {"1-Dec-2010", dec1},
        {"01 Dec 2010", dec1},
        {"Dec 1, 2010", dec1},
        {"2010\xE5\xB9\xB4" "12\xE6\x9C\x88" "1\xE6\x97\xA5", dec1},                                  // 2010年12月1日
        {"2010\xE5\xB9\xB4" "12\xE6\x9C\x88" "1\xE6\x97\xA5 8\xE6\x97\xB6" "26\xE5\x88\x86", at0826}, // 8时26分
    };
    for (const Case& c : cases) {
        const auto v = parseTimestamp(c.text, DateOrder::MonthFirst);
        ASSERT_TRUE(v.has_value()) << c.text;
        EXPECT_EQ(*v, c.value) << c.text;
    }
    EXPECT_EQ(*parseTimestamp("1/12/2010", DateOrder::DayFirst), dec1);
    // Two-digit years: 69-99 are 1900s, 00-68 are 2000s (POSIX strptime's rule).
    EXPECT_EQ(*parseTimestamp("1/12/69", DateOrder::DayFirst), -2678400);   // 1969-12-01
    EXPECT_EQ(*parseTimestamp("1/12/68", DateOrder::DayFirst), cwb::engine::toUnixSeconds(2068, 12, 1));
}

TEST(ParseTimestamp, Rejected)
{
    ParseFailure why = ParseFailure::None;
    EXPECT_FALSE(parseTimestamp("2011-02-30", DateOrder::MonthFirst, &why));
    EXPECT_EQ(why, ParseFailure::NoSuchDate);
    EXPECT_FALSE(parseTimestamp("13/13/2010", DateOrder::MonthFirst, &why));
    for (const char* text : {"", "yesterday", "2010-12", "2010-12-01 25:00", "2010-12-01 08", "12/1", "123"})
        EXPECT_FALSE(parseTimestamp(text, DateOrder::MonthFirst).has_value()) << text;
}

TEST(ParseTimestamp, DetectsDayFirst)
{
    std::vector<std::string_view> us{"12/1/2010 8:26", "1/13/2011 9:00"}, eu{"1/12/2010", "13/1/2011"}, neither{"1/2/2010"};
    EXPECT_EQ(detectDateOrder(us), DateOrder::MonthFirst);
    EXPECT_EQ(detectDateOrder(eu), DateOrder::DayFirst);
    EXPECT_EQ(detectDateOrder(neither), DateOrder::MonthFirst);
}

TEST(ParseNumber, DetectsDecimalComma)
{
    std::vector<std::string_view> eu{"12,50", "3,5", "Berlin"}, us{"12.50", "1,234.5"}, ids{"1,234"};
    EXPECT_TRUE(detectDecimalComma(eu));
    EXPECT_FALSE(detectDecimalComma(us));
    EXPECT_FALSE(detectDecimalComma(ids));
}

TEST(Vocabularies, EnglishAndChinese)
{
    EXPECT_EQ(parseGender("\xE5\xA5\xB3").value(), "female");   // 女
    EXPECT_EQ(parseGender("M").value(), "male");
    EXPECT_FALSE(parseGender("2").has_value());
    EXPECT_EQ(parseEventType("pv").value(), "view");
    EXPECT_EQ(parseEventType("buy").value(), "purchase");
    EXPECT_EQ(parseEventType("fav").value(), "favorite");
    EXPECT_EQ(parseEventType("Add-To-Cart").value(), "cart");
    EXPECT_EQ(parseEventType("\xE6\x94\xB6\xE8\x97\x8F").value(), "favorite");   // 收藏
    EXPECT_EQ(parseGroup("\xE5\xAF\xB9\xE7\x85\xA7\xE7\xBB\x84").value(), "control");   // 对照组
    EXPECT_EQ(parseGroup("Treatment").value(), "treatment");
    EXPECT_EQ(parseBool("\xE6\x98\xAF").value(), true);   // 是
    EXPECT_EQ(parseBool("FALSE").value(), false);
    EXPECT_EQ(parseBool("1.0").value(), true);
    EXPECT_FALSE(parseBool("maybe").has_value());
    EXPECT_EQ(parseOrderStatus("Refunded").value(), "cancelled");
    EXPECT_EQ(parseCampaignType("flash sale").value(), "flash_sale");
}

TEST(Vocabularies, Trimming)
{
    EXPECT_EQ(trimmed("  a b \t"), "a b");
    EXPECT_EQ(trimmed("\xE3\x80\x80x\xE3\x80\x80"), "x");   // ideographic spaces
    EXPECT_EQ(normalizedWord("Customer ID"), "customerid");
    EXPECT_EQ(normalizedWord("\xEF\xBC\xB5\xEF\xBC\xA9\xEF\xBC\xA4"), "uid");   // full-width ＵＩＤ
}
