#include "background_job.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMetaObject>
#include <QProgressBar>

#include <cmath>

namespace cwb::ui {

bool JobProgress::report(const QString& what, double fraction) const
{
    if (stop_->load()) return false;
    if (!lane_) return true;
    // Queued to the lane's thread; dropped there if a newer job has started.
    QMetaObject::invokeMethod(
        lane_.data(),
        [lane = lane_, generation = generation_, what, fraction] {
            if (lane && lane->generation_ == generation && lane->busy_) Q_EMIT lane->progressed(what, fraction);
        },
        Qt::QueuedConnection);
    return true;
}

void JobLane::cancel()
{
    if (!busy_) return;
    if (stop_) stop_->store(true);
    ++generation_;
    busy_ = false;
    Q_EMIT stopped();
}

void showProgressIn(JobLane* lane, QLabel* status, QProgressBar* bar, QWidget* cancel, const QString& cancelledText)
{
    QObject::connect(lane, &JobLane::progressed, status, [status, bar](const QString& what, double fraction) {
        status->setText(what);
        bar->setRange(0, 100);
        bar->setValue(int(std::lround(100 * fraction)));
    });
    auto ended = [bar, cancel] {
        bar->hide();
        cancel->hide();
    };
    QObject::connect(lane, &JobLane::finished, bar, ended);
    QObject::connect(lane, &JobLane::stopped, status, [status, ended, cancelledText] {
        ended();
        status->setText(cancelledText);
    });
}

QHBoxLayout* statusRow(QLabel* status, QProgressBar* bar, QWidget* cancel)
{
    auto* row = new QHBoxLayout;
    row->addWidget(status, 1);
    row->addWidget(bar);
    row->addWidget(cancel);
    return row;
}

} // namespace cwb::ui
