// Features, RFM, churn, segments, rules, profiles and lookalikes on real
// and generated data, checked against independent computations.
#include "demo/demo_writer.h"
#include "features/feature_builder.h"
#include "features/feature_store.h"
#include "features/imputer.h"
#include "import/importer.h"
#include "profile/user_profile.h"
#include "segments/lookalike_search.h"
#include "segments/rule_query.h"
#include "segments/segment_map.h"
#include "segments/segment_store.h"
#include "segments/segmentation.h"
#include "sql/statement.h"
#include "workspace/workspace.h"

#include "test_support.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

#include <set>

using namespace cwb::model;
using cwb::test::TempDir;

namespace {

// One Online Retail workspace for the whole suite (importing takes a second).
class OnlineRetail : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        file_ = cwb::test::sharedData(QStringLiteral("online_retail/online_retail.csv.gz"));
        if (!file_) return;
        dir_ = new TempDir;
        auto ws = Workspace::create(dir_->path(QStringLiteral("retail.cwb")));
        ASSERT_TRUE(ws.ok());
        ws_ = new Workspace(std::move(ws).value());
        ImportOptions o;
        o.preset = QStringLiteral("online-retail");
        ASSERT_TRUE(importFile(*ws_, *file_, o).ok());
        auto built = buildFeatures(*ws_);
        ASSERT_TRUE(built.ok());
        report_ = new FeatureBuildReport(built.value());
    }
    static void TearDownTestSuite()
    {
        delete report_;
        delete ws_;
        delete dir_;
        report_ = nullptr;
        ws_ = nullptr;
        dir_ = nullptr;
    }
    void SetUp() override
    {
        if (!file_) GTEST_SKIP() << "real data not found in " << cwb::test::sharedDataRoot().toStdString();
    }
    Database& db() { return ws_->db(); }

    static inline std::optional<QString> file_;
    static inline TempDir* dir_ = nullptr;
    static inline Workspace* ws_ = nullptr;
    static inline FeatureBuildReport* report_ = nullptr;
};

} // namespace

TEST_F(OnlineRetail, FeaturesEqualAnIndependentComputationToTheCent)
{
    EXPECT_EQ(report_->users, 4372);
    EXPECT_EQ(report_->asOf, 1323475200);   // 2011-12-10T00:00:00Z, midnight after the last invoice
    // Spend from the order lines (not the orders the features were built from), orders and
    // recency straight from the orders table, for every customer.
    const qint64 mismatches = db().queryInt(
        "WITH lines AS (SELECT o.uid, sum(i.quantity * i.unit_price) AS spend FROM order_items i JOIN orders o USING (order_id) "
        "               WHERE o.uid IS NOT NULL GROUP BY o.uid), "
        "     paid AS (SELECT uid, count(*) AS n, max(ts) AS last FROM orders WHERE status = 'paid' AND uid IS NOT NULL GROUP BY uid) "
        "SELECT count(*) FROM user_features f JOIN lines l USING (uid) LEFT JOIN paid p USING (uid) "
        "WHERE abs(f.monetary - l.spend) > 0.005 OR f.orders <> coalesce(p.n, 0) "
        "   OR coalesce(f.recency_days, -1) <> coalesce(15318 - p.last / 86400, -1)");   // 15318 = 2011-12-10 in days
    EXPECT_EQ(mismatches, 0);
    // Customer 12347 by hand: 7 invoices, 4,310.00, last on 2011-12-07 (3 days before the reference).
    Statement st = db().prepare("SELECT orders, monetary, recency_days, avg_order_value, rfm_r, rfm_f, rfm_m, rfm_group "
                                "FROM user_features JOIN users USING (uid) WHERE user_id = '12347'");
    ASSERT_TRUE(st.step());
    EXPECT_EQ(st.int64(0), 7);
    EXPECT_NEAR(st.real(1), 4310.00, 0.005);
    EXPECT_EQ(st.int64(2), 3);
    EXPECT_NEAR(st.real(3), 4310.00 / 7, 0.005);
    EXPECT_EQ(st.int64(4), 5);
    EXPECT_EQ(st.int64(5), 5);
    EXPECT_EQ(st.int64(6), 5);
    EXPECT_EQ(st.text(7), QStringLiteral("Champions"));
}

