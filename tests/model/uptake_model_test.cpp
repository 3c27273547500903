// Uptake and uplift models on the demo shop, whose responses come from a
// known ground-truth model (engine/demo/ground_truth.h): the trained models
// are checked against the truth.
#include "campaigns/campaign_optimizer.h"
#include "campaigns/campaign_preview.h"
#include "core/random.h"
#include "demo/demo_writer.h"
#include "demo/shop_generator.h"
#include "metrics/classification.h"
#include "sql/statement.h"
#include "training/audience_scoring.h"
#include "training/trainer.h"
#include "workspace/workspace.h"

#include "test_support.h"

#include "rank_correlation.h"

#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <cmath>
#include <numeric>
#include <optional>

using namespace cwb::model;
namespace demo = cwb::engine::demo;
using cwb::test::TempDir;
using Eigen::Index;
using Eigen::VectorXd;

namespace {

constexpr quint64 kSeed = 7;
constexpr int kHistoryDays = 730;

// The shop's size and the density of its history: 40,000 users and 60 events per user and
// year unless CWB_DEMO_MODELS_USERS / CWB_DEMO_MODELS_EVENTS_PER_USER say otherwise (to measure
// how the models close in on the truth as the history carries more of each user's traits; the
// README quotes such runs).
std::optional<double> shopSetting(const char* variable, double fallback, double low, double high)
{
    const QByteArray text = qgetenv(variable);
    if (text.isEmpty()) return fallback;
    bool ok = false;
    const double v = text.toDouble(&ok);
    if (!ok || v < low || v > high) {
        ADD_FAILURE() << variable << "=" << text.constData() << " is not a number from " << low << " to " << high;
        return std::nullopt;
    }
    if (v != fallback) std::printf("  %s=%g\n", variable, v);
    return v;
}

using cwb::test::spearman;

// A demo shop of `Users` customers with `EventsPerUser` events per user and year, written to a
// workspace once per test suite, and its ground truth. A tunable shop's size and density may be
// changed through the environment (shopSetting).
template <int Users, int EventsPerUser, bool Tunable>
class DemoShopTest : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        const auto users = Tunable ? shopSetting("CWB_DEMO_MODELS_USERS", Users, 1000, 1000000) : std::optional<double>(Users);
        const auto eventsPerUser =
            Tunable ? shopSetting("CWB_DEMO_MODELS_EVENTS_PER_USER", EventsPerUser, 10, 1000) : std::optional<double>(EventsPerUser);
        ASSERT_TRUE(users && eventsPerUser);
        dir_ = new TempDir;
        auto ws = Workspace::create(dir_->path(QStringLiteral("demo.cwb")));
        ASSERT_TRUE(ws.ok());
        ws_ = new Workspace(std::move(ws.value()));
        DemoOptions o;
        o.users = static_cast<qint64>(*users);
        o.seed = kSeed;
        o.eventsPerUser = *eventsPerUser;
        o.historyDays = kHistoryDays;
        ASSERT_TRUE(writeDemoData(*ws_, o).ok());
        demo::ShopParams p;
        p.users = static_cast<qint64>(*users);
        p.seed = kSeed;
        p.eventsPerUser = *eventsPerUser;
        p.historyDays = kHistoryDays;
        shop_ = new demo::ShopGenerator(p);
    }
    static void TearDownTestSuite()
    {
        delete shop_;
        delete ws_;
        delete dir_;
    }
    // The ground truth for an exposure: P(outcome | the offer the user got) and the true uplift on conversion.
    static demo::ResponseProbabilities truth(qint64 campaignId, qint64 uid)
    {
        const demo::DemoCampaign& c = shop_->campaigns()[static_cast<std::size_t>(campaignId - 1)];
        const demo::Offer* offer = &c.offer;
        if (!c.arms.empty()) {
            cwb::model::Statement st = ws_->db().prepare("SELECT variant FROM exposures WHERE campaign_id = ? AND uid = ?");
            st.bind(1, campaignId).bind(2, uid);
            if (st.step() && !st.isNull(0))
                for (const demo::DemoArm& a : c.arms)
                    if (st.text(0).toStdString() == a.name) offer = &a.offer;
        }
        return demo::respond(shop_->traits(uid), *offer);
    }

    struct Aucs {
        double model = 0, truth = 0;
    };
    // A response model of redemptions trained with `learner` on a random split, and the AUCs of its
    // predictions and of the truth's probabilities on the same treated test rows.
    static Aucs responseAucs(cwb::engine::BaseLearner learner)
    {
        TrainRequest req;
        req.data.target = Outcome::Redeemed;
        req.split = SplitKind::Random;
        req.base.learner = learner;
        req.base.trees.threads = 2;
        req.save = false;
        auto r = trainModel(*ws_, req);
        if (!r.ok()) {
            ADD_FAILURE() << r.error().message.toStdString();
            return {};
        }
        const TestPredictions& t = r->test;
        std::vector<Index> treated;
        for (std::size_t i = 0; i < t.treated.size(); ++i)
            if (t.treated[i]) treated.push_back(static_cast<Index>(i));
        VectorXd truthP(static_cast<Index>(treated.size())), model(truthP.size()), y(truthP.size());
        for (std::size_t k = 0; k < treated.size(); ++k) {
            const std::size_t i = static_cast<std::size_t>(treated[k]);
            truthP[static_cast<Index>(k)] = truth(t.campaignIds[i], t.uids[i]).redeemTreated;
            model[static_cast<Index>(k)] = t.pTreated[treated[k]];
            y[static_cast<Index>(k)] = t.y[treated[k]];
        }
        const Aucs a{cwb::engine::rocAuc(model, y), cwb::engine::rocAuc(truthP, y)};
        std::printf("  %s: model AUC %.4f, ground truth AUC %.4f on %lld treated test rows (%g redemptions)\n",
                    learner == cwb::engine::BaseLearner::Logistic ? "logistic" : "gbdt", a.model, a.truth,
                    static_cast<long long>(y.size()), y.sum());
        EXPECT_NEAR(r->evaluation.auc, a.model, 1e-12);
        return a;
    }

    static inline TempDir* dir_ = nullptr;
    static inline Workspace* ws_ = nullptr;
    static inline demo::ShopGenerator* shop_ = nullptr;
};

