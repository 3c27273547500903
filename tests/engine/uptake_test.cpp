// Encoder, boosted trees, classification and uplift metrics, uplift learners.
#include "core/cancel.h"
#include "core/random.h"
#include "demo/shop_generator.h"
#include "features/encoder.h"
#include "metrics/classification.h"
#include "metrics/uplift_metrics.h"
#include "uplift/uplift_model.h"
#include "uptake/boosted_trees.h"
#include "uptake/classifier.h"
#include "uptake/logistic.h"
#include "uptake/offer_features.h"

#include "rank_correlation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

using namespace cwb::engine;
namespace demo = cwb::engine::demo;
using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;

namespace {

const double kNaN = std::numeric_limits<double>::quiet_NaN();

using cwb::test::spearman;

} // namespace

TEST(Logistic, AnalyticGradientMatchesFiniteDifferences)
{
    Rng rng(11);
    const int n = 200, p = 4;
    MatrixXd x(n, p);
    VectorXd y(n), w(n);
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < p; ++j) x(i, j) = rng.normal(0.3 * j, 1.0 + 0.5 * j);
        y[i] = rng.bernoulli(0.3) ? 1 : 0;
        w[i] = rng.uniform(0.5, 2.0);
    }
    VectorXd beta(p);
    beta << 0.4, -0.7, 0.05, 0.2;   // an arbitrary point, not the optimum
    const double b0 = -0.3, l2 = 1.5;
    VectorXd grad;
    logisticObjective(x, y, &w, b0, beta, l2, &grad);
    const double h = 1e-6;
    EXPECT_NEAR(grad[0], (logisticObjective(x, y, &w, b0 + h, beta, l2) - logisticObjective(x, y, &w, b0 - h, beta, l2)) / (2 * h), 1e-5);
    for (int j = 0; j < p; ++j) {
        VectorXd up = beta, down = beta;
        up[j] += h;
        down[j] -= h;
        EXPECT_NEAR(grad[j + 1], (logisticObjective(x, y, &w, b0, up, l2) - logisticObjective(x, y, &w, b0, down, l2)) / (2 * h), 1e-5) << j;
    }
}

TEST(Logistic, ProgressCanCancel)
{
    Rng rng(3);
    MatrixXd x(500, 2);
    VectorXd y(500);
    for (int i = 0; i < 500; ++i) {
        x(i, 0) = rng.normal();
        x(i, 1) = rng.normal();
        y[i] = rng.bernoulli(sigmoid(x(i, 0))) ? 1 : 0;
    }
    LogisticParams p;
    p.progress = [](int, int) { return false; };
    EXPECT_THROW(LogisticModel::fit(x, y, p), Cancelled);
}

TEST(Encoder, NumericFillIndicatorAndLog)
{
    RawTable t;
    RawColumn age = RawColumn::numeric("age", MissingPolicy::Median, true);
    age.numbers = {20, kNaN, 40, 30};
    RawColumn spend = RawColumn::numeric("spend", MissingPolicy::Zero, true, true);
    spend.numbers = {0, 9, std::exp(2.0) - 1, 1};   // no gaps: no indicator
    RawColumn recency = RawColumn::numeric("recency", MissingPolicy::Max);
    recency.numbers = {5, kNaN, 50, kNaN};
    t.columns = {age, spend, recency};
    const TableEncoder enc = TableEncoder::fit(t);
    EXPECT_EQ(enc.outputNames(), (std::vector<std::string>{"age", "age_missing", "spend", "recency"}));
    const MatrixXd m = enc.transform(t);
    ASSERT_EQ(m.cols(), 4);
    EXPECT_DOUBLE_EQ(m(1, 0), 30.0);   // median of 20, 40, 30
    EXPECT_DOUBLE_EQ(m(1, 1), 1.0);
    EXPECT_DOUBLE_EQ(m(0, 1), 0.0);
    EXPECT_NEAR(m(2, 2), 2.0, 1e-12);
    EXPECT_NEAR(m(1, 2), std::log(10.0), 1e-12);
    EXPECT_DOUBLE_EQ(m(1, 3), 50.0);
    EXPECT_DOUBLE_EQ(m(3, 3), 50.0);
    // Rebuilt from its plain description, the encoder gives the same matrix.
    EXPECT_TRUE(TableEncoder::fromInputs(enc.inputs()).transform(t).isApprox(m));

    // Values outside the training range are held at its edges (before the log); gaps are still filled.
    RawTable wide;
    RawColumn a2 = RawColumn::numeric("age", MissingPolicy::Median, true);
    a2.numbers = {5, 90, kNaN, 35};
    RawColumn s2 = RawColumn::numeric("spend", MissingPolicy::Zero, true, true);
    s2.numbers = {-3, 1000, 4, 9};
    wide.columns = {a2, s2};
    const MatrixXd w = enc.transform(wide);
    EXPECT_DOUBLE_EQ(w(0, 0), 20.0);
    EXPECT_DOUBLE_EQ(w(1, 0), 40.0);
    EXPECT_DOUBLE_EQ(w(2, 0), 30.0);
    EXPECT_DOUBLE_EQ(w(3, 0), 35.0);
    EXPECT_NEAR(w(0, 2), 0.0, 1e-12);
    EXPECT_NEAR(w(1, 2), std::log(10.0), 1e-12);   // held at 9, logged
    EXPECT_NEAR(w(3, 2), std::log(10.0), 1e-12);
}

