#pragma once
// Preset for the UCI "Online Retail" transactions (InvoiceNo, StockCode,
// Description, Quantity, InvoiceDate, UnitPrice, CustomerID, Country; one
// row per invoice line).
//
// - Every line becomes an order line (order_items, numbered per invoice in
//   file order; repeated identical lines are kept: the source has them).
// - Every invoice becomes one order: time of its first line, amount =
//   sum(quantity * unit price) rounded to the cent, item_count = sum(quantity).
//   Invoices starting with "C" are cancellations: status 'cancelled', negative
//   amounts.
// - CustomerID becomes a user (region = Country, the first one seen);
//   invoices without a CustomerID are imported as guest orders (no user).
// - StockCode becomes a product (name = the last non-empty Description,
//   price = the last positive UnitPrice).
// - Rejected, with a reason: "A" invoices (bad-debt adjustments, not sales),
//   negative quantities on invoices that are not cancellations (stock
//   write-offs), zero quantities, negative prices, and unreadable values.

#include "import/import_context.h"

namespace cwb::model {

std::unique_ptr<RowHandler> makeOnlineRetailPreset();
// The columns the file must have (compared case-insensitively).
const std::vector<const char*>& onlineRetailColumns();

} // namespace cwb::model
