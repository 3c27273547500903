// Fuzz target: campaign specs as JSON (model/campaigns/campaign_json.h) — what
// `cwb campaign create --spec F.json` reads and the workspace's
// campaigns.spec column holds — and what is done with a spec once read:
// validation, the plain-words description, and writing it back as JSON.
//
// Input: the JSON text.
//
// Besides not crashing: an error says why; a spec that was read can be
// validated and described; and writing it out and reading that again gives
// back the same JSON (nothing is lost or changed on the way through the
// workspace).

#include "fuzz_support.h"

#include "campaigns/campaign_json.h"

#include <QByteArray>

using namespace cwb::model;
using cwb::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray json(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const auto spec = parseCampaignSpec(json, QStringLiteral("spec.json"));
    if (!spec) {
        require(!spec.error().message.isEmpty(), "a spec that cannot be read says why");
        return 0;
    }
    const auto issues = cwb::engine::validate(spec.value());
    const QStringList described = describeIssues(issues);
    require(static_cast<std::size_t>(described.size()) == issues.size(), "every problem of a spec is described");
    for (const QString& d : described) require(!d.isEmpty(), "a problem is described in words");
    require(!describeSpec(spec.value()).isEmpty(), "a spec is described in words");
    (void)offerTerms(spec.value());

    const QJsonObject written = campaignSpecToJson(spec.value());
    const auto again = campaignSpecFromJson(written);
    require(again.ok(), "a spec written as JSON reads back");
    require(campaignSpecToJson(again.value()) == written, "a spec survives writing and reading unchanged");
    return 0;
}
