#include "sql/statement.h"
#include "workspace/migrations.h"
#include "workspace/workspace.h"

#include "test_support.h"

#include <QFile>
#include <QFileInfo>

#include <gtest/gtest.h>
#include <sys/stat.h>

using namespace cwb::model;
using cwb::test::TempDir;

TEST(Workspace, CreateThenOpen)
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("a.cwb"));
    {
        auto ws = Workspace::create(path);
        ASSERT_TRUE(ws.ok()) << ws.error().toString().toStdString();
        EXPECT_EQ(ws->schemaVersion(), latestSchemaVersion());
        EXPECT_EQ(ws->dataVersion(), 0);
        EXPECT_EQ(ws->db().queryText("PRAGMA journal_mode"), QStringLiteral("wal"));
        EXPECT_EQ(ws->db().queryInt("PRAGMA foreign_keys"), 1);
        EXPECT_EQ(ws->tableCounts().size(), Workspace::canonicalTables().size());
    }
    auto again = Workspace::open(path);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->name(), QStringLiteral("a"));
    struct stat st {};
    ASSERT_EQ(::stat(QFile::encodeName(path).constData(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u);   // customer data: owner only
}

TEST(Workspace, CreateRefusesAnExistingFile)
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("a.cwb"));
    cwb::test::writeFile(path, "something");
    auto ws = Workspace::create(path);
    ASSERT_FALSE(ws.ok());
    EXPECT_NE(ws.error().message.indexOf(QStringLiteral("already exists")), -1);
    EXPECT_EQ(cwb::test::readFile(path), QByteArray("something"));
}

TEST(Workspace, RefusesFilesThatAreNotWorkspaces)
{
    TempDir dir;
    const QString missing = dir.path(QStringLiteral("missing.cwb"));
    EXPECT_NE(Workspace::open(missing).error().message.indexOf(QStringLiteral("no such workspace")), -1);

    const QString text = dir.path(QStringLiteral("notes.cwb"));
    cwb::test::writeFile(text, "hello, this is a CSV file\n");
    EXPECT_NE(Workspace::open(text).error().message.indexOf(QStringLiteral("not an SQLite database")), -1);

    const QString empty = dir.path(QStringLiteral("empty.cwb"));
    cwb::test::writeFile(empty, "");
    EXPECT_NE(Workspace::open(empty).error().message.indexOf(QStringLiteral("empty")), -1);

    const QString other = dir.path(QStringLiteral("other.db"));
    {
        Database db(other, Database::Mode::ReadWriteCreate);
        db.exec("CREATE TABLE t (x)");
    }
    const QByteArray before = cwb::test::readFile(other);
    EXPECT_NE(Workspace::open(other).error().message.indexOf(QStringLiteral("another program")), -1);
    EXPECT_EQ(cwb::test::readFile(other), before);   // untouched
}

TEST(Workspace, RefusesANewerSchema)
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("new.cwb"));
    { ASSERT_TRUE(Workspace::create(path).ok()); }
    {
        Database db(path, Database::Mode::ReadWrite);
        db.exec("PRAGMA user_version = 99");
    }
    auto ws = Workspace::open(path);
    ASSERT_FALSE(ws.ok());
    EXPECT_NE(ws.error().message.indexOf(QStringLiteral("newer")), -1);
}

TEST(Workspace, DamagedFileIsReported)
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("broken.cwb"));
    { ASSERT_TRUE(Workspace::create(path).ok()); }
    QByteArray bytes = cwb::test::readFile(path);
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    ASSERT_GT(bytes.size(), 4096);
    bytes.resize(100);   // keeps the header, loses the pages
    cwb::test::writeFile(path, bytes);
    auto ws = Workspace::open(path);
    if (ws.ok()) {
        // SQLite may open a truncated file lazily: the damage shows on first use.
        EXPECT_ANY_THROW(ws->tableCounts());
    } else {
        EXPECT_FALSE(ws.error().message.isEmpty());
    }
}

