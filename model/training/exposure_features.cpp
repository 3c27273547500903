#include "training/exposure_features.h"

#include "core/text.h"
#include "features/feature_builder.h"
#include "sql/sql_error.h"
#include "sql/statement.h"
#include "sql/transaction.h"
#include "training/campaign_offer.h"
#include "workspace/meta.h"
#include "workspace/workspace.h"

#include <QElapsedTimer>

#include <algorithm>

namespace cwb::model {

namespace {

// Plain SQL-92 aggregates and CASE (% on integers aside), so the text runs on
// PostgreSQL too. {population} holds (campaign_id, uid) pairs, {into} gets their
// rows; :c the campaign, :start its start (Unix seconds), :data_start the first
// activity in the workspace; the campaign's categories are in temp.x_categories. Weeks observed run from the later of sign-up and the
// data's start to the campaign's start (at least one).
constexpr std::string_view kInsert = R"SQL(
INSERT INTO {into} (
  campaign_id, uid, orders, paid_spend, avg_order_value, recency_days, orders_90d,
  events, events_30d, views, searches, carts, favorites, purchases, active_days, active_days_30d, weeks_observed, mean_dwell_seconds,
  days_since_signup, prior_offers, prior_redemptions, prior_conversions, category_views,
  h0, h1, h2, h3, h4, h5, h6, h7)
SELECT x.campaign_id, x.uid,
       coalesce(o.orders, 0),
       coalesce(o.paid, 0),
       CASE WHEN o.orders > 0 THEN o.paid / o.orders END,
       CASE WHEN o.orders > 0 THEN (:start - o.last_paid) / 86400 END,
       coalesce(o.orders_90d, 0),
       coalesce(e.events, 0), coalesce(e.events_30d, 0), coalesce(e.views, 0), coalesce(e.searches, 0),
       coalesce(e.carts, 0), coalesce(e.favorites, 0), coalesce(e.purchases, 0), coalesce(e.active_days, 0),
       coalesce(e.active_days_30d, 0),
       CASE WHEN coalesce(u.signup_date, :data_start) > :data_start
            THEN CASE WHEN :start - u.signup_date > 604800 THEN (:start - u.signup_date) / 604800.0 ELSE 1.0 END
            ELSE CASE WHEN :start - :data_start > 604800 THEN (:start - :data_start) / 604800.0 ELSE 1.0 END END,
       e.mean_dwell,
       CASE WHEN u.signup_date IS NOT NULL AND u.signup_date < :start THEN (:start - u.signup_date) / 86400 END,
       coalesce(p.offers, 0), coalesce(p.redemptions, 0), coalesce(p.conversions, 0),
       CASE WHEN :has_categories = 1 THEN coalesce(e.category_views, 0) END,
       coalesce(e.h0, 0), coalesce(e.h1, 0), coalesce(e.h2, 0), coalesce(e.h3, 0),
       coalesce(e.h4, 0), coalesce(e.h5, 0), coalesce(e.h6, 0), coalesce(e.h7, 0)
FROM {population} x
JOIN users u ON u.uid = x.uid
LEFT JOIN (SELECT uid,
                  sum(CASE WHEN status = 'paid' THEN 1 ELSE 0 END) AS orders,
                  sum(CASE WHEN status = 'paid' THEN amount ELSE 0 END) AS paid,
                  max(CASE WHEN status = 'paid' THEN ts END) AS last_paid,
                  sum(CASE WHEN status = 'paid' AND ts >= :start - 7776000 THEN 1 ELSE 0 END) AS orders_90d
           FROM orders
           WHERE ts < :start AND uid IN (SELECT uid FROM {population} WHERE campaign_id = :c)
           GROUP BY uid) o ON o.uid = x.uid
LEFT JOIN (SELECT uid,
                  count(*) AS events,
                  sum(CASE WHEN ts >= :start - 2592000 THEN 1 ELSE 0 END) AS events_30d,
                  sum(CASE WHEN type = 'view' THEN 1 ELSE 0 END) AS views,
                  sum(CASE WHEN type = 'search' THEN 1 ELSE 0 END) AS searches,
                  sum(CASE WHEN type = 'cart' THEN 1 ELSE 0 END) AS carts,
                  sum(CASE WHEN type = 'favorite' THEN 1 ELSE 0 END) AS favorites,
                  sum(CASE WHEN type = 'purchase' THEN 1 ELSE 0 END) AS purchases,
                  count(DISTINCT ts / 86400) AS active_days,
                  count(DISTINCT CASE WHEN ts >= :start - 2592000 THEN ts / 86400 END) AS active_days_30d,
                  avg(CASE WHEN type = 'view' THEN dwell_seconds END) AS mean_dwell,
                  sum(CASE WHEN type = 'view' AND category IN (SELECT category FROM temp.x_categories) THEN 1 ELSE 0 END) AS category_views,
                  sum(CASE WHEN (ts % 86400) / 10800 = 0 THEN 1 ELSE 0 END) AS h0,
                  sum(CASE WHEN (ts % 86400) / 10800 = 1 THEN 1 ELSE 0 END) AS h1,
                  sum(CASE WHEN (ts % 86400) / 10800 = 2 THEN 1 ELSE 0 END) AS h2,
                  sum(CASE WHEN (ts % 86400) / 10800 = 3 THEN 1 ELSE 0 END) AS h3,
                  sum(CASE WHEN (ts % 86400) / 10800 = 4 THEN 1 ELSE 0 END) AS h4,
                  sum(CASE WHEN (ts % 86400) / 10800 = 5 THEN 1 ELSE 0 END) AS h5,
                  sum(CASE WHEN (ts % 86400) / 10800 = 6 THEN 1 ELSE 0 END) AS h6,
                  sum(CASE WHEN (ts % 86400) / 10800 = 7 THEN 1 ELSE 0 END) AS h7
           FROM events
           WHERE ts < :start AND uid IN (SELECT uid FROM {population} WHERE campaign_id = :c)
           GROUP BY uid) e ON e.uid = x.uid
LEFT JOIN (SELECT px.uid,
                  count(*) AS offers,
                  sum(coalesce(r.redeemed, 0)) AS redemptions,
                  sum(coalesce(r.converted, 0)) AS conversions
           FROM exposures px
           JOIN campaigns pc ON pc.campaign_id = px.campaign_id
           LEFT JOIN responses r ON r.campaign_id = px.campaign_id AND r.uid = px.uid
           WHERE px.grp = 'treatment' AND pc.end_ts IS NOT NULL AND pc.end_ts <= :start
             AND px.uid IN (SELECT uid FROM {population} WHERE campaign_id = :c)
           GROUP BY px.uid) p ON p.uid = x.uid
WHERE x.campaign_id = :c
)SQL";

} // namespace

