#pragma once
// The users a campaign reaches, with what the models need to know of them:
// their history as of the campaign's start (or as of the end of the data,
// for a campaign that starts later), their attributes, and how each of the
// offer's terms fits them. Loading reads the workspace once (SQL aggregates
// over the users' events and orders, like the training set); scoring an
// offer afterwards touches no SQL.
//
// OfferScorer turns an audience and a saved model into predictions for any
// offer of the same kind. For logistic models (the default) the linear
// predictor splits into a part that depends on the user alone — computed
// once — and the offer's part, of which only five inputs vary per user
// (depth on the user's basket, threshold over it, activity share in the
// offer's hours, at its start, interest in its categories): a new offer
// costs those five inputs and a sigmoid per user, a few milliseconds per
// hundred thousand users (the five are encoded in place, the sigmoid taken
// on a block of users at a time with SIMD). Boosted trees re-encode every row.

#include "campaign/campaign_spec.h"
#include "core/error.h"
#include "training/model_inputs.h"
#include "training/model_store.h"

#include <QString>
#include <QStringList>

#include <array>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_set>
#include <vector>

namespace cwb::model {

class Workspace;

struct CampaignAudience {
    qint64 asOf = 0;                        // history up to (not including) this time: the start day, or the end of the data
    std::vector<qint64> uids;               // ascending
    std::vector<OfferFitHistory> fit;       // per user
    std::vector<double> averageOrderValue;  // per user; NaN without orders
    std::vector<double> ordersPerDay;       // per user: paid orders per day observed
    engine::RawTable inputs;                // model inputs, with the offer the audience was loaded for
    AttributeSchema schema;
    qint64 ineligible = 0;                  // targeted users outside the offer's member tiers (left out)
    QStringList categories;                 // the categories the interest inputs were computed for
    QString channel;
    // Breakdown: the included segments (or every segment, when none are included), with their rows.
    QStringList segmentNames;
    std::vector<std::vector<Eigen::Index>> segmentRows;
    double basketLogSd = 0.5;               // spread of one order's value around the user's average (log scale)
    double medianOrderValue = 0;            // of the users with orders; the basket of users without

    std::size_t size() const { return uids.size(); }
    // The audience of the given rows (ascending), with the breakdown's rows renumbered.
    CampaignAudience subset(const std::vector<Eigen::Index>& rows) const;
    // Whether an audience loaded for `loadedFor` serves `spec` too: the same users, categories,
    // channel and start day (the history is read up to the start of that day).
    static bool sameUsers(const engine::CampaignSpec& loadedFor, const engine::CampaignSpec& spec);
};

// progress(what, fraction in [0, 1]); return false to cancel (the result is then an error saying so).
using AudienceProgress = std::function<bool(const QString&, double)>;

Result<CampaignAudience> loadAudience(Workspace& workspace, const engine::CampaignSpec& spec, const AttributeSchema& schema,
                                      const AudienceProgress& progress = {});

class OfferScorer {
    struct HabitPart;   // below

public:
    // `linearShortcut` false: re-encode every row even for logistic learners (the reference the shortcut is tested against).
    OfferScorer(const UptakeModel& model, const CampaignAudience& audience, bool linearShortcut = true);
    // The model's predictions for every user of the audience under `offer`.
    UptakeModel::Scores score(const engine::OfferDescription& offer) const;
    // Whether scoring takes the linear shortcut (logistic learners) or re-encodes every row.
    bool linear() const { return linear_; }

    // The shortcut a block of users at a time, for callers that use the scores at once and
    // never hold them for every user (a discount sweep). prepare() once per offer (linear()
    // only), then scoreBlock() for users [from, from + count) from any thread: what score()
    // gives for those users (control and uplift empty for a response model).
    struct Prepared {
        OfferFit fit;
        std::vector<double> offerPart;                // per learner: the inputs that describe the offer alone
        std::shared_ptr<const HabitPart> habits;
        bool depthPerUser = false;                    // false: the depth is in offerPart
    };
    Prepared prepare(const engine::OfferDescription& offer) const;
    struct BlockScores {
        Eigen::ArrayXd treated, control, uplift;
    };
    void scoreBlock(const Prepared& prepared, Eigen::Index from, Eigen::Index count, BlockScores& out) const;

private:
    engine::RawTable offerRow(const engine::OfferDescription& offer) const;   // the offer's own inputs, as one row

    const UptakeModel* model_;
    const CampaignAudience* audience_;
    bool linear_ = false;
    // Names of the inputs that describe the offer alone, and of those that pair it with the user.
    std::unordered_set<std::string> offerInputs_, offerFitInputs_;
    // The model's encoding of each offer-fit input (null: the model does not read it), in the
    // order of ModelInputs::offerFitInputs(); each learner weighs the encoded value and, when
    // the value is missing, the missing indicator.
    std::array<const engine::EncodedInput*, 5> fitInputs_{};
    struct Learner {
        Eigen::VectorXd coef;
        Eigen::VectorXd userPart;   // intercept + the inputs that describe the user alone, per user
        std::array<double, 5> fitWeight{}, fitMissingWeight{};
    };
    std::vector<Learner> learners_;   // response: one; uplift: first(), second()
    // Per learner and user, userPart plus the weighted habit inputs (activity in the offer's hours
    // and at its start, category interest) of the last offer scored: these change with the timing
    // and the categories, not with the discount or threshold a slider moves.
    struct HabitPart {
        OfferFit::HabitKey key;
        std::vector<Eigen::VectorXd> base;
    };
    std::shared_ptr<const HabitPart> habitPart(const OfferFit& fit) const;
    mutable std::mutex habitMutex_;
    mutable std::shared_ptr<const HabitPart> habit_;
};

// The union of the attribute keys two models read (the audience serves both).
AttributeSchema mergeSchemas(const AttributeSchema& a, const AttributeSchema& b);

} // namespace cwb::model
