// Does the window keep answering while the heavy work runs?
//
//   cwb_gui_responsiveness_bench EVENTS_DIR BIG_WS
//
// EVENTS_DIR holds users.csv and events.csv (cwb_make_events_csv; 100,000
// customers make about a million events). BIG_WS is a workspace with user
// features (cwb demo --users 1000000; cwb features), copied before use.
//
// Three cases, each driven through the real widgets on the offscreen platform,
// with a 5 ms timer ticking on the GUI thread:
//   - the import wizard checking and then importing events.csv;
//   - the Segments page making k-means clusters (k = 6) of every customer;
//   - the Reports page previewing a coupon campaign sent to every customer
//     (the forecast on a worker, the pages drawn one per event-loop turn).
// For each: the longest gap between ticks (the longest the window could not
// repaint or take a click), and the job's duration. The peer, in the same
// run: the same work called directly on the GUI thread, as a program that
// did not move it off would, measured the same way. Prints one JSON object.

#include "background_job.h"
#include "import_wizard.h"
#include "main_window.h"
#include "reports_page.h"
#include "segments_page.h"

#include "campaigns/campaign_json.h"
#include "campaigns/campaign_store.h"
#include "import/importer.h"
#include "language.h"
#include "report/pdf_report_writer.h"
#include "report/report_builder.h"
#include "reports/campaign_report.h"
#include "segments/segmentation.h"
#include "workspace/workspace.h"

#include "gap_meter.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
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
    std::fprintf(stderr, "cwb_gui_responsiveness_bench: %s\n", message.toLocal8Bit().constData());
    std::exit(1);
}

struct Measure {
    double gapMs = 0;
    double gapEndedAt = 0;   // seconds into the job
    double seconds = 0;
};

// Runs the event loop until `done`; the gap and the time taken.
Measure whileRunning(test::GapMeter& meter, const std::function<void()>& start, const std::function<bool()>& done)
{
    QElapsedTimer t;
    meter.start();
    t.start();
    start();
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(10);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done()) loop.quit();
    });
    poll.start();
    if (!done()) loop.exec();
    Measure m;
    m.seconds = double(t.nsecsElapsed()) / 1e9;
    m.gapMs = meter.stop();
    m.gapEndedAt = meter.longestEndedAt();
    return m;
}

// The peer: `work` called on the GUI thread from inside the event loop.
Measure onGuiThread(test::GapMeter& meter, const std::function<void()>& work)
{
    bool finished = false;
    return whileRunning(
        meter, [&] { QTimer::singleShot(0, [&] { work(); finished = true; }); }, [&] { return finished; });
}

QString copyOf(const QString& from, const QTemporaryDir& dir, const QString& name)
{
    const QString to = dir.filePath(name);
    if (!QFile::copy(from, to)) die(QStringLiteral("cannot copy %1").arg(from));
    for (const char* suffix : {"-wal", "-shm"}) QFile::remove(to + QLatin1String(suffix));
    return to;
}

