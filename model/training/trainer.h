#pragma once
// Training and evaluating uptake and uplift models on a workspace's past
// campaigns: build the training set, split it (time: train on earlier
// campaigns, test on the latest; or stratified random), fit the encoder and
// the learners on the training rows, evaluate on the test rows, warn where
// the data cannot support the numbers, and save the model.

#include "core/error.h"
#include "training/evaluation.h"
#include "training/model_store.h"
#include "training/training_set.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace cwb::model {

class Workspace;

enum class SplitKind { Time, Random };

struct TrainRequest {
    TrainingSetRequest data;
    ModelKind kind = ModelKind::Response;
    engine::UpliftLearner upliftLearner = engine::UpliftLearner::TwoModel;
    engine::ClassifierParams base;
    std::optional<SplitKind> split;    // default: time when there are two campaigns or more, else random
    double testShare = 0.3;            // random split
    std::optional<double> threshold;   // for accuracy / precision / recall; default: the training base rate
    QString name;
    bool save = true;
    // Leave each campaign out in turn and forecast it from the others (logistic learners): the
    // model's error on campaigns it has not seen, which the previews use as model uncertainty.
    bool crossCampaign = true;
};

struct SplitSummary {
    SplitKind kind = SplitKind::Random;
    QString description;               // "test: the latest campaign, \"618 pre-sale\" (2026-06-10)"
    qint64 trainRows = 0, testRows = 0;
    QList<qint64> testCampaigns;       // time split
};

// The test rows and what the model predicted for them (for charts, and for
// checks against a known truth).
struct TestPredictions {
    std::vector<qint64> campaignIds, uids;
    std::vector<char> treated;
    Eigen::VectorXd y, pTreated, uplift;   // uplift empty for response models
};

// One campaign forecast by a model fitted without it (treated users' outcomes).
struct CampaignForecast {
    qint64 id = 0;
    QString name;
    double treated = 0, predicted = 0, observed = 0;
};

struct CrossCampaignCheck {
    QList<CampaignForecast> campaigns;
    std::optional<double> levelLogSd;    // sd of log(predicted / observed) beyond the counts' own noise
    std::optional<double> effectLogSd;   // the same for the effect (uplift models; campaigns with a clear effect)
    int effectCampaigns = 0;
};

struct TrainResult {
    qint64 modelId = 0;                // 0 when not saved
    UptakeModel model;
    Evaluation evaluation;
    TestPredictions test;
    SplitSummary split;
    QList<CampaignRows> campaigns;
    qint64 rows = 0;                   // training and test rows
    double observedEffect = 0;         // all rows: outcome rate with the offer minus without (NaN without a control group)
    QStringList warnings;              // what the data cannot support
    QStringList notes;                 // what was left out or sampled
    double threshold = 0.5;
    CrossCampaignCheck crossCampaign;  // logistic learners, three campaigns or more
    double seconds = 0;
};

using ProgressCallback = std::function<bool(const QString& what, double fraction)>;

Result<TrainResult> trainModel(Workspace& workspace, const TrainRequest& request, const ProgressCallback& progress = {});

struct EvaluateResult {
    UptakeModel model;
    Evaluation evaluation;
    TestPredictions test;
    SplitSummary split;
    QStringList warnings;
    double threshold = 0.5;
};

// Re-evaluates a saved model (the newest without an id) on its test rows,
// rebuilt from the workspace with the training request saved in the model.
Result<EvaluateResult> evaluateModel(Workspace& workspace, std::optional<qint64> id, std::optional<double> threshold,
                                     const ProgressCallback& progress = {});

} // namespace cwb::model