TEST(Encoder, CategoricalLevelsRareBucketAndMissing)
{
    RawTable t;
    RawColumn city = RawColumn::categorical("city");
    for (int i = 0; i < 60; ++i) city.addLabel("Shanghai");
    for (int i = 0; i < 35; ++i) city.addLabel("Beijing");
    city.addLabel("Lhasa");   // 1 % of 100 rows: below rareShare 0.015
    city.addLabel("");        // missing
    city.addLabel("");
    city.addLabel("Xining");
    city.addLabel("Kashgar");
    EXPECT_EQ(city.dictionary.size(), 5u);
    EXPECT_EQ(city.label(0), "Shanghai");
    EXPECT_EQ(city.label(96), "");
    t.columns = {city};
    EncoderParams p;
    p.rareShare = 0.015;
    const TableEncoder enc = TableEncoder::fit(t, p);
    EXPECT_EQ(enc.outputNames(), (std::vector<std::string>{"city=Shanghai", "city=Beijing", "city=(other)", "city=(missing)"}));
    RawTable score;
    RawColumn c = RawColumn::categorical("city");
    for (const char* l : {"Beijing", "Chengdu", "", "Shanghai"}) c.addLabel(l);   // Chengdu was never seen
    score.columns = {c};
    const MatrixXd m = enc.transform(score);
    MatrixXd expected(4, 4);
    expected << 0, 1, 0, 0,  //
        0, 0, 1, 0,          //
        0, 0, 0, 1,          //
        1, 0, 0, 0;
    EXPECT_EQ(m, expected);
    // An input the scoring data lacks counts as missing.
    EXPECT_EQ(enc.transform(RawTable{{RawColumn::categorical("other")}}).rows(), 0);
    EXPECT_THROW(enc.transform(RawTable{{RawColumn::numeric("city", MissingPolicy::Zero)}}), std::invalid_argument);
}

TEST(BoostedTrees, LearnsAnInteractionLogisticCannotAndIsDeterministic)
{
    // y depends on x0 XOR x1: no linear model can rank it.
    Rng rng(5);
    const int n = 6000;
    MatrixXd x(n, 3);
    VectorXd y(n);
    for (int i = 0; i < n; ++i) {
        x(i, 0) = rng.uniform(-1, 1);
        x(i, 1) = rng.uniform(-1, 1);
        x(i, 2) = rng.normal();   // noise
        const bool sameSign = (x(i, 0) > 0) == (x(i, 1) > 0);
        y[i] = rng.bernoulli(sameSign ? 0.8 : 0.2) ? 1 : 0;
    }
    BoostedTreesParams bp;
    bp.threads = 2;
    const BoostedTreesModel trees = BoostedTreesModel::fit(x, y, bp);
    const LogisticModel linear = LogisticModel::fit(x, y);
    EXPECT_GT(rocAuc(trees.predictProba(x), y), 0.75);
    EXPECT_LT(rocAuc(linear.predictProba(x), y), 0.56);
    EXPECT_GT(trees.trees(), 10);
    EXPECT_LT(trees.trees(), bp.maxTrees);   // stopped early
    const VectorXd gain = trees.gainImportance();
    ASSERT_EQ(gain.size(), 3);
    EXPECT_GT(gain[0], 3 * gain[2]);   // noise still gets small splits: total gain adds them up
    EXPECT_GT(gain[1], 3 * gain[2]);

    const BoostedTreesModel again = BoostedTreesModel::fit(x, y, bp);
    EXPECT_EQ(again.trees(), trees.trees());
    EXPECT_TRUE(again.predictProba(x).isApprox(trees.predictProba(x), 1e-12));

    const BoostedTreesModel loaded = BoostedTreesModel::deserialize(trees.serialize(), 3, trees.trees());
    EXPECT_LT((loaded.predictProba(x) - trees.predictProba(x)).cwiseAbs().maxCoeff(), 1e-6);
    EXPECT_THROW(BoostedTreesModel::deserialize(trees.serialize(), 4, trees.trees()), std::runtime_error);
    EXPECT_THROW(trees.predictProba(MatrixXd::Zero(2, 4)), std::invalid_argument);
}

