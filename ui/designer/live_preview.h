#pragma once
// The designer's live preview: forecasts of the campaign being edited, worked
// out off the GUI thread as fast as the user changes it. The customers the
// campaign targets are read once (a PreviewSession, on a JobLane with
// progress); a change of numbers alone is then previewed from memory. Requests
// are coalesced, not queued: while one preview runs, further changes only
// replace the pending spec, and when it ends the newest spec is previewed
// next, so the figures follow a dragged slider without a backlog. A change
// is first previewed with the ranking and the targeting-depth curve (tens of
// milliseconds at a million customers); once the user pauses, the full
// preview (discount sweep, breakdown by segment) follows.

#include "campaigns/campaign_preview.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>

class QTimer;

namespace cwb::ui {

class JobLane;

// One preview, as the designer shows it: the per-user vectors dropped.
struct PreviewFigures {
    engine::CampaignSpec spec;
    qint64 request = 0;         // the request it answers (LivePreview::latestRequest() when current)
    bool full = false;          // with the discount sweep and the segment breakdown
    model::CampaignPreview preview;
    // The reached users by their chance to redeem: share of them in each bin of width
    // uptakeBinWidth, from 0.
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
    // Milliseconds of pause before the full preview follows a change.
    void setFullDelay(int ms);

Q_SIGNALS:
    // New figures, always newer than the ones sent before.
    void figures(const std::shared_ptr<const PreviewFigures>& figures);
    void failed(const QString& message);

private:
    void load();
    void runFast();
    void runFull();
    void deliver(const std::shared_ptr<const PreviewFigures>& f);

    QString path_;
    JobLane* loadLane_ = nullptr;
    QTimer* fullTimer_ = nullptr;
    std::shared_ptr<const model::PreviewSession> session_;
    engine::CampaignSpec spec_;       // of the latest request
    engine::CampaignSpec loading_;    // what the customers being read are for
    qint64 latest_ = 0;
    qint64 delivered_ = 0;            // request of the newest figures sent
    bool deliveredFull_ = false;
    int epoch_ = 0;                   // clear() and setWorkspace() drop what was under way
    bool fastBusy_ = false, fastPending_ = false;
    bool fullBusy_ = false, fullPending_ = false;
};

} // namespace cwb::ui
