// End-to-end: runs the cwb executable as a user would and checks exit
// codes, stdout/stderr and the workspace afterwards.
#include "sql/statement.h"
#include "workspace/workspace.h"

#include "cli_run.h"
#include "test_support.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <algorithm>

#include <gtest/gtest.h>

using cwb::test::TempDir;

using cwb::test::CliRun;
using cwb::test::json;
using cwb::test::runCwb;

TEST(Cli, UsageErrorsExitWithTwo)
{
    EXPECT_EQ(runCwb({}).code, 2);
    const CliRun unknown = runCwb({QStringLiteral("frobnicate")});
    EXPECT_EQ(unknown.code, 2);
    EXPECT_TRUE(unknown.err.contains(QStringLiteral("unknown command")));
    EXPECT_EQ(runCwb({QStringLiteral("import"), QStringLiteral("x.cwb")}).code, 2);
    const CliRun badOption = runCwb({QStringLiteral("stats"), QStringLiteral("x.cwb"), QStringLiteral("--bogus")});
    EXPECT_EQ(badOption.code, 2);
    EXPECT_TRUE(badOption.err.contains(QStringLiteral("unknown option --bogus")));
    EXPECT_EQ(runCwb({QStringLiteral("demo"), QStringLiteral("x.cwb"), QStringLiteral("--users"), QStringLiteral("lots")}).code, 2);
}

TEST(Cli, EveryCommandHasHelp)
{
    const CliRun overview = runCwb({QStringLiteral("--help")});
    EXPECT_EQ(overview.code, 0);
    for (const char* c : {"init", "demo", "import", "stats", "features", "segment", "segments", "profile", "lookalike", "train", "evaluate", "models", "campaign", "preview", "optimize", "readout", "report"}) {
        EXPECT_TRUE(overview.out.contains(QString::fromLatin1(c)));
        const CliRun h = runCwb({QString::fromLatin1(c), QStringLiteral("--help")});
        EXPECT_EQ(h.code, 0) << c;
        EXPECT_TRUE(h.out.startsWith(QStringLiteral("usage: cwb ") + QString::fromLatin1(c))) << h.out.toStdString();
        EXPECT_TRUE(h.out.contains(QStringLiteral("exit codes")));
    }
}

