#include "segments/segment_map.h"

#include "core/random.h"
#include "core/text.h"
#include "features/feature_builder.h"
#include "features/feature_store.h"
#include "features/imputer.h"
#include "features/scaler.h"
#include "segment/pca.h"
#include "segments/segment_store.h"
#include "sql/sql_error.h"
#include "workspace/workspace.h"

#include <QHash>

#include <algorithm>
#include <numeric>

namespace cwb::model {

Result<SegmentMap> segmentMap(Workspace& ws, const SegmentMapRequest& req)
{
    if (Status s = ensureFeatures(ws)) return *s;
    Database& db = ws.db();
    try {
        const QStringList names = defaultSegmentationFeatures(db);
        auto loaded = loadFeatures(db, names);
        if (!loaded) return loaded.error();
        const auto n = static_cast<Eigen::Index>(loaded->table.ids.size());
        if (n < 3) return makeError(Text::tr("a map needs at least three customers with features"));
        const engine::FeatureTable imputed = engine::Imputer::fit(loaded->table).transform(loaded->table);
        const Eigen::MatrixXd logged = engine::logScaled(imputed);
        const Eigen::MatrixXd x = engine::Scaler::fit(logged, engine::Scaling::ZScore).transform(logged);
        const engine::Pca pca = engine::fitPca(x, 2);

        SegmentMap out;
        out.segments = req.segments;
        out.population = n;
        for (const auto& c : imputed.columns) out.features << QString::fromStdString(c.name);
        for (Eigen::Index a = 0; a < pca.components.cols() && a < 2; ++a) {
            out.axes[a].varianceShare = pca.explainedVarianceRatio(a);
            std::vector<Eigen::Index> order(static_cast<std::size_t>(pca.components.rows()));
            std::iota(order.begin(), order.end(), Eigen::Index(0));
            std::stable_sort(order.begin(), order.end(),
                             [&](Eigen::Index i, Eigen::Index j) { return std::abs(pca.components(i, a)) > std::abs(pca.components(j, a)); });
            for (std::size_t k = 0; k < order.size() && k < 3; ++k)
                out.axes[a].leading << (pca.components(order[k], a) >= 0 ? QStringLiteral("+") : QStringLiteral("\u2212")) + out.features[order[k]];
        }

        QHash<qint64, int> label;   // uid -> first chosen segment holding it
        for (qsizetype s = 0; s < req.segments.size(); ++s) {
            const std::optional<SegmentInfo> info = findSegment(db, req.segments[s]);
            if (!info) return makeError(Text::tr("there is no segment called \"%1\"").arg(req.segments[s]));
            for (qint64 uid : segmentMembers(db, info->id))
                if (!label.contains(uid)) label.insert(uid, static_cast<int>(s));
        }
        const std::vector<std::ptrdiff_t> rows = engine::sampleRows(n, std::max<qint64>(1, req.sample), req.seed);
        Eigen::MatrixXd drawn(static_cast<Eigen::Index>(rows.size()), x.cols());
        for (std::size_t i = 0; i < rows.size(); ++i) drawn.row(static_cast<Eigen::Index>(i)) = x.row(rows[i]);
        const Eigen::MatrixXd projected = pca.transform(drawn);
        out.x.resize(rows.size());
        out.y.resize(rows.size());
        out.segment.resize(rows.size());
        for (std::size_t i = 0; i < rows.size(); ++i) {
            out.x[i] = projected(static_cast<Eigen::Index>(i), 0);
            out.y[i] = projected.cols() > 1 ? projected(static_cast<Eigen::Index>(i), 1) : 0.0;
            out.segment[i] = label.value(loaded->table.ids[static_cast<std::size_t>(rows[i])], -1);
        }
        return out;
    } catch (const SqlError& e) {
        return makeError(Text::tr("the map failed: %1").arg(QString::fromUtf8(e.what())));
    }
}

} // namespace cwb::model
