#include "features/feature_sql.h"

namespace cwb::model::feature_sql {

const std::string_view kActivityTable = R"SQL(
CREATE TEMP TABLE f_activity (
  uid INTEGER PRIMARY KEY, events INTEGER, views INTEGER, searches INTEGER, carts INTEGER,
  favorites INTEGER, purchases INTEGER, sessions INTEGER, active_days INTEGER,
  mean_dwell REAL, first_ts INTEGER)
)SQL";

const std::string_view kActivity = R"SQL(
INSERT INTO f_activity
SELECT uid,
       sum(CASE WHEN kind <> 'order' THEN 1 ELSE 0 END),
       sum(CASE WHEN kind = 'view' THEN 1 ELSE 0 END),
       sum(CASE WHEN kind = 'search' THEN 1 ELSE 0 END),
       sum(CASE WHEN kind = 'cart' THEN 1 ELSE 0 END),
       sum(CASE WHEN kind = 'favorite' THEN 1 ELSE 0 END),
       sum(CASE WHEN kind = 'purchase' THEN 1 ELSE 0 END),
       sum(CASE WHEN prev_ts IS NULL OR ts - prev_ts > 1800 THEN 1 ELSE 0 END),
       count(DISTINCT ts / 86400),
       avg(CASE WHEN kind = 'view' THEN dwell_seconds END),
       min(ts)
FROM (SELECT uid, ts, kind, dwell_seconds,
             LAG(ts) OVER (PARTITION BY uid ORDER BY ts) AS prev_ts
      FROM (SELECT uid, ts, type AS kind, dwell_seconds FROM events WHERE ts < :as_of
            UNION ALL
            SELECT uid, ts, 'order', NULL FROM orders WHERE uid IS NOT NULL AND ts < :as_of) AS activity) AS ordered
GROUP BY uid
)SQL";

const std::string_view kOrdersTable = R"SQL(
CREATE TEMP TABLE f_orders (
  uid INTEGER PRIMARY KEY, orders INTEGER, net REAL, paid REAL, first_paid INTEGER, last_paid INTEGER)
)SQL";

const std::string_view kOrders = R"SQL(
INSERT INTO f_orders
SELECT uid,
       sum(CASE WHEN status = 'paid' THEN 1 ELSE 0 END),
       sum(amount),
       sum(CASE WHEN status = 'paid' THEN amount ELSE 0 END),
       min(CASE WHEN status = 'paid' THEN ts END),
       max(CASE WHEN status = 'paid' THEN ts END)
FROM orders
WHERE uid IS NOT NULL AND ts < :as_of
GROUP BY uid
)SQL";

// Weeks observed: from the later of the data's start and the user's first
// sign of life (sign-up, or first activity when the sign-up is unknown) to
// the reference time; at least one week.
const std::string_view kWeeksTable = R"SQL(
CREATE TEMP TABLE f_weeks (uid INTEGER PRIMARY KEY, weeks REAL)
)SQL";

const std::string_view kWeeks = R"SQL(
INSERT INTO f_weeks
SELECT uid, CASE WHEN span > 604800 THEN span / 604800.0 ELSE 1.0 END
FROM (SELECT u.uid AS uid,
             :as_of - CASE WHEN coalesce(u.signup_date, a.first_ts, :as_of) > :data_start
                           THEN coalesce(u.signup_date, a.first_ts, :as_of) ELSE :data_start END AS span
      FROM users u LEFT JOIN f_activity a ON a.uid = u.uid) AS spans
)SQL";

const std::string_view kFeatures = R"SQL(
INSERT INTO user_features (
  uid, orders, monetary, paid_spend, avg_order_value, first_order_ts, last_order_ts, recency_days,
  events, views, searches, carts, favorites, purchases, sessions, active_days, weeks_observed,
  sessions_per_week, browse_depth, mean_dwell_seconds, cart_to_purchase, days_since_signup, member_level)
SELECT u.uid,
       coalesce(o.orders, 0),
       coalesce(o.net, 0),
       coalesce(o.paid, 0),
       CASE WHEN o.orders > 0 THEN o.paid / o.orders END,
       o.first_paid,
       o.last_paid,
       CASE WHEN o.orders > 0 THEN :as_of / 86400 - o.last_paid / 86400 END,
       coalesce(a.events, 0), coalesce(a.views, 0), coalesce(a.searches, 0), coalesce(a.carts, 0),
       coalesce(a.favorites, 0), coalesce(a.purchases, 0), coalesce(a.sessions, 0), coalesce(a.active_days, 0),
       w.weeks,
       coalesce(a.sessions, 0) / w.weeks,
       CASE WHEN a.sessions > 0 THEN 1.0 * a.views / a.sessions END,
       a.mean_dwell,
       CASE WHEN a.carts > 0 THEN 1.0 * a.purchases / a.carts END,
       CASE WHEN u.signup_date IS NOT NULL AND u.signup_date < :as_of THEN :as_of / 86400 - u.signup_date / 86400 END,
       CASE WHEN lower(u.member_tier) IN ('none', 'no', 'basic', 'regular', 'normal', 'standard', 'member', '普通', '普通会员', '非会员', '无') THEN 0
            WHEN lower(u.member_tier) IN ('silver', 'bronze', '白银', '银卡', '青铜', '铜卡', 'vip1') THEN 1
            WHEN lower(u.member_tier) IN ('gold', '黄金', '金卡', 'vip2') THEN 2
            WHEN lower(u.member_tier) IN ('platinum', 'diamond', 'black', '铂金', '白金', '钻石', '黑卡', 'vip3') THEN 3
       END
FROM users u
JOIN f_weeks w ON w.uid = u.uid
LEFT JOIN f_orders o ON o.uid = u.uid
LEFT JOIN f_activity a ON a.uid = u.uid
)SQL";

const std::string_view kCategoryFromEvents = R"SQL(
INSERT INTO user_category_stats (uid, category, views, purchases)
SELECT uid, category,
       sum(CASE WHEN type = 'view' THEN 1 ELSE 0 END),
       sum(CASE WHEN type = 'purchase' THEN 1 ELSE 0 END)
FROM events
WHERE ts < :as_of AND category IS NOT NULL
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
