// The Campaigns page (the designer) on a demo workspace with an uplift
// model: a coupon built through the form forecasts exactly what
// `cwb preview --json` forecasts for the saved campaign; undo and redo give
// back the figures before and after an edit; optimised terms apply in one
// step and undo in one; invalid input is shown next to its field and blocks
// saving; a campaign that ran is read-only; Compare shows campaigns side by
// side.
#include "designer/designer_page.h"

#include "../e2e/cli_run.h"
#include "campaigns/campaign_json.h"
#include "campaigns/campaign_store.h"
#include "demo_workspace.h"
#include "designer/campaign_form.h"
#include "report/report_format.h"
#include "reports/campaign_report.h"
#include "workspace/meta.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSlider>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

using namespace cwb;

namespace {

struct Figure {
    const char* key;   // as in `cwb preview --json`
    engine::Estimate engine::PreviewTotals::*member;
};
const Figure kFigures[] = {
    {"redemptions", &engine::PreviewTotals::redemptions},
    {"conversions", &engine::PreviewTotals::conversions},
    {"incremental_conversions", &engine::PreviewTotals::incrementalConversions},
    {"revenue", &engine::PreviewTotals::revenue},
    {"incremental_revenue", &engine::PreviewTotals::incrementalRevenue},
    {"discount_cost", &engine::PreviewTotals::discountCost},
    {"discount_on_incremental", &engine::PreviewTotals::incrementalDiscount},
    {"subsidy", &engine::PreviewTotals::subsidy},
    {"contact_cost", &engine::PreviewTotals::contactCost},
    {"total_cost", &engine::PreviewTotals::totalCost},
    {"profit", &engine::PreviewTotals::profit},
    {"incremental_profit", &engine::PreviewTotals::incrementalProfit},
    {"roi", &engine::PreviewTotals::roi},
    {"incremental_roi", &engine::PreviewTotals::incrementalRoi},
};

bool near(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::max(std::fabs(a), std::fabs(b))); }

void expectSameTotals(const engine::PreviewTotals& a, const engine::PreviewTotals& b)
{
    EXPECT_EQ(a.eligible, b.eligible);
    EXPECT_EQ(a.targeted, b.targeted);
    for (const Figure& f : kFigures) {
        const engine::Estimate &x = a.*f.member, &y = b.*f.member;
        EXPECT_TRUE(near(x.value, y.value) && near(x.low, y.low) && near(x.high, y.high))
            << f.key << ": " << x.value << " [" << x.low << ", " << x.high << "] vs " << y.value << " [" << y.low << ", " << y.high << "]";
    }
}

// The figures shown are the `totals` of `cwb preview --json`, to 1e-9.
void expectTotalsAsCli(const engine::PreviewTotals& t, const QJsonObject& totals)
{
    EXPECT_EQ(t.targeted, totals.value(QStringLiteral("targeted_users")).toInteger());
    EXPECT_EQ(t.eligible, totals.value(QStringLiteral("eligible_users")).toInteger());
    for (const Figure& f : kFigures) {
        const QJsonObject e = totals.value(QLatin1String(f.key)).toObject();
        const engine::Estimate& mine = t.*f.member;
        EXPECT_TRUE(near(mine.value, e.value(QStringLiteral("value")).toDouble())) << f.key << " " << mine.value;
        EXPECT_TRUE(near(mine.low, e.value(QStringLiteral("low")).toDouble())) << f.key;
        EXPECT_TRUE(near(mine.high, e.value(QStringLiteral("high")).toDouble())) << f.key;
    }
}

