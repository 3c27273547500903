#include "job_status.h"

#include "background_job.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QTimer>
#include <QToolButton>

#include <cmath>

namespace cwb::ui {

namespace {
constexpr int kShowAfterMs = 300;
}

JobStatus::JobStatus(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    text_ = new QLabel(this);
    bar_ = new QProgressBar(this);
    bar_->setMaximumWidth(160);
    bar_->setTextVisible(false);
    cancel_ = new QToolButton(this);
    cancel_->setText(tr("Cancel"));
    cancel_->setToolTip(tr("Stop this job; nothing it was doing is kept"));
    cancel_->setAutoRaise(true);
    layout->addWidget(text_);
    layout->addWidget(bar_);
    layout->addWidget(cancel_);
    delay_ = new QTimer(this);
    delay_->setSingleShot(true);
    delay_->setInterval(kShowAfterMs);
    connect(delay_, &QTimer::timeout, this, &JobStatus::refresh);
    connect(cancel_, &QToolButton::clicked, this, &JobStatus::cancelCurrent);
    hide();
}

void JobStatus::watch(JobLane* lane)
{
    connect(lane, &JobLane::started, this, [this, lane](const QString& what) {
        running_.removeIf([lane](const Job& j) { return j.lane == lane; });
        running_.append({lane, what, -1});
        if (!isHidden()) refresh();
        else delay_->start();
    });
    connect(lane, &JobLane::progressed, this, [this, lane](const QString& what, double fraction) {
        if (Job* job = find(lane)) {
            job->text = what;
            job->fraction = fraction;
        }
        if (current() == lane && !isHidden()) refresh();
    });
    auto ended = [this, lane] {
        running_.removeIf([lane](const Job& j) { return j.lane == lane; });
        refresh();
    };
    connect(lane, &JobLane::finished, this, ended);
    connect(lane, &JobLane::stopped, this, ended);
}

JobStatus::Job* JobStatus::find(const JobLane* lane)
{
    for (Job& job : running_)
        if (job.lane == lane) return &job;
    return nullptr;
}

JobLane* JobStatus::current() const
{
    for (auto it = running_.crbegin(); it != running_.crend(); ++it)
        if (it->lane && it->lane->busy()) return it->lane;
    return nullptr;
}

QString JobStatus::text() const { return !isHidden() ? text_->text() : QString(); }

void JobStatus::cancelCurrent()
{
    if (JobLane* lane = current()) lane->cancel();
}

void JobStatus::refresh()
{
    running_.removeIf([](const Job& j) { return !j.lane || !j.lane->busy(); });
    if (running_.isEmpty()) {
        delay_->stop();
        hide();
        return;
    }
    if (!!isHidden() && delay_->isActive()) return;   // shown once the job has run a moment
    const Job& job = running_.last();
    text_->setText(job.text);
    if (job.fraction < 0) bar_->setRange(0, 0);   // no figure yet: a busy bar
    else {
        bar_->setRange(0, 1000);
        bar_->setValue(int(std::lround(1000 * job.fraction)));
    }
    show();
}

} // namespace cwb::ui
