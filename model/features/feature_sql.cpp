#include "features/feature_sql.h"

namespace cwb::model::feature_sql {

const std::string_view kActivityColumns =
    "uid INTEGER PRIMARY KEY, events INTEGER, views INTEGER, searches INTEGER, carts INTEGER, favorites INTEGER, "
    "purchases INTEGER, sessions INTEGER, active_days INTEGER, mean_dwell REAL, first_ts INTEGER";

// Active days count the activities that are the first of their day. Only
// session starts, and activities in the half hour after midnight, need a
// look back for that: any other activity has an earlier one of the same
// user less than 30 minutes before it, on the same day. (Cheaper than
// count(DISTINCT day), which sorts.)
const std::string_view kActivityFromEvents = R"SQL(
SELECT uid,
       count(*),
       sum(CASE WHEN type = 'view' THEN 1 ELSE 0 END),
       sum(CASE WHEN type = 'search' THEN 1 ELSE 0 END),
       sum(CASE WHEN type = 'cart' THEN 1 ELSE 0 END),
       sum(CASE WHEN type = 'favorite' THEN 1 ELSE 0 END),
       sum(CASE WHEN type = 'purchase' THEN 1 ELSE 0 END),
       sum(starts),
       sum(CASE WHEN (starts = 1 OR ts - day_start < 1800)
                     AND NOT EXISTS (SELECT 1 FROM events p
                                     WHERE p.uid = activity.uid AND p.ts BETWEEN activity.day_start AND activity.ts
                                       AND (p.ts < activity.ts OR p.event_id < activity.id))
                THEN 1 ELSE 0 END),
       avg(CASE WHEN type = 'view' THEN dwell_seconds END),
       min(ts)
FROM (SELECT e.uid AS uid, e.ts AS ts, e.event_id AS id, e.type AS type, e.dwell_seconds AS dwell_seconds,
             e.ts - e.ts % 86400 AS day_start,
             CASE WHEN EXISTS (SELECT 1 FROM events p
                               WHERE p.uid = e.uid AND p.ts BETWEEN e.ts - 1800 AND e.ts
                                 AND (p.ts < e.ts OR p.event_id < e.event_id))
                  THEN 0 ELSE 1 END AS starts
      FROM events e
      WHERE e.ts < :until AND e.uid BETWEEN :uid_from AND :uid_to @users) AS activity
GROUP BY uid
)SQL";

const std::string_view kActivityFromOrders = R"SQL(
SELECT uid, 0, 0, 0, 0, 0, 0, sum(starts), count(DISTINCT day), NULL, min(ts)
FROM (SELECT o.uid AS uid, o.ts AS ts, o.ts / 86400 AS day,
             CASE WHEN EXISTS (SELECT 1 FROM orders p
                               WHERE p.uid = o.uid AND p.ts BETWEEN o.ts - 1800 AND o.ts
                                 AND (p.ts < o.ts OR p.order_id < o.order_id))
                  THEN 0 ELSE 1 END AS starts
      FROM orders o
      WHERE o.uid IS NOT NULL AND o.ts < :until AND o.uid BETWEEN :uid_from AND :uid_to @users
        AND NOT EXISTS (SELECT 1 FROM events e WHERE e.uid = o.uid)) AS activity
GROUP BY uid
)SQL";

std::string activityTable(std::string_view name)
{
    return "CREATE TEMP TABLE " + std::string(name) + " (" + std::string(kActivityColumns) + ")";
}

std::string activityQuery(std::string_view query, bool cutoffBuyersOnly)
{
    std::string sql(query);
    // Customers with a paid order before the cut-off, in the fixed sample
    // (a multiplicative hash of the uid below :sample_below out of 2^32).
    const std::string filter = cutoffBuyersOnly
                                   ? "AND uid IN (SELECT uid FROM orders WHERE status = 'paid' AND uid IS NOT NULL AND ts < :until "
                                     "AND (uid * 2654435761) % 4294967296 < :sample_below)"
                                   : "";
    const std::size_t at = sql.find("@users");
    sql.replace(at, 6, filter);
    return sql;
}

