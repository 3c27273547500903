#pragma once
// One row per exposure (campaign x user) for uptake and uplift models:
//   - the user's history before the campaign started (exposure_features),
//   - the user's attributes: age, gender, region, city, occupation, member
//     tier and the shop's own fields kept in `attributes` (numbers as they
//     are, text as categories),
//   - the campaign's parameters: type, channel, percent and amount off,
//     threshold, points multiplier, duration, start hour and weekday,
//     member-only and category-limited flags, discount depth,
//   - how the offer fits the user: depth on the user's usual basket,
//     threshold over it, share of the user's activity in the offer's hours
//     and in its first three hours, share of views in the sale categories,
// with the outcome chosen as target and the group (treatment / control).
// A campaign that never recorded the target is left out (and named in the
// notes); an exposure without a response row counts as no response.

#include "core/error.h"
#include "features/encoder.h"
#include "sql/statement.h"
#include "training/campaign_offer.h"
#include "training/model_inputs.h"

#include <Eigen/Dense>

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cwb::model {

class Workspace;
class Database;

enum class Outcome { Redeemed, Converted, Visited };
QString outcomeKey(Outcome o);                          // "redeemed", ...
std::optional<Outcome> parseOutcome(const QString& key);

struct TrainingSetRequest {
    Outcome target = Outcome::Converted;
    QStringList campaigns;        // names or ids; empty = every campaign with exposures
    QString arm;                  // a multi-arm test's treated arm (variant) against its control
    qint64 maxRows = 500000;      // above this, a seeded uniform sample of the exposures
    quint64 seed = 42;
};

struct CampaignRows {
    qint64 id = 0;
    QString name;
    qint64 startTs = 0;
    qint64 treated = 0, control = 0;
    double treatedPositives = 0, controlPositives = 0;
};

struct TrainingSet {
    engine::RawTable inputs;
    Eigen::VectorXd y;
    std::vector<char> treated;
    std::vector<int> campaign;             // per row: index into campaigns
    std::vector<qint64> uids;
    QList<CampaignRows> campaigns;         // those with rows, oldest first
    QList<CampaignOffer> offers;           // same order
    QStringList campaignInputs;            // inputs that describe the offer, not the user
    QStringList notes;                     // what was left out or sampled, in words
    qint64 exposures = 0;                  // before sampling
    qint64 dataVersion = 0;
    QString fingerprint;                   // SHA-256 of the rows' campaign, user, group and outcome

    Eigen::Index rows() const { return y.size(); }
};

// The exposures of one campaign with the users' history before its start and
// their attributes (and the target outcome, when given), by uid; read the
// rows with readExposureRow(). Column 0 uid, 1 group, 2 variant, 3 channel, 4 outcome.
Statement exposureQuery(Database& db, qint64 campaignId, std::optional<Outcome> target);
// What readExposureRow() reads from column 5 on: a history table f (exposure_features'
// columns) joined with users u. A query of another history table selects these after
// its own five leading columns.
extern const std::string_view kHistoryColumns;
void readExposureRow(const Statement& st, HistoryRow& history, UserRow& user);
// The user's parsed attributes, parsed once per user.
const AttributeValues& cachedAttributes(std::unordered_map<qint64, AttributeValues>& cache, const AttributeSchema& schema, qint64 uid,
                                        const Statement& st);

// `progress(what, fraction)`; return false to cancel (an error "cancelled" is returned).
Result<TrainingSet> buildTrainingSet(Workspace& workspace, const TrainingSetRequest& request,
                                     const std::function<bool(const QString&, double)>& progress = {});

} // namespace cwb::model
