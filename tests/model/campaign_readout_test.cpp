// Campaign read-outs: a hand-worked three-arm test (every rate, mean and
// profit per user worked out on paper), the errors for campaigns without
// results, and the real Hillstrom test, whose arms' visit, conversion and
// spend differences and intervals must equal an independent computation
// from the CSV (Python's csv module and scipy.stats, run now).
#include "campaigns/campaign_readout.h"
#include "sql/statement.h"
#include "workspace/workspace.h"

#include "test_support.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

using namespace cwb::model;
using cwb::test::TempDir;

namespace {

// Control: u1 visits and buys for 100, u2 has no response row, u3 only visits.
// Arm "30 off" (listed first in the spec): u7 redeems 30 off a 200 order (pays 170), u8 buys for 50
// without the coupon. Arm "10% off": u4 redeems on a 100 order (pays 90), u5 visits, u6 no row.
// Margin 0.4, contact cost 0.5.
void writeHandWorkedTest(Database& db)
{
    db.exec("INSERT INTO users (uid, user_id) VALUES (1,'u1'),(2,'u2'),(3,'u3'),(4,'u4'),(5,'u5'),(6,'u6'),(7,'u7'),(8,'u8'),(9,'u9')");
    db.exec(R"(INSERT INTO campaigns (campaign_id, name, type, spec, status, created_at) VALUES (1, 'Depth test', 'coupon',
              '{"offer": {"percent_off": 10}, "gross_margin": 0.4, "cost_per_contact": 0.5,
                "arms": [{"name": "30 off", "offer": {"amount_off": 30}}, {"name": "10% off", "offer": {"percent_off": 10}}]}',
              'completed', 0))");
    db.exec("INSERT INTO exposures (campaign_id, uid, grp, variant) VALUES (1,1,'control',NULL),(1,2,'control',NULL),(1,3,'control',NULL),"
            "(1,4,'treatment','10% off'),(1,5,'treatment','10% off'),(1,6,'treatment','10% off'),(1,7,'treatment','30 off'),(1,8,'treatment','30 off')");
    db.exec("INSERT INTO responses (campaign_id, uid, visited, redeemed, converted, revenue) VALUES "
            "(1,1,1,0,1,100),(1,3,1,0,0,NULL),(1,4,1,1,1,90),(1,5,1,0,0,0),(1,7,1,1,1,170),(1,8,1,0,1,50)");
}

double sampleSd(std::initializer_list<double> xs)
{
    const double mean = std::accumulate(xs.begin(), xs.end(), 0.0) / double(xs.size());
    double ss = 0;
    for (double x : xs) ss += (x - mean) * (x - mean);
    return std::sqrt(ss / double(xs.size() - 1));
}

} // namespace