TEST_F(OnlineRetail, RfmGroupCounts)
{
    // Computed independently from the raw CSV by tests/reference/rfm_online_retail.py (pandas).
    const QMap<QString, qint64> expected{{QStringLiteral("Champions"), 598},       {QStringLiteral("Loyal"), 829},
                                         {QStringLiteral("Potential Loyalists"), 499}, {QStringLiteral("New"), 31},
                                         {QStringLiteral("Promising"), 87},        {QStringLiteral("Need Attention"), 183},
                                         {QStringLiteral("At Risk"), 584},         {QStringLiteral("Can't Lose Them"), 73},
                                         {QStringLiteral("Hibernating"), 764},     {QStringLiteral("Lost"), 691},
                                         {QStringLiteral("Prospects"), 33}};
    EXPECT_EQ(report_->rfmGroups, expected);
}

TEST_F(OnlineRetail, RfmMatchesThePandasReferenceRunNow)
{
    if (!cwb::test::pythonHas({QStringLiteral("pandas"), QStringLiteral("numpy")})) GTEST_SKIP() << "python3-pandas is not installed";
    QString error;
    const auto out = cwb::test::runPython({cwb::test::referenceScript(QStringLiteral("rfm_online_retail.py")), *file_}, &error);
    ASSERT_TRUE(out) << error.toStdString();
    const QJsonObject ref = QJsonDocument::fromJson(*out).object();
    const QJsonObject groups = ref[QStringLiteral("groups")].toObject();
    for (auto it = report_->rfmGroups.begin(); it != report_->rfmGroups.end(); ++it)
        EXPECT_EQ(groups[it.key()].toInteger(), it.value()) << it.key().toStdString();
    const QJsonObject sample = ref[QStringLiteral("sample")].toObject();
    for (const QString& customer : sample.keys()) {
        const QJsonObject c = sample[customer].toObject();
        Statement st = db().prepare("SELECT orders, monetary, rfm_group FROM user_features JOIN users USING (uid) WHERE user_id = ?");
        st.bind(1, customer);
        ASSERT_TRUE(st.step()) << customer.toStdString();
        EXPECT_EQ(st.int64(0), c[QStringLiteral("orders")].toInteger());
        EXPECT_NEAR(st.real(1), c[QStringLiteral("monetary")].toDouble(), 0.005);
        EXPECT_EQ(st.text(2), c[QStringLiteral("group")].toString());
    }
}

TEST_F(OnlineRetail, ChurnRiskIsLearnedWithATimeSplit)
{
    const ChurnSummary& c = report_->churn;
    ASSERT_TRUE(c.trained) << c.reason.toStdString();
    EXPECT_EQ(c.cutoff, report_->asOf - 90 * 86400);
    EXPECT_GT(c.auc, 0.70);   // 0.768 when written
    EXPECT_LT(c.auc, 0.95);
    // Customers who ordered before the cut-off, labelled by reordering in the 90 days after.
    EXPECT_EQ(c.trainRows + c.testRows,
              db().queryInt("SELECT count(DISTINCT uid) FROM orders WHERE status = 'paid' AND uid IS NOT NULL AND ts < 1315699200"));
    EXPECT_EQ(c.scored, db().queryInt("SELECT count(*) FROM user_features WHERE orders > 0"));
    EXPECT_EQ(db().queryInt("SELECT count(*) FROM user_features WHERE churn_risk < 0 OR churn_risk > 100"), 0);
    EXPECT_EQ(db().queryInt("SELECT count(*) FROM models WHERE kind = 'churn'"), 1);
    // Recent, frequent customers are at lower risk than lapsed ones.
    EXPECT_LT(db().queryInt("SELECT avg(churn_risk) FROM user_features WHERE rfm_group = 'Champions'"),
              db().queryInt("SELECT avg(churn_risk) FROM user_features WHERE rfm_group = 'Lost'"));
}

TEST_F(OnlineRetail, RfmSegmentsAreSavedWithTheirMembers)
{
    SegmentationRequest r;
    r.method = SegmentMethod::Rfm;
    auto result = runSegmentation(*ws_, r);
    ASSERT_TRUE(result.ok()) << result.error().toString().toStdString();
    EXPECT_EQ(result->segments.size(), 11);
    qint64 total = 0;
    for (const SegmentSummary& s : result->segments) {
        total += s.size;
        EXPECT_FALSE(s.description.isEmpty());
        EXPECT_EQ(static_cast<qint64>(segmentMembers(db(), s.id).size()), s.size);
    }
    EXPECT_EQ(total, 4372);
    EXPECT_EQ(findSegment(db(), QStringLiteral("RFM: Champions"))->size, 598);
}

