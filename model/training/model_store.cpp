#include "training/model_store.h"

#include "core/text.h"
#include "sql/database.h"
#include "sql/sql_error.h"
#include "sql/statement.h"
#include "sql/transaction.h"
#include "workspace/workspace.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace cwb::model {

using engine::BaseLearner;
using engine::UpliftLearner;

QString modelKindKey(ModelKind k) { return k == ModelKind::Response ? QStringLiteral("response") : QStringLiteral("uplift"); }
QString baseLearnerKey(BaseLearner b) { return b == BaseLearner::Logistic ? QStringLiteral("logistic") : QStringLiteral("gbdt"); }
QString upliftLearnerKey(UpliftLearner l)
{
    return l == UpliftLearner::TwoModel ? QStringLiteral("two_model") : QStringLiteral("class_transformation");
}

namespace {

constexpr int kBlobFormat = 1;

QJsonArray toArray(const Eigen::VectorXd& v)
{
    QJsonArray a;
    for (Eigen::Index i = 0; i < v.size(); ++i) a.append(v[i]);
    return a;
}

Eigen::VectorXd toVector(const QJsonValue& v)
{
    const QJsonArray a = v.toArray();
    Eigen::VectorXd out(a.size());
    for (qsizetype i = 0; i < a.size(); ++i) out[i] = a[i].toDouble();
    return out;
}

QJsonArray encoderJson(const engine::TableEncoder& enc)
{
    QJsonArray inputs;
    for (const engine::EncodedInput& in : enc.inputs()) {
        QJsonObject o{{QStringLiteral("name"), QString::fromStdString(in.name)}};
        if (in.kind == engine::RawColumn::Kind::Numeric) {
            o.insert(QStringLiteral("kind"), QStringLiteral("numeric"));
            o.insert(QStringLiteral("fill"), in.fill);
            o.insert(QStringLiteral("indicator"), in.indicator);
            o.insert(QStringLiteral("log"), in.logScale);
            if (std::isfinite(in.low) && std::isfinite(in.high)) {
                o.insert(QStringLiteral("low"), in.low);
                o.insert(QStringLiteral("high"), in.high);
            }
        } else {
            o.insert(QStringLiteral("kind"), QStringLiteral("categorical"));
            QJsonArray levels;
            for (const std::string& l : in.levels) levels.append(QString::fromStdString(l));
            o.insert(QStringLiteral("levels"), levels);
            o.insert(QStringLiteral("other"), in.otherLevel);
            o.insert(QStringLiteral("missing"), in.missingLevel);
        }
        inputs.append(o);
    }
    return inputs;
}

engine::TableEncoder encoderFromJson(const QJsonArray& a)
{
    std::vector<engine::EncodedInput> inputs;
    for (const QJsonValue& v : a) {
        const QJsonObject o = v.toObject();
        engine::EncodedInput in;
        in.name = o.value(QStringLiteral("name")).toString().toStdString();
        if (o.value(QStringLiteral("kind")).toString() == QLatin1String("numeric")) {
            in.kind = engine::RawColumn::Kind::Numeric;
            in.fill = o.value(QStringLiteral("fill")).toDouble();
            in.indicator = o.value(QStringLiteral("indicator")).toBool();
            in.logScale = o.value(QStringLiteral("log")).toBool();
            // Models saved before ranges were kept are not held to one.
            if (o.value(QStringLiteral("low")).isDouble() && o.value(QStringLiteral("high")).isDouble()) {
                in.low = o.value(QStringLiteral("low")).toDouble();
                in.high = o.value(QStringLiteral("high")).toDouble();
            }
        } else {
            in.kind = engine::RawColumn::Kind::Categorical;
            for (const QJsonValue& l : o.value(QStringLiteral("levels")).toArray()) in.levels.push_back(l.toString().toStdString());
            in.otherLevel = o.value(QStringLiteral("other")).toBool();
            in.missingLevel = o.value(QStringLiteral("missing")).toBool();
        }
        inputs.push_back(std::move(in));
    }
    return engine::TableEncoder::fromInputs(std::move(inputs));
}

QJsonObject classifierJson(const engine::Classifier& c)
{
    if (const engine::LogisticModel* m = c.logistic())
        return {{QStringLiteral("kind"), QStringLiteral("logistic")},
                {QStringLiteral("coef"), toArray(m->coef())},
                {QStringLiteral("intercept"), m->intercept()},
                {QStringLiteral("std_coef"), toArray(m->standardizedCoef())}};
    const engine::BoostedTreesModel* t = c.trees();
    const std::vector<char> bytes = t->serialize();
    return {{QStringLiteral("kind"), QStringLiteral("gbdt")},
            {QStringLiteral("trees"), t->trees()},
            {QStringLiteral("features"), static_cast<qint64>(t->features())},
            {QStringLiteral("xgboost"), QString::fromUtf8(bytes.data(), static_cast<qsizetype>(bytes.size()))}};
}

engine::Classifier classifierFromJson(const QJsonObject& o)
{
    if (o.value(QStringLiteral("kind")).toString() == QLatin1String("logistic"))
        return engine::Classifier(engine::LogisticModel::fromCoefficients(toVector(o.value(QStringLiteral("coef"))),
                                                                          o.value(QStringLiteral("intercept")).toDouble(),
                                                                          toVector(o.value(QStringLiteral("std_coef")))));
    const QByteArray bytes = o.value(QStringLiteral("xgboost")).toString().toUtf8();
    return engine::Classifier(engine::BoostedTreesModel::deserialize(std::vector<char>(bytes.begin(), bytes.end()),
                                                                    o.value(QStringLiteral("features")).toInteger(),
                                                                    o.value(QStringLiteral("trees")).toInt()));
}

QByteArray blobOf(const UptakeModel& m)
{
    QJsonArray parts;
    if (const auto* c = std::get_if<engine::Classifier>(&m.fitted)) {
        parts.append(classifierJson(*c));
    } else {
        const auto& u = std::get<engine::UpliftModel>(m.fitted);
        parts.append(classifierJson(u.first()));
        parts.append(classifierJson(u.second()));
    }
    const QJsonObject doc{{QStringLiteral("format"), kBlobFormat},
                          {QStringLiteral("kind"), modelKindKey(m.kind)},
                          {QStringLiteral("uplift_learner"), upliftLearnerKey(m.upliftLearner)},
                          {QStringLiteral("encoder"), encoderJson(m.encoder)},
                          {QStringLiteral("parts"), parts}};
    return qCompress(QJsonDocument(doc).toJson(QJsonDocument::Compact), 6);
}

} // namespace

