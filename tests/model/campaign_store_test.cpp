// Campaign specs as JSON and in the workspace: parsing with located errors,
// the round trip, the history format of past campaigns, creating drafts
// against the workspace's segments, and deleting without losing history.
#include "campaigns/campaign_json.h"
#include "campaigns/campaign_store.h"
#include "demo/demo_writer.h"
#include "segments/segment_store.h"
#include "sql/statement.h"
#include "workspace/workspace.h"

#include "test_support.h"

#include <QJsonDocument>
#include <gtest/gtest.h>

using namespace cwb::model;
using cwb::engine::CampaignSpec;
using cwb::engine::CampaignType;
using cwb::test::TempDir;

namespace {

const char* kCoupon = R"({
  "name": "Autumn 20% off over 199", "type": "coupon", "start": "2026-09-01T10:00:00+08:00",
  "coupon": {"percent_off": 20, "min_spend": 199, "validity_days": 5, "per_user_limit": 2, "total_quantity": 5000},
  "target": {"include": ["Big spenders"], "exclude": ["Opted out"]},
  "control_share": 0.15, "channel": "push", "cost_per_contact": 0.02, "budget": 20000, "gross_margin": 0.35,
  "basket": {"source": "given", "value": 180}
})";

} // namespace

TEST(CampaignJson, ReadsEveryFieldAndRoundTrips)
{
    auto s = parseCampaignSpec(kCoupon);
    ASSERT_TRUE(s.ok()) << s.error().toString().toStdString();
    EXPECT_EQ(s->name, "Autumn 20% off over 199");
    EXPECT_EQ(s->type, CampaignType::Coupon);
    EXPECT_EQ(s->startTs, 1788228000);   // 10:00 in UTC+8 is 02:00 UTC
    EXPECT_EQ(s->coupon.percentOff, 20);
    EXPECT_EQ(s->coupon.minSpend, 199);
    EXPECT_EQ(s->coupon.validityDays, 5);
    EXPECT_EQ(s->coupon.perUserLimit, 2);
    EXPECT_EQ(s->coupon.totalQuantity, 5000);
    EXPECT_EQ(s->includeSegments, std::vector<std::string>{"Big spenders"});
    EXPECT_EQ(s->excludeSegments, std::vector<std::string>{"Opted out"});
    EXPECT_EQ(s->controlShare, 0.15);
    EXPECT_EQ(s->channel, "push");
    EXPECT_EQ(s->costPerContact, 0.02);
    EXPECT_EQ(s->budget, 20000);
    EXPECT_EQ(s->grossMargin, 0.35);
    EXPECT_EQ(s->basketSource, cwb::engine::BasketSource::Given);
    EXPECT_EQ(s->givenBasket, 180);

    auto again = campaignSpecFromJson(campaignSpecToJson(s.value()));
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(campaignSpecToJson(again.value()), campaignSpecToJson(s.value()));
}

TEST(CampaignJson, ErrorsSayWhereAndWhat)
{
    auto syntax = parseCampaignSpec("{\"name\": \"x\",\n  \"type\": coupon}", QStringLiteral("spec.json"));
    ASSERT_FALSE(syntax.ok());
    EXPECT_EQ(syntax.error().file, QStringLiteral("spec.json"));
    EXPECT_EQ(syntax.error().line, 2);
    EXPECT_EQ(syntax.error().column, 11);

    auto misspelt = parseCampaignSpec(R"({"name": "x", "type": "coupon", "start": "2026-09-01T10:00:00Z", "coupon": {"percent_of": 20}})");
    ASSERT_FALSE(misspelt.ok());
    EXPECT_TRUE(misspelt.error().message.contains(QStringLiteral("coupon.percent_of: unknown field (did you mean \"percent_off\"?)")))
        << misspelt.error().message.toStdString();

    auto wrongType = parseCampaignSpec(R"({"name": "x", "type": "coupon", "start": "2026-09-01T10:00:00Z", "coupon": {"percent_off": "20%"}})");
    ASSERT_FALSE(wrongType.ok());
    EXPECT_TRUE(wrongType.error().message.startsWith(QStringLiteral("coupon.percent_off: expected a number, got \"20%\"")));

    auto wrongBlock = parseCampaignSpec(R"({"name": "x", "type": "coupon", "start": "2026-09-01T10:00:00Z", "flash_sale": {"percent_off": 20}})");
    ASSERT_FALSE(wrongBlock.ok());
    EXPECT_TRUE(wrongBlock.error().message.contains(QStringLiteral("its terms go in \"coupon\"")));

    auto noStart = parseCampaignSpec(R"({"name": "x", "type": "coupon", "coupon": {"percent_off": 20}})");
    ASSERT_FALSE(noStart.ok());
    EXPECT_TRUE(noStart.error().message.startsWith(QStringLiteral("start: missing")));

    auto badType = parseCampaignSpec(R"({"name": "x", "type": "lottery", "start": "2026-09-01T10:00:00Z"})");
    ASSERT_FALSE(badType.ok());
    EXPECT_TRUE(badType.error().message.contains(QStringLiteral("\"lottery\" is not a campaign type")));

    // Found by fuzz_campaign_spec: a whole number too big for its field was converted regardless (undefined).
    auto huge = parseCampaignSpec(
        R"({"name": "x", "type": "coupon", "start": "2026-09-01T10:00:00Z", "coupon": {"percent_off": 20, "validity_days": 7555555555551}})");
    ASSERT_FALSE(huge.ok());
    EXPECT_TRUE(huge.error().message.startsWith(QStringLiteral("coupon.validity_days: 7555555555551 is out of range (-2147483648 to 2147483647)")))
        << huge.error().message.toStdString();
}

