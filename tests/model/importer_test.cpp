#include "import/importer.h"
#include "sql/statement.h"
#include "workspace/workspace.h"

#include "test_support.h"

#include <QFileInfo>

#include <gtest/gtest.h>

using namespace cwb::model;
using cwb::test::TempDir;

namespace {

class ImportTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto ws = Workspace::create(dir.path(QStringLiteral("shop.cwb")));
        ASSERT_TRUE(ws.ok());
        ws_.emplace(std::move(ws).value());
    }

    Workspace& ws() { return *ws_; }

    ImportReport run(const QString& table, const QByteArray& csv, ImportOptions options = {},
                     const ImportProgressFn& progress = {})
    {
        const QString file = dir.path(QStringLiteral("in%1.csv").arg(++files_));
        cwb::test::writeFile(file, csv);
        options.table = table;
        return importFile(ws(), file, options, progress);
    }

    qint64 count(const char* sql) { return ws().db().queryInt(sql); }
    QString text(const char* sql) { return ws().db().queryText(sql); }

    QString rejects(const ImportReport& r) { return QString::fromUtf8(cwb::test::readFile(r.rejectsPath)); }

    TempDir dir;
    std::optional<Workspace> ws_;
    int files_ = 0;
};

const QByteArray kUsers = "user_id,age,gender,city,member_tier,income,store\n"
                          "u1,34,F,Shanghai,gold,8000,A01\n"
                          "u2,27,male,Beijing,none,,B02\n"
                          "u3,200,x,Chengdu,silver,5500,C03\n";

} // namespace

TEST_F(ImportTest, UsersWithAttributesTypedAndBadValuesCleared)
{
    const ImportReport r = run(QStringLiteral("users"), kUsers);
    ASSERT_TRUE(r.ok()) << r.error->toString().toStdString();
    EXPECT_EQ(r.records, 3);
    EXPECT_EQ(r.rowsImported, 3);
    EXPECT_EQ(r.inserted.value(QStringLiteral("users")), 3);
    EXPECT_EQ(r.valuesCleared, 1);   // age 200; "x" is a known word for other
    EXPECT_EQ(count("SELECT age IS NULL FROM users WHERE user_id = 'u3'"), 1);
    EXPECT_EQ(text("SELECT gender FROM users WHERE user_id = 'u1'"), QStringLiteral("female"));
    EXPECT_EQ(text("SELECT gender FROM users WHERE user_id = 'u3'"), QStringLiteral("other"));
    // income is numeric, store a code kept as text; empty values are left out.
    EXPECT_EQ(text("SELECT attributes FROM users WHERE user_id = 'u1'"), QStringLiteral("{\"income\":8000,\"store\":\"A01\"}"));
    EXPECT_EQ(text("SELECT attributes FROM users WHERE user_id = 'u2'"), QStringLiteral("{\"store\":\"B02\"}"));
    ASSERT_EQ(r.attributes.size(), 2);
    EXPECT_TRUE(r.attributes[0].numeric);
    EXPECT_FALSE(r.attributes[1].numeric);
    const QString rej = rejects(r);
    EXPECT_NE(rej.indexOf(QStringLiteral("line 4, column 2 (age): \"\"200\"\" is out of range")), -1) << rej.toStdString();
    EXPECT_NE(rej.indexOf(QStringLiteral("value cleared, row kept")), -1);
    EXPECT_TRUE(cwb::test::readFile(r.rejectsPath).startsWith("\xEF\xBB\xBF"));
    EXPECT_EQ(ws().dataVersion(), 1);
}

TEST_F(ImportTest, ChineseGbkFileWithChineseHeaders)
{
    // 用户ID,年龄,性别,城市 / U9,41,女,上海 in GBK.
    const QByteArray gbk = "\xD3\xC3\xBB\xA7ID,\xC4\xEA\xC1\xE4,\xD0\xD4\xB1\xF0,\xB3\xC7\xCA\xD0\r\n"
                           "U9,41,\xC5\xAE,\xC9\xCF\xBA\xA3\r\n";
    const ImportReport r = run(QStringLiteral("users"), gbk);
    ASSERT_TRUE(r.ok()) << r.error->toString().toStdString();
    EXPECT_EQ(r.encoding, QStringLiteral("gb18030"));
    EXPECT_EQ(count("SELECT age FROM users WHERE user_id = 'U9'"), 41);
    EXPECT_EQ(text("SELECT gender FROM users WHERE user_id = 'U9'"), QStringLiteral("female"));
    EXPECT_EQ(text("SELECT city FROM users WHERE user_id = 'U9'"), QStringLiteral("上海"));
}