UptakeModel::Scores UptakeModel::score(const engine::RawTable& inputs) const
{
    const Eigen::MatrixXd x = encoder.transform(inputs);
    Scores s;
    if (const auto* c = std::get_if<engine::Classifier>(&fitted)) {
        s.treated = c->predictProba(x);
        return s;
    }
    engine::UpliftPrediction p = std::get<engine::UpliftModel>(fitted).predict(x);
    s.treated = std::move(p.treated);
    s.control = std::move(p.control);
    s.uplift = std::move(p.uplift);
    return s;
}

Eigen::VectorXd UptakeModel::importance() const
{
    if (const auto* c = std::get_if<engine::Classifier>(&fitted)) return c->importance();
    return std::get<engine::UpliftModel>(fitted).importance();
}

QString UptakeModel::describe() const
{
    const QString learnerName = base == BaseLearner::Logistic ? Text::tr("logistic regression") : Text::tr("boosted trees");
    QString text;
    if (kind == ModelKind::Response) {
        text = Text::tr("response model (%1), target %2").arg(learnerName, outcomeKey(target));
    } else {
        const QString upliftName = upliftLearner == UpliftLearner::TwoModel ? Text::tr("two-model") : Text::tr("class transformation");
        text = Text::tr("uplift model (%1 on %2), target %3").arg(upliftName, learnerName, outcomeKey(target));
    }
    const QString arm = spec.value(QStringLiteral("arm")).toString();
    if (!arm.isEmpty()) text += Text::tr(", offer arm \"%1\"").arg(arm);
    return text;
}

Result<qint64> saveModel(Database& db, const UptakeModel& m)
{
    try {
        const QByteArray blob = blobOf(m);
        QJsonObject spec = m.spec;
        spec.insert(QStringLiteral("base_learner"), baseLearnerKey(m.base));
        if (m.kind == ModelKind::Uplift) spec.insert(QStringLiteral("uplift_learner"), upliftLearnerKey(m.upliftLearner));
        spec.insert(QStringLiteral("data_version"), m.dataVersion);
        Transaction tx(db);
        Statement st = db.prepare("INSERT INTO models (kind, target, trained_at, metrics, blob, name, spec) VALUES (?, ?, ?, ?, ?, ?, ?)");
        st.bind(1, modelKindKey(m.kind))
            .bind(2, outcomeKey(m.target))
            .bind(3, m.trainedAt ? m.trainedAt : QDateTime::currentSecsSinceEpoch())
            .bind(4, QString::fromUtf8(QJsonDocument(m.metrics).toJson(QJsonDocument::Compact)))
            .bindBlob(5, blob.constData(), static_cast<int>(blob.size()))
            .bind(6, m.name)
            .bind(7, QString::fromUtf8(QJsonDocument(spec).toJson(QJsonDocument::Compact)));
        st.run();
        const qint64 id = db.lastInsertRowId();
        tx.commit();
        return id;
    } catch (const SqlError& e) {
        return makeError(Text::tr("the model could not be saved: %1").arg(QString::fromUtf8(e.what())));
    }
}