// 40,000 users, 60 events per user and year: the statistical checks of the models, the preview and
// the optimiser.
class DemoModels : public DemoShopTest<40000, 60, true> {};

// 60,000 users, 360 events per user and year: a history dense enough to show each customer's habits.
class DemoModelsDense : public DemoShopTest<60000, 360, false> {};

} // namespace

TEST_F(DemoModels, ResponseModelAucIsCloseToTheGroundTruths)
{
    for (auto learner : {cwb::engine::BaseLearner::Logistic, cwb::engine::BaseLearner::BoostedTrees}) {
        const auto auc = responseAucs(learner);
        // The truth knows each customer's latent purchase rate and price sensitivity; a model sees two
        // years of their history, where they show only through a few dozen events (carts follow the
        // purchase rate, favourites the price sensitivity). With the latent traits as inputs the learners
        // come within 0.01 of the truth (tests/engine/uptake_test.cpp,
        // OnTheDemoShopsLatentTraitsReachTheGroundTruthsAuc); from this sparse history they reach 0.024
        // (logistic) and 0.021 (trees) below it. DemoModelsDense holds them to 0.01 on a dense history.
        EXPECT_GT(auc.model, auc.truth - 0.03);
        EXPECT_LE(auc.model, auc.truth + 0.01);
    }
}

// Where the history shows each customer's habits (720 events over two years: about 200 sessions,
// two dozen orders, their carts and wish lists), boosted trees come within 0.01 of the truth's AUC
// (measured 0.0071 below it). The logistic model stays about 0.013 below (measured 0.0127), the
// price of its additive form: the truth multiplies the purchase rate by the response to the
// offer, and weighs the customer's traits differently by offer type.
TEST_F(DemoModelsDense, ResponseModelAucIsWithinAHundredthOfTheGroundTruths)
{
    const auto trees = responseAucs(cwb::engine::BaseLearner::BoostedTrees);
    EXPECT_GT(trees.model, trees.truth - 0.01);
    EXPECT_LE(trees.model, trees.truth + 0.01);
    const auto logistic = responseAucs(cwb::engine::BaseLearner::Logistic);
    EXPECT_GT(logistic.model, logistic.truth - 0.02);
    EXPECT_LE(logistic.model, logistic.truth + 0.01);
}

