#pragma once
// What a model predicts for the users of a past campaign — each with their
// history as of that campaign's start — had they been offered something
// else: the "what if" behind sweeps over discount depth or duration, and
// the check of a model against a known ground truth.

#include "core/error.h"
#include "training/model_store.h"

#include <vector>

namespace cwb::model {

class Workspace;

struct AudienceScores {
    std::vector<qint64> uids;
    std::vector<char> treated;
    UptakeModel::Scores scores;
};

// The attribute keys a saved model uses, from its encoder ("attr:<key>" inputs).
AttributeSchema attributeSchemaOf(const UptakeModel& model);

// Every user is scored under `offer.offer`; with `eachArmsOffer`, a user of a
// test arm under that arm's offer (offer.offerFor(variant)): what they were sent.
Result<AudienceScores> scorePastAudience(Workspace& workspace, const UptakeModel& model, qint64 campaignId, const CampaignOffer& offer,
                                         bool eachArmsOffer = false);

} // namespace cwb::model
