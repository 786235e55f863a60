#include "server/web/WebReply.h"

#include <QHttpServerResponder>
#include <QString>

namespace sen::server::web {

WebReply WebReply::html(int status, const QString& page)
{
    WebReply reply;
    reply.status = status;
    reply.body = page.toUtf8();
    return reply;
}

WebReply WebReply::redirect(const QByteArray& location)
{
    WebReply reply;
    reply.status = 303;
    reply.headers.append({QByteArrayLiteral("Location"), location});
    return reply;
}

void send(QHttpServerResponder& responder, const WebReply& reply, bool headOnly)
{
    responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(reply.status));
    responder.writeHeader(QByteArrayLiteral("Content-Type"), reply.contentType);
    responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(reply.body.size()));
    responder.writeHeader(QByteArrayLiteral("Content-Security-Policy"),
                          QByteArrayLiteral("default-src 'self'; script-src 'none'; object-src 'none'; "
                                            "base-uri 'none'; frame-ancestors 'none'; form-action 'self'"));
    responder.writeHeader(QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
    responder.writeHeader(QByteArrayLiteral("Strict-Transport-Security"),
                          QByteArrayLiteral("max-age=31536000"));
    responder.writeHeader(QByteArrayLiteral("Referrer-Policy"), QByteArrayLiteral("same-origin"));
    responder.writeHeader(QByteArrayLiteral("X-Frame-Options"), QByteArrayLiteral("DENY"));
    responder.writeHeader(QByteArrayLiteral("Cache-Control"), reply.cacheControl);
    for (const auto& [name, value] : reply.headers)
        responder.writeHeader(name, value);
    responder.writeBody(headOnly ? QByteArray() : reply.body);
}

} // namespace sen::server::web