TEST_F(DemoModels, DiscountDepthAndDurationEffectsHaveTheTruthsSignAndSize)
{
    TrainRequest req;
    req.data.target = Outcome::Redeemed;
    req.split = SplitKind::Random;
    auto trained = trainModel(*ws_, req);
    ASSERT_TRUE(trained.ok()) << trained.error().message.toStdString();
    const UptakeModel& model = trained->model;
    // The audience of "Autumn welcome coupon test" (campaign 1: a coupon for everyone, no threshold, a week
    // long, 5, 10 or 20 % off in three random arms).
    const QList<CampaignOffer> campaigns = exposedCampaigns(ws_->db());
    const CampaignOffer base = campaigns.front();
    ASSERT_EQ(base.id, 1);
    auto effect = [&](auto modify) {
        CampaignOffer lo = base, hi = base;
        demo::Offer tlo = shop_->campaigns()[0].offer, thi = tlo;
        modify(lo, tlo, false);
        modify(hi, thi, true);
        auto slo = scorePastAudience(*ws_, model, base.id, lo), shi = scorePastAudience(*ws_, model, base.id, hi);
        EXPECT_TRUE(slo.ok() && shi.ok());
        double truthLo = 0, truthHi = 0;
        for (qint64 uid : slo->uids) {
            truthLo += demo::respond(shop_->traits(uid), tlo).redeemTreated;
            truthHi += demo::respond(shop_->traits(uid), thi).redeemTreated;
        }
        const double n = double(slo->uids.size());
        return std::pair{shi->scores.treated.mean() - slo->scores.treated.mean(), (truthHi - truthLo) / n};
    };
    const auto [depthModel, depthTruth] = effect([](CampaignOffer& c, demo::Offer& t, bool high) {
        c.offer.percentOff = high ? 20 : 5;
        t.percentOff = high ? 0.20 : 0.05;
    });
    const auto [durationModel, durationTruth] = effect([](CampaignOffer& c, demo::Offer& t, bool high) {
        c.offer.durationHours = high ? 240 : 72;
        t.durationHours = high ? 240 : 72;
    });
    std::printf("  redemption rate, 5%% -> 20%% off: model %+.4f, truth %+.4f; 3 -> 10 days: model %+.4f, truth %+.4f\n", depthModel,
                depthTruth, durationModel, durationTruth);
    EXPECT_GT(depthTruth, 0);
    EXPECT_GT(depthModel, 0);
    EXPECT_GT(depthModel, 0.5 * depthTruth);
    EXPECT_LT(depthModel, 2.0 * depthTruth);
    EXPECT_GT(durationTruth, 0);
    EXPECT_GT(durationModel, 0);
    EXPECT_GT(durationModel, 0.5 * durationTruth);
    EXPECT_LT(durationModel, 2.0 * durationTruth);
}

