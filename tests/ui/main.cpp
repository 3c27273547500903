// GUI tests need a QApplication before any widget; create it here rather
// than during static initialisation (gtest_discover_tests runs the binary).
#include <QApplication>
#include <QStandardPaths>

#include <gtest/gtest.h>

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QStandardPaths::setTestModeEnabled(true);   // keep QSettings away from the user's own
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("CampaignWorkbenchTests"));
    QApplication::setApplicationName(QStringLiteral("cwb_ui_tests"));
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
