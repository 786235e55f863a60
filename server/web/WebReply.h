#pragma once

// One answer of the intranet site and how it goes on the wire (docs/web.md §Headers): every
// answer carries the security headers (Content-Security-Policy without any script source,
// X-Content-Type-Options: nosniff, Strict-Transport-Security, Referrer-Policy, X-Frame-Options)
// and a Content-Length.

#include <QByteArray>
#include <QList>
#include <QPair>

class QHttpServerResponder;

namespace sen::server::web {

struct WebReply
{
    int status = 200;
    QByteArray contentType = "text/html; charset=utf-8";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers; // beyond the standard ones
    QByteArray cacheControl = "private, no-cache";

    static WebReply html(int status, const QString& page);
    static WebReply redirect(const QByteArray& location);
};

// `headOnly`: the answer to a HEAD request: the headers (Content-Length the body's) and no body.
void send(QHttpServerResponder& responder, const WebReply& reply, bool headOnly = false);

} // namespace sen::server::web
