#include "background_job.h"

#include <QMetaObject>

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

} // namespace cwb::ui
