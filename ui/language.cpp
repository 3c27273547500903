#include "language.h"

#include <QCoreApplication>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace cwb::ui {

QStringList availableLanguages() { return {QStringLiteral("en"), QStringLiteral("zh_CN")}; }

QString chooseLanguage(const QString& requested)
{
    auto normalise = [](const QString& name) -> QString {
        const QString n = name.trimmed().toLower().replace(QLatin1Char('-'), QLatin1Char('_'));
        if (n.startsWith(QLatin1String("zh"))) return QStringLiteral("zh_CN");
        if (n.startsWith(QLatin1String("en"))) return QStringLiteral("en");
        return {};
    };
    if (const QString r = normalise(requested); !r.isEmpty()) return r;
    if (const QString s = normalise(QSettings().value(QStringLiteral("ui/language")).toString()); !s.isEmpty()) return s;
    return QLocale::system().language() == QLocale::Chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

namespace {

// Text measured with one font and drawn with a fallback of taller glyphs gets
// cut off (Qt Charts' axis titles do): with Chinese text, a Chinese font
// (which has Latin letters too) comes first, when one is installed.
void preferChineseFont()
{
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance())) return;
    const QStringList installed = QFontDatabase::families();
    for (const char* family : {"Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "PingFang SC"}) {
        if (!installed.contains(QLatin1String(family))) continue;
        QFont font = QGuiApplication::font();
        font.setFamilies({QLatin1String(family), font.family()});
        QGuiApplication::setFont(font);
        return;
    }
}

} // namespace

namespace {
QString& installedLanguage()
{
    static QString language = QStringLiteral("en");
    return language;
}
} // namespace

QString currentLanguage() { return installedLanguage(); }

QString nativeLanguageName(const QString& language)
{
    if (language == QLatin1String("zh_CN")) return QStringLiteral("\u7b80\u4f53\u4e2d\u6587");   // 简体中文
    if (language == QLatin1String("en")) return QStringLiteral("English");
    return language;
}

void saveLanguage(const QString& language) { QSettings().setValue(QStringLiteral("ui/language"), language); }

bool installTranslations(const QString& language)
{
    auto* app = QCoreApplication::instance();
    installedLanguage() = language;
    if (language == QLatin1String("en")) {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        return true;
    }
    QLocale::setDefault(QLocale(language));
    preferChineseFont();
    auto* qt = new QTranslator(app);
    if (qt->load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto* own = new QTranslator(app);
    if (!own->load(QStringLiteral(":/i18n/campaign-workbench_%1.qm").arg(language))) return false;
    QCoreApplication::installTranslator(own);
    return true;
}

} // namespace cwb::ui
