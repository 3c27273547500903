#include "profile/user_profile.h"

#include "core/text.h"
#include "features/churn_model.h"
#include "features/feature_builder.h"
#include "sql/database.h"
#include "sql/sql_error.h"
#include "sql/statement.h"
#include "workspace/meta.h"
#include "workspace/workspace.h"

#include <QJsonDocument>

#include <algorithm>

namespace cwb::model {

namespace {
// Days since 1970-01-01 of the Monday starting the week of `t` (1970-01-01 was a Thursday).
qint64 mondayOf(qint64 t) { return ((t / 86400 + 3) / 7) * 7 - 3; }

// The RFM group as stored (the engine's English name) in the user's language.
QString rfmGroupLabel(const QString& stored)
{
    static const char* const names[] = {
        QT_TRANSLATE_NOOP("cwb::model", "Champions"),      QT_TRANSLATE_NOOP("cwb::model", "Loyal"),
        QT_TRANSLATE_NOOP("cwb::model", "Potential Loyalists"), QT_TRANSLATE_NOOP("cwb::model", "New"),
        QT_TRANSLATE_NOOP("cwb::model", "Promising"),      QT_TRANSLATE_NOOP("cwb::model", "Need Attention"),
        QT_TRANSLATE_NOOP("cwb::model", "At Risk"),        QT_TRANSLATE_NOOP("cwb::model", "Can't Lose Them"),
        QT_TRANSLATE_NOOP("cwb::model", "Hibernating"),    QT_TRANSLATE_NOOP("cwb::model", "Lost"),
        QT_TRANSLATE_NOOP("cwb::model", "Prospects")};
    for (const char* name : names)
        if (stored == QLatin1String(name)) return Text::tr(name);
    return stored;
}
} // namespace

Result<UserProfile> loadUserProfile(Workspace& ws, const QString& userId, int weeks,
                                    const std::function<bool(const QString&, double)>& progress)
{
    if (Status s = ensureFeatures(ws, nullptr, progress)) return *s;
    Database& db = ws.db();
    UserProfile p;
    try {
        {
            Statement st = db.prepare("SELECT uid, user_id, signup_date, age, gender, region, city, occupation, member_tier, attributes "
                                      "FROM users WHERE user_id = ?");
            st.bind(1, userId);
            if (!st.step()) return makeError(Text::tr("there is no user \"%1\" in this workspace").arg(userId));
            p.uid = st.int64(0);
            p.userId = st.text(1);
            if (!st.isNull(2)) p.signupDate = st.int64(2);
            if (!st.isNull(3)) p.age = static_cast<int>(st.int64(3));
            p.gender = st.text(4);
            p.region = st.text(5);
            p.city = st.text(6);
            p.occupation = st.text(7);
            p.memberTier = st.text(8);
            p.attributes = QJsonDocument::fromJson(st.text(9).toUtf8()).object();
        }
        p.asOf = readMeta(db, "features.as_of").value_or(QString()).toLongLong();
        {
            Statement st = db.prepare("SELECT * FROM user_features WHERE uid = ?");
            st.bind(1, p.uid);
            if (st.step()) {
                for (int c = 1; c < st.columnCount(); ++c) {
                    const QString name = st.columnName(c);
                    if (st.isNull(c)) p.features.insert(name, QJsonValue::Null);
                    else if (name == QLatin1String("rfm_group")) p.features.insert(name, st.text(c));
                    else p.features.insert(name, st.real(c));
                }
            }
        }
        p.rfmR = p.features.value(QStringLiteral("rfm_r")).toInt();
        p.rfmF = p.features.value(QStringLiteral("rfm_f")).toInt();
        p.rfmM = p.features.value(QStringLiteral("rfm_m")).toInt();
        p.rfmGroup = rfmGroupLabel(p.features.value(QStringLiteral("rfm_group")).toString());
        if (const QJsonValue risk = p.features.value(QStringLiteral("churn_risk")); risk.isDouble()) {
            p.churnRisk = risk.toDouble();
            p.churnBand = churnBandName(churnBand(*p.churnRisk));
        }
        {
            Statement st = db.prepare("SELECT category, views, purchases FROM user_category_stats WHERE uid = ?");
            st.bind(1, p.uid);
            qint64 totalViews = 0, totalPurchases = 0;
            while (st.step()) {
                InterestTag t{st.text(0), st.int64(1), st.int64(2), 0, 0};
                totalViews += t.views;
                totalPurchases += t.purchases;
                p.interests << t;
            }
            for (InterestTag& t : p.interests) {
                t.viewShare = totalViews ? double(t.views) / double(totalViews) : 0;
                t.purchaseShare = totalPurchases ? double(t.purchases) / double(totalPurchases) : 0;
            }
            std::sort(p.interests.begin(), p.interests.end(), [](const InterestTag& a, const InterestTag& b) {
                return a.purchases * 3 + a.views > b.purchases * 3 + b.views;   // a purchase says more than a view
            });
        }
        {
            Statement st = db.prepare("SELECT query FROM events WHERE uid = ? AND type = 'search' AND query IS NOT NULL "
                                      "GROUP BY query ORDER BY count(*) DESC, max(ts) DESC LIMIT 5");
            st.bind(1, p.uid);
            while (st.step()) p.topSearches << st.text(0);
        }
        {
            // Activity per week, for the weeks up to the reference date (zeros included).
            const qint64 asOf = p.asOf > 0 ? p.asOf : defaultAsOf(db);
            const qint64 lastWeek = mondayOf(asOf - 1);
            const qint64 firstWeek = lastWeek - 7 * (weeks - 1);
            for (int w = 0; w < weeks; ++w) p.timeline << WeekActivity{(firstWeek + 7 * w) * 86400, 0, 0};
            auto count = [&](const char* sql, bool orders) {
                Statement st = db.prepare(sql);
                st.bind(1, p.uid).bind(2, firstWeek * 86400).bind(3, asOf);
                while (st.step()) {
                    const qint64 index = (mondayOf(st.int64(0)) - firstWeek) / 7;
                    if (index < 0 || index >= weeks) continue;
                    (orders ? p.timeline[index].orders : p.timeline[index].events) += 1;
                }
            };
            count("SELECT ts FROM orders WHERE uid = ? AND ts >= ? AND ts < ?", true);
            count("SELECT ts FROM events WHERE uid = ? AND ts >= ? AND ts < ?", false);
        }
        {
            Statement st = db.prepare("SELECT s.name FROM segment_members m JOIN segments s ON s.segment_id = m.segment_id "
                                      "WHERE m.uid = ? ORDER BY s.segment_id");
            st.bind(1, p.uid);
            while (st.step()) p.segments << st.text(0);
        }
    } catch (const SqlError& e) {
        return makeError(Text::tr("cannot read the profile: %1").arg(QString::fromUtf8(e.what())));
    }
    return p;
}

} // namespace cwb::model
