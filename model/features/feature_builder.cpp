#include "features/feature_builder.h"

#include "core/text.h"
#include "features/build_context.h"
#include "features/feature_sql.h"
#include "segment/rfm.h"
#include "sql/sql_error.h"
#include "sql/statement.h"
#include "sql/transaction.h"
#include "workspace/meta.h"
#include "workspace/workspace.h"

#include <QDateTime>
#include <QElapsedTimer>

#include <sqlite3.h>

#include <array>
#include <cmath>
#include <future>
#include <optional>
#include <utility>
#include <limits>

namespace cwb::model {

namespace {

// RFM scores from the orders aggregate, into temp.f_rfm (buyers only).
void scoreRfm(Database& db, qint64 asOf, FeatureBuildReport& report)
{
    std::vector<std::int64_t> uids;
    std::vector<double> recency, frequency, monetary;
    Statement read = db.prepare("SELECT u.uid, o.orders, o.net, o.last_paid FROM users u LEFT JOIN f_orders o ON o.uid = u.uid ORDER BY u.uid");
    while (read.step()) {
        uids.push_back(read.int64(0));
        const double orders = read.isNull(1) ? 0.0 : read.real(1);
        frequency.push_back(orders);
        monetary.push_back(read.isNull(2) ? 0.0 : read.real(2));
        recency.push_back(orders > 0 ? double(asOf / 86400 - read.int64(3) / 86400) : 0.0);
    }
    const engine::RfmScores s = engine::scoreRfm(recency, frequency, monetary);
    db.exec(feature_sql::kRfmTable);
    Statement write = db.prepare("INSERT INTO f_rfm (uid, r, f, m, grp) VALUES (?, ?, ?, ?, ?)");
    for (std::size_t i = 0; i < uids.size(); ++i) {
        ++report.rfmGroups[QString::fromLatin1(engine::rfmGroupName(s.group[i]).data())];
        if (s.group[i] == engine::RfmGroup::Prospects) continue;
        write.bind(1, uids[i]).bind(2, int(s.r[i])).bind(3, int(s.f[i])).bind(4, int(s.m[i])).bind(5, engine::rfmGroupName(s.group[i]));
        write.run();
    }
    report.users = static_cast<qint64>(uids.size());
}

} // namespace

void BuildContext::bind(Statement& st) const
{
    st.bindNamed(":as_of", asOf).bindNamed(":cutoff", cutoff).bindNamed(":data_start", dataStart).bindNamed(":sample_below", sampleBelow);
}

namespace {
void run(Database& db, std::string_view sql, const BuildContext& c)
{
    Statement st = db.prepare(sql);
    c.bind(st);
    st.run();
}
} // namespace

namespace {

struct UidRange {
    qint64 from = std::numeric_limits<qint64>::min();
    qint64 to = std::numeric_limits<qint64>::max();
};

void bindActivity(Statement& st, qint64 until, UidRange users, std::int64_t sampleBelow)
{
    st.bindNamed(":until", static_cast<std::int64_t>(until))
        .bindNamed(":uid_from", static_cast<std::int64_t>(users.from))
        .bindNamed(":uid_to", static_cast<std::int64_t>(users.to))
        .bindNamed(":sample_below", sampleBelow);
}

void runWithUntil(Database& db, const std::string& sql, qint64 until, UidRange users = {}, std::int64_t sampleBelow = std::int64_t(1) << 32)
{
    Statement st = db.prepare(sql);
    bindActivity(st, until, users, sampleBelow);
    st.run();
}

struct ActivityRow {
    qint64 uid = 0;
    std::array<qint64, 8> counts{};   // events, views, searches, carts, favorites, purchases, sessions, active days
    double meanDwell = 0;             // NaN when the user viewed nothing
    qint64 firstTs = 0;
};

// Runs the activity aggregate over the events of a range of users on its
// own read-only connection and thread; take() waits for the rows.
class ActivityReader {
public:
    ActivityReader(const QString& path, qint64 asOf, UidRange users)
        : future_(std::async(std::launch::async, [path, asOf, users] {
              Database db(path, Database::Mode::ReadOnly);
              sqlite3_busy_timeout(db.handle(), 5000);
              db.exec("PRAGMA cache_size = -65536");
              return read(db, feature_sql::activityQuery(feature_sql::kActivityFromEvents, false), asOf, users);
          }))
    {
    }
    ~ActivityReader()
    {
        if (future_.valid()) future_.wait();
    }
    std::vector<ActivityRow> take() { return future_.get(); }   // rethrows the reader's SqlError

private:
    static std::vector<ActivityRow> read(Database& db, const std::string& sql, qint64 until, UidRange users)
    {
        Statement st = db.prepare(sql);
        bindActivity(st, until, users, std::int64_t(1) << 32);
        std::vector<ActivityRow> rows;
        while (st.step()) {
            ActivityRow r;
            r.uid = st.int64(0);
            for (int c = 0; c < 8; ++c) r.counts[static_cast<std::size_t>(c)] = st.int64(c + 1);
            r.meanDwell = st.isNull(9) ? std::numeric_limits<double>::quiet_NaN() : st.real(9);
            r.firstTs = st.int64(10);
            rows.push_back(r);
        }
        return rows;
    }
    std::future<std::vector<ActivityRow>> future_;
};

void writeActivity(Database& db, const char* table, const std::vector<ActivityRow>& rows)
{
    Statement insert = db.prepare(std::string("INSERT INTO ") + table + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const ActivityRow& r : rows) {
        insert.bind(1, r.uid);
        for (int c = 0; c < 8; ++c) insert.bind(c + 2, r.counts[static_cast<std::size_t>(c)]);
        std::isnan(r.meanDwell) ? insert.bindNull(10) : insert.bind(10, r.meanDwell);
        insert.bind(11, r.firstTs);
        insert.run();
    }
}

} // namespace

// In one scan of each table (there is no index on ts alone).
std::pair<std::optional<qint64>, std::optional<qint64>> activitySpan(Database& db)
{
    Statement st = db.prepare("SELECT min(lo), max(hi) FROM (SELECT min(ts) AS lo, max(ts) AS hi FROM events "
                              "UNION ALL SELECT min(ts), max(ts) FROM orders) AS spans");
    if (!st.step() || st.isNull(0)) return {};
    return {st.int64(0), st.int64(1)};
}

qint64 defaultAsOf(Database& db)
{
    const auto last = activitySpan(db).second;
    return ((last ? *last : QDateTime::currentSecsSinceEpoch()) / 86400 + 1) * 86400;
}

namespace {
const char* const kTempTables[] = {"f_activity", "f_activity_cut", "f_orders", "f_weeks", "f_rfm", "f_cut", "f_line_categories"};
void dropTemps(Database& db)
{
    for (const char* t : kTempTables) db.exec(std::string("DROP TABLE IF EXISTS temp.") + t);
}
} // namespace

Result<FeatureBuildReport> buildFeatures(Workspace& ws, const FeatureBuildOptions& options,
                                         const std::function<bool(const QString&, double)>& progress)
{
    QElapsedTimer timer;
    timer.start();
    Database& db = ws.db();
    FeatureBuildReport report;
    auto step = [&](const QString& what, double fraction) { return !progress || progress(what, fraction); };
    try {
        // Every row written here comes from users (or from events of users)
        // read in this transaction: the per-row foreign-key lookups, and the
        // loss of SQLite's fast delete-all they cause, buy nothing.
        ForeignKeysOff fkOff(db);
        Transaction tx(db);
        const auto [first, last] = activitySpan(db);
        report.asOf = options.asOf ? *options.asOf : ((last ? *last : QDateTime::currentSecsSinceEpoch()) / 86400 + 1) * 86400;
        report.dataStart = first ? std::min(*first, report.asOf) : report.asOf;
        BuildContext ctx{report.asOf, report.asOf - kChurnHorizonDays * 86400, report.dataStart};
        report.dataVersion = ws.dataVersion();
        db.exec("DELETE FROM user_features");
        db.exec("DELETE FROM user_category_stats");
        dropTemps(db);

        // Two threads share the passes over the events: a second, read-only
        // connection aggregates the activity of the first 80 % of users (by
        // uid) while this one aggregates orders, categories, the churn
        // cut-off's activity and then the remaining users' activity. The
        // split evens out the two threads' work: measured at 1M users, 80 %
        // gave 18.6 s, 70 % 19.4 s, 90 % 20.1 s, everything on one thread 21 s.
        if (!step(Text::tr("aggregating behaviour, orders and categories"), 0.05)) return (report.cancelled = true, report);
        const qint64 cutoff = ctx.cutoff;
        const qint64 minUid = db.queryInt("SELECT coalesce(min(uid), 0) FROM users");
        const qint64 maxUid = db.queryInt("SELECT coalesce(max(uid), 0) FROM users");
        const qint64 split = minUid + static_cast<qint64>(0.8 * double(maxUid - minUid));
        ActivityReader reader(ws.path(), report.asOf, UidRange{minUid, split});
        db.exec(feature_sql::kOrdersTable);
        run(db, feature_sql::kOrders, ctx);
        run(db, feature_sql::kCategoryFromEvents, ctx);
        {
            const qint64 buyers = db.queryInt("SELECT count(*) FROM f_orders WHERE c_orders > 0");
            if (buyers > kChurnSampleSize)
                ctx.sampleBelow = static_cast<std::int64_t>(double(kChurnSampleSize) / double(buyers) * 4294967296.0);
        }
        db.exec(feature_sql::activityTable("f_activity_cut"));
        runWithUntil(db, "INSERT INTO f_activity_cut " + feature_sql::activityQuery(feature_sql::kActivityFromEvents, true), cutoff, {},
                     ctx.sampleBelow);
        db.exec(feature_sql::activityTable("f_activity"));
        runWithUntil(db, "INSERT INTO f_activity " + feature_sql::activityQuery(feature_sql::kActivityFromEvents, false), report.asOf,
                     UidRange{split + 1, maxUid});
        const std::vector<ActivityRow> activity = reader.take();

        if (!step(Text::tr("writing activity"), 0.4)) return (report.cancelled = true, report);
        writeActivity(db, "f_activity", activity);
        runWithUntil(db, "INSERT INTO f_activity " + feature_sql::activityQuery(feature_sql::kActivityFromOrders, false), report.asOf);
        runWithUntil(db, "INSERT INTO f_activity_cut " + feature_sql::activityQuery(feature_sql::kActivityFromOrders, true), cutoff, {},
                     ctx.sampleBelow);
        db.exec(feature_sql::kWeeksTable);
        run(db, feature_sql::kWeeks, ctx);

        if (!step(Text::tr("RFM scores"), 0.45)) return (report.cancelled = true, report);
        scoreRfm(db, report.asOf, report);
        if (!step(Text::tr("writing features"), 0.5)) return (report.cancelled = true, report);
        run(db, feature_sql::featuresInsert("user_features", false), ctx);

        const bool purchaseEventsHaveCategories =
            db.queryInt("SELECT count(*) FROM (SELECT 1 FROM events WHERE type = 'purchase' AND category IS NOT NULL LIMIT 1) AS any_row") > 0;
        if (!purchaseEventsHaveCategories) {
            // Purchases by category from order lines, merged with the view counts.
            db.exec("CREATE TEMP TABLE f_line_categories (uid INTEGER, category TEXT, views INTEGER, purchases INTEGER)");
            std::string sql(feature_sql::kCategoryPurchasesFromOrderLines);
            sql.replace(sql.find("user_category_stats"), std::string("user_category_stats").size(), "temp.f_line_categories");
            run(db, sql, ctx);
            db.exec("INSERT INTO user_category_stats (uid, category, views, purchases) "
                    "SELECT uid, category, 0, purchases FROM temp.f_line_categories WHERE true "
                    "ON CONFLICT (uid, category) DO UPDATE SET purchases = excluded.purchases");
        }
        report.categories = db.queryInt("SELECT count(DISTINCT category) FROM user_category_stats");

        if (!step(Text::tr("churn risk"), 0.8)) return (report.cancelled = true, report);
        report.churn = trainChurnModel(db, ctx, options.seed);
        dropTemps(db);

        writeMeta(db, "features.data_version", QString::number(report.dataVersion));
        writeMeta(db, "features.as_of", QString::number(report.asOf));
        writeMeta(db, "features.built_at", QString::number(QDateTime::currentSecsSinceEpoch()));
        tx.commit();
    } catch (const SqlError& e) {
        try {
            dropTemps(db);
        } catch (const SqlError&) {
        }
        if (e.isInterrupted()) {
            report.cancelled = true;
            return report;
        }
        return makeError(Text::tr("building the features failed: %1").arg(QString::fromUtf8(e.what())));
    }
    report.seconds = timer.elapsed() / 1000.0;
    step(Text::tr("done"), 1.0);
    return report;
}

FeatureState featureState(Workspace& ws)
{
    FeatureState s;
    const auto version = readMeta(ws.db(), "features.data_version");
    if (!version) return s;
    s.built = true;
    s.current = version->toLongLong() == ws.dataVersion();
    s.asOf = readMeta(ws.db(), "features.as_of").value_or(QString()).toLongLong();
    s.builtAt = readMeta(ws.db(), "features.built_at").value_or(QString()).toLongLong();
    return s;
}

Status ensureFeatures(Workspace& ws, bool* rebuilt, const std::function<bool(const QString&, double)>& progress)
{
    if (rebuilt) *rebuilt = false;
    const FeatureState s = featureState(ws);
    if (s.built && s.current) return std::nullopt;
    FeatureBuildOptions o;
    if (s.built) o.asOf = std::nullopt;   // the data changed: measure as of its new end
    auto r = buildFeatures(ws, o, progress);
    if (!r) return r.error();
    if (r->cancelled) return makeError(Text::tr("cancelled; the customer features were not built"));
    if (rebuilt) *rebuilt = true;
    return std::nullopt;
}

} // namespace cwb::model