TEST_F(OnlineRetail, RulesSelectWhatSqlSelects)
{
    auto uids = evaluateRule(db(), QStringLiteral("recency_days > 90 AND (monetary >= 500 OR rfm_group IN ('champions', 'LOYAL'))"));
    ASSERT_TRUE(uids.ok()) << uids.error().message.toStdString();
    EXPECT_EQ(static_cast<qint64>(uids->size()),
              db().queryInt("SELECT count(*) FROM user_features WHERE recency_days > 90 AND (monetary >= 500 OR rfm_group IN ('Champions', 'Loyal'))"));
    EXPECT_GT(uids->size(), 100u);
    auto byCountry = evaluateRule(db(), QStringLiteral("region = 'iceland' OR region IN ('Bahrain')"));
    ASSERT_TRUE(byCountry.ok());
    EXPECT_EQ(static_cast<qint64>(byCountry->size()), db().queryInt("SELECT count(*) FROM users WHERE region IN ('Iceland', 'Bahrain')"));
    auto notIn = evaluateRule(db(), QStringLiteral("NOT region = 'United Kingdom' AND orders BETWEEN 2 AND 5"));
    ASSERT_TRUE(notIn.ok());
    EXPECT_EQ(static_cast<qint64>(notIn->size()),
              db().queryInt("SELECT count(*) FROM users JOIN user_features USING (uid) WHERE region <> 'United Kingdom' AND orders BETWEEN 2 AND 5"));
}

TEST_F(OnlineRetail, RuleErrorsAndInjection)
{
    const qint64 users = db().queryInt("SELECT count(*) FROM users");
    auto bad = evaluateRule(db(), QStringLiteral("recency > 90"));
    ASSERT_FALSE(bad.ok());
    EXPECT_EQ(bad.error().column, 1);
    EXPECT_TRUE(bad.error().message.contains(QStringLiteral("unknown field \"recency\"")));
    auto type = evaluateRule(db(), QStringLiteral("orders > 'many'"));
    ASSERT_FALSE(type.ok());
    EXPECT_TRUE(type.error().message.contains(QStringLiteral("orders is a number")));
    auto syntax = evaluateRule(db(), QStringLiteral("orders >= 2 AND AND monetary > 1"));
    ASSERT_FALSE(syntax.ok());
    EXPECT_EQ(syntax.error().column, 17);
    // Quotes, semicolons and SQL in a value are only text to compare with.
    auto injected = evaluateRule(db(), QStringLiteral("region = 'x'' OR 1=1; DROP TABLE users; --'"));
    ASSERT_TRUE(injected.ok());
    EXPECT_TRUE(injected->empty());
    auto injected2 = evaluateRule(db(), QStringLiteral("region = 'United Kingdom'' OR ''1''=''1'"));
    ASSERT_TRUE(injected2.ok());
    EXPECT_TRUE(injected2->empty());
    EXPECT_EQ(db().queryInt("SELECT count(*) FROM users"), users);
}

TEST_F(OnlineRetail, ProfileOfAKnownCustomer)
{
    auto p = loadUserProfile(*ws_, QStringLiteral("12347"));
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p->region, QStringLiteral("Iceland"));
    EXPECT_EQ(p->rfmGroup, QStringLiteral("Champions"));
    EXPECT_EQ(p->rfmR, 5);
    EXPECT_EQ(p->features.value(QStringLiteral("orders")).toInt(), 7);
    ASSERT_TRUE(p->churnRisk.has_value());
    EXPECT_EQ(p->churnBand, QStringLiteral("Low"));
    ASSERT_EQ(p->timeline.size(), 26);
    qint64 orders = 0;
    for (const WeekActivity& w : p->timeline) orders += w.orders;
    // Invoices of 12347 in the 26 weeks before 2011-12-10 (weeks start on Mondays, from 2011-06-13).
    EXPECT_EQ(orders, db().queryInt("SELECT count(*) FROM orders o JOIN users u USING (uid) WHERE u.user_id = '12347' AND o.ts >= 1307923200"));
    EXPECT_FALSE(loadUserProfile(*ws_, QStringLiteral("no-such-user")).ok());
}

