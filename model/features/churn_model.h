#pragma once
// Churn risk: the chance, 0-100, that a customer who has ordered places no
// order in the next 90 days. Learned from the workspace's own history with
// a time split: features as they were 90 days before the reference time,
// labelled by whether the customer ordered in those 90 days; logistic
// regression on a stratified 70 % of customers (a fixed sample of at most
// about 50,000 of them on big shops), AUC on the other 30 %.
// Bands: Low under 33, Medium under 67, High from 67.

#include "core/error.h"

#include <QList>
#include <QPair>
#include <QString>

#include <cstdint>

namespace cwb::model {

class Database;

struct ChurnSummary {
    bool trained = false;
    QString reason;              // why not, when not trained
    double auc = 0;              // on the held-out customers
    qint64 trainRows = 0, testRows = 0;
    double baseRate = 0;         // share who did not order in the 90 days
    qint64 cutoff = 0;           // features as of this time, outcome in the 90 days after
    QList<QPair<QString, double>> coefficients;   // standardised, largest effect first
    qint64 scored = 0;           // customers given a risk score
};

inline constexpr std::int64_t kChurnHorizonDays = 90;
// At most about this many customers (a fixed sample by uid) train and test the model.
inline constexpr std::int64_t kChurnSampleSize = 50000;

enum class ChurnBand { Low, Medium, High };
ChurnBand churnBand(double risk);
QString churnBandName(ChurnBand band);   // in the user's language

// Trains and scores, writing user_features.churn_risk and a "churn" row in
// models. Call inside the feature build's transaction, once user_features
// holds the current snapshot and while the build's temp aggregates (which
// also hold the cut-off snapshot) exist.
struct BuildContext;
ChurnSummary trainChurnModel(Database& db, const BuildContext& build, std::uint64_t seed);

} // namespace cwb::model
