#include "import/canonical_schema.h"
#include "import/column_mapping.h"
#include "import/import_target.h"

#include <gtest/gtest.h>

using namespace cwb::model;

namespace {
QString fieldColumn(const TableSpec& t, const ColumnMapping& m, const char* field, const QStringList& header)
{
    const int c = m.column(t, field);
    return c < 0 ? QString() : header[c];
}
} // namespace

TEST(ColumnMapping, EnglishHeaders)
{
    const TableSpec& orders = *findTable(QStringLiteral("orders"));
    const QStringList header{QStringLiteral("InvoiceNo"), QStringLiteral("CustomerID"), QStringLiteral("InvoiceDate"),
                             QStringLiteral("Total"), QStringLiteral("Qty"), QStringLiteral("Notes")};
    const ColumnMapping m = suggestMapping(orders, header);
    EXPECT_EQ(fieldColumn(orders, m, "order_id", header), QStringLiteral("InvoiceNo"));
    EXPECT_EQ(fieldColumn(orders, m, "user_id", header), QStringLiteral("CustomerID"));
    EXPECT_EQ(fieldColumn(orders, m, "ts", header), QStringLiteral("InvoiceDate"));
    EXPECT_EQ(fieldColumn(orders, m, "amount", header), QStringLiteral("Total"));
    EXPECT_EQ(fieldColumn(orders, m, "item_count", header), QStringLiteral("Qty"));
    EXPECT_EQ(m.ignoredColumns, std::vector<int>{5});
}

TEST(ColumnMapping, ChineseHeadersAndAttributes)
{
    const TableSpec& users = *findTable(QStringLiteral("users"));
    const QStringList header{QStringLiteral("用户ID"), QStringLiteral("年龄"), QStringLiteral("性别"), QStringLiteral("城市"),
                             QStringLiteral("会员等级"), QStringLiteral("月收入"), QStringLiteral("注册时间")};
    const ColumnMapping m = suggestMapping(users, header);
    EXPECT_EQ(fieldColumn(users, m, "user_id", header), QStringLiteral("用户ID"));
    EXPECT_EQ(fieldColumn(users, m, "age", header), QStringLiteral("年龄"));
    EXPECT_EQ(fieldColumn(users, m, "gender", header), QStringLiteral("性别"));
    EXPECT_EQ(fieldColumn(users, m, "city", header), QStringLiteral("城市"));
    EXPECT_EQ(fieldColumn(users, m, "member_tier", header), QStringLiteral("会员等级"));
    EXPECT_EQ(fieldColumn(users, m, "signup_date", header), QStringLiteral("注册时间"));
    EXPECT_EQ(m.attributeColumns, std::vector<int>{5});   // 月收入 (monthly income) is the shop's own field
}

TEST(ColumnMapping, EventsFromTaobaoStyleHeaders)
{
    const TableSpec& events = *findTable(QStringLiteral("events"));
    const QStringList header{QStringLiteral("user_id"), QStringLiteral("item_id"), QStringLiteral("category_id"),
                             QStringLiteral("behavior_type"), QStringLiteral("timestamp")};
    const ColumnMapping m = suggestMapping(events, header);
    EXPECT_EQ(fieldColumn(events, m, "product_id", header), QStringLiteral("item_id"));
    EXPECT_EQ(fieldColumn(events, m, "category", header), QStringLiteral("category_id"));
    EXPECT_EQ(fieldColumn(events, m, "type", header), QStringLiteral("behavior_type"));
    EXPECT_EQ(fieldColumn(events, m, "ts", header), QStringLiteral("timestamp"));
}

TEST(ColumnMapping, OverridesByNameAndIndex)
{
    const TableSpec& users = *findTable(QStringLiteral("users"));
    const QStringList header{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("phone")};
    ColumnMapping m = suggestMapping(users, header);
    EXPECT_FALSE(checkRequiredFields(m, users, header) == std::nullopt);
    auto parsed = parseMappingArgument(QStringLiteral("user_id=#2,age=a"));
    ASSERT_TRUE(parsed.ok());
    ASSERT_EQ(applyOverrides(m, users, header, parsed.value(), {QStringLiteral("phone")}), std::nullopt);
    EXPECT_EQ(fieldColumn(users, m, "user_id", header), QStringLiteral("b"));
    EXPECT_EQ(fieldColumn(users, m, "age", header), QStringLiteral("a"));
    EXPECT_TRUE(m.attributeColumns.empty());   // phone skipped: not kept, even as an attribute
    EXPECT_EQ(checkRequiredFields(m, users, header), std::nullopt);
}

