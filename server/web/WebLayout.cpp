#include "server/web/WebLayout.h"

#include <QCoreApplication>
#include <QUrl>

namespace sen::server::web {

namespace {

QString navLink(const QString& href, const QString& label, bool current)
{
    return QStringLiteral("<a href=\"%1\"%2>%3</a>")
        .arg(href, current ? QStringLiteral(" aria-current=\"page\"") : QString(), label.toHtmlEscaped());
}

} // namespace

QDateTime inVietnam(const QDateTime& when)
{
    return when.toOffsetFromUtc(7 * 3600);
}

QString vnDate(const QDateTime& when)
{
    return when.isValid() ? inVietnam(when).toString(QStringLiteral("dd/MM/yyyy")) : QString();
}

QString vnDateTime(const QDateTime& when)
{
    return when.isValid() ? inVietnam(when).toString(QStringLiteral("dd/MM/yyyy HH:mm")) : QString();
}

QString pathSegment(const QString& text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

QString page(const QString& siteName, const QString& title, Section section, const Viewer& viewer,
             const QString& body)
{
    QString account;
    if (viewer.userName.isEmpty()) {
        account = navLink(QStringLiteral("/login"), QCoreApplication::translate("sen::web", "Sign in"),
                          section == Section::SignIn);
    } else {
        account = QStringLiteral("<form class=\"signout\" method=\"post\" action=\"/logout\">"
                                 "<span class=\"user\">%1</span> <button type=\"submit\">%2</button></form>")
                      .arg(viewer.userName.section(u'/', 0, 0).toHtmlEscaped(),
                           QCoreApplication::translate("sen::web", "Sign out").toHtmlEscaped());
    }
    const QString news = QCoreApplication::translate("sen::web", "News");
    return QStringLiteral("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                          "<title>%1 — %2</title>"
                          "<link rel=\"stylesheet\" href=\"/style.css\">"
                          "<link rel=\"alternate\" type=\"application/atom+xml\" title=\"%7\" "
                          "href=\"/news/feed.atom\"></head>\n"
                          "<body><header class=\"site\"><div class=\"wrap\">"
                          "<a class=\"brand\" href=\"/\">%2</a>"
                          "<nav>%3%4%5</nav></div></header>\n"
                          "<main class=\"wrap\">%6</main>\n"
                          "<footer class=\"site\"><div class=\"wrap\">%2 · %8 · "
                          "<a href=\"/news/feed.atom\">Atom</a> · <a href=\"/schedule.ics\">iCalendar</a>"
                          "</div></footer></body></html>\n")
        .arg(title.toHtmlEscaped(), siteName.toHtmlEscaped(),
             navLink(QStringLiteral("/"), news, section == Section::News),
             navLink(QStringLiteral("/schedule"), QCoreApplication::translate("sen::web", "Work schedule"),
                     section == Section::Schedule),
             account, body, news.toHtmlEscaped(),
             QCoreApplication::translate("sen::web", "read-only").toHtmlEscaped());
}

QString signInPage(const QString& siteName, const QString& message, const QString& next)
{
    const QString signIn = QCoreApplication::translate("sen::web", "Sign in");
    QString body =
        QStringLiteral("<section class=\"signin\"><h1>%1</h1><p class=\"hint\">%2</p>")
            .arg(signIn.toHtmlEscaped(),
                 QCoreApplication::translate(
                     "sen::web",
                     "Use the site password issued by the IT centre (not your ID file's password).")
                     .toHtmlEscaped());
    if (!message.isEmpty())
        body += QStringLiteral("<p class=\"error\" role=\"alert\">%1</p>").arg(message.toHtmlEscaped());
    body +=
        QStringLiteral("<form method=\"post\" action=\"/login\">"
                       "<input type=\"hidden\" name=\"next\" value=\"%1\">"
                       "<label>%2<input name=\"user\" autocomplete=\"username\" required></label>"
                       "<label>%3<input name=\"password\" type=\"password\" "
                       "autocomplete=\"current-password\" required></label>"
                       "<button type=\"submit\">%4</button></form></section>")
            .arg(next.toHtmlEscaped(), QCoreApplication::translate("sen::web", "User name").toHtmlEscaped(),
                 QCoreApplication::translate("sen::web", "Password").toHtmlEscaped(), signIn.toHtmlEscaped());
    return page(siteName, signIn, Section::SignIn, Viewer{}, body);
}

QString refusalPage(const QString& siteName, const Viewer& viewer, const QString& heading,
                    const QString& message, const QString& signInNext)
{
    QString body = QStringLiteral("<section class=\"refusal\"><h1>%1</h1><p>%2</p><p>")
                       .arg(heading.toHtmlEscaped(), message.toHtmlEscaped());
    if (!signInNext.isEmpty())
        body += QStringLiteral("<a class=\"button\" href=\"/login?next=%1\">%2</a> ")
                    .arg(QString::fromLatin1(QUrl::toPercentEncoding(signInNext)).toHtmlEscaped(),
                         QCoreApplication::translate("sen::web", "Sign in").toHtmlEscaped());
    body += QStringLiteral("<a href=\"/\">%1</a></p></section>")
                .arg(QCoreApplication::translate("sen::web", "Back to the front page").toHtmlEscaped());
    return page(siteName, heading, Section::None, viewer, body);
}

} // namespace sen::server::web
