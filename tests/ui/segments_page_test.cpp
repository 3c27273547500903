#include "background_job.h"
#include "main_window.h"
#include "segments_page.h"

#include "demo/demo_writer.h"
#include "segments/segment_map.h"
#include "segments/segment_store.h"
#include "sql/statement.h"
#include "workspace/workspace.h"

#include "demo_workspace.h"
#include "test_support.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTest>

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

using namespace cwb;
using cwb::test::TempDir;

namespace {

int rowOf(const QStandardItemModel* m, const QString& name)
{
    const QList<QStandardItem*> found = m->findItems(name, Qt::MatchExactly, ui::SegmentsPage::Name);
    return found.isEmpty() ? -1 : found.first()->row();
}

} // namespace

// k-means driven through the form: the clusters appear in the list with the
// sizes the workspace holds, the first is selected, and its profile and the
// map of the clusters are drawn.
TEST(SegmentsPage, RunsKMeansAndShowsTheSegments)
{
    TempDir dir;
    const QString path = cwb::test::makeDemoWorkspace(dir, QStringLiteral("demo.cwb"), 1500);
    ui::MainWindow w;
    w.show();
    ASSERT_TRUE(cwb::test::openAndWait(w, path));
    ASSERT_TRUE(w.showPage(QStringLiteral("segments")));
    ui::SegmentsPage* page = w.segmentsPage();
    QAbstractItemModelTester tester(page->segments(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy listed(page, &ui::SegmentsPage::listed);
    if (listed.isEmpty()) {
        ASSERT_TRUE(listed.wait(20000));
    }
    EXPECT_EQ(page->segments()->rowCount(), 0);

    page->methodBox()->setCurrentIndex(1);   // k-means
    page->kBox()->setValue(3);
    QTest::keyClicks(page->nameEdit(), QStringLiteral("Group"));
    QSignalSpy built(page, &ui::SegmentsPage::built);
    QSignalSpy profiled(page, &ui::SegmentsPage::profiled);
    QSignalSpy mapped(page, &ui::SegmentsPage::mapped);
    QTest::mouseClick(page->buildButton(), Qt::LeftButton);
    ASSERT_TRUE(built.wait(60000));
    EXPECT_EQ(built.at(0).at(0).toInt(), 3);
    if (profiled.isEmpty()) {
        ASSERT_TRUE(profiled.wait(30000));
    }
    if (mapped.isEmpty()) {
        ASSERT_TRUE(mapped.wait(30000));
    }

    auto ws = model::Workspace::open(path);
    ASSERT_TRUE(ws.ok());
    ASSERT_EQ(page->segments()->rowCount(), 3);
    qint64 total = 0;
    for (int i = 1; i <= 3; ++i) {
        const QString name = QStringLiteral("Group %1").arg(i);
        const int row = rowOf(page->segments(), name);
        ASSERT_GE(row, 0) << name.toStdString();
        model::Statement st = ws->db().prepare("SELECT count(*) FROM segment_members m JOIN segments s USING (segment_id) WHERE s.name = ?");
        st.bind(1, name);
        ASSERT_TRUE(st.step());
        const qint64 size = st.int64(0);
        EXPECT_EQ(page->segments()->item(row, ui::SegmentsPage::Customers)->data(Qt::UserRole).toLongLong(), size);
        EXPECT_NEAR(page->segments()->item(row, ui::SegmentsPage::Share)->data(Qt::UserRole).toDouble(), double(size) / 1500, 1e-12);
        EXPECT_FALSE(page->segments()->item(row, ui::SegmentsPage::Description)->text().isEmpty());
        total += size;
    }
    EXPECT_EQ(total, 1500);   // k-means puts everyone with features somewhere
    EXPECT_EQ(page->selectedSegment(), QStringLiteral("Group 1"));
    ASSERT_NE(page->profile(), nullptr);
    EXPECT_EQ(page->profile()->name, QStringLiteral("Group 1"));
    EXPECT_FALSE(page->profile()->features.isEmpty());
    ASSERT_NE(page->map(), nullptr);
    EXPECT_EQ(page->map()->segments, QStringList({QStringLiteral("Group 1"), QStringLiteral("Group 2"), QStringLiteral("Group 3")}));
    EXPECT_EQ(page->map()->x.size(), 1500u);
    for (int label : page->map()->segment) EXPECT_TRUE(label >= 0 && label < 3);
}

// A rule with a syntax error is flagged as it is typed, pointing at the
// token, and Make refuses it; a good rule makes its segment. Then the
// segment is renamed, exported, used for lookalikes and deleted.
TEST(SegmentsPage, RuleEditorAndSegmentActions)
{
    TempDir dir;
    const QString path = cwb::test::makeDemoWorkspace(dir, QStringLiteral("demo.cwb"), 1200);
    ui::SegmentsPage page;
    QSignalSpy listed(&page, &ui::SegmentsPage::listed);
    page.setWorkspace(path);
    ASSERT_TRUE(listed.wait(20000));
    page.methodBox()->setCurrentIndex(2);   // rule
    QTest::keyClicks(page.ruleEdit(), QStringLiteral("monetary >= AND age < 40"));
    EXPECT_TRUE(page.ruleMessage()->text().contains(QStringLiteral("column 13"))) << page.ruleMessage()->text().toStdString();
    QSignalSpy failed(&page, &ui::SegmentsPage::failed);
    QSignalSpy built(&page, &ui::SegmentsPage::built);
    QTest::mouseClick(page.buildButton(), Qt::LeftButton);
    ASSERT_EQ(failed.size(), 1);   // at once, without touching the workspace
    EXPECT_EQ(page.ruleEdit()->selectionStart(), 12);   // "AND" selected
    EXPECT_EQ(page.ruleEdit()->selectedText(), QStringLiteral("AND"));
    EXPECT_TRUE(built.isEmpty());

    // An unknown field is only known against the workspace: the error comes back from the job.
    page.ruleEdit()->setText(QStringLiteral("monetory >= 100"));
    EXPECT_FALSE(page.ruleMessage()->text().contains(QStringLiteral("column")));
    QTest::mouseClick(page.buildButton(), Qt::LeftButton);
    ASSERT_TRUE(failed.wait(20000));
    EXPECT_TRUE(failed.last().at(0).toString().contains(QStringLiteral("monetory"))) << failed.last().at(0).toString().toStdString();

    page.ruleEdit()->setText(QStringLiteral("monetary >= 100 AND age < 40"));
    page.nameEdit()->setText(QStringLiteral("Young spenders"));
    QSignalSpy relisted(&page, &ui::SegmentsPage::listed);
    QTest::mouseClick(page.buildButton(), Qt::LeftButton);
    ASSERT_TRUE(built.wait(20000));
    if (relisted.isEmpty()) {
        ASSERT_TRUE(relisted.wait(20000));
    }
    auto ws = model::Workspace::open(path);
    ASSERT_TRUE(ws.ok());
    auto count = [&](const char* sql) { return ws->db().queryInt(sql); };
    const qint64 want = count("SELECT count(*) FROM users u JOIN user_features f USING (uid) WHERE f.monetary >= 100 AND u.age < 40");
    ASSERT_GT(want, 0);
    const int row = rowOf(page.segments(), QStringLiteral("Young spenders"));
    ASSERT_GE(row, 0);
    EXPECT_EQ(page.segments()->item(row, ui::SegmentsPage::Customers)->data(Qt::UserRole).toLongLong(), want);

    QSignalSpy changed(&page, &ui::SegmentsPage::changed);
    auto waitChangedAndListed = [&] {
        QSignalSpy again(&page, &ui::SegmentsPage::listed);
        ASSERT_TRUE(changed.wait(20000));
        if (again.isEmpty()) {
        ASSERT_TRUE(again.wait(20000));
    }
    };
    page.renameSegment(QStringLiteral("Young spenders"), QStringLiteral("年轻高消费"));
    waitChangedAndListed();
    EXPECT_EQ(rowOf(page.segments(), QStringLiteral("Young spenders")), -1);
    EXPECT_GE(rowOf(page.segments(), QStringLiteral("年轻高消费")), 0);
    EXPECT_EQ(page.selectedSegment(), QStringLiteral("年轻高消费"));

    const QString csv = dir.path(QStringLiteral("members.csv"));
    page.exportSegment(QStringLiteral("年轻高消费"), csv);
    ASSERT_TRUE(changed.wait(20000));
    QFile file(csv);
    ASSERT_TRUE(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    EXPECT_EQ(lines.size(), want + 1);   // header and one line per member

    page.findLookalikes(QStringLiteral("年轻高消费"), 50, QStringLiteral("Like them"));
    waitChangedAndListed();
    const int like = rowOf(page.segments(), QStringLiteral("Like them"));
    ASSERT_GE(like, 0);
    EXPECT_EQ(page.segments()->item(like, ui::SegmentsPage::Customers)->data(Qt::UserRole).toLongLong(), 50);
    EXPECT_EQ(count("SELECT count(*) FROM segment_members m JOIN segments s USING (segment_id) WHERE s.name = 'Like them' AND m.uid IN "
                    "(SELECT m2.uid FROM segment_members m2 JOIN segments s2 USING (segment_id) WHERE s2.name = '年轻高消费')"),
              0);

    page.deleteSegment(QStringLiteral("年轻高消费"));
    waitChangedAndListed();
    EXPECT_EQ(rowOf(page.segments(), QStringLiteral("年轻高消费")), -1);
    EXPECT_EQ(count("SELECT count(*) FROM segments WHERE name = '年轻高消费'"), 0);
}

// Automatic k: the silhouette chart's scores come with the result, k in 2 to 10.
TEST(SegmentsPage, ChoosesKAutomatically)
{
    TempDir dir;
    const QString path = cwb::test::makeDemoWorkspace(dir, QStringLiteral("demo.cwb"), 800);
    ui::SegmentsPage page;
    QSignalSpy listed(&page, &ui::SegmentsPage::listed);
    page.setWorkspace(path);
    ASSERT_TRUE(listed.wait(20000));
    page.methodBox()->setCurrentIndex(1);
    page.autoKBox()->setChecked(true);
    EXPECT_FALSE(page.kBox()->isEnabled());
    QSignalSpy built(&page, &ui::SegmentsPage::built);
    page.build(page.request());
    ASSERT_TRUE(built.wait(120000));
    ASSERT_NE(page.lastBuild(), nullptr);
    EXPECT_EQ(page.lastBuild()->kScores.size(), 9);
    EXPECT_GE(page.lastBuild()->chosenK, 2);
    EXPECT_LE(page.lastBuild()->chosenK, 10);
    EXPECT_EQ(built.at(0).at(0).toInt(), page.lastBuild()->chosenK);
    EXPECT_TRUE(page.showChart(QStringLiteral("k")));
}

// The lane under every page job: progress arrives on the GUI thread, a
// cancelled job's result never does, and a newer job supersedes an older one.
TEST(JobLane, CancelsAndSupersedes)
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("empty.cwb"));
    ASSERT_TRUE(model::Workspace::create(path).ok());
    ui::JobLane lane;
    QSignalSpy progressed(&lane, &ui::JobLane::progressed);
    QSignalSpy stopped(&lane, &ui::JobLane::stopped);
    std::atomic<bool> sawStop{false};
    int delivered = 0;
    auto forever = [&sawStop](model::Workspace&, const ui::JobProgress& p) -> model::Result<int> {
        while (p.report(QStringLiteral("waiting"), 0.5)) std::this_thread::sleep_for(std::chrono::milliseconds(2));
        sawStop = true;
        return 1;
    };
    lane.start<int>(path, QStringLiteral("first"), forever, [&](const model::Result<int>&) { ++delivered; });
    ASSERT_TRUE(progressed.wait(20000));
    EXPECT_TRUE(lane.busy());
    lane.cancel();
    EXPECT_FALSE(lane.busy());
    EXPECT_EQ(stopped.size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(sawStop.load(), 20000);
    QTest::qWait(50);
    EXPECT_EQ(delivered, 0);

    // Superseded: only the second result arrives.
    int result = 0;
    QSignalSpy finished(&lane, &ui::JobLane::finished);
    lane.start<int>(path, QStringLiteral("slow"), [](model::Workspace&, const ui::JobProgress& p) -> model::Result<int> {
        for (int i = 0; i < 100 && p.report(QStringLiteral("slow"), 0.1); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(2));
        return 1;
    }, [&](const model::Result<int>& r) { result = r.value(); });
    lane.start<int>(path, QStringLiteral("quick"), [](model::Workspace&, const ui::JobProgress&) -> model::Result<int> { return 2; },
                    [&](const model::Result<int>& r) { result = r.value(); });
    ASSERT_TRUE(finished.wait(20000));
    QTest::qWait(300);
    EXPECT_EQ(result, 2);
    EXPECT_EQ(finished.size(), 1);
}
