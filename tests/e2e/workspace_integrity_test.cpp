// Workspace integrity, as a user meets it on the command line: a file that is
// not a workspace, one from a newer version, one cut short or damaged in the
// middle, a read-only file, a workspace another program holds locked. Each
// gets a clear message and a failing exit code — never a crash — and the file
// is left byte for byte as it was (the sqlite3 shell, not the product, then
// says what it holds).
#include "cli_run.h"
#include "test_support.h"

#include <QFile>
#include <QFileInfo>

#include <gtest/gtest.h>

#include <unistd.h>

using cwb::test::Finished;
using cwb::test::TempDir;

namespace {

Finished cwb(const QStringList& args) { return cwb::test::runProgram(QStringLiteral(CWB_EXECUTABLE), args); }

// The sqlite3 shell as another program with the workspace open: it runs `sql`
// and keeps what that took (a lock, a transaction) until release().
class OtherProgram {
public:
    OtherProgram(const QString& workspace, const QByteArray& sql)
    {
        shell_.start(cwb::test::sqlite3Shell(), {workspace});
        if (!shell_.waitForStarted() || shell_.write(sql + " SELECT 'holding';\n") <= 0) return;
        QByteArray said;   // what `sql` prints itself (a PRAGMA's value), then "holding"
        while (!said.trimmed().endsWith("holding") && shell_.waitForReadyRead(30000)) said += shell_.readAllStandardOutput();
        holding_ = said.trimmed().endsWith("holding");
    }
    bool holding() const { return holding_; }
    // Runs `last` (e.g. a ROLLBACK), then quits: what it held is let go.
    void release(const QByteArray& last = {})
    {
        shell_.write(last + "\n.quit\n");
        shell_.closeWriteChannel();
        EXPECT_TRUE(shell_.waitForFinished(30000));
    }

private:
    QProcess shell_;
    bool holding_ = false;
};

class WorkspaceIntegrity : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        dir_ = std::make_unique<TempDir>();
        demo_ = dir_->path(QStringLiteral("demo.cwb"));
        const Finished made = cwb({QStringLiteral("demo"), demo_, QStringLiteral("--users"), QStringLiteral("3000")});
        ASSERT_EQ(made.code, 0) << made.err.toStdString();
        usersCsv_ = dir_->path(QStringLiteral("users.csv"));
        cwb::test::writeFile(usersCsv_, "user_id,age\nNEW1,30\nNEW2,41\n");
    }
    static void TearDownTestSuite() { dir_.reset(); }

    void SetUp() override
    {
        if (cwb::test::sqlite3Shell().isEmpty()) GTEST_SKIP() << "the sqlite3 shell is needed (scripts/install-deps test)";
        ASSERT_TRUE(dir_);
    }

    // A copy of the demo workspace, named for the test.
    static QString copyOfDemo(const QString& name)
    {
        const QString path = dir_->path(name);
        QFile::remove(path);
        EXPECT_TRUE(QFile::copy(demo_, path));
        QFile(path).setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        return path;
    }

    enum class Command { Stats, Features, Import };

    // Each of `commands` on `path` fails with `expected` in its message, and leaves the file as it was.
    static void refusedUnchanged(const QString& path, const QString& expected,
                                 const QList<Command>& commands = {Command::Stats, Command::Import})
    {
        const QByteArray before = cwb::test::readFile(path);
        for (const Command c : commands) {
            const QStringList args = c == Command::Stats      ? QStringList{QStringLiteral("stats"), path}
                                     : c == Command::Features ? QStringList{QStringLiteral("features"), path}
                                                              : QStringList{QStringLiteral("import"), path, QStringLiteral("--table"),
                                                                            QStringLiteral("users"), usersCsv_};
            SCOPED_TRACE("cwb " + args.join(QLatin1Char(' ')).toStdString());
            const Finished run = cwb(args);
            EXPECT_FALSE(run.crashed) << run.err.toStdString();
            EXPECT_EQ(run.code, 1) << run.out.toStdString();
            EXPECT_NE(run.err.indexOf(expected), -1) << "it said: " << run.err.toStdString();
            EXPECT_EQ(cwb::test::readFile(path), before) << "the file was modified";
        }
        EXPECT_FALSE(QFileInfo::exists(path + QStringLiteral("-journal")));
    }

    static inline std::unique_ptr<TempDir> dir_;
    static inline QString demo_, usersCsv_;
};

