#include "segments/lookalike_search.h"

#include "core/text.h"
#include "features/feature_builder.h"
#include "features/feature_store.h"
#include "features/imputer.h"
#include "segments/segment_store.h"
#include "sql/statement.h"
#include "workspace/workspace.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>

namespace cwb::model {

Result<LookalikeResult> findLookalikeUsers(Workspace& ws, const LookalikeRequest& req)
{
    if (Status s = ensureFeatures(ws)) return *s;
    Database& db = ws.db();
    std::optional<SegmentInfo> seed;
    std::optional<qint64> seedUid;
    if (!req.seedUser.isEmpty()) {
        Statement st = db.prepare("SELECT uid FROM users WHERE user_id = ?");
        st.bind(1, req.seedUser);
        if (!st.step()) return makeError(Text::tr("there is no user \"%1\"").arg(req.seedUser));
        seedUid = st.int64(0);
    } else {
        seed = findSegment(db, req.seedSegment);
        if (!seed) return makeError(Text::tr("there is no segment called \"%1\"").arg(req.seedSegment));
    }
    const QString seedName = seed ? seed->name : req.seedUser;
    const QStringList features = req.features.isEmpty() ? defaultSegmentationFeatures(db) : req.features;
    auto loaded = loadFeatures(db, features);
    if (!loaded) return loaded.error();

    QElapsedTimer timer;
    timer.start();
    const engine::FeatureTable imputed = engine::Imputer::fit(loaded->table).transform(loaded->table);
    const Eigen::MatrixXd logged = engine::logScaled(imputed);
    const Eigen::MatrixXd x = engine::Scaler::fit(logged, req.scaling).transform(logged);
    QHash<qint64, std::size_t> rowOf;
    for (std::size_t i = 0; i < loaded->table.ids.size(); ++i) rowOf.insert(loaded->table.ids[i], i);
    std::vector<char> isSeed(loaded->table.ids.size(), 0);
    LookalikeResult out;
    out.seedSegment = seedName;
    for (qint64 uid : seed ? segmentMembers(db, seed->id) : std::vector<qint64>{*seedUid})
        if (const auto it = rowOf.constFind(uid); it != rowOf.constEnd()) {
            isSeed[*it] = 1;
            ++out.seedSize;
        }
    if (out.seedSize == 0)
        return makeError(seed ? Text::tr("the segment \"%1\" has no members with features").arg(seedName)
                              : Text::tr("the user \"%1\" has no features (build them with cwb features)").arg(seedName));
    out.candidates = static_cast<qint64>(isSeed.size()) - out.seedSize;
    if (out.candidates == 0) return makeError(Text::tr("every user is in \"%1\": there is nobody left to compare").arg(seedName));

    engine::LookalikeParams lp;
    lp.mode = req.mode;
    lp.similarity = req.similarity;
    lp.k = req.k;
    lp.maxSeeds = req.maxSeeds;
    lp.top = req.top;
    if (auto problems = lp.validate(); !problems.empty()) return makeError(QString::fromStdString(problems.front()));
    const engine::Lookalikes found = engine::findLookalikes(x, isSeed, lp);
    out.seconds = timer.elapsed() / 1000.0;
    for (const auto& c : imputed.columns) out.features << QString::fromStdString(c.name);
    std::vector<qint64> members;
    for (std::size_t i = 0; i < found.rows.size(); ++i) {
        const auto row = static_cast<std::size_t>(found.rows[i]);
        out.users << LookalikeUser{loaded->table.ids[row], loaded->userIds[static_cast<qsizetype>(row)], found.similarity[i]};
        members.push_back(loaded->table.ids[row]);
    }
    if (!req.saveAs.isEmpty()) {
        std::sort(members.begin(), members.end());
        QJsonObject def{{seed ? QStringLiteral("seed_segment") : QStringLiteral("seed_user"), seedName},
                        {QStringLiteral("mode"), req.mode == engine::LookalikeMode::Centroid ? QStringLiteral("centroid") : QStringLiteral("knn")},
                        {QStringLiteral("similarity"), req.similarity == engine::Similarity::Cosine ? QStringLiteral("cosine") : QStringLiteral("pearson")},
                        {QStringLiteral("k"), req.k},
                        {QStringLiteral("max_seeds"), req.maxSeeds},
                        {QStringLiteral("top"), req.top},
                        {QStringLiteral("features"), QJsonArray::fromStringList(out.features)}};
        auto saved = saveSegments(db, {NewSegment{req.saveAs, QStringLiteral("lookalike"), def, members}});
        if (!saved) return saved.error();
    }
    return out;
}

} // namespace cwb::model
