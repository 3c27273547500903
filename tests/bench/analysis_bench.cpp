// Timings of the engine's segmentation and lookalike search on a
// workspace's own features, for tests/bench/analysis_bench.sh.
//
//   cwb_analysis_bench kmeans WS CSV K N_INIT MAX_ITER   writes the scaled features to CSV (for
//                                                        scikit-learn), then fits ours; prints JSON
//   cwb_analysis_bench lookalike WS SEEDS TOP [OUT]      SEEDS random seed users, TOP lookalikes:
//                                                        centroid, k-nearest (default seed sample)
//                                                        and k-nearest against every seed; prints JSON.
//                                                        With OUT, writes OUT.seeds (seed rows) and
//                                                        OUT.knn (the exact k-nearest result's rows)
//                                                        for tests/reference/lookalike_sklearn.py

#include "core/random.h"
#include "features/feature_catalog.h"
#include "features/feature_store.h"
#include "features/imputer.h"
#include "features/scaler.h"
#include "segment/kmeans.h"
#include "segment/lookalike.h"
#include "workspace/workspace.h"

#include <QFile>

#include <chrono>
#include <cstdio>
#include <cstdlib>

using namespace cwb;
using clk = std::chrono::steady_clock;

namespace {

double since(clk::time_point t) { return std::chrono::duration<double>(clk::now() - t).count(); }

// The 12 behaviour features k-means uses by default, imputed, log-scaled and z-scored.
Eigen::MatrixXd features(const char* path)
{
    auto ws = model::Workspace::open(QString::fromLocal8Bit(path));
    if (!ws) {
        std::fprintf(stderr, "%s\n", ws.error().toString().toLocal8Bit().constData());
        std::exit(1);
    }
    auto loaded = model::loadFeatures(ws->db(), model::defaultClusterFeatures());
    if (!loaded) {
        std::fprintf(stderr, "%s (build the features first: cwb features WS)\n", loaded.error().message.toLocal8Bit().constData());
        std::exit(1);
    }
    engine::FeatureTable imputed = engine::Imputer::fit(loaded->table).transform(loaded->table);
    imputed = imputed.select([&] {
        std::vector<std::string> names;
        for (const auto& c : loaded->table.columns) names.push_back(c.name);   // the 12, without indicators
        return names;
    }());
    const Eigen::MatrixXd logged = engine::logScaled(imputed);
    return engine::Scaler::fit(logged, engine::Scaling::ZScore).transform(logged);
}

} // namespace

int main(int argc, char** argv)
{
    if (argc >= 7 && std::string(argv[1]) == "kmeans") {
        const Eigen::MatrixXd x = features(argv[2]);
        QFile out(QString::fromLocal8Bit(argv[3]));
        if (!out.open(QIODevice::WriteOnly)) return 1;
        std::string line;
        for (Eigen::Index i = 0; i < x.rows(); ++i) {
            line.clear();
            char buf[32];
            for (Eigen::Index j = 0; j < x.cols(); ++j) {
                std::snprintf(buf, sizeof buf, j ? ",%.17g" : "%.17g", x(i, j));
                line += buf;
            }
            line += '\n';
            out.write(line.data(), static_cast<qint64>(line.size()));
        }
        out.close();
        engine::KMeansParams p;
        p.k = std::atoi(argv[4]);
        p.nInit = std::atoi(argv[5]);
        p.maxIter = std::atoi(argv[6]);
        p.threads = 2;
        const auto t = clk::now();
        const engine::KMeansResult r = engine::kmeansFit(x, p);
        std::printf("{\"rows\": %lld, \"features\": %lld, \"seconds\": %.4f, \"inertia\": %.10g, \"iterations\": %d}\n",
                    static_cast<long long>(x.rows()), static_cast<long long>(x.cols()), since(t), r.inertia, r.iterations);
        return 0;
    }
    if (argc >= 5 && std::string(argv[1]) == "lookalike") {
        const std::string out = argc >= 6 ? argv[5] : "";
        auto writeRows = [](const std::string& path, const std::vector<Eigen::Index>& rows) {
            std::FILE* f = std::fopen(path.c_str(), "w");
            if (!f) return false;
            for (Eigen::Index r : rows) std::fprintf(f, "%lld\n", static_cast<long long>(r));
            return std::fclose(f) == 0;
        };
        const Eigen::MatrixXd x = features(argv[2]);
        const Eigen::Index seeds = std::atoll(argv[3]);
        const Eigen::Index top = std::atoll(argv[4]);
        std::vector<char> isSeed(static_cast<std::size_t>(x.rows()), 0);
        const std::vector<Eigen::Index> seedRows = engine::sampleRows(x.rows(), seeds, 7);
        for (Eigen::Index r : seedRows) isSeed[static_cast<std::size_t>(r)] = 1;
        if (!out.empty() && !writeRows(out + ".seeds", seedRows)) return 1;
        std::printf("{\"candidates\": %lld, \"seeds\": %lld, \"top\": %lld", static_cast<long long>(x.rows() - seeds),
                    static_cast<long long>(seeds), static_cast<long long>(top));
        struct Case {
            const char* name;
            engine::LookalikeMode mode;
            Eigen::Index maxSeeds;
        };
        for (const Case& c : {Case{"centroid", engine::LookalikeMode::Centroid, 0}, Case{"knn_sampled", engine::LookalikeMode::KNearest, 2000},
                              Case{"knn_all_seeds", engine::LookalikeMode::KNearest, 0}}) {
            engine::LookalikeParams p;
            p.mode = c.mode;
            p.maxSeeds = c.maxSeeds;
            p.top = top;
            p.k = 10;
            p.threads = 2;
            const auto t = clk::now();
            const engine::Lookalikes found = engine::findLookalikes(x, isSeed, p);
            std::printf(", \"%s_seconds\": %.4f", c.name, since(t));
            if (found.rows.size() != static_cast<std::size_t>(top)) return 1;
            if (!out.empty() && c.maxSeeds == 0 && c.mode == engine::LookalikeMode::KNearest && !writeRows(out + ".knn", found.rows)) return 1;
        }
        std::printf("}\n");
        return 0;
    }
    std::fprintf(stderr, "usage: %s kmeans WS CSV K N_INIT MAX_ITER | lookalike WS SEEDS TOP [OUT]\n", argv[0]);
    return 2;
}
