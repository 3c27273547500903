#pragma once
// The user interface language: English or Simplified Chinese, chosen in the
// settings (or --lang), defaulting to the system locale.

#include <QString>
#include <QStringList>

namespace cwb::ui {

// "en" or "zh_CN". `requested` (e.g. from --lang) wins over the settings,
// which win over the system locale.
QString chooseLanguage(const QString& requested = {});
QStringList availableLanguages();

// Installs the program's and Qt's own translations and sets the default
// locale (numbers and dates) for `language`. Returns false if the
// program's translation could not be loaded.
bool installTranslations(const QString& language);
// The language installed last ("en" until one is).
QString currentLanguage();
// The language in its own words ("English", "简体中文"), for the menu.
QString nativeLanguageName(const QString& language);
// Remembers the user's choice for the next start (the settings' ui/language).
void saveLanguage(const QString& language);

} // namespace cwb::ui
