#include "segments/segmentation.h"

#include "core/text.h"
#include "features/feature_builder.h"
#include "features/feature_catalog.h"
#include "features/feature_store.h"
#include "features/imputer.h"
#include "segment/group_profile.h"
#include "segment/rfm.h"
#include "segments/rule_query.h"
#include "segments/segment_store.h"
#include "sql/database.h"
#include "sql/sql_error.h"
#include "sql/statement.h"
#include "workspace/meta.h"
#include "workspace/workspace.h"

#include <QHash>
#include <QJsonArray>
#include <QLocale>

#include <cmath>
#include <limits>
#include <numeric>

namespace cwb::model {

namespace {

// The features every segment is summarised on, imputed, in raw units.
struct Profiling {
    LoadedFeatures loaded;
    Eigen::MatrixXd raw;        // imputed, original units (for the means shown)
    Eigen::MatrixXd compared;   // imputed and log-scaled (for "what sets it apart")
    QHash<qint64, Eigen::Index> rowOf;
};

Result<Profiling> loadProfiling(Database& db, const QStringList& names)
{
    auto loaded = loadFeatures(db, names);
    if (!loaded) return loaded.error();
    Profiling p;
    p.loaded = std::move(loaded).value();
    const engine::FeatureTable imputed = engine::Imputer::fit(p.loaded.table).transform(p.loaded.table);
    const Eigen::Index cols = p.loaded.table.cols();   // leave out the indicator columns
    p.raw = imputed.values.leftCols(cols);
    engine::FeatureTable trimmed = imputed;
    trimmed.values = p.raw;
    trimmed.columns.resize(static_cast<std::size_t>(cols));
    p.compared = engine::logScaled(trimmed);
    p.rowOf.reserve(static_cast<qsizetype>(p.loaded.table.ids.size()));
    for (std::size_t i = 0; i < p.loaded.table.ids.size(); ++i) p.rowOf.insert(p.loaded.table.ids[i], static_cast<Eigen::Index>(i));
    return p;
}

// `g` on the compared scale (for what stands out), `raw` in the features' units.
QString describe(const engine::GroupProfile& g, const engine::GroupProfile& raw, const QStringList& names)
{
    QStringList words;
    // A group that has (almost) never ordered: say so, rather than "lapsed,
    // low spend" from the values filled in for missing order history.
    const qsizetype ordersColumn = names.indexOf(QStringLiteral("orders"));
    const bool noOrders = ordersColumn >= 0 && raw.mean[ordersColumn] < 0.05;
    if (noOrders) words << (raw.mean[ordersColumn] > 0 ? Text::tr("almost no orders") : Text::tr("no orders yet"));
    static const QStringList orderHistory{QStringLiteral("orders"), QStringLiteral("monetary"), QStringLiteral("paid_spend"),
                                          QStringLiteral("recency_days"), QStringLiteral("avg_order_value")};
    for (int j : g.distinctive) {
        if (words.size() >= 3) break;
        const QString& n = names[j];
        if (n.endsWith(QLatin1String("_missing")) || (noOrders && orderHistory.contains(n))) continue;
        words << (g.difference[j] > 0 ? describeHigh(n) : describeLow(n));
    }
    if (words.isEmpty()) words << Text::tr("close to the average customer");
    words << Text::tr("%1% of users").arg(QLocale().toString(100.0 * g.share, 'f', g.share < 0.01 ? 1 : 0));
    return words.join(QStringLiteral(", "));
}

// Summaries of groups given as a label per row of the profiling tables.
QList<SegmentSummary> summarize(const Profiling& p, const std::vector<int>& labels, const QStringList& groupNames)
{
    const int groups = static_cast<int>(groupNames.size());
    const QStringList names = [&] {
        QStringList n;
        for (const auto& c : p.loaded.table.columns) n << QString::fromStdString(c.name);
        return n;
    }();
    // Words from the log-scaled comparison of imputed values; the means shown
    // are of the values actually observed (a customer who never ordered has
    // no churn risk rather than the median one).
    const auto compared = engine::profileGroups(p.compared, labels, groups, 0.3, 4);
    const auto raw = engine::profileGroups(p.raw, labels, groups);
    const Eigen::MatrixXd& observed = p.loaded.table.values;
    const Eigen::Index cols = observed.cols();
    Eigen::MatrixXd sum = Eigen::MatrixXd::Zero(groups + 1, cols), count = Eigen::MatrixXd::Zero(groups + 1, cols),
                    squares = Eigen::MatrixXd::Zero(1, cols);
    for (Eigen::Index i = 0; i < observed.rows(); ++i) {
        const int g = labels[static_cast<std::size_t>(i)];
        for (Eigen::Index j = 0; j < cols; ++j) {
            const double v = observed(i, j);
            if (std::isnan(v)) continue;
            sum(groups, j) += v;
            count(groups, j) += 1;
            squares(0, j) += v * v;
            if (g >= 0) {
                sum(g, j) += v;
                count(g, j) += 1;
            }
        }
    }
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QList<SegmentSummary> out;
    for (int g = 0; g < groups; ++g) {
        SegmentSummary s;
        s.name = groupNames[g];
        s.size = compared[static_cast<std::size_t>(g)].size;
        s.share = compared[static_cast<std::size_t>(g)].share;
        s.description = describe(compared[static_cast<std::size_t>(g)], raw[static_cast<std::size_t>(g)], names);
        for (Eigen::Index j = 0; j < cols; ++j) {
            const double popMean = count(groups, j) > 0 ? sum(groups, j) / count(groups, j) : nan;
            const double popSd = count(groups, j) > 0 ? std::sqrt(std::max(0.0, squares(0, j) / count(groups, j) - popMean * popMean)) : nan;
            const double mean = count(g, j) > 0 ? sum(g, j) / count(g, j) : nan;
            s.features << FeatureComparison{names[static_cast<qsizetype>(j)], mean, popMean,
                                            popSd > 1e-12 ? (mean - popMean) / popSd : (std::isnan(mean) ? nan : 0.0)};
        }
        out << s;
    }
    return out;
}

std::vector<qint64> membersOf(const Profiling& p, const std::vector<int>& labels, int g)
{
    std::vector<qint64> out;
    for (std::size_t i = 0; i < labels.size(); ++i)
        if (labels[i] == g) out.push_back(p.loaded.table.ids[i]);
    return out;
}

QJsonArray toJson(const QStringList& list) { return QJsonArray::fromStringList(list); }

} // namespace

// What every segment is summarised on: the clustering defaults and churn risk.
QStringList profilingFeatures(Database& db) { return defaultSegmentationFeatures(db) << QStringLiteral("churn_risk"); }

Result<SegmentSummary> summarizeMembers(Database& db, const QString& name, const std::vector<qint64>& members)
{
    auto p = loadProfiling(db, profilingFeatures(db));
    if (!p) return p.error();
    std::vector<int> labels(p->loaded.table.ids.size(), -1);
    for (qint64 uid : members)
        if (const auto it = p->rowOf.constFind(uid); it != p->rowOf.constEnd()) labels[static_cast<std::size_t>(*it)] = 0;
    return summarize(p.value(), labels, {name}).first();
}

Result<SegmentationResult> runSegmentation(Workspace& ws, const SegmentationRequest& req,
                                           const std::function<bool(const QString&, double)>& progress)
{
    Database& db = ws.db();
    SegmentationResult result;
    auto step = [&](const QString& what, double f) { return !progress || progress(what, f); };
    if (!step(Text::tr("checking the features"), 0.0)) return (result.cancelled = true, result);
    if (Status s = ensureFeatures(ws, &result.featuresRebuilt)) return *s;
    const QString asOf = readMeta(db, "features.as_of").value_or(QString());

    try {
        auto profiling = loadProfiling(db, profilingFeatures(db));
        if (!profiling) return profiling.error();
        Profiling& p = profiling.value();
        result.population = static_cast<qint64>(p.loaded.table.ids.size());
        if (result.population == 0) return makeError(Text::tr("the workspace has no users to segment"));
        QList<NewSegment> toSave;

        switch (req.method) {
        case SegmentMethod::Rfm: {
            std::vector<int> labels(p.loaded.table.ids.size(), -1);
            QHash<QString, int> groupIndex;
            QStringList names;
            for (int g = 0; g < engine::kRfmGroupCount; ++g) {
                const QString n = QString::fromLatin1(engine::rfmGroupName(static_cast<engine::RfmGroup>(g)).data());
                groupIndex.insert(n, g);
                names << Text::tr("RFM: %1").arg(n);
            }
            Statement st = db.prepare("SELECT uid, rfm_group FROM user_features");
            while (st.step()) {
                const auto row = p.rowOf.constFind(st.int64(0));
                if (row != p.rowOf.constEnd()) labels[static_cast<std::size_t>(*row)] = groupIndex.value(st.text(1), -1);
            }
            QList<SegmentSummary> all = summarize(p, labels, names);
            for (int g = 0; g < engine::kRfmGroupCount; ++g) {
                if (all[g].size == 0) continue;
                result.segments << all[g];
                toSave << NewSegment{all[g].name, QStringLiteral("rfm"),
                                     QJsonObject{{QStringLiteral("group"), QString::fromLatin1(engine::rfmGroupKey(static_cast<engine::RfmGroup>(g)).data())},
                                                 {QStringLiteral("as_of"), asOf},
                                                 {QStringLiteral("rules"), QStringLiteral("engine/segment/rfm.h")},
                                                 {QStringLiteral("description"), all[g].description}},
                                     membersOf(p, labels, g)};
            }
            break;
        }
        case SegmentMethod::Rule: {
            if (req.rule.trimmed().isEmpty()) return makeError(Text::tr("give the rule, e.g. --rule \"recency_days > 90 AND monetary >= 500\""));
            auto members = evaluateRule(db, req.rule);
            if (!members) return members.error();
            std::vector<int> labels(p.loaded.table.ids.size(), -1);
            for (qint64 uid : members.value())
                if (const auto it = p.rowOf.constFind(uid); it != p.rowOf.constEnd()) labels[static_cast<std::size_t>(*it)] = 0;
            const QString name = req.name.isEmpty() ? Text::tr("Rule: %1").arg(req.rule.left(60)) : req.name;
            SegmentSummary s = summarize(p, labels, {name}).first();
            result.segments << s;
            toSave << NewSegment{name, QStringLiteral("rule"),
                                 QJsonObject{{QStringLiteral("rule"), req.rule}, {QStringLiteral("as_of"), asOf},
                                             {QStringLiteral("description"), s.description}},
                                 members.value()};
            break;
        }
        case SegmentMethod::KMeans: {
            const QStringList features = req.features.isEmpty() ? defaultSegmentationFeatures(db) : req.features;
            auto loaded = loadFeatures(db, features);
            if (!loaded) return loaded.error();
            const engine::FeatureTable imputed = engine::Imputer::fit(loaded->table).transform(loaded->table);
            const Eigen::MatrixXd logged = engine::logScaled(imputed);
            const Eigen::MatrixXd x = engine::Scaler::fit(logged, req.scaling).transform(logged);
            for (const auto& c : imputed.columns) result.features << QString::fromStdString(c.name);

            engine::KMeansParams kp;
            kp.k = req.k;
            kp.nInit = req.nInit;
            kp.maxIter = req.maxIter;
            kp.seed = req.seed;
            kp.algorithm = req.algorithm;
            int k = req.k;
            if (req.autoK) {
                engine::ChooseKParams cp;
                cp.kMin = req.kMin;
                cp.kMax = req.kMax;
                cp.sample = req.silhouetteSample;
                cp.kmeans = kp;
                cp.kmeans.progress = [&](int, int) { return step(Text::tr("trying numbers of clusters"), 0.3); };
                if (auto problems = cp.validate(x.rows()); !problems.empty()) return makeError(QString::fromStdString(problems.front()));
                const engine::ChooseKResult chosen = engine::chooseK(x, cp);
                if (chosen.cancelled) return (result.cancelled = true, result);
                for (const auto& s : chosen.scores) result.kScores << s;
                k = chosen.bestK;
                result.elbowK = chosen.elbowK;
            }
            result.chosenK = k;
            kp.k = k;
            kp.progress = [&](int run, int it) { return step(Text::tr("clustering (run %1, iteration %2)").arg(run + 1).arg(it), 0.7); };
            if (auto problems = kp.validate(x.rows()); !problems.empty()) return makeError(QString::fromStdString(problems.front()));
            const engine::KMeansResult km = engine::kmeansFit(x, kp);
            if (km.cancelled) return (result.cancelled = true, result);
            result.inertia = km.inertia;

            // Clusters ordered by size, largest first; named "<prefix> 1", "<prefix> 2", ...
            std::vector<int> order(static_cast<std::size_t>(k));
            std::vector<qint64> sizes(static_cast<std::size_t>(k), 0);
            for (int l : km.labels) ++sizes[static_cast<std::size_t>(l)];
            std::iota(order.begin(), order.end(), 0);
            std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return sizes[static_cast<std::size_t>(a)] > sizes[static_cast<std::size_t>(b)]; });
            std::vector<int> rank(static_cast<std::size_t>(k));
            for (int r = 0; r < k; ++r) rank[static_cast<std::size_t>(order[static_cast<std::size_t>(r)])] = r;
            // Map k-means rows (loaded order) to profiling rows (the same users, same uid order).
            std::vector<int> labels(p.loaded.table.ids.size(), -1);
            for (std::size_t i = 0; i < loaded->table.ids.size(); ++i)
                if (const auto it = p.rowOf.constFind(loaded->table.ids[i]); it != p.rowOf.constEnd())
                    labels[static_cast<std::size_t>(*it)] = rank[static_cast<std::size_t>(km.labels[i])];
            const QString prefix = req.name.isEmpty() ? Text::tr("Cluster") : req.name;
            QStringList names;
            for (int r = 0; r < k; ++r) names << QStringLiteral("%1 %2").arg(prefix).arg(r + 1);
            result.segments = summarize(p, labels, names);
            for (int r = 0; r < k; ++r) {
                QJsonArray centre;
                for (Eigen::Index j = 0; j < km.centers.cols(); ++j) centre.append(km.centers(order[static_cast<std::size_t>(r)], j));
                toSave << NewSegment{names[r], QStringLiteral("kmeans"),
                                     QJsonObject{{QStringLiteral("features"), toJson(result.features)},
                                                 {QStringLiteral("scaling"), QString::fromLatin1(engine::scalingName(req.scaling).data())},
                                                 {QStringLiteral("k"), k},
                                                 {QStringLiteral("seed"), static_cast<qint64>(req.seed)},
                                                 {QStringLiteral("n_init"), req.nInit},
                                                 {QStringLiteral("algorithm"), req.algorithm == engine::KMeansAlgorithm::Elkan ? QStringLiteral("elkan") : QStringLiteral("lloyd")},
                                                 {QStringLiteral("inertia"), km.inertia},
                                                 {QStringLiteral("centre_scaled"), centre},
                                                 {QStringLiteral("as_of"), asOf},
                                                 {QStringLiteral("description"), result.segments[r].description}},
                                     membersOf(p, labels, r)};
            }
            break;
        }
        }
        if (req.save && !toSave.isEmpty()) {
            if (!step(Text::tr("saving"), 0.95)) return (result.cancelled = true, result);
            auto ids = saveSegments(db, toSave);
            if (!ids) return ids.error();
            for (qsizetype i = 0; i < result.segments.size() && i < static_cast<qsizetype>(ids->size()); ++i)
                result.segments[i].id = ids.value()[static_cast<std::size_t>(i)];
        }
    } catch (const SqlError& e) {
        return makeError(Text::tr("segmentation failed: %1").arg(QString::fromUtf8(e.what())));
    }
    return result;
}

} // namespace cwb::model
