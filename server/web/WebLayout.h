#pragma once

// The intranet site's page frame and its small shared pieces (docs/web.md §Pages): one
// responsive layout (header with the site's name and sections, main column, footer), the
// sign-in form, the refusal pages (401/403/404/429) and Vietnamese dates (dd/MM/yyyy, in
// Vietnam's time, UTC+7). Every value a caller passes as text is HTML-escaped here; `body`
// arguments are HTML the caller built from escaped values. No script anywhere, one style
// sheet (/style.css, WebStyle.h), no external resource. Pure functions; thread-safe.

#include <QDateTime>
#include <QString>

namespace sen::server::web {

enum class Section
{
    None,
    News,
    Schedule,
    SignIn
};

struct Viewer
{
    QString userName; // the signed-in user's name; empty for an anonymous reader
};

// A whole HTML document: <title> is `title` and the site's name.
QString page(const QString& siteName, const QString& title, Section section, const Viewer& viewer,
             const QString& body);

// The sign-in form; `message` (text) above it when not empty; `next` the path to return to.
QString signInPage(const QString& siteName, const QString& message, const QString& next);
// A refusal: a heading and an explanation (text), with a way back; the caller sends the
// status. `signInNext` not empty: a sign-in button that returns to that path of the site.
QString refusalPage(const QString& siteName, const Viewer& viewer, const QString& heading,
                    const QString& message, const QString& signInNext);

// 07/12/2026 and 07/12/2026 14:30, in Vietnam's time.
QString vnDate(const QDateTime& when);
QString vnDateTime(const QDateTime& when);
// The same instant in UTC+7.
QDateTime inVietnam(const QDateTime& when);

// `text` percent-encoded for a URL path segment.
QString pathSegment(const QString& text);

} // namespace sen::server::web
