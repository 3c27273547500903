// Does the campaign designer follow a dragged slider on a big workspace?
//
//   cwb_designer_bench WORKSPACE [--values 50] [--interval-ms 20] [--depth SHARE]
//
// WORKSPACE is a demo shop (cwb demo --users 1000000) with an uplift model of
// `converted` and a response model of `redeemed` (cwb train), copied before
// use. A coupon of 10 % over 199 to every customer (or to the best SHARE of
// them: a limit, so every forecast ranks them) is created and opened in the
// Campaigns page (offscreen platform, a 5 ms timer ticking on the GUI thread);
// once its first forecast is shown, the discount slider is moved through
// `values` positions, one every `interval-ms` (a quick drag), through the real
// widget. Measured:
//   - the longest gap between ticks from the first move until the full
//     preview of the last position is shown (target: under 50 ms);
//   - the time from the last move to the headline figures of the last
//     position (target: under 150 ms), to its ranking (depth curve, uptake
//     distribution) and to its full preview (charts by discount and segment),
//     the later two after the pauses the page waits for;
//   - how many positions were forecast on the way (coalesced, not queued);
//   - what one forecast of the last position costs at each stage.
// The peer, in the same run: each position's ranked preview (the headline
// figures and what the depth and uptake charts need) computed on the GUI
// thread when the slider moves, as a designer without a worker would — the
// same session, so the same arithmetic — measured the same way. Prints one
// JSON object.

#include "designer/campaign_form.h"
#include "designer/designer_page.h"
#include "main_window.h"

#include "campaigns/campaign_json.h"
#include "campaigns/campaign_store.h"
#include "workspace/workspace.h"

#include "gap_meter.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace cwb;

