#include "csv/text_decoder.h"

#include <gtest/gtest.h>

using namespace cwb::model;

namespace {

std::string decodeAll(const QString& encoding, const std::string& bytes, std::size_t chunk = 0)
{
    auto d = TextDecoder::create(encoding);
    std::string out;
    if (chunk == 0) {
        d->decode(bytes, out, true);
        return out;
    }
    for (std::size_t i = 0; i < bytes.size(); i += chunk) d->decode(std::string_view(bytes).substr(i, chunk), out, false);
    d->decode({}, out, true);
    return out;
}

// "用户,金额\n" in UTF-8 and in GBK.
const std::string kUtf8Chinese = "\xE7\x94\xA8\xE6\x88\xB7,\xE9\x87\x91\xE9\xA2\x9D\n";
const std::string kGbkChinese = "\xD3\xC3\xBB\xA7,\xBD\xF0\xB6\xEE\n";

} // namespace

TEST(TextDecoder, Utf8PassesThroughAndDropsBom)
{
    EXPECT_EQ(decodeAll(QStringLiteral("utf-8"), "\xEF\xBB\xBF" "a,b\n"), "a,b\n");
    EXPECT_EQ(decodeAll(QStringLiteral("utf-8"), kUtf8Chinese, 1), kUtf8Chinese);   // sequences cut by chunks
}

TEST(TextDecoder, InvalidUtf8BecomesReplacementWithLine)
{
    auto d = TextDecoder::create(QStringLiteral("utf-8"));
    std::string out;
    d->decode("ok\nok\nbad \xC3\x28 here\n", out, true);
    EXPECT_EQ(out, "ok\nok\nbad \xEF\xBF\xBD( here\n");
    EXPECT_EQ(d->invalidSequences(), 1);
    EXPECT_EQ(d->firstInvalidLine(), 3);
}

TEST(TextDecoder, Utf8Validation)
{
    EXPECT_TRUE(isValidUtf8("plain \xE2\x82\xAC \xF0\x9F\x98\x80"));
    EXPECT_FALSE(isValidUtf8("\xC0\xAF"));           // overlong
    EXPECT_FALSE(isValidUtf8("\xED\xA0\x80"));       // surrogate
    EXPECT_FALSE(isValidUtf8("\xF4\x90\x80\x80"));   // above U+10FFFF
    EXPECT_EQ(utf8SequenceLength("\xE2\x82"), -1);   // cut
}

TEST(TextDecoder, Gb18030AndGbk)
{
    EXPECT_EQ(decodeAll(QStringLiteral("gbk"), kGbkChinese), kUtf8Chinese);
    EXPECT_EQ(decodeAll(QStringLiteral("gb18030"), kGbkChinese, 1), kUtf8Chinese);
}

TEST(TextDecoder, LatinAndWindows1252)
{
    EXPECT_EQ(decodeAll(QStringLiteral("latin1"), "caf\xE9"), "caf\xC3\xA9");
    EXPECT_EQ(decodeAll(QStringLiteral("windows-1252"), "\x80 5"), "\xE2\x82\xAC 5");
}

TEST(TextDecoder, Utf16WithBom)
{
    const std::string le("\xFF\xFE" "a\0,\0b\0\n\0", 10);
    EXPECT_EQ(decodeAll(QStringLiteral("utf-16le"), le), "a,b\n");
    EXPECT_EQ(decodeAll(QStringLiteral("auto"), le), "a,b\n");
}

TEST(TextDecoder, AutoDecidesAtTheFirstNonAsciiBytes)
{
    std::string file = "id,name\n";
    for (int i = 0; i < 1000; ++i) file += std::to_string(i) + ",x\n";
    file += "1001," + kGbkChinese;
    std::string expected = "id,name\n";
    for (int i = 0; i < 1000; ++i) expected += std::to_string(i) + ",x\n";
    expected += "1001," + kUtf8Chinese;
    auto d = TextDecoder::create(QStringLiteral("auto"));
    std::string out;
    for (std::size_t i = 0; i < file.size(); i += 4096) d->decode(std::string_view(file).substr(i, 4096), out, false);
    d->decode({}, out, true);
    EXPECT_EQ(out, expected);
    EXPECT_EQ(d->encoding(), QStringLiteral("gb18030"));
    EXPECT_EQ(d->invalidSequences(), 0);
}

TEST(EncodingDetection, Guesses)
{
    EXPECT_EQ(detectEncoding("\xEF\xBB\xBF" "abc").name, QStringLiteral("utf-8"));
    EXPECT_EQ(detectEncoding("\xEF\xBB\xBF" "abc").bomLength, 3);
    EXPECT_FALSE(detectEncoding("plain ascii").confident);
    EXPECT_EQ(detectEncoding(kUtf8Chinese).name, QStringLiteral("utf-8"));
    EXPECT_EQ(detectEncoding(kGbkChinese + kGbkChinese).name, QStringLiteral("gb18030"));
    EXPECT_EQ(detectEncoding("Caf\xE9 M\xFCnster, Stra\xDF" "e\n").name, QStringLiteral("windows-1252"));
    EXPECT_EQ(detectEncoding("Caf\xE9 \x81").name, QStringLiteral("latin1"));
    EXPECT_EQ(detectEncoding(std::string("a\0b\0c\0,\0d\0", 10)).name, QStringLiteral("utf-16le"));
}

TEST(EncodingDetection, Names)
{
    EXPECT_EQ(canonicalEncodingName(QStringLiteral("GBK")), QStringLiteral("gb18030"));
    EXPECT_EQ(canonicalEncodingName(QStringLiteral("UTF8")), QStringLiteral("utf-8"));
    EXPECT_EQ(canonicalEncodingName(QStringLiteral("ISO-8859-1")), QStringLiteral("latin1"));
    EXPECT_EQ(canonicalEncodingName(QStringLiteral("cp1252")), QStringLiteral("windows-1252"));
    EXPECT_EQ(canonicalEncodingName(QStringLiteral("big5")), QStringLiteral("big5"));
    EXPECT_TRUE(canonicalEncodingName(QStringLiteral("no-such-encoding")).isEmpty());
}
