#pragma once
// The designer's live preview: forecasts of the campaign being edited, worked
// out off the GUI thread as fast as the user changes it. The customers the
// campaign targets are read once (a PreviewSession, on a JobLane with
// progress); a change of numbers alone is then previewed from memory. Requests
// are coalesced, not queued: while one preview runs, further changes only
// replace the pending spec, and when it ends the newest spec is previewed
// next, so the figures follow a dragged slider without a backlog. A change is
// answered in three stages: the headline figures at once (the totals added up
// a block of users at a time when no limit applies: about 16 ms at a million
// customers), the ranking with the targeting-depth curve and the uptake
// distribution after a short pause, and the full preview (discount sweep,
// breakdown by segment) after a longer one. Where a limit (targeting depth,
// budget, quantity) decides who is reached, the first answer is the ranked one,
// since the headline needs the ranking anyway. The later stages run beside the
// headline lane, so a change made while they run does not wait for them.

#include "campaigns/campaign_preview.h"

#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

class QTimer;

namespace cwb::ui {

class JobLane;

// How much of a preview a PreviewFigures holds; each stage holds what the ones before it do.
enum class PreviewStage {
    Headline,   // the totals with their intervals, and the warnings
    Ranked,     // and the ranking: reach under limits, targeting-depth curve, uptake distribution
    Full,       // and the discount sweep, the breakdown by segment, the flash sale's hours
};

// One preview, as the designer shows it: the per-user vectors dropped.
struct PreviewFigures {
    engine::CampaignSpec spec;
    qint64 request = 0;         // the request it answers (LivePreview::latestRequest() when current)
    PreviewStage stage = PreviewStage::Headline;
    bool full() const { return stage == PreviewStage::Full; }
    model::CampaignPreview preview;
    // The reached users by their chance to redeem: share of them in each bin of width
    // uptakeBinWidth, from 0 (from the Ranked stage on).
    QList<double> uptakeBins;
    double uptakeBinWidth = 0;
    double seconds = 0;         // the preview's own time
};

class LivePreview : public QObject {
    Q_OBJECT
public:
    explicit LivePreview(QObject* parent = nullptr);

    void setWorkspace(const QString& path);
    // Forecast `spec` (a valid spec); figures() follows, for this request or a newer one.
    void request(const engine::CampaignSpec& spec);
    // Forgets the campaign: nothing pending, results of earlier requests dropped.
    void clear();
    qint64 latestRequest() const { return latest_; }
    // The customers read for the spec of the latest request, once read.
    std::shared_ptr<const model::PreviewSession> session() const;
    JobLane* loadLane() const { return loadLane_; }
    // Milliseconds of pause after a change's headline figures before its ranking and its full
    // preview follow.
    void setDelays(int rankedMs, int fullMs);

Q_SIGNALS:
    // New figures, always newer than the ones sent before.
    void figures(const std::shared_ptr<const PreviewFigures>& figures);
    void failed(const QString& message);

private:
    void load();
    // Computes `stage` of the latest spec on a worker; `done` runs on this thread unless cleared since.
    void launch(PreviewStage stage, std::function<void(const model::Result<std::shared_ptr<const PreviewFigures>>&)> done);
    void runHeadline();
    void runDetail(PreviewStage stage);
    void deliver(const std::shared_ptr<const PreviewFigures>& f);

    QString path_;
    JobLane* loadLane_ = nullptr;
    QTimer* rankedTimer_ = nullptr;
    QTimer* fullTimer_ = nullptr;
    std::shared_ptr<const model::PreviewSession> session_;
    engine::CampaignSpec spec_;       // of the latest request
    engine::CampaignSpec loading_;    // what the customers being read are for
    qint64 latest_ = 0;
    qint64 delivered_ = 0;            // request of the newest figures sent
    PreviewStage deliveredStage_ = PreviewStage::Headline;
    int epoch_ = 0;                   // clear() and setWorkspace() drop what was under way
    bool headlineBusy_ = false, headlinePending_ = false;
    bool detailBusy_ = false;
    std::optional<PreviewStage> detailPending_;
};

} // namespace cwb::ui