namespace {

[[noreturn]] void die(const QString& message)
{
    std::fprintf(stderr, "cwb_designer_bench: %s\n", message.toLocal8Bit().constData());
    std::exit(1);
}

// Runs the event loop until `done` (checked every ms) or `seconds` passed.
bool runUntil(const std::function<bool()>& done, double seconds)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > seconds * 1000) return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
    }
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("CampaignWorkbenchBench"));
    const QStringList args = QApplication::arguments();
    if (args.size() < 2) {
        std::fprintf(stderr, "usage: %s WORKSPACE [--values 50] [--interval-ms 20]\n", argv[0]);
        return 2;
    }
    int values = 50, intervalMs = 20;
    double depth = 1;
    for (qsizetype i = 2; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--values")) values = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--interval-ms")) intervalMs = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--depth")) depth = args[i + 1].toDouble();
        else die(QStringLiteral("unknown option %1").arg(args[i]));
    }
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("designer.cwb"));
    if (!QFile::copy(args[1], path)) die(QStringLiteral("cannot copy %1").arg(args[1]));
    qint64 campaign = 0;
    {
        auto ws = model::Workspace::open(path);
        if (!ws) die(ws.error().toString());
        auto spec = model::parseCampaignSpec(QByteArrayLiteral(R"({"name": "Bench coupon", "type": "coupon",
            "start": "2026-12-05T10:00:00+08:00", "coupon": {"percent_off": 10, "min_spend": 199, "validity_days": 7},
            "control_share": 0.1, "channel": "sms", "cost_per_contact": 0.05})"));
        if (!spec) die(spec.error().toString());
        spec->targetShare = depth;
        auto created = model::createCampaign(ws->db(), spec.value());
        if (!created) die(created.error().toString());
        campaign = created->id;
    }

    ui::MainWindow w;
    w.resize(1400, 900);
    w.show();
    ui::DesignerPage* page = w.designerPage();
    QSignalSpy listed(page, &ui::DesignerPage::campaignsListed);
    w.openWorkspace(path);
    w.showPage(QStringLiteral("campaigns"));
    if (!runUntil([&] { return !listed.isEmpty(); }, 120)) die(QStringLiteral("the campaigns were not listed"));
    QElapsedTimer loadClock;
    loadClock.start();
    if (!page->selectCampaign(campaign)) die(QStringLiteral("the campaign is not listed"));
    auto settled = [page] {
        const auto f = page->shownFigures();
        return f && f->full() && f->request == page->livePreview()->latestRequest();
    };
    if (!runUntil(settled, 600)) die(QStringLiteral("no first forecast: %1").arg(page->statusText()));
    const double loadSeconds = double(loadClock.nsecsElapsed()) / 1e9;
    const qint64 users = page->shownFigures()->preview.result.totals.eligible;
    QTest::qWait(500);

    // The drag: positions 10 % .. 34.5 % in 0.5 % steps (slider positions 20, 21, ...).
    QSlider* slider = page->form()->numberField(QStringLiteral("coupon.percent_off"))->slider();
    QList<qint64> shownRequests;
    QObject::connect(page->livePreview(), &ui::LivePreview::figures, [&](const std::shared_ptr<const ui::PreviewFigures>& f) {
        if (!f->full()) shownRequests << f->request;   // the first answer to a position: headline, or ranked under a limit
    });
    test::GapMeter meter;
    int moved = 0;
    QElapsedTimer sinceLast;
    QTimer drag;
    drag.setInterval(intervalMs);
    QObject::connect(&drag, &QTimer::timeout, [&] {
        slider->setValue(21 + moved);
        ++moved;
        if (moved == values) {
            drag.stop();
            sinceLast.start();
        }
    });
    meter.start();
    drag.start();
    double settleMs = -1, rankedMs = -1, fullMs = -1;
    const bool done = runUntil(
        [&] {
            if (moved < values) return false;
            const auto f = page->shownFigures();
            if (!f || f->request != page->livePreview()->latestRequest()) return false;
            const double now = double(sinceLast.nsecsElapsed()) / 1e6;
            if (settleMs < 0) settleMs = now;
            if (rankedMs < 0 && f->stage >= ui::PreviewStage::Ranked) rankedMs = now;
            if (fullMs < 0 && f->full()) fullMs = now;
            return fullMs >= 0;
        },
        120);
    const double gapMs = meter.stop();
    if (!done) die(QStringLiteral("the full preview of the last position never came: %1").arg(page->statusText()));
    const double lastPercent = page->spec().coupon.percentOff;
    const int forecastOnTheWay = int(shownRequests.size());

    // The peer: the same positions, each previewed on the GUI thread as the slider moves.
    const auto session = page->livePreview()->session();
    if (!session) die(QStringLiteral("no session"));
    engine::CampaignSpec spec = page->spec();
    // Its moves wait for the previews before them, so its settle time counts from when the last
    // move was due (the drag's start plus values x interval), as the user's hand made it.
    int peerMoved = 0;
    double peerSettleMs = -1;
    QElapsedTimer peerClock;
    QTimer peerDrag;
    peerDrag.setInterval(intervalMs);
    QObject::connect(&peerDrag, &QTimer::timeout, [&] {
        spec.coupon.percentOff = 0.5 * (21 + peerMoved);
        ++peerMoved;
        if (peerMoved == values) peerDrag.stop();
        auto p = session->preview(spec, model::PreviewSession::Detail::Ranked);
        if (!p) die(p.error().toString());
        if (peerMoved == values) peerSettleMs = double(peerClock.nsecsElapsed()) / 1e6 - double(values) * intervalMs;
    });
    meter.start();
    peerClock.start();
    peerDrag.start();
    if (!runUntil([&] { return peerSettleMs >= 0; }, 600)) die(QStringLiteral("the peer did not finish"));
    const double peerGapMs = meter.stop();

    // What one forecast of the last position costs, by how much of it is worked out (median of 5).
    auto medianMs = [&](const std::function<void()>& work) {
        std::vector<double> ms;
        for (int i = 0; i < 5; ++i) {
            QElapsedTimer t;
            t.start();
            work();
            ms.push_back(double(t.nsecsElapsed()) / 1e6);
        }
        std::sort(ms.begin(), ms.end());
        return ms[2];
    };
    const engine::CampaignSpec last = page->spec();
    const double headlineCostMs = medianMs([&] { (void)session->preview(last, model::PreviewSession::Detail::Headline); });
    const double rankedCostMs = medianMs([&] { (void)session->preview(last, model::PreviewSession::Detail::Ranked); });
    const double fullCostMs = medianMs([&] { (void)session->preview(last, model::PreviewSession::Detail::Full); });

    std::printf("{\"users\": %lld, \"target_share\": %.2f, \"first_forecast_seconds\": %.2f, \"positions\": %d, \"interval_ms\": %d, "
                "\"last_percent_off\": %.1f,\n"
                " \"longest_gap_ms\": %.1f, \"settle_ms\": %.1f, \"ranked_after_ms\": %.1f, \"full_preview_after_ms\": %.1f, "
                "\"positions_forecast_on_the_way\": %d,\n"
                " \"peer_on_gui_thread_longest_gap_ms\": %.1f, \"peer_settle_ms\": %.1f, \"gap_ratio\": %.4f, \"settle_ratio\": %.4f,\n"
                " \"headline_forecast_ms\": %.1f, \"ranked_forecast_ms\": %.1f, \"full_forecast_ms\": %.1f,\n"
                " \"target_longest_gap_ms\": 50, \"target_settle_ms\": 150}\n",
                static_cast<long long>(users), depth, loadSeconds, values, intervalMs, lastPercent, gapMs, settleMs, rankedMs, fullMs, forecastOnTheWay,
                peerGapMs, peerSettleMs, gapMs / peerGapMs, settleMs / peerSettleMs, headlineCostMs, rankedCostMs, fullCostMs);
    return 0;
}