class DesignerOnTheDemo : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        dir_ = std::make_unique<test::TempDir>();
        path_ = test::makeDemoWorkspace(*dir_, QStringLiteral("demo.cwb"), 3000);
        const test::CliRun trained = test::runCwb({QStringLiteral("train"), path_, QStringLiteral("--uplift"), QStringLiteral("--target"), QStringLiteral("converted")});
        ASSERT_EQ(trained.code, 0) << trained.err.toStdString();
    }
    static void TearDownTestSuite() { dir_.reset(); }

    void SetUp() override
    {
        page_ = window_.designerPage();
        page_->livePreview()->setDelays(0, 0);
        ASSERT_TRUE(test::openAndWaitFor(window_, path_, page_, &ui::DesignerPage::campaignsListed));
    }

    // Waits until the page shows the full forecast of what the form shows.
    ::testing::AssertionResult settle()
    {
        QSignalSpy failed(page_, &ui::DesignerPage::failed);
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 60000) {
            const auto f = page_->shownFigures();
            if (f && f->full() && f->request == page_->livePreview()->latestRequest()) return ::testing::AssertionSuccess();
            if (!failed.isEmpty()) return ::testing::AssertionFailure() << "failed: " << failed.front().front().toString().toStdString();
            QTest::qWait(20);
        }
        return ::testing::AssertionFailure() << "no forecast; the page says: " << page_->statusText().toStdString();
    }

    qint64 create(engine::CampaignType type)
    {
        QSignalSpy created(page_, &ui::DesignerPage::created);
        QSignalSpy opened(page_, &ui::DesignerPage::opened);
        page_->newCampaign(type);
        EXPECT_TRUE(created.wait(20000)) << page_->statusText().toStdString();
        if (created.isEmpty()) return 0;
        const qint64 id = created.front().front().toLongLong();
        while (page_->currentCampaign() != id && opened.wait(20000)) {
        }
        EXPECT_EQ(page_->currentCampaign(), id);
        EXPECT_TRUE(settle());
        return id;
    }

    ui::NumberField* number(const char* field) { return page_->form()->numberField(QLatin1String(field)); }

    static inline std::unique_ptr<test::TempDir> dir_;
    static inline QString path_;
    ui::MainWindow window_;
    ui::DesignerPage* page_ = nullptr;
};

