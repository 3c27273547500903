#include "data_page.h"
#include "items/table_browser_model.h"
#include "items/table_stats_model.h"
#include "main_window.h"

#include "demo/demo_writer.h"
#include "sql/statement.h"
#include "workspace/workspace.h"

#include "demo_workspace.h"
#include "test_support.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QTableView>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

using namespace cwb;
using cwb::test::TempDir;

TEST(TableStatsModel, PassesTheModelTester)
{
    model::TableStatsModel m;
    QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::Fatal);
    m.setCounts({{QStringLiteral("users"), 10}, {QStringLiteral("orders"), 1234567}});
    EXPECT_EQ(m.rowCount(), 2);
    EXPECT_EQ(m.data(m.index(1, model::TableStatsModel::Rows), Qt::UserRole).toLongLong(), 1234567);
    m.clear();
    EXPECT_EQ(m.rowCount(), 0);
}

TEST(MainWindow, ShowsTheWorkspaceTablesAndCounts)
{
    TempDir dir;
    const QString path = cwb::test::makeDemoWorkspace(dir, QStringLiteral("demo.cwb"), 500);
    ui::MainWindow w;
    w.show();
    ASSERT_TRUE(cwb::test::openAndWait(w, path));
    auto ws = model::Workspace::open(path);
    ASSERT_TRUE(ws.ok());
    const auto counts = ws->tableCounts();
    ASSERT_EQ(w.tableStats()->rowCount(), counts.size());
    for (const model::TableCount& c : counts) EXPECT_EQ(w.tableStats()->rows(c.table), c.rows) << c.table.toStdString();
    EXPECT_EQ(w.tableStats()->rows(QStringLiteral("users")), 500);
    EXPECT_TRUE(w.windowTitle().startsWith(QStringLiteral("demo")));
    const QImage shot = w.grab().toImage();
    EXPECT_GT(shot.width(), 400);
}

TEST(MainWindow, ReportsAFileThatIsNotAWorkspace)
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("notes.cwb"));
    cwb::test::writeFile(path, "just text\n");
    ui::MainWindow w;   // not shown: no message box
    QSignalSpy failed(&w, &ui::MainWindow::failed);
    w.openWorkspace(path);
    ASSERT_TRUE(failed.wait(10000));
    EXPECT_TRUE(failed.first().first().toString().contains(QStringLiteral("not an SQLite database")));
}

TEST(MainWindow, DropsTheResultOfASupersededLoad)
{
    TempDir dir;
    const QString big = cwb::test::makeDemoWorkspace(dir, QStringLiteral("big.cwb"), 3000);
    const QString small = cwb::test::makeDemoWorkspace(dir, QStringLiteral("small.cwb"), 200);
    ui::MainWindow w;
    QSignalSpy loaded(&w, &ui::MainWindow::loaded);
    w.openWorkspace(big);
    w.openWorkspace(small);   // the user changed their mind
    ASSERT_TRUE(loaded.wait(20000));
    QTest::qWait(300);        // let the first load finish too
    EXPECT_EQ(loaded.count(), 1);
    EXPECT_EQ(w.workspacePath(), small);
    EXPECT_EQ(w.tableStats()->rows(QStringLiteral("users")), 200);
}