TEST_F(ImportTest, SemicolonFileWithDecimalCommaAndDayFirstDates)
{
    ASSERT_TRUE(run(QStringLiteral("users"), "user_id\nu1\n").ok());
    const QByteArray csv = "order_id;user_id;date;amount\n"
                           "o1;u1;13/01/2011 10:00;1.234,50\n"
                           "o2;u1;02/03/2011;12,00\n";
    const ImportReport r = run(QStringLiteral("orders"), csv);
    ASSERT_TRUE(r.ok()) << r.error->toString().toStdString();
    EXPECT_EQ(r.delimiter, QStringLiteral(";"));
    EXPECT_TRUE(r.decimalComma);
    EXPECT_EQ(r.dateOrder, QStringLiteral("day/month/year"));
    EXPECT_DOUBLE_EQ(ws().db().queryInt("SELECT amount * 100 FROM orders WHERE order_id = 'o1'"), 123450);
    EXPECT_EQ(count("SELECT ts FROM orders WHERE order_id = 'o2'"), 1299024000);   // 2011-03-02
}

TEST_F(ImportTest, EventsResolveUsersAndRejectUnknownOnes)
{
    ASSERT_TRUE(run(QStringLiteral("users"), kUsers).ok());
    const QByteArray csv = "user_id,item_id,category_id,behavior_type,timestamp\n"
                           "u1,p1,c1,pv,1511544070\n"
                           "u1,p1,c1,buy,1511544170\n"
                           "ghost,p2,c2,pv,1511544270\n"
                           "u2,p3,c1,teleport,1511544370\n"
                           "u2,p3,c1,cart,2911544370\n";
    const ImportReport r = run(QStringLiteral("events"), csv);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.rowsImported, 2);
    EXPECT_EQ(r.rowsRejected, 3);
    EXPECT_EQ(count("SELECT count(*) FROM events e JOIN users u USING (uid) WHERE u.user_id = 'u1' AND type = 'purchase'"), 1);
    QStringList reasons;
    for (const RejectSummary& s : r.rejects) reasons << s.reason;
    EXPECT_EQ(reasons, (QStringList{QStringLiteral("unknown user"), QStringLiteral("not allowed"), QStringLiteral("date out of range")}));
    const QString rej = rejects(r);
    EXPECT_NE(rej.indexOf(QStringLiteral("line 4, column 1 (user_id)")), -1);
    EXPECT_NE(rej.indexOf(QStringLiteral("is in the future")), -1);

    ImportOptions create;
    create.createMissingUsers = true;
    create.force = true;
    const ImportReport again = run(QStringLiteral("events"), csv, create);
    EXPECT_EQ(again.rowsImported, 3);
    EXPECT_EQ(again.inserted.value(QStringLiteral("users")), 1);
    EXPECT_EQ(count("SELECT count(*) FROM users WHERE user_id = 'ghost'"), 1);
}