TEST_F(DemoModels, UpliftModelsRankUsersByTrueUplift)
{
    for (auto learner : {cwb::engine::UpliftLearner::TwoModel, cwb::engine::UpliftLearner::ClassTransformation}) {
        for (auto base : {cwb::engine::BaseLearner::Logistic, cwb::engine::BaseLearner::BoostedTrees}) {
            TrainRequest req;
            req.kind = ModelKind::Uplift;
            req.upliftLearner = learner;
            req.data.target = Outcome::Converted;
            req.split = SplitKind::Random;
            req.base.learner = base;
            req.base.trees.threads = 2;
            req.save = false;
            auto r = trainModel(*ws_, req);
            ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
            const TestPredictions& t = r->test;
            VectorXd trueUplift(t.y.size());
            for (Index i = 0; i < t.y.size(); ++i) trueUplift[i] = truth(t.campaignIds[static_cast<std::size_t>(i)], t.uids[static_cast<std::size_t>(i)]).uplift();
            const double rho = spearman(t.uplift, trueUplift);
            std::printf("  %s on %s: Spearman with the true uplift %.3f, Qini %.3f, predicted effect %+.4f, observed %+.4f, true %+.4f\n",
                        learner == cwb::engine::UpliftLearner::TwoModel ? "two-model" : "class transformation",
                        base == cwb::engine::BaseLearner::Logistic ? "logistic" : "gbdt", rho, r->evaluation.qini,
                        r->evaluation.predictedEffect, r->evaluation.observedEffect, trueUplift.mean());
            // The two-model learner (the default) ranks well; the class transformation learns from a
            // noisier target (one outcome per user, of either group) and ranks less well at a 3 % base rate.
            EXPECT_GE(rho, learner == cwb::engine::UpliftLearner::TwoModel ? 0.5 : 0.45);
            EXPECT_GT(r->evaluation.qini, 0.05);
            EXPECT_NEAR(r->evaluation.predictedEffect, trueUplift.mean(), 0.01);
        }
    }
}

namespace {

// The demo's offer for a designed campaign: what the ground truth reacts to.
demo::Offer truthOffer(const cwb::engine::CampaignSpec& s)
{
    using cwb::engine::CampaignType;
    demo::Offer o;
    o.startTs = s.startTs;
    o.durationHours = s.durationHours();
    o.channel = s.channel == "push" ? demo::Channel::Push : s.channel == "email" ? demo::Channel::Email : demo::Channel::Sms;
    switch (s.type) {
    case CampaignType::Coupon:
        o.type = demo::OfferType::Coupon;
        o.percentOff = s.coupon.percentOff / 100.0;
        o.amountOff = s.coupon.amountOff;
        o.minSpend = s.coupon.minSpend;
        break;
    case CampaignType::FlashSale:
        o.type = demo::OfferType::FlashSale;
        o.percentOff = s.flashSale.percentOff / 100.0;
        for (const std::string& name : s.flashSale.categories)
            for (int c = 0; c < demo::kCategoryCount; ++c)
                if (demo::categoryName(c) == name) o.categoryMask |= 1u << c;
        break;
    case CampaignType::Member:
        o.type = demo::OfferType::Member;
        o.percentOff = s.member.percentOff / 100.0;
        o.pointsMultiplier = s.member.pointsMultiplier;
        for (const std::string& name : s.member.tiers)
            for (int t = 0; t < demo::kTierCount; ++t)
                if (demo::tierName(t) == name) o.tierMask |= 1u << t;
        break;
    }
    return o;
}

// A campaign the shop never ran, drawn at random within the terms its history
// covers for that type (what a model can speak for; beyond them the preview
// warns that it extrapolates): a coupon of 5-25 % off or 20-50 off a
// threshold, valid 3-14 days; a flash sale of 20-40 % on two categories for
// 2-6 hours; a member offer of 10-20 % or points x2-x4 for 7-10 days — in the
// week after the data ends, at the hours past campaigns went out, by SMS,
// push or e-mail.
cwb::engine::CampaignSpec randomCampaign(cwb::engine::Rng& rng, int k)
{
    using cwb::engine::CampaignType;
    cwb::engine::CampaignSpec s;
    s.name = "trial " + std::to_string(k);
    const std::int64_t historyEnd = demo::ShopParams{}.historyEnd;
    s.startTs = historyEnd + std::int64_t(rng.below(2)) * 86400 * 3;
    const char* channels[] = {"sms", "push", "email"};
    s.channel = channels[rng.below(3)];
    s.controlShare = 0.1 + 0.1 * double(rng.below(3));
    const double kind = rng.uniform();
    int hour = 0;
    if (kind < 0.5) {
        s.type = CampaignType::Coupon;
        if (rng.bernoulli(0.6)) {
            s.coupon.percentOff = 5.0 * double(1 + rng.below(5));
            s.coupon.minSpend = std::array{0.0, 99.0, 199.0, 299.0}[rng.below(4)];
        } else {
            s.coupon.amountOff = 10.0 * double(2 + rng.below(4));
            s.coupon.minSpend = std::array{199.0, 299.0, 399.0}[rng.below(3)];
        }
        s.coupon.validityDays = 3 + int(rng.below(12));
        hour = 9 + int(rng.below(12));
    } else if (kind < 0.75) {
        s.type = CampaignType::FlashSale;
        s.flashSale.percentOff = 20.0 + 5.0 * double(rng.below(5));
        s.flashSale.durationHours = double(2 + rng.below(5));
        const int pairs[3][2] = {{0, 1}, {2, 3}, {4, 5}};
        const int* pair = pairs[rng.below(3)];
        s.flashSale.categories = {std::string(demo::categoryName(pair[0])), std::string(demo::categoryName(pair[1]))};
        hour = 10 + int(rng.below(11));
    } else {
        s.type = CampaignType::Member;
        s.member.tiers = rng.bernoulli(0.5) ? std::vector<std::string>{"gold", "platinum"} : std::vector<std::string>{"silver", "gold", "platinum"};
        if (rng.bernoulli(0.5)) s.member.percentOff = 10.0 + 5.0 * double(rng.below(3));
        else s.member.pointsMultiplier = double(2 + rng.below(3));
        s.member.durationDays = double(7 + rng.below(4));
        hour = 8 + int(rng.below(5));
    }
    s.startTs += std::int64_t(hour) * 3600;
    return s;
}

// The preview of a campaign the shop never ran: its expected redemptions must
// fall inside the preview's own 90 % interval of the ground truth's expectation
// in at least 85 % of 40 seeded trials. The truth: each offered user redeems
// with demo::respond(traits, offer).redeemTreated, so the expected redemptions
// are (1 - control share) times their sum over the targeted users.
// What previews use by default: an uplift model of `converted` and a response model of `redeemed`.
void trainPreviewModels(Workspace& ws)
{
    for (Outcome target : {Outcome::Converted, Outcome::Redeemed}) {
        TrainRequest req;
        req.kind = target == Outcome::Converted ? ModelKind::Uplift : ModelKind::Response;
        req.data.target = target;
        auto trained = trainModel(ws, req);
        ASSERT_TRUE(trained.ok()) << trained.error().message.toStdString();
    }
}

} // namespace

