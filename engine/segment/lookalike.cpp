#include "segment/lookalike.h"

#include "core/parallel.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <queue>
#include <stdexcept>

namespace cwb::engine {

using Eigen::Index;

namespace {

// Rows normalised to unit length (after centring for Pearson), as floats:
// similarities are then plain dot products, and float halves the memory
// traffic of the big products.
Eigen::MatrixXf normalisedRows(const Eigen::MatrixXd& x, Similarity s, int threads)
{
    Eigen::MatrixXf out(x.rows(), x.cols());
    parallelFor(x.rows(), 8192, [&](std::int64_t b, std::int64_t e, std::int64_t) {
        for (Index i = b; i < e; ++i) {
            Eigen::RowVectorXd r = x.row(i);
            if (s == Similarity::Pearson) r.array() -= r.mean();
            const double norm = r.norm();
            out.row(i) = (norm > 1e-12 ? r / norm : r).cast<float>();
        }
    }, threads);
    return out;
}

struct Scored {
    float score;
    Index row;
    bool operator<(const Scored& o) const { return score > o.score || (score == o.score && row < o.row); }
};

Lookalikes best(std::vector<Scored> scored, Index top)
{
    top = std::min<Index>(top, static_cast<Index>(scored.size()));
    std::partial_sort(scored.begin(), scored.begin() + top, scored.end());
    Lookalikes out;
    for (Index i = 0; i < top; ++i) {
        out.rows.push_back(scored[static_cast<std::size_t>(i)].row);
        out.similarity.push_back(scored[static_cast<std::size_t>(i)].score);
    }
    return out;
}

} // namespace

std::vector<std::string> LookalikeParams::validate() const
{
    std::vector<std::string> problems;
    if (top < 1) problems.push_back("ask for at least one lookalike");
    if (mode == LookalikeMode::KNearest && k < 1) problems.push_back("k-nearest mode needs k of at least 1");
    return problems;
}

Lookalikes findLookalikes(const Eigen::MatrixXd& x, const std::vector<char>& isSeed, const LookalikeParams& p)
{
    if (auto problems = p.validate(); !problems.empty()) throw std::invalid_argument(problems.front());
    if (static_cast<Index>(isSeed.size()) != x.rows()) throw std::invalid_argument("seed flags do not match the rows");
    std::vector<Index> seeds, candidates;
    for (Index i = 0; i < x.rows(); ++i) (isSeed[static_cast<std::size_t>(i)] ? seeds : candidates).push_back(i);
    if (seeds.empty()) throw std::invalid_argument("the seed group is empty");
    const Eigen::MatrixXf u = normalisedRows(x, p.similarity, p.threads);

    std::vector<Scored> scored(candidates.size());
    if (p.mode == LookalikeMode::Centroid) {
        // Similarity to the seed group's mean row (of the raw scaled features).
        Eigen::RowVectorXd centroid = Eigen::RowVectorXd::Zero(x.cols());
        for (Index s : seeds) centroid += x.row(s);
        centroid /= double(seeds.size());
        if (p.similarity == Similarity::Pearson) centroid.array() -= centroid.mean();
        const double norm = centroid.norm();
        const Eigen::VectorXf c = (norm > 1e-12 ? centroid / norm : centroid).transpose().cast<float>();
        parallelFor(static_cast<std::int64_t>(candidates.size()), 16384, [&](std::int64_t b, std::int64_t e, std::int64_t) {
            for (std::int64_t i = b; i < e; ++i) {
                const Index row = candidates[static_cast<std::size_t>(i)];
                scored[static_cast<std::size_t>(i)] = {u.row(row).dot(c), row};
            }
        }, p.threads);
        return best(std::move(scored), p.top);
    }

    // k-nearest: blocks of candidates against all seeds.
    Eigen::MatrixXf seedRows(static_cast<Index>(seeds.size()), x.cols());
    for (std::size_t s = 0; s < seeds.size(); ++s) seedRows.row(static_cast<Index>(s)) = u.row(seeds[s]);
    const int k = std::min<int>(p.k, static_cast<int>(seeds.size()));
    const Index block = std::max<Index>(64, std::min<Index>(2048, (Index(64) << 20) / Index(4 * std::max<std::size_t>(1, seeds.size()))));
    parallelFor(static_cast<std::int64_t>(candidates.size()), block, [&](std::int64_t b, std::int64_t e, std::int64_t) {
        Eigen::MatrixXf cand(e - b, x.cols());
        for (std::int64_t i = b; i < e; ++i) cand.row(i - b) = u.row(candidates[static_cast<std::size_t>(i)]);
        const Eigen::MatrixXf sims = cand * seedRows.transpose();   // (e - b) x seeds
        std::vector<float> row(static_cast<std::size_t>(sims.cols()));
        for (std::int64_t i = b; i < e; ++i) {
            for (Index s = 0; s < sims.cols(); ++s) row[static_cast<std::size_t>(s)] = sims(i - b, s);
            std::nth_element(row.begin(), row.begin() + (k - 1), row.end(), std::greater<float>());
            float sum = 0;
            for (int t = 0; t < k; ++t) sum += row[static_cast<std::size_t>(t)];
            scored[static_cast<std::size_t>(i)] = {sum / float(k), candidates[static_cast<std::size_t>(i)]};
        }
    }, p.threads);
    return best(std::move(scored), p.top);
}

} // namespace cwb::engine