TEST(CampaignReadout, HandWorkedThreeArmTest)
{
    TempDir dir;
    auto ws = Workspace::create(dir.path(QStringLiteral("t.cwb")));
    ASSERT_TRUE(ws.ok());
    writeHandWorkedTest(ws->db());
    // A churn model (same table, another purpose) is not an uptake model to check.
    ws->db().exec("INSERT INTO models (kind, target, trained_at) VALUES ('churn', 'no_order_90_days', 0)");
    ReadoutOptions o;
    o.level = 0.9;
    auto r = readCampaign(ws.value(), 1, o);
    ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
    EXPECT_EQ(r->grossMargin, 0.4);
    EXPECT_EQ(r->costPerContact, 0.5);
    EXPECT_TRUE(r->hasVisited && r->hasRedeemed && r->hasRevenue);
    EXPECT_FALSE(r->model.has_value());   // no model trained
    EXPECT_TRUE(r->notes.isEmpty()) << r->notes.join(QStringLiteral("; ")).toStdString();

    ASSERT_EQ(r->arms.size(), 4);
    const ArmReadout &control = r->arms[0], &thirty = r->arms[1], &ten = r->arms[2], &pooled = r->arms[3];
    EXPECT_TRUE(control.control);
    EXPECT_EQ(thirty.name, QStringLiteral("30 off"));   // the spec's order, not the alphabet's
    EXPECT_EQ(ten.name, QStringLiteral("10% off"));
    EXPECT_TRUE(pooled.pooled);

    EXPECT_EQ(control.users(), 3);
    EXPECT_EQ(control.visited.successes, 2);
    EXPECT_EQ(control.converted.successes, 1);
    EXPECT_EQ(control.redeemed.successes, 0);
    EXPECT_NEAR(control.revenue.mean, 100.0 / 3, 1e-12);
    EXPECT_NEAR(control.profit.mean, 40.0 / 3, 1e-12);               // 0.4 x 100, 0, 0
    EXPECT_NEAR(control.profit.sd, sampleSd({40, 0, 0}), 1e-12);

    EXPECT_EQ(ten.users(), 3);
    EXPECT_EQ(ten.redeemed.successes, 1);
    EXPECT_NEAR(ten.revenue.mean, 30.0, 1e-12);
    // u4: 0.4 x (90 + 10) - 10 - 0.5 = 29.5; u5 and u6: -0.5.
    EXPECT_NEAR(ten.profit.mean, 28.5 / 3, 1e-12);
    EXPECT_NEAR(ten.profit.sd, sampleSd({29.5, -0.5, -0.5}), 1e-12);

    EXPECT_EQ(thirty.users(), 2);
    EXPECT_EQ(thirty.converted.successes, 2);
    EXPECT_EQ(thirty.redeemed.successes, 1);
    // u7: 0.4 x (170 + 30) - 30 - 0.5 = 49.5; u8: 0.4 x 50 - 0.5 = 19.5.
    EXPECT_NEAR(thirty.profit.mean, 34.5, 1e-12);

    EXPECT_EQ(pooled.users(), 5);
    EXPECT_NEAR(pooled.profit.mean, 97.5 / 5, 1e-12);

    // Differences against the control.
    ASSERT_FALSE(control.versusControl.has_value());
    ASSERT_TRUE(thirty.versusControl.has_value());
    EXPECT_NEAR(thirty.versusControl->converted.value, 1.0 - 1.0 / 3, 1e-12);
    EXPECT_NEAR(thirty.versusControl->profit.value, 34.5 - 40.0 / 3, 1e-12);
    EXPECT_NEAR(ten.versusControl->converted.value, 0.0, 1e-12);
    EXPECT_NEAR(ten.versusControl->converted.pValue, 1.0, 1e-12);
    EXPECT_NEAR(ten.versusControl->revenue.value, 30.0 - 100.0 / 3, 1e-12);
    EXPECT_LT(ten.versusControl->revenue.interval.low, ten.versusControl->revenue.value);
    EXPECT_GT(ten.versusControl->revenue.interval.high, ten.versusControl->revenue.value);

    // Thompson sampling over the two arms (not the control or the pool).
    EXPECT_EQ(control.thompsonShare, -1);
    EXPECT_EQ(pooled.thompsonShare, -1);
    EXPECT_NEAR(thirty.thompsonShare + ten.thompsonShare, 1.0, 1e-12);
    EXPECT_GT(thirty.thompsonShare, ten.thompsonShare);   // more profit per user
    auto again = readCampaign(ws.value(), 1, o);
    EXPECT_EQ(again->arms[1].thompsonShare, thirty.thompsonShare);   // seeded

    // Options override the spec's economics.
    o.grossMargin = 0.5;
    o.costPerContact = 0;
    auto other = readCampaign(ws.value(), 1, o);
    EXPECT_NEAR(other->arms[0].profit.mean, 50.0 / 3, 1e-12);
    EXPECT_NEAR(other->arms[1].profit.mean, (0.5 * 200 - 30 + 0.5 * 50) / 2, 1e-12);

    const QJsonObject json = readoutToJson(r.value());
    EXPECT_EQ(json.value(QStringLiteral("arms")).toArray().size(), 4);
    EXPECT_EQ(json.value(QStringLiteral("next_wave")).toObject().value(QStringLiteral("metric")).toString(), QStringLiteral("profit"));
}

