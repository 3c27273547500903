#pragma once
// The SQL that computes user features: plain SQL aggregates, CASE and
// correlated [NOT] EXISTS — no window functions, no SQLite-only functions —
// so the same text runs on PostgreSQL. Statements take the reference time
// (:as_of), the churn model's cut-off (:cutoff), the start of the data
// (:data_start) or a snapshot time (:until) as bound parameters.
//
// Two snapshots are built: as of :as_of (the features) and as of :cutoff
// (for learning churn: only for customers who had ordered by then, and of
// those a fixed sample — a uid whose multiplicative hash falls below
// :sample_below out of 2^32 — so that the model learns from at most about
// kChurnSampleSize customers however big the shop).
// Activity is a user's behaviour events; a user with no events at all (a
// shop that imported only orders) has their orders as activity. A session
// starts at an activity with no earlier activity of the same user in the
// 30 minutes before it (events at the same second are ordered by id). The
// probe's ts range is bounded on both sides so that it reads only those 30
// minutes of the (uid, ts) index.

#include <string>
#include <string_view>

namespace cwb::model::feature_sql {

// Activity per user up to :until, for users :uid_from to :uid_to, as rows of (uid, events, views, searches,
// carts, favorites, purchases, sessions, active_days, mean_dwell, first_ts),
// for temp.f_activity (now) and temp.f_activity_cut (the cut-off).
std::string activityTable(std::string_view name);
// `query` is kActivityFromEvents or kActivityFromOrders; the cut-off snapshot
// is limited to customers with a paid order before :until. Reads only the
// workspace's own tables, so it can run on a second connection.
std::string activityQuery(std::string_view query, bool cutoffBuyersOnly);
extern const std::string_view kActivityFromEvents;
extern const std::string_view kActivityFromOrders;
// temp.f_orders: paid orders, net and paid spend, first and last paid
// order, for both snapshots (c_ columns for the cut-off).
extern const std::string_view kOrdersTable;
extern const std::string_view kOrders;
// temp.f_weeks: weeks each user was observed up to each snapshot.
extern const std::string_view kWeeksTable;
extern const std::string_view kWeeks;
// temp.f_rfm (uid, r, f, m, grp) is filled by the caller before the features.
extern const std::string_view kRfmTable;

// INSERT INTO `target` (the user_features columns) from the temp tables, for
// the current snapshot (with RFM, every user) or the cut-off one (no RFM,
// only customers who had ordered by then).
std::string featuresInsert(std::string_view target, bool cutoffSnapshot);

// Views and purchases per user and category -> user_category_stats, from
// events, or purchases from order lines and product categories when no
// purchase event carries a category.
extern const std::string_view kCategoryFromEvents;
extern const std::string_view kCategoryPurchasesFromOrderLines;

} // namespace cwb::model::feature_sql
