#pragma once
// Campaigns in a workspace: designed ones (drafts, created from a spec) and
// past ones (imported or generated, with exposures and responses).

#include "campaign/campaign_spec.h"
#include "core/error.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace cwb::model {

class Database;

struct CampaignInfo {
    qint64 id = 0;
    QString name, type, status;
    qint64 createdAt = 0;
    qint64 startTs = 0, endTs = 0;        // 0 = not set
    qint64 treated = 0, control = 0;      // exposures
    QJsonObject spec;                      // as stored
};

QList<CampaignInfo> listCampaigns(Database& db);
// By id, or by name when `idOrName` is not a number.
Result<CampaignInfo> findCampaign(Database& db, const QString& idOrName);

// Validates the spec — its own rules, then against the workspace: the named
// segments exist, the target is not empty, the name is free — and saves it as
// a draft. All problems are reported at once, one per line.
struct CreatedCampaign {
    qint64 id = 0;
    qint64 targetUsers = 0;   // users the spec reaches now
};
Result<CreatedCampaign> createCampaign(Database& db, const engine::CampaignSpec& spec);
// Saves new terms (and name) of campaign `id`, with the same checks; a campaign
// that has run (has exposures) keeps the terms it ran on.
Result<CreatedCampaign> updateCampaign(Database& db, qint64 id, const engine::CampaignSpec& spec);
// The checks of createCampaign, each problem in the user's language starting with
// its field ("name: ...", "target: ..."); the name may be campaign `self`'s own.
// `targeted`, when given, gets the users the spec reaches now.
QStringList checkCampaignSpec(Database& db, const engine::CampaignSpec& spec, qint64 self = 0, qint64* targeted = nullptr);
// `wanted` when no campaign has that name, else "wanted (2)", "wanted (3)", ...
QString freeCampaignName(Database& db, const QString& wanted);

// The users the spec targets (include minus exclude; everyone when nothing
// is included), in uid order.
Result<std::vector<qint64>> targetUsers(Database& db, const engine::CampaignSpec& spec);

// Deletes a designed campaign. A campaign with exposures holds history the
// models learn from; it is deleted only with `withHistory`.
Status deleteCampaign(Database& db, qint64 id, bool withHistory);

} // namespace cwb::model