std::string historyInsertSql(std::string_view into, std::string_view population)
{
    std::string sql(kInsert);
    for (auto [token, value] : {std::pair{std::string_view("{into}"), into}, std::pair{std::string_view("{population}"), population}})
        for (std::size_t at = sql.find(token); at != std::string::npos; at = sql.find(token, at + value.size()))
            sql.replace(at, token.size(), value);
    return sql;
}

Result<ExposureFeatureReport> ensureExposureFeatures(Workspace& ws, bool force, const std::function<bool(const QString&, double)>& progress)
{
    ExposureFeatureReport report;
    Database& db = ws.db();
    const qint64 version = ws.dataVersion();
    if (!force) {
        const auto built = readMeta(db, "exposure_features.data_version");
        if (built && built->toLongLong() == version) return report;
    }
    QElapsedTimer timer;
    timer.start();
    try {
        ForeignKeysOff fkOff(db);   // every row comes from an exposure read in this transaction
        Transaction tx(db);
        db.exec("DELETE FROM exposure_features");
        db.exec("DROP TABLE IF EXISTS temp.x_categories");
        db.exec("CREATE TEMP TABLE x_categories (category TEXT PRIMARY KEY)");
        const QList<CampaignOffer> campaigns = exposedCampaigns(db);
        const qint64 dataStart = activitySpan(db).first.value_or(0);
        Statement insert = db.prepare(historyInsertSql("exposure_features", "exposures"));
        Statement addCategory = db.prepare("INSERT OR IGNORE INTO temp.x_categories (category) VALUES (?)");
        for (qsizetype k = 0; k < campaigns.size(); ++k) {
            const CampaignOffer& c = campaigns[k];
            if (progress && !progress(Text::tr("history before campaign \"%1\"").arg(c.name), double(k) / double(campaigns.size()))) {
                report.cancelled = true;
                return report;   // the transaction rolls back
            }
            db.exec("DELETE FROM temp.x_categories");
            for (const QString& cat : c.categories) {
                addCategory.bind(1, cat);
                addCategory.run();
            }
            insert.bindNamed(":c", static_cast<std::int64_t>(c.id))
                .bindNamed(":start", static_cast<std::int64_t>(c.startTs))
                .bindNamed(":data_start", static_cast<std::int64_t>(std::min(dataStart, c.startTs)))
                .bindNamed(":has_categories", static_cast<std::int64_t>(c.categories.isEmpty() ? 0 : 1));
            insert.run();
            report.rows += db.changes();
            ++report.campaigns;
        }
        db.exec("DROP TABLE temp.x_categories");
        writeMeta(db, "exposure_features.data_version", QString::number(version));
        tx.commit();
    } catch (const SqlError& e) {
        try {
            db.exec("DROP TABLE IF EXISTS temp.x_categories");
        } catch (const SqlError&) {
        }
        if (e.isInterrupted()) {
            report.cancelled = true;
            return report;
        }
        return makeError(Text::tr("reading the users' history before each campaign failed: %1").arg(QString::fromUtf8(e.what())));
    }
    report.rebuilt = true;
    report.seconds = double(timer.elapsed()) / 1000.0;
    return report;
}

} // namespace cwb::model