const std::string_view kOrdersTable = R"SQL(
CREATE TEMP TABLE f_orders (
  uid INTEGER PRIMARY KEY, orders INTEGER, net REAL, paid REAL, first_paid INTEGER, last_paid INTEGER,
  c_orders INTEGER, c_net REAL, c_paid REAL, c_first_paid INTEGER, c_last_paid INTEGER)
)SQL";

const std::string_view kOrders = R"SQL(
INSERT INTO f_orders
SELECT uid,
       sum(CASE WHEN status = 'paid' THEN 1 ELSE 0 END),
       sum(amount),
       sum(CASE WHEN status = 'paid' THEN amount ELSE 0 END),
       min(CASE WHEN status = 'paid' THEN ts END),
       max(CASE WHEN status = 'paid' THEN ts END),
       sum(CASE WHEN status = 'paid' AND ts < :cutoff THEN 1 ELSE 0 END),
       sum(CASE WHEN ts < :cutoff THEN amount ELSE 0 END),
       sum(CASE WHEN status = 'paid' AND ts < :cutoff THEN amount ELSE 0 END),
       min(CASE WHEN status = 'paid' AND ts < :cutoff THEN ts END),
       max(CASE WHEN status = 'paid' AND ts < :cutoff THEN ts END)
FROM orders
WHERE uid IS NOT NULL AND ts < :as_of
GROUP BY uid
)SQL";

// Weeks observed: from the later of the data's start and the user's first
// sign of life (sign-up, or first activity when the sign-up is unknown) to
// the snapshot's time; at least one week.
const std::string_view kWeeksTable = R"SQL(
CREATE TEMP TABLE f_weeks (uid INTEGER PRIMARY KEY, weeks REAL, c_weeks REAL)
)SQL";

const std::string_view kWeeks = R"SQL(
INSERT INTO f_weeks
SELECT uid,
       CASE WHEN :as_of - start > 604800 THEN (:as_of - start) / 604800.0 ELSE 1.0 END,
       CASE WHEN :cutoff - c_start > 604800 THEN (:cutoff - c_start) / 604800.0 ELSE 1.0 END
FROM (SELECT u.uid AS uid,
             CASE WHEN coalesce(u.signup_date, a.first_ts, :as_of) > :data_start
                  THEN coalesce(u.signup_date, a.first_ts, :as_of) ELSE :data_start END AS start,
             CASE WHEN coalesce(u.signup_date, c.first_ts, :cutoff) > :data_start
                  THEN coalesce(u.signup_date, c.first_ts, :cutoff) ELSE :data_start END AS c_start
      FROM users u LEFT JOIN f_activity a ON a.uid = u.uid LEFT JOIN f_activity_cut c ON c.uid = u.uid) AS spans
)SQL";

const std::string_view kRfmTable = R"SQL(
CREATE TEMP TABLE f_rfm (uid INTEGER PRIMARY KEY, r INTEGER, f INTEGER, m INTEGER, grp TEXT)
)SQL";

std::string featuresInsert(std::string_view target, bool cutoff)
{
    // Column names are fixed here; only the snapshot prefix and target vary.
    const std::string c = cutoff ? "c_" : "";
    const std::string at = cutoff ? ":cutoff" : ":as_of";
    const std::string activity = cutoff ? "f_activity_cut" : "f_activity";
    std::string sql = "INSERT INTO " + std::string(target) + R"SQL( (
  uid, orders, monetary, paid_spend, avg_order_value, first_order_ts, last_order_ts, recency_days,
  events, views, searches, carts, favorites, purchases, sessions, active_days, weeks_observed,
  sessions_per_week, browse_depth, mean_dwell_seconds, cart_to_purchase, days_since_signup, member_level,
  rfm_r, rfm_f, rfm_m, rfm_group)