TEST(BoostedTrees, ProgressCanCancel)
{
    MatrixXd x = MatrixXd::Random(200, 2);
    VectorXd y = (x.col(0).array() > 0).cast<double>();
    BoostedTreesParams bp;
    bp.progress = [](int tree, int) { return tree < 3; };
    const BoostedTreesModel m = BoostedTreesModel::fit(x, y, bp);
    EXPECT_TRUE(m.cancelled());
    ClassifierParams cp;
    cp.learner = BaseLearner::BoostedTrees;
    EXPECT_THROW(Classifier::fit(x, y, cp, nullptr, [](double f) { return f < 0.01; }), Cancelled);
}

TEST(Metrics, ThresholdCalibrationAndLiftHandWorked)
{
    VectorXd p(6), y(6);
    p << 0.9, 0.8, 0.6, 0.4, 0.2, 0.1;
    y << 1, 0, 1, 1, 0, 0;
    const ThresholdMetrics t = thresholdMetrics(p, y, 0.5);
    EXPECT_EQ(t.truePositives, 2);
    EXPECT_EQ(t.falsePositives, 1);
    EXPECT_EQ(t.falseNegatives, 1);
    EXPECT_EQ(t.trueNegatives, 2);
    EXPECT_DOUBLE_EQ(t.accuracy, 4.0 / 6.0);
    EXPECT_DOUBLE_EQ(t.precision, 2.0 / 3.0);
    EXPECT_DOUBLE_EQ(t.recall, 2.0 / 3.0);
    EXPECT_DOUBLE_EQ(t.f1, 2.0 / 3.0);
    const ThresholdMetrics none = thresholdMetrics(p, y, 0.95);
    EXPECT_EQ(none.precision, 0.0);
    EXPECT_EQ(none.f1, 0.0);

    // Three bins of two, lowest predictions first.
    const auto bins = calibrationTable(p, y, 3);
    ASSERT_EQ(bins.size(), 3u);
    EXPECT_DOUBLE_EQ(bins[0].meanPredicted, 0.15);
    EXPECT_DOUBLE_EQ(bins[0].observedRate, 0.0);
    EXPECT_DOUBLE_EQ(bins[1].meanPredicted, 0.5);
    EXPECT_DOUBLE_EQ(bins[1].observedRate, 1.0);
    EXPECT_DOUBLE_EQ(bins[2].lower, 0.8);
    EXPECT_DOUBLE_EQ(bins[2].upper, 0.9);
    EXPECT_DOUBLE_EQ(bins[2].observedRate, 0.5);
    EXPECT_NEAR(expectedCalibrationError(bins), (0.15 + 0.5 + 0.35) / 3.0, 1e-12);

    const auto lift = liftTable(p, y, 3);
    ASSERT_EQ(lift.size(), 3u);
    EXPECT_EQ(lift[0].positives, 1);
    EXPECT_DOUBLE_EQ(lift[0].lift, 1.0);      // 1 of 2 against 3 of 6
    EXPECT_DOUBLE_EQ(lift[1].rate, 1.0);
    EXPECT_DOUBLE_EQ(lift[1].lift, 2.0);
    EXPECT_DOUBLE_EQ(lift[1].cumulativeGain, 1.0);
    EXPECT_DOUBLE_EQ(lift[1].cumulativeLift, 1.5);
    EXPECT_DOUBLE_EQ(lift[2].cumulativeGain, 1.0);
}

