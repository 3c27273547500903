#pragma once
// The SQL that computes user features. Plain SQL aggregates plus the
// standard LAG window function, no SQLite-only functions, so the same text
// runs on PostgreSQL; each statement takes the reference time (:as_of, Unix
// seconds) and the start of the data (:data_start) as bound parameters.

#include <string_view>

namespace cwb::model::feature_sql {

// Activity (events and orders, in time order per user) -> temp.f_activity:
// counts per event type, sessions (a gap of over 30 minutes starts a new
// one), active days, mean dwell, first activity.
extern const std::string_view kActivityTable;
extern const std::string_view kActivity;
// Paid orders and net spend (cancellations subtract) -> temp.f_orders.
extern const std::string_view kOrdersTable;
extern const std::string_view kOrders;
// Weeks each user was observed -> temp.f_weeks.
extern const std::string_view kWeeksTable;
extern const std::string_view kWeeks;
// temp tables -> user_features (one row per user, RFM and churn filled later).
extern const std::string_view kFeatures;
// Views and purchases per user and category -> user_category_stats, from
// events, or from order lines and product categories when no purchase
// event carries a category.
extern const std::string_view kCategoryFromEvents;
extern const std::string_view kCategoryPurchasesFromOrderLines;

} // namespace cwb::model::feature_sql
