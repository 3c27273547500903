#include "main_window.h"
#include "profile_page.h"

#include "demo/demo_writer.h"
#include "features/feature_builder.h"
#include "sql/statement.h"
#include "workspace/workspace.h"

#include "demo_workspace.h"
#include "test_support.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTest>
#include <QThreadPool>

#include <gtest/gtest.h>

using namespace cwb;
using cwb::test::TempDir;

namespace {

class ProfilePageTest : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        dir_ = new TempDir;
        path_ = cwb::test::makeDemoWorkspace(*dir_, QStringLiteral("demo.cwb"), 1500);
    }
    static void TearDownTestSuite()
    {
        delete dir_;
        dir_ = nullptr;
    }

    // The customer with the most orders, and one without any.
    static QString busiestBuyer()
    {
        auto ws = model::Workspace::open(path_);
        EXPECT_TRUE(ws.ok());
        return ws->db().queryText("SELECT u.user_id FROM users u JOIN orders o ON o.uid = u.uid GROUP BY u.uid ORDER BY count(*) DESC, u.uid LIMIT 1");
    }

    static inline TempDir* dir_ = nullptr;
    static inline QString path_;
};

} // namespace

// A known customer typed into the search box: the card shows the RFM scores,
// order count and spend that the workspace's feature table holds for them
// (read here with plain SQL), and the lookalike search fills its table.
TEST_F(ProfilePageTest, ShowsAKnownCustomersRfmNumbersAndLookalikes)
{
    const QString who = busiestBuyer();
    ASSERT_FALSE(who.isEmpty());
    ui::MainWindow w;
    w.resize(1100, 700);
    w.show();
    ASSERT_TRUE(cwb::test::openAndWait(w, path_));
    ASSERT_TRUE(w.showPage(QStringLiteral("profiles")));
    ui::ProfilePage* page = w.profilePage();
    QAbstractItemModelTester tester(page->lookalikes(), QAbstractItemModelTester::FailureReportingMode::Fatal);

    QSignalSpy shown(page, &ui::ProfilePage::shown);
    QTest::keyClicks(page->searchEdit(), who);
    QTest::keyClick(page->searchEdit(), Qt::Key_Return);
    ASSERT_TRUE(shown.wait(60000));
    EXPECT_EQ(shown.at(0).at(0).toString(), who);

    // The features exist now (the first profile builds them): the stored figures, by SQL.
    auto ws = model::Workspace::open(path_);
    ASSERT_TRUE(ws.ok());
    model::Statement st = ws->db().prepare(
        "SELECT f.rfm_r, f.rfm_f, f.rfm_m, f.rfm_group, f.orders, f.monetary FROM user_features f JOIN users u ON u.uid = f.uid WHERE u.user_id = ?");
    st.bind(1, who);
    ASSERT_TRUE(st.step());
    const int r = int(st.int64(0)), f = int(st.int64(1)), m = int(st.int64(2));
    const QString group = st.text(3);
    const qint64 orders = st.int64(4);
    const double spend = st.real(5);
    ASSERT_GT(r, 0);
    ASSERT_GT(orders, 0);

    const QString card = page->cardText();
    EXPECT_TRUE(card.contains(QStringLiteral("R %1 · F %2 · M %3").arg(r).arg(f).arg(m))) << card.toStdString();
    EXPECT_TRUE(card.contains(group)) << card.toStdString();
    EXPECT_TRUE(card.contains(QStringLiteral(">%1<").arg(QLocale().toString(orders)))) << card.toStdString();
    EXPECT_TRUE(card.contains(QLocale().toString(spend, 'f', 2))) << card.toStdString();
    ASSERT_NE(page->profile(), nullptr);
    EXPECT_EQ(page->profile()->timeline.size(), 26);
    qint64 weeklyOrders = 0;
    for (const model::WeekActivity& week : page->profile()->timeline) weeklyOrders += week.orders;
    EXPECT_LE(weeklyOrders, orders);

    QSignalSpy found(page, &ui::ProfilePage::lookalikesShown);
    ASSERT_TRUE(page->findLikeButton()->isEnabled());
    QTest::mouseClick(page->findLikeButton(), Qt::LeftButton);
    ASSERT_TRUE(found.wait(60000));
    EXPECT_EQ(found.at(0).at(0).toInt(), 20);
    ASSERT_EQ(page->lookalikes()->rowCount(), 20);
    double previous = 2;
    for (int row = 0; row < 20; ++row) {
        EXPECT_NE(page->lookalikes()->item(row, 0)->text(), who);   // not the customer themself
        const double similarity = page->lookalikes()->item(row, 1)->data(Qt::UserRole).toDouble();
        EXPECT_LE(similarity, previous + 1e-12);
        previous = similarity;
    }
}

