// The paging table model of the Data page against SQL run directly on the
// workspace: every row in the right order (by key, filtered, sorted), pages
// read on demand, superseded requests dropped, and QAbstractItemModelTester
// watching every change.
#include "items/table_browser_model.h"

#include "demo/demo_writer.h"
#include "sql/statement.h"
#include "workspace/workspace.h"

#include "test_support.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

using namespace cwb;
using cwb::test::TempDir;

namespace {

class TableBrowser : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        dir_ = new TempDir;
        path_ = dir_->path(QStringLiteral("demo.cwb"));
        auto ws = model::Workspace::create(path_);
        ASSERT_TRUE(ws.ok());
        model::DemoOptions o;
        o.users = 2000;
        o.eventsPerUser = 20;
        ASSERT_TRUE(model::writeDemoData(ws.value(), o).ok());
        // Gaps in the rowids: the order is by key, not by position.
        ws->db().exec("DELETE FROM events WHERE event_id % 7 = 3");
    }
    static void TearDownTestSuite() { delete dir_; }

    // The rows of `sql` (one column per row of the model, in its order) as the model would show them (EditRole).
    static std::vector<std::vector<QVariant>> query(const std::string& sql, const QString& bind = {})
    {
        auto ws = model::Workspace::open(path_);
        EXPECT_TRUE(ws.ok());
        model::Statement st = ws->db().prepare(sql);
        if (!bind.isNull()) st.bind(1, bind);
        std::vector<std::vector<QVariant>> rows;
        while (st.step()) {
            std::vector<QVariant> row;
            for (int c = 0; c < st.columnCount(); ++c) {
                if (st.isNull(c)) row.emplace_back();
                else row.emplace_back(st.text(c));
            }
            rows.push_back(std::move(row));
        }
        return rows;
    }
    // Rows [from, to) of the model as text, to compare with query().
    static void expectRows(const model::TableBrowserModel& m, const std::vector<std::vector<QVariant>>& want, const std::vector<int>& rows)
    {
        ASSERT_EQ(m.rowCount(), static_cast<int>(want.size()));
        for (int r : rows) {
            for (int c = 0; c < m.columnCount(); ++c) {
                const QVariant got = m.data(m.index(r, c), Qt::EditRole);
                const QVariant& w = want[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)];
                ASSERT_EQ(got.isNull(), w.isNull()) << "row " << r << " column " << c;
                if (!w.isNull()) {
                    if (got.typeId() == QMetaType::Double) EXPECT_DOUBLE_EQ(got.toDouble(), w.toDouble()) << "row " << r << " column " << c;
                    else EXPECT_EQ(got.toString(), w.toString()) << "row " << r << " column " << c;
                }
            }
        }
    }
    // Until the order is in place; an error instead fails at once, with its message.
    static void waitOrdered(model::TableBrowserModel& m)
    {
        QSignalSpy ordered(&m, &model::TableBrowserModel::ordered);
        QSignalSpy failed(&m, &model::TableBrowserModel::failed);
        if (m.totalRows() < 0) {
            QElapsedTimer waited;
            waited.start();
            while (ordered.isEmpty() && failed.isEmpty() && waited.elapsed() < 30000) QTest::qWait(5);
            ASSERT_TRUE(failed.isEmpty()) << failed.first().first().toString().toStdString();
            ASSERT_FALSE(ordered.isEmpty()) << "no order after 30 s";
        }
    }

    static inline TempDir* dir_ = nullptr;
    static inline QString path_;
};

} // namespace

TEST_F(TableBrowser, ShowsTheFirstPageAtOnceThenEveryRowByKey)
{
    model::TableBrowserModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const auto want = query("SELECT * FROM events ORDER BY rowid");
    ASSERT_GT(want.size(), 20000u);
    ASSERT_TRUE(m.open(path_, QStringLiteral("events")));
    // Before the order is in place: the first page, read on the spot.
    EXPECT_EQ(m.rowCount(), model::TableBrowserModel::kPageRows);
    EXPECT_EQ(m.totalRows(), -1);
    EXPECT_EQ(m.data(m.index(0, 0), Qt::EditRole).toString(), want[0][0].toString());
    waitOrdered(m);
    EXPECT_EQ(m.totalRows(), static_cast<qint64>(want.size()));
    const int n = static_cast<int>(want.size());
    expectRows(m, want, {0, 1, 255, 256, 257, 5000, n / 2, n - 257, n - 2, n - 1});
    EXPECT_EQ(m.headerData(2, Qt::Horizontal).toString(), QStringLiteral("ts"));
    // Unix times are shown as dates; the raw value stays in the edit role.
    EXPECT_NE(m.data(m.index(0, 2)).toString(), m.data(m.index(0, 2), Qt::EditRole).toString());
}

