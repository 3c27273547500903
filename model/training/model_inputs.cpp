#include "training/model_inputs.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <array>
#include <cmath>
#include <numbers>
#include <unordered_set>

namespace cwb::model {

using engine::MissingPolicy;
using engine::RawColumn;

namespace {

// Column order; the enum indexes table_.columns.
enum Col : std::size_t {
    Orders, PaidSpend, AverageOrderValue, RecencyDays, Orders90d, Events, Events30d, Views, Searches, Carts, Favorites, Purchases,
    ActiveDays, ActiveDays30d, ActiveDaysPerWeek, EventsPerWeek, OrdersPerWeek, MeanDwell, DaysSinceSignup, PriorOffers, PriorRedemptions, PriorConversions, PriorRedemptionRate,
    Age, Gender, Region, City, Occupation, MemberTier,
    OfferType, Channel, PercentOff, AmountOff, MinSpend, PointsMultiplier, DurationHours, StartHourSin, StartHourCos, Weekend,
    MemberOnly, CategoryLimited, DepthPercent,
    DepthOnBasket, ThresholdRatio, WindowActivityShare, StartActivityShare, CategoryViewShare,
    FixedColumns
};

RawColumn num(const char* name, MissingPolicy missing, bool indicator = false, bool log = false)
{
    return RawColumn::numeric(name, missing, indicator, log);
}

std::vector<RawColumn> fixedColumns()
{
    const auto zero = MissingPolicy::Zero, median = MissingPolicy::Median, max = MissingPolicy::Max;
    std::vector<RawColumn> c{
        num("orders", zero, false, true), num("paid_spend", zero, false, true), num("avg_order_value", median, true, true),
        num("recency_days", max, true, true), num("orders_90d", zero, false, true), num("events", zero, false, true),
        num("events_30d", zero, false, true), num("views", zero, false, true), num("searches", zero, false, true),
        num("carts", zero, false, true), num("favorites", zero, false, true), num("purchases", zero, false, true),
        num("active_days", zero, false, true), num("active_days_30d", zero), num("active_days_per_week", zero),
        num("events_per_week", zero, false, true), num("orders_per_week", zero), num("mean_dwell_seconds", median, false, true), num("days_since_signup", median, true, true),
        num("prior_offers", zero), num("prior_redemptions", zero), num("prior_conversions", zero), num("prior_redemption_rate", zero),
        num("age", median, true), RawColumn::categorical("gender"), RawColumn::categorical("region"), RawColumn::categorical("city"),
        RawColumn::categorical("occupation"), RawColumn::categorical("member_tier"),
        RawColumn::categorical("offer_type"), RawColumn::categorical("channel"), num("percent_off", zero, false, true), num("amount_off", zero, false, true),
        num("min_spend", zero), num("points_multiplier", zero), num("duration_hours", median, false, true), num("start_hour_sin", zero),
        num("start_hour_cos", zero), num("weekend", zero), num("member_only", zero), num("category_limited", zero), num("depth_percent", zero, false, true),
        num("depth_on_basket", median, true, true), num("threshold_ratio", median, true, true), num("window_activity_share", median, true),
        num("start_activity_share", median), num("category_view_share", median, true),
    };
    return c;
}

double ratio(double a, double b) { return b > 0 ? a / b : kMissing; }

static_assert(CategoryViewShare - DepthOnBasket + 1 == 5, "OfferFit::values() returns one value per offer-fit column");

} // namespace

AttributeSchema AttributeSchema::infer(const std::vector<QByteArray>& documents)
{
    struct Seen {
        qint64 values = 0, numbers = 0;
        std::unordered_set<QString> distinct;
    };
    QStringList order;
    QHash<QString, Seen> seen;
    for (const QByteArray& doc : documents) {
        if (doc.size() <= 2) continue;
        const QJsonObject o = QJsonDocument::fromJson(doc).object();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.value().isNull() || it.value().isUndefined()) continue;
            if (!seen.contains(it.key())) order << it.key();
            Seen& s = seen[it.key()];
            ++s.values;
            if (it.value().isDouble() || it.value().isBool()) ++s.numbers;
            else if (s.distinct.size() < 100000) s.distinct.insert(it.value().toVariant().toString());
        }
    }
    order.sort();
    AttributeSchema schema;
    for (const QString& key : order) {
        const Seen& s = seen[key];
        const bool numeric = s.numbers == s.values;
        // Text that is nearly unique per user (an id, a phone number) says nothing a model can use.
        if (!numeric && s.values >= 50 && double(s.distinct.size()) > 0.5 * double(s.values)) continue;
        schema.keys << key;
        schema.numeric.push_back(numeric ? 1 : 0);
    }
    return schema;
}