// The Data page as a user drives it: the customers table shows, a filter typed in
// narrows it to the rows SQL finds, a click on a header sorts it.
TEST(MainWindow, DataPageFiltersAndSortsLikeSql)
{
    TempDir dir;
    const QString path = cwb::test::makeDemoWorkspace(dir, QStringLiteral("demo.cwb"), 800);
    ui::MainWindow w;
    w.resize(1100, 700);
    w.show();
    ASSERT_TRUE(cwb::test::openAndWait(w, path));
    ui::DataPage* page = w.dataPage();
    model::TableBrowserModel* rows = page->browser();
    QAbstractItemModelTester tester(rows, QAbstractItemModelTester::FailureReportingMode::Fatal);
    EXPECT_EQ(rows->table(), QStringLiteral("users"));
    auto waitOrdered = [&] {
        QSignalSpy ordered(rows, &model::TableBrowserModel::ordered);
        QSignalSpy failed(rows, &model::TableBrowserModel::failed);
        QElapsedTimer waited;
        waited.start();
        while (rows->totalRows() < 0 && ordered.isEmpty() && failed.isEmpty() && waited.elapsed() < 30000) QTest::qWait(5);
        ASSERT_TRUE(failed.isEmpty()) << failed.first().first().toString().toStdString();
        ASSERT_GE(rows->totalRows(), 0) << "no order after 30 s";
    };
    waitOrdered();
    EXPECT_EQ(rows->rowCount(), 800);

    auto ws = model::Workspace::open(path);
    ASSERT_TRUE(ws.ok());
    auto count = [&](const char* sql) { return ws->db().queryInt(sql); };
    page->filterColumn()->setCurrentIndex(static_cast<int>(rows->columnNames().indexOf(QStringLiteral("city"))));
    QTest::keyClicks(page->filterEdit(), QStringLiteral("zhou"));   // Hangzhou, Guangzhou, Suzhou, ...
    QSignalSpy filtered(rows, &model::TableBrowserModel::ordered);
    ASSERT_TRUE(filtered.wait(20000));
    const qint64 want = count("SELECT count(*) FROM users WHERE city LIKE '%zhou%'");
    ASSERT_GT(want, 0);
    EXPECT_EQ(rows->rowCount(), want);
    for (int r = 0; r < rows->rowCount(); ++r) EXPECT_TRUE(rows->data(rows->index(r, rows->columnNames().indexOf(QStringLiteral("city")))).toString().contains(QStringLiteral("zhou")));

    // Sort by age: a click on its header, then another for descending.
    const int age = static_cast<int>(rows->columnNames().indexOf(QStringLiteral("age")));
    QHeaderView* header = page->rowsView()->horizontalHeader();
    const QPoint at(header->sectionViewportPosition(age) + header->sectionSize(age) / 2, header->height() / 2);
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);
    waitOrdered();
    QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, at);
    waitOrdered();
    EXPECT_EQ(rows->sortColumn(), age);
    EXPECT_EQ(rows->data(rows->index(0, age), Qt::EditRole).toLongLong(), count("SELECT max(age) FROM users WHERE city LIKE '%zhou%'"));
    EXPECT_EQ(rows->rowCount(), want);

    // Another table from the list: the filter and the sort start afresh.
    page->showTable(QStringLiteral("orders"));
    waitOrdered();
    EXPECT_EQ(rows->rowCount(), count("SELECT count(*) FROM orders"));
    EXPECT_TRUE(page->filterEdit()->text().isEmpty());
    EXPECT_EQ(rows->sortColumn(), -1);
    EXPECT_GT(w.grab().width(), 600);
}

// Settings ▸ Language lists both languages in their own words, the one in
// use checked; File ▸ Import Data waits for a workspace.
TEST(MainWindow, OffersTheLanguagesAndImportInTheMenus)
{
    ui::MainWindow w;
    QAction* english = nullptr;
    QAction* chinese = nullptr;
    QAction* import = nullptr;
    for (QAction* a : w.findChildren<QAction*>()) {
        if (a->data().toString() == QLatin1String("en")) english = a;
        if (a->data().toString() == QLatin1String("zh_CN")) chinese = a;
        if (a->shortcut() == QKeySequence(QStringLiteral("Ctrl+I"))) import = a;
    }
    ASSERT_NE(english, nullptr);
    ASSERT_NE(chinese, nullptr);
    EXPECT_EQ(chinese->text(), QStringLiteral("简体中文"));
    EXPECT_TRUE(english->isChecked());   // the tests run in English
    EXPECT_FALSE(chinese->isChecked());
    ASSERT_NE(import, nullptr);
    EXPECT_FALSE(import->isEnabled());

    TempDir dir;
    const QString path = dir.path(QStringLiteral("empty.cwb"));
    ASSERT_TRUE(model::Workspace::create(path).ok());
    ASSERT_TRUE(cwb::test::openAndWait(w, path));
    EXPECT_TRUE(import->isEnabled());
}
