#include "core/random.h"
#include "metrics/classification.h"
#include "uptake/logistic.h"

#include <gtest/gtest.h>

#include <cmath>

using namespace cwb::engine;
using Eigen::MatrixXd;
using Eigen::VectorXd;

TEST(Logistic, HandWorkedBalancedCase)
{
    // One feature, x = -1 (y 0, 1 time; y 1, 0 times) and x = +1 (y 1 twice, y 0 once)...
    // Simplest closed form: no penalty, two groups x = 0 (1 of 4 positive) and x = 1 (3 of 4):
    // the fit reproduces the group rates: intercept logit(1/4) = -ln 3, slope 2 ln 3.
    MatrixXd x(8, 1);
    x << 0, 0, 0, 0, 1, 1, 1, 1;
    VectorXd y(8);
    y << 1, 0, 0, 0, 1, 1, 1, 0;
    LogisticParams p;
    p.l2 = 0;
    p.standardize = false;
    const LogisticModel m = LogisticModel::fit(x, y, p);
    EXPECT_TRUE(m.converged());
    EXPECT_NEAR(m.intercept(), -std::log(3.0), 1e-8);
    EXPECT_NEAR(m.coef()[0], 2 * std::log(3.0), 1e-8);
    const VectorXd prob = m.predictProba(x);
    EXPECT_NEAR(prob[0], 0.25, 1e-8);
    EXPECT_NEAR(prob[7], 0.75, 1e-8);
}

TEST(Logistic, GradientIsZeroAtTheOptimumAgainstFiniteDifferences)
{
    Rng rng(1);
    const int n = 400, p = 3;
    MatrixXd x(n, p);
    VectorXd y(n);
    for (int i = 0; i < n; ++i) {
        for (int j = 0; j < p; ++j) x(i, j) = rng.normal(j, 1 + j);
        y[i] = rng.bernoulli(sigmoid(0.5 * x(i, 0) - 0.3 * x(i, 1) + 0.1 * x(i, 2) - 0.2)) ? 1 : 0;
    }
    LogisticParams lp;
    lp.l2 = 2.0;
    lp.standardize = false;
    const LogisticModel m = LogisticModel::fit(x, y, lp);
    // Objective on the raw scale: sum logloss + l2/2 |beta|^2.
    auto objective = [&](const VectorXd& beta, double b0) {
        double s = 0;
        for (int i = 0; i < n; ++i) {
            const double z = x.row(i).dot(beta) + b0;
            s += std::log1p(std::exp(z)) - y[i] * z;
        }
        return s + 0.5 * lp.l2 * beta.squaredNorm();
    };
    const double h = 1e-6;
    for (int j = 0; j < p; ++j) {
        VectorXd up = m.coef(), down = m.coef();
        up[j] += h;
        down[j] -= h;
        EXPECT_NEAR((objective(up, m.intercept()) - objective(down, m.intercept())) / (2 * h), 0.0, 1e-4) << j;
    }
    EXPECT_NEAR((objective(m.coef(), m.intercept() + h) - objective(m.coef(), m.intercept() - h)) / (2 * h), 0.0, 1e-4);
    EXPECT_NEAR(m.objective(), objective(m.coef(), m.intercept()), 1e-6);
}

TEST(Logistic, RecoversGeneratingCoefficients)
{
    Rng rng(2);
    const int n = 60000;
    MatrixXd x(n, 2);
    VectorXd y(n);
    for (int i = 0; i < n; ++i) {
        x(i, 0) = rng.normal();
        x(i, 1) = rng.uniform(0, 10);
        y[i] = rng.bernoulli(sigmoid(1.2 * x(i, 0) - 0.25 * x(i, 1) + 0.5)) ? 1 : 0;
    }
    LogisticParams lp;
    lp.l2 = 1e-6;
    const LogisticModel m = LogisticModel::fit(x, y, lp);
    EXPECT_NEAR(m.coef()[0], 1.2, 0.05);     // standard errors about 0.015
    EXPECT_NEAR(m.coef()[1], -0.25, 0.02);
    EXPECT_NEAR(m.intercept(), 0.5, 0.08);
}

TEST(Metrics, HandWorked)
{
    VectorXd s(4), y(4);
    s << 0.1, 0.4, 0.35, 0.8;
    y << 0, 0, 1, 1;
    // Pairs (pos, neg): (0.35 vs 0.1) win, (0.35 vs 0.4) lose, (0.8 vs both) win: 3 of 4.
    EXPECT_DOUBLE_EQ(rocAuc(s, y), 0.75);
    VectorXd tie(4);
    tie << 0.5, 0.5, 0.5, 0.5;
    EXPECT_DOUBLE_EQ(rocAuc(tie, y), 0.5);
    EXPECT_NEAR(logLoss(s, y), -(std::log(0.9) + std::log(0.6) + std::log(0.35) + std::log(0.8)) / 4, 1e-12);
    EXPECT_NEAR(brierScore(s, y), (0.01 + 0.16 + 0.4225 + 0.04) / 4, 1e-12);
    EXPECT_TRUE(std::isnan(rocAuc(s, VectorXd::Zero(4))));

    // ROC by hand: scores 0.8 (pos), 0.4 (neg), 0.35 (pos), 0.1 (neg), highest first.
    const std::vector<RocPoint> roc = rocCurve(s, y);
    const std::vector<std::pair<double, double>> expected{{0, 0}, {0, 0.5}, {0.5, 0.5}, {0.5, 1}, {1, 1}};
    ASSERT_EQ(roc.size(), expected.size());
    for (std::size_t i = 0; i < roc.size(); ++i) {
        EXPECT_DOUBLE_EQ(roc[i].falsePositiveRate, expected[i].first) << i;
        EXPECT_DOUBLE_EQ(roc[i].truePositiveRate, expected[i].second) << i;
    }
    // All tied: one diagonal step.
    ASSERT_EQ(rocCurve(tie, y).size(), 2u);
    EXPECT_TRUE(rocCurve(s, VectorXd::Zero(4)).empty());
}

TEST(Metrics, RocCurveAreaIsTheAuc)
{
    Rng rng(7);
    const Eigen::Index n = 5000;
    VectorXd s(n), y(n);
    for (Eigen::Index i = 0; i < n; ++i) {
        s[i] = std::round(rng.uniform() * 200) / 200;   // ties, as with binned scores
        y[i] = rng.bernoulli(0.1 + 0.5 * s[i]) ? 1 : 0;
    }
    const std::vector<RocPoint> roc = rocCurve(s, y, 100000);
    double area = 0;
    for (std::size_t i = 1; i < roc.size(); ++i)
        area += (roc[i].falsePositiveRate - roc[i - 1].falsePositiveRate) * (roc[i].truePositiveRate + roc[i - 1].truePositiveRate) / 2;
    EXPECT_NEAR(area, rocAuc(s, y), 1e-12);
    // Thinned for a chart: the ends kept, never more points than asked.
    const std::vector<RocPoint> thin = rocCurve(s, y, 50);
    EXPECT_LE(thin.size(), 50u);
    EXPECT_EQ(thin.front().falsePositiveRate, 0);
    EXPECT_EQ(thin.back().truePositiveRate, 1);
}
