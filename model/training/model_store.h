#pragma once
// Uptake and uplift models kept in the workspace's `models` table: what they
// are (kind, target, learner), the fitted encoder and learners (blob:
// zlib-compressed JSON, boosted trees in xgboost's own JSON inside it), how
// they were trained (spec: inputs, parameters, training data and its
// fingerprint, the data version it was built from, warnings) and their
// test metrics. Saving is one transaction: a model is either all there or
// not at all.

#include "core/error.h"
#include "features/encoder.h"
#include "training/training_set.h"
#include "uplift/uplift_model.h"
#include "uptake/classifier.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>
#include <variant>

namespace cwb::model {

class Database;
class Workspace;

enum class ModelKind { Response, Uplift };

struct UptakeModel {
    qint64 id = 0;
    QString name;
    ModelKind kind = ModelKind::Response;
    Outcome target = Outcome::Converted;
    engine::BaseLearner base = engine::BaseLearner::Logistic;
    engine::UpliftLearner upliftLearner = engine::UpliftLearner::TwoModel;   // uplift models
    engine::TableEncoder encoder;
    std::variant<engine::Classifier, engine::UpliftModel> fitted;
    QJsonObject spec;
    QJsonObject metrics;
    qint64 trainedAt = 0;
    qint64 dataVersion = 0;

    // Probability of the outcome with the offer, and (uplift models) without it and the difference.
    struct Scores {
        Eigen::VectorXd treated, control, uplift;   // control and uplift empty for response models
    };
    Scores score(const engine::RawTable& inputs) const;
    Eigen::VectorXd importance() const;
    QString describe() const;   // "uplift, two-model on logistic regression, target converted"
};

struct ModelSummary {
    qint64 id = 0;
    QString name;
    QString kind;        // response, uplift, churn
    QString target;
    QString learner;     // logistic, gbdt (+ two_model / class_transformation)
    qint64 trainedAt = 0;
    qint64 dataVersion = 0;
    QJsonObject metrics;
};

QString modelKindKey(ModelKind k);          // "response", "uplift"
QString baseLearnerKey(engine::BaseLearner b);   // "logistic", "gbdt"
QString upliftLearnerKey(engine::UpliftLearner l);   // "two_model", "class_transformation"

// Returns the new model's id.
Result<qint64> saveModel(Database& db, const UptakeModel& model);
// Every model, newest first (uptake, uplift and the churn model).
QList<ModelSummary> listModels(Database& db);
// An uptake or uplift model; without an id, the newest. `warnings` gets what
// the caller should know, e.g. that the data changed since it was trained.
Result<UptakeModel> loadModel(Workspace& workspace, std::optional<qint64> id, QStringList* warnings = nullptr);
Status deleteModel(Database& db, qint64 id);

} // namespace cwb::model
