#include "import/preset_online_retail.h"
#include "core/text.h"

#include "import/preset_support.h"
#include "import/value_parsers.h"
#include "sql/database.h"
#include "sql/statement.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

namespace cwb::model {

namespace {

QString qs(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

enum Col { InvoiceNo, StockCode, Description, Quantity, InvoiceDate, UnitPrice, CustomerID, Country, ColCount };
const std::vector<const char*> kColumns{"InvoiceNo", "StockCode", "Description", "Quantity",
                                        "InvoiceDate", "UnitPrice", "CustomerID", "Country"};

struct Order {
    std::optional<std::int64_t> uid;
    std::string customer;      // as written, to spot lines of another customer
    std::int64_t ts = 0;
    double amount = 0;
    std::int64_t items = 0;
    bool cancelled = false;
    int lines = 0;
};

struct ProductInfo {
    std::string name;
    double price = -1;
};

// std::string keys looked up by string_view without building a string.
struct ViewHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <class V>
using StringMap = std::unordered_map<std::string, V, ViewHash, std::equal_to<>>;

template <class V>
V& entry(StringMap<V>& map, std::string_view key, bool* fresh = nullptr)
{
    auto it = map.find(key);
    const bool missing = it == map.end();
    if (missing) it = map.emplace(std::string(key), V{}).first;
    if (fresh) *fresh = missing;
    return it->second;
}

bool allDigits(std::string_view s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

class OnlineRetailPreset final : public RowHandler {
public:
    QString target() const override { return QStringLiteral("preset:online-retail"); }

    Status begin(ImportContext& ctx) override
    {
        if (Status s = locateColumns(ctx.header(), kColumns, col_, QStringLiteral("Online Retail"))) return s;
        for (int c = 0; c < ColCount; ++c)
            ctx.report.mapping << QStringLiteral("%1 \u2190 %2").arg(QString::fromLatin1(kColumns[static_cast<std::size_t>(c)]), ctx.header()[col_[static_cast<std::size_t>(c)]]);
        item_ = ctx.db.prepare("INSERT INTO order_items (order_id, line_no, product_id, quantity, unit_price) VALUES (?, ?, ?, ?, ?) "
                               "ON CONFLICT (order_id, line_no) DO UPDATE SET product_id = excluded.product_id, "
                               "quantity = excluded.quantity, unit_price = excluded.unit_price");
        user_ = ctx.db.prepare("INSERT INTO users (user_id, region) VALUES (?, ?)");
        ordersExisted_ = ctx.db.queryInt("SELECT count(*) FROM orders") > 0;
        ctx.prepareBulkLoad("order_items", ctx.estimatedRecords());
        return std::nullopt;
    }

    void row(const CsvRecord& rec, ImportContext& ctx) override
    {
        auto field = [&](Col c) { return trimmed(rec[static_cast<std::size_t>(col_[c])]); };
        auto bad = [&](Col c, const QString& reason, const QString& what) {
            ctx.reject(rec, col_[c], reason, presetWhere(rec, col_[c], ctx) + QStringLiteral(": \"") + qs(field(c)) + QStringLiteral("\" ") + what);
        };
        const std::string_view invoice = field(InvoiceNo);
        if (invoice.empty()) return bad(InvoiceNo, Text::tr("missing value"), Text::tr("is empty: every line needs its invoice number"));
        if (invoice.front() == 'A' || invoice.front() == 'a')
            return bad(InvoiceNo, Text::tr("accounting adjustment"), Text::tr("is a bad-debt adjustment (an \"A\" invoice), not a sale"));
        const bool cancelled = invoice.front() == 'C' || invoice.front() == 'c';
        const std::string_view stock = field(StockCode);
        if (stock.empty()) return bad(StockCode, Text::tr("missing value"), Text::tr("is empty: every line needs a stock code"));

        ParseFailure why = ParseFailure::None;
        const auto quantity = parseInteger(field(Quantity), ctx.numbers, &why);
        if (!quantity) return bad(Quantity, Text::tr("not a number"), describe(why));
        if (*quantity == 0) return bad(Quantity, Text::tr("zero quantity"), Text::tr("is zero: a line must sell or return something"));
        if (*quantity < 0 && !cancelled)
            return bad(Quantity, Text::tr("stock adjustment"),
                       Text::tr("is negative on an invoice that is not a cancellation: a stock write-off (damaged, lost), not a customer's return"));
        if (*quantity > 0 && cancelled)
            return bad(Quantity, Text::tr("not allowed"), Text::tr("is positive on a cancellation invoice"));
        const auto price = parseNumber(field(UnitPrice), ctx.numbers, &why);
        if (!price) return bad(UnitPrice, Text::tr("not a number"), describe(why));
        if (*price < 0) return bad(UnitPrice, Text::tr("negative price"), Text::tr("is a negative unit price"));
        const auto ts = parseTimestamp(field(InvoiceDate), ctx.dates, &why);
        if (!ts) return bad(InvoiceDate, Text::tr("not a date"), describe(why));
        if (*ts < ctx.earliestTime || *ts > ctx.latestTime)
            return bad(InvoiceDate, Text::tr("date out of range"), Text::tr("is before 1990 or in the future"));

        // The customer: CustomerID may be written 17850 or 17850.0.
        std::string_view customer = field(CustomerID);
        if (!customer.empty() && !allDigits(customer)) {
            const auto asNumber = parseNumber(customer, {});
            if (asNumber && std::floor(*asNumber) == *asNumber && *asNumber >= 0 && *asNumber < 1e15) {
                customerText_ = std::to_string(static_cast<long long>(*asNumber));
                customer = customerText_;
            }
        }
        bool freshOrder = false;
        Order& order = entry(orders_, invoice, &freshOrder);
        if (freshOrder) {
            order.customer = customer;
            order.ts = *ts;
            order.cancelled = cancelled;
            if (!customer.empty()) order.uid = userFor(std::string(customer), field(Country), ctx);
        } else if (order.customer != customer) {
            return bad(CustomerID, Text::tr("conflicting customer"),
                       Text::tr("differs from the customer on the invoice's earlier lines (\"%1\")").arg(qs(order.customer)));
        }
        order.ts = std::min(order.ts, *ts);
        order.amount += double(*quantity) * *price;
        order.items += *quantity;

        item_.bind(1, invoice, false).bind(2, ++order.lines).bind(3, stock, false).bind(4, *quantity).bind(5, *price);
        item_.run();
        ++lines_;
        if (customer.empty()) ++guestLines_;

        ProductInfo& product = entry(products_, stock);
        const std::string_view description = field(Description);
        if (!description.empty() && description != product.name) product.name.assign(description);
        if (*price > 0) product.price = *price;
        ctx.accepted();
    }

    Status finish(ImportContext& ctx) override
    {
        Statement exists = ctx.db.prepare("SELECT 1 FROM orders WHERE order_id = ?");
        Statement order = ctx.db.prepare(
            "INSERT INTO orders (order_id, uid, ts, amount, item_count, status) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (order_id) DO UPDATE SET uid = excluded.uid, ts = excluded.ts, amount = excluded.amount, "
            "item_count = excluded.item_count, status = excluded.status");
        qint64 cancelled = 0, guest = 0;
        for (const auto& [id, o] : orders_) {
            bool existed = false;
            if (ordersExisted_) {
                exists.bind(1, std::string_view(id), false);
                existed = exists.step();
                exists.reset();
            }
            order.bind(1, std::string_view(id), false)
                .bind(2, o.uid)
                .bind(3, o.ts)
                .bind(4, std::round(o.amount * 100.0) / 100.0)
                .bind(5, o.items)
                .bind(6, o.cancelled ? "cancelled" : "paid");
            order.run();
            existed ? ctx.countUpdated(QStringLiteral("orders")) : ctx.countInserted(QStringLiteral("orders"));
            cancelled += o.cancelled;
            guest += !o.uid.has_value();
        }
        Statement product = ctx.db.prepare(
            "INSERT INTO products (product_id, name, price) VALUES (?, ?, ?) "
            "ON CONFLICT (product_id) DO UPDATE SET name = coalesce(excluded.name, products.name), "
            "price = coalesce(excluded.price, products.price)");
        for (const auto& [id, p] : products_) {
            product.bind(1, std::string_view(id), false);
            p.name.empty() ? product.bindNull(2) : product.bind(2, std::string_view(p.name), false);
            p.price > 0 ? product.bind(3, p.price) : product.bindNull(3);
            product.run();
            ctx.countInserted(QStringLiteral("products"));
        }
        ctx.countInserted(QStringLiteral("order_items"), lines_);
        ctx.note(Text::tr("%L1 invoices are cancellations (\"C\" invoices), kept as cancelled orders with negative amounts").arg(cancelled));
        ctx.note(Text::tr("%L1 lines (%L2 invoices) have no CustomerID; they were imported as guest orders: they count in sales "
                    "and products, not in any customer's history")
                     .arg(guestLines_)
                     .arg(guest));
        if (countryConflicts_ > 0)
            ctx.note(Text::tr("%L1 customers appear with more than one country; the first one seen was kept").arg(countryConflicts_));
        return std::nullopt;
    }

    QJsonObject describeMapping() const override { return {{QStringLiteral("preset"), QStringLiteral("online-retail")}}; }

    // Every line's order and every order's customer are written by this
    // import itself (orders at the end, from the same map the lines came from).
    bool resolvesAllReferences() const override { return true; }
    QString currency() const override { return QStringLiteral("GBP"); }

private:
    std::int64_t userFor(const std::string& customer, std::string_view country, ImportContext& ctx)
    {
        const auto [it, fresh] = countries_.try_emplace(customer, country);
        if (!fresh && it->second != country && conflicted_.insert(customer).second) ++countryConflicts_;
        if (auto uid = ctx.users().find(customer)) return *uid;
        user_.bind(1, std::string_view(customer), false);
        country.empty() ? user_.bindNull(2) : user_.bind(2, country, true);
        user_.run();
        const std::int64_t uid = ctx.db.lastInsertRowId();
        ctx.users().add(customer, uid);
        ctx.countInserted(QStringLiteral("users"));
        return uid;
    }

    std::vector<int> col_;
    Statement item_, user_;
    bool ordersExisted_ = false;
    StringMap<Order> orders_;
    StringMap<ProductInfo> products_;
    std::string customerText_;
    qint64 lines_ = 0;
    std::unordered_map<std::string, std::string> countries_;
    std::unordered_set<std::string> conflicted_;
    qint64 guestLines_ = 0;
    qint64 countryConflicts_ = 0;
};

} // namespace

std::unique_ptr<RowHandler> makeOnlineRetailPreset() { return std::make_unique<OnlineRetailPreset>(); }

const std::vector<const char*>& onlineRetailColumns() { return kColumns; }

} // namespace cwb::model
