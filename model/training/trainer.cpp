#include "training/trainer.h"

#include "core/cancel.h"
#include "core/random.h"
#include "core/text.h"
#include "workspace/workspace.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>

namespace cwb::model {

using Eigen::Index;

namespace {

// Below this many positive test outcomes, AUC and lift are mostly noise (the
// AUC's standard error is roughly 0.3 / sqrt(positives)).
constexpr double kFewTestPositives = 30;

struct Cancel {};

QString day(qint64 ts) { return QDateTime::fromSecsSinceEpoch(ts, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd")); }

// Marks the test rows. Random: within each (group, outcome) stratum a seeded
// shuffle puts round(share * size) rows in the test set. Time: the latest campaign.
Result<std::vector<char>> makeSplit(const TrainingSet& set, SplitKind kind, double share, quint64 seed, SplitSummary& summary)
{
    const Index n = set.rows();
    std::vector<char> test(static_cast<std::size_t>(n), 0);
    summary.kind = kind;
    if (kind == SplitKind::Time) {
        if (set.campaigns.size() < 2)
            return makeError(Text::tr("a time split needs at least two campaigns (train on the earlier, test on the latest); "
                                      "there is %1 here: use --split random").arg(set.campaigns.size()));
        const int last = static_cast<int>(set.campaigns.size()) - 1;
        for (Index i = 0; i < n; ++i) test[static_cast<std::size_t>(i)] = set.campaign[static_cast<std::size_t>(i)] == last ? 1 : 0;
        summary.testCampaigns << set.campaigns[last].id;
        summary.description = Text::tr("trained on %1 earlier campaigns, tested on the latest, \"%2\" (%3)")
                                  .arg(last)
                                  .arg(set.campaigns[last].name, day(set.campaigns[last].startTs));
    } else {
        std::vector<std::vector<Index>> strata(4);
        for (Index i = 0; i < n; ++i)
            strata[(set.treated[static_cast<std::size_t>(i)] ? 2u : 0u) + (set.y[i] > 0.5 ? 1u : 0u)].push_back(i);
        engine::Rng rng(seed, 0x73706c6974ULL);
        for (auto& s : strata) {
            for (std::size_t k = s.size(); k > 1; --k) std::swap(s[k - 1], s[static_cast<std::size_t>(rng.below(k))]);
            const auto take = static_cast<std::size_t>(std::llround(share * double(s.size())));
            for (std::size_t k = 0; k < take; ++k) test[static_cast<std::size_t>(s[k])] = 1;
        }
        summary.description = Text::tr("stratified random split, %1 % of the rows held out for testing (seed %2)")
                                  .arg(QString::number(100.0 * share, 'g', 3))
                                  .arg(seed);
    }
    for (char t : test) (t ? summary.testRows : summary.trainRows) += 1;
    return test;
}

std::vector<Index> indicesWhere(const std::vector<char>& mask, bool value)
{
    std::vector<Index> out;
    for (std::size_t i = 0; i < mask.size(); ++i)
        if (bool(mask[i]) == value) out.push_back(static_cast<Index>(i));
    return out;
}

TestPredictions testPredictions(const TrainingSet& set, const std::vector<Index>& rows, const UptakeModel::Scores& s)
{
    TestPredictions t;
    for (Index r : rows) {
        t.campaignIds.push_back(set.campaigns[set.campaign[static_cast<std::size_t>(r)]].id);
        t.uids.push_back(set.uids[static_cast<std::size_t>(r)]);
        t.treated.push_back(set.treated[static_cast<std::size_t>(r)]);
    }
    t.y.resize(static_cast<Index>(rows.size()));
    for (std::size_t k = 0; k < rows.size(); ++k) t.y[static_cast<Index>(k)] = set.y[rows[k]];
    t.pTreated = s.treated;
    t.uplift = s.uplift;
    return t;
}

Eigen::VectorXd pick(const Eigen::VectorXd& v, const std::vector<Index>& rows)
{
    Eigen::VectorXd out(static_cast<Index>(rows.size()));
    for (std::size_t k = 0; k < rows.size(); ++k) out[static_cast<Index>(k)] = v[rows[k]];
    return out;
}

std::vector<char> pick(const std::vector<char>& v, const std::vector<Index>& rows)
{
    std::vector<char> out;
    out.reserve(rows.size());
    for (Index r : rows) out.push_back(v[static_cast<std::size_t>(r)]);
    return out;
}

QString valueText(double v) { return QString::number(v, 'g', 6); }

// Offer parameters that never changed across the training rows, and (time
// split) test values outside the trained range.
void parameterWarnings(const TrainingSet& set, const std::vector<Index>& train, const std::vector<Index>& test, bool timeSplit,
                       QStringList& warnings)
{
    QStringList constant;
    for (const QString& name : set.campaignInputs) {
        const engine::RawColumn* c = set.inputs.find(name.toStdString());
        if (!c) continue;
        if (c->kind == engine::RawColumn::Kind::Numeric) {
            double lo = std::numeric_limits<double>::infinity(), hi = -lo;
            for (Index r : train) {
                const double v = c->numbers[static_cast<std::size_t>(r)];
                if (std::isnan(v)) continue;
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
            if (lo == hi) constant << Text::tr("%1 (always %2)").arg(name, valueText(lo));
            if (timeSplit && lo <= hi && name != QLatin1String("start_hour_sin") && name != QLatin1String("start_hour_cos")) {
                double tlo = std::numeric_limits<double>::infinity(), thi = -tlo;
                for (Index r : test) {
                    const double v = c->numbers[static_cast<std::size_t>(r)];
                    if (std::isnan(v)) continue;
                    tlo = std::min(tlo, v);
                    thi = std::max(thi, v);
                }
                if (tlo <= thi && (tlo < lo - 1e-9 || thi > hi + 1e-9))
                    warnings << Text::tr("%1 is %2 in the test campaign, outside what the model was trained on (%3 to %4): "
                                         "its test scores measure extrapolation")
                                    .arg(name, tlo == thi ? valueText(tlo) : valueText(tlo) + QStringLiteral("-") + valueText(thi), valueText(lo), valueText(hi));
            }
        } else {
            std::int32_t seen = -2;
            bool varied = false;
            for (Index r : train) {
                const std::int32_t code = c->codes[static_cast<std::size_t>(r)];
                if (code < 0) continue;
                if (seen == -2) seen = code;
                else if (c->dictionary[static_cast<std::size_t>(code)] != c->dictionary[static_cast<std::size_t>(seen)]) varied = true;
            }
            if (!varied && seen >= 0) constant << Text::tr("%1 (always %2)").arg(name, QString::fromStdString(c->dictionary[static_cast<std::size_t>(seen)]));
        }
    }
    if (constant.isEmpty()) return;
    QSet<int> trainedOn;
    for (Index r : train) trainedOn.insert(set.campaign[static_cast<std::size_t>(r)]);
    if (trainedOn.size() == 1)
        warnings << Text::tr("trained on one campaign (\"%1\"): its offer never varied, so the model tells who responds to this "
                             "offer; for any other offer its predictions are extrapolated")
                        .arg(set.campaigns[*trainedOn.begin()].name);
    else
        warnings << Text::tr("these campaign parameters never varied in the campaigns trained on, so their effect cannot be learned "
                             "and predictions for other values are extrapolated: %1")
                        .arg(constant.join(QStringLiteral(", ")));
}

QJsonObject paramsJson(const TrainRequest& r)
{
    if (r.base.learner == engine::BaseLearner::Logistic)
        return {{QStringLiteral("l2"), r.base.logistic.l2}, {QStringLiteral("max_iter"), r.base.logistic.maxIter}};
    const engine::BoostedTreesParams& t = r.base.trees;
    return {{QStringLiteral("max_trees"), t.maxTrees},        {QStringLiteral("max_depth"), t.maxDepth},
            {QStringLiteral("learning_rate"), t.learningRate}, {QStringLiteral("subsample"), t.subsample},
            {QStringLiteral("colsample"), t.colsample},        {QStringLiteral("min_child_weight"), t.minChildWeight},
            {QStringLiteral("l2"), t.l2},                      {QStringLiteral("early_stopping_rounds"), t.earlyStoppingRounds},
            {QStringLiteral("validation_share"), t.validationShare}, {QStringLiteral("xgboost"), QString::fromStdString(engine::xgboostVersion())}};
}

// Fits `m` (kind, target and learners set) on the given rows of the set: the encoder, then the
// response model on the treated rows or the uplift model on all of them.
void fitOn(const TrainingSet& set, const std::vector<Index>& rows, const TrainRequest& req, UptakeModel& m, const engine::ProgressFn& progress)
{
    const engine::RawTable raw = set.inputs.rowsAt(rows);
    m.encoder = engine::TableEncoder::fit(raw);
    const Eigen::VectorXd y = pick(set.y, rows);
    const std::vector<char> treated = pick(set.treated, rows);
    Eigen::MatrixXd x = m.encoder.transform(raw);
    if (req.kind == ModelKind::Response) {
        const std::vector<Index> treatedRows = indicesWhere(treated, true);
        Eigen::MatrixXd xt(static_cast<Index>(treatedRows.size()), x.cols());
        for (std::size_t k = 0; k < treatedRows.size(); ++k) xt.row(static_cast<Index>(k)) = x.row(treatedRows[k]);
        x.resize(0, 0);
        m.fitted = engine::Classifier::fit(xt, pick(y, treatedRows), req.base, nullptr, progress);
        return;
    }
    engine::UpliftParams up;
    up.learner = req.upliftLearner;
    up.base = req.base;
    // Each campaign held out its own control share: a row's chance of treatment is its campaign's treated share.
    std::vector<double> treatedIn(static_cast<std::size_t>(set.campaigns.size()), 0), rowsIn(treatedIn.size(), 0);
    for (Index r : rows) {
        const auto c = static_cast<std::size_t>(set.campaign[static_cast<std::size_t>(r)]);
        rowsIn[c] += 1;
        treatedIn[c] += set.treated[static_cast<std::size_t>(r)] ? 1 : 0;
    }
    Eigen::VectorXd propensity(static_cast<Index>(rows.size()));
    for (std::size_t k = 0; k < rows.size(); ++k) {
        const auto c = static_cast<std::size_t>(set.campaign[static_cast<std::size_t>(rows[k])]);
        propensity[static_cast<Index>(k)] = std::clamp(treatedIn[c] / rowsIn[c], 0.01, 0.99);
    }
    m.fitted = engine::UpliftModel::fit(x, y, treated, up, progress, &propensity);
}

// Leave one campaign out: for each campaign, a model fitted on the others predicts its treated
// users' outcomes, and the total is compared with what happened. The spread of log(predicted /
// observed) over the campaigns, less the Poisson noise of the observed count (variance 1 / count),
// is how far a forecast for a new campaign may be off: the preview's model uncertainty.
CrossCampaignCheck crossCampaignCheck(const TrainingSet& set, const TrainRequest& req, const std::function<bool(double)>& progress)
{
    CrossCampaignCheck out;
    double sumSq = 0, sumNoise = 0, sumEffSq = 0, sumEffNoise = 0;
    const auto n = static_cast<std::size_t>(set.campaigns.size());
    for (std::size_t c = 0; c < n; ++c) {
        if (progress && !progress(double(c) / double(n))) throw engine::Cancelled();
        std::vector<Index> others, own;
        for (Index r = 0; r < set.rows(); ++r) (static_cast<std::size_t>(set.campaign[static_cast<std::size_t>(r)]) == c ? own : others).push_back(r);
        CampaignForecast f;
        f.id = set.campaigns[static_cast<qsizetype>(c)].id;
        f.name = set.campaigns[static_cast<qsizetype>(c)].name;
        double ctlRows = 0, ctlPositives = 0, predictedUplift = 0;
        for (Index r : own) {
            if (set.treated[static_cast<std::size_t>(r)]) {
                f.treated += 1;
                f.observed += set.y[r];
            } else {
                ctlRows += 1;
                ctlPositives += set.y[r];
            }
        }
        if (f.treated == 0 || f.observed < 5) continue;   // too few outcomes to say anything
        UptakeModel m;
        m.kind = req.kind;
        m.target = req.data.target;
        m.base = req.base.learner;
        m.upliftLearner = req.upliftLearner;
        // A campaign whose users (or control group) the others never had cannot be left out.
        std::vector<char> t = pick(set.treated, others);
        if (std::count(t.begin(), t.end(), 1) == 0 || (req.kind == ModelKind::Uplift && std::count(t.begin(), t.end(), 0) == 0)) continue;
        fitOn(set, others, req, m, {});
        std::vector<Index> treatedOwn;
        for (Index r : own)
            if (set.treated[static_cast<std::size_t>(r)]) treatedOwn.push_back(r);
        const UptakeModel::Scores s = m.score(set.inputs.rowsAt(treatedOwn));
        f.predicted = s.treated.sum();
        if (s.uplift.size() > 0) predictedUplift = s.uplift.sum();
        const double e = std::log(std::max(f.predicted, 1e-9) / f.observed);
        sumSq += e * e;
        sumNoise += 1.0 / f.observed;
        out.campaigns << f;
        // The effect, where the campaign measured one clearly (observed above twice its standard error).
        if (req.kind == ModelKind::Uplift && ctlRows > 0 && predictedUplift > 0) {
            const double pt = f.observed / f.treated, pc = ctlPositives / ctlRows;
            const double effect = (pt - pc) * f.treated, se = f.treated * std::sqrt(pt * (1 - pt) / f.treated + pc * (1 - pc) / ctlRows);
            if (effect > 2 * se) {
                const double ee = std::log(predictedUplift / effect);
                sumEffSq += ee * ee;
                sumEffNoise += (se / effect) * (se / effect);
                ++out.effectCampaigns;
            }
        }
    }
    const auto k = double(out.campaigns.size());
    if (k >= 3) out.levelLogSd = std::sqrt(std::max(0.0, (sumSq - sumNoise) / k));
    if (out.effectCampaigns >= 3) out.effectLogSd = std::sqrt(std::max(0.0, (sumEffSq - sumEffNoise) / out.effectCampaigns));
    return out;
}

} // namespace

Result<TrainResult> trainModel(Workspace& ws, const TrainRequest& req, const ProgressCallback& progress)
{
    QElapsedTimer timer;
    timer.start();
    auto step = [&](const QString& what, double f) {
        if (progress && !progress(what, f)) throw Cancel{};
    };
    try {
        if (auto problems = req.base.validate(); !problems.empty()) return makeError(QString::fromStdString(problems.front()));
        if (!(req.testShare > 0.05 && req.testShare < 0.95)) return makeError(Text::tr("the test share must be between 0.05 and 0.95"));
        if (req.kind == ModelKind::Uplift && req.data.target == Outcome::Redeemed)
            return makeError(Text::tr("uplift needs an outcome that users without the offer can have too: control users cannot redeem "
                                      "an offer they never got; use --target converted (or visited)"));

        auto built = buildTrainingSet(ws, req.data, [&](const QString& what, double f) { return !progress || progress(what, 0.4 * f); });
        if (!built) return built.error();
        TrainingSet& set = built.value();

        TrainResult result;
        result.notes = set.notes;
        result.campaigns = set.campaigns;
        result.rows = set.rows();
        result.observedEffect = engine::averageTreatmentEffect(set.y, set.treated);
        const SplitKind kind = req.split ? *req.split : (set.campaigns.size() >= 2 ? SplitKind::Time : SplitKind::Random);
        auto split = makeSplit(set, kind, req.testShare, req.data.seed, result.split);
        if (!split) return split.error();
        const std::vector<Index> trainRows = indicesWhere(split.value(), false), testRows = indicesWhere(split.value(), true);

        // What the data can support.
        qint64 trainTreated = 0, trainControl = 0;
        double trainPositivesTreated = 0, trainPositivesControl = 0;
        for (Index r : trainRows) {
            const bool t = set.treated[static_cast<std::size_t>(r)];
            (t ? trainTreated : trainControl) += 1;
            (t ? trainPositivesTreated : trainPositivesControl) += set.y[r];
        }
        const bool anyControl = std::any_of(set.treated.begin(), set.treated.end(), [](char t) { return !t; });
        if (req.kind == ModelKind::Uplift && (trainControl == 0 || !anyControl))
            return makeError(Text::tr("uplift needs a control group, and these campaigns have none in the training rows: train a "
                                      "response model (without --uplift), and give future campaigns a control group"));
        if (!anyControl)
            result.warnings << Text::tr("no control group in these campaigns: the model predicts who takes the offer, not who takes "
                                        "it because of the offer (uplift), so part of what it predicts would have happened anyway");
        const double positives = req.kind == ModelKind::Uplift ? trainPositivesTreated + trainPositivesControl : trainPositivesTreated;
        const double learnRows = req.kind == ModelKind::Uplift ? double(trainRows.size()) : double(trainTreated);
        if (trainTreated == 0) return makeError(Text::tr("the training rows have no treated users"));
        if (positives < 10 || (req.kind == ModelKind::Uplift && (trainPositivesTreated < 5 || trainPositivesControl < 5)))
            return makeError(Text::tr("only %1 positive outcomes (%2) in the training rows: too few to learn from").arg(positives).arg(outcomeKey(req.data.target)));
        if (positives < 200)
            result.warnings << Text::tr("only %1 positive outcomes to learn from: the model's estimates are unstable; more campaigns or a "
                                        "more common target (visited, converted) would help").arg(positives);
        const double rate = positives / learnRows;
        if (rate < 0.02 || rate > 0.98)
            result.warnings << Text::tr("strong class imbalance: %1 % of the training rows are positive; judge the model by AUC, lift "
                                        "and calibration; accuracy says little").arg(QString::number(100.0 * rate, 'g', 3));
        if (kind == SplitKind::Time)
            result.warnings << Text::tr("the test campaign is from a later period than every training campaign: the scores measure how "
                                        "well the model forecasts a new campaign, and fall if the season or audience changed");
        parameterWarnings(set, trainRows, testRows, kind == SplitKind::Time, result.warnings);

        // Fit.
        step(Text::tr("encoding the inputs"), 0.42);
        UptakeModel& m = result.model;
        m.kind = req.kind;
        m.target = req.data.target;
        m.base = req.base.learner;
        m.upliftLearner = req.upliftLearner;
        fitOn(set, trainRows, req, m, [&](double f) { return !progress || progress(Text::tr("fitting"), 0.45 + 0.4 * f); });

        // How far the model's totals miss campaigns it has not seen.
        if (req.crossCampaign && req.base.learner == engine::BaseLearner::Logistic && set.campaigns.size() >= 3) {
            result.crossCampaign = crossCampaignCheck(set, req, [&](double f) { return !progress || progress(Text::tr("checking campaign by campaign"), 0.85 + 0.1 * f); });
        }

        // Evaluate on the test rows.
        step(Text::tr("evaluating"), 0.95);
        const UptakeModel::Scores s = m.score(set.inputs.rowsAt(testRows));
        const Eigen::VectorXd yTest = pick(set.y, testRows);
        std::vector<char> tTest = pick(set.treated, testRows);
        result.threshold = req.threshold ? *req.threshold : rate;
        result.evaluation = evaluatePredictions(s.treated, s.uplift, yTest, tTest, result.threshold);
        result.test = testPredictions(set, testRows, s);
        const std::vector<std::string> names = m.encoder.outputNames();
        const Eigen::VectorXd importance = m.importance();
        const auto* classifier = std::get_if<engine::Classifier>(&m.fitted);
        Eigen::VectorXd coef;
        if (classifier && classifier->logistic()) coef = classifier->logistic()->standardizedCoef();
        result.evaluation.importance = rankImportance(names, importance, coef.size() ? &coef : nullptr);
        if (result.evaluation.rows == 0) result.warnings << Text::tr("the test rows have no treated users: uptake cannot be measured");
        else if (result.evaluation.positives < kFewTestPositives)
            result.warnings << Text::tr("the test rows hold only %1 positive outcomes: AUC, lift and calibration measured on so few "
                                        "are mostly chance; test on more rows (a larger --test-share or a random split)")
                                   .arg(result.evaluation.positives);

        // Describe and save.
        QJsonArray campaigns, inputs, warnings, notes;
        for (const CampaignRows& c : set.campaigns)
            campaigns.append(QJsonObject{{QStringLiteral("id"), c.id}, {QStringLiteral("name"), c.name}, {QStringLiteral("start"), c.startTs},
                                         {QStringLiteral("treated"), c.treated}, {QStringLiteral("control"), c.control},
                                         {QStringLiteral("treated_positives"), c.treatedPositives},
                                         {QStringLiteral("control_positives"), c.controlPositives},
                                         {QStringLiteral("test"), result.split.testCampaigns.contains(c.id)}});
        for (const std::string& n : names) inputs.append(QString::fromStdString(n));
        for (const QString& w : result.warnings) warnings.append(w);
        for (const QString& w : result.notes) notes.append(w);
        QJsonArray requested;
        for (const QString& c : req.data.campaigns) requested.append(c);
        m.name = req.name.isEmpty() ? Text::tr("%1 %2 %3").arg(modelKindKey(req.kind), baseLearnerKey(req.base.learner), outcomeKey(req.data.target))
                                    : req.name;
        m.dataVersion = set.dataVersion;
        m.trainedAt = QDateTime::currentSecsSinceEpoch();
        m.spec = QJsonObject{{QStringLiteral("target"), outcomeKey(req.data.target)},
                             {QStringLiteral("kind"), modelKindKey(req.kind)},
                             {QStringLiteral("requested_campaigns"), requested},
                             {QStringLiteral("arm"), req.data.arm},
                             {QStringLiteral("max_rows"), req.data.maxRows},
                             {QStringLiteral("seed"), static_cast<qint64>(req.data.seed)},
                             {QStringLiteral("split"), kind == SplitKind::Time ? QStringLiteral("time") : QStringLiteral("random")},
                             {QStringLiteral("test_share"), req.testShare},
                             {QStringLiteral("split_description"), result.split.description},
                             {QStringLiteral("train_rows"), result.split.trainRows},
                             {QStringLiteral("test_rows"), result.split.testRows},
                             {QStringLiteral("exposures"), set.exposures},
                             {QStringLiteral("threshold"), result.threshold},
                             {QStringLiteral("campaigns"), campaigns},
                             {QStringLiteral("inputs"), inputs},
                             {QStringLiteral("params"), paramsJson(req)},
                             {QStringLiteral("fingerprint"), set.fingerprint},
                             {QStringLiteral("warnings"), warnings},
                             {QStringLiteral("notes"), notes}};
        m.metrics = result.evaluation.toJson();
        if (result.crossCampaign.levelLogSd) {
            QJsonArray rowsJson;
            for (const CampaignForecast& f : result.crossCampaign.campaigns)
                rowsJson.append(QJsonObject{{QStringLiteral("id"), f.id}, {QStringLiteral("name"), f.name}, {QStringLiteral("treated"), f.treated},
                                            {QStringLiteral("predicted"), f.predicted}, {QStringLiteral("observed"), f.observed}});
            QJsonObject cc{{QStringLiteral("campaigns"), rowsJson}, {QStringLiteral("level_log_sd"), *result.crossCampaign.levelLogSd}};
            if (result.crossCampaign.effectLogSd) cc.insert(QStringLiteral("effect_log_sd"), *result.crossCampaign.effectLogSd);
            m.metrics.insert(QStringLiteral("cross_campaign"), cc);
        }
        if (req.save) {
            step(Text::tr("saving"), 0.98);
            auto id = saveModel(ws.db(), m);
            if (!id) return id.error();
            result.modelId = m.id = id.value();
        }
        result.seconds = double(timer.elapsed()) / 1000.0;
        return result;
    } catch (const Cancel&) {
        return makeError(Text::tr("cancelled"));
    } catch (const engine::Cancelled&) {
        return makeError(Text::tr("cancelled"));
    } catch (const std::invalid_argument& e) {
        return makeError(Text::tr("the model cannot be trained on this data: %1").arg(QString::fromUtf8(e.what())));
    } catch (const std::runtime_error& e) {
        return makeError(Text::tr("training failed: %1").arg(QString::fromUtf8(e.what())));
    }
}

Result<EvaluateResult> evaluateModel(Workspace& ws, std::optional<qint64> id, std::optional<double> threshold, const ProgressCallback& progress)
{
    EvaluateResult result;
    auto loaded = loadModel(ws, id, &result.warnings);
    if (!loaded) return loaded.error();
    result.model = std::move(loaded.value());
    const QJsonObject& spec = result.model.spec;
    TrainingSetRequest data;
    data.target = result.model.target;
    for (const QJsonValue& c : spec.value(QStringLiteral("requested_campaigns")).toArray()) data.campaigns << c.toString();
    data.arm = spec.value(QStringLiteral("arm")).toString();
    data.maxRows = spec.value(QStringLiteral("max_rows")).toInteger(data.maxRows);
    data.seed = static_cast<quint64>(spec.value(QStringLiteral("seed")).toInteger(42));
    auto built = buildTrainingSet(ws, data, [&](const QString& what, double f) { return !progress || progress(what, 0.8 * f); });
    if (!built) return built.error();
    TrainingSet& set = built.value();
    if (set.fingerprint != spec.value(QStringLiteral("fingerprint")).toString())
        result.warnings << Text::tr("the exposures and outcomes differ from those the model was trained on: the test rows are rebuilt "
                                    "from the current data, so these figures are not the ones measured at training");
    const SplitKind kind = spec.value(QStringLiteral("split")).toString() == QLatin1String("time") ? SplitKind::Time : SplitKind::Random;
    auto split = makeSplit(set, kind, spec.value(QStringLiteral("test_share")).toDouble(0.3), data.seed, result.split);
    if (!split) return split.error();
    const std::vector<Index> testRows = indicesWhere(split.value(), true);
    try {
        const UptakeModel::Scores s = result.model.score(set.inputs.rowsAt(testRows));
        result.threshold = threshold ? *threshold : spec.value(QStringLiteral("threshold")).toDouble(0.5);
        result.evaluation = evaluatePredictions(s.treated, s.uplift, pick(set.y, testRows), pick(set.treated, testRows), result.threshold);
        result.test = testPredictions(set, testRows, s);
    } catch (const std::exception& e) {
        return makeError(Text::tr("the model could not score the test rows: %1").arg(QString::fromUtf8(e.what())));
    }
    const auto* classifier = std::get_if<engine::Classifier>(&result.model.fitted);
    Eigen::VectorXd coef;
    if (classifier && classifier->logistic()) coef = classifier->logistic()->standardizedCoef();
    result.evaluation.importance = rankImportance(result.model.encoder.outputNames(), result.model.importance(), coef.size() ? &coef : nullptr);
    for (const QJsonValue& w : spec.value(QStringLiteral("warnings")).toArray()) result.warnings << w.toString();
    if (progress) progress(Text::tr("done"), 1.0);
    return result;
}

} // namespace cwb::model
