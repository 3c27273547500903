#pragma once
// Campaign specs as JSON: what `cwb campaign create --spec F.json` reads and
// the workspace's campaigns.spec column holds.
//
//   {
//     "name": "Autumn 20% off over 199",
//     "type": "coupon" | "flash_sale" | "member",
//     "start": "2026-09-01T10:00:00+08:00",          (ISO 8601; without a zone: UTC)
//     "coupon":     {"percent_off": 20 | "amount_off": 30, "min_spend": 199, "validity_days": 7,
//                    "per_user_limit": 1, "total_quantity": 5000},
//     "flash_sale": {"percent_off": 30, "duration_hours": 4, "stock_limit": 2000, "categories": ["Beauty"]},
//     "member":     {"tiers": ["gold", "platinum"], "percent_off": 15, "points_multiplier": 3, "duration_days": 7},
//     "target":     {"include": ["Champions"], "exclude": ["Lost"]},
//     "control_share": 0.1, "measure_uplift": true,
//     "channel": "sms" | "push" | "email" | "app", "cost_per_contact": 0.05,
//     "budget": 20000, "gross_margin": 0.35,
//     "basket": {"source": "history"} | {"source": "given", "value": 180}
//   }
//
// Only the block of the campaign's type is read. Past campaigns imported or
// generated with the history format ("offer": {...}, "min_spend",
// "duration_hours", "categories", "arms") are read too, so that they can be
// shown and previewed again.

#include "core/error.h"

#include "campaign/campaign_spec.h"

#include <QByteArray>
#include <QJsonObject>
#include <QStringList>

namespace cwb::model {

// Parses a spec; errors name the file, the line and column of a syntax error,
// or the field ("coupon.percent_off: expected a number") — unknown fields
// included, so that a misspelt key is not silently ignored.
Result<engine::CampaignSpec> parseCampaignSpec(const QByteArray& json, const QString& file = {});
Result<engine::CampaignSpec> campaignSpecFromJson(const QJsonObject& o);
QJsonObject campaignSpecToJson(const engine::CampaignSpec& spec);

// A validation problem in the user's language, starting with the field.
QString describeIssue(const engine::SpecIssue& issue);
QStringList describeIssues(const std::vector<engine::SpecIssue>& issues);

// The spec in plain words ("20 % off orders of 199 or more, valid 7 days, by SMS ...").
QString describeSpec(const engine::CampaignSpec& spec);
// The offer's terms alone ("coupon: 20 % off orders of 199 or more, valid 7 days").
QString offerTerms(const engine::CampaignSpec& spec);

} // namespace cwb::model