// An id that is not a customer: a message naming it, and nothing else changes.
TEST_F(ProfilePageTest, SaysWhenThereIsNoSuchCustomer)
{
    ui::ProfilePage page;
    page.setWorkspace(path_);
    QSignalSpy failed(&page, &ui::ProfilePage::failed);
    page.showUser(QStringLiteral("NO-SUCH-USER"));
    ASSERT_TRUE(failed.wait(60000));
    EXPECT_TRUE(failed.at(0).at(0).toString().contains(QStringLiteral("NO-SUCH-USER"))) << failed.at(0).at(0).toString().toStdString();
    EXPECT_EQ(page.profile(), nullptr);
    EXPECT_FALSE(page.findLikeButton()->isEnabled());
}

// Two customers asked for in a row: only the second one's profile is shown.
TEST_F(ProfilePageTest, ShowsOnlyTheLatestCustomerAskedFor)
{
    auto ws = model::Workspace::open(path_);
    ASSERT_TRUE(ws.ok());
    const QString first = ws->db().queryText("SELECT user_id FROM users ORDER BY uid LIMIT 1");
    const QString second = ws->db().queryText("SELECT user_id FROM users ORDER BY uid DESC LIMIT 1");
    ui::ProfilePage page;
    page.setWorkspace(path_);
    QSignalSpy shown(&page, &ui::ProfilePage::shown);
    page.showUser(first);
    page.showUser(second);
    ASSERT_TRUE(shown.wait(60000));
    QTest::qWait(300);   // the first request's result, had it not been dropped, would be in by now
    ASSERT_EQ(shown.size(), 1);
    EXPECT_EQ(shown.at(0).at(0).toString(), second);
    ASSERT_NE(page.profile(), nullptr);
    EXPECT_EQ(page.profile()->userId, second);
}

// The first profile of a workspace builds its features; Cancel stops that
// build (its progress is reported on the way) and leaves no features behind.
TEST(ProfilePage, CancelStopsTheFeatureBuildOfAFirstProfile)
{
    TempDir dir;
    const QString path = cwb::test::makeDemoWorkspace(dir, QStringLiteral("fresh.cwb"), 3000);
    {
        auto ws = model::Workspace::open(path);
        ASSERT_TRUE(ws.ok());
        ASSERT_FALSE(model::featureState(ws.value()).built);
    }
    ui::ProfilePage page;
    page.setWorkspace(path);
    QSignalSpy shown(&page, &ui::ProfilePage::shown);
    QSignalSpy failed(&page, &ui::ProfilePage::failed);
    page.showUser(QStringLiteral("U0000001"));
    page.cancel();
    QThreadPool::globalInstance()->waitForDone();
    QTest::qWait(100);
    EXPECT_TRUE(shown.isEmpty());
    EXPECT_TRUE(failed.isEmpty());
    EXPECT_EQ(page.profile(), nullptr);
    auto ws = model::Workspace::open(path);
    ASSERT_TRUE(ws.ok());
    EXPECT_FALSE(model::featureState(ws.value()).built);

    // Asked again, it builds them and shows the customer.
    page.showUser(QStringLiteral("U0000001"));
    ASSERT_TRUE(shown.wait(60000));
    EXPECT_TRUE(model::featureState(ws.value()).built);
    for (QLabel* label : page.findChildren<QLabel*>())
        EXPECT_FALSE(label->text().startsWith(QStringLiteral("Reading the profile"))) << "the busy message stays after the profile is shown";
}
