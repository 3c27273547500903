#include "designer/live_preview.h"

#include "background_job.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>
#include <exception>
#include <functional>
#include <utility>

namespace cwb::ui {

namespace {

using Figures = std::shared_ptr<const PreviewFigures>;

constexpr int kUptakeBins = 20;

model::Result<Figures> compute(const std::shared_ptr<const model::PreviewSession>& session, const engine::CampaignSpec& spec, qint64 request,
                               PreviewStage stage)
{
    using Detail = model::PreviewSession::Detail;
    QElapsedTimer timer;
    timer.start();
    auto p = session->preview(spec, stage == PreviewStage::Full ? Detail::Full : stage == PreviewStage::Ranked ? Detail::Ranked : Detail::Headline);
    if (!p) return p.error();
    auto f = std::make_shared<PreviewFigures>();
    f->spec = spec;
    f->request = request;
    f->stage = stage;
    if (stage != PreviewStage::Headline) {
        // The reached users' chances to redeem, in bins of a round width.
        const auto& ranking = p->result.ranking;
        const auto reached = std::min<std::size_t>(std::size_t(std::max<std::int64_t>(p->result.reached, 0)), ranking.size());
        double top = 0;
        for (std::size_t i = 0; i < reached; ++i) top = std::max(top, p->users.redeem[ranking[i]]);
        const double steps[] = {0.0025, 0.005, 0.01, 0.02, 0.025, 0.05};
        double width = 0.05;
        for (double s : steps)
            if (s * kUptakeBins >= top) {
                width = s;
                break;
            }
        QList<double> bins(kUptakeBins, 0.0);
        for (std::size_t i = 0; i < reached; ++i) bins[std::min(kUptakeBins - 1, int(p->users.redeem[ranking[i]] / width))] += 1;
        if (reached > 0)
            for (double& b : bins) b /= double(reached);
        f->uptakeBins = bins;
        f->uptakeBinWidth = width;
    }
    // The per-user vectors are the session's business, not the window's.
    p->users = {};
    p->uplift.resize(0);
    p->result.ranking.clear();
    p->result.ranking.shrink_to_fit();
    p->result.incrementalProfit.resize(0);
    p->result.expectedCost.resize(0);
    f->preview = std::move(p.value());
    f->seconds = timer.nsecsElapsed() / 1e9;
    return Figures(f);
}

} // namespace

LivePreview::LivePreview(QObject* parent) : QObject(parent)
{
    loadLane_ = new JobLane(this);
    rankedTimer_ = new QTimer(this);
    rankedTimer_->setSingleShot(true);
    rankedTimer_->setInterval(60);
    connect(rankedTimer_, &QTimer::timeout, this, [this] { runDetail(PreviewStage::Ranked); });
    fullTimer_ = new QTimer(this);
    fullTimer_->setSingleShot(true);
    fullTimer_->setInterval(250);
    connect(fullTimer_, &QTimer::timeout, this, [this] { runDetail(PreviewStage::Full); });
}

void LivePreview::setWorkspace(const QString& path)
{
    path_ = path;
    session_.reset();
    clear();
}

void LivePreview::setDelays(int rankedMs, int fullMs)
{
    rankedTimer_->setInterval(rankedMs);
    fullTimer_->setInterval(fullMs);
}

std::shared_ptr<const model::PreviewSession> LivePreview::session() const { return session_ && session_->serves(spec_) ? session_ : nullptr; }

void LivePreview::clear()
{
    ++epoch_;
    loadLane_->cancel();
    rankedTimer_->stop();
    fullTimer_->stop();
    headlinePending_ = false;
    detailPending_.reset();
    headlineBusy_ = detailBusy_ = false;   // what runs now is dropped when it ends (another epoch)
    delivered_ = latest_;
    deliveredStage_ = PreviewStage::Full;
}

void LivePreview::request(const engine::CampaignSpec& spec)
{
    const bool sameUsers = session_ && session_->serves(spec);
    spec_ = spec;
    ++latest_;
    rankedTimer_->stop();
    fullTimer_->stop();
    detailPending_.reset();
    if (!sameUsers) {
        if (!loadLane_->busy() || !model::CampaignAudience::sameUsers(loading_, spec)) load();
        return;
    }
    runHeadline();
}

void LivePreview::load()
{
    loading_ = spec_;
    const engine::CampaignSpec spec = spec_;
    const int epoch = epoch_;
    loadLane_->start<std::shared_ptr<const model::PreviewSession>>(
        path_, tr("Reading the customers the campaign targets…"),
        [spec](model::Workspace& ws, const JobProgress& progress) -> model::Result<std::shared_ptr<const model::PreviewSession>> {
            auto s = model::PreviewSession::open(ws, spec, {}, [&progress](const QString& what, double f) { return progress.report(what, f); });
            if (!s) return s.error();
            return std::make_shared<const model::PreviewSession>(std::move(s.value()));
        },
        [this, epoch](const model::Result<std::shared_ptr<const model::PreviewSession>>& r) {
            if (epoch != epoch_) return;
            if (!r) {
                Q_EMIT failed(r.error().message);
                return;
            }
            session_ = r.value();
            if (session_->serves(spec_)) runHeadline();
            else load();   // the spec moved on to other customers while these were read
        });
}

void LivePreview::launch(PreviewStage stage, std::function<void(const model::Result<Figures>&)> done)
{
    auto session = session_;
    const engine::CampaignSpec spec = spec_;
    const qint64 request = latest_;
    const int epoch = epoch_;
    auto* watcher = new QFutureWatcher<model::Result<Figures>>(this);
    connect(watcher, &QFutureWatcher<model::Result<Figures>>::finished, this, [this, watcher, epoch, done = std::move(done)] {
        watcher->deleteLater();
        if (epoch != epoch_) return;   // cleared or another workspace since
        const auto& r = watcher->result();
        if (!r) Q_EMIT failed(r.error().message);
        done(r);
    });
    watcher->setFuture(QtConcurrent::run([session, spec, request, stage]() -> model::Result<Figures> {
        try {   // nothing thrown on the worker may reach the event loop
            return compute(session, spec, request, stage);
        } catch (const std::exception& e) {
            return model::makeError(QString::fromUtf8(e.what()));
        }
    }));
}

void LivePreview::runHeadline()
{
    if (headlineBusy_) {
        headlinePending_ = true;
        return;
    }
    headlineBusy_ = true;
    headlinePending_ = false;
    // Where a limit decides who is reached, the headline needs the ranking anyway: work it out
    // once, as the ranked stage, rather than again after the pause.
    const PreviewStage stage = session_->params(spec_).limited() ? PreviewStage::Ranked : PreviewStage::Headline;
    launch(stage, [this](const model::Result<Figures>& r) {
        headlineBusy_ = false;
        if (r) deliver(r.value());
        if (headlinePending_) {
            if (session_ && session_->serves(spec_)) runHeadline();
            else headlinePending_ = false;   // a load is under way and will preview when done
        } else if (r && r.value()->request == latest_) {
            rankedTimer_->start();
            fullTimer_->start();
        }
    });
}

void LivePreview::runDetail(PreviewStage stage)
{
    if (delivered_ == latest_ && deliveredStage_ >= stage) return;
    if (detailBusy_) {
        detailPending_ = std::max(stage, detailPending_.value_or(stage));
        return;
    }
    if (!session_ || !session_->serves(spec_)) return;
    detailBusy_ = true;
    detailPending_.reset();
    launch(stage, [this](const model::Result<Figures>& r) {
        detailBusy_ = false;
        if (r && r.value()->request == latest_) deliver(r.value());   // an older spec's details are not worth showing
        if (detailPending_) runDetail(*std::exchange(detailPending_, std::nullopt));
    });
}

void LivePreview::deliver(const Figures& f)
{
    if (f->request < delivered_ || (f->request == delivered_ && f->stage <= deliveredStage_)) return;
    delivered_ = f->request;
    deliveredStage_ = f->stage;
    Q_EMIT figures(f);
}

} // namespace cwb::ui
