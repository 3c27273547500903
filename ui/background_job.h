#pragma once
// One lane of background work for a page: each job runs on Qt's thread pool
// with a workspace connection of its own, reports progress (thread-safe,
// delivered on the GUI thread), and can be cancelled. Starting a job
// supersedes the one before it: the older job is asked to stop and its
// result is dropped, so what the page shows is always what was asked last.
// A page keeps one lane per kind of work that may overlap (a long k-means
// and a quick chart of the selected segment do not cancel each other).

#include "core/error.h"
#include "workspace/workspace.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

class QHBoxLayout;
class QLabel;
class QProgressBar;
class QWidget;

#include <atomic>
#include <exception>
#include <functional>
#include <memory>

namespace cwb::ui {

class JobLane;

// Handed to the work: report() forwards progress and says whether to go on.
class JobProgress {
public:
    bool report(const QString& what, double fraction) const;
    bool cancelled() const { return stop_->load(); }

private:
    friend class JobLane;
    std::shared_ptr<std::atomic<bool>> stop_;
    QPointer<JobLane> lane_;
    int generation_ = 0;
};

class JobLane : public QObject {
    Q_OBJECT
public:
    explicit JobLane(QObject* parent = nullptr) : QObject(parent) {}
    ~JobLane() override
    {
        if (stop_) stop_->store(true);   // no signals from a half-destroyed page
    }

    // Runs work(workspace, progress) in the background on a connection to
    // the workspace at `path`; done(result) follows on the GUI thread unless
    // the job was superseded or cancelled. An error opening the workspace
    // comes back as the result's error.
    template <class T>
    void start(const QString& path, const QString& what, std::function<model::Result<T>(model::Workspace&, const JobProgress&)> work,
               std::function<void(const model::Result<T>&)> done)
    {
        cancel();
        const int generation = ++generation_;
        JobProgress progress;
        progress.stop_ = std::make_shared<std::atomic<bool>>(false);
        progress.lane_ = this;
        progress.generation_ = generation;
        stop_ = progress.stop_;
        using R = model::Result<T>;
        auto* watcher = new QFutureWatcher<R>(this);
        connect(watcher, &QFutureWatcher<R>::finished, this, [this, watcher, generation, done, stop = progress.stop_] {
            watcher->deleteLater();
            if (generation != generation_ || stop->load()) return;
            busy_ = false;
            Q_EMIT finished();
            done(watcher->result());
        });
        busy_ = true;
        Q_EMIT started(what);
        watcher->setFuture(QtConcurrent::run([path, work, progress]() -> R {
            // Nothing thrown on the worker may reach the event loop: it becomes the job's error.
            try {
                auto ws = model::Workspace::open(path);
                if (!ws) return ws.error();
                return work(ws.value(), progress);
            } catch (const std::exception& e) {
                return model::makeError(QString::fromUtf8(e.what()));
            }
        }));
    }

    // Asks the running job to stop and drops its result.
    void cancel();
    bool busy() const { return busy_; }

Q_SIGNALS:
    void started(const QString& what);
    void progressed(const QString& what, double fraction);
    void finished();   // with a result (not after cancel())
    void stopped();    // after cancel() of a running job

private:
    friend class JobProgress;
    int generation_ = 0;
    bool busy_ = false;
    std::shared_ptr<std::atomic<bool>> stop_;
};

// Shows a lane's job in a page's own widgets: each progress report's text in
// `status` and its fraction in `bar` (0 to 100); `bar` and `cancel` hidden
// when the job ends, and `cancelledText` in `status` after a cancel. What to
// show as the job starts is the page's.
void showProgressIn(JobLane* lane, QLabel* status, QProgressBar* bar, QWidget* cancel, const QString& cancelledText);

// The row a page shows its work in: the status text taking the room, then
// the progress bar and the Cancel button.
QHBoxLayout* statusRow(QLabel* status, QProgressBar* bar, QWidget* cancel);

} // namespace cwb::ui
