#pragma once
// What a launched campaign did, from the exposures and responses imported
// after it ran (or generated with the demo): per arm the visit, conversion
// and redemption rates, spend and profit per user, each with its interval;
// every arm against the control group (two-proportion test for rates,
// Welch's test for money); how the model's predictions compare with what
// happened (calibration by decile, uplift by decile); and, for a test with
// several variants, a Thompson-sampling split of the next wave's traffic.
//
// Users are the campaign's exposures. A user without a response row did
// nothing (no visit, no order). An outcome that no response records (every
// value NULL, as Hillstrom's redemptions) is reported as not recorded.
// `revenue` is what the user paid in the campaign's window, after any
// discount. Profit per user, at gross margin m and contact cost c:
//   control:  m x revenue
//   treated:  m x (revenue + discount) - discount - c, the discount of a
//             redeemed order being the arm's amount off, its percent off of the
//             list price (revenue x p / (1 - p)), or its extra points
//             ((multiplier - 1) x point value x list price).
// The difference of an arm's profit per user from the control's is the
// incremental profit per targeted user.

#include "core/error.h"
#include "stats/ab_test.h"
#include "training/campaign_offer.h"
#include "training/evaluation.h"
#include "training/training_set.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace cwb::model {

class Workspace;

enum class ReadoutMetric { Visited, Converted, Redeemed, Revenue, Profit };
QString readoutMetricKey(ReadoutMetric m);                     // visited, converted, redeemed, revenue, profit
std::optional<ReadoutMetric> parseReadoutMetric(const QString& key);

struct ReadoutOptions {
    double level = 0.90;
    std::optional<double> grossMargin;      // default: the campaign's spec, else 0.3
    std::optional<double> costPerContact;   // default: the campaign's spec, else 0
    std::optional<qint64> modelId;          // default: the newest uptake or uplift model
    bool useModel = true;
    ReadoutMetric thompsonMetric = ReadoutMetric::Profit;
    int thompsonDraws = 20000;
    quint64 seed = 1;
};

struct ArmDifference {
    engine::Difference visited, converted, redeemed, revenue, profit;
};

struct ArmReadout {
    QString name;                   // the variant, or "treatment" / "control"
    bool control = false;
    bool pooled = false;            // all treated arms together (tests with several arms)
    engine::Proportion visited, converted, redeemed;
    engine::Mean revenue, profit;   // per user
    engine::SampleMoments revenueMoments, profitMoments;
    std::optional<ArmDifference> versusControl;
    double thompsonShare = -1;      // share of the next wave's treated traffic; -1 when not computed
    qint64 users() const { return converted.trials; }
};

struct ModelCheck {
    qint64 modelId = 0;
    QString description;            // "uplift, two-model on logistic regression, target converted"
    Outcome target = Outcome::Converted;
    bool inTraining = false;        // the campaign's rows were among the model's training rows
    double predicted = 0;           // expected outcomes of the treated users
    double actual = 0;              // outcomes of the treated users
    Evaluation evaluation;          // on this campaign's rows: calibration, lift, uplift by decile
};

struct CampaignReadout {
    CampaignOffer campaign;
    QString status;
    double level = 0.9;
    double grossMargin = 0.3, costPerContact = 0, pointValue = 0.01;
    bool marginAssumed = false;      // neither given nor in the campaign's spec (a note says so)
    bool hasVisited = false, hasRedeemed = false, hasRevenue = false;
    QList<ArmReadout> arms;          // control first, then the treated arms by name, then the pool of several
    std::optional<ModelCheck> model;
    ReadoutMetric thompsonMetric = ReadoutMetric::Profit;
    int thompsonDraws = 0;
    QStringList notes;               // what the reader should know (assumed margin, in-sample model, ...)

    const ArmReadout* control() const;
};

Result<CampaignReadout> readCampaign(Workspace& workspace, qint64 campaignId, const ReadoutOptions& options = {});

// What `cwb readout --json` prints.
QJsonObject readoutToJson(const CampaignReadout& readout);

} // namespace cwb::model
