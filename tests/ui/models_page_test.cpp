// The Models page on a demo workspace: train an uplift model through the
// form, read its quality (the figures equal the model layer's own
// re-evaluation), its charts, the model forecasts use, and Cancel.
#include "models_page.h"

#include "demo_workspace.h"
#include "report/report_format.h"
#include "training/model_store.h"

#include <QAbstractSeries>
#include <QChart>
#include <QChartView>
#include <QLineSeries>
#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace cwb;

namespace {

class ModelsPageOnTheDemo : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        dir_ = std::make_unique<test::TempDir>();
        path_ = test::makeDemoWorkspace(*dir_, QStringLiteral("demo.cwb"), 3000);
    }
    static void TearDownTestSuite() { dir_.reset(); }

    void SetUp() override
    {
        page_ = window_.modelsPage();
        ASSERT_TRUE(test::openAndWaitFor(window_, path_, page_, &ui::ModelsPage::modelsListed));
    }

    static inline std::unique_ptr<test::TempDir> dir_;
    static inline QString path_;
    ui::MainWindow window_;
    ui::ModelsPage* page_ = nullptr;
};

TEST_F(ModelsPageOnTheDemo, CancelledTrainingSavesNothing)
{
    EXPECT_EQ(page_->listedModels(), 0);
    EXPECT_TRUE(page_->forecastModelText().contains(QStringLiteral("No model of purchases yet")));
    QSignalSpy trained(page_, &ui::ModelsPage::trained);
    page_->setTrainChoice(engine::BaseLearner::Logistic, model::Outcome::Converted, true);
    page_->train();
    page_->cancel();
    EXPECT_FALSE(trained.wait(3000));
    EXPECT_EQ(page_->statusText(), QStringLiteral("Cancelled."));
    auto ws = model::Workspace::open(path_);
    ASSERT_TRUE(ws.ok());
    EXPECT_TRUE(model::listModels(ws->db()).isEmpty());
}

TEST_F(ModelsPageOnTheDemo, TrainsAnUpliftModelAndShowsItsQuality)
{
    EXPECT_TRUE(window_.showPage(QStringLiteral("models")));
    QSignalSpy trained(page_, &ui::ModelsPage::trained);
    QSignalSpy listed(page_, &ui::ModelsPage::modelsListed);
    page_->setTrainChoice(engine::BaseLearner::Logistic, model::Outcome::Converted, true);
    page_->train();
    ASSERT_TRUE(trained.wait(120000)) << page_->statusText().toStdString();
    const qint64 id = trained.first().first().toLongLong();
    ASSERT_GT(id, 0);
    EXPECT_EQ(page_->shownModel(), id);
    ASSERT_TRUE(listed.wait(20000));
    EXPECT_EQ(page_->listedModels(), 1);
    EXPECT_TRUE(page_->forecastModelText().contains(QStringLiteral("model %1").arg(id))) << page_->forecastModelText().toStdString();

    // The figures shown are the model layer's evaluation of the saved model, as `cwb evaluate` prints it.
    auto ws = model::Workspace::open(path_);
    ASSERT_TRUE(ws.ok());
    auto evaluated = model::evaluateModel(ws.value(), id, std::nullopt);
    ASSERT_TRUE(evaluated.ok()) << evaluated.error().message.toStdString();
    const ui::ReportFormat f;
    const QString text = page_->metricsText();
    EXPECT_TRUE(text.contains(f.decimal(evaluated->evaluation.auc, 3))) << text.toStdString();
    EXPECT_TRUE(text.contains(f.decimal(evaluated->evaluation.qini, 3))) << text.toStdString();
    EXPECT_TRUE(text.contains(f.decimal(evaluated->evaluation.logLoss, 4)));
    EXPECT_TRUE(text.contains(f.integer(evaluated->evaluation.rows)));

    // Four charts with data: ROC (guessing line and the model), calibration, Qini, importance.
    ASSERT_EQ(page_->charts().size(), 4);
    for (QChartView* view : page_->charts()) EXPECT_FALSE(view->chart()->series().isEmpty()) << view->chart()->title().toStdString();
    EXPECT_EQ(page_->charts()[0]->chart()->title(), QStringLiteral("ROC curve on the test rows"));
    auto* roc = qobject_cast<QLineSeries*>(page_->charts()[0]->chart()->series().last());
    ASSERT_TRUE(roc);
    EXPECT_GT(roc->count(), 10);
    EXPECT_EQ(roc->at(roc->count() - 1), QPointF(100, 100));
    EXPECT_EQ(page_->charts()[2]->chart()->title(), QStringLiteral("Qini curve on the test rows"));

    // Choosing the model again evaluates it afresh: the same figures.
    QSignalSpy shown(page_, &ui::ModelsPage::shown);
    ASSERT_TRUE(page_->selectModel(id));
    ASSERT_TRUE(shown.wait(60000));
    EXPECT_EQ(page_->metricsText(), text);
}

} // namespace
