#pragma once

// A small HTTPS client for the intranet site's tests: one request per connection over TLS,
// the server's certificate pinned (its leaf DER must be the data directory's server
// certificate — a browser in the office trusts the organisation's certifier instead), the
// answer's status, headers and body read by Content-Length. Synchronous.

#include <QByteArray>
#include <QHostAddress>
#include <QMap>
#include <QString>

namespace sen::test {

struct WebAnswer
{
    int status = 0;
    QMap<QByteArray, QByteArray> headers; // names lower-case; a repeated header keeps the last
    QByteArray body;

    QString text() const { return QString::fromUtf8(body); }
    QByteArray header(const char* name) const { return headers.value(QByteArray(name).toLower()); }
};

class WebClient
{
public:
    // `address` is "HOST:PORT"; `serverCertificateDer` the certificate the server must present.
    WebClient(const QString& address, QByteArray serverCertificateDer);

    WebAnswer get(const QString& path, const QByteArray& cookie = {}) const;
    // application/x-www-form-urlencoded
    WebAnswer post(const QString& path, const QList<QPair<QString, QString>>& form,
                   const QByteArray& cookie = {}) const;
    WebAnswer request(const QByteArray& method, const QString& path, const QByteArray& body,
                      const QByteArray& cookie) const;

private:
    QString m_host;
    quint16 m_port = 0;
    QByteArray m_certificate;
};

// "name=value" of the Set-Cookie header of `answer`, or empty.
QByteArray sessionCookie(const WebAnswer& answer);

} // namespace sen::test
