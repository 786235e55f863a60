#include "tests/server/WebClient.h"

#include <QSslSocket>
#include <QUrl>

#include <catch2/catch.hpp>

namespace sen::test {

WebClient::WebClient(const QString& address, QByteArray serverCertificateDer)
    : m_host(address.section(u':', 0, -2)), m_port(static_cast<quint16>(address.section(u':', -1).toUInt())),
      m_certificate(std::move(serverCertificateDer))
{}

WebAnswer WebClient::get(const QString& path, const QByteArray& cookie) const
{
    return request("GET", path, {}, cookie);
}

WebAnswer WebClient::post(const QString& path, const QList<QPair<QString, QString>>& form,
                          const QByteArray& cookie) const
{
    QByteArray body;
    for (const auto& [name, value] : form) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return request("POST", path, body, cookie);
}

WebAnswer WebClient::request(const QByteArray& method, const QString& path, const QByteArray& body,
                             const QByteArray& cookie) const
{
    QSslSocket socket;
    // Pinned below instead: the certificate names the server, not the loopback address.
    socket.setPeerVerifyMode(QSslSocket::VerifyNone);
    socket.connectToHostEncrypted(m_host, m_port);
    REQUIRE(socket.waitForEncrypted(10'000));
    REQUIRE(socket.peerCertificate().toDer() == m_certificate);
    QByteArray head =
        method + ' ' + path.toUtf8() + " HTTP/1.1\r\nHost: " + m_host.toUtf8() + "\r\nConnection: close\r\n";
    if (!cookie.isEmpty())
        head += "Cookie: " + cookie + "\r\n";
    if (method == "POST")
        head += "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
                QByteArray::number(body.size()) + "\r\n";
    socket.write(head + "\r\n" + body);

    QByteArray received;
    WebAnswer answer;
    qsizetype headerEnd = -1;
    qsizetype length = -1;
    while (true) {
        if (headerEnd < 0) {
            headerEnd = received.indexOf("\r\n\r\n");
            if (headerEnd >= 0) {
                const QList<QByteArray> lines = received.left(headerEnd).split('\n');
                answer.status = lines.value(0).split(' ').value(1).toInt();
                for (qsizetype i = 1; i < lines.size(); ++i) {
                    const qsizetype colon = lines[i].indexOf(':');
                    if (colon > 0)
                        answer.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                              lines[i].mid(colon + 1).trimmed());
                }
                length = answer.headers.value("content-length", "-1").toLongLong();
                if (method == "HEAD")
                    length = 0; // the headers say the GET's length; no body follows
            }
        }
        if (headerEnd >= 0 && length >= 0 && received.size() - headerEnd - 4 >= length)
            break;
        if (!socket.waitForReadyRead(10'000))
            break;
        received += socket.readAll();
    }
    REQUIRE(headerEnd >= 0);
    answer.body = received.mid(headerEnd + 4, length >= 0 ? length : -1);
    if (method == "HEAD")
        CHECK(received.size() == headerEnd + 4); // nothing after the headers
    return answer;
}

QByteArray sessionCookie(const WebAnswer& answer)
{
    return answer.header("set-cookie").split(';').value(0);
}

} // namespace sen::test
