#include "features/feature_builder.h"

#include "core/text.h"
#include "features/feature_sql.h"
#include "segment/rfm.h"
#include "sql/sql_error.h"
#include "sql/statement.h"
#include "sql/transaction.h"
#include "workspace/meta.h"
#include "workspace/workspace.h"

#include <QDateTime>
#include <QElapsedTimer>

namespace cwb::model {

namespace {

void runWithTimes(Database& db, std::string_view sql, qint64 asOf, qint64 dataStart)
{
    Statement st = db.prepare(sql);
    st.bindNamed(":as_of", static_cast<std::int64_t>(asOf)).bindNamed(":data_start", static_cast<std::int64_t>(dataStart));
    st.run();
}

qint64 dataStartOf(Database& db, qint64 asOf)
{
    Statement st = db.prepare("SELECT min(t) FROM (SELECT min(ts) AS t FROM events UNION ALL SELECT min(ts) FROM orders) AS firsts");
    return st.step() && !st.isNull(0) ? std::min<qint64>(st.int64(0), asOf) : asOf;
}

} // namespace

qint64 defaultAsOf(Database& db)
{
    Statement st = db.prepare("SELECT max(t) FROM (SELECT max(ts) AS t FROM events UNION ALL SELECT max(ts) FROM orders) AS lasts");
    if (st.step() && !st.isNull(0)) return (st.int64(0) / 86400 + 1) * 86400;
    return (QDateTime::currentSecsSinceEpoch() / 86400 + 1) * 86400;
}

// Computes the aggregates as of `asOf` into the temp tables f_activity,
// f_orders and f_weeks (dropped first), ready for feature_sql::kFeatures.
void computeAggregates(Database& db, qint64 asOf, qint64 dataStart)
{
    for (const char* t : {"f_activity", "f_orders", "f_weeks"}) db.exec(std::string("DROP TABLE IF EXISTS temp.") + t);
    db.exec(feature_sql::kActivityTable);
    db.exec(feature_sql::kOrdersTable);
    db.exec(feature_sql::kWeeksTable);
    runWithTimes(db, feature_sql::kActivity, asOf, dataStart);
    runWithTimes(db, feature_sql::kOrders, asOf, dataStart);
    runWithTimes(db, feature_sql::kWeeks, asOf, dataStart);
}

void dropAggregates(Database& db)
{
    for (const char* t : {"f_activity", "f_orders", "f_weeks"}) db.exec(std::string("DROP TABLE IF EXISTS temp.") + t);
}

Result<FeatureBuildReport> buildFeatures(Workspace& ws, const FeatureBuildOptions& options,
                                         const std::function<bool(const QString&, double)>& progress)
{
    QElapsedTimer timer;
    timer.start();
    Database& db = ws.db();
    FeatureBuildReport report;
    auto step = [&](const QString& what, double fraction) { return !progress || progress(what, fraction); };
    try {
        Transaction tx(db);
        report.asOf = options.asOf ? *options.asOf : defaultAsOf(db);
        report.dataStart = dataStartOf(db, report.asOf);
        report.dataVersion = ws.dataVersion();
        db.exec("DELETE FROM user_features");
        db.exec("DELETE FROM user_category_stats");

        if (!step(Text::tr("aggregating behaviour and orders"), 0.05)) return (report.cancelled = true, report);
        computeAggregates(db, report.asOf, report.dataStart);
        if (!step(Text::tr("writing features"), 0.45)) return (report.cancelled = true, report);
        runWithTimes(db, feature_sql::kFeatures, report.asOf, report.dataStart);
        dropAggregates(db);

        if (!step(Text::tr("category interest"), 0.6)) return (report.cancelled = true, report);
        runWithTimes(db, feature_sql::kCategoryFromEvents, report.asOf, report.dataStart);
        const bool purchaseEventsHaveCategories =
            db.queryInt("SELECT count(*) FROM (SELECT 1 FROM events WHERE type = 'purchase' AND category IS NOT NULL LIMIT 1) AS any_row") > 0;
        if (!purchaseEventsHaveCategories) {
            // Purchases by category from order lines; merged with the view counts.
            db.exec("CREATE TEMP TABLE IF NOT EXISTS f_line_categories (uid INTEGER, category TEXT, views INTEGER, purchases INTEGER)");
            db.exec("DELETE FROM temp.f_line_categories");
            std::string sql(feature_sql::kCategoryPurchasesFromOrderLines);
            sql.replace(sql.find("user_category_stats"), std::string("user_category_stats").size(), "temp.f_line_categories");
            runWithTimes(db, sql, report.asOf, report.dataStart);
            db.exec("INSERT INTO user_category_stats (uid, category, views, purchases) "
                    "SELECT uid, category, 0, purchases FROM temp.f_line_categories WHERE true "
                    "ON CONFLICT (uid, category) DO UPDATE SET purchases = excluded.purchases");
            db.exec("DROP TABLE temp.f_line_categories");
        }
        report.categories = db.queryInt("SELECT count(DISTINCT category) FROM user_category_stats");

        if (!step(Text::tr("RFM scores"), 0.7)) return (report.cancelled = true, report);
        {
            std::vector<std::int64_t> uids;
            std::vector<double> recency, frequency, monetary;
            Statement read = db.prepare("SELECT uid, coalesce(recency_days, 0), orders, monetary FROM user_features ORDER BY uid");
            while (read.step()) {
                uids.push_back(read.int64(0));
                recency.push_back(read.real(1));
                frequency.push_back(read.real(2));
                monetary.push_back(read.real(3));
            }
            const engine::RfmScores s = engine::scoreRfm(recency, frequency, monetary);
            Statement write = db.prepare("UPDATE user_features SET rfm_r = ?, rfm_f = ?, rfm_m = ?, rfm_group = ? WHERE uid = ?");
            for (std::size_t i = 0; i < uids.size(); ++i) {
                const QString group = QString::fromLatin1(engine::rfmGroupName(s.group[i]).data());
                ++report.rfmGroups[group];
                if (s.group[i] == engine::RfmGroup::Prospects) {
                    write.bindNull(1).bindNull(2).bindNull(3);
                } else {
                    write.bind(1, int(s.r[i])).bind(2, int(s.f[i])).bind(3, int(s.m[i]));
                }
                write.bind(4, engine::rfmGroupName(s.group[i])).bind(5, uids[i]);
                write.run();
            }
            report.users = static_cast<qint64>(uids.size());
        }

        if (!step(Text::tr("churn risk"), 0.8)) return (report.cancelled = true, report);
        report.churn = trainChurnModel(db, report.asOf, report.dataStart, options.seed);

        writeMeta(db, "features.data_version", QString::number(report.dataVersion));
        writeMeta(db, "features.as_of", QString::number(report.asOf));
        writeMeta(db, "features.built_at", QString::number(QDateTime::currentSecsSinceEpoch()));
        tx.commit();
    } catch (const SqlError& e) {
        dropAggregates(db);
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

Status ensureFeatures(Workspace& ws, bool* rebuilt)
{
    if (rebuilt) *rebuilt = false;
    const FeatureState s = featureState(ws);
    if (s.built && s.current) return std::nullopt;
    FeatureBuildOptions o;
    if (s.built) o.asOf = std::nullopt;   // the data changed: measure as of its new end
    auto r = buildFeatures(ws, o);
    if (!r) return r.error();
    if (rebuilt) *rebuilt = true;
    return std::nullopt;
}

} // namespace cwb::model