namespace {

// The features segmentation uses, prepared as it prepares them (imputed, log-scaled, z-scores).
Eigen::MatrixXd segmentationMatrix(const LoadedFeatures& loaded)
{
    const cwb::engine::FeatureTable imputed = cwb::engine::Imputer::fit(loaded.table).transform(loaded.table);
    const Eigen::MatrixXd logged = cwb::engine::logScaled(imputed);
    return cwb::engine::Scaler::fit(logged, cwb::engine::Scaling::ZScore).transform(logged);
}

// A matrix as CSV without a header, every digit kept, for scikit-learn.
void writeMatrixCsv(const Eigen::MatrixXd& x, const QString& path)
{
    QByteArray csv;
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
        for (Eigen::Index j = 0; j < x.cols(); ++j) {
            if (j) csv += ',';
            csv += QByteArray::number(x(i, j), 'g', 17);
        }
        csv += '\n';
    }
    cwb::test::writeFile(path, csv);
}

// A demo workspace shared by the tests below.
class Demo : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        dir_ = new TempDir;
        auto ws = Workspace::create(dir_->path(QStringLiteral("demo.cwb")));
        ASSERT_TRUE(ws.ok());
        ws_ = new Workspace(std::move(ws).value());
        DemoOptions o;
        o.users = 8000;
        o.seed = 7;
        ASSERT_TRUE(writeDemoData(*ws_, o).ok());
        auto built = buildFeatures(*ws_);
        ASSERT_TRUE(built.ok());
        report_ = new FeatureBuildReport(built.value());
    }
    static void TearDownTestSuite()
    {
        delete report_;
        delete ws_;
        delete dir_;
    }
    Database& db() { return ws_->db(); }
    static inline TempDir* dir_ = nullptr;
    static inline Workspace* ws_ = nullptr;
    static inline FeatureBuildReport* report_ = nullptr;
};

} // namespace

TEST_F(Demo, BehaviourFeaturesEqualACountFromTheEvents)
{
    // Sessions counted here from the raw events and orders, one user at a time,
    // without window functions: a new session after a gap of over 30 minutes.
    Statement st = db().prepare("SELECT uid, ts, kind FROM (SELECT uid, ts, type AS kind FROM events "
                                "UNION ALL SELECT uid, ts, 'order' FROM orders WHERE uid IS NOT NULL) ORDER BY uid, ts");
    std::map<qint64, std::array<qint64, 4>> counted;   // sessions, views, carts, active days
    qint64 lastUid = -1, lastTs = 0, lastDay = -1;
    while (st.step()) {
        const qint64 uid = st.int64(0), ts = st.int64(1);
        auto& c = counted[uid];
        if (uid != lastUid || ts - lastTs > 1800) ++c[0];
        if (st.text(2) == QLatin1String("view")) ++c[1];
        if (st.text(2) == QLatin1String("cart")) ++c[2];
        if (uid != lastUid || ts / 86400 != lastDay) ++c[3];
        lastUid = uid;
        lastTs = ts;
        lastDay = ts / 86400;
    }
    Statement f = db().prepare("SELECT uid, sessions, views, carts, active_days FROM user_features");
    qint64 checked = 0;
    while (f.step()) {
        const auto it = counted.find(f.int64(0));
        const std::array<qint64, 4> c = it == counted.end() ? std::array<qint64, 4>{0, 0, 0, 0} : it->second;
        ASSERT_EQ(f.int64(1), c[0]) << "uid " << f.int64(0);
        ASSERT_EQ(f.int64(2), c[1]);
        ASSERT_EQ(f.int64(3), c[2]);
        ASSERT_EQ(f.int64(4), c[3]);
        ++checked;
    }
    EXPECT_EQ(checked, 8000);
    // Category views add up to the views.
    EXPECT_EQ(db().queryInt("SELECT sum(views) FROM user_category_stats"), db().queryInt("SELECT sum(views) FROM user_features"));
    EXPECT_EQ(report_->categories, 12);
}

TEST_F(Demo, FeaturesKnowWhenTheDataChanged)
{
    EXPECT_TRUE(featureState(*ws_).current);
    ws_->db().exec("BEGIN");
    ws_->bumpDataVersion();
    ws_->db().exec("COMMIT");
    EXPECT_FALSE(featureState(*ws_).current);
    bool rebuilt = false;
    ASSERT_EQ(ensureFeatures(*ws_, &rebuilt), std::nullopt);
    EXPECT_TRUE(rebuilt);
    EXPECT_TRUE(featureState(*ws_).current);
}

