#include "features/churn_model.h"

#include "core/random.h"
#include "core/text.h"
#include "features/build_context.h"
#include "features/feature_catalog.h"
#include "features/feature_sql.h"
#include "features/imputer.h"
#include "metrics/classification.h"
#include "sql/database.h"
#include "sql/statement.h"
#include "uptake/logistic.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>
#include <limits>

namespace cwb::model {


namespace {

const char* const kChurnFeatures[] = {"recency_days",   "orders",          "monetary",        "avg_order_value",
                                      "sessions_per_week", "active_days",  "days_since_signup", "member_level",
                                      "cart_to_purchase", "browse_depth",  "mean_dwell_seconds", "searches"};

std::string columnList()
{
    std::string cols;
    for (const char* f : kChurnFeatures) cols += std::string(cols.empty() ? "" : ", ") + "f." + f;
    return cols;
}

engine::FeatureTable emptyTable()
{
    engine::FeatureTable t;
    for (const char* name : kChurnFeatures) {
        const FeatureDef* d = findFeature(QString::fromLatin1(name));
        t.columns.push_back({name, d->missing, d->indicator, d->logScale});
    }
    return t;
}

// Reads the churn features (and the label column, if any) of `sql`'s rows.
void readRows(Database& db, const std::string& sql, qint64 cutoff, engine::FeatureTable& t, Eigen::VectorXd* labels)
{
    std::vector<std::vector<double>> rows;
    std::vector<double> ys;
    Statement st = db.prepare(sql);
    st.bindNamed(":cutoff", static_cast<std::int64_t>(cutoff));
    const int p = static_cast<int>(std::size(kChurnFeatures));
    const double nan = std::numeric_limits<double>::quiet_NaN();
    while (st.step()) {
        t.ids.push_back(st.int64(0));
        std::vector<double> r(static_cast<std::size_t>(p));
        for (int j = 0; j < p; ++j) r[static_cast<std::size_t>(j)] = st.isNull(j + 1) ? nan : st.real(j + 1);
        rows.push_back(std::move(r));
        if (labels) ys.push_back(st.real(p + 1));
    }
    t.values.resize(static_cast<Eigen::Index>(rows.size()), p);
    for (std::size_t i = 0; i < rows.size(); ++i)
        for (int j = 0; j < p; ++j) t.values(static_cast<Eigen::Index>(i), j) = rows[i][static_cast<std::size_t>(j)];
    if (labels) *labels = Eigen::Map<Eigen::VectorXd>(ys.data(), static_cast<Eigen::Index>(ys.size()));
}

} // namespace

ChurnBand churnBand(double risk) { return risk < 33.0 ? ChurnBand::Low : risk < 67.0 ? ChurnBand::Medium : ChurnBand::High; }

QString churnBandName(ChurnBand band)
{
    switch (band) {
    case ChurnBand::Low: return Text::tr("Low");
    case ChurnBand::Medium: return Text::tr("Medium");
    case ChurnBand::High: return Text::tr("High");
    }
    return {};
}

ChurnSummary trainChurnModel(Database& db, const BuildContext& build, std::uint64_t seed)
{
    ChurnSummary s;
    const qint64 asOf = build.asOf, dataStart = build.dataStart;
    s.cutoff = build.cutoff;
    db.exec("UPDATE user_features SET churn_risk = NULL");
    if (s.cutoff - dataStart < kChurnHorizonDays * 86400) {
        s.reason = Text::tr("the data covers less than %1 days; churn risk needs 90 days of history before a cut-off "
                            "and the 90 days after it")
                       .arg(2 * kChurnHorizonDays);
        return s;
    }
    // Features as they were at the cut-off (the build's aggregates hold that
    // snapshot too), in a temp table shaped like user_features.
    db.exec("DROP TABLE IF EXISTS temp.f_cut");
    db.exec("CREATE TEMP TABLE f_cut AS SELECT * FROM user_features WHERE 0");
    {
        Statement st = db.prepare(feature_sql::featuresInsert("temp.f_cut", true));
        build.bind(st);
        st.run();
    }

    // Customers who had ordered by the cut-off; churned = no paid order in the 90 days after.
    engine::FeatureTable train = emptyTable();
    Eigen::VectorXd y;
    readRows(db,
             "SELECT f.uid, " + columnList() + ", CASE WHEN now.last_order_ts >= :cutoff THEN 0 ELSE 1 END "
             "FROM temp.f_cut f JOIN user_features now ON now.uid = f.uid WHERE f.orders > 0 ORDER BY f.uid",
             s.cutoff, train, &y);
    db.exec("DROP TABLE temp.f_cut");
    const double positives = y.sum(), negatives = double(y.size()) - positives;
    if (y.size() < 100 || positives < 20 || negatives < 20) {
        s.reason = Text::tr("too few customers to learn from: %1 had ordered by the cut-off, %2 of them did not order "
                            "in the 90 days after (at least 100 customers and 20 of each outcome are needed)")
                       .arg(y.size())
                       .arg(static_cast<qint64>(positives));
        return s;
    }
    s.baseRate = positives / double(y.size());

    // Stratified 70 / 30 split, seeded.
    std::vector<Eigen::Index> trainRows, testRows;
    engine::Rng rng(seed, 0xC4A7);
    for (double cls : {0.0, 1.0}) {
        std::vector<Eigen::Index> idx;
        for (Eigen::Index i = 0; i < y.size(); ++i)
            if (y[i] == cls) idx.push_back(i);
        for (std::size_t i = idx.size(); i > 1; --i) std::swap(idx[i - 1], idx[rng.below(i)]);
        const std::size_t cut = static_cast<std::size_t>(std::llround(0.7 * double(idx.size())));
        trainRows.insert(trainRows.end(), idx.begin(), idx.begin() + static_cast<std::ptrdiff_t>(cut));
        testRows.insert(testRows.end(), idx.begin() + static_cast<std::ptrdiff_t>(cut), idx.end());
    }
    auto subset = [&](const std::vector<Eigen::Index>& rows) {
        engine::FeatureTable t;
        t.columns = train.columns;
        t.values.resize(static_cast<Eigen::Index>(rows.size()), train.cols());
        for (std::size_t i = 0; i < rows.size(); ++i) {
            t.ids.push_back(train.ids[static_cast<std::size_t>(rows[i])]);
            t.values.row(static_cast<Eigen::Index>(i)) = train.values.row(rows[i]);
        }
        return t;
    };
    auto labelsOf = [&](const std::vector<Eigen::Index>& rows) {
        Eigen::VectorXd out(static_cast<Eigen::Index>(rows.size()));
        for (std::size_t i = 0; i < rows.size(); ++i) out[static_cast<Eigen::Index>(i)] = y[rows[i]];
        return out;
    };
    const engine::FeatureTable trainSet = subset(trainRows), testSet = subset(testRows);
    const engine::Imputer imputer = engine::Imputer::fit(trainSet);
    const engine::FeatureTable trainImputed = imputer.transform(trainSet);
    const engine::LogisticModel model =
        engine::LogisticModel::fit(engine::logScaled(trainImputed), labelsOf(trainRows), engine::LogisticParams{});
    const Eigen::VectorXd testP = model.predictProba(engine::logScaled(imputer.transform(testSet)));
    s.auc = engine::rocAuc(testP, labelsOf(testRows));
    s.trainRows = static_cast<qint64>(trainRows.size());
    s.testRows = static_cast<qint64>(testRows.size());
    for (std::size_t j = 0; j < trainImputed.columns.size(); ++j)
        s.coefficients.push_back({QString::fromStdString(trainImputed.columns[j].name), model.standardizedCoef()[static_cast<Eigen::Index>(j)]});
    std::sort(s.coefficients.begin(), s.coefficients.end(),
              [](const auto& a, const auto& b) { return std::fabs(a.second) > std::fabs(b.second); });

    // Today's customers who have ordered.
    engine::FeatureTable current = emptyTable();
    readRows(db, "SELECT f.uid, " + columnList() + " FROM user_features f WHERE f.orders > 0 ORDER BY f.uid", s.cutoff, current, nullptr);
    const Eigen::VectorXd risk = model.predictProba(engine::logScaled(imputer.transform(current)));
    Statement write = db.prepare("UPDATE user_features SET churn_risk = ? WHERE uid = ?");
    for (std::size_t i = 0; i < current.ids.size(); ++i) {
        write.bind(1, 100.0 * risk[static_cast<Eigen::Index>(i)]).bind(2, current.ids[i]);
        write.run();
    }
    s.scored = static_cast<qint64>(current.ids.size());

    // Keep the model with the workspace's others.
    QJsonObject coefficients, fills;
    for (std::size_t j = 0; j < trainImputed.columns.size(); ++j)
        coefficients.insert(QString::fromStdString(trainImputed.columns[j].name), model.coef()[static_cast<Eigen::Index>(j)]);
    for (std::size_t j = 0; j < trainSet.columns.size(); ++j)
        fills.insert(QString::fromStdString(trainSet.columns[j].name), imputer.fillValues()[j]);
    const QJsonObject metrics{{QStringLiteral("auc"), s.auc},
                              {QStringLiteral("base_rate"), s.baseRate},
                              {QStringLiteral("train_rows"), s.trainRows},
                              {QStringLiteral("test_rows"), s.testRows},
                              {QStringLiteral("cutoff"), s.cutoff},
                              {QStringLiteral("as_of"), asOf},
                              {QStringLiteral("horizon_days"), static_cast<qint64>(kChurnHorizonDays)}};
    const QJsonObject blob{{QStringLiteral("kind"), QStringLiteral("logistic")},
                           {QStringLiteral("log_scaled"), true},
                           {QStringLiteral("coefficients"), coefficients},
                           {QStringLiteral("intercept"), model.intercept()},
                           {QStringLiteral("missing_fill"), fills}};
    db.exec("DELETE FROM models WHERE kind = 'churn'");
    Statement save = db.prepare("INSERT INTO models (kind, target, trained_at, metrics, blob) VALUES ('churn', 'no_order_90_days', ?, ?, ?)");
    const QByteArray blobBytes = QJsonDocument(blob).toJson(QJsonDocument::Compact);
    save.bind(1, QDateTime::currentSecsSinceEpoch())
        .bind(2, QString::fromUtf8(QJsonDocument(metrics).toJson(QJsonDocument::Compact)))
        .bindBlob(3, blobBytes.constData(), static_cast<int>(blobBytes.size()));
    save.run();
    s.trained = true;
    return s;
}

} // namespace cwb::model
