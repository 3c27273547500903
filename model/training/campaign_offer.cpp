#include "training/campaign_offer.h"

#include "sql/database.h"
#include "sql/statement.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace cwb::model {

namespace {

double number(const QJsonObject& spec, const QJsonObject& offer, const char* key, double fallback)
{
    const QString k = QString::fromLatin1(key);
    if (offer.contains(k) && offer.value(k).isDouble()) return offer.value(k).toDouble();
    if (spec.contains(k) && spec.value(k).isDouble()) return spec.value(k).toDouble();
    return fallback;
}

QStringList strings(const QJsonValue& v)
{
    QStringList out;
    for (const QJsonValue& x : v.toArray())
        if (x.isString() && !x.toString().trimmed().isEmpty()) out << x.toString().trimmed();
    return out;
}

// The offer's terms from a spec (or an arm of it), starting from `base`.
void readTerms(const QJsonObject& spec, engine::OfferDescription& o, bool isArm)
{
    const QJsonObject offer = spec.value(QStringLiteral("offer")).toObject();
    const bool newDiscount = offer.contains(QStringLiteral("percent_off")) || offer.contains(QStringLiteral("amount_off"))
                             || spec.contains(QStringLiteral("percent_off")) || spec.contains(QStringLiteral("amount_off"));
    if (!isArm || newDiscount) {
        // An arm that names a kind of discount replaces the campaign's, not adds to it.
        o.percentOff = number(spec, offer, "percent_off", 0.0);
        o.amountOff = number(spec, offer, "amount_off", 0.0);
    }
    o.minSpend = number(spec, offer, "min_spend", isArm ? o.minSpend : 0.0);
    o.pointsMultiplier = number(spec, offer, "points_multiplier", isArm ? o.pointsMultiplier : 1.0);
    if (const double hours = number(spec, offer, "duration_hours", -1.0); hours >= 0) o.durationHours = hours;
    if (isArm && spec.contains(QStringLiteral("channel"))) o.channel = spec.value(QStringLiteral("channel")).toString().trimmed().toLower().toStdString();
}

} // namespace

const engine::OfferDescription& CampaignOffer::offerFor(const QString& variant) const
{
    if (!variant.isEmpty())
        for (const auto& [arm, terms] : armOffers)
            if (arm == variant) return terms;
    return offer;
}

CampaignOffer campaignOffer(qint64 id, const QString& name, const QString& type, qint64 startTs, std::optional<qint64> endTs,
                            const QJsonObject& spec)
{
    CampaignOffer c;
    c.id = id;
    c.name = name;
    c.startTs = startTs;
    c.endTs = endTs;
    const QJsonObject offer = spec.value(QStringLiteral("offer")).toObject();
    engine::OfferDescription& o = c.offer;
    o.type = type.toStdString();
    o.channel = spec.value(QStringLiteral("channel")).toString().trimmed().toLower().toStdString();
    readTerms(spec, o, false);
    double hours = number(spec, offer, "duration_hours", -1.0);
    if (hours < 0 && endTs && *endTs > startTs) hours = double(*endTs - startTs) / 3600.0;
    if (hours < 0) hours = 24.0 * number(spec, offer, "outcome_window_days", 0.0);
    o.durationHours = std::max(0.0, hours);
    o.startTs = startTs;
    c.categories = strings(spec.value(QStringLiteral("categories")));
    c.eligibleTiers = strings(spec.value(QStringLiteral("eligible_tiers")));
    o.hasCategories = !c.categories.isEmpty();
    o.memberOnly = type == QLatin1String("member") || !c.eligibleTiers.isEmpty();
    c.controlArm = spec.value(QStringLiteral("control_arm")).toString();
    for (const QJsonValue& a : spec.value(QStringLiteral("arms")).toArray()) {
        if (a.isString()) {
            c.arms << a.toString().trimmed();
            continue;
        }
        const QJsonObject arm = a.toObject();
        const QString armName = arm.value(QStringLiteral("name")).toString().trimmed();
        if (armName.isEmpty()) continue;
        c.arms << armName;
        engine::OfferDescription terms = o;
        readTerms(arm, terms, true);
        c.armOffers.append({armName, terms});
    }
    return c;
}

QList<CampaignOffer> exposedCampaigns(Database& db)
{
    QList<CampaignOffer> out;
    Statement st = db.prepare(
        "SELECT c.campaign_id, c.name, c.type, c.start_ts, c.end_ts, c.spec FROM campaigns c "
        "WHERE EXISTS (SELECT 1 FROM exposures x WHERE x.campaign_id = c.campaign_id) "
        "ORDER BY c.start_ts IS NULL, c.start_ts, c.campaign_id");
    while (st.step()) {
        // A campaign without a start time: its exposures' earliest time, else its creation.
        qint64 start = st.isNull(3) ? 0 : st.int64(3);
        const std::optional<qint64> end = st.isNull(4) ? std::nullopt : std::optional<qint64>(st.int64(4));
        out << campaignOffer(st.int64(0), st.text(1), st.text(2), start, end, QJsonDocument::fromJson(st.text(5).toUtf8()).object());
    }
    for (CampaignOffer& c : out) {
        if (c.startTs != 0) continue;
        Statement first = db.prepare("SELECT coalesce(min(x.ts), (SELECT created_at FROM campaigns WHERE campaign_id = ?1)) "
                                     "FROM exposures x WHERE x.campaign_id = ?1");
        first.bind(1, c.id);
        if (first.step() && !first.isNull(0)) c.startTs = c.offer.startTs = first.int64(0);
    }
    std::stable_sort(out.begin(), out.end(), [](const CampaignOffer& a, const CampaignOffer& b) { return a.startTs < b.startTs; });
    return out;
}

} // namespace cwb::model
