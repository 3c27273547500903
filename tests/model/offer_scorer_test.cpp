// The preview's fast scoring of logistic models (a cached per-user part plus
// the offer's inputs encoded in place, the sigmoid taken with SIMD) against
// re-encoding every row of the audience, on a small demo shop with trained
// response and uplift models, for offers that move every offer-fit input.
#include "campaigns/campaign_audience.h"
#include "campaigns/campaign_preview.h"
#include "demo/demo_writer.h"
#include "training/audience_scoring.h"
#include "training/trainer.h"
#include "workspace/workspace.h"

#include "test_support.h"

#include <gtest/gtest.h>

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

TEST(OfferScorer, LinearShortcutEqualsReencodingEveryRow)
{
    TempDir dir;
    auto ws = Workspace::create(dir.path(QStringLiteral("demo.cwb")));
    ASSERT_TRUE(ws.ok());
    DemoOptions o;
    o.users = 3000;
    o.seed = 5;
    o.eventsPerUser = 40;
    ASSERT_TRUE(writeDemoData(ws.value(), o).ok());
    std::vector<qint64> ids;
    for (Outcome target : {Outcome::Converted, Outcome::Redeemed}) {
        TrainRequest req;
        req.kind = target == Outcome::Converted ? ModelKind::Uplift : ModelKind::Response;
        req.data.target = target;
        req.crossCampaign = false;
        auto trained = trainModel(ws.value(), req);
        ASSERT_TRUE(trained.ok()) << trained.error().message.toStdString();
        ids.push_back(trained->modelId);
    }

    CampaignSpec base;
    base.name = "scorer check";
    base.type = CampaignType::Coupon;
    base.startTs = 1767261600;   // 2026-01-01 10:00 UTC
    base.coupon.percentOff = 15;
    base.coupon.minSpend = 199;
    base.coupon.validityDays = 7;
    base.controlShare = 0.1;
    auto session = PreviewSession::open(ws.value(), base);
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

    for (qint64 id : ids) {
        auto model = loadModel(ws.value(), id);
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

} // namespace
