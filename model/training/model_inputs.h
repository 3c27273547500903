#pragma once
// The raw model inputs of one (user, offer) pair, appended row by row to an
// engine::RawTable. Training (past exposures) and scoring (a campaign being
// designed) both go through ModelInputs, so a model sees its inputs computed
// the same way in both.

#include "features/encoder.h"
#include "training/campaign_offer.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <array>
#include <limits>
#include <vector>

namespace cwb::model {

inline constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

// What the user had done before the offer (a row of exposure_features).
struct HistoryRow {
    double orders = 0, paidSpend = 0, averageOrderValue = kMissing, recencyDays = kMissing, orders90d = 0;
    double events = 0, events30d = 0, views = 0, searches = 0, carts = 0, favorites = 0, purchases = 0;
    double activeDays = 0, activeDays30d = 0, weeksObserved = 1, meanDwellSeconds = kMissing, daysSinceSignup = kMissing;
    double priorOffers = 0, priorRedemptions = 0, priorConversions = 0;
    double categoryViews = kMissing;     // views in the offer's categories; missing when it has none
    engine::DayBlocks hours{};           // events by three-hour block of the day (UTC)
};

// The shop's own user fields (users.attributes): which keys, and which hold numbers.
struct AttributeSchema {
    QStringList keys;
    std::vector<char> numeric;
    // Keys seen in the given attribute documents: numeric when every value is a number or
    // true/false; text keys whose values are nearly all different (ids, phone numbers) left out.
    static AttributeSchema infer(const std::vector<QByteArray>& documents);
};

// One user's values for a schema: numbers (NaN = missing) and texts ("" = missing), by key.
struct AttributeValues {
    std::vector<double> numbers;
    std::vector<QString> texts;
    static AttributeValues parse(const AttributeSchema& schema, const QByteArray& document);
};

// The part of a user's history that the offer-fit inputs read (how deep the
// discount is on the user's basket, how the hours and categories fit).
struct OfferFitHistory {
    double averageOrderValue = kMissing, views = 0, categoryViews = kMissing;
    engine::DayBlocks hours{};
    static OfferFitHistory of(const HistoryRow& h) { return {h.averageOrderValue, h.views, h.categoryViews, h.hours}; }
};

// The offer-fit inputs of one offer for any user, in the order of
// ModelInputs::offerFitInputs(), with the offer's part (its activity windows)
// worked out once.
class OfferFit {
public:
    explicit OfferFit(const engine::OfferDescription& offer);
    std::array<double, 5> values(const OfferFitHistory& user) const;
    // The first two (depth on the basket, threshold ratio), from the user's average order alone,
    // and the last three (activity in the offer's hours and at its start, category interest),
    // from the user's habits alone: the latter do not change with the discount or threshold.
    std::array<double, 2> basketValues(double averageOrderValue) const;
    std::array<double, 3> habitValues(const OfferFitHistory& user) const;
    // What the habit values depend on: two offers with equal keys have equal habit values.
    struct HabitKey {
        std::array<double, 8> window{}, start{};
        double windowHours = 0, startHours = 0;
        bool categories = false;
        bool operator==(const HabitKey&) const = default;
    };
    HabitKey habitKey() const;
    // Whether the depth on the basket (the first value) is the same for every user: it is
    // for a percent-off offer, and for one with no discount.
    bool depthSameForAll() const { return offer_.percentOff > 0 || offer_.amountOff <= 0; }

private:
    engine::OfferDescription offer_;
    engine::ActivityWindow window_, start_;   // the offer's hours, and its first three
};

struct UserRow {
    double age = kMissing;
    QString gender, region, city, occupation, memberTier;
    const AttributeValues* attributes = nullptr;
};

class ModelInputs {
public:
    explicit ModelInputs(AttributeSchema schema);

    // `channel`: how this user was reached (the exposure's channel), else the offer's.
    void add(const HistoryRow& history, const UserRow& user, const engine::OfferDescription& offer, const QString& channel);
    engine::RawTable take();

    // The inputs that describe the offer rather than the user (the same for every user).
    static QStringList offerInputs();
    // The inputs computed from the offer and the user's history together.
    static QStringList offerFitInputs();
    // Just the offer-fit inputs of `count` users: what changes per user when only the offer changes.
    static engine::RawTable offerFitTable(const engine::OfferDescription& offer, const OfferFitHistory* users, std::size_t count);
    const AttributeSchema& schema() const { return schema_; }

private:
    AttributeSchema schema_;
    engine::RawTable table_;
    std::vector<std::size_t> attributeColumn_;
    void number(std::size_t column, double v) { table_.columns[column].numbers.push_back(v); }
    void text(std::size_t column, const QString& v);
    void reset();
};

} // namespace cwb::model