AttributeValues AttributeValues::parse(const AttributeSchema& schema, const QByteArray& document)
{
    AttributeValues v;
    v.numbers.assign(static_cast<std::size_t>(schema.keys.size()), kMissing);
    v.texts.resize(static_cast<std::size_t>(schema.keys.size()));
    if (document.size() <= 2) return v;
    const QJsonObject o = QJsonDocument::fromJson(document).object();
    for (qsizetype k = 0; k < schema.keys.size(); ++k) {
        const QJsonValue x = o.value(schema.keys[k]);
        if (x.isNull() || x.isUndefined()) continue;
        if (schema.numeric[static_cast<std::size_t>(k)]) {
            if (x.isDouble()) v.numbers[static_cast<std::size_t>(k)] = x.toDouble();
            else if (x.isBool()) v.numbers[static_cast<std::size_t>(k)] = x.toBool() ? 1.0 : 0.0;
        } else {
            v.texts[static_cast<std::size_t>(k)] = x.toVariant().toString().trimmed();
        }
    }
    return v;
}

ModelInputs::ModelInputs(AttributeSchema schema) : schema_(std::move(schema)) { reset(); }

void ModelInputs::reset()
{
    table_ = {};
    attributeColumn_.clear();
    table_.columns = fixedColumns();
    for (qsizetype k = 0; k < schema_.keys.size(); ++k) {
        const std::string name = "attr:" + schema_.keys[k].toStdString();
        attributeColumn_.push_back(table_.columns.size());
        table_.columns.push_back(schema_.numeric[static_cast<std::size_t>(k)] ? num("", MissingPolicy::Median, true) : RawColumn::categorical(""));
        table_.columns.back().name = name;
    }
}

QStringList ModelInputs::offerInputs()
{
    QStringList names;
    const std::vector<RawColumn> c = fixedColumns();
    for (std::size_t k = OfferType; k <= DepthPercent; ++k) names << QString::fromStdString(c[k].name);
    return names;
}

QStringList ModelInputs::offerFitInputs()
{
    QStringList names;
    const std::vector<RawColumn> c = fixedColumns();
    for (std::size_t k = DepthOnBasket; k <= CategoryViewShare; ++k) names << QString::fromStdString(c[k].name);
    return names;
}

OfferFit::OfferFit(const engine::OfferDescription& offer)
    : offer_(offer),
      window_(engine::ActivityWindow::of(offer.startHour(), offer.durationHours > 0 ? offer.durationHours : 24.0)),
      start_(engine::ActivityWindow::of(offer.startHour(), std::min(3.0, offer.durationHours > 0 ? offer.durationHours : 24.0)))
{
}

std::array<double, 2> OfferFit::basketValues(double aov) const
{
    return {100.0 * engine::depthOnBasket(offer_, aov),   // percent of the usual basket
            engine::thresholdRatio(offer_, aov)};
}

std::array<double, 3> OfferFit::habitValues(const OfferFitHistory& h) const
{
    // engine::activityShare for both windows, in one pass over the user's blocks.
    double total = 0, inWindow = 0, atStart = 0;
    for (std::size_t b = 0; b < h.hours.size(); ++b) {
        total += h.hours[b];
        inWindow += h.hours[b] * window_.hoursInBlock[b];
        atStart += h.hours[b] * start_.hoursInBlock[b];
    }
    return {window_.share(inWindow, total), start_.share(atStart, total),
            offer_.hasCategories ? ratio(h.categoryViews, h.views) : (h.views > 0 ? 1.0 : kMissing)};
}

std::array<double, 5> OfferFit::values(const OfferFitHistory& h) const
{
    const std::array<double, 2> basket = basketValues(h.averageOrderValue);
    const std::array<double, 3> habit = habitValues(h);
    return {basket[0], basket[1], habit[0], habit[1], habit[2]};
}

