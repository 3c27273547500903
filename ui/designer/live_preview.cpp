#include "designer/live_preview.h"

#include "background_job.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

namespace cwb::ui {

namespace {

using Figures = std::shared_ptr<const PreviewFigures>;

constexpr int kUptakeBins = 20;

model::Result<Figures> compute(const std::shared_ptr<const model::PreviewSession>& session, const engine::CampaignSpec& spec, qint64 request,
                               bool full)
{
    QElapsedTimer timer;
    timer.start();
    auto p = session->preview(spec, full ? model::PreviewSession::Detail::Full : model::PreviewSession::Detail::Ranked);
    if (!p) return p.error();
    auto f = std::make_shared<PreviewFigures>();
    f->spec = spec;
    f->request = request;
    f->full = full;
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
    fullTimer_ = new QTimer(this);
    fullTimer_->setSingleShot(true);
    fullTimer_->setInterval(250);
    connect(fullTimer_, &QTimer::timeout, this, &LivePreview::runFull);
}

void LivePreview::setWorkspace(const QString& path)
{
    path_ = path;
    session_.reset();
    clear();
}

void LivePreview::setFullDelay(int ms) { fullTimer_->setInterval(ms); }

std::shared_ptr<const model::PreviewSession> LivePreview::session() const { return session_ && session_->serves(spec_) ? session_ : nullptr; }

void LivePreview::clear()
{
    ++epoch_;
    loadLane_->cancel();
    fullTimer_->stop();
    fastPending_ = fullPending_ = false;
    fastBusy_ = fullBusy_ = false;   // what runs now is dropped when it ends (another epoch)
    delivered_ = latest_;
    deliveredFull_ = false;
}

void LivePreview::request(const engine::CampaignSpec& spec)
{
    const bool sameUsers = session_ && session_->serves(spec);
    spec_ = spec;
    ++latest_;
    fullTimer_->stop();
    if (!sameUsers) {
        if (!loadLane_->busy() || !model::CampaignAudience::sameUsers(loading_, spec)) load();
        return;
    }
    runFast();
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
            if (session_->serves(spec_)) runFast();
            else load();   // the spec moved on to other customers while these were read
        });
}

void LivePreview::runFast()
{
    if (fastBusy_) {
        fastPending_ = true;
        return;
    }
    fastBusy_ = true;
    fastPending_ = false;
    auto session = session_;
    const engine::CampaignSpec spec = spec_;
    const qint64 request = latest_;
    const int epoch = epoch_;
    auto* watcher = new QFutureWatcher<model::Result<Figures>>(this);
    connect(watcher, &QFutureWatcher<model::Result<Figures>>::finished, this, [this, watcher, epoch] {
        watcher->deleteLater();
        if (epoch != epoch_) return;
        fastBusy_ = false;
        const auto& r = watcher->result();
        if (!r) Q_EMIT failed(r.error().message);
        else deliver(r.value());
        if (fastPending_) {
            if (session_ && session_->serves(spec_)) runFast();
            else fastPending_ = false;   // a load is under way and will preview when done
        } else if (r && r.value()->request == latest_) {
            fullTimer_->start();
        }
    });
    watcher->setFuture(QtConcurrent::run([session, spec, request] { return compute(session, spec, request, false); }));
}

void LivePreview::runFull()
{
    if (delivered_ == latest_ && deliveredFull_) return;
    if (fullBusy_) {
        fullPending_ = true;
        return;
    }
    if (!session_ || !session_->serves(spec_)) return;
    fullBusy_ = true;
    fullPending_ = false;
    auto session = session_;
    const engine::CampaignSpec spec = spec_;
    const qint64 request = latest_;
    const int epoch = epoch_;
    auto* watcher = new QFutureWatcher<model::Result<Figures>>(this);
    connect(watcher, &QFutureWatcher<model::Result<Figures>>::finished, this, [this, watcher, epoch] {
        watcher->deleteLater();
        if (epoch != epoch_) return;
        fullBusy_ = false;
        const auto& r = watcher->result();
        if (!r) Q_EMIT failed(r.error().message);
        else if (r.value()->request == latest_) deliver(r.value());   // an older spec's details are not worth showing
        if (fullPending_) runFull();
    });
    watcher->setFuture(QtConcurrent::run([session, spec, request] { return compute(session, spec, request, true); }));
}

void LivePreview::deliver(const Figures& f)
{
    if (f->request < delivered_ || (f->request == delivered_ && (deliveredFull_ || !f->full))) return;
    delivered_ = f->request;
    deliveredFull_ = f->full;
    Q_EMIT figures(f);
}

} // namespace cwb::ui
