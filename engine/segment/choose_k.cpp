#include "segment/choose_k.h"

#include "core/parallel.h"
#include "core/random.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace cwb::engine {

using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;

std::vector<std::string> ChooseKParams::validate(Index n) const
{
    std::vector<std::string> problems;
    if (kMin < 2) problems.push_back("the smallest k must be at least 2");
    if (kMax < kMin) problems.push_back("the largest k must not be below the smallest");
    if (n < kMax) problems.push_back("there are fewer rows than the largest k");
    if (sample < 2) problems.push_back("the silhouette sample needs at least 2 rows");
    return problems;
}

double silhouetteScore(const MatrixXd& x, const std::vector<int>& labels, int k, const std::vector<Index>& rowsIn, int threads)
{
    std::vector<Index> rows = rowsIn;
    if (rows.empty()) {
        rows.resize(static_cast<std::size_t>(x.rows()));
        std::iota(rows.begin(), rows.end(), Index(0));
    }
    const Index m = static_cast<Index>(rows.size());
    MatrixXd s(m, x.cols());
    std::vector<int> lab(static_cast<std::size_t>(m));
    for (Index i = 0; i < m; ++i) {
        s.row(i) = x.row(rows[static_cast<std::size_t>(i)]);
        lab[static_cast<std::size_t>(i)] = labels[static_cast<std::size_t>(rows[static_cast<std::size_t>(i)])];
    }
    VectorXd sizes = VectorXd::Zero(k);
    for (int l : lab) sizes[l] += 1;
    const VectorXd norms = s.rowwise().squaredNorm();
    constexpr Index block = 256;
    const Index chunks = chunkCount(m, block);
    std::vector<double> part(static_cast<std::size_t>(chunks), 0.0);
    parallelFor(m, block, [&](std::int64_t b, std::int64_t e, std::int64_t c) {
        MatrixXd d = -2.0 * (s.middleRows(b, e - b) * s.transpose());
        d.rowwise() += norms.transpose();
        d.colwise() += norms.segment(b, e - b);
        d = d.cwiseMax(0.0).cwiseSqrt();
        double sum = 0;
        VectorXd perCluster(k);
        for (Index i = b; i < e; ++i) {
            perCluster.setZero();
            for (Index j = 0; j < m; ++j) perCluster[lab[static_cast<std::size_t>(j)]] += d(i - b, j);
            const int own = lab[static_cast<std::size_t>(i)];
            if (sizes[own] <= 1) continue;   // a singleton's silhouette is 0
            const double a = perCluster[own] / (sizes[own] - 1);
            double bMin = std::numeric_limits<double>::infinity();
            for (int c2 = 0; c2 < k; ++c2)
                if (c2 != own && sizes[c2] > 0) bMin = std::min(bMin, perCluster[c2] / sizes[c2]);
            if (!std::isfinite(bMin)) continue;
            const double denom = std::max(a, bMin);
            sum += denom > 0 ? (bMin - a) / denom : 0.0;
        }
        part[static_cast<std::size_t>(c)] = sum;
    }, threads);
    return std::accumulate(part.begin(), part.end(), 0.0) / double(m);
}

int elbowIndex(const std::vector<double>& y)
{
    const std::size_t n = y.size();
    if (n < 3) return 0;
    // Distance of each point below the straight line from the first to the last.
    const double x0 = 0, y0 = y.front(), x1 = double(n - 1), y1 = y.back();
    const double len = std::hypot(x1 - x0, y1 - y0);
    int best = 0;
    double bestD = -1;
    for (std::size_t i = 0; i < n; ++i) {
        const double d = ((y1 - y0) * double(i) - (x1 - x0) * y[i] + x1 * y0 - y1 * x0) / len;
        if (d > bestD) {
            bestD = d;
            best = static_cast<int>(i);
        }
    }
    return best;
}

ChooseKResult chooseK(const MatrixXd& x, const ChooseKParams& p)
{
    if (auto problems = p.validate(x.rows()); !problems.empty()) throw std::invalid_argument(problems.front());
    ChooseKResult out;
    const std::vector<Index> rows = sampleRows(x.rows(), p.sample, p.kmeans.seed);
    std::vector<double> inertias;
    for (int k = p.kMin; k <= p.kMax; ++k) {
        KMeansParams kp = p.kmeans;
        kp.k = k;
        const KMeansResult r = kmeansFit(x, kp);
        if (r.cancelled) {
            out.cancelled = true;
            return out;
        }
        out.scores.push_back({k, r.inertia, silhouetteScore(x, r.labels, k, rows, kp.threads)});
        inertias.push_back(r.inertia);
    }
    const auto best = std::max_element(out.scores.begin(), out.scores.end(),
                                       [](const KScore& a, const KScore& b) { return a.silhouette < b.silhouette; });
    out.bestK = best->k;
    out.elbowK = p.kMin + elbowIndex(inertias);
    return out;
}

} // namespace cwb::engine
