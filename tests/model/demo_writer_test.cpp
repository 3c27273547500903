#include "demo/demo_writer.h"
#include "demo/shop_generator.h"
#include "sql/statement.h"
#include "workspace/workspace.h"

#include "test_support.h"

#include <gtest/gtest.h>

using namespace cwb::model;
using cwb::test::TempDir;

namespace {

QByteArray demoHash(const TempDir& dir, const QString& name, quint64 seed, qint64 users)
{
    auto ws = Workspace::create(dir.path(name));
    EXPECT_TRUE(ws.ok());
    DemoOptions o;
    o.users = users;
    o.seed = seed;
    auto r = writeDemoData(ws.value(), o);
    EXPECT_TRUE(r.ok());
    return cwb::test::contentHash(ws.value());
}

} // namespace

TEST(DemoWriter, DeterministicBySeed)
{
    TempDir dir;
    const QByteArray a = demoHash(dir, QStringLiteral("a.cwb"), 9, 3000);
    const QByteArray b = demoHash(dir, QStringLiteral("b.cwb"), 9, 3000);
    const QByteArray c = demoHash(dir, QStringLiteral("c.cwb"), 10, 3000);
    EXPECT_EQ(a, b);
    EXPECT_NE(a, c);
}

TEST(DemoWriter, WritesWhatTheGeneratorMakes)
{
    TempDir dir;
    auto ws = Workspace::create(dir.path(QStringLiteral("d.cwb")));
    ASSERT_TRUE(ws.ok());
    DemoOptions o;
    o.users = 2500;
    o.seed = 4;
    auto r = writeDemoData(ws.value(), o);
    ASSERT_TRUE(r.ok());

    cwb::engine::demo::ShopParams p;
    p.users = 2500;
    p.seed = 4;
    cwb::engine::demo::ShopGenerator g(p);
    cwb::engine::demo::UserBatch b;
    g.generate(1, p.users, b);
    Database& db = ws->db();
    EXPECT_EQ(db.queryInt("SELECT count(*) FROM users"), 2500);
    EXPECT_EQ(db.queryInt("SELECT count(*) FROM events"), qint64(b.events.size()));
    EXPECT_EQ(db.queryInt("SELECT count(*) FROM orders"), qint64(b.orders.size()));
    EXPECT_EQ(db.queryInt("SELECT count(*) FROM exposures"), qint64(b.exposures.size()));
    EXPECT_EQ(db.queryInt("SELECT count(*) FROM campaigns"), qint64(g.campaigns().size()));
    EXPECT_EQ(db.queryInt("SELECT count(DISTINCT type) FROM campaigns"), 3);
    // Every redeemed response has the campaign's coupon on an order in the campaign window.
    EXPECT_EQ(db.queryInt("SELECT count(*) FROM responses WHERE redeemed = 1"),
              db.queryInt("SELECT count(*) FROM orders o JOIN campaigns c ON json_extract(c.spec, '$.code') = o.coupon_code "
                          "WHERE o.ts >= c.start_ts AND o.ts <= c.end_ts + 3600"));
    EXPECT_EQ(db.queryInt("SELECT count(*) FROM pragma_foreign_key_check"), 0);
    EXPECT_EQ(db.queryText("PRAGMA integrity_check"), QStringLiteral("ok"));
    EXPECT_EQ(ws->dataVersion(), 1);
    // Indexes were rebuilt after the bulk load.
    EXPECT_EQ(db.queryInt("SELECT count(*) FROM sqlite_master WHERE name = 'events_by_user'"), 1);
}

TEST(DemoWriter, RefusesAWorkspaceWithData)
{
    TempDir dir;
    auto ws = Workspace::create(dir.path(QStringLiteral("d.cwb")));
    ASSERT_TRUE(ws.ok());
    ws->db().exec("INSERT INTO users (user_id) VALUES ('mine')");
    DemoOptions o;
    o.users = 10;
    EXPECT_FALSE(writeDemoData(ws.value(), o).ok());
}

TEST(DemoWriter, CancelWritesNothing)
{
    TempDir dir;
    auto ws = Workspace::create(dir.path(QStringLiteral("d.cwb")));
    ASSERT_TRUE(ws.ok());
    const QByteArray before = cwb::test::contentHash(ws.value());
    DemoOptions o;
    o.users = 10000;
    auto r = writeDemoData(ws.value(), o, [](qint64 done, qint64) { return done < 5000; });
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(r->cancelled);
    EXPECT_EQ(cwb::test::contentHash(ws.value()), before);
}
