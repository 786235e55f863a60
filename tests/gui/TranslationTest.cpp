// The Vietnamese translation shipped with the client (client/translations/sen_vi.ts): every
// message translated and finished, placeholders and accelerators kept, and the compiled
// catalogue built into the client actually switching the interface to Vietnamese. (That the
// catalogue holds every translatable string of the sources is checked by the CTest test
// translations_up_to_date, which runs lupdate on them.)

#include "client/gui/app/LoginDialog.h"
#include "client/gui/i18n/Language.h"

#include <QApplication>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QXmlStreamReader>

#include <catch2/catch.hpp>

using namespace sen;

namespace {

struct Message
{
    QString context;
    QString source;
    QString translationType;  // the <translation type="..."> attribute, empty when finished
    QStringList translations; // one, or the numerus forms
};

std::vector<Message> readCatalogue(const QString& path)
{
    QFile file(path);
    REQUIRE(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    std::vector<Message> messages;
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == u"name")
            context = xml.readElementText();
        else if (name == u"message")
            current = Message{context, {}, {}, {}};
        else if (name == u"source")
            current.source = xml.readElementText();
        else if (name == u"translation") {
            current.translationType = xml.attributes().value(QStringLiteral("type")).toString();
            QString text;
            bool numerus = false;
            while (!(xml.isEndElement() && xml.name() == u"translation") && !xml.atEnd()) {
                xml.readNext();
                if (xml.isStartElement() && xml.name() == u"numerusform") {
                    numerus = true;
                    current.translations << xml.readElementText();
                } else if (xml.isCharacters()) {
                    text += xml.text();
                }
            }
            if (!numerus)
                current.translations << text;
            messages.push_back(current);
        }
    }
    REQUIRE_FALSE(xml.hasError());
    return messages;
}

QSet<QString> placeholders(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("%(L?[0-9]|n)"));
    QSet<QString> found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured(0));
    return found;
}

bool hasAccelerator(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("&[^&\\s;]"));
    return text.contains(pattern) && !text.contains(QStringLiteral("&amp;")) &&
           !text.contains(QStringLiteral("&lt;"));
}

} // namespace

TEST_CASE("The Vietnamese catalogue has a finished translation for every message", "[gui][i18n]")
{
    // Every message of sen_vi.ts is translated (no unfinished, vanished or empty entry),
    // keeps its source's placeholders, and keeps an accelerator when the source has one.
    const std::vector<Message> messages = readCatalogue(QStringLiteral(SEN_TS_VI));
    REQUIRE(messages.size() > 300);
    for (const Message& m : messages) {
        INFO(m.context.toStdString() << ": " << m.source.toStdString());
        REQUIRE(m.translationType.isEmpty());
        REQUIRE_FALSE(m.translations.isEmpty());
        for (const QString& t : m.translations) {
            REQUIRE_FALSE(t.trimmed().isEmpty());
            REQUIRE(placeholders(t) == placeholders(m.source));
            if (hasAccelerator(m.source))
                REQUIRE(hasAccelerator(t));
        }
    }
}

TEST_CASE("The English catalogue gives every plural message its two forms", "[gui][i18n]")
{
    // sen_en.ts holds only plural messages (lupdate -pluralonly), each finished with a
    // singular and a plural form.
    const std::vector<Message> messages = readCatalogue(QStringLiteral(SEN_TS_EN));
    REQUIRE_FALSE(messages.empty());
    for (const Message& m : messages) {
        INFO(m.context.toStdString() << ": " << m.source.toStdString());
        REQUIRE(m.translationType.isEmpty());
        REQUIRE(m.translations.size() == 2);
        REQUIRE_FALSE(m.translations[0].isEmpty());
        REQUIRE(placeholders(m.translations[1]) == placeholders(m.source));
    }
}

TEST_CASE("The client switches between Vietnamese and English", "[gui][i18n]")
{
    // The compiled catalogue is built into the client: installing Vietnamese translates the
    // login dialog's strings and Qt's own buttons; English shows the source strings.
    auto& app = *qobject_cast<QApplication*>(QCoreApplication::instance());
    REQUIRE(gui::Translations::install(app, gui::Language::Vietnamese));
    REQUIRE(gui::LoginDialog::tr("Log in") == QString::fromUtf8("Đăng nhập"));
    REQUIRE(QCoreApplication::translate("QPlatformTheme", "Cancel") == QString::fromUtf8("Hủy"));
    REQUIRE(QLocale().language() == QLocale::Vietnamese);
    REQUIRE(gui::Translations::install(app, gui::Language::English));
    REQUIRE(gui::LoginDialog::tr("Log in") == QStringLiteral("Log in"));
    // English carries its plural forms.
    REQUIRE(QCoreApplication::translate("sen::gui::WorkspaceModel", "%n documents", nullptr, 1) ==
            QStringLiteral("1 document"));
    REQUIRE(QCoreApplication::translate("sen::gui::WorkspaceModel", "%n documents", nullptr, 3) ==
            QStringLiteral("3 documents"));
    REQUIRE(gui::languageFromCode(QStringLiteral("vi_VN")) == gui::Language::Vietnamese);
    REQUIRE(gui::languageFromCode(QStringLiteral("en")) == gui::Language::English);
}