TEST(CampaignJson, ValidationMessagesNameTheFieldAndTheFix)
{
    auto s = parseCampaignSpec(R"({"name": "x", "type": "coupon", "start": "2026-09-01T10:00:00Z",
                                   "coupon": {"amount_off": 50, "min_spend": 30}, "control_share": 0})");
    ASSERT_TRUE(s.ok());
    const QStringList problems = describeIssues(cwb::engine::validate(s.value()));
    ASSERT_EQ(problems.size(), 2);
    EXPECT_EQ(problems[0], QStringLiteral("coupon.min_spend: the minimum spend (30) must be above the amount off (50), or the coupon pays for whole orders"));
    EXPECT_TRUE(problems[1].startsWith(QStringLiteral("control_share: a control share of 0 leaves nobody to measure")));
}

class Campaigns : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        dir_ = new TempDir;
        auto ws = Workspace::create(dir_->path(QStringLiteral("demo.cwb")));
        ASSERT_TRUE(ws.ok());
        ws_ = new Workspace(std::move(ws).value());
        DemoOptions o;
        o.users = 2000;
        o.seed = 3;
        ASSERT_TRUE(writeDemoData(*ws_, o).ok());
        // Two overlapping segments: uids 1..300 and 201..400.
        std::vector<qint64> a, b;
        for (qint64 u = 1; u <= 300; ++u) a.push_back(u);
        for (qint64 u = 201; u <= 400; ++u) b.push_back(u);
        ASSERT_TRUE(saveSegments(ws_->db(), {NewSegment{QStringLiteral("Big spenders"), QStringLiteral("rule"), {}, a},
                                             NewSegment{QStringLiteral("Opted out"), QStringLiteral("rule"), {}, b}})
                        .ok());
    }
    static void TearDownTestSuite()
    {
        delete ws_;
        delete dir_;
    }
    Database& db() { return ws_->db(); }
    static inline TempDir* dir_ = nullptr;
    static inline Workspace* ws_ = nullptr;
};

TEST_F(Campaigns, PastCampaignsReadInTheHistoryFormat)
{
    EXPECT_GE(listCampaigns(db()).size(), 11);
    auto october = findCampaign(db(), QStringLiteral("October 20% off over 99"));
    ASSERT_TRUE(october.ok());
    EXPECT_EQ(october->status, QStringLiteral("completed"));
    EXPECT_EQ(october->treated + october->control, db().queryInt("SELECT count(*) FROM exposures WHERE campaign_id = 3"));
    auto spec = campaignSpecFromJson(october->spec);
    ASSERT_TRUE(spec.ok()) << spec.error().message.toStdString();
    EXPECT_EQ(spec->type, CampaignType::Coupon);
    EXPECT_EQ(spec->coupon.percentOff, 20);
    EXPECT_EQ(spec->coupon.minSpend, 99);
    EXPECT_EQ(spec->coupon.validityDays, 7);
    auto flash = campaignSpecFromJson(findCampaign(db(), QStringLiteral("4"))->spec);
    ASSERT_TRUE(flash.ok());
    EXPECT_EQ(flash->type, CampaignType::FlashSale);
    EXPECT_EQ(flash->flashSale.percentOff, 40);
    EXPECT_EQ(flash->flashSale.durationHours, 4);
    EXPECT_EQ(flash->flashSale.categories.size(), 2u);
}

