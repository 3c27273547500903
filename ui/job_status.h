#pragma once
// The status bar's job area: what runs in the background (segmenting,
// importing ...), how far it is, and a button to cancel it. It shows the
// most recently started job that is still running, and only once a job has
// run for a moment, so that quick ones do not flicker.

#include <QList>
#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QTimer;
class QToolButton;

namespace cwb::ui {

class JobLane;

class JobStatus : public QWidget {
    Q_OBJECT
public:
    explicit JobStatus(QWidget* parent = nullptr);

    void watch(JobLane* lane);
    // The job shown (or about to be), null when none runs.
    JobLane* current() const;
    QString text() const;
    // Cancels the job shown, as the button does.
    void cancelCurrent();

private:
    void refresh();

    struct Job {
        QPointer<JobLane> lane;
        QString text;
        double fraction = -1;   // < 0 until the job reports how far it is
    };
    Job* find(const JobLane* lane);

    QList<Job> running_;   // in the order they started
    QLabel* text_ = nullptr;
    QProgressBar* bar_ = nullptr;
    QToolButton* cancel_ = nullptr;
    QTimer* delay_ = nullptr;
};

} // namespace cwb::ui