TEST(UpliftMetrics, HandWorked)
{
    VectorXd u(6), y(6);
    u << 0.9, 0.8, 0.7, 0.3, 0.2, 0.1;
    y << 1, 0, 1, 0, 1, 0;
    const std::vector<char> t{1, 0, 1, 1, 0, 0};
    const auto q = qiniCurve(u, y, t);
    const std::vector<double> qv{0, 1, 1, 2, 2, 0.5, 1};
    ASSERT_EQ(q.size(), qv.size());
    for (std::size_t k = 0; k < q.size(); ++k) {
        EXPECT_DOUBLE_EQ(q[k].targeted, double(k));
        EXPECT_DOUBLE_EQ(q[k].value, qv[k]) << k;
    }
    EXPECT_DOUBLE_EQ(curveArea(q), 7.0);
    // Perfect curve (0,0) (2,2) (5,2) (6,1): area 9.5; random: 3. (7 - 3) / (9.5 - 3).
    EXPECT_NEAR(qiniCoefficient(u, y, t), 4.0 / 6.5, 1e-12);
    const auto uc = upliftCurve(u, y, t);
    const std::vector<double> uv{0, 1, 2, 3, 8.0 / 3.0, 5.0 / 6.0, 2};
    ASSERT_EQ(uc.size(), uv.size());
    for (std::size_t k = 0; k < uc.size(); ++k) EXPECT_NEAR(uc[k].value, uv[k], 1e-12) << k;
    EXPECT_DOUBLE_EQ(upliftAtK(u, y, t, 0.5), 1.0);
    EXPECT_NEAR(averageTreatmentEffect(y, t), 1.0 / 3.0, 1e-12);
    EXPECT_TRUE(std::isnan(upliftAtK(u, y, t, 0.1)));   // the top user alone has no control

    // Ties are one step: a constant prediction is the random line, coefficient 0.
    EXPECT_NEAR(qiniCoefficient(VectorXd::Constant(6, 0.5), y, t), 0.0, 1e-12);
    // The perfect ranking scores 1.
    VectorXd perfect(6);
    for (int i = 0; i < 6; ++i) perfect[i] = t[static_cast<std::size_t>(i)] ? y[i] : -y[i];
    EXPECT_NEAR(qiniCoefficient(perfect, y, t), 1.0, 1e-12);

    const auto groups = upliftByGroup(u, y, t, 3);
    ASSERT_EQ(groups.size(), 3u);
    EXPECT_DOUBLE_EQ(groups[0].observedUplift, 1.0);    // T y1, C y0
    EXPECT_DOUBLE_EQ(groups[1].treatedRate, 0.5);       // T y1, T y0: no control to compare with
    EXPECT_TRUE(std::isnan(groups[1].controlRate));
    EXPECT_TRUE(std::isnan(groups[1].observedUplift));
    EXPECT_DOUBLE_EQ(groups[2].controlRate, 0.5);
}

namespace {

struct UpliftData {
    MatrixXd x;
    VectorXd y, trueUplift;
    std::vector<char> treated;
};

// Baseline driven by x0, the offer's effect by x1 (and only positive there), x2 noise.
UpliftData makeUpliftData(int n, std::uint64_t seed, double treatedShare)
{
    Rng rng(seed);
    UpliftData d;
    d.x.resize(n, 3);
    d.y.resize(n);
    d.trueUplift.resize(n);
    d.treated.resize(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < 3; ++j) d.x(i, j) = rng.normal();
        const double p0 = sigmoid(-2.0 + 0.8 * d.x(i, 0));
        const double p1 = sigmoid(-2.0 + 0.8 * d.x(i, 0) + 0.3 + 0.9 * d.x(i, 1));
        d.trueUplift[i] = p1 - p0;
        const bool t = rng.uniform() < treatedShare;
        d.treated[static_cast<std::size_t>(i)] = t ? 1 : 0;
        d.y[i] = rng.bernoulli(t ? p1 : p0) ? 1 : 0;
    }
    return d;
}

} // namespace

