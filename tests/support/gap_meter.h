#pragma once
// How long the GUI thread's event loop went without answering: a 5 ms timer
// ticks on it and the longest gap between ticks is kept. A window whose
// work runs elsewhere shows gaps of a few ms; work done on the GUI thread
// shows up as a gap as long as the work.

#include <QElapsedTimer>
#include <QTimer>

#include <algorithm>

namespace cwb::test {

class GapMeter {
public:
    GapMeter()
    {
        timer_.setInterval(5);
        QObject::connect(&timer_, &QTimer::timeout, [this] {
            const qint64 now = clock_.nsecsElapsed();
            if (now - last_ > longest_) {
                longest_ = now - last_;
                longestEnded_ = now;
            }
            last_ = now;
        });
    }
    void start()
    {
        longest_ = 0;
        longestEnded_ = 0;
        last_ = 0;
        clock_.start();
        timer_.start();
    }
    // Stops; the longest gap in ms, counting the time since the last tick.
    double stop()
    {
        timer_.stop();
        if (const qint64 now = clock_.nsecsElapsed(); now - last_ > longest_) {
            longest_ = now - last_;
            longestEnded_ = now;
        }
        return double(longest_) / 1e6;
    }
    // When the longest gap ended, in seconds since start().
    double longestEndedAt() const { return double(longestEnded_) / 1e9; }
    // Seconds since start().
    double seconds() const { return double(clock_.nsecsElapsed()) / 1e9; }

private:
    QTimer timer_;
    QElapsedTimer clock_;
    qint64 last_ = 0;
    qint64 longest_ = 0;
    qint64 longestEnded_ = 0;
};

} // namespace cwb::test
