// Bytes the server must survive: plaintext where TLS belongs, garbage or an impossible
// length after a good handshake, a frame cut short, a HELLO trickled a byte a second. The bad
// connection is dropped (with an ERROR frame once there is a TLS session to carry it), the
// refusal is audited where the peer is known, and a well-behaved client keeps syncing meanwhile.

#include "replication/protocol/Frame.h"
#include "server/audit/AuditEvent.h"
#include "tests/server/Bystander.h"
#include "tests/server/RawClient.h"
#include "tests/server/RequireOk.h"
#include "tests/server/ServerFixture.h"
#include "tests/server/WaitUntil.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTimer>

#include <catch2/catch.hpp>

using namespace sen;
using namespace sen::test;

namespace {

const QString kLoginRefused = QString::fromUtf16(server::audit::kLoginRefused);
const QString kRequestRefused = QString::fromUtf16(server::audit::kRequestRefused);

// Random bytes from a printed seed; SEN_SEED replays them.
QByteArray randomBytes(qsizetype size)
{
    const quint32 seed = qEnvironmentVariableIsSet("SEN_SEED") ? qgetenv("SEN_SEED").toUInt()
                                                               : QRandomGenerator::global()->generate();
    UNSCOPED_INFO("replay with SEN_SEED=" << seed);
    QRandomGenerator random(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    for (char& byte : bytes)
        byte = static_cast<char>(random.bounded(256));
    return bytes;
}

// The connection was refused with an ERROR frame of `code`.
void requireErrorFrame(const RawClient& client, ErrorCode code, const QString& fragment)
{
    const auto error = client.errorFrame();
    INFO(error.status().toString().toStdString());
    REQUIRE(error.isOk());
    INFO(error->message.toStdString());
    REQUIRE(error->code == code);
    REQUIRE(error->message.contains(fragment, Qt::CaseInsensitive));
}

// A well-formed frame of any type; the payload is not checked here.
QByteArray frame(protocol::MessageType type, QByteArrayView payload)
{
    protocol::FrameEncoder encoder;
    return encoder.encode(type, 0, payload, false);
}

} // namespace

TEST_CASE("Bad input: plaintext garbage on the port is dropped", "[server][net]")
{
    // A port scanner writes random bytes to the server's port without any TLS.
    ServerFixture f;
    f.createDatabase(QStringLiteral("vanban"));
    Bystander other(f, QStringLiteral("vanban"));
    auto client = RawClient::plain(f.port());
    REQUIRE(client->waitConnected());
    client->send(randomBytes(4096));
    other.sync(); // while the garbage is being refused
    REQUIRE(client->waitClosed());
    REQUIRE(!client->errorFrame().isOk()); // a TLS alert at most, never a frame
    REQUIRE(f.waitForAudit(kLoginRefused));
    other.sync();
}

TEST_CASE("Bad input: random bytes after a valid TLS handshake are refused with a protocol error",
          "[server][net]")
{
    // An authenticated user's client goes wrong and writes random bytes instead of a HELLO.
    ServerFixture f;
    f.createDatabase(QStringLiteral("vanban"));
    Bystander other(f, QStringLiteral("vanban"));
    auto client = RawClient::tls(f.port(), f.user(QStringLiteral("Nguyễn Văn An")));
    REQUIRE(client->waitConnected());
    client->send(randomBytes(1024));
    REQUIRE(client->waitClosed());
    requireErrorFrame(*client, ErrorCode::ProtocolError, QString());
    REQUIRE(f.waitForAudit(kRequestRefused));
    other.sync();
}

TEST_CASE("Bad input: a first frame that is not HELLO is refused", "[server][net]")
{
    // A client skips the HELLO and asks for changes straight away.
    ServerFixture f;
    f.createDatabase(QStringLiteral("vanban"));
    Bystander other(f, QStringLiteral("vanban"));
    auto client = RawClient::tls(f.port(), f.user(QStringLiteral("Nguyễn Văn An")));
    REQUIRE(client->waitConnected());
    client->send(frame(protocol::MessageType::Pull, protocol::encode(protocol::Pull{})));
    REQUIRE(client->waitClosed());
    requireErrorFrame(*client, ErrorCode::ProtocolError, QStringLiteral("must be HELLO"));
    REQUIRE(f.waitForAudit(kRequestRefused, QStringLiteral("must be HELLO")));
    other.sync();
}

TEST_CASE("Bad input: a HELLO whose payload is not CBOR is refused", "[server][net]")
{
    // A client sends a frame typed HELLO that carries text instead of a CBOR array.
    ServerFixture f;
    f.createDatabase(QStringLiteral("vanban"));
    Bystander other(f, QStringLiteral("vanban"));
    auto client = RawClient::tls(f.port(), f.user(QStringLiteral("Nguyễn Văn An")));
    REQUIRE(client->waitConnected());
    client->send(frame(protocol::MessageType::Hello, "hello, server"));
    REQUIRE(client->waitClosed());
    requireErrorFrame(*client, ErrorCode::ProtocolError, QString());
    REQUIRE(f.waitForAudit(kRequestRefused));
    other.sync();
}

TEST_CASE("Bad input: a truncated frame then silence is closed by the HELLO deadline", "[server][net]")
{
    // A client sends the first 20 bytes of a HELLO and then nothing; another syncs meanwhile.
    ServerFixture f(1500);
    f.createDatabase(QStringLiteral("vanban"));
    Bystander other(f, QStringLiteral("vanban"));
    QElapsedTimer elapsed;
    elapsed.start();
    auto client = RawClient::tls(f.port(), f.user(QStringLiteral("Nguyễn Văn An")));
    REQUIRE(client->waitConnected());
    client->send(helloFrame(QStringLiteral("vanban"), QStringLiteral("Nguyễn Văn An/VPTU/HaNoi")).left(20));
    while (!client->isClosed() && elapsed.elapsed() < 5000)
        other.sync(1000);
    REQUIRE(client->waitClosed());
    INFO("closed after " << elapsed.elapsed() << " ms");
    REQUIRE(elapsed.elapsed() >= 1400);
    REQUIRE(elapsed.elapsed() < 4000);
    REQUIRE(other.syncs() >= 2);
    requireErrorFrame(*client, ErrorCode::IoError, QStringLiteral("no HELLO"));
    other.sync();
}

TEST_CASE("Bad input: a 4 GB length prefix is refused at once", "[server][net]")
{
    // A client announces a frame of 0xFFFFFFFF bytes, hoping the server allocates it.
    ServerFixture f;
    f.createDatabase(QStringLiteral("vanban"));
    Bystander other(f, QStringLiteral("vanban"));
    auto client = RawClient::tls(f.port(), f.user(QStringLiteral("Nguyễn Văn An")));
    REQUIRE(client->waitConnected());
    QElapsedTimer elapsed;
    elapsed.start();
    client->send(QByteArray::fromHex("ffffffff010000000000"));
    REQUIRE(client->waitClosed());
    INFO("refused after " << elapsed.elapsed() << " ms");
    REQUIRE(elapsed.elapsed() < 1000); // the HELLO deadline is 3 s: this was not it
    requireErrorFrame(*client, ErrorCode::ProtocolError, QString());
    REQUIRE(f.waitForAudit(kRequestRefused));
    other.sync();
}

TEST_CASE("Bad input: a HELLO trickled one byte a second is cut off by the deadline", "[server][net]")
{
    // A slow-loris client sends a valid HELLO one byte a second; meanwhile another client
    // completes several syncs, none of them held up.
    ServerFixture f(2000);
    f.createDatabase(QStringLiteral("vanban"));
    Bystander other(f, QStringLiteral("vanban"));
    auto client = RawClient::tls(f.port(), f.user(QStringLiteral("Nguyễn Văn An")));
    REQUIRE(client->waitConnected());
    QElapsedTimer elapsed;
    elapsed.start();
    const QByteArray hello = helloFrame(QStringLiteral("vanban"), QStringLiteral("Nguyễn Văn An/VPTU/HaNoi"));
    qsizetype sent = 0;
    QTimer trickle;
    trickle.setInterval(1000);
    QObject::connect(&trickle, &QTimer::timeout, [&] {
        if (sent < hello.size())
            client->send(hello.mid(sent++, 1));
    });
    client->send(hello.mid(sent++, 1));
    trickle.start();
    while (!client->isClosed() && elapsed.elapsed() < 6000)
        other.sync(1000);
    REQUIRE(client->waitClosed());
    trickle.stop();
    INFO("cut off after " << elapsed.elapsed() << " ms and " << sent << " bytes");
    REQUIRE(elapsed.elapsed() < 4000);
    REQUIRE(sent < hello.size());
    REQUIRE(other.syncs() >= 3);
    requireErrorFrame(*client, ErrorCode::IoError, QStringLiteral("no HELLO"));
}