TEST_F(Campaigns, CreateChecksTheWorkspaceAndSavesADraft)
{
    auto s = parseCampaignSpec(kCoupon);
    ASSERT_TRUE(s.ok());
    auto target = targetUsers(db(), s.value());
    ASSERT_TRUE(target.ok());
    EXPECT_EQ(target->size(), 200u);   // 1..300 minus 201..400
    EXPECT_EQ(target->front(), 1);
    EXPECT_EQ(target->back(), 200);

    const qsizetype before = listCampaigns(db()).size();
    auto id = createCampaign(db(), s.value());
    ASSERT_TRUE(id.ok()) << id.error().message.toStdString();
    EXPECT_EQ(id->targetUsers, 200);
    auto saved = findCampaign(db(), QString::number(id->id));
    ASSERT_TRUE(saved.ok());
    EXPECT_EQ(saved->status, QStringLiteral("draft"));
    EXPECT_EQ(saved->type, QStringLiteral("coupon"));
    EXPECT_EQ(saved->startTs, 1788228000);
    EXPECT_EQ(saved->endTs, 1788228000 + 5 * 86400);
    EXPECT_EQ(campaignSpecToJson(campaignSpecFromJson(saved->spec).value()), campaignSpecToJson(s.value()));

    // The same name again, an unknown segment and an empty target: all reported together.
    CampaignSpec bad = s.value();
    bad.includeSegments = {"Opted out"};
    bad.excludeSegments = {"Big spenders", "Nobody"};
    auto refused = createCampaign(db(), bad);
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("already exists"))) << refused.error().message.toStdString();
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("no segment called \"Nobody\"")));
    bad.name = "Another";
    bad.excludeSegments = {"Big spenders"};
    bad.includeSegments = {"Big spenders", "Opted out"};
    bad.excludeSegments = {"Big spenders", "Opted out"};
    refused = createCampaign(db(), bad);
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("both included and excluded")));
    bad.includeSegments = {"Opted out"};
    bad.excludeSegments = {"Opted out "};   // a different name: "Opted out " does not exist
    EXPECT_FALSE(createCampaign(db(), bad).ok());
    EXPECT_EQ(listCampaigns(db()).size(), before + 1);   // the refused ones left nothing behind
}

TEST_F(Campaigns, UpdateSavesNewTermsOfADraftOnly)
{
    auto s = parseCampaignSpec(kCoupon);
    ASSERT_TRUE(s.ok());
    s->name = "To be edited";   // the suite's workspace is shared: a name of this test's own
    auto id = createCampaign(db(), s.value());
    ASSERT_TRUE(id.ok()) << id.error().message.toStdString();

    CampaignSpec changed = s.value();
    changed.name = "Renamed";
    changed.coupon.percentOff = 25;
    changed.startTs += 86400;
    auto saved = updateCampaign(db(), id->id, changed);
    ASSERT_TRUE(saved.ok()) << saved.error().message.toStdString();
    EXPECT_EQ(saved->targetUsers, 200);
    auto back = findCampaign(db(), QString::number(id->id));
    ASSERT_TRUE(back.ok());
    EXPECT_EQ(back->name, QStringLiteral("Renamed"));
    EXPECT_EQ(back->startTs, 1788228000 + 86400);
    EXPECT_EQ(back->endTs, 1788228000 + 86400 + 5 * 86400);
    EXPECT_EQ(campaignSpecToJson(campaignSpecFromJson(back->spec).value()), campaignSpecToJson(changed));
    // Its own name is free to keep.
    EXPECT_TRUE(updateCampaign(db(), id->id, changed).ok());

    // Another campaign's name, and an invalid discount: both reported, nothing saved.
    const QString otherName = listCampaigns(db()).front().name;
    CampaignSpec bad = changed;
    bad.name = otherName.toStdString();
    bad.coupon.percentOff = 120;
    auto refused = updateCampaign(db(), id->id, bad);
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("2 problems"))) << refused.error().message.toStdString();
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("already exists")));
    EXPECT_EQ(checkCampaignSpec(db(), bad, id->id).size(), 2);
    EXPECT_EQ(findCampaign(db(), QString::number(id->id))->name, QStringLiteral("Renamed"));

    // A campaign that ran keeps its terms.
    auto ran = findCampaign(db(), QStringLiteral("11"));
    ASSERT_TRUE(ran.ok());
    CampaignSpec other = changed;
    other.name = "Rewritten history";
    refused = updateCampaign(db(), 11, other);
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("Duplicate it")));
    EXPECT_EQ(findCampaign(db(), QStringLiteral("11"))->spec, ran->spec);

    EXPECT_EQ(freeCampaignName(db(), QStringLiteral("Not taken")), QStringLiteral("Not taken"));
    EXPECT_EQ(freeCampaignName(db(), QStringLiteral("Renamed")), QStringLiteral("Renamed (2)"));
}

TEST_F(Campaigns, DeletingPastCampaignsNeedsSayingSo)
{
    const qint64 before = db().queryInt("SELECT count(*) FROM exposures");
    const qint64 version = ws_->dataVersion();
    auto refused = deleteCampaign(db(), 11, false);
    ASSERT_TRUE(refused.has_value());
    EXPECT_TRUE(refused->message.contains(QStringLiteral("--with-history")));
    EXPECT_EQ(db().queryInt("SELECT count(*) FROM exposures"), before);

    const qint64 exposures11 = db().queryInt("SELECT count(*) FROM exposures WHERE campaign_id = 11");
    ASSERT_GT(exposures11, 0);
    EXPECT_FALSE(deleteCampaign(db(), 11, true).has_value());
    EXPECT_EQ(db().queryInt("SELECT count(*) FROM exposures"), before - exposures11);
    EXPECT_EQ(db().queryInt("SELECT count(*) FROM responses WHERE campaign_id = 11"), 0);
    EXPECT_GT(ws_->dataVersion(), version);   // models trained on it are now stale
    EXPECT_TRUE(deleteCampaign(db(), 999, false).has_value());
}
