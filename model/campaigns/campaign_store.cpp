#include "campaigns/campaign_store.h"

#include "campaigns/campaign_json.h"
#include "core/text.h"
#include "segments/segment_store.h"
#include "sql/database.h"
#include "sql/sql_error.h"
#include "sql/statement.h"
#include "sql/transaction.h"

#include <QDateTime>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>

namespace cwb::model {

namespace {

CampaignInfo readInfo(Statement& st)
{
    CampaignInfo c;
    c.id = st.int64(0);
    c.name = st.text(1);
    c.type = st.text(2);
    c.status = st.text(3);
    c.createdAt = st.int64(4);
    c.startTs = st.isNull(5) ? 0 : st.int64(5);
    c.endTs = st.isNull(6) ? 0 : st.int64(6);
    c.spec = QJsonDocument::fromJson(st.text(7).toUtf8()).object();
    c.treated = st.int64(8);
    c.control = st.int64(9);
    return c;
}

QString quotedNames(const std::vector<std::string>& names)
{
    QStringList out;
    for (const std::string& n : names) out << QStringLiteral("\"%1\"").arg(QString::fromStdString(n));
    return out.join(QStringLiteral(", "));
}

constexpr std::string_view kSelect =
    "SELECT c.campaign_id, c.name, c.type, c.status, c.created_at, c.start_ts, c.end_ts, c.spec, "
    "(SELECT count(*) FROM exposures e WHERE e.campaign_id = c.campaign_id AND e.grp = 'treatment'), "
    "(SELECT count(*) FROM exposures e WHERE e.campaign_id = c.campaign_id AND e.grp = 'control') FROM campaigns c ";

} // namespace

QList<CampaignInfo> listCampaigns(Database& db)
{
    QList<CampaignInfo> out;
    Statement st = db.prepare(std::string(kSelect) + "ORDER BY c.campaign_id");
    while (st.step()) out << readInfo(st);
    return out;
}

Result<CampaignInfo> findCampaign(Database& db, const QString& idOrName)
{
    bool isId = false;
    const qint64 id = idOrName.toLongLong(&isId);
    Statement st = db.prepare(std::string(kSelect) + (isId ? "WHERE c.campaign_id = ?" : "WHERE c.name = ?"));
    if (isId) st.bind(1, id);
    else st.bind(1, idOrName);
    if (!st.step()) return makeError(Text::tr("there is no campaign %1 (cwb campaign WS list shows them)").arg(idOrName));
    return readInfo(st);
}

Result<std::vector<qint64>> targetUsers(Database& db, const engine::CampaignSpec& spec)
{
    QStringList missing;
    auto membersOf = [&](const std::vector<std::string>& names) {
        std::vector<qint64> all;
        for (const std::string& n : names) {
            const auto seg = findSegment(db, QString::fromStdString(n));
            if (!seg) {
                missing << QString::fromStdString(n);
                continue;
            }
            const std::vector<qint64> m = segmentMembers(db, seg->id);
            all.insert(all.end(), m.begin(), m.end());
        }
        std::sort(all.begin(), all.end());
        all.erase(std::unique(all.begin(), all.end()), all.end());
        return all;
    };
    std::vector<qint64> included;
    if (spec.includeSegments.empty()) {
        Statement st = db.prepare("SELECT uid FROM users ORDER BY uid");
        while (st.step()) included.push_back(st.int64(0));
    } else {
        included = membersOf(spec.includeSegments);
    }
    const std::vector<qint64> excluded = membersOf(spec.excludeSegments);
    if (!missing.isEmpty()) {
        QStringList known;
        for (const SegmentInfo& s : listSegments(db)) known << s.name;
        return makeError(Text::tr("target: no segment called %1; the workspace has: %2")
                             .arg(QStringLiteral("\"") + missing.join(QStringLiteral("\", \"")) + QStringLiteral("\""),
                                  known.isEmpty() ? Text::tr("none yet (cwb segment makes them)") : known.join(QStringLiteral(", "))));
    }
    std::vector<qint64> target;
    std::set_difference(included.begin(), included.end(), excluded.begin(), excluded.end(), std::back_inserter(target));
    return target;
}

QStringList checkCampaignSpec(Database& db, const engine::CampaignSpec& spec, qint64 self, qint64* targeted)
{
    QStringList problems = describeIssues(engine::validate(spec));
    const QString name = QString::fromStdString(spec.name).trimmed();
    if (!name.isEmpty()) {
        Statement st = db.prepare("SELECT 1 FROM campaigns WHERE name = ? AND campaign_id <> ?");
        st.bind(1, name).bind(2, self);
        if (st.step()) problems << Text::tr("name: a campaign called \"%1\" already exists; choose another name").arg(name);
    }
    auto target = targetUsers(db, spec);
    if (!target) problems << target.error().message;
    else if (target->empty())
        problems << Text::tr("target: nobody is left to send the campaign to (included: %1; the included segments are empty or all excluded)")
                        .arg(spec.includeSegments.empty() ? Text::tr("every user") : quotedNames(spec.includeSegments));
    if (targeted) *targeted = target ? qint64(target->size()) : 0;
    return problems;
}

namespace {

Error problemsError(const QStringList& problems)
{
    if (problems.size() == 1) return makeError(problems.front());
    return makeError(Text::tr("the campaign spec has %1 problems:").arg(problems.size()) + QStringLiteral("\n  ")
                     + problems.join(QStringLiteral("\n  ")));
}

QByteArray specJson(const engine::CampaignSpec& spec) { return QJsonDocument(campaignSpecToJson(spec)).toJson(QJsonDocument::Compact); }

qint64 endOf(const engine::CampaignSpec& spec) { return spec.startTs + static_cast<qint64>(std::llround(spec.durationHours() * 3600.0)); }

} // namespace

Result<CreatedCampaign> createCampaign(Database& db, const engine::CampaignSpec& spec)
{
    qint64 targeted = 0;
    const QStringList problems = checkCampaignSpec(db, spec, 0, &targeted);
    if (!problems.isEmpty()) return problemsError(problems);
    try {
        const QByteArray json = specJson(spec);
        Transaction tx(db);
        Statement st = db.prepare("INSERT INTO campaigns (name, type, spec, status, created_at, start_ts, end_ts) VALUES (?, ?, ?, 'draft', ?, ?, ?)");
        st.bind(1, QString::fromStdString(spec.name).trimmed())
            .bind(2, engine::campaignTypeKey(spec.type))
            .bind(3, std::string_view(json.constData(), static_cast<std::size_t>(json.size())))
            .bind(4, QDateTime::currentSecsSinceEpoch())
            .bind(5, spec.startTs)
            .bind(6, endOf(spec));
        st.run();
        const qint64 id = db.lastInsertRowId();
        tx.commit();
        return CreatedCampaign{id, targeted};
    } catch (const SqlError& e) {
        return makeError(Text::tr("the campaign could not be saved: %1").arg(QString::fromUtf8(e.what())));
    }
}

Result<CreatedCampaign> updateCampaign(Database& db, qint64 id, const engine::CampaignSpec& spec)
{
    auto c = findCampaign(db, QString::number(id));
    if (!c) return c.error();
    if (c->treated + c->control > 0)
        return makeError(Text::tr("campaign %1 (\"%2\") has run: its %3 exposures were sent on the terms it has, so they cannot change. "
                                  "Duplicate it to design a new one")
                             .arg(id)
                             .arg(c->name)
                             .arg(c->treated + c->control));
    qint64 targeted = 0;
    const QStringList problems = checkCampaignSpec(db, spec, id, &targeted);
    if (!problems.isEmpty()) return problemsError(problems);
    try {
        const QByteArray json = specJson(spec);
        Transaction tx(db);
        Statement st = db.prepare("UPDATE campaigns SET name = ?, type = ?, spec = ?, start_ts = ?, end_ts = ? WHERE campaign_id = ?");
        st.bind(1, QString::fromStdString(spec.name).trimmed())
            .bind(2, engine::campaignTypeKey(spec.type))
            .bind(3, std::string_view(json.constData(), static_cast<std::size_t>(json.size())))
            .bind(4, spec.startTs)
            .bind(5, endOf(spec))
            .bind(6, id);
        st.run();
        tx.commit();
        return CreatedCampaign{id, targeted};
    } catch (const SqlError& e) {
        return makeError(Text::tr("the campaign could not be saved: %1").arg(QString::fromUtf8(e.what())));
    }
}

QString freeCampaignName(Database& db, const QString& wanted)
{
    auto taken = [&db](const QString& name) {
        Statement st = db.prepare("SELECT 1 FROM campaigns WHERE name = ?");
        st.bind(1, name);
        return st.step();
    };
    if (!taken(wanted)) return wanted;
    for (int n = 2;; ++n) {
        const QString name = Text::tr("%1 (%2)").arg(wanted).arg(n);
        if (!taken(name)) return name;
    }
}

Status deleteCampaign(Database& db, qint64 id, bool withHistory)
{
    auto c = findCampaign(db, QString::number(id));
    if (!c) return c.error();
    if (c->treated + c->control > 0 && !withHistory)
        return makeError(Text::tr("campaign %1 (\"%2\") has %3 exposures and their responses: they are history the models learn from. "
                                  "Delete it with its history only if you mean to (--with-history)")
                             .arg(id)
                             .arg(c->name)
                             .arg(c->treated + c->control));
    try {
        Transaction tx(db);
        Statement st = db.prepare("DELETE FROM campaigns WHERE campaign_id = ?");
        st.bind(1, id);
        st.run();
        if (c->treated + c->control > 0) db.exec("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'data_version'");
        tx.commit();
    } catch (const SqlError& e) {
        return makeError(Text::tr("the campaign could not be deleted: %1").arg(QString::fromUtf8(e.what())));
    }
    return std::nullopt;
}

} // namespace cwb::model