TEST_F(DesignerOnTheDemo, CouponBuiltThroughTheFormForecastsWhatCwbPreviewDoes)
{
    const qint64 id = create(engine::CampaignType::Coupon);
    ASSERT_GT(id, 0);
    EXPECT_FALSE(page_->isReadOnly());
    EXPECT_FALSE(page_->hasUnsavedChanges());

    // The terms, as a marketer sets them: typed, dragged, chosen.
    ui::CampaignForm* form = page_->form();
    form->nameEdit()->selectAll();
    QTest::keyClicks(form->nameEdit(), QStringLiteral("Winter 20% off over 199"));
    number("coupon.percent_off")->slider()->setValue(40);   // 0.5 % steps
    number("coupon.min_spend")->spinBox()->setValue(199);
    number("coupon.validity_days")->spinBox()->setValue(14);
    number("control_share")->slider()->setValue(30);         // 15 %
    form->channelBox()->setCurrentIndex(form->channelBox()->findData(QStringLiteral("push")));
    std::vector<std::shared_ptr<const ui::PreviewFigures>> stages;
    const QMetaObject::Connection staged = QObject::connect(page_->livePreview(), &ui::LivePreview::figures, page_,
                                                            [&](const std::shared_ptr<const ui::PreviewFigures>& f) { stages.push_back(f); });
    number("cost_per_contact")->spinBox()->setValue(0.02);
    ASSERT_TRUE(settle());
    QObject::disconnect(staged);
    // The last change was answered in stages, each with the figures of the one before it.
    const qint64 lastRequest = page_->livePreview()->latestRequest();
    std::erase_if(stages, [&](const auto& f) { return f->request != lastRequest; });
    ASSERT_FALSE(stages.empty());
    EXPECT_EQ(stages.front()->stage, ui::PreviewStage::Headline);
    EXPECT_TRUE(stages.front()->uptakeBins.isEmpty());
    EXPECT_EQ(stages.back()->stage, ui::PreviewStage::Full);
    for (std::size_t k = 1; k < stages.size(); ++k) {
        EXPECT_GT(stages[k]->stage, stages[k - 1]->stage);
        expectSameTotals(stages[k]->preview.result.totals, stages[0]->preview.result.totals);
        EXPECT_EQ(stages[k]->preview.warnings, stages[0]->preview.warnings);
    }
    // With a targeting depth the headline needs the ranking: the first answer is the ranked one.
    stages.clear();
    const QMetaObject::Connection limited = QObject::connect(page_->livePreview(), &ui::LivePreview::figures, page_,
                                                             [&](const std::shared_ptr<const ui::PreviewFigures>& f) { stages.push_back(f); });
    number("target.share")->spinBox()->setValue(60);
    ASSERT_TRUE(settle());
    QObject::disconnect(limited);
    std::erase_if(stages, [&](const auto& f) { return f->request != page_->livePreview()->latestRequest(); });
    ASSERT_FALSE(stages.empty());
    EXPECT_EQ(stages.front()->stage, ui::PreviewStage::Ranked);
    EXPECT_FALSE(stages.front()->uptakeBins.isEmpty());
    EXPECT_LT(stages.front()->preview.result.totals.targeted, stages.front()->preview.result.totals.eligible);
    number("target.share")->spinBox()->setValue(100);
    ASSERT_TRUE(settle());
    EXPECT_TRUE(page_->hasUnsavedChanges());
    EXPECT_TRUE(page_->titleText().contains(QStringLiteral("unsaved")));
    const engine::CampaignSpec& spec = page_->spec();
    EXPECT_EQ(spec.name, "Winter 20% off over 199");
    EXPECT_DOUBLE_EQ(spec.coupon.percentOff, 20);
    EXPECT_DOUBLE_EQ(spec.coupon.minSpend, 199);
    EXPECT_EQ(spec.coupon.validityDays, 14);
    EXPECT_DOUBLE_EQ(spec.controlShare, 0.15);
    EXPECT_EQ(spec.channel, "push");
    EXPECT_DOUBLE_EQ(spec.costPerContact, 0.02);

    QSignalSpy saved(page_, &ui::DesignerPage::saved);
    page_->save();
    ASSERT_TRUE(saved.wait(20000));
    EXPECT_FALSE(page_->hasUnsavedChanges());
    EXPECT_FALSE(page_->titleText().contains(QStringLiteral("unsaved")));

    // The engine's own answer for the saved campaign.
    const test::CliRun run = test::runCwb({QStringLiteral("preview"), path_, QStringLiteral("--campaign"), QString::number(id), QStringLiteral("--json")});
    ASSERT_EQ(run.code, 0) << run.err.toStdString();
    const QJsonObject totals = test::json(run).value(QStringLiteral("totals")).toObject();
    const auto shown = page_->shownFigures();
    ASSERT_TRUE(shown);
    expectTotalsAsCli(shown->preview.result.totals, totals);
    // And what the table says is that, in the reader's format.
    auto ws = model::Workspace::open(path_);
    ASSERT_TRUE(ws.ok());
    const ui::ReportFormat format(QLocale(), model::currencySymbol(model::workspaceCurrency(ws->db())));
    QTableWidget* table = page_->headline();
    EXPECT_EQ(table->item(0, 1)->text(), format.integer(totals.value(QStringLiteral("targeted_users")).toInteger()));
    bool foundProfit = false;
    for (int r = 0; r < table->rowCount(); ++r)
        if (table->item(r, 0)->text() == QStringLiteral("Incremental profit")) {
            foundProfit = true;
            const QJsonObject e = totals.value(QStringLiteral("incremental_profit")).toObject();
            EXPECT_EQ(table->item(r, 1)->text(), format.money(e.value(QStringLiteral("value")).toDouble()));
            EXPECT_EQ(table->item(r, 2)->text(), format.interval(e.value(QStringLiteral("low")).toDouble(), e.value(QStringLiteral("high")).toDouble(),
                                                                 [&](double v) { return format.money(v); }));
        }
    EXPECT_TRUE(foundProfit);
    // The charts have something to show: the waterfall, the depth curve, the uptake bins, the discount sweep.
    for (int i = 0; i < 4; ++i) EXPECT_FALSE(page_->charts()[i]->chart()->series().isEmpty()) << "chart " << i;
    EXPECT_FALSE(shown->preview.discountSweep.isEmpty());
    EXPECT_NEAR(std::accumulate(shown->uptakeBins.begin(), shown->uptakeBins.end(), 0.0), 1.0, 1e-9);
}

TEST_F(DesignerOnTheDemo, UndoAndRedoGiveBackTheFiguresBeforeAndAfterAnEdit)
{
    ASSERT_GT(create(engine::CampaignType::FlashSale), 0);
    const auto before = page_->shownFigures();
    const engine::CampaignSpec specBefore = page_->spec();

    number("flash_sale.percent_off")->slider()->setValue(70);   // 35 %
    ASSERT_TRUE(settle());
    const auto after = page_->shownFigures();
    EXPECT_DOUBLE_EQ(after->spec.flashSale.percentOff, 35);
    EXPECT_NE(after->preview.result.totals.discountCost.value, before->preview.result.totals.discountCost.value);
    EXPECT_TRUE(page_->hasUnsavedChanges());
    EXPECT_EQ(page_->undoStack()->count(), 1);

    page_->undoStack()->undo();
    EXPECT_DOUBLE_EQ(number("flash_sale.percent_off")->value(), specBefore.flashSale.percentOff);   // the form shows it again
    ASSERT_TRUE(settle());
    expectSameTotals(page_->shownFigures()->preview.result.totals, before->preview.result.totals);
    EXPECT_FALSE(page_->hasUnsavedChanges());

    page_->undoStack()->redo();
    EXPECT_DOUBLE_EQ(number("flash_sale.percent_off")->value(), 35);
    ASSERT_TRUE(settle());
    expectSameTotals(page_->shownFigures()->preview.result.totals, after->preview.result.totals);

    // A slider dragged through many values is one step to undo.
    for (int v = 20; v <= 60; v += 4) number("flash_sale.percent_off")->slider()->setValue(v);
    ASSERT_TRUE(settle());
    EXPECT_DOUBLE_EQ(page_->spec().flashSale.percentOff, 30);
    page_->undoStack()->undo();
    ASSERT_TRUE(settle());
    EXPECT_DOUBLE_EQ(page_->spec().flashSale.percentOff, 35);
    expectSameTotals(page_->shownFigures()->preview.result.totals, after->preview.result.totals);
}

