#include "client/gui/i18n/Language.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace sen::gui {

namespace {
const QString kSettingKey = QStringLiteral("ui/language");
}

QString languageCode(Language language)
{
    return language == Language::English ? QStringLiteral("en") : QStringLiteral("vi");
}

Language languageFromCode(const QString& code)
{
    return code.startsWith(u"en", Qt::CaseInsensitive) ? Language::English : Language::Vietnamese;
}

std::unique_ptr<QTranslator>& Translations::installed()
{
    static std::unique_ptr<QTranslator> translator;
    return translator;
}

bool Translations::install(QCoreApplication& app, Language language)
{
    std::unique_ptr<QTranslator>& current = installed();
    if (current) {
        QCoreApplication::removeTranslator(current.get());
        current.reset();
    }
    // English is the source language; its catalogue holds only the plural forms.
    QLocale::setDefault(language == Language::English ? QLocale(QLocale::English, QLocale::UnitedKingdom)
                                                      : QLocale(QLocale::Vietnamese, QLocale::Vietnam));
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(QStringLiteral(":/i18n/sen_%1.qm").arg(languageCode(language))))
        return false;
    app.installTranslator(translator.get());
    current = std::move(translator);
    return true;
}

Language Translations::saved(const QSettings& settings)
{
    return languageFromCode(settings.value(kSettingKey, QStringLiteral("vi")).toString());
}

void Translations::save(QSettings& settings, Language language)
{
    settings.setValue(kSettingKey, languageCode(language));
}

} // namespace sen::gui