TEST(CampaignReadout, CampaignsWithoutResultsSayWhatToImport)
{
    TempDir dir;
    auto ws = Workspace::create(dir.path(QStringLiteral("t.cwb")));
    ASSERT_TRUE(ws.ok());
    writeHandWorkedTest(ws->db());
    ws->db().exec("INSERT INTO campaigns (campaign_id, name, type, created_at) VALUES (2, 'Draft', 'coupon', 0), (3, 'Sent', 'coupon', 0)");
    ws->db().exec("INSERT INTO exposures (campaign_id, uid, grp) VALUES (3, 9, 'treatment')");
    auto none = readCampaign(ws.value(), 2);
    ASSERT_FALSE(none.ok());
    EXPECT_TRUE(none.error().message.contains(QStringLiteral("--table exposures"))) << none.error().message.toStdString();
    auto noResponses = readCampaign(ws.value(), 3);
    ASSERT_FALSE(noResponses.ok());
    EXPECT_TRUE(noResponses.error().message.contains(QStringLiteral("--table responses"))) << noResponses.error().message.toStdString();
    EXPECT_FALSE(readCampaign(ws.value(), 99).ok());
    ReadoutOptions bad;
    bad.grossMargin = 1.5;
    EXPECT_FALSE(readCampaign(ws.value(), 1, bad).ok());
}