TEST_F(DemoModels, PreviewIntervalsCoverTheTruthOnNewCampaigns)
{
    trainPreviewModels(*ws_);
    if (HasFatalFailure()) return;
    cwb::engine::Rng rng(2026);
    std::vector<PreviewSession> sessions;
    const int trials = 40;
    int covered = 0;
    double sumRelErr = 0;
    const auto began = std::chrono::steady_clock::now();
    for (int k = 0; k < trials; ++k) {
        const cwb::engine::CampaignSpec spec = randomCampaign(rng, k);
        ASSERT_TRUE(cwb::engine::validate(spec).empty()) << spec.name;
        const PreviewSession* session = nullptr;
        for (const PreviewSession& s : sessions)
            if (s.serves(spec)) session = &s;
        if (!session) {
            auto opened = PreviewSession::open(*ws_, spec);
            ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
            sessions.push_back(std::move(opened.value()));
            session = &sessions.back();
        }
        auto p = session->preview(spec, PreviewSession::Detail::Totals);
        ASSERT_TRUE(p.ok()) << p.error().message.toStdString();
        ASSERT_EQ(p->source, PredictionSource::UpliftModel);
        const CampaignAudience& audience = session->audience();
        ASSERT_EQ(p->result.reached, static_cast<std::int64_t>(audience.size()));   // no budget, no cap: everyone eligible
        const demo::Offer offer = truthOffer(spec);
        double truth = 0;
        for (qint64 uid : audience.uids) truth += demo::respond(shop_->traits(uid), offer).redeemTreated;
        truth *= 1.0 - spec.controlShare;
        const cwb::engine::Estimate& e = p->result.totals.redemptions;
        const bool inside = e.low <= truth && truth <= e.high;
        covered += inside;
        sumRelErr += std::fabs(e.value / truth - 1.0);
        std::printf("  %-9s %-10s %-5s %5.1f%% %4.0f off over %4.0f x%.0f %5.0fh @%02d  users %6zu  truth %8.1f  preview %8.1f (%8.1f to %8.1f)%s\n",
                    spec.name.c_str(), cwb::engine::campaignTypeKey(spec.type), spec.channel.c_str(), offer.percentOff * 100, offer.amountOff,
                    offer.minSpend, offer.pointsMultiplier, offer.durationHours, int((spec.startTs / 3600) % 24), audience.size(), truth,
                    e.value, e.low, e.high, inside ? "" : "  MISSED");
    }
    std::printf("  coverage of the 90 %% interval: %d of %d trials (%.0f %%); mean |error| %.1f %% of the truth; %zu audiences, %.1f s\n",
                covered, trials, 100.0 * covered / trials, 100.0 * sumRelErr / trials, sessions.size(),
                std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count());
    EXPECT_GE(covered, 34);   // 85 % of 40
}

