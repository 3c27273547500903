#include "features/feature_store.h"

#include "core/text.h"
#include "features/feature_catalog.h"
#include "sql/database.h"
#include "sql/statement.h"

#include <QHash>

#include <cmath>
#include <limits>
#include <string>

namespace cwb::model {

QStringList topCategories(Database& db, int n, bool byPurchases)
{
    Statement st = db.prepare(byPurchases ? "SELECT category FROM user_category_stats GROUP BY category HAVING sum(purchases) > 0 "
                                            "ORDER BY sum(purchases) DESC, category LIMIT ?"
                                          : "SELECT category FROM user_category_stats GROUP BY category HAVING sum(views) > 0 "
                                            "ORDER BY sum(views) DESC, category LIMIT ?");
    st.bind(1, n);
    QStringList out;
    while (st.step()) out << st.text(0);
    return out;
}

QStringList availableFeatures(Database& db, int topN)
{
    QStringList out;
    for (const FeatureDef& f : featureCatalog()) out << QString::fromLatin1(f.name);
    for (const QString& c : topCategories(db, topN)) out << QLatin1String(kViewSharePrefix) + c;
    for (const QString& c : topCategories(db, topN, true)) out << QLatin1String(kPurchaseSharePrefix) + c;
    return out;
}

QStringList defaultSegmentationFeatures(Database& db, int topN)
{
    QStringList out = defaultClusterFeatures();
    for (const QString& c : topCategories(db, topN)) out << QLatin1String(kViewSharePrefix) + c;
    return out;
}

Result<LoadedFeatures> loadFeatures(Database& db, const QStringList& names)
{
    LoadedFeatures out;
    std::string columns;
    std::vector<int> catalogColumns;        // position in `names` of each SQL column
    struct Share {
        int position;
        QString category;
        bool purchases;
    };
    std::vector<Share> shares;
    for (int i = 0; i < names.size(); ++i) {
        const QString& n = names[i];
        engine::FeatureColumn col;
        col.name = n.toStdString();
        if (const FeatureDef* f = findFeature(n)) {
            col.missing = f->missing;
            col.indicator = f->indicator;
            col.logScale = f->logScale;
            columns += ", f." + std::string(f->name);   // names from the catalogue only
            catalogColumns.push_back(i);
        } else if (n.startsWith(QLatin1String(kViewSharePrefix)) || n.startsWith(QLatin1String(kPurchaseSharePrefix))) {
            const bool purchases = n.startsWith(QLatin1String(kPurchaseSharePrefix));
            shares.push_back({i, n.mid(static_cast<qsizetype>(qstrlen(purchases ? kPurchaseSharePrefix : kViewSharePrefix))), purchases});
            col.missing = engine::MissingPolicy::Zero;
        } else {
            return makeError(Text::tr("unknown feature \"%1\"; available: %2").arg(n, availableFeatures(db).join(QStringLiteral(", "))));
        }
        out.table.columns.push_back(col);
    }
    const qint64 n = db.queryInt("SELECT count(*) FROM user_features");
    out.table.ids.reserve(static_cast<std::size_t>(n));
    out.table.values.resize(n, names.size());
    out.userIds.reserve(n);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    Statement st = db.prepare("SELECT u.uid, u.user_id" + columns + " FROM user_features f JOIN users u ON u.uid = f.uid ORDER BY f.uid");
    QHash<qint64, Eigen::Index> rowOf;
    rowOf.reserve(n);
    Eigen::Index row = 0;
    while (st.step() && row < n) {
        const qint64 uid = st.int64(0);
        out.table.ids.push_back(uid);
        out.userIds << st.text(1);
        rowOf.insert(uid, row);
        for (std::size_t c = 0; c < catalogColumns.size(); ++c) {
            const int col = static_cast<int>(c) + 2;
            out.table.values(row, catalogColumns[c]) = st.isNull(col) ? nan : st.real(col);
        }
        ++row;
    }
    out.table.values.conservativeResize(row, names.size());
    // Category shares: a user's views (purchases) in the category over all their views (purchases).
    for (const Share& s : shares) out.table.values.col(s.position).setZero();
    if (!shares.empty()) {
        Eigen::VectorXd totalViews = Eigen::VectorXd::Zero(row), totalPurchases = Eigen::VectorXd::Zero(row);
        Statement totals = db.prepare("SELECT uid, sum(views), sum(purchases) FROM user_category_stats GROUP BY uid");
        while (totals.step()) {
            const auto it = rowOf.constFind(totals.int64(0));
            if (it == rowOf.constEnd()) continue;
            totalViews[*it] = totals.real(1);
            totalPurchases[*it] = totals.real(2);
        }
        for (const Share& s : shares) {
            Statement cat = db.prepare("SELECT uid, views, purchases FROM user_category_stats WHERE category = ?");
            cat.bind(1, s.category);
            while (cat.step()) {
                const auto it = rowOf.constFind(cat.int64(0));
                if (it == rowOf.constEnd()) continue;
                const double total = s.purchases ? totalPurchases[*it] : totalViews[*it];
                if (total > 0) out.table.values(*it, s.position) = (s.purchases ? cat.real(2) : cat.real(1)) / total;
            }
        }
    }
    return out;
}

} // namespace cwb::model