TEST(CampaignReadout, HillstromArmsMatchAnIndependentComputation)
{
    const auto file = cwb::test::sharedData(QStringLiteral("hillstrom/hillstrom.csv"));
    if (!file) GTEST_SKIP() << "real data not found in " << cwb::test::sharedDataRoot().toStdString();
    if (!cwb::test::pythonHas({QStringLiteral("scipy")})) GTEST_SKIP() << "python3-scipy is not installed";
    TempDir dir;
    const auto ws = cwb::test::importedWorkspace(dir, *file, QStringLiteral("hillstrom"));
    ASSERT_TRUE(ws);
    const qint64 id = ws->db().queryInt("SELECT campaign_id FROM campaigns");
    ReadoutOptions o;
    o.level = 0.9;
    o.useModel = false;
    auto r = readCampaign(*ws, id, o);
    ASSERT_TRUE(r.ok()) << r.error().message.toStdString();
    EXPECT_FALSE(r->hasRedeemed);   // the data has no coupons

    // The reference, straight from the CSV: rates and means per arm, each e-mail arm against
    // No E-Mail with the unpooled Wald interval and pooled z test for rates, and Welch's test
    // (scipy.stats.ttest_ind, equal_var=False) with Welch-Satterthwaite interval for spend.
    const QString script = QStringLiteral(R"(
import csv, json, math, sys
from scipy import stats
arms = {}
with open(sys.argv[1], newline='') as f:
    for row in csv.DictReader(f):
        a = arms.setdefault(row['segment'], {'visit': [], 'conversion': [], 'spend': []})
        for k in a: a[k].append(float(row[k]))
z = stats.norm.ppf(0.95)
out = {}
c = arms['No E-Mail']
for name, a in arms.items():
    o = {'users': len(a['visit'])}
    for k in ('visit', 'conversion'):
        o[k] = sum(a[k]) / len(a[k])
    o['spend'] = sum(a['spend']) / len(a['spend'])
    if name != 'No E-Mail':
        for k in ('visit', 'conversion'):
            x1, n1, x0, n0 = sum(a[k]), len(a[k]), sum(c[k]), len(c[k])
            p1, p0 = x1 / n1, x0 / n0
            se = math.sqrt(p1 * (1 - p1) / n1 + p0 * (1 - p0) / n0)
            pp = (x1 + x0) / (n1 + n0)
            zs = (p1 - p0) / math.sqrt(pp * (1 - pp) * (1 / n1 + 1 / n0))
            o[k + '_diff'] = [p1 - p0, p1 - p0 - z * se, p1 - p0 + z * se, 2 * stats.norm.sf(abs(zs))]
        t = stats.ttest_ind(a['spend'], c['spend'], equal_var=False)
        v1 = stats.tvar(a['spend']) / len(a['spend']); v0 = stats.tvar(c['spend']) / len(c['spend'])
        df = (v1 + v0) ** 2 / (v1 ** 2 / (len(a['spend']) - 1) + v0 ** 2 / (len(c['spend']) - 1))
        d = o['spend'] - sum(c['spend']) / len(c['spend'])
        q = stats.t.ppf(0.95, df) * math.sqrt(v1 + v0)
        o['spend_diff'] = [d, d - q, d + q, t.pvalue, t.statistic, df]
    out[name] = o
print(json.dumps(out))
)");
    QString error;
    const auto printed = cwb::test::runPython({QStringLiteral("-c"), script, *file}, &error);
    ASSERT_TRUE(printed.has_value()) << error.toStdString();
    const QJsonObject ref = QJsonDocument::fromJson(*printed).object();
    ASSERT_EQ(ref.size(), 3);

    auto near = [](double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max(1.0, std::fabs(b)); };
    int checked = 0;
    for (const ArmReadout& a : r->arms) {
        if (a.pooled) continue;
        const QJsonObject e = ref.value(a.name).toObject();
        ASSERT_FALSE(e.isEmpty()) << a.name.toStdString();
        EXPECT_EQ(a.users(), e.value(QStringLiteral("users")).toInteger());
        EXPECT_TRUE(near(a.visited.rate, e.value(QStringLiteral("visit")).toDouble())) << a.name.toStdString();
        EXPECT_TRUE(near(a.converted.rate, e.value(QStringLiteral("conversion")).toDouble())) << a.name.toStdString();
        EXPECT_TRUE(near(a.revenue.mean, e.value(QStringLiteral("spend")).toDouble())) << a.name.toStdString();
        if (a.control) continue;
        ASSERT_TRUE(a.versusControl.has_value());
        auto same = [&](const cwb::engine::Difference& d, const char* key) {
            const QJsonArray x = e.value(QString::fromLatin1(key)).toArray();
            EXPECT_TRUE(near(d.value, x[0].toDouble())) << a.name.toStdString() << " " << key << " " << d.value << " vs " << x[0].toDouble();
            EXPECT_TRUE(near(d.interval.low, x[1].toDouble())) << a.name.toStdString() << " " << key;
            EXPECT_TRUE(near(d.interval.high, x[2].toDouble())) << a.name.toStdString() << " " << key;
            EXPECT_NEAR(d.pValue, x[3].toDouble(), 1e-9 + 1e-6 * x[3].toDouble()) << a.name.toStdString() << " " << key;
        };
        same(a.versusControl->visited, "visit_diff");
        same(a.versusControl->converted, "conversion_diff");
        same(a.versusControl->revenue, "spend_diff");
        const QJsonArray s = e.value(QStringLiteral("spend_diff")).toArray();
        EXPECT_TRUE(near(a.versusControl->revenue.statistic, s[4].toDouble()));
        EXPECT_TRUE(near(a.versusControl->revenue.degreesOfFreedom, s[5].toDouble()));
        ++checked;
    }
    EXPECT_EQ(checked, 2);
    // pandas: visits by segment, Womens E-Mail 3238 of 21387 against No E-Mail 2262 of 21306.
    for (const ArmReadout& a : r->arms)
        if (a.name == QStringLiteral("Womens E-Mail")) {
            EXPECT_NEAR(a.versusControl->visited.value, 3238.0 / 21387 - 2262.0 / 21306, 1e-15);
        }
}
