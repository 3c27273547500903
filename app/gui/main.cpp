// campaign-workbench: the GUI. Argument parsing and start-up only.

#include "language.h"
#include "main_window.h"
#include "profile_page.h"
#include "segments_page.h"

#include "core/memory.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include <memory>

#include <cstdio>

int main(int argc, char** argv)
{
    cwb::engine::keepLargeBlocksForReuse();
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("CampaignWorkbench"));
    QApplication::setApplicationName(QStringLiteral("Campaign Workbench"));
    QApplication::setApplicationVersion(QStringLiteral(CWB_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Campaign Workbench: segment, preview and report e-commerce campaigns."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("workspace"), QStringLiteral("The workspace (.cwb) to open."), QStringLiteral("[workspace]"));
    QCommandLineOption lang(QStringLiteral("lang"), QStringLiteral("User interface language: en or zh_CN."), QStringLiteral("language"));
    QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                  QStringLiteral("Open the workspace, save a picture of the window to FILE and quit."),
                                  QStringLiteral("FILE"));
    QCommandLineOption page(QStringLiteral("page"), QStringLiteral("The page to show first: data, segments, profiles, campaigns, models or reports."), QStringLiteral("page"));
    QCommandLineOption user(QStringLiteral("user"), QStringLiteral("Show this customer's profile (the Profiles page)."), QStringLiteral("id"));
    parser.addOption(lang);
    parser.addOption(screenshot);
    QCommandLineOption segment(QStringLiteral("segment"), QStringLiteral("Select this segment (the Segments page)."), QStringLiteral("name"));
    QCommandLineOption chart(QStringLiteral("chart"), QStringLiteral("With --segment: the chart to show, profile or map."), QStringLiteral("chart"));
    parser.addOption(page);
    parser.addOption(user);
    parser.addOption(segment);
    parser.addOption(chart);
    parser.process(app);

    cwb::ui::installTranslations(cwb::ui::chooseLanguage(parser.value(lang)));
    cwb::ui::MainWindow window;
    window.show();
    const QStringList positional = parser.positionalArguments();
    const QString userId = parser.value(user);
    if (parser.isSet(page) && !window.showPage(parser.value(page))) {
        std::fprintf(stderr, "--page: data, segments, profiles, campaigns, models or reports\n");
        return 2;
    }
    if (!userId.isEmpty()) {
        window.showPage(QStringLiteral("profiles"));
        QObject::connect(&window, &cwb::ui::MainWindow::loaded, &window, [&] { window.profilePage()->showUser(userId); });
    }
    const QString segmentName = parser.value(segment);
    cwb::ui::SegmentsPage* segments = window.segmentsPage();
    if (!segmentName.isEmpty()) {
        window.showPage(QStringLiteral("segments"));
        if (!segments->showChart(parser.value(chart).isEmpty() ? QStringLiteral("profile") : parser.value(chart))) {
            std::fprintf(stderr, "--chart: profile or map\n");
            return 2;
        }
        QObject::connect(segments, &cwb::ui::SegmentsPage::listed, segments, [&] { segments->selectSegment(segmentName); }, Qt::SingleShotConnection);
    }
    if (parser.isSet(screenshot)) {
        // Once the workspace (and the profile asked for) is shown: a picture, then quit.
        const QString file = parser.value(screenshot);
        auto save = [&] {
            QTimer::singleShot(400, &app, [&] {
                const bool saved = window.grab().save(file);
                std::fprintf(stderr, saved ? "saved %s\n" : "cannot save %s\n", file.toLocal8Bit().constData());
                QApplication::exit(saved ? 0 : 1);
            });
        };
        // With a segment: once both its profile and the map are drawn.
        auto charts = std::make_shared<int>(0);
        auto chartDrawn = [save, charts] {
            if (++*charts == 2) save();
        };
        if (!segmentName.isEmpty()) {
            QObject::connect(segments, &cwb::ui::SegmentsPage::profiled, &app, chartDrawn, Qt::SingleShotConnection);
            QObject::connect(segments, &cwb::ui::SegmentsPage::mapped, &app, chartDrawn, Qt::SingleShotConnection);
        } else if (!userId.isEmpty()) {
            QObject::connect(window.profilePage(), &cwb::ui::ProfilePage::shown, &app, save);
        } else {
            QObject::connect(&window, &cwb::ui::MainWindow::loaded, &app, save);
        }
        QObject::connect(segments, &cwb::ui::SegmentsPage::failed, &app, [](const QString& message) {
            std::fprintf(stderr, "%s\n", message.toLocal8Bit().constData());
            QApplication::exit(1);
        });
        QObject::connect(window.profilePage(), &cwb::ui::ProfilePage::failed, &app, [](const QString& message) {
            std::fprintf(stderr, "%s\n", message.toLocal8Bit().constData());
            QApplication::exit(1);
        });
        QObject::connect(&window, &cwb::ui::MainWindow::failed, &app, [](const QString& message) {
            std::fprintf(stderr, "%s\n", message.toLocal8Bit().constData());
            QApplication::exit(1);
        });
    }
    if (!positional.isEmpty()) window.openWorkspace(positional.first());
    return QApplication::exec();
}