TEST_F(DesignerOnTheDemo, OptimisedTermsApplyInOneStepAndUndoInOne)
{
    ASSERT_GT(create(engine::CampaignType::Coupon), 0);
    const auto before = page_->shownFigures();
    const engine::CampaignSpec specBefore = page_->spec();
    const int steps = page_->undoStack()->count();

    QSignalSpy optimized(page_, &ui::DesignerPage::optimized);
    page_->optimize();
    ASSERT_TRUE(optimized.wait(120000)) << page_->statusText().toStdString();
    const model::OptimizeResult& o = *page_->optimizeResult();
    ASSERT_FALSE(o.best.isEmpty());
    EXPECT_GE(o.best.front().totals.incrementalProfit.value, o.current.totals.incrementalProfit.value);
    expectSameTotals(o.current.totals, before->preview.result.totals);   // "current" is what the page showed
    // The table: the current terms, then the best and the alternatives, in columns.
    EXPECT_EQ(page_->optimizeTable()->columnCount(), 1 + o.best.size());
    // What was searched, in the reader's words rather than the command line's keys.
    ASSERT_FALSE(o.searchedTerms.isEmpty());
    const QString note = page_->optimizeNoteText();
    EXPECT_TRUE(note.contains(QStringLiteral("the discount 2.5–50 % (20 values)"))) << note.toStdString();
    EXPECT_FALSE(note.contains(QStringLiteral("percent_off"))) << note.toStdString();

    ASSERT_TRUE(page_->applyOptimized(0));
    ASSERT_TRUE(settle());
    EXPECT_EQ(page_->undoStack()->count(), steps + 1);
    engine::CampaignSpec best = o.best.front().spec;
    best.name = specBefore.name;
    EXPECT_EQ(model::campaignSpecToJson(page_->spec()), model::campaignSpecToJson(best));
    EXPECT_DOUBLE_EQ(page_->form()->numberField(QStringLiteral("coupon.percent_off"))->value(),
                     best.coupon.amountOff > 0 ? best.coupon.amountOff : best.coupon.percentOff);
    expectSameTotals(page_->shownFigures()->preview.result.totals, o.best.front().totals);

    page_->undoStack()->undo();
    ASSERT_TRUE(settle());
    EXPECT_EQ(model::campaignSpecToJson(page_->spec()), model::campaignSpecToJson(specBefore));
    expectSameTotals(page_->shownFigures()->preview.result.totals, before->preview.result.totals);
}

