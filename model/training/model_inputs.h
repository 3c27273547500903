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
