#pragma once

// The interface language. Vietnamese is the default; English (the source strings) is the
// other choice. The choice is kept per workspace (`sen.ini` in its home) and applies from
// the next start, like most desktop applications.
//
// Translations are compiled into the executable (`:/i18n/sen_<code>.qm`, from
// client/translations/sen_<code>.ts); installing them needs no files on disk.

#include <QString>

#include <memory>

class QCoreApplication;
class QSettings;
class QTranslator;

namespace sen::gui {

enum class Language
{
    Vietnamese,
    English,
};

QString languageCode(Language language); // "vi", "en"
// "vi"/"en" (also "vi_VN", "en_US"); anything else: Vietnamese.
Language languageFromCode(const QString& code);

class Translations
{
public:
    // Loads `language`'s translations into `app` (replacing any installed before) and sets
    // the default locale, so numbers and dates follow it. English, the source language,
    // loads only its plural forms ("1 document", "2 documents").
    // Returns false when a translation is missing from the executable.
    static bool install(QCoreApplication& app, Language language);

    // The language kept in `settings` (Vietnamese when none).
    static Language saved(const QSettings& settings);
    static void save(QSettings& settings, Language language);

private:
    static std::unique_ptr<QTranslator>& installed();
};

} // namespace sen::gui
