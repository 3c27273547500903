// Crash safety: `cwb` killed with SIGKILL at random moments in the middle of
// writing — a large import, k-means segment building, model training — as
// when a laptop's lid closes or the power goes. After each kill:
//   - the sqlite3 shell opens the workspace (replaying what the killed
//     process left in its journal) and PRAGMA integrity_check says ok;
//   - the workspace holds exactly what it held before the command, or — when
//     the kill came after the commit — exactly what the uninterrupted command
//     leaves; never anything in between (no half-imported file, no segment
//     without all its members, no model without its parameters);
//   - where the kill undid the command, running it again gives exactly what
//     the uninterrupted command gives.
// "Exactly" is the SHA3 of every table's rows (sqlite3 shell), leaving out
// only the columns that record when something happened (created_at, ...).
//
// The kill moments are drawn (seeded) from 5-95 % of the time the
// uninterrupted command took in the same run, so they land inside it
// however fast or slow the machine (or a sanitizer build) is.
#include "cli_run.h"
#include "test_support.h"

#include <QElapsedTimer>
#include <QFile>

#include <gtest/gtest.h>

#include <cstdio>
#include <memory>
#include <random>
#include <string>

using cwb::test::TempDir;

namespace {

// Under AddressSanitizer every command runs 5-30 times slower (training most:
// Eigen's matrix kernels, instrumented); a shop an eighth of the size keeps
// each uninterrupted command to seconds there too, and the kills still land
// inside it (they are drawn from its own duration).
#if defined(__SANITIZE_ADDRESS__)
constexpr int kScale = 8;
#else
constexpr int kScale = 1;
#endif
constexpr int kUsers = 20000 / kScale;
constexpr int kEvents = 1000000 / kScale;

// Columns whose value is the wall-clock time of the command; meta keys likewise.
bool isTimeColumn(const QString& column)
{
    return column == QLatin1String("created_at") || column == QLatin1String("trained_at") ||
           column == QLatin1String("started_at") || column == QLatin1String("finished_at");
}

// Every table's row count and the SHA3-256 of its rows, in one line per table.
QString snapshot(const QString& ws)
{
    const QString columns = cwb::test::sqlite(
        ws, QStringLiteral("SELECT m.name || '|' || p.name FROM sqlite_schema m, pragma_table_info(m.name) p "
                           "WHERE m.type = 'table' ORDER BY m.name, p.cid;"));
    QMap<QString, QStringList> tables;
    for (const QString& line : columns.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QString table = line.section(QLatin1Char('|'), 0, 0), column = line.section(QLatin1Char('|'), 1);
        QStringList& kept = tables[table];
        if (!isTimeColumn(column)) kept << QLatin1Char('"') + column + QLatin1Char('"');
    }
    QString sql;
    for (auto it = tables.cbegin(); it != tables.cend(); ++it) {
        QString select = QStringLiteral("SELECT %1 FROM \"%2\"").arg(it.value().join(QLatin1Char(',')), it.key());
        if (it.key() == QLatin1String("meta")) select += QStringLiteral(" WHERE key NOT LIKE '%built_at'");
        QStringList order;
        for (int i = 1; i <= it.value().size(); ++i) order << QString::number(i);
        select += QStringLiteral(" ORDER BY ") + order.join(QLatin1Char(','));
        select.replace(QLatin1Char('\''), QStringLiteral("''"));
        sql += QStringLiteral("SELECT '%1', (SELECT count(*) FROM \"%1\"), hex(sha3_query('%2'));\n").arg(it.key(), select);
    }
    return cwb::test::sqlite(ws, sql);
}

bool copyFile(const QString& from, const QString& to)
{
    QFile::remove(to);
    return QFile::copy(from, to);
}

// What one kill found.
struct KillOutcome {
    bool killedWhileRunning = false;   // false: the command had already finished
    bool foundBefore = false;          // the workspace as it was before the command
    bool foundAfter = false;           // as the uninterrupted command leaves it
};

class CrashSafety : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        if (cwb::test::sqlite3Shell().isEmpty()) return;
        dir_ = std::make_unique<TempDir>();
        base_ = dir_->path(QStringLiteral("base.cwb"));
        // A shop of 20,000 customers (kUsers) with its features and its exposure features built, so that
        // each command below writes only its own result.
        ASSERT_EQ(cwb::test::runCwb({QStringLiteral("demo"), base_, QStringLiteral("--users"), QString::number(kUsers)}).code, 0);
        ASSERT_EQ(cwb::test::runCwb({QStringLiteral("features"), base_}).code, 0);
        ASSERT_EQ(cwb::test::runCwb({QStringLiteral("train"), base_, QStringLiteral("--target"), QStringLiteral("converted")}).code, 0);
    }
    static void TearDownTestSuite() { dir_.reset(); }

    void SetUp() override
    {
        if (cwb::test::sqlite3Shell().isEmpty()) GTEST_SKIP() << "the sqlite3 shell is needed (scripts/install-deps test)";
        ASSERT_TRUE(dir_);
    }

    // Runs `args` (with the workspace put in for "WS") on a copy of the base
    // uninterrupted, then `runs` times killed at a random moment, and checks
    // what each kill left and what running it again gives.
    void killAtRandomMoments(const QStringList& args, int runs, quint32 seed)
    {
        auto withWorkspace = [&](const QString& ws) {
            QStringList a = args;
            a.replaceInStrings(QStringLiteral("WS"), ws);
            return a;
        };
        const QString before = snapshot(base_);
        const QString reference = dir_->path(QStringLiteral("reference.cwb"));
        ASSERT_TRUE(copyFile(base_, reference));
        QElapsedTimer timer;
        timer.start();
        const cwb::test::CliRun whole = cwb::test::runCwb(withWorkspace(reference));
        const qint64 wholeMs = timer.elapsed();
        ASSERT_EQ(whole.code, 0) << whole.err.toStdString();
        const QString after = snapshot(reference);
        ASSERT_NE(after, before) << "the command changed nothing, so there is nothing to interrupt";

        std::mt19937 random(seed);
        std::uniform_real_distribution<double> moment(0.05, 0.95);
        int killedWhileRunning = 0;
        for (int run = 0; run < runs; ++run) {
            SCOPED_TRACE("run " + std::to_string(run + 1));
            const QString ws = dir_->path(QStringLiteral("killed.cwb"));
            for (const QString& leftover : {ws + QStringLiteral("-wal"), ws + QStringLiteral("-shm"), ws + QStringLiteral("-journal")})
                QFile::remove(leftover);
            ASSERT_TRUE(copyFile(base_, ws));
            const int killMs = static_cast<int>(moment(random) * static_cast<double>(wholeMs));

            QProcess p;
            p.start(QStringLiteral(CWB_EXECUTABLE), withWorkspace(ws));
            ASSERT_TRUE(p.waitForStarted());
            KillOutcome k;
            if (!p.waitForFinished(killMs)) {
                p.kill();   // SIGKILL: no handler, no clean-up, no destructors
                ASSERT_TRUE(p.waitForFinished(60000));
                k.killedWhileRunning = p.exitStatus() == QProcess::CrashExit;
            }
            killedWhileRunning += k.killedWhileRunning;

            // Opening for writing replays or discards what the killed process left behind.
            EXPECT_EQ(cwb::test::sqlite(ws, QStringLiteral("PRAGMA integrity_check;"), false).trimmed(), QStringLiteral("ok"))
                << "killed after " << killMs << " ms";
            EXPECT_EQ(cwb::test::sqlite(ws, QStringLiteral("PRAGMA foreign_key_check;")).trimmed(), QString());
            const QString found = snapshot(ws);
            k.foundBefore = found == before;
            k.foundAfter = found == after;
            EXPECT_TRUE(k.foundBefore || k.foundAfter)
                << "killed after " << killMs << " of " << wholeMs << " ms, the workspace holds neither what it held before "
                << "nor what the finished command leaves:\n" << found.toStdString() << "\nbefore:\n" << before.toStdString()
                << "\nafter:\n" << after.toStdString();
            std::printf("    killed after %5d of %5lld ms: %s, found the workspace as %s\n", killMs, static_cast<long long>(wholeMs),
                        k.killedWhileRunning ? "while running" : "already finished",
                        k.foundBefore ? "before the command" : k.foundAfter ? "after the command" : "NEITHER");

            // What a user does next: run it again. (Only where the kill undid it: a finished import or
            // training run again adds a second one, as it should.)
            if (k.foundBefore) {
                const cwb::test::CliRun again = cwb::test::runCwb(withWorkspace(ws));
                EXPECT_EQ(again.code, 0) << again.err.toStdString();
                EXPECT_EQ(snapshot(ws).toStdString(), after.toStdString())
                    << "running the command again after the kill gives a different workspace";
            }
        }
        // Kills meant to land inside the command must mostly do so, or the test tested nothing.
        EXPECT_GE(killedWhileRunning, (runs + 1) / 2) << "the command finished before most kills (" << wholeMs << " ms)";
    }

    static inline std::unique_ptr<TempDir> dir_;
    static inline QString base_;
};

