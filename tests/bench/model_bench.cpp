// Timings of the engine's uptake models, for tests/bench/model_bench.sh.
//
//   cwb_model_bench data N P SEED FILE
//       writes N rows of P features and a 0/1 outcome drawn from a known
//       logistic model: raw little-endian float64, row-major, the outcome
//       last in each row (read by tests/reference/logistic_bench_sklearn.py)
//   cwb_model_bench logistic TRAIN TEST P THREADS
//       fits the logistic model (L2 = 1, standardised inputs) on TRAIN,
//       prints JSON: seconds, iterations, AUC on TEST
//   cwb_model_bench score TRAIN P THREADS
//       fits a logistic model and boosted trees (100 trees, depth 4) on
//       TRAIN, then times scoring all of TRAIN's rows with each (best of 5);
//       prints JSON

#include "core/random.h"
#include "metrics/classification.h"
#include "uptake/boosted_trees.h"
#include "uptake/logistic.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

using namespace cwb::engine;
using clk = std::chrono::steady_clock;

namespace {

double since(clk::time_point t) { return std::chrono::duration<double>(clk::now() - t).count(); }

// Columns as a shop's data has them: z-scores with correlations, 0/1 flags,
// skewed amounts and counts; the outcome from one fixed logistic model, SEED
// drawing the rows.
int writeData(Eigen::Index n, Eigen::Index p, std::uint64_t seed, const char* path)
{
    std::ofstream out(path, std::ios::binary);
    if (!out) {
        std::fprintf(stderr, "cannot write %s\n", path);
        return 1;
    }
    Rng weights(0x5eedULL);   // the same model for every SEED, so a test file matches its training file
    Eigen::VectorXd beta(p);
    for (Eigen::Index j = 0; j < p; ++j) beta[j] = (j % 3 == 2) ? 0.0 : weights.normal(0.0, 0.4);   // a third do nothing
    std::vector<double> row(static_cast<std::size_t>(p + 1));
    for (Eigen::Index i = 0; i < n; ++i) {
        Rng rng(seed, static_cast<std::uint64_t>(i));
        const double common = rng.normal();
        double z = -2.4;
        for (Eigen::Index j = 0; j < p; ++j) {
            double v;
            switch (j % 5) {
            case 0: case 1: v = 0.6 * common + 0.8 * rng.normal(); break;
            case 2: v = rng.bernoulli(0.25) ? 1.0 : 0.0; break;
            case 3: v = rng.logNormal(std::log(150.0), 0.7); break;
            default: v = double(rng.poisson(3.0)); break;
            }
            row[static_cast<std::size_t>(j)] = v;
            const double centred = (j % 5 == 3) ? (std::log(v) - std::log(150.0)) / 0.7 : (j % 5 == 4) ? (v - 3.0) / 1.7 : v;
            z += beta[j] * centred;
        }
        row.back() = rng.bernoulli(sigmoid(z)) ? 1.0 : 0.0;
        out.write(reinterpret_cast<const char*>(row.data()), static_cast<std::streamsize>(row.size() * sizeof(double)));
    }
    return out ? 0 : 1;
}

bool readData(const char* path, Eigen::Index p, Eigen::MatrixXd& x, Eigen::VectorXd& y)
{
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) return false;
    const auto bytes = static_cast<Eigen::Index>(in.tellg());
    const Eigen::Index n = bytes / static_cast<Eigen::Index>(sizeof(double)) / (p + 1);
    Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> all(n, p + 1);
    in.seekg(0);
    in.read(reinterpret_cast<char*>(all.data()), static_cast<std::streamsize>(all.size() * static_cast<Eigen::Index>(sizeof(double))));
    if (!in) return false;
    x = all.leftCols(p);
    y = all.col(p);
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    const std::string mode = argc > 1 ? argv[1] : "";
    if (mode == "data" && argc == 6) return writeData(std::atoll(argv[2]), std::atoll(argv[3]), std::strtoull(argv[4], nullptr, 10), argv[5]);
    if (mode == "logistic" && argc == 6) {
        const Eigen::Index p = std::atoll(argv[4]);
        Eigen::MatrixXd x, xt;
        Eigen::VectorXd y, yt;
        if (!readData(argv[2], p, x, y) || !readData(argv[3], p, xt, yt)) {
            std::fprintf(stderr, "cannot read the data files\n");
            return 1;
        }
        LogisticParams params;
        params.l2 = 1.0;
        params.threads = std::atoi(argv[5]);
        const auto start = clk::now();
        const LogisticModel m = LogisticModel::fit(x, y, params);
        const double seconds = since(start);
        std::printf("{\"rows\": %lld, \"features\": %lld, \"seconds\": %.4f, \"iterations\": %d, \"converged\": %s, \"auc_test\": %.6f}\n",
                    static_cast<long long>(x.rows()), static_cast<long long>(p), seconds, m.iterations(), m.converged() ? "true" : "false",
                    rocAuc(m.predictProba(xt), yt));
        return 0;
    }
    if (mode == "score" && argc == 5) {
        const Eigen::Index p = std::atoll(argv[3]);
        Eigen::MatrixXd x;
        Eigen::VectorXd y;
        if (!readData(argv[2], p, x, y)) {
            std::fprintf(stderr, "cannot read %s\n", argv[2]);
            return 1;
        }
        const int threads = std::atoi(argv[4]);
        LogisticParams lp;
        lp.threads = threads;
        const LogisticModel logistic = LogisticModel::fit(x, y, lp);
        BoostedTreesParams bp;
        bp.maxTrees = 100;
        bp.validationShare = 0;
        bp.threads = threads;
        const Eigen::Index fitRows = std::min<Eigen::Index>(x.rows(), 200000);
        const BoostedTreesModel trees = BoostedTreesModel::fit(x.topRows(fitRows), y.head(fitRows), bp);
        auto best = [&](auto&& score) {
            double fastest = 1e300, check = 0;
            for (int r = 0; r < 5; ++r) {
                const auto start = clk::now();
                const Eigen::VectorXd s = score();
                fastest = std::min(fastest, since(start));
                check += s.sum();
            }
            return std::pair{fastest, check};
        };
        const auto [logisticSeconds, c1] = best([&] { return logistic.predictProba(x); });
        const auto [treesSeconds, c2] = best([&] { return trees.predictProba(x); });
        std::printf("{\"rows\": %lld, \"features\": %lld, \"logistic_ms\": %.2f, \"gbdt_ms\": %.2f, \"gbdt_trees\": %d, \"checksum\": %.6g}\n",
                    static_cast<long long>(x.rows()), static_cast<long long>(p), logisticSeconds * 1000, treesSeconds * 1000, trees.trees(),
                    c1 + c2);
        return 0;
    }
    std::fprintf(stderr, "usage: %s data N P SEED FILE | logistic TRAIN TEST P THREADS | score TRAIN P THREADS\n", argv[0]);
    return 2;
}