// The optimiser, searching the discount alone, must choose a percent-off
// within one grid step (2.5 points) of the discount that maximises the ground
// truth's expected incremental profit. The truth per offered user (a percent-off
// coupon pays no points, so the goods sold are worth revenue + discount):
//   m (revenueTreated + discountCostTreated - revenueControl) - discountCostTreated - c,
// summed over the audience and taken times the share that is not held out.
TEST_F(DemoModels, OptimiserChoosesTheTrueProfitMaximisingDiscount)
{
    trainPreviewModels(*ws_);
    if (HasFatalFailure()) return;
    for (double minSpend : {0.0, 199.0}) {
        cwb::engine::CampaignSpec s;
        s.name = "discount search";
        s.type = cwb::engine::CampaignType::Coupon;
        s.coupon.percentOff = 10;
        s.coupon.minSpend = minSpend;
        s.coupon.validityDays = 7;
        s.startTs = demo::ShopParams{}.historyEnd + 10 * 3600;
        s.channel = "sms";
        s.costPerContact = 0.05;
        s.controlShare = 0.1;
        s.grossMargin = 0.35;
        auto session = PreviewSession::open(*ws_, s);
        ASSERT_TRUE(session.ok()) << session.error().message.toStdString();
        OptimizeOptions o;
        o.vary = {QStringLiteral("percent_off")};
        auto r = optimizeCampaign(session.value(), s, o);
        ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
        ASSERT_FALSE(r->best.isEmpty());
        const double chosen = r->best.front().spec.coupon.percentOff;

        const std::vector<double> grid = searchGrid(QStringLiteral("percent_off"), s, session->audience().medianOrderValue);
        double bestTruth = -1e300, truthArgmax = 0;
        for (double depth : grid) {
            cwb::engine::CampaignSpec v = s;
            v.coupon.percentOff = depth;
            const demo::Offer offer = truthOffer(v);
            double truth = 0;
            for (qint64 uid : session->audience().uids) {
                const demo::ResponseProbabilities t = demo::respond(shop_->traits(uid), offer);
                truth += s.grossMargin * (t.revenueTreated + t.discountCostTreated - t.revenueControl) - t.discountCostTreated - s.costPerContact;
            }
            truth *= 1.0 - s.controlShare;
            auto p = session->preview(v, PreviewSession::Detail::Totals);
            ASSERT_TRUE(p.ok());
            std::printf("  over %3.0f: %4.1f %% off  truth %10.0f  preview %10.0f\n", minSpend, depth, truth, p->result.totals.incrementalProfit.value);
            if (truth > bestTruth) {
                bestTruth = truth;
                truthArgmax = depth;
            }
        }
        std::printf("  over %3.0f: the optimiser chose %.1f %% off; the truth's best is %.1f %% off\n", minSpend, chosen, truthArgmax);
        EXPECT_LE(std::fabs(chosen - truthArgmax), 2.5 + 1e-9) << "threshold " << minSpend;
    }
}