QString withUsers(const QTemporaryDir& dir, const QString& name, const QString& usersCsv)
{
    const QString path = dir.filePath(name);
    auto ws = model::Workspace::create(path);
    if (!ws) die(ws.error().toString());
    model::ImportOptions o;
    o.table = QStringLiteral("users");
    const model::ImportReport r = model::importFile(ws.value(), usersCsv, o);
    if (!r.ok()) die(r.error->toString());
    return path;
}

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("CampaignWorkbenchBench"));
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s EVENTS_DIR BIG_WS\n", argv[0]);
        return 2;
    }
    const QDir events(QString::fromLocal8Bit(argv[1]));
    const QString bigWs = QString::fromLocal8Bit(argv[2]);
    const QString usersCsv = events.filePath(QStringLiteral("users.csv"));
    const QString eventsCsv = events.filePath(QStringLiteral("events.csv"));
    QTemporaryDir tmp;
    test::GapMeter meter;

    // --- Import: the wizard's check and import of events.csv.
    const QString ours = withUsers(tmp, QStringLiteral("ours.cwb"), usersCsv);
    ui::ImportWizard wizard(ours);
    wizard.show();
    QSignalSpy inspected(&wizard, &ui::ImportWizard::inspected);
    wizard.setFile(eventsCsv);
    if (!inspected.wait(60000) || !inspected.first().first().toBool()) die(QStringLiteral("cannot read %1").arg(eventsCsv));
    if (wizard.targetBox()->currentData().toString() != QLatin1String("table:events")) die(QStringLiteral("events.csv not recognised"));
    wizard.next();   // the columns, as suggested
    QTest::qWait(500);
    const Measure check = whileRunning(meter, [&] { wizard.next(); }, [&] { return wizard.checkReport().has_value(); });
    if (!wizard.checkReport()->ok()) die(wizard.checkReport()->error->toString());
    const Measure import = whileRunning(meter, [&] { wizard.next(); }, [&] { return wizard.importReport().has_value(); });
    const model::ImportReport& r = *wizard.importReport();
    if (r.outcome != model::ImportReport::Outcome::Imported) die(r.error ? r.error->toString() : QStringLiteral("not imported"));

    const QString peer = withUsers(tmp, QStringLiteral("peer.cwb"), usersCsv);
    model::ImportReport peerReport;
    const Measure peerImport = onGuiThread(meter, [&] {
        auto ws = model::Workspace::open(peer);
        if (!ws) die(ws.error().toString());
        peerReport = model::importFile(ws.value(), eventsCsv, wizard.options());
    });
    if (peerReport.rowsImported != r.rowsImported) die(QStringLiteral("the peer imported another number of rows"));

    // --- k-means on every customer of the big workspace, from the Segments page.
    const QString kmWs = copyOf(bigWs, tmp, QStringLiteral("kmeans.cwb"));
    qint64 campaign = 0;
    {
        auto ws = model::Workspace::open(kmWs);
        if (!ws) die(ws.error().toString());
        auto spec = model::parseCampaignSpec(QByteArrayLiteral(R"({"name": "Bench 20% off over 199", "type": "coupon",
            "start": "2026-12-05T10:00:00+08:00", "coupon": {"percent_off": 20, "min_spend": 199, "validity_days": 7},
            "control_share": 0.1, "channel": "sms", "cost_per_contact": 0.05})"));
        if (!spec) die(spec.error().toString());
        auto created = model::createCampaign(ws->db(), spec.value());
        if (!created) die(created.error().toString());
        campaign = created->id;
    }
    ui::MainWindow w;
    w.show();
    QSignalSpy loaded(&w, &ui::MainWindow::loaded);
    w.openWorkspace(kmWs);
    if (!loaded.wait(120000)) die(QStringLiteral("cannot open %1").arg(kmWs));
    meter.start();
    w.showPage(QStringLiteral("segments"));
    ui::SegmentsPage* page = w.segmentsPage();
    page->methodBox()->setCurrentIndex(1);   // k-means
    page->kBox()->setValue(6);
    QTest::qWait(2000);   // the page's first layout and the list: not part of k-means
    const double showGap = meter.stop();
    const double showGapAt = meter.longestEndedAt();
    QSignalSpy built(page, &ui::SegmentsPage::built);
    QSignalSpy failed(page, &ui::SegmentsPage::failed);
    const Measure kmeans = whileRunning(meter, [&] { page->buildButton()->click(); }, [&] { return !built.isEmpty() || !failed.isEmpty(); });
    if (!failed.isEmpty()) die(failed.first().first().toString());
    const qint64 population = page->lastBuild() ? page->lastBuild()->population : 0;

    model::SegmentationRequest request = page->request();
    request.save = false;
    const Measure peerKmeans = onGuiThread(meter, [&] {
        auto ws = model::Workspace::open(kmWs);
        if (!ws) die(ws.error().toString());
        auto result = model::runSegmentation(ws.value(), request);
        if (!result) die(result.error().toString());
    });

    // --- The Reports page previewing the campaign's report.
    ui::ReportsPage* reports = w.reportsPage();
    w.showPage(QStringLiteral("reports"));
    QTest::qWait(1000);
    if (!reports->selectCampaigns({campaign})) die(QStringLiteral("the campaign is not listed"));
    QSignalSpy previewed(reports, &ui::ReportsPage::previewed);
    QSignalSpy reportFailed(reports, &ui::ReportsPage::failed);
    const Measure report = whileRunning(meter, [&] { reports->preview(); }, [&] { return !previewed.isEmpty() || !reportFailed.isEmpty(); });
    if (!reportFailed.isEmpty()) die(reportFailed.first().first().toString());
    const int reportPages = reports->previewPages();
    const Measure peerPreview = onGuiThread(meter, [&] {
        auto ws = model::Workspace::open(kmWs);
        if (!ws) die(ws.error().toString());
        auto data = model::gatherReport(ws.value(), {QString::number(campaign)});
        if (!data) die(data.error().toString());
        const ui::ReportDocument doc = ui::buildReportDocument(data.value(), ui::ReportFormat(), ui::currentLanguage());
        if (ui::renderReportPages(doc, QPageSize::A4, 760).size() != reportPages) die(QStringLiteral("the peer drew another number of pages"));
    });

    std::printf("{\"import\": {\"rows\": %lld, \"check_seconds\": %.2f, \"check_longest_gap_ms\": %.1f, "
                "\"import_seconds\": %.2f, \"import_rows_per_second\": %.0f, \"import_longest_gap_ms\": %.1f, "
                "\"peer_on_gui_thread_longest_gap_ms\": %.1f, \"gap_ratio\": %.4f},\n"
                " \"kmeans\": {\"users\": %lld, \"k\": 6, \"seconds\": %.2f, \"longest_gap_ms\": %.1f, \"longest_gap_ended_at_s\": %.2f, "
                "\"peer_on_gui_thread_longest_gap_ms\": %.1f, \"gap_ratio\": %.4f},\n"
                " \"segments_page_shown\": {\"longest_gap_ms\": %.1f, \"ended_at_s\": %.2f},\n"
                " \"report_preview\": {\"users\": %lld, \"pages\": %d, \"seconds\": %.2f, \"longest_gap_ms\": %.1f, \"longest_gap_ended_at_s\": %.2f, "
                "\"peer_on_gui_thread_longest_gap_ms\": %.1f, \"gap_ratio\": %.4f},\n"
                " \"target_longest_gap_ms\": 100}\n",
                static_cast<long long>(r.records), check.seconds, check.gapMs, import.seconds, r.rowsPerSecond(),
                import.gapMs, peerImport.gapMs, import.gapMs / peerImport.gapMs,
                static_cast<long long>(population), kmeans.seconds, kmeans.gapMs, kmeans.gapEndedAt, peerKmeans.gapMs, kmeans.gapMs / peerKmeans.gapMs, showGap, showGapAt,
                static_cast<long long>(population), reportPages, report.seconds, report.gapMs, report.gapEndedAt, peerPreview.gapMs,
                report.gapMs / peerPreview.gapMs);
    return 0;
}