TEST_F(Demo, KMeansSegmentsAreDeterministicAndDescribed)
{
    SegmentationRequest r;
    r.method = SegmentMethod::KMeans;
    r.k = 5;
    r.name = QStringLiteral("Demo cluster");
    auto a = runSegmentation(*ws_, r);
    ASSERT_TRUE(a.ok()) << a.error().toString().toStdString();
    ASSERT_EQ(a->segments.size(), 5);
    std::vector<std::vector<qint64>> first;
    qint64 total = 0;
    for (const auto& s : a->segments) {
        first.push_back(segmentMembers(db(), s.id));
        total += s.size;
        EXPECT_TRUE(s.description.endsWith(QStringLiteral("of users"))) << s.description.toStdString();
    }
    EXPECT_EQ(total, 8000);
    EXPECT_GE(a->segments[0].size, a->segments[4].size);   // largest first
    auto b = runSegmentation(*ws_, r);   // same name: replaced, same members
    ASSERT_TRUE(b.ok());
    for (int i = 0; i < 5; ++i) EXPECT_EQ(segmentMembers(db(), b->segments[i].id), first[static_cast<std::size_t>(i)]);
    EXPECT_EQ(db().queryInt("SELECT count(*) FROM segments WHERE name LIKE 'Demo cluster %'"), 5);
}

TEST_F(Demo, AutoKPrintsItsScores)
{
    SegmentationRequest r;
    r.method = SegmentMethod::KMeans;
    r.autoK = true;
    r.kMin = 2;
    r.kMax = 5;
    r.nInit = 2;
    r.silhouetteSample = 1500;
    r.save = false;
    auto res = runSegmentation(*ws_, r);
    ASSERT_TRUE(res.ok());
    ASSERT_EQ(res->kScores.size(), 4);
    double best = -2;
    for (const auto& s : res->kScores) best = std::max(best, s.silhouette);
    for (const auto& s : res->kScores) {
        if (s.k == res->chosenK) {
            EXPECT_EQ(s.silhouette, best);
        }
    }
}

TEST_F(Demo, KMeansInertiaAgreesWithScikitLearn)
{
    if (!cwb::test::pythonHas({QStringLiteral("sklearn"), QStringLiteral("numpy")})) GTEST_SKIP() << "python3-sklearn is not installed";
    // The features k-means uses, prepared as it prepares them, written for scikit-learn.
    auto loaded = loadFeatures(db(), defaultSegmentationFeatures(db()));
    ASSERT_TRUE(loaded.ok());
    const Eigen::MatrixXd x = segmentationMatrix(loaded.value());
    TempDir tmp;
    writeMatrixCsv(x, tmp.path(QStringLiteral("x.csv")));
    for (int k : {4, 8}) {
        cwb::engine::KMeansParams p;
        p.k = k;
        p.nInit = 10;
        p.maxIter = 300;
        const double ours = cwb::engine::kmeansFit(x, p).inertia;
        QString error;
        const auto out = cwb::test::runPython({cwb::test::referenceScript(QStringLiteral("kmeans_sklearn.py")), tmp.path(QStringLiteral("x.csv")),
                                               QString::number(k), QStringLiteral("10"), QStringLiteral("300")}, &error);
        ASSERT_TRUE(out) << error.toStdString();
        const double theirs = QJsonDocument::fromJson(*out).object()[QStringLiteral("inertia")].toDouble();
        // Within 0.5 % of scikit-learn's, or lower (a better local optimum from the same seed budget).
        EXPECT_LE(ours / theirs, 1.005) << "k = " << k << ": ours " << ours << ", scikit-learn " << theirs;
        EXPECT_GE(ours / theirs, 0.95) << "k = " << k << ": ours " << ours << ", scikit-learn " << theirs;
    }
}

