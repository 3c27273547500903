// The logistic model and the classification metrics against scikit-learn
// (Debian's python3-sklearn), run now on the same data: coefficients within
// 1e-4 at the same C, AUC / log loss / Brier score to rounding.
#include "core/random.h"
#include "metrics/classification.h"
#include "uptake/logistic.h"

#include "test_support.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <gtest/gtest.h>

#include <cmath>

using cwb::test::TempDir;
using namespace cwb::engine;

namespace {

// 3,000 rows of six columns on very different scales — a z-score, a price in
// the hundreds, a 0/1 flag, a count, a correlated copy of the first, a
// share — and an outcome drawn from a known logistic model.
struct Data {
    Eigen::MatrixXd x;
    Eigen::VectorXd y;
};

Data makeData(std::uint64_t seed)
{
    Rng rng(seed);
    const Eigen::Index n = 3000;
    Data d{Eigen::MatrixXd(n, 6), Eigen::VectorXd(n)};
    for (Eigen::Index i = 0; i < n; ++i) {
        d.x(i, 0) = rng.normal();
        d.x(i, 1) = rng.logNormal(std::log(200.0), 0.6);
        d.x(i, 2) = rng.bernoulli(0.3) ? 1.0 : 0.0;
        d.x(i, 3) = double(rng.poisson(4.0));
        d.x(i, 4) = 0.8 * d.x(i, 0) + 0.6 * rng.normal();
        d.x(i, 5) = rng.uniform();
        const double z = -1.2 + 0.9 * d.x(i, 0) - 0.004 * d.x(i, 1) + 0.7 * d.x(i, 2) + 0.15 * d.x(i, 3) - 0.5 * d.x(i, 4) + 1.1 * d.x(i, 5);
        d.y[i] = rng.bernoulli(sigmoid(z)) ? 1.0 : 0.0;
    }
    return d;
}

QByteArray csv(const Eigen::MatrixXd& x, const Eigen::VectorXd& y)
{
    QByteArray out;
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
        for (Eigen::Index j = 0; j < x.cols(); ++j) out += QByteArray::number(x(i, j), 'g', 17) + ',';
        out += QByteArray::number(y[i], 'g', 17) + '\n';
    }
    return out;
}

QJsonObject sklearn(const QStringList& args)
{
    QString error;
    const auto out = cwb::test::runPython(QStringList{cwb::test::referenceScript(QStringLiteral("logistic_sklearn.py"))} + args, &error);
    EXPECT_TRUE(out) << error.toStdString();
    return out ? QJsonDocument::fromJson(*out).object() : QJsonObject();
}

bool haveSklearn() { return cwb::test::pythonHas({QStringLiteral("sklearn"), QStringLiteral("numpy")}); }

} // namespace

TEST(ScikitLearn, LogisticCoefficientsAgreeAtTheSameC)
{
    if (!haveSklearn()) GTEST_SKIP() << "python3-sklearn is not installed";
    const Data d = makeData(11);
    TempDir tmp;
    const QString file = tmp.path(QStringLiteral("data.csv"));
    cwb::test::writeFile(file, csv(d.x, d.y));
    for (const double c : {0.01, 1.0, 100.0}) {
        for (const bool standardize : {false, true}) {
            LogisticParams p;
            p.l2 = 1.0 / c;
            p.standardize = standardize;
            p.tol = 1e-12;
            p.maxIter = 100;
            const LogisticModel ours = LogisticModel::fit(d.x, d.y, p);
            ASSERT_TRUE(ours.converged());
            QStringList args{QStringLiteral("fit"), file, QString::number(c, 'g', 17)};
            if (standardize) args << QStringLiteral("standardize");
            const QJsonObject ref = sklearn(args);
            ASSERT_FALSE(ref.isEmpty());
            const QJsonArray coef = ref[QStringLiteral("coef")].toArray();
            ASSERT_EQ(coef.size(), 6);
            const std::string where = "C = " + std::to_string(c) + (standardize ? ", standardised" : ", raw");
            EXPECT_NEAR(ours.intercept(), ref[QStringLiteral("intercept")].toDouble(), 1e-4) << where;
            for (int j = 0; j < 6; ++j) EXPECT_NEAR(ours.coef()[j], coef[j].toDouble(), 1e-4) << where << ", column " << j;
        }
    }
}

TEST(ScikitLearn, AucLogLossAndBrierAgreeOnTheSamePredictions)
{
    if (!haveSklearn()) GTEST_SKIP() << "python3-sklearn is not installed";
    const Data d = makeData(12);
    const LogisticModel m = LogisticModel::fit(d.x, d.y);
    Eigen::VectorXd p = m.predictProba(d.x);
    // Ties (rounded scores) and the clipping at 0 and 1, including confident mistakes.
    for (Eigen::Index i = 0; i < p.size(); i += 3) p[i] = std::round(p[i] * 20.0) / 20.0;
    p[1] = 0.0;
    p[2] = 1.0;
    Eigen::VectorXd y = d.y;
    y[1] = 1.0;
    y[2] = 0.0;
    TempDir tmp;
    const QString file = tmp.path(QStringLiteral("pred.csv"));
    cwb::test::writeFile(file, csv(p, y));
    const QJsonObject ref = sklearn({QStringLiteral("metrics"), file});
    ASSERT_FALSE(ref.isEmpty());
    EXPECT_NEAR(rocAuc(p, y), ref[QStringLiteral("auc")].toDouble(), 1e-12);
    EXPECT_NEAR(logLoss(p, y), ref[QStringLiteral("log_loss")].toDouble(), 1e-12);
    EXPECT_NEAR(brierScore(p, y), ref[QStringLiteral("brier")].toDouble(), 1e-12);
}