TEST(ColumnMapping, ErrorsNameTheProblem)
{
    const TableSpec& events = *findTable(QStringLiteral("events"));
    const QStringList header{QStringLiteral("who"), QStringLiteral("when")};
    ColumnMapping m = suggestMapping(events, header);
    const Status missing = checkRequiredFields(m, events, header);
    ASSERT_TRUE(missing.has_value());
    EXPECT_NE(missing->message.indexOf(QStringLiteral("user_id")), -1);
    EXPECT_NE(missing->message.indexOf(QStringLiteral("\"who\"")), -1);
    const Status badField = applyOverrides(m, events, header, {{QStringLiteral("nope"), QStringLiteral("who")}}, {});
    ASSERT_TRUE(badField.has_value());
    EXPECT_NE(badField->message.indexOf(QStringLiteral("not a field of events")), -1);
    const Status badColumn = applyOverrides(m, events, header, {{QStringLiteral("user_id"), QStringLiteral("nobody")}}, {});
    ASSERT_TRUE(badColumn.has_value());
    EXPECT_NE(badColumn->message.indexOf(QStringLiteral("no column \"nobody\"")), -1);
    EXPECT_FALSE(parseMappingArgument(QStringLiteral("=x")).ok());
}

// What the import wizard pre-selects: a dataset preset when every one of its
// columns is there, else the table that recognises the most columns with
// all of its required fields found.
TEST(ImportTarget, SuggestsPresetsAndTablesFromTheHeader)
{
    const QStringList hillstrom = QStringLiteral("recency,history_segment,history,mens,womens,zip_code,newbie,channel,segment,visit,conversion,spend")
                                      .split(QLatin1Char(','));
    EXPECT_EQ(suggestImportTarget(hillstrom).preset, QStringLiteral("hillstrom"));
    EXPECT_EQ(presetColumns(QStringLiteral("hillstrom")), hillstrom);

    const QStringList retail = QStringLiteral("InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country").split(QLatin1Char(','));
    EXPECT_EQ(suggestImportTarget(retail).preset, QStringLiteral("online-retail"));
    // One column short of the preset: a plain table import, not the preset.
    const ImportTargetSuggestion partial = suggestImportTarget(retail.mid(1));
    EXPECT_TRUE(partial.preset.isEmpty());

    const ImportTargetSuggestion events = suggestImportTarget({QStringLiteral("用户ID"), QStringLiteral("时间"), QStringLiteral("行为类型"), QStringLiteral("商品ID"), QStringLiteral("类目")});
    EXPECT_EQ(events.table, QStringLiteral("events"));
    EXPECT_EQ(events.fieldsMatched, 5);
    EXPECT_FALSE(events.reason.isEmpty());

    const ImportTargetSuggestion orders = suggestImportTarget({QStringLiteral("order_id"), QStringLiteral("customer_id"), QStringLiteral("order_time"), QStringLiteral("amount")});
    EXPECT_EQ(orders.table, QStringLiteral("orders"));

    // A customer list: only the users table has every required field.
    const ImportTargetSuggestion users = suggestImportTarget({QStringLiteral("customer_id"), QStringLiteral("age"), QStringLiteral("gender"), QStringLiteral("vip")});
    EXPECT_EQ(users.table, QStringLiteral("users"));
    EXPECT_EQ(users.fieldsMatched, 3);

    const ImportTargetSuggestion nothing = suggestImportTarget({QStringLiteral("a"), QStringLiteral("b")});
    EXPECT_TRUE(nothing.table.isEmpty());
    EXPECT_TRUE(nothing.preset.isEmpty());
    EXPECT_TRUE(presetColumns(QStringLiteral("no-such-preset")).isEmpty());
}