TEST_F(ImportTest, OrdersGuestsCancellationsAndDuplicateKeys)
{
    ASSERT_TRUE(run(QStringLiteral("users"), kUsers).ok());
    const QByteArray csv = "order_id,user_id,ts,amount,status\n"
                           "o1,u1,2011-01-01 10:00,100.00,paid\n"
                           "o2,,2011-01-02 11:00,50.50,paid\n"
                           "o3,u2,2011-01-03 12:00,-20.00,refunded\n"
                           "o4,u2,2011-01-03 12:00,-20.00,paid\n"
                           "o1,u2,2011-01-04 13:00,999,paid\n";
    const ImportReport r = run(QStringLiteral("orders"), csv);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.rowsImported, 3);
    EXPECT_EQ(count("SELECT count(*) FROM orders WHERE uid IS NULL"), 1);                // guest order kept
    EXPECT_EQ(text("SELECT status FROM orders WHERE order_id = 'o3'"), QStringLiteral("cancelled"));
    EXPECT_EQ(count("SELECT amount FROM orders WHERE order_id = 'o1'"), 100);          // first row of a key wins
    const QString rej = rejects(r);
    EXPECT_NE(rej.indexOf(QStringLiteral("is negative, but the order is not cancelled")), -1);
    EXPECT_NE(rej.indexOf(QStringLiteral("line 6: the same order_id as line 2")), -1);
    EXPECT_TRUE(r.notes.join(QLatin1Char(' ')).contains(QStringLiteral("1 orders have no user id")));

    // Existing keys are updated with the file's columns.
    const QByteArray update = "order_id,user_id,ts,amount\no1,u1,2011-01-01 10:00,120\n";
    const ImportReport u = run(QStringLiteral("orders"), update);
    ASSERT_TRUE(u.ok());
    EXPECT_EQ(u.updated.value(QStringLiteral("orders")), 1);
    EXPECT_EQ(count("SELECT amount FROM orders WHERE order_id = 'o1'"), 120);
    EXPECT_EQ(text("SELECT status FROM orders WHERE order_id = 'o1'"), QStringLiteral("paid"));
}

TEST_F(ImportTest, OrderLinesNeedTheirOrderAndAreNumberedPerOrder)
{
    ASSERT_TRUE(run(QStringLiteral("orders"), "order_id,user_id,ts,amount\no1,,2011-01-01,10\n").ok());
    const ImportReport r = run(QStringLiteral("order_items"), "order_id,sku,qty,price\no1,A,1,4\no1,B,2,3\nnope,C,1,1\n");
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.rowsImported, 2);
    EXPECT_EQ(count("SELECT max(line_no) FROM order_items WHERE order_id = 'o1'"), 2);
    EXPECT_EQ(r.rejects.value(0).reason, QStringLiteral("unknown order"));
}

TEST_F(ImportTest, CampaignsExposuresResponsesAndSegments)
{
    ASSERT_TRUE(run(QStringLiteral("users"), kUsers).ok());
    ASSERT_TRUE(run(QStringLiteral("campaigns"), "name,type,start\nSpring sale,coupon,2011-03-01\n").ok());
    const ImportReport e = run(QStringLiteral("exposures"),
                               "campaign,user_id,group,variant\nSpring sale,u1,实验组,A\nSpring sale,u2,对照组,\nWinter,u3,test,\n");
    ASSERT_TRUE(e.ok());
    EXPECT_EQ(e.rowsImported, 2);
    EXPECT_EQ(e.rejects.value(0).reason, QStringLiteral("unknown campaign"));
    const ImportReport resp = run(QStringLiteral("responses"),
                                  "campaign,user_id,redeemed,converted,revenue\nSpring sale,u1,是,1,80\nSpring sale,u3,0,0,0\n");
    ASSERT_TRUE(resp.ok());
    EXPECT_EQ(resp.rowsImported, 1);
    EXPECT_EQ(resp.rejects.value(0).reason, QStringLiteral("no matching exposure"));
    EXPECT_EQ(count("SELECT redeemed FROM responses"), 1);
    const ImportReport seg = run(QStringLiteral("segment_members"), "segment,user_id\nVIP,u1\nVIP,u2\nNew,u3\n");
    ASSERT_TRUE(seg.ok());
    EXPECT_EQ(count("SELECT count(*) FROM segments WHERE method = 'imported'"), 2);
    EXPECT_EQ(count("SELECT count(*) FROM segment_members"), 3);
}