TEST_F(WorkspaceIntegrity, FilesThatAreNotWorkspaces)
{
    const QString text = dir_->path(QStringLiteral("orders.cwb"));
    cwb::test::writeFile(text, "order_id,user_id,amount\nO1,U1,12.50\n");
    refusedUnchanged(text, QStringLiteral("not an SQLite database"));

    const QString other = dir_->path(QStringLiteral("other.cwb"));
    cwb::test::sqlite(other, QStringLiteral("CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('mine');"), false);
    refusedUnchanged(other, QStringLiteral("SQLite database of another program"));
}

TEST_F(WorkspaceIntegrity, AWorkspaceOfANewerVersion)
{
    const QString path = copyOfDemo(QStringLiteral("newer.cwb"));
    cwb::test::sqlite(path, QStringLiteral("PRAGMA user_version = 99;"), false);
    refusedUnchanged(path, QStringLiteral("newer Campaign Workbench (schema version 99"));
}

TEST_F(WorkspaceIntegrity, ATruncatedWorkspace)
{
    const QString path = copyOfDemo(QStringLiteral("truncated.cwb"));
    QByteArray bytes = cwb::test::readFile(path);
    ASSERT_GT(bytes.size(), 100 * 4096);
    bytes.resize(bytes.size() * 6 / 10);   // as when a copy to a USB stick was cut off
    cwb::test::writeFile(path, bytes);
    refusedUnchanged(path, QStringLiteral("damaged"));
}

TEST_F(WorkspaceIntegrity, APageDamagedInTheMiddle)
{
    const QString path = copyOfDemo(QStringLiteral("damaged.cwb"));
    // The last leaf page of the users table (where new users go), well inside the file. Opening sees
    // nothing wrong, nor does counting the users (SQLite counts them in an index); building the
    // features reads every user, an import of users adds them on that page.
    const qint64 page =
        cwb::test::sqlite(path, QStringLiteral("SELECT pageno FROM dbstat WHERE name = 'users' AND pagetype = 'leaf' ORDER BY path DESC LIMIT 1;"))
            .trimmed()
            .toLongLong();
    ASSERT_GT(page, 2);
    QByteArray bytes = cwb::test::readFile(path);
    ASSERT_GE(bytes.size(), page * 4096);
    for (qint64 i = (page - 1) * 4096; i < page * 4096; ++i) bytes[i] = static_cast<char>(0xA5 ^ (i * 31));
    cwb::test::writeFile(path, bytes);
    refusedUnchanged(path, QStringLiteral("damaged"), {Command::Features, Command::Import});
}