SELECT u.uid,
       coalesce(o.@orders, 0),
       coalesce(o.@net, 0),
       coalesce(o.@paid, 0),
       CASE WHEN o.@orders > 0 THEN o.@paid / o.@orders END,
       o.@first_paid,
       o.@last_paid,
       CASE WHEN o.@orders > 0 THEN @at / 86400 - o.@last_paid / 86400 END,
       coalesce(a.events, 0), coalesce(a.views, 0), coalesce(a.searches, 0), coalesce(a.carts, 0),
       coalesce(a.favorites, 0), coalesce(a.purchases, 0), coalesce(a.sessions, 0), coalesce(a.active_days, 0),
       w.@weeks,
       coalesce(a.sessions, 0) / w.@weeks,
       CASE WHEN a.sessions > 0 AND a.events > 0 THEN 1.0 * a.views / a.sessions END,
       a.mean_dwell,
       CASE WHEN a.carts > 0 THEN 1.0 * a.purchases / a.carts END,
       CASE WHEN u.signup_date IS NOT NULL AND u.signup_date < @at THEN @at / 86400 - u.signup_date / 86400 END,
       CASE WHEN lower(u.member_tier) IN ('none', 'no', 'basic', 'regular', 'normal', 'standard', 'member', '普通', '普通会员', '非会员', '无') THEN 0
            WHEN lower(u.member_tier) IN ('silver', 'bronze', '白银', '银卡', '青铜', '铜卡', 'vip1') THEN 1
            WHEN lower(u.member_tier) IN ('gold', '黄金', '金卡', 'vip2') THEN 2
            WHEN lower(u.member_tier) IN ('platinum', 'diamond', 'black', '铂金', '白金', '钻石', '黑卡', 'vip3') THEN 3
       END,
       @rfm
FROM users u
JOIN f_weeks w ON w.uid = u.uid
LEFT JOIN f_orders o ON o.uid = u.uid
LEFT JOIN @activity a ON a.uid = u.uid
@rfmjoin
@where)SQL";
    auto replaceAll = [&](const std::string& from, const std::string& to) {
        for (std::size_t pos = sql.find(from); pos != std::string::npos; pos = sql.find(from, pos + to.size())) sql.replace(pos, from.size(), to);
    };
    replaceAll("@rfmjoin", cutoff ? "" : "LEFT JOIN f_rfm r ON r.uid = u.uid");
    // The cut-off snapshot is only needed for the sampled customers who had ordered by then.
    replaceAll("@where", cutoff ? "WHERE o.c_orders > 0 AND (u.uid * 2654435761) % 4294967296 < :sample_below" : "");
    replaceAll("@rfm", cutoff ? "NULL, NULL, NULL, NULL" : "r.r, r.f, r.m, coalesce(r.grp, 'Prospects')");
    replaceAll("@at", at);
    replaceAll("@activity", activity);
    replaceAll("@", c);
    return sql;
}

const std::string_view kCategoryFromEvents = R"SQL(
INSERT INTO user_category_stats (uid, category, views, purchases)
SELECT uid, category,
       sum(CASE WHEN type = 'view' THEN 1 ELSE 0 END),
       sum(CASE WHEN type = 'purchase' THEN 1 ELSE 0 END)
FROM events
WHERE ts < :as_of AND category IS NOT NULL AND (type = 'view' OR type = 'purchase')
GROUP BY uid, category
)SQL";

const std::string_view kCategoryPurchasesFromOrderLines = R"SQL(
INSERT INTO user_category_stats (uid, category, views, purchases)
SELECT o.uid, p.category, 0, count(*)
FROM order_items i
JOIN orders o ON o.order_id = i.order_id
JOIN products p ON p.product_id = i.product_id
WHERE o.uid IS NOT NULL AND o.status = 'paid' AND o.ts < :as_of AND p.category IS NOT NULL
GROUP BY o.uid, p.category
)SQL";

} // namespace cwb::model::feature_sql