class UpliftLearners : public ::testing::TestWithParam<std::tuple<UpliftLearner, BaseLearner>> {};

TEST_P(UpliftLearners, RankUsersByTrueUplift)
{
    const UpliftData train = makeUpliftData(40000, 21, 0.7), test = makeUpliftData(20000, 22, 0.7);
    UpliftParams p;
    p.learner = std::get<0>(GetParam());
    p.base.learner = std::get<1>(GetParam());
    p.base.trees.threads = 2;
    const UpliftModel m = UpliftModel::fit(train.x, train.y, train.treated, p);
    const UpliftPrediction pred = m.predict(test.x);
    EXPECT_GT(spearman(pred.uplift, test.trueUplift), 0.8);
    EXPECT_GT(qiniCoefficient(pred.uplift, test.y, test.treated), 0.1);
    // The mean predicted uplift is close to the test's observed average effect.
    EXPECT_NEAR(pred.uplift.mean(), averageTreatmentEffect(test.y, test.treated), 0.02);
    EXPECT_TRUE((pred.control.array() >= 0).all() && (pred.control.array() <= 1).all());
    // x1 drives the uplift, x2 is noise.
    const VectorXd imp = m.importance();
    EXPECT_GT(imp[1], imp[2]);
}

INSTANTIATE_TEST_SUITE_P(AllLearners, UpliftLearners,
                         ::testing::Combine(::testing::Values(UpliftLearner::TwoModel, UpliftLearner::ClassTransformation),
                                            ::testing::Values(BaseLearner::Logistic, BaseLearner::BoostedTrees)),
                         [](const ::testing::TestParamInfo<UpliftLearners::ParamType>& p) {
                             const bool twoModel = std::get<0>(p.param) == UpliftLearner::TwoModel;
                             const bool logistic = std::get<1>(p.param) == BaseLearner::Logistic;
                             return std::string(twoModel ? "TwoModel" : "ClassTransformation") + (logistic ? "Logistic" : "BoostedTrees");
                         });

TEST(UpliftModel, RefusesWithoutBothGroupsAndOutcomes)
{
    const UpliftData d = makeUpliftData(500, 3, 0.5);
    std::vector<char> allTreated(500, 1);
    EXPECT_THROW(UpliftModel::fit(d.x, d.y, allTreated, {}), std::invalid_argument);
    EXPECT_THROW(UpliftModel::fit(d.x, VectorXd::Zero(500), d.treated, {}), std::invalid_argument);
}

TEST(OfferFeatures, HoursWeekdayDepthAndActivityShare)
{
    OfferDescription o;
    o.startTs = 1762891200;   // 2025-11-11 20:00 UTC, a Tuesday
    EXPECT_EQ(o.startHour(), 20);
    EXPECT_EQ(o.startWeekday(), 1);
    o.startTs = -3600;        // 1969-12-31 23:00, a Wednesday
    EXPECT_EQ(o.startHour(), 23);
    EXPECT_EQ(o.startWeekday(), 2);

    DayBlocks blocks{};
    blocks[6] = 3;   // 18-21
    blocks[7] = 1;   // 21-24
    blocks[0] = 4;   // 0-3
    // 20:00 for 4 hours: one hour of block 6 (1 of 3), all of block 7 (1): 2 of 8.
    EXPECT_DOUBLE_EQ(activityShare(blocks, 20, 4), 2.0 / 8.0);
    // 22:00 for 3 hours wraps: 2 hours of block 7 (2/3) + 1 hour of block 0 (4/3): 2 of 8.
    EXPECT_DOUBLE_EQ(activityShare(blocks, 22, 3), 2.0 / 8.0);
    EXPECT_DOUBLE_EQ(activityShare(blocks, 5, 48), 1.0);
    EXPECT_TRUE(std::isnan(activityShare(DayBlocks{}, 5, 3)));

    OfferDescription amount;
    amount.amountOff = 30;
    amount.minSpend = 199;
    EXPECT_DOUBLE_EQ(amount.depthPercent(), 100.0 * 30 / 199);
    EXPECT_DOUBLE_EQ(depthOnBasket(amount, 100), 30.0 / 199);   // threshold above the usual basket
    EXPECT_DOUBLE_EQ(depthOnBasket(amount, 300), 30.0 / 300);
    EXPECT_DOUBLE_EQ(thresholdRatio(amount, 100), 1.99);
    EXPECT_TRUE(std::isnan(thresholdRatio(amount, kNaN)));
    OfferDescription pct;
    pct.percentOff = 15;
    EXPECT_DOUBLE_EQ(depthOnBasket(pct, kNaN), 0.15);
    EXPECT_DOUBLE_EQ(thresholdRatio(pct, 50), 0.0);
}

