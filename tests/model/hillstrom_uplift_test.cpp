// Uplift learners on the real Hillstrom e-mail test (../shared/data): the
// Womens E-Mail arm against No E-Mail, target visit, 50/50 stratified split,
// several seeds. The average effect must equal the arms' observed rates; the
// learners must beat random targeting and the published reference
// (transformed outcome on boosted trees: uplift@30 % about 0.066 against an
// average effect of about 0.045). tests/bench/hillstrom_uplift.sh prints the
// full table.
#include "training/trainer.h"
#include "workspace/workspace.h"

#include "test_support.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace cwb::model;
using cwb::test::TempDir;

TEST(Hillstrom, UpliftLearnersBeatRandomTargetingAndTheReference)
{
    const auto file = cwb::test::sharedData(QStringLiteral("hillstrom/hillstrom.csv"));
    if (!file) GTEST_SKIP() << "real data not found in " << cwb::test::sharedDataRoot().toStdString();
    TempDir dir;
    const auto ws = cwb::test::importedWorkspace(dir, *file, QStringLiteral("hillstrom"));
    ASSERT_TRUE(ws);

    // pandas: visits by segment: Womens E-Mail 3238 of 21387, No E-Mail 2262 of 21306.
    const double expectedEffect = 3238.0 / 21387.0 - 2262.0 / 21306.0;
    struct Learner {
        const char* name;
        cwb::engine::UpliftLearner uplift;
        cwb::engine::BaseLearner base;
    };
    const Learner learners[] = {{"two-model / logistic", cwb::engine::UpliftLearner::TwoModel, cwb::engine::BaseLearner::Logistic},
                                {"two-model / gbdt", cwb::engine::UpliftLearner::TwoModel, cwb::engine::BaseLearner::BoostedTrees},
                                {"class transformation / logistic", cwb::engine::UpliftLearner::ClassTransformation, cwb::engine::BaseLearner::Logistic},
                                {"class transformation / gbdt", cwb::engine::UpliftLearner::ClassTransformation, cwb::engine::BaseLearner::BoostedTrees}};
    for (const Learner& l : learners) {
        double qini = 0, at30 = 0;
        const int seeds = 3;
        for (int seed = 1; seed <= seeds; ++seed) {
            TrainRequest req;
            req.kind = ModelKind::Uplift;
            req.upliftLearner = l.uplift;
            req.base.learner = l.base;
            req.base.trees.threads = 2;
            req.base.trees.seed = static_cast<quint64>(seed);
            req.data.target = Outcome::Visited;
            req.data.arm = QStringLiteral("Womens E-Mail");
            req.data.seed = static_cast<quint64>(seed);
            req.split = SplitKind::Random;
            req.testShare = 0.5;
            req.save = false;
            auto r = trainModel(*ws, req);
            ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
            EXPECT_EQ(r->rows, 21387 + 21306);
            EXPECT_NEAR(r->observedEffect, expectedEffect, 1e-12);
            // The stratified split keeps each group's visit rate in both halves.
            EXPECT_NEAR(r->evaluation.observedEffect, expectedEffect, 0.002);
            qini += r->evaluation.qini / seeds;
            at30 += r->evaluation.upliftAt30 / seeds;
        }
        std::printf("  %-32s Qini %.4f  uplift@30 %% %.4f (average effect %.4f)\n", l.name, qini, at30, expectedEffect);
        EXPECT_GT(qini, 0.02) << l.name;
        EXPECT_GT(at30, expectedEffect + 0.01) << l.name;   // targeting the top 30 % beats sending to a random 30 %
        EXPECT_GT(at30, 0.066) << l.name;                    // the published reference
    }
}
