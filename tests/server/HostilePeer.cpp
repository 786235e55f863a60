#include "tests/server/HostilePeer.h"

#include "replication/transport/TlsConfiguration.h"
#include "tests/server/WaitUntil.h"

#include <QDateTime>

namespace sen::test {

using namespace protocol;

HostilePeer::HostilePeer(quint16 port, const QSslConfiguration& tls)
    : m_socket(std::make_unique<QSslSocket>())
{
    QSslSocket* socket = m_socket.get();
    socket->setSslConfiguration(tls);
    QObject::connect(socket, &QSslSocket::encrypted, socket, [this] { m_connected = true; });
    QObject::connect(socket, &QSslSocket::sslErrors, socket, [this](const QList<QSslError>& errors) {
        m_socket->ignoreSslErrors(ignorableClientErrors(errors));
    });
    QObject::connect(socket, &QSslSocket::readyRead, socket, [this] { onReadable(); });
    QObject::connect(socket, &QSslSocket::disconnected, socket, [this] { m_closed = true; });
    QObject::connect(socket, &QSslSocket::errorOccurred, socket, [this](QAbstractSocket::SocketError) {
        onReadable();
        m_closed = true;
    });
    socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    waitUntil([this] { return m_connected || m_closed; }, 5000);
}

HostilePeer::~HostilePeer()
{
    m_socket->disconnect();
    m_socket->abort();
}

void HostilePeer::onReadable()
{
    const QByteArray bytes = m_socket->readAll();
    m_bytesReceived += bytes.size();
    if (!m_decodeError.isOk() || bytes.isEmpty())
        return;
    if (Status fed = m_decoder.feed(bytes); !fed.isOk()) {
        m_decodeError = fed;
        return;
    }
    while (auto frame = m_decoder.next())
        m_frames.push_back(std::move(*frame));
    m_decodeError = m_decoder.error();
}

void HostilePeer::send(MessageType type, const QByteArray& payload, bool compress)
{
    sendRaw(m_encoder.encode(type, 0, payload, compress));
}

void HostilePeer::sendRaw(QByteArrayView bytes)
{
    m_socket->write(bytes.data(), bytes.size());
}

Result<Frame> HostilePeer::nextFrame(int timeoutMs)
{
    waitUntil([this] { return !m_frames.empty() || m_closed || !m_decodeError.isOk(); }, timeoutMs);
    if (!m_frames.empty()) {
        Frame frame = std::move(m_frames.front());
        m_frames.pop_front();
        return frame;
    }
    if (!m_decodeError.isOk())
        return m_decodeError;
    if (m_closed)
        return Status(ErrorCode::IoError, QStringLiteral("the server closed the connection"));
    return Status(ErrorCode::NotFound,
                  QStringLiteral("no frame from the server within %1 ms").arg(timeoutMs));
}

Result<Frame> HostilePeer::expect(MessageType type, int timeoutMs)
{
    while (true) {
        SEN_ASSIGN_OR_RETURN(Frame frame, nextFrame(timeoutMs));
        if (frame.type == MessageType::Error) {
            SEN_ASSIGN_OR_RETURN(const ErrorMessage error, decodeError(frame.payload));
            return Status(error.code, error.message);
        }
        if (frame.type == type)
            return frame;
    }
}

Status HostilePeer::waitError(int timeoutMs)
{
    while (true) {
        auto frame = nextFrame(timeoutMs);
        if (!frame)
            return frame.status();
        if (frame->type == MessageType::Error) {
            SEN_ASSIGN_OR_RETURN(const ErrorMessage error, decodeError(frame->payload));
            return Status(error.code, error.message);
        }
    }
}

bool HostilePeer::waitClosed(int timeoutMs)
{
    return waitUntil([this] { return m_closed; }, timeoutMs);
}

Result<Welcome> HostilePeer::hello(const QString& database, const ReplicaId& replica, const QString& peerName,
                                   const InstanceId& instance, std::uint64_t counter, int versionMax)
{
    if (!m_connected)
        return Status(ErrorCode::IoError, QStringLiteral("the TLS handshake did not complete"));
    Hello hello;
    hello.replicaId = replica;
    hello.instanceId = instance;
    hello.database = database;
    hello.peerName = peerName;
    hello.counter = counter;
    hello.versionMax = versionMax;
    send(MessageType::Hello, encode(hello));
    SEN_ASSIGN_OR_RETURN(const Frame frame, expect(MessageType::Welcome));
    return decodeWelcome(frame.payload);
}

Result<Ack> HostilePeer::push(const std::vector<Document>& docs, std::uint32_t batch, bool final)
{
    std::vector<ChangeEntry> entries;
    std::int64_t seq = 0;
    for (const Document& doc : docs)
        entries.push_back({doc.unid, doc.versions, ++seq, doc.isDeleted(), false});
    return push(entries, docs, batch, final);
}

Result<Ack> HostilePeer::push(const std::vector<ChangeEntry>& entries, const std::vector<Document>& docs,
                              std::uint32_t batch, bool final)
{
    Changes changes;
    changes.batch = batch;
    changes.entries = entries;
    changes.lastSeq = entries.empty() ? 0 : entries.back().seq;
    changes.final = final;
    send(MessageType::Changes, encode(changes));
    if (!(final && entries.empty())) {
        SEN_ASSIGN_OR_RETURN(const Frame wantFrame, expect(MessageType::Want));
        SEN_ASSIGN_OR_RETURN(const Want want, decodeWant(wantFrame.payload));
        if (!want.entries.empty()) {
            Docs answer;
            answer.batch = batch;
            for (const WantEntry& wanted : want.entries) {
                if (wanted.index >= docs.size())
                    return Status(
                        ErrorCode::InvalidArgument,
                        QStringLiteral("the server wants entry %1, which the test gave no document for")
                            .arg(wanted.index));
                DocEntry entry;
                entry.index = wanted.index;
                entry.doc = docs[wanted.index];
                answer.docs.push_back(std::move(entry));
            }
            send(MessageType::Docs, encode(answer));
        }
    }
    SEN_ASSIGN_OR_RETURN(const Frame ackFrame, expect(MessageType::Ack));
    return decodeAck(ackFrame.payload);
}

Result<std::vector<Document>> HostilePeer::pull(std::int64_t since)
{
    send(MessageType::Pull, encode(Pull{since, Filter{}, false}));
    std::vector<Document> received;
    while (true) {
        SEN_ASSIGN_OR_RETURN(const Frame changesFrame, expect(MessageType::Changes));
        SEN_ASSIGN_OR_RETURN(const Changes changes, decodeChanges(changesFrame.payload));
        Want want{changes.batch, {}};
        for (std::uint32_t i = 0; i < changes.entries.size(); ++i) {
            if (!changes.entries[i].withdrawn)
                want.entries.push_back({i, std::nullopt});
        }
        if (!(changes.final && changes.entries.empty()))
            send(MessageType::Want, encode(want));
        if (!want.entries.empty()) {
            SEN_ASSIGN_OR_RETURN(const Frame docsFrame, expect(MessageType::Docs));
            SEN_ASSIGN_OR_RETURN(Docs docs, decodeDocs(docsFrame.payload));
            for (DocEntry& entry : docs.docs) {
                entry.doc.unid = changes.entries[entry.index].unid;
                received.push_back(std::move(entry.doc));
            }
        }
        send(MessageType::Ack, encode(Ack{changes.batch, changes.lastSeq, {}}));
        if (changes.final)
            return received;
    }
}

Document forgedDocument(const QString& form, const InstanceId& instance, std::uint64_t counter,
                        std::vector<Item> items, HlcTime time)
{
    if (time == 0)
        time = makeHlc(QDateTime::currentMSecsSinceEpoch(), 0);
    Document doc;
    doc.unid = newUnid();
    doc.form = form;
    doc.versions.set(instance, counter);
    std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.name < b.name; });
    for (Item& item : items) {
        item.stamp = Stamp{Dot{instance, counter}, time};
        doc.items.push_back(std::move(item));
    }
    return doc;
}

} // namespace sen::test