TEST(Cli, InitDemoStats)
{
    TempDir dir;
    const QString ws = dir.path(QStringLiteral("shop.cwb"));
    EXPECT_EQ(runCwb({QStringLiteral("init"), ws}).code, 0);
    const CliRun again = runCwb({QStringLiteral("init"), ws});
    EXPECT_EQ(again.code, 1);
    EXPECT_TRUE(again.err.contains(QStringLiteral("already exists")));

    const QString demo = dir.path(QStringLiteral("demo.cwb"));
    const CliRun d = runCwb({QStringLiteral("demo"), demo, QStringLiteral("--users"), QStringLiteral("1500"), QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--json")});
    ASSERT_EQ(d.code, 0) << d.err.toStdString();
    EXPECT_EQ(json(d)[QStringLiteral("rows")].toObject()[QStringLiteral("users")].toInt(), 1500);
    const CliRun s = runCwb({QStringLiteral("stats"), demo, QStringLiteral("--json")});
    ASSERT_EQ(s.code, 0);
    const QJsonObject stats = json(s);
    EXPECT_EQ(stats[QStringLiteral("schema_version")].toInt(), 4);
    const QJsonObject tables = stats[QStringLiteral("tables")].toObject();
    EXPECT_EQ(tables[QStringLiteral("users")].toInt(), 1500);
    EXPECT_EQ(tables[QStringLiteral("campaigns")].toInt(), 12);
    EXPECT_GT(tables[QStringLiteral("events")].toInt(), 1500 * 8);
    EXPECT_TRUE(s.err.isEmpty()) << s.err.toStdString();
    // A human-readable form too.
    const CliRun human = runCwb({QStringLiteral("stats"), demo});
    EXPECT_TRUE(human.out.contains(QStringLiteral("1,500")));
    // The demo does not overwrite an existing workspace.
    EXPECT_EQ(runCwb({QStringLiteral("demo"), demo}).code, 1);
}

TEST(Cli, ImportReportsRejectsAndKeepsGoing)
{
    TempDir dir;
    const QString ws = dir.path(QStringLiteral("shop.cwb"));
    ASSERT_EQ(runCwb({QStringLiteral("init"), ws}).code, 0);
    const QString file = dir.path(QStringLiteral("users.csv"));
    cwb::test::writeFile(file, "客户编号,年龄,性别\nc1,30,女\nc2,abc,男\nc1,31,女\n");
    const CliRun r = runCwb({QStringLiteral("import"), ws, QStringLiteral("--table"), QStringLiteral("users"), file, QStringLiteral("--json")});
    ASSERT_EQ(r.code, 0) << r.err.toStdString();
    const QJsonObject report = json(r);
    EXPECT_EQ(report[QStringLiteral("outcome")].toString(), QStringLiteral("imported"));
    EXPECT_EQ(report[QStringLiteral("rows_imported")].toInt(), 2);
    EXPECT_EQ(report[QStringLiteral("rows_rejected")].toInt(), 1);
    EXPECT_EQ(report[QStringLiteral("values_cleared")].toInt(), 1);
    const QString rejects = report[QStringLiteral("rejects_file")].toString();
    EXPECT_TRUE(QFileInfo::exists(rejects));
    EXPECT_TRUE(QString::fromUtf8(cwb::test::readFile(rejects)).contains(QStringLiteral("line 4: the same user_id as line 2")));

    // Importing the same file again is refused with a message and exit code 1.
    const CliRun again = runCwb({QStringLiteral("import"), ws, QStringLiteral("--table"), QStringLiteral("users"), file});
    EXPECT_EQ(again.code, 1);
    EXPECT_TRUE(again.err.contains(QStringLiteral("already imported")));
}

TEST(Cli, FatalErrorsNameFileLineAndColumn)
{
    TempDir dir;
    const QString ws = dir.path(QStringLiteral("shop.cwb"));
    ASSERT_EQ(runCwb({QStringLiteral("init"), ws}).code, 0);
    const QString file = dir.path(QStringLiteral("broken.csv"));
    cwb::test::writeFile(file, "user_id,age\nu1,30\nu2,\"31\nu3,32\n");
    const CliRun r = runCwb({QStringLiteral("import"), ws, QStringLiteral("--table"), QStringLiteral("users"), file});
    EXPECT_EQ(r.code, 1);
    EXPECT_TRUE(r.out.isEmpty());
    EXPECT_TRUE(r.err.startsWith(QStringLiteral("cwb: ") + file + QStringLiteral(":3:2: a quoted field opened in column 2 is never closed")))
        << r.err.toStdString();
    auto w = cwb::model::Workspace::open(ws);
    ASSERT_TRUE(w.ok());
    EXPECT_EQ(w->db().queryInt("SELECT count(*) FROM users"), 0);

    const CliRun missing = runCwb({QStringLiteral("import"), ws, QStringLiteral("--table"), QStringLiteral("users"), dir.path(QStringLiteral("nope.csv"))});
    EXPECT_EQ(missing.code, 1);
    EXPECT_TRUE(missing.err.contains(QStringLiteral("nope.csv: no such file")));
    const CliRun badWs = runCwb({QStringLiteral("stats"), file});
    EXPECT_EQ(badWs.code, 1);
    EXPECT_TRUE(badWs.err.contains(QStringLiteral("not an SQLite database")));
}

TEST(Cli, PresetsOnTheRealData)
{
    const auto hillstrom = cwb::test::sharedData(QStringLiteral("hillstrom/hillstrom.csv"));
    const auto retail = cwb::test::sharedData(QStringLiteral("online_retail/online_retail.csv.gz"));
    if (!hillstrom || !retail) GTEST_SKIP() << "real data not found in " << cwb::test::sharedDataRoot().toStdString();
    TempDir dir;
    const QString ws = dir.path(QStringLiteral("real.cwb"));
    ASSERT_EQ(runCwb({QStringLiteral("init"), ws}).code, 0);
    const CliRun h = runCwb({QStringLiteral("import"), ws, QStringLiteral("--preset"), QStringLiteral("hillstrom"), *hillstrom, QStringLiteral("--json")});
    ASSERT_EQ(h.code, 0) << h.err.toStdString();
    EXPECT_EQ(json(h)[QStringLiteral("inserted")].toObject()[QStringLiteral("exposures")].toInt(), 64000);
    const CliRun o = runCwb({QStringLiteral("import"), ws, QStringLiteral("--preset"), QStringLiteral("online-retail"), *retail});
    ASSERT_EQ(o.code, 0) << o.err.toStdString();
    EXPECT_TRUE(o.out.contains(QStringLiteral("541,909 records")));
    EXPECT_TRUE(o.out.contains(QStringLiteral("1,336  stock adjustment")));
    const CliRun s = runCwb({QStringLiteral("stats"), ws, QStringLiteral("--json")});
    const QJsonObject tables = json(s)[QStringLiteral("tables")].toObject();
    EXPECT_EQ(tables[QStringLiteral("users")].toInt(), 64000 + 4372);
    EXPECT_EQ(tables[QStringLiteral("orders")].toInt(), 24561);
}

TEST(Cli, SegmentsProfilesAndLookalikesOnTheDemo)
{
    TempDir dir;
    const QString ws = dir.path(QStringLiteral("demo.cwb"));
    ASSERT_EQ(runCwb({QStringLiteral("demo"), ws, QStringLiteral("--users"), QStringLiteral("3000")}).code, 0);
    // Segmenting builds the features first, by itself.
    const CliRun rfm = runCwb({QStringLiteral("segment"), ws, QStringLiteral("--method"), QStringLiteral("rfm"), QStringLiteral("--json")});
    ASSERT_EQ(rfm.code, 0) << rfm.err.toStdString();
    const QJsonObject r = json(rfm);
    EXPECT_TRUE(r[QStringLiteral("features_rebuilt")].toBool());
    qint64 total = 0;
    for (const auto& s : r[QStringLiteral("segments")].toArray()) total += s.toObject()[QStringLiteral("size")].toInteger();
    EXPECT_EQ(total, 3000);

    const CliRun km = runCwb({QStringLiteral("segment"), ws, QStringLiteral("--method"), QStringLiteral("kmeans"), QStringLiteral("--auto-k"),
                              QStringLiteral("--k-range"), QStringLiteral("2-4"), QStringLiteral("--sample"), QStringLiteral("800")});
    ASSERT_EQ(km.code, 0) << km.err.toStdString();
    EXPECT_TRUE(km.out.contains(QStringLiteral("<- chosen")));
    EXPECT_TRUE(km.out.contains(QStringLiteral("% of users")));

    const CliRun rule = runCwb({QStringLiteral("segment"), ws, QStringLiteral("--method"), QStringLiteral("rule"), QStringLiteral("--rule"),
                                QStringLiteral("orders >= 1 AND member_tier IN ('gold', 'platinum')"), QStringLiteral("--name"), QStringLiteral("Valued")});
    ASSERT_EQ(rule.code, 0) << rule.err.toStdString();
    const CliRun badRule = runCwb({QStringLiteral("segment"), ws, QStringLiteral("--method"), QStringLiteral("rule"), QStringLiteral("--rule"),
                                   QStringLiteral("orders >= AND x")});
    EXPECT_EQ(badRule.code, 1);
    EXPECT_TRUE(badRule.err.contains(QStringLiteral("rule, column 11")));

    const CliRun list = runCwb({QStringLiteral("segments"), ws, QStringLiteral("--json")});
    bool found = false;
    for (const auto& s : json(list)[QStringLiteral("segments")].toArray()) found = found || s.toObject()[QStringLiteral("name")].toString() == QStringLiteral("Valued");
    EXPECT_TRUE(found);

    const CliRun prof = runCwb({QStringLiteral("profile"), ws, QStringLiteral("U0000007"), QStringLiteral("--json")});
    ASSERT_EQ(prof.code, 0) << prof.err.toStdString();
    const QJsonObject p = json(prof);
    EXPECT_EQ(p[QStringLiteral("user_id")].toString(), QStringLiteral("U0000007"));
    EXPECT_EQ(p[QStringLiteral("timeline")].toArray().size(), 26);
    EXPECT_FALSE(p[QStringLiteral("rfm")].toObject()[QStringLiteral("group")].toString().isEmpty());
    EXPECT_EQ(runCwb({QStringLiteral("profile"), ws, QStringLiteral("nobody")}).code, 1);

    const CliRun look = runCwb({QStringLiteral("lookalike"), ws, QStringLiteral("--segment"), QStringLiteral("Valued"), QStringLiteral("--top"),
                                QStringLiteral("25"), QStringLiteral("--mode"), QStringLiteral("knn"), QStringLiteral("--json")});
    ASSERT_EQ(look.code, 0) << look.err.toStdString();
    EXPECT_EQ(json(look)[QStringLiteral("users")].toArray().size(), 25);
    EXPECT_EQ(runCwb({QStringLiteral("lookalike"), ws, QStringLiteral("--segment"), QStringLiteral("Valued"), QStringLiteral("--mode"), QStringLiteral("nearest")}).code, 2);
}

TEST(Cli, SegmentsRenameDeleteAndExportSafeForSpreadsheets)
{
    TempDir dir;
    const QString ws = dir.path(QStringLiteral("shop.cwb"));
    const QString users = dir.path(QStringLiteral("users.csv"));
    // Shop ids that a spreadsheet would run as formulas.
    cwb::test::writeFile(users, "user_id,member_tier\n=HYPERLINK(\"http://x\"),gold\n+86123,gold\n-5,silver\n@SUM(A1),gold\nplain,gold\n");
    ASSERT_EQ(runCwb({QStringLiteral("init"), ws}).code, 0);
    ASSERT_EQ(runCwb({QStringLiteral("import"), ws, QStringLiteral("--table"), QStringLiteral("users"), users}).code, 0);
    const CliRun rule = runCwb({QStringLiteral("segment"), ws, QStringLiteral("--method"), QStringLiteral("rule"), QStringLiteral("--rule"),
                                QStringLiteral("member_tier = 'gold'"), QStringLiteral("--name"), QStringLiteral("金卡会员")});
    ASSERT_EQ(rule.code, 0) << rule.err.toStdString();

    const QString csv = dir.path(QStringLiteral("gold.csv"));
    const CliRun exported = runCwb({QStringLiteral("segments"), ws, QStringLiteral("--export"), QStringLiteral("金卡会员"), QStringLiteral("-o"), csv});
    ASSERT_EQ(exported.code, 0) << exported.err.toStdString();
    EXPECT_TRUE(exported.out.contains(QStringLiteral("wrote 4 members")));
    QFile f(csv);
    ASSERT_TRUE(f.open(QIODevice::ReadOnly));
    const QByteArray bytes = f.readAll();
    ASSERT_TRUE(bytes.startsWith("\xEF\xBB\xBF"));
    const QList<QByteArray> lines = bytes.mid(3).trimmed().split('\n');
    ASSERT_EQ(lines.size(), 5);
    EXPECT_TRUE(lines[0].startsWith("user_id,rfm_group,"));
    QList<QByteArray> ids;
    for (qsizetype i = 1; i < lines.size(); ++i) ids << lines[i].left(lines[i].indexOf(",Prospects"));
    EXPECT_EQ(ids, (QList<QByteArray>{"\"'=HYPERLINK(\"\"http://x\"\")\"", "'+86123", "'@SUM(A1)", "plain"}));

    EXPECT_EQ(runCwb({QStringLiteral("segments"), ws, QStringLiteral("--export"), QStringLiteral("nope"), QStringLiteral("-o"), dir.path(QStringLiteral("x.csv"))}).code, 1);
    EXPECT_FALSE(QFileInfo::exists(dir.path(QStringLiteral("x.csv"))));
    EXPECT_EQ(runCwb({QStringLiteral("segments"), ws, QStringLiteral("--export"), QStringLiteral("金卡会员")}).code, 2);   // no -o

    ASSERT_EQ(runCwb({QStringLiteral("segments"), ws, QStringLiteral("--rename"), QStringLiteral("金卡会员=Gold")}).code, 0);
    EXPECT_EQ(runCwb({QStringLiteral("segments"), ws, QStringLiteral("--rename"), QStringLiteral("金卡会员=Gold")}).code, 1);
    const CliRun gone = runCwb({QStringLiteral("segments"), ws, QStringLiteral("--delete"), QStringLiteral("Gold")});
    ASSERT_EQ(gone.code, 0) << gone.err.toStdString();
    EXPECT_EQ(runCwb({QStringLiteral("segments"), ws, QStringLiteral("--delete"), QStringLiteral("Gold")}).code, 1);
    auto w = cwb::model::Workspace::open(ws);
    ASSERT_TRUE(w);
    EXPECT_EQ(w->db().queryInt("SELECT count(*) FROM segments"), 0);
    EXPECT_EQ(w->db().queryInt("SELECT count(*) FROM segment_members"), 0);
}

TEST(Cli, TrainEvaluateAndListModels)
{
    TempDir dir;
    const QString ws = dir.path(QStringLiteral("shop.cwb"));
    ASSERT_EQ(runCwb({QStringLiteral("demo"), ws, QStringLiteral("--users"), QStringLiteral("6000"), QStringLiteral("--seed"), QStringLiteral("4")}).code, 0);

    const CliRun none = runCwb({QStringLiteral("models"), ws});
    EXPECT_EQ(none.code, 0);
    EXPECT_TRUE(none.out.contains(QStringLiteral("no models yet")));
    EXPECT_EQ(runCwb({QStringLiteral("evaluate"), ws}).code, 1);

    // A response model on the default time split: the latest campaign is the test.
    const CliRun response = runCwb({QStringLiteral("train"), ws, QStringLiteral("--target"), QStringLiteral("converted"), QStringLiteral("--name"), QStringLiteral("Response"),
                                    QStringLiteral("--json")});
    ASSERT_EQ(response.code, 0) << response.err.toStdString();
    const QJsonObject r = json(response);
    EXPECT_EQ(r[QStringLiteral("model_id")].toInt(), 1);
    EXPECT_GT(r[QStringLiteral("split")].toObject()[QStringLiteral("test_rows")].toInt(), 0);
    const QJsonObject re = r[QStringLiteral("evaluation")].toObject();
    EXPECT_GT(re[QStringLiteral("auc")].toDouble(), 0.6);
    EXPECT_EQ(re[QStringLiteral("calibration")].toArray().size(), 10);
    EXPECT_FALSE(re[QStringLiteral("importance")].toArray().isEmpty());

    // An uplift model on boosted trees, stratified random split, with a seed: the same twice.
    const QStringList upliftArgs{QStringLiteral("train"), ws, QStringLiteral("--uplift"), QStringLiteral("--model"), QStringLiteral("gbdt"),
                                 QStringLiteral("--target"), QStringLiteral("converted"), QStringLiteral("--split"), QStringLiteral("random"),
                                 QStringLiteral("--seed"), QStringLiteral("9"), QStringLiteral("--json")};
    const CliRun uplift = runCwb(upliftArgs);
    ASSERT_EQ(uplift.code, 0) << uplift.err.toStdString();
    const QJsonObject ue = json(uplift)[QStringLiteral("evaluation")].toObject()[QStringLiteral("uplift")].toObject();
    for (const char* key : {"qini", "auuc", "uplift_at_10", "uplift_at_20", "uplift_at_30", "deciles", "qini_curve"})
        EXPECT_TRUE(ue.contains(QString::fromLatin1(key))) << key;
    EXPECT_EQ(ue[QStringLiteral("deciles")].toArray().size(), 10);
    const CliRun again = runCwb(upliftArgs);
    EXPECT_EQ(json(again)[QStringLiteral("evaluation")].toObject()[QStringLiteral("uplift")].toObject()[QStringLiteral("qini")].toDouble(),
              ue[QStringLiteral("qini")].toDouble());

    // evaluate re-measures a saved model on its test rows, with the figures training gave.
    const CliRun evaluated = runCwb({QStringLiteral("evaluate"), ws, QStringLiteral("--model"), QStringLiteral("1"), QStringLiteral("--json")});
    ASSERT_EQ(evaluated.code, 0) << evaluated.err.toStdString();
    EXPECT_NEAR(json(evaluated)[QStringLiteral("evaluation")].toObject()[QStringLiteral("auc")].toDouble(), re[QStringLiteral("auc")].toDouble(), 1e-9);
    const CliRun text = runCwb({QStringLiteral("evaluate"), ws, QStringLiteral("--model"), QStringLiteral("2")});
    EXPECT_EQ(text.code, 0);
    EXPECT_TRUE(text.out.contains(QStringLiteral("Qini"))) << text.out.toStdString();

    const CliRun list = runCwb({QStringLiteral("models"), ws, QStringLiteral("--json")});
    ASSERT_EQ(list.code, 0);
    EXPECT_EQ(json(list)[QStringLiteral("models")].toArray().size(), 3);

    // New data makes the saved models stale, and the listing says so.
    cwb::test::writeFile(dir.path(QStringLiteral("more.csv")), "user_id,age\nnewcomer,30\n");
    ASSERT_EQ(runCwb({QStringLiteral("import"), ws, dir.path(QStringLiteral("more.csv")), QStringLiteral("--table"), QStringLiteral("users")}).code, 0);
    EXPECT_TRUE(runCwb({QStringLiteral("models"), ws}).out.contains(QStringLiteral("data changed since")));

    EXPECT_EQ(runCwb({QStringLiteral("models"), ws, QStringLiteral("--delete"), QStringLiteral("3")}).code, 0);
    EXPECT_EQ(json(runCwb({QStringLiteral("models"), ws, QStringLiteral("--json")}))[QStringLiteral("models")].toArray().size(), 2);

    // Usage errors exit with 2 and say what is wrong.
    const CliRun badTarget = runCwb({QStringLiteral("train"), ws, QStringLiteral("--target"), QStringLiteral("bought")});
    EXPECT_EQ(badTarget.code, 2);
    EXPECT_TRUE(badTarget.err.contains(QStringLiteral("--target must be")));
    EXPECT_EQ(runCwb({QStringLiteral("evaluate"), ws, QStringLiteral("--model"), QStringLiteral("99")}).code, 1);
}

TEST(Cli, UpliftOnTheRealHillstromData)
{
    const auto file = cwb::test::sharedData(QStringLiteral("hillstrom/hillstrom.csv"));
    if (!file) GTEST_SKIP() << "real data not found in " << cwb::test::sharedDataRoot().toStdString();
    TempDir dir;
    const QString ws = dir.path(QStringLiteral("h.cwb"));
    ASSERT_EQ(runCwb({QStringLiteral("init"), ws}).code, 0);
    ASSERT_EQ(runCwb({QStringLiteral("import"), ws, *file, QStringLiteral("--preset"), QStringLiteral("hillstrom")}).code, 0);
    // One campaign: nothing earlier to train on, so the split is a stratified random one, and the
    // warning says the offer never varied.
    const CliRun plain = runCwb({QStringLiteral("train"), ws, QStringLiteral("--uplift"), QStringLiteral("--target"), QStringLiteral("visited"), QStringLiteral("--no-save")});
    ASSERT_EQ(plain.code, 0) << plain.err.toStdString();
    EXPECT_TRUE(plain.out.contains(QStringLiteral("stratified random split"))) << plain.out.toStdString();
    EXPECT_TRUE(plain.out.contains(QStringLiteral("trained on one campaign"))) << plain.out.toStdString();

    const CliRun t = runCwb({QStringLiteral("train"), ws, QStringLiteral("--uplift"), QStringLiteral("--learner"), QStringLiteral("class-transformation"),
                             QStringLiteral("--target"), QStringLiteral("visited"), QStringLiteral("--arm"), QStringLiteral("Womens E-Mail"),
                             QStringLiteral("--split"), QStringLiteral("random"), QStringLiteral("--test-share"), QStringLiteral("0.5"), QStringLiteral("--json")});
    ASSERT_EQ(t.code, 0) << t.err.toStdString();
    const QJsonObject o = json(t);
    EXPECT_EQ(o[QStringLiteral("rows")].toInt(), 21387 + 21306);
    EXPECT_NEAR(o[QStringLiteral("observed_effect")].toDouble(), 3238.0 / 21387.0 - 2262.0 / 21306.0, 1e-12);
    EXPECT_GT(o[QStringLiteral("evaluation")].toObject()[QStringLiteral("uplift")].toObject()[QStringLiteral("qini")].toDouble(), 0.0);
    const CliRun e = runCwb({QStringLiteral("evaluate"), ws});
    EXPECT_EQ(e.code, 0) << e.err.toStdString();
    EXPECT_TRUE(e.out.contains(QStringLiteral("@30 %"))) << e.out.toStdString();
    EXPECT_TRUE(e.out.contains(QStringLiteral("Womens E-Mail"))) << e.out.toStdString();
}

TEST(Cli, CampaignCreateListShowDelete)
{
    TempDir dir;
    const QString ws = dir.path(QStringLiteral("shop.cwb"));
    ASSERT_EQ(runCwb({QStringLiteral("demo"), ws, QStringLiteral("--users"), QStringLiteral("1500"), QStringLiteral("--seed"), QStringLiteral("2")}).code, 0);
    ASSERT_EQ(runCwb({QStringLiteral("segment"), ws, QStringLiteral("--method"), QStringLiteral("rule"), QStringLiteral("--rule"),
                      QStringLiteral("member_tier = 'gold'"), QStringLiteral("--name"), QStringLiteral("金卡会员")}).code, 0);
    cwb::test::writeFile(dir.path(QStringLiteral("c.json")), R"({"name": "金卡 15% off", "type": "member", "start": "2026-09-01T20:00:00+08:00",
        "member": {"tiers": ["gold"], "percent_off": 15, "duration_days": 3}, "target": {"include": ["金卡会员"]},
        "control_share": 0.1, "channel": "push", "cost_per_contact": 0.01, "gross_margin": 0.4})");
    const CliRun created = runCwb({QStringLiteral("campaign"), ws, QStringLiteral("create"), QStringLiteral("--spec"), dir.path(QStringLiteral("c.json")),
                                   QStringLiteral("--json")});
    ASSERT_EQ(created.code, 0) << created.err.toStdString();
    const QJsonObject c = json(created);
    EXPECT_EQ(c[QStringLiteral("campaign_id")].toInt(), 13);
    cwb::model::Result<cwb::model::Workspace> opened = cwb::model::Workspace::open(ws);
    ASSERT_TRUE(opened.ok());
    EXPECT_EQ(c[QStringLiteral("target_users")].toInt(),
              opened->db().queryInt("SELECT count(*) FROM segment_members m JOIN segments s USING (segment_id) WHERE s.name = '金卡会员'"));

    const CliRun list = runCwb({QStringLiteral("campaign"), ws, QStringLiteral("list")});
    EXPECT_EQ(list.code, 0);
    EXPECT_TRUE(list.out.contains(QStringLiteral("金卡 15% off")));
    EXPECT_TRUE(list.out.contains(QStringLiteral("draft")));
    const CliRun show = runCwb({QStringLiteral("campaign"), ws, QStringLiteral("show"), QStringLiteral("13")});
    EXPECT_EQ(show.code, 0);
    EXPECT_TRUE(show.out.contains(QStringLiteral("member offer: 15 % off for 3 days, for tiers gold"))) << show.out.toStdString();

    // Every problem at once, with the file named; nothing saved.
    cwb::test::writeFile(dir.path(QStringLiteral("bad.json")), R"({"name": "金卡 15% off", "type": "coupon", "start": "2026-09-01T20:00:00Z",
        "coupon": {"percent_off": 120}, "control_share": 0})");
    const CliRun bad = runCwb({QStringLiteral("campaign"), ws, QStringLiteral("create"), QStringLiteral("--spec"), dir.path(QStringLiteral("bad.json"))});
    EXPECT_EQ(bad.code, 1);
    EXPECT_TRUE(bad.err.contains(QStringLiteral("bad.json: the campaign spec has 3 problems:"))) << bad.err.toStdString();
    EXPECT_TRUE(bad.err.contains(QStringLiteral("coupon.percent_off: 120 % is not a discount")));
    EXPECT_TRUE(bad.err.contains(QStringLiteral("already exists")));

    EXPECT_EQ(runCwb({QStringLiteral("campaign"), ws, QStringLiteral("delete"), QStringLiteral("1")}).code, 1);   // history
    EXPECT_EQ(runCwb({QStringLiteral("campaign"), ws, QStringLiteral("delete"), QStringLiteral("金卡 15% off")}).code, 0);
    EXPECT_EQ(json(runCwb({QStringLiteral("campaign"), ws, QStringLiteral("list"), QStringLiteral("--json")}))[QStringLiteral("campaigns")].toArray().size(), 12);
    EXPECT_EQ(runCwb({QStringLiteral("campaign"), ws, QStringLiteral("launch")}).code, 2);
}

