// The preview's fast scoring of logistic models (a cached per-user part plus
// the offer's inputs encoded in place, the sigmoid taken with SIMD) against
// re-encoding every row of the audience, on a small demo shop with trained
// response and uplift models, for offers that move every offer-fit input;
// and a session over a sample of the users (what the optimiser searches on)
// against the session it was drawn from.
#include "campaigns/campaign_audience.h"
#include "campaigns/campaign_optimizer.h"
#include "campaigns/campaign_preview.h"
#include "segments/segment_store.h"
#include "demo/demo_writer.h"
#include "training/audience_scoring.h"
#include "training/trainer.h"
#include "workspace/workspace.h"

#include "test_support.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

using namespace cwb::model;
using cwb::engine::CampaignSpec;
using cwb::engine::CampaignType;
using cwb::test::TempDir;

namespace {

void expectSameScores(const UptakeModel::Scores& fast, const UptakeModel::Scores& slow, const std::string& what)
{
    SCOPED_TRACE(what);
    ASSERT_EQ(fast.treated.size(), slow.treated.size());
    ASSERT_EQ(fast.control.size(), slow.control.size());
    ASSERT_GT(fast.treated.size(), 0);
    EXPECT_LT((fast.treated - slow.treated).cwiseAbs().maxCoeff(), 1e-12);
    if (slow.control.size() > 0) {
        EXPECT_LT((fast.control - slow.control).cwiseAbs().maxCoeff(), 1e-12);
        EXPECT_LT((fast.uplift - slow.uplift).cwiseAbs().maxCoeff(), 1e-12);
    }
    // The offers differ, so do the scores: the comparison is not of constants.
    EXPECT_GT(slow.treated.maxCoeff() - slow.treated.minCoeff(), 1e-3);
}

// A 3,000-user demo shop with an uplift model of `converted` and a response model of `redeemed`.
class SmallShop : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        dir_ = new TempDir;
        auto ws = Workspace::create(dir_->path(QStringLiteral("demo.cwb")));
        ASSERT_TRUE(ws.ok());
        ws_ = new Workspace(std::move(ws.value()));
        DemoOptions o;
        o.users = 3000;
        o.seed = 5;
        o.eventsPerUser = 40;
        ASSERT_TRUE(writeDemoData(*ws_, o).ok());
        for (Outcome target : {Outcome::Converted, Outcome::Redeemed}) {
            TrainRequest req;
            req.kind = target == Outcome::Converted ? ModelKind::Uplift : ModelKind::Response;
            req.data.target = target;
            req.crossCampaign = false;
            auto trained = trainModel(*ws_, req);
            ASSERT_TRUE(trained.ok()) << trained.error().message.toStdString();
            ids_.push_back(trained->modelId);
        }
    }
    static void TearDownTestSuite()
    {
        delete ws_;
        delete dir_;
        ids_.clear();
    }
    static CampaignSpec coupon()
    {
        CampaignSpec base;
        base.name = "scorer check";
        base.type = CampaignType::Coupon;
        base.startTs = 1767261600;   // 2026-01-01 10:00 UTC
        base.coupon.percentOff = 15;
        base.coupon.minSpend = 199;
        base.coupon.validityDays = 7;
        base.controlShare = 0.1;
        return base;
    }
    static inline TempDir* dir_ = nullptr;
    static inline Workspace* ws_ = nullptr;
    static inline std::vector<qint64> ids_;
};

TEST_F(SmallShop, LinearShortcutEqualsReencodingEveryRow)
{
    const CampaignSpec base = coupon();
    auto session = PreviewSession::open(*ws_, base);
    ASSERT_TRUE(session.ok()) << session.error().message.toStdString();
    const CampaignAudience& audience = session->audience();
    ASSERT_EQ(audience.size(), 3000u);

    // Offers that move depth, threshold, duration (the activity share), start hour, and amount off
    // (the depth on each user's own basket).
    std::vector<std::pair<std::string, cwb::engine::OfferDescription>> offers;
    offers.emplace_back("as loaded", base.offer());
    CampaignSpec v = base;
    v.coupon.percentOff = 40;
    v.coupon.minSpend = 0;
    offers.emplace_back("40 % without threshold", v.offer());
    v = base;
    v.coupon.validityDays = 1;
    v.startTs = base.startTs - 10 * 3600 + 3 * 3600;   // 3 am, outside the training range
    offers.emplace_back("one day from 3 am", v.offer());
    v = base;
    v.coupon.percentOff = 0;
    v.coupon.amountOff = 30;
    v.coupon.minSpend = 150;
    offers.emplace_back("30 off over 150", v.offer());

    for (qint64 id : ids_) {
        auto model = loadModel(*ws_, id);
        ASSERT_TRUE(model.ok()) << model.error().message.toStdString();
        const OfferScorer fast(model.value(), audience);
        const OfferScorer slow(model.value(), audience, false);
        ASSERT_TRUE(fast.linear());
        ASSERT_FALSE(slow.linear());
        for (const auto& [name, offer] : offers) expectSameScores(fast.score(offer), slow.score(offer), name + ", model " + std::to_string(id));
        // And the offer the audience was loaded for, scored by the model itself on the loaded inputs.
        expectSameScores(fast.score(base.offer()), model->score(audience.inputs), "model.score, model " + std::to_string(id));
    }
}