// The learners can reach the ground truth's own AUC when they see what drives
// it: boosted trees on the demo customers' latent traits (purchase rate, price
// sensitivity, basket, device, tier, activity at the offer's start, interest
// in its categories) and the offer's campaign come within 0.01 of the truth's
// AUC on held-out exposures. (Models trained on what a shop can observe — the
// history before each campaign — fall short of it by what that history does
// not reveal; see tests/model/uptake_model_test.cpp.)
TEST(BoostedTrees, OnTheDemoShopsLatentTraitsReachTheGroundTruthsAuc)
{
    demo::ShopParams p;
    p.users = 40000;
    p.seed = 7;
    p.eventsPerUser = 60;
    p.historyDays = 730;
    const demo::ShopGenerator shop(p);
    demo::UserBatch b;
    shop.generate(1, p.users, b);
    std::vector<std::array<double, 9>> rows;
    std::vector<double> truthP, y;
    std::size_t k = 0;
    for (const demo::ExposureRecord& x : b.exposures) {
        while (k < b.responses.size() && (b.responses[k].campaign != x.campaign || b.responses[k].uid != x.uid)) ++k;
        ASSERT_LT(k, b.responses.size());
        if (!x.treatment) continue;
        const demo::DemoCampaign& c = shop.campaigns()[static_cast<std::size_t>(x.campaign)];
        const demo::Offer& o = x.arm >= 0 ? c.arms[static_cast<std::size_t>(x.arm)].offer : c.offer;
        const demo::UserTraits t = shop.traits(x.uid);
        double interest = 0;
        for (int cat = 0; cat < demo::kCategoryCount; ++cat)
            if (o.categoryMask & (1u << cat)) interest += t.interest[static_cast<std::size_t>(cat)];
        rows.push_back({std::log(t.purchaseRate()), t.priceSensitivity, std::log(t.basketMean), double(t.device), double(t.tier),
                        demo::activityShare(t, static_cast<int>((o.startTs % 86400) / 3600), 3.0), double(x.campaign), o.percentOff + o.amountOff / 1000.0,
                        interest});
        truthP.push_back(demo::respond(t, o).redeemTreated);
        y.push_back(b.responses[k].redeemed ? 1.0 : 0.0);
    }
    const Index n = static_cast<Index>(rows.size());
    std::vector<Index> train, test;
    for (Index i = 0; i < n; ++i) (i % 10 < 7 ? train : test).push_back(i);
    auto matrix = [&](const std::vector<Index>& r) {
        MatrixXd m(static_cast<Index>(r.size()), 9);
        for (std::size_t i = 0; i < r.size(); ++i)
            for (Index j = 0; j < 9; ++j) m(static_cast<Index>(i), j) = rows[static_cast<std::size_t>(r[i])][static_cast<std::size_t>(j)];
        return m;
    };
    auto vec = [&](const std::vector<double>& v, const std::vector<Index>& r) {
        VectorXd out(static_cast<Index>(r.size()));
        for (std::size_t i = 0; i < r.size(); ++i) out[static_cast<Index>(i)] = v[static_cast<std::size_t>(r[i])];
        return out;
    };
    BoostedTreesParams bp;
    bp.threads = 2;
    const BoostedTreesModel m = BoostedTreesModel::fit(matrix(train), vec(y, train), bp);
    const double modelAuc = rocAuc(m.predictProba(matrix(test)), vec(y, test)), truthAuc = rocAuc(vec(truthP, test), vec(y, test));
    std::printf("  latent traits: boosted trees AUC %.4f, ground truth %.4f on %zu held-out exposures\n", modelAuc, truthAuc, test.size());
    EXPECT_NEAR(modelAuc, truthAuc, 0.01);
}