TEST_F(DesignerOnTheDemo, InvalidInputIsShownByItsFieldAndBlocksSaving)
{
    const qint64 id = create(engine::CampaignType::Coupon);
    ASSERT_GT(id, 0);
    auto ws = model::Workspace::open(path_);
    ASSERT_TRUE(ws.ok());
    const QJsonObject stored = model::findCampaign(ws->db(), QString::number(id))->spec;

    number("coupon.percent_off")->spinBox()->setValue(0);
    EXPECT_TRUE(page_->form()->problemText(QStringLiteral("coupon.percent_off")).contains(QStringLiteral("the offer gives nothing")))
        << page_->form()->problemText(QStringLiteral("coupon.percent_off")).toStdString();
    page_->form()->nameEdit()->selectAll();
    QTest::keyClick(page_->form()->nameEdit(), Qt::Key_Delete);
    EXPECT_TRUE(page_->form()->problemText(QStringLiteral("name")).contains(QStringLiteral("give the campaign a name")));
    EXPECT_EQ(page_->form()->problemsShown(), 2);
    EXPECT_TRUE(page_->statusText().contains(QStringLiteral("2 problems")));

    QSignalSpy refused(page_, &ui::DesignerPage::saveRefused);
    QSignalSpy saved(page_, &ui::DesignerPage::saved);
    page_->save();
    ASSERT_EQ(refused.size(), 1);
    EXPECT_TRUE(refused.front().front().toString().contains(QStringLiteral("the offer gives nothing")));
    EXPECT_TRUE(page_->statusText().contains(QStringLiteral("Not saved")));
    QTest::qWait(200);
    EXPECT_TRUE(saved.isEmpty());
    EXPECT_EQ(model::findCampaign(ws->db(), QString::number(id))->spec, stored);

    // Another campaign's name is a problem too; fixing everything lets it save.
    QTest::keyClicks(page_->form()->nameEdit(), QStringLiteral("Everyday 5% off"));
    EXPECT_TRUE(page_->form()->problemText(QStringLiteral("name")).contains(QStringLiteral("another campaign")));
    page_->form()->nameEdit()->selectAll();
    QTest::keyClicks(page_->form()->nameEdit(), QStringLiteral("Fixed"));
    number("coupon.percent_off")->spinBox()->setValue(12.5);
    EXPECT_EQ(page_->form()->problemsShown(), 0);
    ASSERT_TRUE(settle());
    page_->save();
    ASSERT_TRUE(saved.wait(20000));
    EXPECT_EQ(model::findCampaign(ws->db(), QString::number(id))->name, QStringLiteral("Fixed"));
}

TEST_F(DesignerOnTheDemo, ACampaignThatRanIsReadOnlyAndCompareShowsCampaignsSideBySide)
{
    auto ws = model::Workspace::open(path_);
    ASSERT_TRUE(ws.ok());
    qint64 ran = 0;
    for (const model::CampaignInfo& c : model::listCampaigns(ws->db()))
        if (ran == 0 && c.treated > 0 && model::campaignSpecFromJson(c.spec).ok()) ran = c.id;
    ASSERT_GT(ran, 0);
    QSignalSpy opened(page_, &ui::DesignerPage::opened);
    ASSERT_TRUE(page_->selectCampaign(ran));
    ASSERT_FALSE(opened.isEmpty());
    EXPECT_TRUE(page_->isReadOnly());
    EXPECT_FALSE(page_->form()->nameEdit()->isEnabled());
    ASSERT_TRUE(settle());   // still forecast: today's models on its terms
    const QJsonObject stored = model::findCampaign(ws->db(), QString::number(ran))->spec;
    page_->save();
    QTest::qWait(200);
    EXPECT_EQ(model::findCampaign(ws->db(), QString::number(ran))->spec, stored);

    const qint64 coupon = create(engine::CampaignType::Coupon);
    const qint64 member = create(engine::CampaignType::Member);
    ASSERT_TRUE(page_->selectCampaigns({coupon, member}));
    QSignalSpy compared(page_, &ui::DesignerPage::compared);
    page_->compare();
    ASSERT_TRUE(compared.wait(60000)) << page_->statusText().toStdString();
    QTableWidget* table = page_->comparisonTable();
    ASSERT_EQ(table->columnCount(), 2);
    // Each column's incremental profit is that campaign's own forecast.
    int row = -1;
    for (int r = 0; r < table->rowCount(); ++r)
        if (table->verticalHeaderItem(r)->text() == QStringLiteral("Incremental profit")) row = r;
    ASSERT_GE(row, 0);
    const ui::ReportFormat format(QLocale(), model::currencySymbol(model::workspaceCurrency(ws->db())));
    const QList<qint64> ids{coupon, member};
    for (int c = 0; c < 2; ++c) {
        const test::CliRun run = test::runCwb({QStringLiteral("preview"), path_, QStringLiteral("--campaign"), QString::number(ids[c]), QStringLiteral("--json")});
        ASSERT_EQ(run.code, 0) << run.err.toStdString();
        const double profit = test::json(run).value(QStringLiteral("totals")).toObject().value(QStringLiteral("incremental_profit")).toObject().value(QStringLiteral("value")).toDouble();
        EXPECT_TRUE(table->item(row, c)->text().startsWith(format.money(profit))) << table->item(row, c)->text().toStdString();
    }
    for (QChartView* v : page_->comparisonCharts()) EXPECT_FALSE(v->chart()->series().isEmpty());
}