TEST_F(ImportTest, RaggedRowsMalformedQuotesAndBadEncodingAreRejectedWithLines)
{
    // A UTF-8 file (a dozen Chinese characters in line 2) in which line 7 holds a broken sequence.
    QByteArray csv = "user_id,age\n\xE5\xBC\xA0\xE4\xB8\x89\xE6\x9D\x8E\xE5\x9B\x9B\xE7\x8E\x8B\xE4\xBA\x94"
                     "\xE8\xB5\xB5\xE5\x85\xAD\xE9\x92\xB1\xE4\xB8\x83\xE5\xAD\x99\xE5\x85\xAB,30\n"
                     "u2\nu3,40,extra\nu4,41,,\n\"u5\"x,20\nu6,2\xC3\x28\nu7,33\n";
    const ImportReport r = run(QStringLiteral("users"), csv);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.encoding, QStringLiteral("utf-8"));
    EXPECT_EQ(r.rowsImported, 3);   // line 2, u4 (trailing empty fields), u7
    const QString rej = rejects(r);
    EXPECT_NE(rej.indexOf(QStringLiteral("line 3: expected 2 fields as in the header, found 1")), -1) << rej.toStdString();
    EXPECT_NE(rej.indexOf(QStringLiteral("line 4: expected 2 fields")), -1);
    EXPECT_NE(rej.indexOf(QStringLiteral("line 6, column 1: text follows a closing quote")), -1);
    EXPECT_NE(rej.indexOf(QStringLiteral("line 7, column 2 (age): bytes that are not valid")), -1);
}

TEST_F(ImportTest, MissingRequiredColumnIsFatalAndListsColumns)
{
    const QByteArray before = cwb::test::contentHash(ws());
    const ImportReport r = run(QStringLiteral("events"), "who,what\na,b\n");
    ASSERT_EQ(r.outcome, ImportReport::Outcome::Failed);
    EXPECT_NE(r.error->message.indexOf(QStringLiteral("required field(s) user_id, ts, type")), -1) << r.error->message.toStdString();
    EXPECT_NE(r.error->message.indexOf(QStringLiteral("\"who\", \"what\"")), -1);
    EXPECT_EQ(cwb::test::contentHash(ws()), before);
}

TEST_F(ImportTest, UnterminatedQuoteLeavesTheWorkspaceUnchanged)
{
    ASSERT_TRUE(run(QStringLiteral("users"), kUsers).ok());
    const QByteArray before = cwb::test::contentHash(ws());
    const ImportReport r = run(QStringLiteral("users"), "user_id,age\nn1,20\nn2,21\n\"n3,22\nn4,23\n");
    ASSERT_EQ(r.outcome, ImportReport::Outcome::Failed);
    EXPECT_EQ(r.error->line, 4);
    EXPECT_EQ(r.error->column, 1);
    EXPECT_TRUE(r.error->toString().startsWith(r.file + QStringLiteral(":4:1: ")));
    EXPECT_EQ(cwb::test::contentHash(ws()), before);
    EXPECT_EQ(count("SELECT count(*) FROM users WHERE user_id = 'n1'"), 0);
}

TEST_F(ImportTest, CancelAndDryRunLeaveTheWorkspaceUnchanged)
{
    ASSERT_TRUE(run(QStringLiteral("users"), kUsers).ok());
    QByteArray csv = "user_id,age\n";
    for (int i = 0; i < 20000; ++i) csv += "x" + QByteArray::number(i) + "," + QByteArray::number(20 + i % 50) + "\n";
    csv += "bad,-5\n";
    const QByteArray before = cwb::test::contentHash(ws());

    int calls = 0;
    const ImportReport cancelled = run(QStringLiteral("users"), csv, {}, [&](const ImportProgress& p) {
        EXPECT_GT(p.records, 0);
        EXPECT_GT(p.bytesDone, 0);
        ++calls;
        return false;   // the user presses Cancel at the first progress report
    });
    EXPECT_EQ(calls, 1);
    EXPECT_EQ(cancelled.outcome, ImportReport::Outcome::Cancelled);
    EXPECT_EQ(cwb::test::contentHash(ws()), before);

    ImportOptions dry;
    dry.dryRun = true;
    const ImportReport checked = run(QStringLiteral("users"), csv, dry);
    EXPECT_EQ(checked.outcome, ImportReport::Outcome::DryRun);
    EXPECT_EQ(checked.rowsImported, 20001);
    EXPECT_EQ(checked.valuesCleared, 1);
    EXPECT_EQ(cwb::test::contentHash(ws()), before);
    EXPECT_TRUE(QFileInfo::exists(checked.rejectsPath));   // the dry run still says what is wrong
}

