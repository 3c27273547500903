#include "segment/kmeans.h"

#include "core/parallel.h"
#include "core/random.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace cwb::engine {

namespace {

using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::RowVectorXd;
using Eigen::VectorXd;

constexpr Index kChunk = 4096;

double squaredDistance(const MatrixXd& x, Index i, const MatrixXd& c, Index j)
{
    return (x.row(i) - c.row(j)).squaredNorm();
}

// Squared distances of rows [b, e) of x to every centre: (e - b) x k.
MatrixXd chunkDistances(const MatrixXd& x, const VectorXd& xNorms, const MatrixXd& centers, const RowVectorXd& cNorms,
                        Index b, Index e)
{
    MatrixXd d = -2.0 * (x.middleRows(b, e - b) * centers.transpose());
    d.rowwise() += cNorms;
    d.colwise() += xNorms.segment(b, e - b);
    return d.cwiseMax(0.0);
}

struct Assignment {
    double inertia = 0;
    Index changed = 0;
};

// One Lloyd step: labels from the centres, then per-chunk sums for new centres.
Assignment lloydAssign(const MatrixXd& x, const VectorXd& xNorms, const MatrixXd& centers, std::vector<int>& labels,
                       MatrixXd& sums, VectorXd& counts, int threads)
{
    const Index n = x.rows(), k = centers.rows(), p = x.cols();
    const RowVectorXd cNorms = centers.rowwise().squaredNorm().transpose();
    const Index chunks = chunkCount(n, kChunk);
    std::vector<MatrixXd> partSums(static_cast<std::size_t>(chunks));
    std::vector<VectorXd> partCounts(static_cast<std::size_t>(chunks));
    std::vector<double> partInertia(static_cast<std::size_t>(chunks), 0.0);
    std::vector<Index> partChanged(static_cast<std::size_t>(chunks), 0);
    parallelFor(n, kChunk, [&](std::int64_t b, std::int64_t e, std::int64_t c) {
        const MatrixXd d = chunkDistances(x, xNorms, centers, cNorms, b, e);
        MatrixXd s = MatrixXd::Zero(k, p);
        VectorXd cnt = VectorXd::Zero(k);
        double inertia = 0;
        Index changed = 0;
        for (Index i = b; i < e; ++i) {
            Index best = 0;
            const double dist = d.row(i - b).minCoeff(&best);
            inertia += dist;
            if (labels[static_cast<std::size_t>(i)] != static_cast<int>(best)) {
                labels[static_cast<std::size_t>(i)] = static_cast<int>(best);
                ++changed;
            }
            s.row(best) += x.row(i);
            cnt[best] += 1;
        }
        partSums[static_cast<std::size_t>(c)] = std::move(s);
        partCounts[static_cast<std::size_t>(c)] = std::move(cnt);
        partInertia[static_cast<std::size_t>(c)] = inertia;
        partChanged[static_cast<std::size_t>(c)] = changed;
    }, threads);
    sums = MatrixXd::Zero(k, p);
    counts = VectorXd::Zero(k);
    Assignment a;
    for (Index c = 0; c < chunks; ++c) {   // combined in chunk order: deterministic
        sums += partSums[static_cast<std::size_t>(c)];
        counts += partCounts[static_cast<std::size_t>(c)];
        a.inertia += partInertia[static_cast<std::size_t>(c)];
        a.changed += partChanged[static_cast<std::size_t>(c)];
    }
    return a;
}

// New centres from sums; an empty cluster takes the point farthest from its centre.
MatrixXd updateCenters(const MatrixXd& x, const MatrixXd& old, const std::vector<int>& labels, const MatrixXd& sums,
                       const VectorXd& counts)
{
    MatrixXd centers = old;
    std::vector<char> taken(static_cast<std::size_t>(x.rows()), 0);
    for (Index j = 0; j < old.rows(); ++j) {
        if (counts[j] > 0) {
            centers.row(j) = sums.row(j) / counts[j];
            continue;
        }
        Index far = -1;
        double farDist = -1;
        for (Index i = 0; i < x.rows(); ++i) {
            if (taken[static_cast<std::size_t>(i)]) continue;
            const double dist = squaredDistance(x, i, old, labels[static_cast<std::size_t>(i)]);
            if (dist > farDist) {
                farDist = dist;
                far = i;
            }
        }
        if (far >= 0) {
            centers.row(j) = x.row(far);
            taken[static_cast<std::size_t>(far)] = 1;
        }
    }
    return centers;
}

struct RunResult {
    MatrixXd centers;
    std::vector<int> labels;
    double inertia = 0;
    int iterations = 0;
    bool cancelled = false;
};

RunResult runLloyd(const MatrixXd& x, const VectorXd& xNorms, MatrixXd centers, double tolAbs, const KMeansParams& p, int run)
{
    RunResult r;
    r.labels.assign(static_cast<std::size_t>(x.rows()), -1);
    MatrixXd sums;
    VectorXd counts;
    for (int it = 1; it <= p.maxIter; ++it) {
        const Assignment a = lloydAssign(x, xNorms, centers, r.labels, sums, counts, p.threads);
        const MatrixXd next = updateCenters(x, centers, r.labels, sums, counts);
        const double shift = (next - centers).squaredNorm();
        centers = next;
        r.iterations = it;
        if (p.progress && !p.progress(run, it)) {
            r.cancelled = true;
            break;
        }
        if (a.changed == 0 && it > 1) break;   // strict convergence
        if (shift <= tolAbs) break;
    }
    r.centers = std::move(centers);
    return r;
}

RunResult runElkan(const MatrixXd& x, MatrixXd centers, double tolAbs, const KMeansParams& p, int run)
{
    const Index n = x.rows(), k = centers.rows();
    RunResult r;
    r.labels.assign(static_cast<std::size_t>(n), 0);
    std::vector<double> upper(static_cast<std::size_t>(n));
    MatrixXd lower(n, k);   // row-major access per point would be nicer; k is small
    auto centerDistances = [&](const MatrixXd& c, MatrixXd& cc, VectorXd& half) {
        cc.resize(k, k);
        for (Index a = 0; a < k; ++a)
            for (Index b = 0; b < k; ++b) cc(a, b) = (c.row(a) - c.row(b)).norm();
        half.resize(k);
        for (Index a = 0; a < k; ++a) {
            double m = std::numeric_limits<double>::infinity();
            for (Index b = 0; b < k; ++b)
                if (b != a) m = std::min(m, cc(a, b));
            half[a] = 0.5 * m;
        }
    };
    MatrixXd cc;
    VectorXd half;
    centerDistances(centers, cc, half);
    // Initial assignment with exact distances, using the triangle inequality to skip.
    parallelFor(n, kChunk, [&](std::int64_t b, std::int64_t e, std::int64_t) {
        for (Index i = b; i < e; ++i) {
            int best = 0;
            double bestD = (x.row(i) - centers.row(0)).norm();
            lower(i, 0) = bestD;
            for (Index j = 1; j < k; ++j) {
                if (0.5 * cc(best, j) >= bestD) {
                    lower(i, j) = 0.0;
                    continue;
                }
                const double d = (x.row(i) - centers.row(j)).norm();
                lower(i, j) = d;
                if (d < bestD) {
                    bestD = d;
                    best = static_cast<int>(j);
                }
            }
            r.labels[static_cast<std::size_t>(i)] = best;
            upper[static_cast<std::size_t>(i)] = bestD;
        }
    }, p.threads);

    const Index chunks = chunkCount(n, kChunk);
    for (int it = 1; it <= p.maxIter; ++it) {
        // New centres from the current labels.
        std::vector<MatrixXd> partSums(static_cast<std::size_t>(chunks));
        std::vector<VectorXd> partCounts(static_cast<std::size_t>(chunks));
        parallelFor(n, kChunk, [&](std::int64_t b, std::int64_t e, std::int64_t c) {
            MatrixXd s = MatrixXd::Zero(k, x.cols());
            VectorXd cnt = VectorXd::Zero(k);
            for (Index i = b; i < e; ++i) {
                s.row(r.labels[static_cast<std::size_t>(i)]) += x.row(i);
                cnt[r.labels[static_cast<std::size_t>(i)]] += 1;
            }
            partSums[static_cast<std::size_t>(c)] = std::move(s);
            partCounts[static_cast<std::size_t>(c)] = std::move(cnt);
        }, p.threads);
        MatrixXd sums = MatrixXd::Zero(k, x.cols());
        VectorXd counts = VectorXd::Zero(k);
        for (Index c = 0; c < chunks; ++c) {
            sums += partSums[static_cast<std::size_t>(c)];
            counts += partCounts[static_cast<std::size_t>(c)];
        }
        const MatrixXd next = updateCenters(x, centers, r.labels, sums, counts);
        VectorXd move(k);
        for (Index j = 0; j < k; ++j) move[j] = (next.row(j) - centers.row(j)).norm();
        const double shift = move.squaredNorm();
        centers = next;
        r.iterations = it;
        // Bounds follow the centres.
        parallelFor(n, kChunk, [&](std::int64_t b, std::int64_t e, std::int64_t) {
            for (Index i = b; i < e; ++i) {
                upper[static_cast<std::size_t>(i)] += move[r.labels[static_cast<std::size_t>(i)]];
                for (Index j = 0; j < k; ++j) lower(i, j) = std::max(0.0, lower(i, j) - move[j]);
            }
        }, p.threads);
        if (p.progress && !p.progress(run, it)) {
            r.cancelled = true;
            break;
        }
        if (shift <= tolAbs) break;
        centerDistances(centers, cc, half);
        std::vector<Index> changedPart(static_cast<std::size_t>(chunks), 0);
        parallelFor(n, kChunk, [&](std::int64_t b, std::int64_t e, std::int64_t c) {
            Index changed = 0;
            for (Index i = b; i < e; ++i) {
                int a = r.labels[static_cast<std::size_t>(i)];
                double u = upper[static_cast<std::size_t>(i)];
                if (u <= half[a]) continue;
                bool tight = false;
                for (Index j = 0; j < k; ++j) {
                    if (j == a || u <= lower(i, j) || u <= 0.5 * cc(a, j)) continue;
                    if (!tight) {
                        u = (x.row(i) - centers.row(a)).norm();
                        lower(i, a) = u;
                        tight = true;
                        if (u <= lower(i, j) || u <= 0.5 * cc(a, j)) continue;
                    }
                    const double d = (x.row(i) - centers.row(j)).norm();
                    lower(i, j) = d;
                    if (d < u) {
                        a = static_cast<int>(j);
                        u = d;
                    }
                }
                if (a != r.labels[static_cast<std::size_t>(i)]) {
                    r.labels[static_cast<std::size_t>(i)] = a;
                    ++changed;
                }
                upper[static_cast<std::size_t>(i)] = u;
            }
            changedPart[static_cast<std::size_t>(c)] = changed;
        }, p.threads);
        Index changed = 0;
        for (Index v : changedPart) changed += v;
        if (changed == 0) break;
    }
    r.centers = std::move(centers);
    return r;
}

} // namespace