void expectSameTotals(const cwb::engine::PreviewTotals& got, const cwb::engine::PreviewTotals& want)
{
    EXPECT_EQ(got.targeted, want.targeted);
    EXPECT_EQ(got.eligible, want.eligible);
    for (auto figure : {&cwb::engine::PreviewTotals::redemptions, &cwb::engine::PreviewTotals::incrementalConversions,
                        &cwb::engine::PreviewTotals::revenue, &cwb::engine::PreviewTotals::subsidy, &cwb::engine::PreviewTotals::totalCost,
                        &cwb::engine::PreviewTotals::incrementalProfit, &cwb::engine::PreviewTotals::roi}) {
        const cwb::engine::Estimate& a = got.*figure;
        const cwb::engine::Estimate& b = want.*figure;
        EXPECT_NEAR(a.value, b.value, 1e-9 * (1 + std::fabs(b.value)));
        EXPECT_NEAR(a.low, b.low, 1e-9 * (1 + std::fabs(b.low)));
        EXPECT_NEAR(a.high, b.high, 1e-9 * (1 + std::fabs(b.high)));
    }
}

// PreviewSession::totals (added up a block at a time, or through computePreview when a limit
// applies) gives the figures of preview(spec, Detail::Totals), for the offers of a sweep; and
// the headline preview (the same two ways) the totals, reach and warnings of the ranked one.
void expectTotalsAsPreview(const PreviewSession& session, CampaignSpec spec)
{
    for (int variant = 0; variant < 5; ++variant) {
        SCOPED_TRACE(variant);
        if (variant == 1) spec.coupon.percentOff = 35;
        if (variant == 2) {
            spec.coupon.percentOff = 0;
            spec.coupon.amountOff = 30;
            spec.coupon.minSpend = 150;
        }
        if (variant == 3) spec.budget = 150;   // a limit: the ranking decides who is reached
        if (variant == 4) {
            spec.budget = 0;
            spec.targetShare = 0.4;
        }
        auto t = session.totals(spec);
        auto p = session.preview(spec, PreviewSession::Detail::Totals);
        auto ranked = session.preview(spec, PreviewSession::Detail::Ranked);
        auto headline = session.preview(spec, PreviewSession::Detail::Headline);
        ASSERT_TRUE(t.ok() && p.ok() && ranked.ok() && headline.ok());
        const cwb::engine::PreviewTotals& want = p->result.totals;
        if (variant >= 3) {
            EXPECT_LT(want.targeted, want.eligible);
        }
        expectSameTotals(t.value(), want);
        expectSameTotals(headline->result.totals, ranked->result.totals);
        EXPECT_EQ(headline->result.reached, ranked->result.reached);
        EXPECT_EQ(headline->warnings, ranked->warnings);
        EXPECT_EQ(headline->users.redeem.size(), 0);
        EXPECT_TRUE(headline->result.ranking.empty());
        EXPECT_FALSE(ranked->result.ranking.empty());
    }
    spec.targetShare = 1;
    spec.coupon.percentOff = 120;
    EXPECT_FALSE(session.totals(spec).ok());
}