// The same page on the real Hillstrom e-mail test (64,000 customers with no orders, an uplift
// model of conversions): each campaign type is made there, forecast as `cwb preview` forecasts it,
// and optimised.
class DesignerOnHillstrom : public DesignerOnTheDemo {
protected:
    static void SetUpTestSuite()
    {
        path_.clear();
        const auto file = test::sharedData(QStringLiteral("hillstrom/hillstrom.csv"));
        if (!file) return;   // each test skips, saying so
        dir_ = std::make_unique<test::TempDir>();
        const QString ws = dir_->path(QStringLiteral("hillstrom.cwb"));
        ASSERT_EQ(test::runCwb({QStringLiteral("init"), ws}).code, 0);
        const test::CliRun imported = test::runCwb({QStringLiteral("import"), ws, *file, QStringLiteral("--preset"), QStringLiteral("hillstrom")});
        ASSERT_EQ(imported.code, 0) << imported.err.toStdString();
        const test::CliRun trained = test::runCwb({QStringLiteral("train"), ws, QStringLiteral("--uplift"), QStringLiteral("--target"),
                                                   QStringLiteral("converted"), QStringLiteral("--arm"), QStringLiteral("Womens E-Mail"),
                                                   QStringLiteral("--split"), QStringLiteral("random")});
        ASSERT_EQ(trained.code, 0) << trained.err.toStdString();
        path_ = ws;
    }
    void SetUp() override
    {
        if (path_.isEmpty()) GTEST_SKIP() << "the Hillstrom data is not in " << test::sharedDataRoot().toStdString();
        DesignerOnTheDemo::SetUp();
    }
};

TEST_F(DesignerOnHillstrom, AnImportedEmailTestIsShownReadOnlyWithItsOwnStart)
{
    auto ws = model::Workspace::open(path_);
    ASSERT_TRUE(ws.ok());
    const QList<model::CampaignInfo> campaigns = model::listCampaigns(ws->db());
    ASSERT_FALSE(campaigns.isEmpty());
    const model::CampaignInfo& imported = campaigns.front();
    ASSERT_FALSE(model::campaignSpecFromJson(imported.spec).ok());   // no offer terms
    QSignalSpy opened(page_, &ui::DesignerPage::opened);
    ASSERT_TRUE(page_->selectCampaign(imported.id));
    ASSERT_FALSE(opened.isEmpty());
    EXPECT_TRUE(page_->isReadOnly());
    const QDateTimeEdit* start = page_->form()->startEdit();
    // The stored start when there is one; "not set" otherwise — never 1970-01-01.
    if (imported.startTs > 0)
        EXPECT_EQ(start->dateTime(), QDateTime::fromSecsSinceEpoch(imported.startTs));
    else
        EXPECT_EQ(start->text().toStdString(), "not set");
    EXPECT_FALSE(start->text().startsWith(QStringLiteral("1970"))) << start->text().toStdString();
}

TEST_F(DesignerOnHillstrom, EachCampaignTypeIsForecastAsCwbPreviewDoesAndCanBeOptimised)
{
    for (engine::CampaignType type : {engine::CampaignType::Coupon, engine::CampaignType::FlashSale, engine::CampaignType::Member}) {
        SCOPED_TRACE(engine::campaignTypeKey(type));
        const qint64 id = create(type);
        ASSERT_GT(id, 0);
        const auto shown = page_->shownFigures();
        ASSERT_TRUE(shown);
        EXPECT_GT(shown->preview.result.totals.eligible, 0);
        const test::CliRun run =
            test::runCwb({QStringLiteral("preview"), path_, QStringLiteral("--campaign"), QString::number(id), QStringLiteral("--json")});
        ASSERT_EQ(run.code, 0) << run.err.toStdString();
        expectTotalsAsCli(shown->preview.result.totals, test::json(run).value(QStringLiteral("totals")).toObject());
        EXPECT_TRUE(page_->warningsText().contains(QStringLiteral("outside what the model learned from"))) << page_->warningsText().toStdString();
    }
    QSignalSpy optimized(page_, &ui::DesignerPage::optimized);
    page_->optimize();
    ASSERT_TRUE(optimized.wait(120000)) << page_->statusText().toStdString();
    ASSERT_FALSE(page_->optimizeResult()->best.isEmpty());
    ASSERT_TRUE(page_->applyOptimized(0));
    ASSERT_TRUE(settle());
    expectSameTotals(page_->shownFigures()->preview.result.totals, page_->optimizeResult()->best.front().totals);
}

} // namespace