std::vector<std::string> KMeansParams::validate(Eigen::Index n) const
{
    std::vector<std::string> problems;
    if (k < 1) problems.push_back("k must be at least 1");
    if (n < k) problems.push_back("k (" + std::to_string(k) + ") is larger than the number of rows (" + std::to_string(n) + ")");
    if (nInit < 1) problems.push_back("the number of restarts must be at least 1");
    if (maxIter < 1) problems.push_back("the iteration limit must be at least 1");
    if (!(tol >= 0)) problems.push_back("the tolerance must not be negative");
    return problems;
}

MatrixXd kmeansPlusPlus(const MatrixXd& x, int k, std::uint64_t seed, int threads)
{
    const Index n = x.rows();
    Rng rng(seed);
    MatrixXd centers(k, x.cols());
    const Index first = static_cast<Index>(rng.below(static_cast<std::uint64_t>(n)));
    centers.row(0) = x.row(first);
    VectorXd closest(n);
    parallelFor(n, kChunk, [&](std::int64_t b, std::int64_t e, std::int64_t) {
        for (Index i = b; i < e; ++i) closest[i] = squaredDistance(x, i, centers, 0);
    }, threads);
    const int trials = 2 + static_cast<int>(std::log(double(k)));
    std::vector<double> cumulative(static_cast<std::size_t>(n));
    for (int c = 1; c < k; ++c) {
        std::partial_sum(closest.data(), closest.data() + n, cumulative.begin());
        const double pot = cumulative.back();
        std::vector<Index> candidates;
        for (int t = 0; t < trials; ++t) {
            const double r = rng.uniform() * pot;
            Index idx = std::upper_bound(cumulative.begin(), cumulative.end(), r) - cumulative.begin();
            candidates.push_back(std::min(idx, n - 1));
        }
        // Potential after adding each candidate; keep the best.
        MatrixXd cand(trials, x.cols());
        for (int t = 0; t < trials; ++t) cand.row(t) = x.row(candidates[static_cast<std::size_t>(t)]);
        const Index chunks = chunkCount(n, kChunk);
        std::vector<VectorXd> partPot(static_cast<std::size_t>(chunks));
        parallelFor(n, kChunk, [&](std::int64_t b, std::int64_t e, std::int64_t ch) {
            VectorXd pots = VectorXd::Zero(trials);
            for (Index i = b; i < e; ++i)
                for (int t = 0; t < trials; ++t) pots[t] += std::min(closest[i], squaredDistance(x, i, cand, t));
            partPot[static_cast<std::size_t>(ch)] = std::move(pots);
        }, threads);
        VectorXd pots = VectorXd::Zero(trials);
        for (const VectorXd& v : partPot) pots += v;
        Index best = 0;
        pots.minCoeff(&best);
        centers.row(c) = cand.row(best);
        parallelFor(n, kChunk, [&](std::int64_t b, std::int64_t e, std::int64_t) {
            for (Index i = b; i < e; ++i) closest[i] = std::min(closest[i], squaredDistance(x, i, centers, c));
        }, threads);
    }
    return centers;
}

