#pragma once
// Reads what a past campaign offered from its row in `campaigns`: the spec
// document (as `cwb demo` and `cwb campaign` write it — "offer":
// {"percent_off" | "amount_off" | "points_multiplier"}, "min_spend",
// "duration_hours", "channel", "categories", "eligible_tiers" — or the same
// keys at the top level, as hand-made imports often have them) and the
// start and end times. A duration missing from the spec comes from the end
// time, or "outcome_window_days".

#include "uptake/offer_features.h"

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace cwb::model {

class Database;

struct CampaignOffer {
    qint64 id = 0;
    QString name;
    qint64 startTs = 0;
    std::optional<qint64> endTs;
    engine::OfferDescription offer;
    QStringList categories;       // flash sales on some categories
    QStringList eligibleTiers;    // member offers
    QStringList arms;             // variants of a multi-arm test, when the spec names them
    QString controlArm;
    // Arms that offered something different (a depth test): "arms": [{"name": "5% off",
    // "offer": {"percent_off": 5}}, ...]; what an arm does not say comes from the campaign.
    QList<QPair<QString, engine::OfferDescription>> armOffers;

    // What a user in `variant` was offered: the arm's offer, or the campaign's.
    const engine::OfferDescription& offerFor(const QString& variant) const;
};

CampaignOffer campaignOffer(qint64 id, const QString& name, const QString& type, qint64 startTs, std::optional<qint64> endTs,
                            const QJsonObject& spec);

// Every campaign that has exposures, oldest start first (campaigns without a start time last, by id).
QList<CampaignOffer> exposedCampaigns(Database& db);

} // namespace cwb::model
