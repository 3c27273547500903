// How the Data page's table model behaves on a big table:
//
//   cwb_table_browser_bench WS [TABLE] [COLUMN]
//
// times, for TABLE (default events) of the workspace:
//   - opening: until the first page can be shown (on the GUI thread);
//   - ordering the rows by key in the background, and by COLUMN (default ts,
//     descending), which the view waits for with a busy bar;
//   - reading a page the view scrolls to (256 rows joined on the key),
//     at 200 seeded random places, median and worst;
//   - the peer, on the same places in the same run: the page read the way
//     a plain pager would, SELECT ... ORDER BY key LIMIT 256 OFFSET k;
// and the longest the event loop went without a timer tick (every 5 ms)
// while the model ordered the rows. Prints one JSON object.

#include "items/table_browser_model.h"
#include "sql/database.h"
#include "sql/statement.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <vector>

using namespace cwb;

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

// Runs the event loop until the model's order is in place; returns the longest gap between ticks of a 5 ms timer (ms).
double waitOrdered(model::TableBrowserModel& m, double& seconds)
{
    QElapsedTimer clock, sinceTick;
    clock.start();
    sinceTick.start();
    double longest = 0;
    QTimer tick;
    tick.setInterval(5);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        longest = std::max(longest, double(sinceTick.nsecsElapsed()) / 1e6);
        sinceTick.restart();
    });
    tick.start();
    QEventLoop loop;
    QObject::connect(&m, &model::TableBrowserModel::ordered, &loop, &QEventLoop::quit);
    QObject::connect(&m, &model::TableBrowserModel::failed, &loop, &QEventLoop::quit);
    if (m.totalRows() < 0) loop.exec();
    seconds = double(clock.nsecsElapsed()) / 1e9;
    return longest;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: cwb_table_browser_bench WS [TABLE] [COLUMN]\n");
        return 2;
    }
    const QString path = QString::fromLocal8Bit(argv[1]);
    const QString table = argc > 2 ? QString::fromLocal8Bit(argv[2]) : QStringLiteral("events");
    const QString column = argc > 3 ? QString::fromLocal8Bit(argv[3]) : QStringLiteral("ts");

    model::TableBrowserModel m;
    QElapsedTimer t;
    t.start();
    if (!m.open(path, table)) return 1;
    (void)m.data(m.index(0, 0));
    const double openMs = double(t.nsecsElapsed()) / 1e6;
    double orderKeySeconds = 0;
    const double gapKey = waitOrdered(m, orderKeySeconds);
    const qint64 rows = m.totalRows();
    if (rows <= 0) return 1;

    // Pages at random places: ours, then the peer's OFFSET query at the same places.
    std::mt19937_64 rng(7);
    std::vector<int> places;
    for (int k = 0; k < 200; ++k) places.push_back(int(rng() % std::uint64_t(rows)));
    std::vector<double> ours, peer;
    for (int r : places) {
        t.restart();
        (void)m.data(m.index(r, 1));
        ours.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    model::Database db(path, model::Database::Mode::ReadOnly);
    const std::string key = table == QLatin1String("exposures") || table == QLatin1String("responses") ? "campaign_id, uid" : "rowid";
    model::Statement offset = db.prepare("SELECT * FROM \"" + table.toStdString() + "\" ORDER BY " + key + " LIMIT 256 OFFSET ?");
    std::vector<double> peerPlaces(places.begin(), places.begin() + 40);   // the peer is slow: 40 places
    for (double r : peerPlaces) {
        t.restart();
        offset.reset();
        offset.bind(1, qint64(r) / 256 * 256);
        int n = 0;
        while (offset.step()) ++n;
        peer.push_back(double(t.nsecsElapsed()) / 1e6);
    }

    const int sortColumn = static_cast<int>(m.columnNames().indexOf(column));
    double orderColumnSeconds = 0, gapColumn = 0;
    if (sortColumn >= 0) {
        m.sort(sortColumn, Qt::DescendingOrder);
        gapColumn = waitOrdered(m, orderColumnSeconds);
    }
    t.restart();
    (void)m.data(m.index(int(rows / 2), 1));
    const double sortedPageMs = double(t.nsecsElapsed()) / 1e6;

    std::printf("{\"table\": \"%s\", \"rows\": %lld, \"open_first_page_ms\": %.2f, \"order_by_key_s\": %.2f, "
                "\"order_by_%s_desc_s\": %.2f, \"page_read_median_ms\": %.3f, \"page_read_worst_ms\": %.3f, "
                "\"peer_offset_page_median_ms\": %.2f, \"peer_offset_page_worst_ms\": %.2f, \"ratio_median\": %.4f, "
                "\"sorted_page_read_ms\": %.3f, \"longest_event_loop_gap_ms\": %.1f}\n",
                table.toUtf8().constData(), static_cast<long long>(rows), openMs, orderKeySeconds, column.toUtf8().constData(),
                orderColumnSeconds, median(ours), *std::max_element(ours.begin(), ours.end()), median(peer),
                *std::max_element(peer.begin(), peer.end()), median(ours) / median(peer), sortedPageMs, std::max(gapKey, gapColumn));
    return 0;
}
