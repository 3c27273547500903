// cwb train, cwb evaluate, cwb models
#include "commands.h"
#include "console.h"

#include "training/trainer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

#include <cmath>

namespace cwb::cli {

namespace {

QString when(qint64 t) { return QDateTime::fromSecsSinceEpoch(t, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm")); }
QString pct(double share, int decimals = 1) { return std::isfinite(share) ? number(100.0 * share, decimals) + QStringLiteral(" %") : QStringLiteral("n/a"); }
QString pts(double diff) { return std::isfinite(diff) ? (diff >= 0 ? QStringLiteral("+") : QString()) + number(100.0 * diff, 2) + QStringLiteral(" pt") : QStringLiteral("n/a"); }
QString fixed(double v, int decimals) { return std::isfinite(v) ? number(v, decimals) : QStringLiteral("n/a"); }

double baseRateLogLoss(double r)
{
    if (r <= 0 || r >= 1) return 0;
    return -(r * std::log(r) + (1 - r) * std::log(1 - r));
}

void printEvaluation(const model::Evaluation& e, double threshold)
{
    printOut(QStringLiteral("  uptake on the test rows with the offer: %1 rows, %2 positive (%3)\n")
                 .arg(number(e.rows), number(qint64(std::llround(e.positives))), pct(e.baseRate, 2)));
    printOut(QStringLiteral("    AUC %1   log loss %2 (the base rate alone: %3)   Brier %4   calibration error %5 (mean predicted %6)\n")
                 .arg(fixed(e.auc, 3), fixed(e.logLoss, 4), fixed(baseRateLogLoss(e.baseRate), 4), fixed(e.brier, 4),
                      fixed(e.calibrationError, 4), pct(e.meanPredicted, 2)));
    const engine::ThresholdMetrics& t = e.atThreshold;
    printOut(QStringLiteral("    at threshold %1: accuracy %2, precision %3, recall %4, F1 %5 (TP %6, FP %7, TN %8, FN %9)\n")
                 .arg(fixed(threshold, 4), fixed(t.accuracy, 3), fixed(t.precision, 3), fixed(t.recall, 3), fixed(t.f1, 3))
                 .arg(number(qint64(t.truePositives)), number(qint64(t.falsePositives)), number(qint64(t.trueNegatives)), number(qint64(t.falseNegatives))));
    if (e.lift.size() >= 3)
        printOut(QStringLiteral("    lift: first decile %1x; the top 30 % hold %2 of the positives\n")
                     .arg(fixed(e.lift[0].lift, 2), pct(e.lift[2].cumulativeGain, 0)));
    if (!e.calibration.empty()) {
        QStringList cells;
        for (const auto& b : e.calibration) cells << QStringLiteral("%1/%2").arg(pct(b.meanPredicted, 1), pct(b.observedRate, 1));
        printOut(QStringLiteral("    calibration, predicted/observed by tenth: %1\n").arg(cells.join(QStringLiteral("  "))));
    }
    if (e.uplift) {
        printOut(QStringLiteral("  uplift on the test rows: %1 with the offer, %2 without; observed effect %3, predicted %4\n")
                     .arg(number(e.treatedRows), number(e.controlRows), pts(e.observedEffect), pts(e.predictedEffect)));
        printOut(QStringLiteral("    Qini %1   AUUC %2   uplift@10 % %3   @20 % %4   @30 % %5\n")
                     .arg(fixed(e.qini, 3), fixed(e.auuc, 3), pts(e.upliftAt10), pts(e.upliftAt20), pts(e.upliftAt30)));
        QStringList cells;
        for (const auto& d : e.upliftDeciles) cells << pts(d.observedUplift);
        printOut(QStringLiteral("    observed uplift by tenth of predicted uplift: %1\n").arg(cells.join(QStringLiteral("  "))));
    }
    if (!e.importance.isEmpty()) {
        QStringList cells;
        for (qsizetype k = 0; k < std::min<qsizetype>(8, e.importance.size()); ++k) {
            const auto& f = e.importance[k];
            QString cell = QStringLiteral("%1 %2").arg(f.feature, pct(f.importance, 0));
            if (f.hasCoefficient) cell += f.coefficient >= 0 ? QStringLiteral(" (+)") : QStringLiteral(" (-)");
            cells << cell;
        }
        printOut(QStringLiteral("  what drives the predictions: %1\n").arg(cells.join(QStringLiteral(", "))));
    }
}

void printList(const QString& title, const QStringList& items)
{
    if (items.isEmpty()) return;
    printOut(title + QLatin1Char('\n'));
    for (const QString& w : items) printOut(QStringLiteral("    - %1\n").arg(w));
}

QJsonArray jsonList(const QStringList& items)
{
    QJsonArray a;
    for (const QString& s : items) a.append(s);
    return a;
}

int runTrain(const ParsedArgs& args)
{
    model::TrainRequest req;
    req.kind = args.has(QStringLiteral("uplift")) ? model::ModelKind::Uplift : model::ModelKind::Response;
    const QString learner = args.value(QStringLiteral("model"), QStringLiteral("logistic"));
    if (learner == QLatin1String("gbdt")) req.base.learner = engine::BaseLearner::BoostedTrees;
    else if (learner != QLatin1String("logistic")) return usageError(QStringLiteral("--model must be logistic or gbdt"));
    const QString target = args.value(QStringLiteral("target"), req.kind == model::ModelKind::Uplift ? QStringLiteral("converted") : QStringLiteral("redeemed"));
    const auto outcome = model::parseOutcome(target);
    if (!outcome) return usageError(QStringLiteral("--target must be redeemed, converted or visited"));
    req.data.target = *outcome;
    const QString upliftLearner = args.value(QStringLiteral("learner"), QStringLiteral("two-model"));
    if (upliftLearner == QLatin1String("class-transformation")) req.upliftLearner = engine::UpliftLearner::ClassTransformation;
    else if (upliftLearner != QLatin1String("two-model")) return usageError(QStringLiteral("--learner must be two-model or class-transformation"));
    if (args.has(QStringLiteral("learner")) && req.kind != model::ModelKind::Uplift) return usageError(QStringLiteral("--learner goes with --uplift"));
    if (args.has(QStringLiteral("split"))) {
        const QString s = args.value(QStringLiteral("split"));
        if (s == QLatin1String("time")) req.split = model::SplitKind::Time;
        else if (s == QLatin1String("random")) req.split = model::SplitKind::Random;
        else return usageError(QStringLiteral("--split must be time or random"));
    }
    const auto share = numberOption(args, QStringLiteral("test-share"), 0.3, 0.05, 0.95);
    const auto seed = integerOption(args, QStringLiteral("seed"), 42, 0, std::numeric_limits<qint64>::max());
    const auto maxRows = integerOption(args, QStringLiteral("max-rows"), 500000, 100, 100'000'000);
    const auto l2 = numberOption(args, QStringLiteral("l2"), 1.0, 0.0, 1e9);
    const auto trees = integerOption(args, QStringLiteral("trees"), 500, 1, 100000);
    const auto depth = integerOption(args, QStringLiteral("depth"), 4, 1, 16);
    const auto eta = numberOption(args, QStringLiteral("learning-rate"), 0.05, 1e-4, 1.0);
    const auto threads = integerOption(args, QStringLiteral("threads"), 0, 0, 1024);
    for (const auto* r : {&share, &l2, &eta})
        if (!*r) return usageError(r->error().message);
    for (const auto* r : {&seed, &maxRows, &trees, &depth, &threads})
        if (!*r) return usageError(r->error().message);
    if (args.has(QStringLiteral("threshold"))) {
        const auto t = numberOption(args, QStringLiteral("threshold"), 0.5, 0.0, 1.0);
        if (!t) return usageError(t.error().message);
        req.threshold = t.value();
    }
    req.testShare = share.value();
    req.data.seed = static_cast<quint64>(seed.value());
    req.data.maxRows = maxRows.value();
    req.data.arm = args.value(QStringLiteral("arm"));
    if (args.has(QStringLiteral("campaigns"))) req.data.campaigns = args.value(QStringLiteral("campaigns")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    req.base.logistic.l2 = l2.value();
    req.base.logistic.threads = static_cast<int>(threads.value());
    req.base.trees.maxTrees = static_cast<int>(trees.value());
    req.base.trees.maxDepth = static_cast<int>(depth.value());
    req.base.trees.learningRate = eta.value();
    req.base.trees.seed = req.data.seed;
    req.base.trees.threads = static_cast<int>(threads.value());
    req.name = args.value(QStringLiteral("name"));
    req.save = !args.has(QStringLiteral("no-save"));

    auto ws = openWorkspace(args.positional[0]);
    if (!ws) return fail(ws.error());
    ProgressLine line;
    auto r = model::trainModel(ws.value(), req, [&](const QString& step, double fraction) {
        line.show(QStringLiteral("train: %1 (%2%)").arg(step).arg(qRound(fraction * 100)));
        return !interrupted().load();
    });
    line.done();
    if (!r) return fail(r.error());
    const model::TrainResult& t = r.value();
    if (args.has(QStringLiteral("json"))) {
        QJsonObject o{{QStringLiteral("model_id"), t.modelId},
                      {QStringLiteral("name"), t.model.name},
                      {QStringLiteral("kind"), model::modelKindKey(t.model.kind)},
                      {QStringLiteral("target"), model::outcomeKey(t.model.target)},
                      {QStringLiteral("learner"), model::baseLearnerKey(t.model.base)},
                      {QStringLiteral("description"), t.model.describe()},
                      {QStringLiteral("seconds"), t.seconds},
                      {QStringLiteral("threshold"), t.threshold},
                      {QStringLiteral("split"), QJsonObject{{QStringLiteral("kind"), t.split.kind == model::SplitKind::Time ? QStringLiteral("time") : QStringLiteral("random")},
                                                            {QStringLiteral("description"), t.split.description},
                                                            {QStringLiteral("train_rows"), t.split.trainRows},
                                                            {QStringLiteral("test_rows"), t.split.testRows}}},
                      {QStringLiteral("campaigns"), t.model.spec.value(QStringLiteral("campaigns"))},
                      {QStringLiteral("rows"), t.rows},
                      {QStringLiteral("observed_effect"), std::isfinite(t.observedEffect) ? QJsonValue(t.observedEffect) : QJsonValue()},
                      {QStringLiteral("evaluation"), t.evaluation.toJson()},
                      {QStringLiteral("warnings"), jsonList(t.warnings)},
                      {QStringLiteral("notes"), jsonList(t.notes)}};
        if (t.model.kind == model::ModelKind::Uplift) o.insert(QStringLiteral("uplift_learner"), model::upliftLearnerKey(t.model.upliftLearner));
        printJson(o);
        return Success;
    }
    printOut(QStringLiteral("%1 %2: %3, in %4 s\n")
                 .arg(t.modelId ? QStringLiteral("trained model %1").arg(t.modelId) : QStringLiteral("trained (not saved)"),
                      t.model.name.isEmpty() ? QString() : QStringLiteral("\"%1\"").arg(t.model.name), t.model.describe(), number(t.seconds, 1)));
    printOut(QStringLiteral("  data: %1 campaign(s); %2 rows to learn from, %3 to test on; %4\n")
                 .arg(number(qint64(t.campaigns.size())), number(t.split.trainRows), number(t.split.testRows), t.split.description));
    if (std::isfinite(t.observedEffect))
        printOut(QStringLiteral("  observed effect of the offer on %1 over all %2 rows: %3\n").arg(model::outcomeKey(t.model.target), number(t.rows), pts(t.observedEffect)));
    printEvaluation(t.evaluation, t.threshold);
    printList(QStringLiteral("  warnings:"), t.warnings);
    printList(QStringLiteral("  notes:"), t.notes);
    return Success;
}

int runEvaluate(const ParsedArgs& args)
{
    std::optional<qint64> id;
    if (args.has(QStringLiteral("model"))) {
        const auto v = integerOption(args, QStringLiteral("model"), 0, 1, std::numeric_limits<qint64>::max());
        if (!v) return usageError(v.error().message);
        id = v.value();
    }
    std::optional<double> threshold;
    if (args.has(QStringLiteral("threshold"))) {
        const auto t = numberOption(args, QStringLiteral("threshold"), 0.5, 0.0, 1.0);
        if (!t) return usageError(t.error().message);
        threshold = t.value();
    }
    auto ws = openWorkspace(args.positional[0]);
    if (!ws) return fail(ws.error());
    ProgressLine line;
    auto r = model::evaluateModel(ws.value(), id, threshold, [&](const QString& step, double fraction) {
        line.show(QStringLiteral("evaluate: %1 (%2%)").arg(step).arg(qRound(fraction * 100)));
        return !interrupted().load();
    });
    line.done();
    if (!r) return fail(r.error());
    const model::EvaluateResult& e = r.value();
    if (args.has(QStringLiteral("json"))) {
        printJson({{QStringLiteral("model_id"), e.model.id},
                   {QStringLiteral("name"), e.model.name},
                   {QStringLiteral("description"), e.model.describe()},
                   {QStringLiteral("trained_at"), when(e.model.trainedAt)},
                   {QStringLiteral("threshold"), e.threshold},
                   {QStringLiteral("split"), QJsonObject{{QStringLiteral("description"), e.split.description},
                                                         {QStringLiteral("train_rows"), e.split.trainRows},
                                                         {QStringLiteral("test_rows"), e.split.testRows}}},
                   {QStringLiteral("evaluation"), e.evaluation.toJson()},
                   {QStringLiteral("warnings"), jsonList(e.warnings)}});
        return Success;
    }
    printOut(QStringLiteral("model %1 \"%2\": %3, trained %4\n").arg(e.model.id).arg(e.model.name, e.model.describe(), when(e.model.trainedAt)));
    printOut(QStringLiteral("  %1; %2 test rows\n").arg(e.split.description, number(e.split.testRows)));
    printEvaluation(e.evaluation, e.threshold);
    printList(QStringLiteral("  warnings:"), e.warnings);
    return Success;
}

int runModels(const ParsedArgs& args)
{
    auto ws = openWorkspace(args.positional[0]);
    if (!ws) return fail(ws.error());
    if (args.has(QStringLiteral("delete"))) {
        const auto v = integerOption(args, QStringLiteral("delete"), 0, 1, std::numeric_limits<qint64>::max());
        if (!v) return usageError(v.error().message);
        if (auto err = model::deleteModel(ws->db(), v.value())) return fail(*err);
        printOut(QStringLiteral("deleted model %1\n").arg(v.value()));
        return Success;
    }
    const auto list = model::listModels(ws->db());
    const qint64 current = ws->dataVersion();
    if (args.has(QStringLiteral("json"))) {
        QJsonArray arr;
        for (const auto& m : list) {
            QJsonObject o{{QStringLiteral("model_id"), m.id}, {QStringLiteral("name"), m.name}, {QStringLiteral("kind"), m.kind},
                          {QStringLiteral("target"), m.target}, {QStringLiteral("learner"), m.learner}, {QStringLiteral("trained_at"), when(m.trainedAt)},
                          {QStringLiteral("auc"), m.metrics.value(QStringLiteral("auc"))}};
            if (m.kind != QLatin1String("churn")) o.insert(QStringLiteral("data_changed_since"), m.dataVersion != current);
            if (m.metrics.contains(QStringLiteral("uplift")))
                o.insert(QStringLiteral("qini"), m.metrics.value(QStringLiteral("uplift")).toObject().value(QStringLiteral("qini")));
            arr.append(o);
        }
        printJson({{QStringLiteral("models"), arr}});
        return Success;
    }
    if (list.isEmpty()) printOut(QStringLiteral("no models yet (cwb train)\n"));
    else
        printOut(QStringLiteral("  %1  %2 %3 %4 %5  %6\n")
                     .arg(QStringLiteral("id").rightJustified(4), QStringLiteral("kind").leftJustified(8), QStringLiteral("learner").leftJustified(26),
                          QStringLiteral("target").leftJustified(16), QStringLiteral("trained (UTC)").leftJustified(16), QStringLiteral("quality on the test rows, name")));
    for (const auto& m : list) {
        QString quality = QStringLiteral("AUC %1").arg(fixed(m.metrics.value(QStringLiteral("auc")).toDouble(NAN), 3));
        if (m.metrics.contains(QStringLiteral("uplift")))
            quality += QStringLiteral(", Qini %1").arg(fixed(m.metrics.value(QStringLiteral("uplift")).toObject().value(QStringLiteral("qini")).toDouble(NAN), 3));
        const bool stale = m.kind != QLatin1String("churn") && m.dataVersion != current;
        printOut(QStringLiteral("  %1  %2 %3 %4 %5  %6  %7%8\n")
                     .arg(QString::number(m.id).rightJustified(4), m.kind.leftJustified(8), m.learner.leftJustified(26), m.target.leftJustified(16),
                          when(m.trainedAt), quality, padRight(m.name, 0), stale ? QStringLiteral("  (data changed since)") : QString()));
    }
    return Success;
}

} // namespace

CommandSpec trainCommand()
{
    return {QStringLiteral("train"),
            QStringLiteral("WS [--model logistic|gbdt] [--target redeemed|converted|visited] [--uplift] [--json]"),
            QStringLiteral("train an uptake or uplift model on past campaigns"),
            QStringLiteral(
                "Learns from every past exposure (campaign x user): the user's history before the campaign\n"
                "started, their attributes, the campaign's parameters, and the outcome.\n"
                "Without --uplift: a response model, P(outcome | offer), trained on the users who got the offer\n"
                "(default target redeemed). With --uplift (needs a control group): P(outcome) with and without\n"
                "the offer, and the difference (default target converted), by the two-model or the class-\n"
                "transformation learner. The model is evaluated on held-out rows and saved in the workspace.\n\n")
                + model::metricsGuide(),
            {{QStringLiteral("model"), QStringLiteral("M"), QStringLiteral("logistic (default, L2-regularised) or gbdt (boosted trees)")},
             {QStringLiteral("target"), QStringLiteral("T"), QStringLiteral("redeemed, converted or visited")},
             {QStringLiteral("uplift"), {}, QStringLiteral("learn the effect of the offer (needs a control group)")},
             {QStringLiteral("learner"), QStringLiteral("L"), QStringLiteral("uplift learner: two-model (default) or class-transformation")},
             {QStringLiteral("split"), QStringLiteral("S"), QStringLiteral("time (test on the latest campaign; default with 2+ campaigns) or random")},
             {QStringLiteral("test-share"), QStringLiteral("F"), QStringLiteral("random split: share of rows held out (default 0.3)")},
             {QStringLiteral("seed"), QStringLiteral("S"), QStringLiteral("seed of the split, sampling and trees (default 42)")},
             {QStringLiteral("campaigns"), QStringLiteral("A,B,..."), QStringLiteral("learn from these campaigns only (names or ids)")},
             {QStringLiteral("arm"), QStringLiteral("NAME"), QStringLiteral("multi-arm tests: this treated arm against the control")},
             {QStringLiteral("max-rows"), QStringLiteral("N"), QStringLiteral("sample the exposures beyond N rows (default 500,000)")},
             {QStringLiteral("l2"), QStringLiteral("X"), QStringLiteral("logistic: L2 penalty on standardised coefficients (default 1 = C 1)")},
             {QStringLiteral("trees"), QStringLiteral("N"), QStringLiteral("gbdt: at most N trees, early stopping (default 500)")},
             {QStringLiteral("depth"), QStringLiteral("D"), QStringLiteral("gbdt: tree depth (default 4)")},
             {QStringLiteral("learning-rate"), QStringLiteral("R"), QStringLiteral("gbdt: learning rate (default 0.05)")},
             {QStringLiteral("threads"), QStringLiteral("N"), QStringLiteral("threads (default: all cores)")},
             {QStringLiteral("threshold"), QStringLiteral("P"), QStringLiteral("decision threshold for accuracy and F1 (default: the base rate)")},
             {QStringLiteral("name"), QStringLiteral("N"), QStringLiteral("a name for the model")},
             {QStringLiteral("no-save"), {}, QStringLiteral("evaluate without saving the model")},
             {QStringLiteral("json"), {}, QStringLiteral("print the result as JSON")}},
            1, 1, runTrain};
}

CommandSpec evaluateCommand()
{
    return {QStringLiteral("evaluate"), QStringLiteral("WS [--model ID] [--threshold P] [--json]"),
            QStringLiteral("measure a saved model on its test rows"),
            QStringLiteral("Rebuilds the model's test rows from the workspace (same campaigns, split and seed) and reports\n"
                           "its quality; the newest uptake or uplift model unless --model says which.\n\n") + model::metricsGuide(),
            {{QStringLiteral("model"), QStringLiteral("ID"), QStringLiteral("the model (cwb models lists them)")},
             {QStringLiteral("threshold"), QStringLiteral("P"), QStringLiteral("decision threshold for accuracy and F1 (default: as trained)")},
             {QStringLiteral("json"), {}, QStringLiteral("print the result as JSON")}},
            1, 1, runEvaluate};
}

CommandSpec modelsCommand()
{
    return {QStringLiteral("models"), QStringLiteral("WS [--delete ID] [--json]"), QStringLiteral("list or delete the saved models"), {},
            {{QStringLiteral("delete"), QStringLiteral("ID"), QStringLiteral("delete an uptake or uplift model")},
             {QStringLiteral("json"), {}, QStringLiteral("print the result as JSON")}},
            1, 1, runModels};
}

} // namespace cwb::cli
