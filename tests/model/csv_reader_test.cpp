#include "csv/csv_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace cwb::model;

namespace {

struct Parsed {
    std::vector<std::vector<std::string>> rows;
    std::vector<qint64> lines;
    std::vector<CsvRecord::Problem> problems;
    CsvReader::Status end = CsvReader::Status::End;
    Error fatal;
    qint64 bareQuotes = 0;
};

Parsed parse(TextSource& src, char delimiter = ',')
{
    CsvReader reader(src, {delimiter, '"'});
    Parsed p;
    CsvRecord rec;
    for (;;) {
        const auto st = reader.next(rec);
        if (st != CsvReader::Status::Record) {
            p.end = st;
            p.fatal = reader.fatalError();
            break;
        }
        p.rows.emplace_back(rec.fields.begin(), rec.fields.end());
        p.lines.push_back(rec.line);
        p.problems.push_back(rec.problem);
    }
    p.bareQuotes = reader.bareQuotes();
    return p;
}

Parsed parse(const std::string& text, char delimiter = ',')
{
    StringTextSource src(text);
    return parse(src, delimiter);
}

using Rows = std::vector<std::vector<std::string>>;

} // namespace

TEST(CsvReader, PlainRecords)
{
    const Parsed p = parse("a,b,c\n1,2,3\n");
    EXPECT_EQ(p.rows, (Rows{{"a", "b", "c"}, {"1", "2", "3"}}));
    EXPECT_EQ(p.lines, (std::vector<qint64>{1, 2}));
}

TEST(CsvReader, LastLineWithoutNewlineAndEmptyFields)
{
    const Parsed p = parse("a,,c\n,,\nx,y,");
    EXPECT_EQ(p.rows, (Rows{{"a", "", "c"}, {"", "", ""}, {"x", "y", ""}}));
}

TEST(CsvReader, QuotedFieldsDoubledQuotesAndDelimiters)
{
    const Parsed p = parse("\"a,b\",\"say \"\"hi\"\"\",\"\"\n");
    EXPECT_EQ(p.rows, (Rows{{"a,b", "say \"hi\"", ""}}));
}

TEST(CsvReader, EmbeddedNewlinesKeepPhysicalLineNumbers)
{
    const Parsed p = parse("id,note\n1,\"two\nlines\"\n2,\"three\r\nmore\nlines\"\n3,x\n");
    ASSERT_EQ(p.rows.size(), 4u);
    EXPECT_EQ(p.rows[1][1], "two\nlines");
    EXPECT_EQ(p.rows[2][1], "three\r\nmore\nlines");
    EXPECT_EQ(p.lines, (std::vector<qint64>{1, 2, 4, 7}));
}

TEST(CsvReader, CrLfCrAndBlankLines)
{
    const Parsed crlf = parse("a,b\r\n1,2\r\n\r\n3,4\r\n");
    EXPECT_EQ(crlf.rows, (Rows{{"a", "b"}, {"1", "2"}, {"3", "4"}}));
    EXPECT_EQ(crlf.lines, (std::vector<qint64>{1, 2, 4}));
    const Parsed cr = parse("a,b\r1,2\r");
    EXPECT_EQ(cr.rows, (Rows{{"a", "b"}, {"1", "2"}}));
}

TEST(CsvReader, OtherDelimiters)
{
    EXPECT_EQ(parse("a;b;\"c;d\"\n", ';').rows, (Rows{{"a", "b", "c;d"}}));
    EXPECT_EQ(parse("a\tb\t\n", '\t').rows, (Rows{{"a", "b", ""}}));
    EXPECT_EQ(parse("a|b|c\n", '|').rows, (Rows{{"a", "b", "c"}}));
}