std::vector<int> kmeansPredict(const MatrixXd& centers, const MatrixXd& x, double* inertia, int threads)
{
    const Index n = x.rows();
    std::vector<int> labels(static_cast<std::size_t>(n));
    const Index chunks = chunkCount(n, kChunk);
    std::vector<double> part(static_cast<std::size_t>(chunks), 0.0);
    const VectorXd xNorms = x.rowwise().squaredNorm();
    const RowVectorXd cNorms = centers.rowwise().squaredNorm().transpose();
    parallelFor(n, kChunk, [&](std::int64_t b, std::int64_t e, std::int64_t c) {
        const MatrixXd d = chunkDistances(x, xNorms, centers, cNorms, b, e);
        double sum = 0;
        for (Index i = b; i < e; ++i) {
            Index best = 0;
            d.row(i - b).minCoeff(&best);
            labels[static_cast<std::size_t>(i)] = static_cast<int>(best);
            sum += squaredDistance(x, i, centers, best);   // exact, not the expanded form
        }
        part[static_cast<std::size_t>(c)] = sum;
    }, threads);
    if (inertia) *inertia = std::accumulate(part.begin(), part.end(), 0.0);
    return labels;
}

KMeansResult kmeansFit(const MatrixXd& x, const KMeansParams& p)
{
    if (auto problems = p.validate(x.rows()); !problems.empty()) throw std::invalid_argument(problems.front());
    // Tolerance relative to the data's spread, as scikit-learn defines it.
    const RowVectorXd mean = x.colwise().mean();
    const double meanVariance = x.cols() > 0 ? ((x.rowwise() - mean).array().square().colwise().sum() / double(x.rows())).mean() : 0.0;
    const double tolAbs = p.tol * meanVariance;
    const VectorXd xNorms = x.rowwise().squaredNorm();

    KMeansResult best;
    best.inertia = std::numeric_limits<double>::infinity();
    for (int run = 0; run < p.nInit; ++run) {
        const MatrixXd init = kmeansPlusPlus(x, p.k, mix64(p.seed + 0x9E3779B97F4A7C15ull * std::uint64_t(run + 1)), p.threads);
        RunResult r = p.algorithm == KMeansAlgorithm::Elkan ? runElkan(x, init, tolAbs, p, run)
                                                            : runLloyd(x, xNorms, init, tolAbs, p, run);
        // Labels and inertia from the final centres (a last assignment step).
        double inertia = 0;
        std::vector<int> labels = kmeansPredict(r.centers, x, &inertia, p.threads);
        best.runInertia.push_back(inertia);
        if (inertia < best.inertia) {
            best.inertia = inertia;
            best.centers = std::move(r.centers);
            best.labels = std::move(labels);
            best.iterations = r.iterations;
            best.bestRun = run;
        }
        if (r.cancelled) {
            best.cancelled = true;
            break;
        }
    }
    return best;
}

} // namespace cwb::engine
