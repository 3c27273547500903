#include "core/random.h"
#include "segment/choose_k.h"
#include "segment/kmeans.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

using namespace cwb::engine;
using Eigen::MatrixXd;

namespace {

// n points around each of the given centres, sd `spread`.
MatrixXd mixture(const MatrixXd& centres, int perCluster, double spread, std::uint64_t seed, std::vector<int>* truth = nullptr)
{
    Rng rng(seed);
    MatrixXd x(centres.rows() * perCluster, centres.cols());
    for (Eigen::Index c = 0; c < centres.rows(); ++c)
        for (int i = 0; i < perCluster; ++i) {
            for (Eigen::Index j = 0; j < centres.cols(); ++j) x(c * perCluster + i, j) = centres(c, j) + spread * rng.normal();
            if (truth) truth->push_back(static_cast<int>(c));
        }
    return x;
}

} // namespace

TEST(KMeans, HandWorkedExample)
{
    // Two obvious groups on a line: {0, 1, 2} and {10, 11}. Centres 1 and 10.5;
    // inertia (1 + 0 + 1) + (0.25 + 0.25) = 2.5.
    MatrixXd x(5, 1);
    x << 0, 1, 2, 10, 11;
    KMeansParams p;
    p.k = 2;
    p.nInit = 3;
    const KMeansResult r = kmeansFit(x, p);
    std::vector<double> centres{r.centers(0, 0), r.centers(1, 0)};
    std::sort(centres.begin(), centres.end());
    EXPECT_NEAR(centres[0], 1.0, 1e-12);
    EXPECT_NEAR(centres[1], 10.5, 1e-12);
    EXPECT_NEAR(r.inertia, 2.5, 1e-12);
    EXPECT_EQ(r.labels[0], r.labels[2]);
    EXPECT_NE(r.labels[0], r.labels[3]);
}

TEST(KMeans, RecoversKnownCentres)
{
    MatrixXd centres(4, 3);
    centres << 0, 0, 0, 5, 5, 0, 0, 5, 5, 5, 0, 5;
    std::vector<int> truth;
    const MatrixXd x = mixture(centres, 2000, 0.5, 11, &truth);
    KMeansParams p;
    p.k = 4;
    p.seed = 3;
    const KMeansResult r = kmeansFit(x, p);
    for (Eigen::Index c = 0; c < centres.rows(); ++c) {
        double nearest = 1e9;
        for (Eigen::Index j = 0; j < r.centers.rows(); ++j) nearest = std::min(nearest, (r.centers.row(j) - centres.row(c)).norm());
        EXPECT_LT(nearest, 0.05) << "centre " << c;   // sd of a centre estimate: 0.5 / sqrt(2000) = 0.011
    }
    // Every true cluster maps to one found cluster.
    for (int c = 0; c < 4; ++c) {
        std::set<int> found;
        for (std::size_t i = 0; i < truth.size(); ++i)
            if (truth[i] == c) found.insert(r.labels[i]);
        EXPECT_EQ(found.size(), 1u);
    }
}

TEST(KMeans, LloydAndElkanAgree)
{
    MatrixXd centres(6, 2);
    centres << 0, 0, 3, 0, 0, 3, 3, 3, 6, 0, 6, 6;
    const MatrixXd x = mixture(centres, 500, 1.0, 5);
    KMeansParams p;
    p.k = 6;
    p.nInit = 2;
    p.tol = 0;
    const KMeansResult lloyd = kmeansFit(x, p);
    p.algorithm = KMeansAlgorithm::Elkan;
    const KMeansResult elkan = kmeansFit(x, p);
    EXPECT_NEAR(lloyd.inertia, elkan.inertia, 1e-9 * lloyd.inertia);
    EXPECT_EQ(lloyd.labels, elkan.labels);
}

TEST(KMeans, DeterministicWhateverTheThreads)
{
    MatrixXd centres(3, 4);
    centres.setRandom();
    centres *= 4;
    const MatrixXd x = mixture(centres, 7000, 1.0, 8);
    KMeansParams p;
    p.k = 5;
    p.threads = 1;
    const KMeansResult one = kmeansFit(x, p);
    p.threads = 2;
    const KMeansResult two = kmeansFit(x, p);
    p.threads = 7;
    const KMeansResult seven = kmeansFit(x, p);
    EXPECT_EQ(one.labels, two.labels);
    EXPECT_EQ(one.labels, seven.labels);
    EXPECT_EQ(one.inertia, two.inertia);
    EXPECT_EQ(one.centers, seven.centers);
    p.seed = 43;
    EXPECT_NE(kmeansFit(x, p).runInertia, one.runInertia);
}

TEST(KMeans, RestartsKeepTheBest)
{
    MatrixXd centres(5, 2);
    centres << 0, 0, 4, 0, 0, 4, 4, 4, 2, 2;
    const MatrixXd x = mixture(centres, 300, 1.2, 6);
    KMeansParams p;
    p.k = 5;
    p.nInit = 6;
    const KMeansResult r = kmeansFit(x, p);
    ASSERT_EQ(r.runInertia.size(), 6u);
    EXPECT_EQ(r.inertia, *std::min_element(r.runInertia.begin(), r.runInertia.end()));
}

TEST(KMeans, ParametersAreChecked)
{
    MatrixXd x(3, 1);
    x << 1, 2, 3;
    KMeansParams p;
    p.k = 4;
    EXPECT_FALSE(p.validate(3).empty());
    EXPECT_THROW(kmeansFit(x, p), std::invalid_argument);
}

TEST(ChooseK, SilhouetteHandWorked)
{
    // Points 0, 1 (cluster 0) and 4, 5 (cluster 1). For 0: a = 1, b = (4 + 5) / 2 = 4.5,
    // s = 3.5 / 4.5; for 1: a = 1, b = 3.5, s = 2.5 / 3.5; symmetric for the other two.
    MatrixXd x(4, 1);
    x << 0, 1, 4, 5;
    const double expected = (3.5 / 4.5 + 2.5 / 3.5) / 2.0;
    EXPECT_NEAR(silhouetteScore(x, {0, 0, 1, 1}, 2), expected, 1e-12);
}

TEST(ChooseK, FindsTheNumberOfWellSeparatedGroups)
{
    MatrixXd centres(4, 2);
    centres << 0, 0, 10, 0, 0, 10, 10, 10;
    const MatrixXd x = mixture(centres, 400, 1.0, 2);
    ChooseKParams p;
    p.kMin = 2;
    p.kMax = 7;
    p.sample = 600;
    p.kmeans.nInit = 2;
    const ChooseKResult r = chooseK(x, p);
    ASSERT_EQ(r.scores.size(), 6u);
    EXPECT_EQ(r.bestK, 4);
    EXPECT_EQ(r.elbowK, 4);
    for (std::size_t i = 1; i < r.scores.size(); ++i) EXPECT_LT(r.scores[i].inertia, r.scores[i - 1].inertia * 1.0001);
}

TEST(SampleRows, SortedDistinctAndSeeded)
{
    const auto a = sampleRows(100000, 1000, 7), b = sampleRows(100000, 1000, 7), c = sampleRows(100000, 1000, 8);
    ASSERT_EQ(a.size(), 1000u);
    EXPECT_TRUE(std::is_sorted(a.begin(), a.end()));
    EXPECT_EQ(std::set<Eigen::Index>(a.begin(), a.end()).size(), 1000u);
    EXPECT_EQ(a, b);
    EXPECT_NE(a, c);
}