QList<ModelSummary> listModels(Database& db)
{
    QList<ModelSummary> out;
    Statement st = db.prepare("SELECT model_id, coalesce(name, ''), kind, target, trained_at, metrics, spec FROM models ORDER BY trained_at DESC, model_id DESC");
    while (st.step()) {
        ModelSummary s;
        s.id = st.int64(0);
        s.name = st.text(1);
        s.kind = st.text(2);
        s.target = st.text(3);
        s.trainedAt = st.int64(4);
        s.metrics = QJsonDocument::fromJson(st.text(5).toUtf8()).object();
        const QJsonObject spec = QJsonDocument::fromJson(st.text(6).toUtf8()).object();
        s.learner = s.kind == QLatin1String("churn") ? QStringLiteral("logistic") : spec.value(QStringLiteral("base_learner")).toString();
        if (spec.contains(QStringLiteral("uplift_learner"))) s.learner += QLatin1Char('/') + spec.value(QStringLiteral("uplift_learner")).toString();
        s.dataVersion = spec.value(QStringLiteral("data_version")).toInteger();
        out << s;
    }
    return out;
}

Result<UptakeModel> loadModel(Workspace& ws, std::optional<qint64> id, QStringList* warnings)
{
    Database& db = ws.db();
    try {
        Statement st = db.prepare(id ? "SELECT model_id, coalesce(name, ''), kind, target, trained_at, metrics, spec, blob FROM models WHERE model_id = ?"
                                     : "SELECT model_id, coalesce(name, ''), kind, target, trained_at, metrics, spec, blob FROM models "
                                       "WHERE kind IN ('response', 'uplift') ORDER BY trained_at DESC, model_id DESC LIMIT 1");
        if (id) st.bind(1, *id);
        if (!st.step())
            return makeError(id ? Text::tr("there is no model %1 (cwb models lists them)").arg(*id)
                                : Text::tr("no uptake or uplift model has been trained here yet (cwb train)"));
        UptakeModel m;
        m.id = st.int64(0);
        m.name = st.text(1);
        const QString kind = st.text(2);
        if (kind != QLatin1String("response") && kind != QLatin1String("uplift"))
            return makeError(Text::tr("model %1 is a %2 model, not an uptake or uplift model").arg(m.id).arg(kind));
        m.kind = kind == QLatin1String("uplift") ? ModelKind::Uplift : ModelKind::Response;
        m.target = parseOutcome(st.text(3)).value_or(Outcome::Converted);
        m.trainedAt = st.int64(4);
        m.metrics = QJsonDocument::fromJson(st.text(5).toUtf8()).object();
        m.spec = QJsonDocument::fromJson(st.text(6).toUtf8()).object();
        m.dataVersion = m.spec.value(QStringLiteral("data_version")).toInteger();
        m.base = m.spec.value(QStringLiteral("base_learner")).toString() == QLatin1String("gbdt") ? BaseLearner::BoostedTrees : BaseLearner::Logistic;
        const QByteArray raw = qUncompress(st.blob(7));
        const QJsonObject doc = QJsonDocument::fromJson(raw).object();
        if (doc.value(QStringLiteral("format")).toInt() != kBlobFormat)
            return makeError(Text::tr("model %1 was saved in a format this version cannot read; train it again").arg(m.id));
        m.upliftLearner = doc.value(QStringLiteral("uplift_learner")).toString() == QLatin1String("class_transformation")
                              ? UpliftLearner::ClassTransformation
                              : UpliftLearner::TwoModel;
        m.encoder = encoderFromJson(doc.value(QStringLiteral("encoder")).toArray());
        const QJsonArray parts = doc.value(QStringLiteral("parts")).toArray();
        if (m.kind == ModelKind::Response) {
            m.fitted = classifierFromJson(parts.at(0).toObject());
        } else {
            m.fitted = engine::UpliftModel::fromParts(m.upliftLearner, classifierFromJson(parts.at(0).toObject()),
                                                      classifierFromJson(parts.at(1).toObject()));
        }
        if (warnings && m.dataVersion != ws.dataVersion())
            *warnings << Text::tr("the workspace's data changed since model %1 was trained (data version %2, now %3): its features and "
                                  "predictions come from the data as it was; train again to learn from the current data")
                             .arg(m.id)
                             .arg(m.dataVersion)
                             .arg(ws.dataVersion());
        return m;
    } catch (const SqlError& e) {
        return makeError(Text::tr("the model could not be read: %1").arg(QString::fromUtf8(e.what())));
    } catch (const std::exception& e) {
        return makeError(Text::tr("model %1 could not be loaded: %2").arg(id ? *id : 0).arg(QString::fromUtf8(e.what())));
    }
}

Status deleteModel(Database& db, qint64 id)
{
    Statement st = db.prepare("DELETE FROM models WHERE model_id = ? AND kind IN ('response', 'uplift')");
    st.bind(1, id);
    st.run();
    if (db.changes() == 0) return makeError(Text::tr("there is no uptake or uplift model %1").arg(id));
    return std::nullopt;
}

} // namespace cwb::model