// A sample session holds the sampled users' data as the full one does: their per-user
// economics are the same numbers; its limits are the spec's times its share; and the
// optimiser that searches on it reports figures of every user, never of the sample.
TEST_F(SmallShop, SampledSessionIsTheFullSessionAtThoseUsers)
{
    // Two overlapping segments for the breakdown.
    NewSegment odd{QStringLiteral("odd uids"), QStringLiteral("imported"), {}, {}}, third{QStringLiteral("every third uid"), QStringLiteral("imported"), {}, {}};
    for (qint64 uid = 1; uid <= 3000; ++uid) {
        if (uid % 2) odd.members.push_back(uid);
        if (uid % 3 == 0) third.members.push_back(uid);
    }
    ASSERT_TRUE(saveSegments(ws_->db(), {odd, third}).ok());
    CampaignSpec spec = coupon();
    auto session = PreviewSession::open(*ws_, spec);
    ASSERT_TRUE(session.ok()) << session.error().message.toStdString();
    expectTotalsAsPreview(session.value(), spec);
    const PreviewSession sample = session->sample(1000, 9);
    const CampaignAudience& all = session->audience();
    const CampaignAudience& some = sample.audience();
    ASSERT_EQ(some.size(), 1000u);
    EXPECT_TRUE(std::is_sorted(some.uids.begin(), some.uids.end()));
    EXPECT_EQ(session->sample(1000, 9).audience().uids, some.uids);
    EXPECT_NE(session->sample(1000, 10).audience().uids, some.uids);
    EXPECT_EQ(session->sample(5000, 9).audience().size(), all.size());   // asking for more: all of them

    spec.coupon.percentOff = 25;   // not the offer the audience was loaded for
    spec.coupon.minSpend = 99;
    const cwb::engine::UserEconomics full = session->economics(spec), part = sample.economics(spec);
    std::size_t row = 0;
    for (std::size_t k = 0; k < some.size(); ++k) {
        while (all.uids[row] != some.uids[k]) ++row;
        const auto i = static_cast<Eigen::Index>(row), j = static_cast<Eigen::Index>(k);
        ASSERT_NEAR(part.buyTreated[j], full.buyTreated[i], 1e-12) << "uid " << some.uids[k];
        ASSERT_NEAR(part.buyControl[j], full.buyControl[i], 1e-12);
        ASSERT_NEAR(part.redeem[j], full.redeem[i], 1e-12);
        ASSERT_EQ(part.basket[j], full.basket[i]);
        ASSERT_EQ(part.discount[j], full.discount[i]);
    }
    // The breakdown's rows point at the same users.
    ASSERT_EQ(some.segmentRows.size(), 2u);
    ASSERT_EQ(all.segmentRows.size(), 2u);
    for (std::size_t s = 0; s < some.segmentRows.size(); ++s) {
        std::set<qint64> inFull, inSample;
        for (Eigen::Index i : all.segmentRows[s]) inFull.insert(all.uids[static_cast<std::size_t>(i)]);
        for (Eigen::Index i : some.segmentRows[s]) inSample.insert(some.uids[static_cast<std::size_t>(i)]);
        EXPECT_GT(inSample.size(), 200u);
        for (qint64 uid : some.uids) EXPECT_EQ(inSample.contains(uid), inFull.contains(uid)) << "segment " << s << ", uid " << uid;
    }

    spec.budget = 600;
    spec.coupon.totalQuantity = 90;
    EXPECT_DOUBLE_EQ(sample.params(spec).budget, 200);
    EXPECT_DOUBLE_EQ(sample.params(spec).redemptionCap, 30);
    EXPECT_DOUBLE_EQ(session->params(spec).budget, 600);

    spec.budget = 0;
    spec.coupon.totalQuantity = 0;
    expectTotalsAsPreview(sample, spec);
    OptimizeOptions o;
    o.vary = {QStringLiteral("percent_off"), QStringLiteral("target_share")};
    o.sampleUsers = 1000;
    auto r = optimizeCampaign(session.value(), spec, o);
    ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
    EXPECT_EQ(r->searchedUsers, 1000);
    ASSERT_FALSE(r->best.isEmpty());
    for (const OptimizedSpec& b : r->best) {
        auto p = session->preview(b.spec, PreviewSession::Detail::Totals);
        ASSERT_TRUE(p.ok());
        EXPECT_EQ(b.reached, p->result.reached);
        EXPECT_NEAR(b.totals.incrementalProfit.value, p->result.totals.incrementalProfit.value, 1e-9 * std::fabs(p->result.totals.incrementalProfit.value));
        EXPECT_NEAR(b.totals.totalCost.value, p->result.totals.totalCost.value, 1e-9 * p->result.totals.totalCost.value);
    }
    for (qsizetype k = 1; k < r->best.size(); ++k)
        EXPECT_GE(r->best[k - 1].totals.incrementalProfit.value, r->best[k].totals.incrementalProfit.value);
}

} // namespace