TEST_F(ImportTest, TheSameFileTwiceIsRecognised)
{
    const QString file = dir.path(QStringLiteral("users.csv"));
    cwb::test::writeFile(file, kUsers);
    ImportOptions o;
    o.table = QStringLiteral("users");
    ASSERT_TRUE(importFile(ws(), file, o).ok());
    const QByteArray before = cwb::test::contentHash(ws());
    const ImportReport again = importFile(ws(), file, o);
    EXPECT_EQ(again.outcome, ImportReport::Outcome::AlreadyImported);
    EXPECT_NE(again.error->message.indexOf(QStringLiteral("already imported")), -1);
    EXPECT_EQ(cwb::test::contentHash(ws()), before);
    o.force = true;
    const ImportReport forced = importFile(ws(), file, o);
    ASSERT_TRUE(forced.ok());
    EXPECT_EQ(forced.updated.value(QStringLiteral("users")), 3);
    EXPECT_EQ(count("SELECT count(*) FROM users"), 3);
    EXPECT_EQ(count("SELECT count(*) FROM imports"), 2);
}

TEST_F(ImportTest, MappingOverridesAndUtf8Bom)
{
    const QByteArray csv = "\xEF\xBB\xBF" "Kunde,Alter\nk1,50\n";
    ImportOptions o;
    o.mapping = {{QStringLiteral("user_id"), QStringLiteral("Kunde")}, {QStringLiteral("age"), QStringLiteral("#2")}};
    const ImportReport r = run(QStringLiteral("users"), csv, o);
    ASSERT_TRUE(r.ok()) << r.error->toString().toStdString();
    EXPECT_EQ(count("SELECT age FROM users WHERE user_id = 'k1'"), 50);
    EXPECT_TRUE(r.attributes.isEmpty());
}

TEST_F(ImportTest, ExcelWorkbooksAndEmptyFilesAreRefusedByName)
{
    ImportReport r = run(QStringLiteral("users"), QByteArray("PK\x03\x04rest-of-zip", 15));
    ASSERT_EQ(r.outcome, ImportReport::Outcome::Failed);
    EXPECT_NE(r.error->message.indexOf(QStringLiteral("Excel")), -1);
    r = run(QStringLiteral("users"), "");
    EXPECT_NE(r.error->message.indexOf(QStringLiteral("empty")), -1);
    r = run(QStringLiteral("models"), "a\n1\n");
    EXPECT_NE(r.error->message.indexOf(QStringLiteral("cannot import into \"models\"")), -1);
}

TEST_F(ImportTest, GzipFilesAreReadDirectly)
{
    const QString plain = dir.path(QStringLiteral("u.csv"));
    cwb::test::writeFile(plain, kUsers);
    ASSERT_EQ(std::system(("gzip -k " + plain.toStdString()).c_str()), 0);
    ImportOptions o;
    o.table = QStringLiteral("users");
    const ImportReport r = importFile(ws(), plain + QStringLiteral(".gz"), o);
    ASSERT_TRUE(r.ok()) << r.error->toString().toStdString();
    EXPECT_EQ(r.rowsImported, 3);
}

TEST_F(ImportTest, DiskFullLeavesTheWorkspaceUnchanged)
{
    ASSERT_TRUE(run(QStringLiteral("users"), kUsers).ok());
    const QByteArray before = cwb::test::contentHash(ws());
    // SQLite reports SQLITE_FULL once the file would grow past max_page_count,
    // exactly as it does when the disk runs out.
    const qint64 pages = ws().db().queryInt("PRAGMA page_count");
    ws().db().exec("PRAGMA max_page_count = " + std::to_string(pages + 4));
    QByteArray csv = "user_id,note\n";
    for (int i = 0; i < 20000; ++i) csv += "big" + QByteArray::number(i) + "," + QByteArray(200, 'x') + "\n";
    const ImportReport r = run(QStringLiteral("users"), csv);
    ws().db().exec("PRAGMA max_page_count = 1073741823");
    ASSERT_EQ(r.outcome, ImportReport::Outcome::Failed);
    EXPECT_NE(r.error->message.indexOf(QStringLiteral("disk is full")), -1) << r.error->message.toStdString();
    EXPECT_EQ(cwb::test::contentHash(ws()), before);
    EXPECT_FALSE(QFileInfo::exists(r.rejectsPath));
    // And the workspace still takes an import afterwards.
    EXPECT_TRUE(run(QStringLiteral("users"), "user_id\nlater\n").ok());
}
