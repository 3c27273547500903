// The Reports page on a demo workspace with a draft coupon campaign: the
// campaigns are listed, a preview shows the PDF's pages or the target list's
// first rows, an export writes the file the CLI would, a bad salt is refused
// and Cancel stops the work.
#include "reports_page.h"

#include "campaigns/campaign_json.h"
#include "campaigns/campaign_store.h"
#include "demo_workspace.h"
#include "reports/campaign_report.h"

#include <QSignalSpy>
#include <QTableWidget>

#include <gtest/gtest.h>

using namespace cwb;

namespace {

class ReportsPageOnTheDemo : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        dir_ = std::make_unique<test::TempDir>();
        path_ = test::makeDemoWorkspace(*dir_, QStringLiteral("demo.cwb"), 3000);
        auto ws = model::Workspace::open(path_);
        ASSERT_TRUE(ws.ok());
        auto spec = model::parseCampaignSpec(QByteArrayLiteral(R"({"name": "Winter 20% off over 199", "type": "coupon",
            "start": "2026-12-05T10:00:00+08:00", "coupon": {"percent_off": 20, "min_spend": 199, "validity_days": 7},
            "control_share": 0.1, "channel": "sms", "cost_per_contact": 0.05})"));
        ASSERT_TRUE(spec.ok()) << spec.error().message.toStdString();
        auto created = model::createCampaign(ws->db(), spec.value());
        ASSERT_TRUE(created.ok()) << created.error().message.toStdString();
        campaign_ = created->id;
    }
    static void TearDownTestSuite() { dir_.reset(); }

    void SetUp() override
    {
        page_ = window_.reportsPage();
        ASSERT_TRUE(test::openAndWaitFor(window_, path_, page_, &ui::ReportsPage::campaignsListed));
        ASSERT_TRUE(page_->selectCampaigns({campaign_}));
    }

    static inline std::unique_ptr<test::TempDir> dir_;
    static inline QString path_;
    static inline qint64 campaign_ = 0;
    ui::MainWindow window_;
    ui::ReportsPage* page_ = nullptr;
};

TEST_F(ReportsPageOnTheDemo, PreviewShowsThePagesAsTheyWillPrintAndExportWritesThem)
{
    EXPECT_EQ(page_->listedCampaigns(), 13);   // twelve past campaigns and the draft
    EXPECT_TRUE(window_.showPage(QStringLiteral("reports")));
    page_->setFormat(ui::ReportFileFormat::Pdf);
    QSignalSpy previewed(page_, &ui::ReportsPage::previewed);
    page_->preview();
    ASSERT_TRUE(previewed.wait(60000)) << page_->statusText().toStdString();
    ASSERT_GE(page_->previewPages(), 2);
    // A4 at 760 pixels wide, and ink on the page (not a blank image).
    const QImage& first = page_->previewImages().first();
    EXPECT_EQ(first.width(), 760);
    EXPECT_NEAR(double(first.height()) / first.width(), 297.0 / 210.0, 0.01);
    int dark = 0;
    for (int y = 0; y < first.height(); y += 4)
        for (int x = 0; x < first.width(); x += 4) dark += qGray(first.pixel(x, y)) < 128;
    EXPECT_GT(dark, 200);

    const QString pdf = dir_->path(QStringLiteral("page.pdf"));
    QSignalSpy exported(page_, &ui::ReportsPage::exported);
    page_->exportTo(pdf);
    ASSERT_TRUE(exported.wait(60000)) << page_->statusText().toStdString();
    EXPECT_TRUE(test::readFile(pdf).startsWith("%PDF-"));
    EXPECT_EQ(page_->lastExport(), pdf);

    // The HTML's headline figure is the forecast the model layer works out for the campaign.
    const QString html = dir_->path(QStringLiteral("page.html"));
    page_->setFormat(ui::ReportFileFormat::Html);
    page_->exportTo(html);
    ASSERT_TRUE(exported.wait(60000));
    auto ws = model::Workspace::open(path_);
    ASSERT_TRUE(ws.ok());
    auto data = model::gatherReport(ws.value(), {QString::number(campaign_)});
    ASSERT_TRUE(data.ok());
    const double profit = data->campaigns.first().preview->result.totals.incrementalProfit.value;
    EXPECT_TRUE(QString::fromUtf8(test::readFile(html)).contains(QStringLiteral("data-key=\"incremental_profit\" data-value=\"%1\"").arg(QString::number(profit, 'g', 17))));
}

TEST_F(ReportsPageOnTheDemo, TargetListPreviewAndPseudonyms)
{
    page_->setFormat(ui::ReportFileFormat::Csv);
    QSignalSpy previewed(page_, &ui::ReportsPage::previewed);
    page_->preview();
    ASSERT_TRUE(previewed.wait(60000)) << page_->statusText().toStdString();
    QTableWidget* table = page_->targetPreview();
    ASSERT_EQ(table->columnCount(), 11);
    EXPECT_EQ(table->horizontalHeaderItem(1)->text(), QStringLiteral("user_id"));
    EXPECT_EQ(table->rowCount(), 200);   // the first 200 of the 3,000 users reached
    EXPECT_TRUE(page_->statusText().contains(QStringLiteral("3,000"))) << page_->statusText().toStdString();
    EXPECT_EQ(table->item(0, 2)->text(), QStringLiteral("1"));

    // A salt too short to keep ids secret is refused before any work.
    QSignalSpy failed(page_, &ui::ReportsPage::failed);
    page_->setPseudonymSalt(QStringLiteral("short"));
    const QString csv = dir_->path(QStringLiteral("targets.csv"));
    page_->exportTo(csv);
    EXPECT_EQ(failed.count(), 1);
    EXPECT_FALSE(QFileInfo::exists(csv));

    page_->setPseudonymSalt(QStringLiteral("a-long-enough-salt"));
    QSignalSpy exported(page_, &ui::ReportsPage::exported);
    page_->exportTo(csv);
    ASSERT_TRUE(exported.wait(60000)) << page_->statusText().toStdString();
    const QList<QByteArray> lines = test::readFile(csv).split('\n');
    EXPECT_TRUE(lines.first().contains("user_pseudonym"));
    EXPECT_EQ(lines.size(), 3002);   // header, 3,000 users, the empty piece after the last newline
    EXPECT_EQ(lines[1].split(',')[1], model::pseudonymizeUserId(table->item(0, 1)->text(), QStringLiteral("a-long-enough-salt")).toUtf8());
}

TEST_F(ReportsPageOnTheDemo, CancelStopsThePreview)
{
    QSignalSpy previewed(page_, &ui::ReportsPage::previewed);
    page_->preview();
    page_->cancel();
    EXPECT_FALSE(previewed.wait(3000));
    EXPECT_EQ(page_->statusText(), QStringLiteral("Cancelled."));
}

} // namespace
