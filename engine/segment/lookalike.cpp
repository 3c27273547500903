#include "segment/lookalike.h"

#include "core/parallel.h"
#include "core/random.h"

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
    if (maxSeeds < 0) problems.push_back("the seed sample size must not be negative");
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

    // k-nearest: seeds x candidates products in blocks small enough to stay
    // in cache (each column one candidate's similarity to every seed), each
    // column scanned once keeping its k best against a running threshold.
    std::vector<Index> compared = seeds;
    if (p.maxSeeds > 0 && static_cast<Index>(seeds.size()) > p.maxSeeds) {
        compared.clear();
        for (Index r : sampleRows(static_cast<Index>(seeds.size()), p.maxSeeds, p.seed)) compared.push_back(seeds[static_cast<std::size_t>(r)]);
    }
    Eigen::MatrixXf seedRows(static_cast<Index>(compared.size()), x.cols());
    for (std::size_t s = 0; s < compared.size(); ++s) seedRows.row(static_cast<Index>(s)) = u.row(compared[s]);
    const int k = std::min<int>(p.k, static_cast<int>(compared.size()));
    const Index nSeeds = seedRows.rows();
    const Index block = std::max<Index>(8, std::min<Index>(256, (Index(2) << 20) / std::max<Index>(1, nSeeds)));
    parallelFor(static_cast<std::int64_t>(candidates.size()), block, [&](std::int64_t b, std::int64_t e, std::int64_t) {
        Eigen::MatrixXf cand(x.cols(), e - b);
        for (std::int64_t i = b; i < e; ++i) cand.col(i - b) = u.row(candidates[static_cast<std::size_t>(i)]).transpose();
        const Eigen::MatrixXf sims = seedRows * cand;   // seeds x (e - b)
        std::vector<float> top(static_cast<std::size_t>(k));
        for (Index c = 0; c < sims.cols(); ++c) {
            const float* col = sims.col(c).data();
            // The first k values, then replace the smallest whenever a bigger one comes.
            std::copy(col, col + k, top.begin());
            auto minIt = std::min_element(top.begin(), top.end());
            float threshold = *minIt;
            for (Index s = k; s < nSeeds; ++s) {
                if (col[s] <= threshold) continue;
                *minIt = col[s];
                minIt = std::min_element(top.begin(), top.end());
                threshold = *minIt;
            }
            float sum = 0;
            for (float v : top) sum += v;
            const std::int64_t i = b + c;
            scored[static_cast<std::size_t>(i)] = {sum / float(k), candidates[static_cast<std::size_t>(i)]};
        }
    }, p.threads);
    return best(std::move(scored), p.top);
}

} // namespace cwb::engine