OfferFit::HabitKey OfferFit::habitKey() const
{
    return HabitKey{window_.hoursInBlock, start_.hoursInBlock, window_.hours, start_.hours, offer_.hasCategories};
}

engine::RawTable ModelInputs::offerFitTable(const engine::OfferDescription& offer, const OfferFitHistory* users, std::size_t count)
{
    engine::RawTable t;
    std::vector<RawColumn> all = fixedColumns();
    for (std::size_t k = DepthOnBasket; k <= CategoryViewShare; ++k) {
        t.columns.push_back(std::move(all[k]));
        t.columns.back().numbers.reserve(count);
    }
    const OfferFit offerFit(offer);
    for (std::size_t i = 0; i < count; ++i) {
        const std::array<double, 5> fit = offerFit.values(users[i]);
        for (std::size_t k = 0; k < fit.size(); ++k) t.columns[k].numbers.push_back(fit[k]);
    }
    return t;
}

void ModelInputs::text(std::size_t column, const QString& v)
{
    table_.columns[column].addLabel(v.trimmed().toLower().toStdString());
}

void ModelInputs::add(const HistoryRow& h, const UserRow& u, const engine::OfferDescription& o, const QString& channel)
{
    number(Orders, h.orders);
    number(PaidSpend, h.paidSpend);
    number(AverageOrderValue, h.averageOrderValue);
    number(RecencyDays, h.recencyDays);
    number(Orders90d, h.orders90d);
    number(Events, h.events);
    number(Events30d, h.events30d);
    number(Views, h.views);
    number(Searches, h.searches);
    number(Carts, h.carts);
    number(Favorites, h.favorites);
    number(Purchases, h.purchases);
    number(ActiveDays, h.activeDays);
    number(ActiveDays30d, h.activeDays30d);
    const double weeks = std::max(1.0, h.weeksObserved);
    number(ActiveDaysPerWeek, h.activeDays / weeks);
    number(EventsPerWeek, h.events / weeks);
    number(OrdersPerWeek, h.orders / weeks);
    number(MeanDwell, h.meanDwellSeconds);
    number(DaysSinceSignup, h.daysSinceSignup);
    number(PriorOffers, h.priorOffers);
    number(PriorRedemptions, h.priorRedemptions);
    number(PriorConversions, h.priorConversions);
    number(PriorRedemptionRate, h.priorOffers > 0 ? h.priorRedemptions / h.priorOffers : 0.0);

    number(Age, u.age);
    text(Gender, u.gender);
    text(Region, u.region);
    text(City, u.city);
    text(Occupation, u.occupation);
    text(MemberTier, u.memberTier);

    text(OfferType, QString::fromStdString(o.type));
    text(Channel, channel.isEmpty() ? QString::fromStdString(o.channel) : channel);
    number(PercentOff, o.percentOff);
    number(AmountOff, o.amountOff);
    number(MinSpend, o.minSpend);
    number(PointsMultiplier, o.pointsMultiplier);
    number(DurationHours, o.durationHours > 0 ? o.durationHours : kMissing);
    const double angle = 2.0 * std::numbers::pi * double(o.startHour()) / 24.0;
    number(StartHourSin, std::sin(angle));
    number(StartHourCos, std::cos(angle));
    number(Weekend, o.startWeekday() >= 5 ? 1.0 : 0.0);
    number(MemberOnly, o.memberOnly ? 1.0 : 0.0);
    number(CategoryLimited, o.hasCategories ? 1.0 : 0.0);
    number(DepthPercent, o.depthPercent());

    const std::array<double, 5> fit = OfferFit(o).values(OfferFitHistory::of(h));
    for (std::size_t k = 0; k < fit.size(); ++k) number(DepthOnBasket + k, fit[k]);

    for (std::size_t k = 0; k < attributeColumn_.size(); ++k) {
        const std::size_t col = attributeColumn_[k];
        if (schema_.numeric[k]) number(col, u.attributes ? u.attributes->numbers[k] : kMissing);
        else text(col, u.attributes ? u.attributes->texts[k] : QString());
    }
}

engine::RawTable ModelInputs::take()
{
    engine::RawTable out = std::move(table_);
    reset();
    return out;
}

} // namespace cwb::model