TEST_F(TableBrowser, SortsAndFiltersLikeSql)
{
    model::TableBrowserModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_TRUE(m.open(path_, QStringLiteral("orders")));
    waitOrdered(m);
    const int amount = static_cast<int>(m.columnNames().indexOf(QStringLiteral("amount")));
    ASSERT_GE(amount, 0);
    m.sort(amount, Qt::DescendingOrder);
    EXPECT_EQ(m.rowCount(), 0);   // cleared until the new order is in place
    waitOrdered(m);
    auto want = query("SELECT * FROM orders ORDER BY amount DESC, rowid");
    expectRows(m, want, {0, 1, 2, 300, static_cast<int>(want.size()) - 1});

    // A filter on a text column, with LIKE's wildcards taken literally and ASCII case ignored.
    const int status = static_cast<int>(m.columnNames().indexOf(QStringLiteral("status")));
    m.setFilter(status, QStringLiteral("PAI"));
    waitOrdered(m);
    want = query("SELECT * FROM orders WHERE status LIKE '%pai%' ORDER BY amount DESC, rowid");
    ASSERT_GT(want.size(), 0u);
    expectRows(m, want, {0, static_cast<int>(want.size()) / 2, static_cast<int>(want.size()) - 1});
    m.setFilter(status, QStringLiteral("p%d"));
    waitOrdered(m);
    EXPECT_EQ(m.rowCount(), 0);

    // Back to every row, by key.
    m.setFilter(-1, {});
    m.sort(-1);
    waitOrdered(m);
    want = query("SELECT * FROM orders ORDER BY rowid");
    expectRows(m, want, {0, static_cast<int>(want.size()) - 1});
}

TEST_F(TableBrowser, TablesWithoutRowidPageByTheirPrimaryKey)
{
    model::TableBrowserModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_TRUE(m.open(path_, QStringLiteral("exposures")));
    waitOrdered(m);
    const auto want = query("SELECT * FROM exposures ORDER BY campaign_id, uid");
    ASSERT_GT(want.size(), 1000u);
    expectRows(m, want, {0, 511, 512, static_cast<int>(want.size()) - 1});
}

TEST_F(TableBrowser, ANewerRequestSupersedesAnOlderOne)
{
    model::TableBrowserModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ASSERT_TRUE(m.open(path_, QStringLiteral("events")));
    const int type = static_cast<int>(m.columnNames().indexOf(QStringLiteral("type")));
    const int ts = static_cast<int>(m.columnNames().indexOf(QStringLiteral("ts")));
    m.sort(ts, Qt::DescendingOrder);
    m.sort(type, Qt::AscendingOrder);   // the user clicked another header at once
    QSignalSpy ordered(&m, &model::TableBrowserModel::ordered);
    ASSERT_TRUE(ordered.wait(30000));
    QTest::qWait(200);   // anything the first request would still deliver
    EXPECT_EQ(ordered.count(), 1);
    EXPECT_EQ(m.sortColumn(), type);
    const auto want = query("SELECT * FROM events ORDER BY type ASC, rowid");
    expectRows(m, want, {0, 1000, static_cast<int>(want.size()) - 1});
}

// A user clicking through the headers: orders overlap on their
// worker threads, each superseded one drops out, none fails, and the view ends
// on the last request.
TEST_F(TableBrowser, RequestsInQuickSuccessionNeverFail)
{
    model::TableBrowserModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy failed(&m, &model::TableBrowserModel::failed);
    ASSERT_TRUE(m.open(path_, QStringLiteral("orders")));
    const int columns = static_cast<int>(m.columnNames().size());
    for (int i = 0; i < 60; ++i) {
        m.sort(i % columns, i % 2 ? Qt::DescendingOrder : Qt::AscendingOrder);
        QTest::qWait(i % 4);   // some finish, some are superseded while they run
    }
    const int amount = static_cast<int>(m.columnNames().indexOf(QStringLiteral("amount")));
    m.sort(amount, Qt::AscendingOrder);
    waitOrdered(m);
    QTest::qWait(100);   // anything a superseded request would still deliver
    ASSERT_TRUE(failed.isEmpty()) << failed.first().first().toString().toStdString();
    const auto want = query("SELECT * FROM orders ORDER BY amount ASC, rowid");
    expectRows(m, want, {0, 1, 300, static_cast<int>(want.size()) - 1});
}

TEST_F(TableBrowser, CancelKeepsTheFirstPage)
{
    model::TableBrowserModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy stopped(&m, &model::TableBrowserModel::stopped);
    QSignalSpy ordered(&m, &model::TableBrowserModel::ordered);
    ASSERT_TRUE(m.open(path_, QStringLiteral("events")));
    EXPECT_TRUE(m.busy());
    m.cancel();
    ASSERT_TRUE(stopped.wait(10000));
    EXPECT_EQ(ordered.count(), 0);
    EXPECT_FALSE(m.busy());
    EXPECT_EQ(m.rowCount(), model::TableBrowserModel::kPageRows);
    EXPECT_EQ(m.totalRows(), -1);
    // A new request works as usual.
    m.sort(2, Qt::AscendingOrder);
    ASSERT_TRUE(ordered.wait(30000));
    EXPECT_GT(m.rowCount(), model::TableBrowserModel::kPageRows);
}

TEST_F(TableBrowser, SaysWhenTheTableIsNotThere)
{
    model::TableBrowserModel m;
    QSignalSpy failed(&m, &model::TableBrowserModel::failed);
    EXPECT_FALSE(m.open(path_, QStringLiteral("no_such_table")));
    ASSERT_EQ(failed.count(), 1);
    EXPECT_TRUE(failed.first().first().toString().contains(QStringLiteral("no_such_table")));
    EXPECT_EQ(m.rowCount(), 0);
    EXPECT_EQ(m.columnCount(), 0);
}