// A workspace on a read-only share, or one its owner write-protected: it can be looked at, not changed.
TEST_F(WorkspaceIntegrity, AReadOnlyFile)
{
    const QString path = copyOfDemo(QStringLiteral("readonly.cwb"));
    QStringList runAs;
    if (::geteuid() == 0) {
        // The superuser may write any file: run cwb as the unprivileged "nobody" (65534), as the owner of a
        // write-protected file would be. The folder stays writable, as a user's own folder is.
        runAs = {QStringLiteral("setpriv"), QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"), QStringLiteral("--clear-groups")};
        QFile::setPermissions(dir_->root(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther |
                                                QFile::WriteOther | QFile::ExeOther);
        QFile::setPermissions(usersCsv_, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
    }
    ASSERT_TRUE(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther));
    auto run = [&](const QStringList& args) {
        if (runAs.isEmpty()) return cwb(args);
        return cwb::test::runProgram(runAs.first(), runAs.mid(1) + QStringList{QStringLiteral(CWB_EXECUTABLE)} + args);
    };
    const QByteArray before = cwb::test::readFile(path);

    const Finished stats = run({QStringLiteral("stats"), path, QStringLiteral("--json")});
    if (!runAs.isEmpty() && stats.code != 0 && !stats.err.contains(QLatin1String("cwb:")))
        GTEST_SKIP() << "cannot run cwb as user 65534 here (" << stats.err.toStdString() << ")";
    ASSERT_FALSE(stats.crashed);
    EXPECT_EQ(stats.code, 0) << stats.err.toStdString();
    EXPECT_EQ(cwb::test::json({stats.code, stats.out, stats.err}).value(QStringLiteral("tables")).toObject().value(QStringLiteral("users")).toInt(),
              3000)
        << stats.out.toStdString();

    const Finished import = run({QStringLiteral("import"), path, QStringLiteral("--table"), QStringLiteral("users"), usersCsv_});
    EXPECT_FALSE(import.crashed);
    EXPECT_EQ(import.code, 1);
    EXPECT_NE(import.err.indexOf(QStringLiteral("read-only")), -1) << import.err.toStdString();
    EXPECT_EQ(cwb::test::readFile(path), before);
}

// Another program is in the middle of writing to the workspace (the sqlite3 shell, holding its write lock).
TEST_F(WorkspaceIntegrity, AWorkspaceAnotherProgramIsWriting)
{
    const QString path = copyOfDemo(QStringLiteral("locked.cwb"));
    const QString users = QStringLiteral("SELECT count(*), hex(sha3_query('SELECT * FROM users ORDER BY uid')) FROM users;");
    const QString before = cwb::test::sqlite(path, users);

    OtherProgram writer(path, "BEGIN IMMEDIATE; INSERT INTO users (user_id) VALUES ('held');");
    ASSERT_TRUE(writer.holding());

    // Reading goes on beside a writer (the workspace is in WAL mode); writing waits, then gives up and says why.
    const Finished stats = cwb({QStringLiteral("stats"), path});
    EXPECT_EQ(stats.code, 0) << stats.err.toStdString();
    const Finished import = cwb({QStringLiteral("import"), path, QStringLiteral("--table"), QStringLiteral("users"), usersCsv_});
    EXPECT_FALSE(import.crashed);
    EXPECT_EQ(import.code, 1);
    EXPECT_NE(import.err.indexOf(QStringLiteral("busy")), -1) << import.err.toStdString();

    writer.release("ROLLBACK;");
    EXPECT_EQ(cwb::test::sqlite(path, users), before);

    // Once the other program is done, the same import goes through.
    const Finished again = cwb({QStringLiteral("import"), path, QStringLiteral("--table"), QStringLiteral("users"), usersCsv_});
    EXPECT_EQ(again.code, 0) << again.err.toStdString();
    EXPECT_EQ(cwb::test::sqlite(path, QStringLiteral("SELECT count(*) FROM users;")).trimmed(), QStringLiteral("3002"));
}

// A program that took the workspace for itself alone (exclusive locking mode): even reading must wait, then says so.
TEST_F(WorkspaceIntegrity, AWorkspaceAnotherProgramHoldsExclusively)
{
    const QString path = copyOfDemo(QStringLiteral("exclusive.cwb"));
    OtherProgram owner(path, "PRAGMA locking_mode = EXCLUSIVE; BEGIN IMMEDIATE; UPDATE meta SET value = value WHERE key = 'data_version'; COMMIT;");
    ASSERT_TRUE(owner.holding());

    const Finished stats = cwb({QStringLiteral("stats"), path});
    EXPECT_FALSE(stats.crashed);
    EXPECT_EQ(stats.code, 1);
    EXPECT_NE(stats.err.indexOf(QStringLiteral("locked by another program")), -1) << stats.err.toStdString();

    owner.release();
    EXPECT_EQ(cwb({QStringLiteral("stats"), path}).code, 0);
}

} // namespace