TEST(CsvReader, UnterminatedQuoteIsFatalWithPosition)
{
    const Parsed p = parse("a,b\n1,2\n3,\"open\n4,5\n");
    EXPECT_EQ(p.end, CsvReader::Status::Fatal);
    EXPECT_EQ(p.rows.size(), 2u);
    EXPECT_EQ(p.fatal.line, 3);
    EXPECT_EQ(p.fatal.column, 2);
    EXPECT_NE(p.fatal.message.indexOf(QStringLiteral("never closed")), -1);
}

TEST(CsvReader, TextAfterClosingQuoteMarksTheRecord)
{
    const Parsed p = parse("x,\"ab\"cd,y\nok,ok,ok\n");
    ASSERT_EQ(p.rows.size(), 2u);
    EXPECT_EQ(p.problems[0], CsvRecord::Problem::TextAfterQuote);
    EXPECT_EQ(p.rows[0][1], "abcd");
    EXPECT_EQ(p.problems[1], CsvRecord::Problem::None);
}

TEST(CsvReader, BareQuotesAreKeptAndCounted)
{
    const Parsed p = parse("item,size\nrecord,12\" vinyl\n");
    EXPECT_EQ(p.rows[1][1], "12\" vinyl");
    EXPECT_EQ(p.bareQuotes, 1);
    EXPECT_EQ(p.problems[1], CsvRecord::Problem::None);
}

TEST(CsvReader, NulBytesMarkTheRecord)
{
    const Parsed p = parse(std::string("a,b\nx\0y,z\n", 10));
    ASSERT_EQ(p.rows.size(), 2u);
    EXPECT_EQ(p.problems[1], CsvRecord::Problem::NulByte);
}

TEST(CsvReader, ChunkBoundariesDoNotMatter)
{
    const std::string text =
        "id,name,note\r\n1,\"Smith, J\",\"said \"\"no\"\"\r\nthen left\"\r\n\r\n2,Lee,\"\"\r\n3,\xe7\x94\xa8\xe6\x88\xb7,x";
    const Parsed whole = parse(text);
    for (std::size_t step : {1u, 2u, 3u, 5u, 7u, 64u}) {
        StringTextSource src(text, step);
        const Parsed p = parse(src);
        EXPECT_EQ(p.rows, whole.rows) << "step " << step;
        EXPECT_EQ(p.lines, whole.lines) << "step " << step;
    }
    EXPECT_EQ(whole.lines, (std::vector<qint64>{1, 2, 5, 6}));
}

TEST(CsvReader, VeryLongField)
{
    const std::string big(10 << 20, 'x');
    const Parsed p = parse("a,b\n\"" + big + "\",1\n");
    ASSERT_EQ(p.rows.size(), 2u);
    EXPECT_EQ(p.rows[1][0].size(), big.size());
}

TEST(CsvReader, FormatsLinesThatReadBack)
{
    const std::vector<std::string_view> fields{"plain", "with,comma", "with \"quote\"", "two\nlines", " padded "};
    const std::string line = formatCsvLine(fields) + "\n";
    const Parsed p = parse(line);
    ASSERT_EQ(p.rows.size(), 1u);
    EXPECT_EQ(p.rows[0], (std::vector<std::string>(fields.begin(), fields.end())));
}

TEST(SpreadsheetSafe, FormulaStartsBecomeText)
{
    EXPECT_EQ(spreadsheetSafe("=1+1"), "'=1+1");
    EXPECT_EQ(spreadsheetSafe("+8613800000000"), "'+8613800000000");
    EXPECT_EQ(spreadsheetSafe("-2"), "'-2");
    EXPECT_EQ(spreadsheetSafe("@SUM(A1)"), "'@SUM(A1)");
    EXPECT_EQ(spreadsheetSafe("\tcmd"), "'\tcmd");
    EXPECT_EQ(spreadsheetSafe("\rcmd"), "'\rcmd");
    EXPECT_EQ(spreadsheetSafe("U0001"), "U0001");
    EXPECT_EQ(spreadsheetSafe("用户=1"), "用户=1");
    EXPECT_EQ(spreadsheetSafe(""), "");
}