TEST_F(Demo, LookalikesExcludeTheSeedAndCanBeSaved)
{
    auto uids = evaluateRule(db(), QStringLiteral("member_tier = 'platinum'"));
    ASSERT_TRUE(uids.ok());
    ASSERT_TRUE(saveSegments(db(), {NewSegment{QStringLiteral("Platinum"), QStringLiteral("rule"), {}, uids.value()}}).ok());
    LookalikeRequest r;
    r.seedSegment = QStringLiteral("Platinum");
    r.top = 200;
    r.saveAs = QStringLiteral("Like platinum");
    auto res = findLookalikeUsers(*ws_, r);
    ASSERT_TRUE(res.ok()) << res.error().message.toStdString();
    ASSERT_EQ(res->users.size(), 200);
    const std::set<qint64> seed(uids->begin(), uids->end());
    for (const auto& u : res->users) EXPECT_FALSE(seed.count(u.uid));
    for (qsizetype i = 1; i < res->users.size(); ++i) EXPECT_GE(res->users[i - 1].similarity, res->users[i].similarity);
    EXPECT_EQ(findSegment(db(), QStringLiteral("Like platinum"))->size, 200);
    // Lookalikes of platinum members are more often gold or platinum than the rest.
    const double goldShareAll = double(db().queryInt("SELECT count(*) FROM users WHERE member_tier = 'gold'")) /
                                double(db().queryInt("SELECT count(*) FROM users WHERE member_tier <> 'platinum'"));
    qint64 gold = 0;
    for (const auto& u : res->users) {
        Statement st = db().prepare("SELECT member_tier FROM users WHERE uid = ?");
        st.bind(1, u.uid);
        st.step();
        gold += st.text(0) == QLatin1String("gold");
    }
    EXPECT_GT(double(gold) / 200.0, 2 * goldShareAll);
    r.seedSegment = QStringLiteral("nope");
    EXPECT_FALSE(findLookalikeUsers(*ws_, r).ok());
}

// Lookalikes of one user (the profile page's): the same as of a segment holding only them.
TEST_F(Demo, LookalikesOfOneUserAreThoseOfTheirOneMemberSegment)
{
    const QString userId = db().queryText("SELECT user_id FROM users ORDER BY uid LIMIT 1 OFFSET 17");
    const qint64 uid = db().queryInt("SELECT uid FROM users ORDER BY uid LIMIT 1 OFFSET 17");
    ASSERT_TRUE(saveSegments(db(), {NewSegment{QStringLiteral("Just one"), QStringLiteral("imported"), {}, {uid}}}).ok());
    LookalikeRequest byUser, bySegment;
    byUser.seedUser = userId;
    byUser.top = 50;
    bySegment.seedSegment = QStringLiteral("Just one");
    bySegment.top = 50;
    auto a = findLookalikeUsers(*ws_, byUser), b = findLookalikeUsers(*ws_, bySegment);
    ASSERT_TRUE(a.ok()) << a.error().message.toStdString();
    ASSERT_TRUE(b.ok());
    EXPECT_EQ(a->seedSize, 1);
    EXPECT_EQ(a->seedSegment, userId);
    ASSERT_EQ(a->users.size(), 50);
    for (qsizetype i = 0; i < a->users.size(); ++i) {
        EXPECT_NE(a->users[i].uid, uid);
        EXPECT_EQ(a->users[i].uid, b->users[i].uid);
        EXPECT_DOUBLE_EQ(a->users[i].similarity, b->users[i].similarity);
    }
    byUser.seedUser = QStringLiteral("no-such-user");
    auto missing = findLookalikeUsers(*ws_, byUser);
    ASSERT_FALSE(missing.ok());
    EXPECT_TRUE(missing.error().message.contains(QStringLiteral("no-such-user")));
}

TEST(Features, TooLittleHistoryForChurnIsSaid)
{
    TempDir dir;
    auto ws = Workspace::create(dir.path(QStringLiteral("small.cwb")));
    ASSERT_TRUE(ws.ok());
    ws->db().exec("INSERT INTO users (uid, user_id) VALUES (1, 'a'), (2, 'b')");
    ws->db().exec("INSERT INTO orders (order_id, uid, ts, amount) VALUES ('o1', 1, 1700000000, 10), ('o2', 1, 1700086400, 20)");
    auto r = buildFeatures(ws.value());
    ASSERT_TRUE(r.ok());
    EXPECT_FALSE(r->churn.trained);
    EXPECT_TRUE(r->churn.reason.contains(QStringLiteral("180 days")));
    EXPECT_EQ(r->rfmGroups.value(QStringLiteral("Prospects")), 1);
    EXPECT_EQ(ws->db().queryInt("SELECT orders FROM user_features WHERE uid = 1"), 2);
    EXPECT_EQ(ws->db().queryInt("SELECT recency_days FROM user_features WHERE uid = 1"), 1);   // last order the day before the reference
}