TEST(Workspace, UpgradesVersionOneKeepingTheData)
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("old.cwb"));
    {
        // A workspace as version 1 wrote it.
        Database db(path, Database::Mode::ReadWriteCreate);
        db.exec("PRAGMA journal_mode = WAL");
        migrate(db, 0, 1);
        db.exec("INSERT INTO users (uid, user_id, age) VALUES (1, 'u1', 30)");
        db.exec("INSERT INTO orders (order_id, uid, ts, amount) VALUES ('o1', 1, 1291191960, 12.5)");
        ASSERT_EQ(db.queryInt("PRAGMA user_version"), 1);
    }
    auto ws = Workspace::open(path);
    ASSERT_TRUE(ws.ok()) << ws.error().toString().toStdString();
    EXPECT_EQ(ws->schemaVersion(), latestSchemaVersion());
    EXPECT_EQ(ws->db().queryInt("SELECT age FROM users WHERE user_id = 'u1'"), 30);
    EXPECT_EQ(ws->db().queryText("SELECT status FROM orders WHERE order_id = 'o1'"), QStringLiteral("paid"));
    EXPECT_EQ(ws->dataVersion(), 0);
    EXPECT_TRUE(ws->db().tableExists("order_items"));
    EXPECT_FALSE(QFileInfo::exists(path + QStringLiteral(".backup-v1")));   // removed after a good upgrade
}

TEST(Workspace, UpgradesVersionTwoToThree)
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("v2.cwb"));
    {
        Database db(path, Database::Mode::ReadWriteCreate);
        migrate(db, 0, 2);
        db.exec("INSERT INTO users (uid, user_id) VALUES (1, 'u1')");
        db.exec("INSERT INTO meta (key, value) VALUES ('features.data_version', '0') ON CONFLICT (key) DO NOTHING");
    }
    auto ws = Workspace::open(path);
    ASSERT_TRUE(ws.ok()) << ws.error().toString().toStdString();
    EXPECT_EQ(ws->schemaVersion(), latestSchemaVersion());
    EXPECT_TRUE(ws->db().tableExists("user_features"));
    EXPECT_TRUE(ws->db().tableExists("user_category_stats"));
    EXPECT_EQ(ws->db().queryInt("SELECT count(*) FROM users"), 1);
}

TEST(Workspace, UpgradesVersionThreeToFourKeepingModels)
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("v3.cwb"));
    {
        Database db(path, Database::Mode::ReadWriteCreate);
        migrate(db, 0, 3);
        db.exec("INSERT INTO users (uid, user_id) VALUES (1, 'u1')");
        db.exec("INSERT INTO models (kind, target, trained_at, metrics) VALUES ('churn', 'no_order_90_days', 1, '{\"auc\": 0.7}')");
    }
    auto ws = Workspace::open(path);
    ASSERT_TRUE(ws.ok()) << ws.error().toString().toStdString();
    EXPECT_EQ(ws->schemaVersion(), 4);
    EXPECT_TRUE(ws->db().tableExists("exposure_features"));
    EXPECT_EQ(ws->db().queryText("SELECT metrics FROM models WHERE kind = 'churn'"), QStringLiteral("{\"auc\": 0.7}"));
    EXPECT_EQ(ws->db().queryText("SELECT spec FROM models"), QStringLiteral("{}"));
}

TEST(Workspace, FailedUpgradeRestoresTheOldFile)
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("old.cwb"));
    {
        Database db(path, Database::Mode::ReadWriteCreate);
        migrate(db, 0, 1);
        db.exec("INSERT INTO users (uid, user_id) VALUES (1, 'u1')");
        // Something in the way of migration 2.
        db.exec("CREATE TABLE order_items (x)");
    }
    auto ws = Workspace::open(path);
    ASSERT_FALSE(ws.ok());
    EXPECT_NE(ws.error().message.indexOf(QStringLiteral("restored unchanged")), -1);
    Database db(path, Database::Mode::ReadOnly);
    EXPECT_EQ(db.queryInt("PRAGMA user_version"), 1);
    EXPECT_EQ(db.queryInt("SELECT count(*) FROM users"), 1);
    EXPECT_EQ(db.queryInt("SELECT count(*) FROM pragma_table_info('orders') WHERE name = 'status'"), 0);
}

TEST(Workspace, ReadOnlyOpenWritesNothing)
{
    TempDir dir;
    const QString path = dir.path(QStringLiteral("ro.cwb"));
    { ASSERT_TRUE(Workspace::create(path).ok()); }
    auto ws = Workspace::open(path, Workspace::OpenOptions{true});
    ASSERT_TRUE(ws.ok());
    EXPECT_TRUE(ws->readOnly());
    EXPECT_ANY_THROW(ws->db().exec("INSERT INTO users (user_id) VALUES ('x')"));
}

TEST(Workspace, DataVersionBumps)
{
    TempDir dir;
    auto ws = Workspace::create(dir.path(QStringLiteral("v.cwb")));
    ASSERT_TRUE(ws.ok());
    ws->bumpDataVersion();
    ws->bumpDataVersion();
    EXPECT_EQ(ws->dataVersion(), 2);
}
