// campaign-workbench: the GUI. Argument parsing and start-up only.

#include "language.h"
#include "main_window.h"
#include "profile_page.h"

#include "core/memory.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

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
    QCommandLineOption page(QStringLiteral("page"), QStringLiteral("The page to show first: data or profiles."), QStringLiteral("page"));
    QCommandLineOption user(QStringLiteral("user"), QStringLiteral("Show this customer's profile (the Profiles page)."), QStringLiteral("id"));
    parser.addOption(lang);
    parser.addOption(screenshot);
    parser.addOption(page);
    parser.addOption(user);
    parser.process(app);

    cwb::ui::installTranslations(cwb::ui::chooseLanguage(parser.value(lang)));
    cwb::ui::MainWindow window;
    window.show();
    const QStringList positional = parser.positionalArguments();
    const QString userId = parser.value(user);
    if (parser.isSet(page) && !window.showPage(parser.value(page))) {
        std::fprintf(stderr, "--page: data or profiles\n");
        return 2;
    }
    if (!userId.isEmpty()) {
        window.showPage(QStringLiteral("profiles"));
        QObject::connect(&window, &cwb::ui::MainWindow::loaded, &window, [&] { window.profilePage()->showUser(userId); });
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
        if (userId.isEmpty()) QObject::connect(&window, &cwb::ui::MainWindow::loaded, &app, save);
        else QObject::connect(window.profilePage(), &cwb::ui::ProfilePage::shown, &app, save);
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