// The map of customers: its axes are scikit-learn's first two principal
// components of the same scaled features (variance shares to 1e-9, every
// customer's coordinates to 1e-6 up to each axis's sign), and each point is
// labelled with the first chosen segment the customer is in.
TEST_F(Demo, SegmentMapIsScikitLearnsPcaLabelledBySegment)
{
    if (!cwb::test::pythonHas({QStringLiteral("sklearn"), QStringLiteral("numpy")})) GTEST_SKIP() << "python3-sklearn is not installed";
    auto loaded = loadFeatures(db(), defaultSegmentationFeatures(db()));
    ASSERT_TRUE(loaded.ok());
    const Eigen::MatrixXd x = segmentationMatrix(loaded.value());
    TempDir tmp;
    writeMatrixCsv(x, tmp.path(QStringLiteral("x.csv")));
    QString error;
    const auto out = cwb::test::runPython({cwb::test::referenceScript(QStringLiteral("pca_sklearn.py")), tmp.path(QStringLiteral("x.csv")), QStringLiteral("2")}, &error);
    ASSERT_TRUE(out) << error.toStdString();
    const QJsonObject theirs = QJsonDocument::fromJson(*out).object();

    auto young = evaluateRule(db(), QStringLiteral("age < 30"));
    auto spenders = evaluateRule(db(), QStringLiteral("monetary >= 500"));
    ASSERT_TRUE(young.ok() && spenders.ok());
    ASSERT_TRUE(saveSegments(db(), {NewSegment{QStringLiteral("Map young"), QStringLiteral("rule"), {}, young.value()},
                                    NewSegment{QStringLiteral("Map spenders"), QStringLiteral("rule"), {}, spenders.value()}})
                    .ok());
    SegmentMapRequest req;
    req.segments = {QStringLiteral("Map spenders"), QStringLiteral("Map young")};
    req.sample = x.rows();   // everyone, in uid order
    auto map = segmentMap(*ws_, req);
    ASSERT_TRUE(map.ok()) << map.error().message.toStdString();
    ASSERT_EQ(map->x.size(), static_cast<std::size_t>(x.rows()));
    EXPECT_EQ(map->population, x.rows());
    const QJsonArray ratio = theirs[QStringLiteral("explained_variance_ratio")].toArray();
    EXPECT_NEAR(map->axes[0].varianceShare, ratio[0].toDouble(), 1e-9);
    EXPECT_NEAR(map->axes[1].varianceShare, ratio[1].toDouble(), 1e-9);
    EXPECT_EQ(map->axes[0].leading.size(), 3);
    const QJsonArray projection = theirs[QStringLiteral("projection")].toArray();
    ASSERT_EQ(projection.size(), x.rows());
    for (int axis = 0; axis < 2; ++axis) {
        const std::vector<double>& ours = axis == 0 ? map->x : map->y;
        // The sign of a component is a convention: take it from the customer farthest out.
        std::size_t far = 0;
        for (std::size_t i = 1; i < ours.size(); ++i)
            if (std::abs(ours[i]) > std::abs(ours[far])) far = i;
        const double sign = (ours[far] >= 0) == (projection[qsizetype(far)].toArray()[axis].toDouble() >= 0) ? 1.0 : -1.0;
        double worst = 0;
        for (std::size_t i = 0; i < ours.size(); ++i)
            worst = std::max(worst, std::abs(ours[i] - sign * projection[qsizetype(i)].toArray()[axis].toDouble()));
        EXPECT_LT(worst, 1e-6) << "axis " << axis;
    }
    const std::set<qint64> young_(young->begin(), young->end()), spenders_(spenders->begin(), spenders->end());
    for (std::size_t i = 0; i < map->segment.size(); ++i) {
        const qint64 uid = loaded->table.ids[i];
        const int want = spenders_.count(uid) ? 0 : young_.count(uid) ? 1 : -1;
        ASSERT_EQ(map->segment[i], want) << "uid " << uid;
    }
    EXPECT_FALSE(deleteSegment(db(), QStringLiteral("Map young")));
    EXPECT_FALSE(deleteSegment(db(), QStringLiteral("Map spenders")));
}
