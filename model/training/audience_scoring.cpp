#include "training/audience_scoring.h"

#include "core/text.h"
#include "sql/sql_error.h"
#include "training/exposure_features.h"
#include "workspace/workspace.h"

namespace cwb::model {

AttributeSchema attributeSchemaOf(const UptakeModel& m)
{
    AttributeSchema schema;
    for (const engine::EncodedInput& in : m.encoder.inputs()) {
        if (in.name.rfind("attr:", 0) != 0) continue;
        schema.keys << QString::fromStdString(in.name.substr(5));
        schema.numeric.push_back(in.kind == engine::RawColumn::Kind::Numeric ? 1 : 0);
    }
    return schema;
}

Result<AudienceScores> scorePastAudience(Workspace& ws, const UptakeModel& model, qint64 campaignId, const CampaignOffer& offer,
                                         bool eachArmsOffer)
{
    auto built = ensureExposureFeatures(ws);
    if (!built) return built.error();
    AudienceScores out;
    try {
        ModelInputs inputs(attributeSchemaOf(model));
        std::unordered_map<qint64, AttributeValues> cache;
        Statement st = exposureQuery(ws.db(), campaignId, std::nullopt);
        while (st.step()) {
            const qint64 uid = st.int64(0);
            HistoryRow hist;
            UserRow user;
            readExposureRow(st, hist, user);
            if (!inputs.schema().keys.isEmpty()) user.attributes = &cachedAttributes(cache, inputs.schema(), uid, st);
            inputs.add(hist, user, eachArmsOffer ? offer.offerFor(st.text(2)) : offer.offer, st.text(3));
            out.uids.push_back(uid);
            out.treated.push_back(st.textView(1) == "treatment" ? 1 : 0);
        }
        if (out.uids.empty()) return makeError(Text::tr("campaign %1 has no exposures").arg(campaignId));
        out.scores = model.score(inputs.take());
    } catch (const SqlError& e) {
        return makeError(Text::tr("scoring failed: %1").arg(QString::fromUtf8(e.what())));
    } catch (const std::exception& e) {
        return makeError(Text::tr("scoring failed: %1").arg(QString::fromUtf8(e.what())));
    }
    return out;
}

} // namespace cwb::model