// 1,000,000 browsing events (kEvents) of the shop's customers, in one file: an import of a few seconds.
TEST_F(CrashSafety, KilledImportLeavesTheWorkspaceAsItWasAndImportingAgainGivesTheSameResult)
{
    const QString csv = dir_->path(QStringLiteral("events.csv"));
    {
        QFile f(csv);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        std::string text = "user_id,ts,type,category,dwell_seconds\n";
        static const char* const kTypes[] = {"view", "search", "cart", "favorite", "view", "view"};
        static const char* const kCategories[] = {"Beauty", "Books", "Electronics", "Home", "Sports", "Toys"};
        char line[128];
        for (int i = 0; i < kEvents; ++i) {
            const int user = static_cast<int>(1 + (static_cast<long long>(i) * 7919) % kUsers);   // 7919 * 10^6 > INT_MAX
            const int n = std::snprintf(line, sizeof line, "U%07d,2026-%02d-%02d %02d:%02d:00,%s,%s,%d\n", user,
                                        1 + i % 10, 1 + i % 28, i % 24, i % 60, kTypes[i % 6], kCategories[(i / 6) % 6], i % 300);
            text.append(line, static_cast<std::size_t>(n));
        }
        ASSERT_EQ(f.write(text.data(), static_cast<qint64>(text.size())), static_cast<qint64>(text.size()));
    }
    killAtRandomMoments({QStringLiteral("import"), QStringLiteral("WS"), QStringLiteral("--table"), QStringLiteral("events"), csv,
                         QStringLiteral("--rejects"), dir_->path(QStringLiteral("events.rejects.csv"))},
                        6, 20261123);
}

TEST_F(CrashSafety, KilledSegmentBuildingLeavesNoHalfWrittenSegment)
{
    killAtRandomMoments({QStringLiteral("segment"), QStringLiteral("WS"), QStringLiteral("--method"), QStringLiteral("kmeans"),
                         QStringLiteral("--k"), QStringLiteral("6"), QStringLiteral("--name"), QStringLiteral("clusters")},
                        5, 7);
}

TEST_F(CrashSafety, KilledTrainingLeavesNoHalfWrittenModel)
{
    killAtRandomMoments({QStringLiteral("train"), QStringLiteral("WS"), QStringLiteral("--target"), QStringLiteral("redeemed")}, 5, 11);
}

} // namespace
