#pragma once
// What a campaign spec will do before it is launched: per-user uptake and
// uplift from the workspace's models, the totals and intervals of
// engine::computePreview, a breakdown by segment, and the curves the
// designer charts (incremental profit by targeting depth, ROI by discount
// depth, flash-sale redemptions by hour), with every warning the marketer
// should read first.
//
// Where the numbers come from, in order of preference:
//   - an uplift model of `converted`: P(buy | offer) and P(buy | no offer);
//   - a response model of `converted`: P(buy | offer), and as the baseline each
//     user's own purchase rate over the offer's duration (labelled);
//   - no model: the treated and control rates of past campaigns of the same
//     type, per segment (labelled; they do not respond to the offer's terms).
// Redemptions come from a response model of `redeemed` when the workspace has
// one (P(buy) is then at least P(redeem)); otherwise every incremental buyer
// redeems, and a buyer who would have bought anyway does when the order
// reaches the threshold: P(order >= threshold) with the order LogNormal
// around the user's average.
//
// Money: an order is worth the user's average paid order (or the spec's given
// basket; users without orders get the audience's median); a percent-off
// coupon's discount is taken on max(order, threshold); member points cost
// (multiplier - 1) x point value of the order.
//
// A PreviewSession loads the audience and models once; a spec that differs
// only in numbers (discount, threshold, duration, hour, costs, budget, margin,
// control share, depth) is then previewed without touching the workspace.

#include "campaign/preview.h"
#include "campaigns/campaign_audience.h"
#include "core/error.h"
#include "training/model_store.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <mutex>
#include <optional>

namespace cwb::model {

class Database;
class Workspace;

struct PreviewOptions {
    std::optional<qint64> modelId;            // default: the newest uplift, else response, model of `converted`
    std::optional<qint64> redemptionModelId;  // default: the newest response model of `redeemed`, if any
    bool useModels = true;                    // false: historical rates only
    double level = 0.90;
    int sweepSteps = 20;
    int curvePoints = 100;
};

enum class PredictionSource { UpliftModel, ResponseModel, History };

struct SegmentPreview {
    QString name;
    engine::PreviewTotals totals;   // over the segment's reached users
};

struct DiscountPoint {
    double value = 0;             // percent off, amount off, or points multiplier (see CampaignPreview::sweepParameter)
    double redemptions = 0, incrementalProfit = 0, totalCost = 0, roi = 0, incrementalRoi = 0;
    std::int64_t reached = 0;
};

struct HourPoint {
    qint64 hourStart = 0;         // Unix seconds
    double redemptions = 0;
};

struct CampaignPreview {
    engine::Preview result;
    engine::UserEconomics users;               // per audience row
    Eigen::VectorXd uplift;                    // p1 - p0 per audience row
    QList<SegmentPreview> segments;
    QString sweepParameter;                    // percent_off, amount_off, points_multiplier
    double sweepCurrent = 0;
    QList<DiscountPoint> discountSweep;
    QList<HourPoint> hourly;                   // flash sales
    QStringList warnings;
    PredictionSource source = PredictionSource::History;
    QString sourceText;                        // in words
    double level = 0.9;
};

class PreviewSession {
public:
    static Result<PreviewSession> open(Workspace& workspace, const engine::CampaignSpec& spec, const PreviewOptions& options = {},
                                       const AudienceProgress& progress = {});

    // A session over a seeded random sample of `users` of this session's users (this session
    // itself when it has no more): the same models and settings, each sampled user's data as
    // here. Every preview of it costs about share = users / audience().size() of one here; the
    // spec's budget and quantity on offer are taken times the share, so that its totals
    // estimate this session's times the share. The optimiser searches on one.
    PreviewSession sample(std::size_t users, std::uint64_t seed) const;

    // Whether this session's audience serves `spec` (same users, categories, channel, start).
    bool serves(const engine::CampaignSpec& spec) const;
    // How much of a preview to work out: everything (the designer's charts), the ranking and
    // depth curve without the discount sweep and segment breakdown, the totals alone (a sweep's
    // or a search's step; the ranking only where a limit needs it), or the headline: the totals
    // and warnings with no per-user figure kept (users, uplift and the per-user results left
    // empty) — when no limit applies they are added up a block of users at a time, as totals()
    // does, a fraction of the time (a dragged slider's first answer).
    enum class Detail { Full, Ranked, Totals, Headline };
    Result<CampaignPreview> preview(const engine::CampaignSpec& spec, Detail detail = Detail::Full) const;

