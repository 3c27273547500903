// The presets on the real datasets in ../shared/data. Expected figures were
// computed independently from the raw files with the sqlite3 shell and
// pandas (commands in the comments).
#include "import/importer.h"
#include "sql/statement.h"
#include "workspace/workspace.h"

#include "test_support.h"

#include <gtest/gtest.h>

using namespace cwb::model;
using cwb::test::TempDir;

namespace {

qint64 reasonCount(const ImportReport& r, const QString& reason)
{
    for (const RejectSummary& s : r.rejects)
        if (s.reason == reason) return s.count;
    return 0;
}

} // namespace

TEST(Presets, OnlineRetail)
{
    const auto file = cwb::test::sharedData(QStringLiteral("online_retail/online_retail.csv.gz"));
    if (!file) GTEST_SKIP() << "real data not found in " << cwb::test::sharedDataRoot().toStdString();
    TempDir dir;
    auto ws = Workspace::create(dir.path(QStringLiteral("retail.cwb")));
    ASSERT_TRUE(ws.ok());
    ImportOptions o;
    o.preset = QStringLiteral("online-retail");
    const ImportReport r = importFile(ws.value(), *file, o);
    ASSERT_TRUE(r.ok()) << r.error->toString().toStdString();
    Database& db = ws->db();

    EXPECT_EQ(r.records, 541909);
    // sqlite3: .import the CSV as r, then
    //   ok = rows where InvoiceNo NOT LIKE 'A%' AND NOT (Quantity < 0 AND InvoiceNo NOT LIKE 'C%')
    EXPECT_EQ(r.rowsImported, 540570);                               // count(*) FROM ok
    EXPECT_EQ(r.rowsRejected, 1339);
    EXPECT_EQ(reasonCount(r, QStringLiteral("stock adjustment")), 1336);   // Quantity < 0 on non-C invoices
    EXPECT_EQ(reasonCount(r, QStringLiteral("accounting adjustment")), 3); // "A" invoices
    EXPECT_EQ(db.queryInt("SELECT count(*) FROM order_items"), 540570);
    EXPECT_EQ(db.queryInt("SELECT count(*) FROM orders"), 24561);           // count(DISTINCT InvoiceNo) FROM ok
    EXPECT_EQ(db.queryInt("SELECT count(*) FROM orders WHERE status = 'cancelled'"), 3836);
    EXPECT_EQ(db.queryInt("SELECT count(*) FROM orders WHERE uid IS NULL"), 2371);   // guest invoices
    EXPECT_EQ(db.queryInt("SELECT count(*) FROM users"), 4372);              // distinct CustomerID
    EXPECT_EQ(db.queryInt("SELECT count(*) FROM products"), 3956);           // distinct StockCode FROM ok
    // round(sum(Quantity * UnitPrice), 2) FROM ok = 9758809.99; paid invoices only: 10655622.48
    EXPECT_NEAR(db.queryInt("SELECT round(sum(amount) * 100) FROM orders") / 100.0, 9758809.99, 0.005);
    EXPECT_NEAR(db.queryInt("SELECT round(sum(amount) * 100) FROM orders WHERE status = 'paid'") / 100.0, 10655622.48, 0.005);
    // One customer by hand: 12347 bought on 7 invoices for 4,310.00.
    EXPECT_EQ(db.queryInt("SELECT count(*) FROM orders o JOIN users u USING (uid) WHERE u.user_id = '12347'"), 7);
    EXPECT_EQ(db.queryInt("SELECT round(sum(o.amount) * 100) FROM orders o JOIN users u USING (uid) WHERE u.user_id = '12347'"), 431000);
    EXPECT_EQ(db.queryText("SELECT region FROM users WHERE user_id = '12347'"), QStringLiteral("Iceland"));
    EXPECT_EQ(db.queryInt("SELECT ts FROM orders WHERE order_id = '536365'"), 1291191960);   // 12/1/2010 8:26
    EXPECT_EQ(db.queryText("SELECT name FROM products WHERE product_id = '85123A'").trimmed(),
              QStringLiteral("CREAM HANGING HEART T-LIGHT HOLDER"));
    EXPECT_EQ(cwb::test::readFile(r.rejectsPath).count('\n'), 1339 + 1);
}

TEST(Presets, Hillstrom)
{
    const auto file = cwb::test::sharedData(QStringLiteral("hillstrom/hillstrom.csv"));
    if (!file) GTEST_SKIP() << "real data not found in " << cwb::test::sharedDataRoot().toStdString();
    TempDir dir;
    auto ws = Workspace::create(dir.path(QStringLiteral("hillstrom.cwb")));
    ASSERT_TRUE(ws.ok());
    ImportOptions o;
    o.preset = QStringLiteral("hillstrom");
    const ImportReport r = importFile(ws.value(), *file, o);
    ASSERT_TRUE(r.ok()) << r.error->toString().toStdString();
    EXPECT_EQ(r.rowsRejected, 0);
    Database& db = ws->db();
    EXPECT_EQ(db.queryInt("SELECT count(*) FROM users"), 64000);
    EXPECT_EQ(db.queryInt("SELECT count(*) FROM campaigns"), 1);
    // pandas: d.segment.value_counts()
    EXPECT_EQ(db.queryInt("SELECT count(*) FROM exposures WHERE variant = 'Mens E-Mail'"), 21307);
    EXPECT_EQ(db.queryInt("SELECT count(*) FROM exposures WHERE variant = 'Womens E-Mail'"), 21387);
    EXPECT_EQ(db.queryInt("SELECT count(*) FROM exposures WHERE variant = 'No E-Mail'"), 21306);
    EXPECT_EQ(db.queryInt("SELECT count(*) FROM exposures WHERE grp = 'control'"), 21306);
    EXPECT_EQ(db.queryInt("SELECT count(*) FROM exposures WHERE grp = 'treatment'"), 42694);
    EXPECT_EQ(db.queryInt("SELECT sum(visited) FROM responses"), 9394);
    EXPECT_EQ(db.queryInt("SELECT sum(converted) FROM responses"), 578);
    // d.spend.sum() = 67258.13; by arm 30311.69 / 23038.11 / 13908.33
    EXPECT_EQ(db.queryInt("SELECT round(sum(revenue) * 100) FROM responses"), 6725813);
    EXPECT_EQ(db.queryInt("SELECT round(sum(r.revenue) * 100) FROM responses r JOIN exposures e USING (campaign_id, uid) "
                          "WHERE e.variant = 'No E-Mail'"),
              1390833);
    EXPECT_EQ(db.queryInt("SELECT count(*) FROM responses WHERE revenue > 0 AND converted = 0"), 0);
    // The first data row: 10,2) $100 - $200,142.44,1,0,Surburban,0,Phone,Womens E-Mail,0,0,0
    EXPECT_EQ(db.queryText("SELECT attributes FROM users WHERE user_id = 'HS00001'"),
              QStringLiteral("{\"channel\":\"Phone\",\"history\":142.44,\"history_segment\":\"2) $100 - $200\",\"mens\":1,"
                             "\"newbie\":0,\"recency\":10,\"womens\":0,\"zip_code\":\"Surburban\"}"));
    // d.history.sum() = 15493481.97
    EXPECT_NEAR(db.queryInt("SELECT round(sum(json_extract(attributes, '$.history')) * 100) FROM users") / 100.0, 15493481.97, 0.005);
}