TEST(Cli, PreviewAndOptimizeOnTheDemo)
{
    TempDir dir;
    const QString ws = dir.path(QStringLiteral("shop.cwb"));
    ASSERT_EQ(runCwb({QStringLiteral("demo"), ws, QStringLiteral("--users"), QStringLiteral("4000"), QStringLiteral("--seed"), QStringLiteral("5")}).code, 0);
    // No model yet: past campaigns' rates, labelled as such.
    const QString spec = dir.path(QStringLiteral("c.json"));
    cwb::test::writeFile(spec, R"({"name": "15% over 199", "type": "coupon", "start": "2026-07-01T10:00:00Z",
        "coupon": {"percent_off": 15, "min_spend": 199, "validity_days": 7}, "control_share": 0.2,
        "channel": "sms", "cost_per_contact": 0.05, "gross_margin": 0.35})");
    const CliRun history = runCwb({QStringLiteral("preview"), ws, QStringLiteral("--spec"), spec, QStringLiteral("--json")});
    ASSERT_EQ(history.code, 0) << history.err.toStdString();
    const QJsonObject h = json(history);
    EXPECT_EQ(h[QStringLiteral("source")].toObject()[QStringLiteral("kind")].toString(), QStringLiteral("history"));
    const QString noModel = h[QStringLiteral("warnings")].toArray().first().toString();
    EXPECT_TRUE(noModel.startsWith(QStringLiteral("no model of purchases (target converted) is trained: "))) << noModel.toStdString();
    // A model of visits cannot stand in for one of purchases, and the warning says so.
    ASSERT_EQ(runCwb({QStringLiteral("train"), ws, QStringLiteral("--target"), QStringLiteral("visited")}).code, 0);
    const CliRun visitsOnly = runCwb({QStringLiteral("preview"), ws, QStringLiteral("--spec"), spec, QStringLiteral("--json")});
    ASSERT_EQ(visitsOnly.code, 0) << visitsOnly.err.toStdString();
    const QJsonObject v = json(visitsOnly);
    EXPECT_EQ(v[QStringLiteral("source")].toObject()[QStringLiteral("kind")].toString(), QStringLiteral("history"));
    const QString first = v[QStringLiteral("warnings")].toArray().first().toString();
    EXPECT_TRUE(first.startsWith(QStringLiteral("no model of purchases (target converted) is trained; the models there are of visited, "
                                                "which cannot stand in for it: ")))
        << first.toStdString();

    ASSERT_EQ(runCwb({QStringLiteral("train"), ws, QStringLiteral("--uplift"), QStringLiteral("--target"), QStringLiteral("converted")}).code, 0);
    ASSERT_EQ(runCwb({QStringLiteral("train"), ws, QStringLiteral("--target"), QStringLiteral("redeemed")}).code, 0);
    const QString csv = dir.path(QStringLiteral("users.csv"));
    const CliRun run = runCwb({QStringLiteral("preview"), ws, QStringLiteral("--spec"), spec, QStringLiteral("--users-csv"), csv, QStringLiteral("--json")});
    ASSERT_EQ(run.code, 0) << run.err.toStdString();
    const QJsonObject p = json(run);
    EXPECT_EQ(p[QStringLiteral("source")].toObject()[QStringLiteral("kind")].toString(), QStringLiteral("uplift_model"));
    const QJsonObject t = p[QStringLiteral("totals")].toObject();
    EXPECT_EQ(t[QStringLiteral("eligible_users")].toInt(), 4000);
    EXPECT_EQ(t[QStringLiteral("targeted_users")].toInt(), 4000);
    EXPECT_DOUBLE_EQ(t[QStringLiteral("offered_users")].toDouble(), 3200);
    for (const QString& k : t.keys()) {
        if (!t[k].isObject()) continue;
        const QJsonObject e = t[k].toObject();
        EXPECT_LE(e[QStringLiteral("low")].toDouble(), e[QStringLiteral("value")].toDouble()) << k.toStdString();
        EXPECT_GE(e[QStringLiteral("high")].toDouble(), e[QStringLiteral("value")].toDouble()) << k.toStdString();
    }
    // The discount splits exactly into what incremental buyers get and the subsidy.
    auto value = [&](const QJsonObject& o, const char* k) { return o[QLatin1String(k)].toObject()[QStringLiteral("value")].toDouble(); };
    EXPECT_NEAR(value(t, "discount_cost"), value(t, "discount_on_incremental") + value(t, "subsidy"), 1e-6 * value(t, "discount_cost"));
    EXPECT_NEAR(value(t, "total_cost"), value(t, "discount_cost") + value(t, "contact_cost"), 1e-9 * value(t, "total_cost"));
    EXPECT_NEAR(value(t, "contact_cost"), 3200 * 0.05, 1e-9);
    EXPECT_NEAR(value(t, "profit"), 0.35 * value(t, "revenue") - value(t, "total_cost"), 1e-6 * value(t, "revenue"));
    EXPECT_NEAR(value(t, "roi"), (value(t, "revenue") - value(t, "total_cost")) / value(t, "total_cost"), 1e-9);
    // Expected redemptions = the users' uptake from the CSV, thinned by the control share.
    const QStringList lines = QString::fromUtf8(cwb::test::readFile(csv)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 4001);
    EXPECT_TRUE(lines[0].endsWith(QStringLiteral("user_id,rank,targeted,uptake,buy_with_offer,buy_without_offer,uplift,expected_incremental_profit")));
    double uptake = 0;
    for (qsizetype k = 1; k < lines.size(); ++k) uptake += lines[k].split(QLatin1Char(','))[3].toDouble();
    EXPECT_NEAR(value(t, "redemptions"), 0.8 * uptake, 4000 * 5e-7);
    // The JSON's best-ranked users are the CSV's first rows.
    const QJsonArray top = p[QStringLiteral("top_users")].toArray();
    ASSERT_EQ(top.size(), 20);
    for (qsizetype k = 0; k < 3; ++k)
        EXPECT_EQ(top[k].toObject()[QStringLiteral("user_id")].toString(), lines[k + 1].section(QLatin1Char(','), 0, 0)) << k;
    EXPECT_EQ(p[QStringLiteral("curves")].toObject()[QStringLiteral("profit_by_depth")].toArray().size(), 101);
    EXPECT_EQ(p[QStringLiteral("curves")].toObject()[QStringLiteral("roi_by_discount")].toObject()[QStringLiteral("points")].toArray().size(), 20);

    // A budget stops the campaign where the next user would pass it.
    const double budget = 0.4 * value(t, "total_cost");
    cwb::test::writeFile(dir.path(QStringLiteral("b.json")), QStringLiteral(R"({"name": "capped", "type": "coupon", "start": "2026-07-01T10:00:00Z",
        "coupon": {"percent_off": 15, "min_spend": 199, "validity_days": 7}, "control_share": 0.2,
        "channel": "sms", "cost_per_contact": 0.05, "gross_margin": 0.35, "budget": %1})").arg(budget, 0, 'f', 2).toUtf8());
    const CliRun b = runCwb({QStringLiteral("preview"), ws, QStringLiteral("--spec"), dir.path(QStringLiteral("b.json")), QStringLiteral("--json")});
    ASSERT_EQ(b.code, 0) << b.err.toStdString();
    const QJsonObject bj = json(b);
    const QJsonObject limits = bj[QStringLiteral("limits")].toObject();
    EXPECT_EQ(limits[QStringLiteral("stopped_by")].toString(), QStringLiteral("budget"));
    EXPECT_LT(limits[QStringLiteral("reached_users")].toInt(), 4000);
    EXPECT_LE(value(bj[QStringLiteral("totals")].toObject(), "total_cost"), std::round(budget * 100) / 100);
    EXPECT_GT(value(bj[QStringLiteral("totals")].toObject(), "total_cost"), 0.95 * budget);

    // The optimiser: reproducible by seed, never worse than the spec as given.
    const QStringList opt{QStringLiteral("optimize"), ws, QStringLiteral("--spec"), spec, QStringLiteral("--vary"), QStringLiteral("percent_off,target_share"),
                          QStringLiteral("--steps"), QStringLiteral("30"), QStringLiteral("--json")};
    const CliRun o1 = runCwb(opt), o2 = runCwb(opt);
    ASSERT_EQ(o1.code, 0) << o1.err.toStdString();
    QJsonObject j1 = json(o1), j2 = json(o2);
    j1.remove(QStringLiteral("seconds"));
    j2.remove(QStringLiteral("seconds"));
    EXPECT_EQ(j1, j2);
    const QJsonObject best = j1[QStringLiteral("best")].toArray().first().toObject();
    EXPECT_GE(value(best, "incremental_profit"), value(j1[QStringLiteral("current")].toObject(), "incremental_profit"));
    EXPECT_EQ(std::fmod(best[QStringLiteral("spec")].toObject()[QStringLiteral("coupon")].toObject()[QStringLiteral("percent_off")].toDouble(), 2.5), 0.0);

    // A discount deeper than any the model learned from is flagged.
    cwb::test::writeFile(dir.path(QStringLiteral("deep.json")), R"({"name": "deep", "type": "coupon", "start": "2026-07-01T10:00:00Z",
        "coupon": {"percent_off": 60, "validity_days": 7}, "control_share": 0.2, "channel": "sms", "gross_margin": 0.35})");
    const CliRun deep = runCwb({QStringLiteral("preview"), ws, QStringLiteral("--spec"), dir.path(QStringLiteral("deep.json")), QStringLiteral("--json")});
    ASSERT_EQ(deep.code, 0) << deep.err.toStdString();
    const QJsonArray deepWarnings = json(deep)[QStringLiteral("warnings")].toArray();
    EXPECT_TRUE(std::any_of(deepWarnings.begin(), deepWarnings.end(), [](const QJsonValue& w) {
        return w.toString().startsWith(QStringLiteral("a discount of 60 % is outside what the model learned from"));
    })) << QJsonDocument(deepWarnings).toJson().toStdString();

    // A flash sale for two RFM groups: the breakdown covers the reached users once each, and the
    // hourly redemptions spread each user's expected redemption over the sale's hours.
    ASSERT_EQ(runCwb({QStringLiteral("segment"), ws, QStringLiteral("--method"), QStringLiteral("rfm")}).code, 0);
    cwb::test::writeFile(dir.path(QStringLiteral("f.json")), R"({"name": "evening flash", "type": "flash_sale", "start": "2026-07-03T18:00:00Z",
        "flash_sale": {"percent_off": 20, "duration_hours": 6}, "target": {"include": ["RFM: Champions", "RFM: Loyal"]},
        "control_share": 0.1, "channel": "push", "cost_per_contact": 0.01, "gross_margin": 0.35})");
    const CliRun flash = runCwb({QStringLiteral("preview"), ws, QStringLiteral("--spec"), dir.path(QStringLiteral("f.json")), QStringLiteral("--json")});
    ASSERT_EQ(flash.code, 0) << flash.err.toStdString();
    const QJsonObject fj = json(flash);
    const QJsonObject ft = fj[QStringLiteral("totals")].toObject();
    const QJsonArray segs = fj[QStringLiteral("segments")].toArray();
    ASSERT_EQ(segs.size(), 2);
    int segUsers = 0;
    double segRedemptions = 0;
    for (const QJsonValue sv : segs) {
        segUsers += sv.toObject()[QStringLiteral("targeted_users")].toInt();
        segRedemptions += value(sv.toObject(), "redemptions");
    }
    EXPECT_EQ(segUsers, ft[QStringLiteral("targeted_users")].toInt());
    EXPECT_NEAR(segRedemptions, value(ft, "redemptions"), 1e-9 * (1 + value(ft, "redemptions")));
    const QJsonArray hours = fj[QStringLiteral("curves")].toObject()[QStringLiteral("redemptions_by_hour")].toArray();
    ASSERT_EQ(hours.size(), 6);
    EXPECT_EQ(hours[0].toObject()[QStringLiteral("hour")].toString(), QStringLiteral("2026-07-03T18:00:00Z"));
    double hourly = 0;
    for (const QJsonValue hv : hours) hourly += hv.toObject()[QStringLiteral("redemptions")].toDouble();
    EXPECT_NEAR(hourly, value(ft, "redemptions"), 1e-9 * (1 + value(ft, "redemptions")));

    // Bad specs are refused with the field named.
    cwb::test::writeFile(dir.path(QStringLiteral("bad.json")), R"({"name": "x", "type": "coupon", "start": "2026-07-01T10:00:00Z", "coupon": {"percent_off": 120}, "measure_uplift": false})");
    const CliRun bad = runCwb({QStringLiteral("preview"), ws, QStringLiteral("--spec"), dir.path(QStringLiteral("bad.json"))});
    EXPECT_EQ(bad.code, 1);
    EXPECT_TRUE(bad.err.contains(QStringLiteral("coupon.percent_off"))) << bad.err.toStdString();

    // Read-out of the depth test: arms against control, the newest model (redeemed) against the outcome, the next wave.
    const CliRun ro = runCwb({QStringLiteral("readout"), ws, QStringLiteral("--campaign"), QStringLiteral("Autumn welcome coupon test"), QStringLiteral("--json")});
    ASSERT_EQ(ro.code, 0) << ro.err.toStdString();
    const QJsonObject rj = json(ro);
    int users = 0, redeemed = 0;
    double shares = 0;
    for (const QJsonValue av : rj[QStringLiteral("arms")].toArray()) {
        const QJsonObject a = av.toObject();
        const QString group = a[QStringLiteral("group")].toString();
        if (group == QStringLiteral("pooled")) continue;
        users += a[QStringLiteral("users")].toInt();
        if (group == QStringLiteral("control")) continue;
        redeemed += a[QStringLiteral("redeemed")].toObject()[QStringLiteral("count")].toInt();
        shares += a[QStringLiteral("next_wave_share")].toDouble();
        EXPECT_TRUE(a.contains(QStringLiteral("versus_control")));
    }
    EXPECT_GT(users, 0);
    EXPECT_NEAR(shares, 1.0, 1e-9);
    const QJsonObject rm = rj[QStringLiteral("model")].toObject();
    EXPECT_EQ(rm[QStringLiteral("target")].toString(), QStringLiteral("redeemed"));
    EXPECT_EQ(rm[QStringLiteral("actual_treated_outcomes")].toDouble(), redeemed);
    EXPECT_GT(rm[QStringLiteral("predicted_treated_outcomes")].toDouble(), 0.0);
    EXPECT_EQ(rm[QStringLiteral("evaluation")].toObject()[QStringLiteral("calibration")].toArray().size(), 10);
    const CliRun noCampaign = runCwb({QStringLiteral("readout"), ws});
    EXPECT_EQ(noCampaign.code, 2);
    const CliRun badLevel = runCwb({QStringLiteral("readout"), ws, QStringLiteral("--campaign"), QStringLiteral("1"), QStringLiteral("--level"), QStringLiteral("2")});
    EXPECT_EQ(badLevel.code, 2);
    EXPECT_TRUE(badLevel.err.contains(QStringLiteral("level"))) << badLevel.err.toStdString();
}