    // The totals of `spec` alone: preview(spec, Detail::Totals).result.totals, the same figures.
    // When no limit applies (no budget or quantity, targeting depth 1), the per-user figures are
    // worked out and added up a block of users at a time and never held for every user: the
    // step of a discount sweep, at a fraction of the memory traffic.
    Result<engine::PreviewTotals> totals(const engine::CampaignSpec& spec) const;

    // The per-user economics and preview parameters of a spec (no validation).
    engine::UserEconomics economics(const engine::CampaignSpec& spec, Eigen::VectorXd* uplift = nullptr) const;
    engine::PreviewParams params(const engine::CampaignSpec& spec) const;

    const CampaignAudience& audience() const { return *state_->audience; }
    PredictionSource source() const { return state_->source; }
    const UptakeModel* model() const { return state_->model.get(); }
    const UptakeModel* redemptionModel() const { return state_->redemption.get(); }
    const OfferScorer* scorer() const { return state_->scorer.get(); }
    // Ranges of the offers the model learned from, for "outside history" warnings.
    struct Range {
        double low = 0, high = 0;
        bool known = false;
    };
    const Range& historyDepth() const { return state_->historyDepth; }
    const Range& historyDuration() const { return state_->historyDuration; }

private:
    struct Plan;
    struct BlockEconomics {
        Eigen::ArrayXd buyTreated, buyControl, redeem, basket, discount;
        OfferScorer::BlockScores scores;   // scratch
    };
    Plan plan(const engine::CampaignSpec& spec) const;
    void economicsBlock(const Plan& plan, Eigen::Index from, Eigen::Index count, BlockEconomics& out) const;
    engine::PreviewTotals addUp(const engine::CampaignSpec& spec) const;   // totals() without the checks; throws

    struct State {
        std::unique_ptr<CampaignAudience> audience;
        std::shared_ptr<const UptakeModel> model, redemption;   // shared with sampled sessions
        std::unique_ptr<OfferScorer> scorer, redemptionScorer;
        PredictionSource source = PredictionSource::History;
        QString sourceText;
        QStringList loadWarnings;
        engine::CampaignSpec loadedFor;
        PreviewOptions options;
        double levelSd = 0, effectSd = 0;
        double limitScale = 1;   // a sample's share of the users: the budget and quantity are scaled by it
        Range historyDepth, historyDuration;
        // History fallback: per audience row.
        Eigen::VectorXd historyTreated, historyControl, historyRedeem;
        // Each user's basket from their own orders (the audience's median without), and its log.
        Eigen::VectorXd ownBasket, logOwnBasket;
        // Per user, P(an order of theirs reaches the threshold) for the last threshold asked (own
        // baskets, no redemption model): the steps of a discount sweep read it instead of working
        // out a normal tail for every user again.
        struct ThresholdReach {
            double minSpend = 0;
            Eigen::VectorXd q;
        };
        mutable std::mutex reachMutex;
        mutable std::shared_ptr<const ThresholdReach> reach;
    };
    std::shared_ptr<const State> state_;
    std::shared_ptr<const State::ThresholdReach> thresholdReach(double minSpend) const;
};

// The preview as JSON (what `cwb preview --json` prints); `topUsers` best-ranked users listed.
QJsonObject previewToJson(const CampaignPreview& preview, const engine::CampaignSpec& spec, const PreviewSession& session,
                          const QStringList& topUserIds);
QString predictionSourceKey(PredictionSource s);   // uplift_model, response_model, history
// {"value", "low", "high"}; a figure that is not finite (ROI without cost) is null.
QJsonObject estimateJson(const engine::Estimate& e);

// The shop's user ids of the first `count` users of the preview's ranking.
QStringList rankedUserIds(Database& db, const CampaignPreview& preview, const CampaignAudience& audience, qsizetype count);

// Every eligible user, best first: user_id, rank, targeted (1/0), uptake (P redeem),
// buy_with_offer, buy_without_offer, uplift, expected_incremental_profit. UTF-8 (with
// a byte-order mark for Excel when asked), cells safe against formula injection,
// written to a temporary file renamed into place. Returns the rows written.
Result<qint64> exportTargetList(Database& db, const CampaignPreview& preview, const CampaignAudience& audience, const QString& path,
                                bool byteOrderMark = true);

} // namespace cwb::model
