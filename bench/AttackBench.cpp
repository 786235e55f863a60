// Attack benchmark (issue #11): the real sen-server executable in a child process on loopback;
// an honest client in this process syncs (one new document pushed, then a pull) while
// attackers run in a thread of their own. Prints figures; asserts nothing.
//
//   quiet   honest syncs alone: the reference latency.
//   (a) idle     1,100 plain TCP connections held open, sending nothing.
//   (b) flood    a thread connecting and closing plain TCP connections as fast as it can.
//   (c) bombs    insiders with a real certificate: HELLO, PULL, then CHUNK_WANT bursts asking
//                64 times for one 1 MiB chunk, and bursts of 41 compressed frames each inflating
//                to 31 MiB of zeros; each attacker reconnects when the server drops it.
//
// For each: the honest syncs' median and worst latency and their ratio to quiet, failed syncs,
// and the server's peak memory (VmHWM, monotonic: the figure after a phase is the peak so far).
// Targets (issue #11): peak <= 512 MiB, median <= 3x quiet, 0 failed honest syncs.
// Attackers come from 127.0.0.2 (Linux routes 127/8 to loopback), the honest client from
// 127.0.0.1, as two machines would. Linux only (POSIX sockets, /proc).
//
// usage: sen_bench_attack [--syncs N] [--docs N] [--dir DIR] [--server PATH] [--keep yes]
//   --syncs   honest syncs per phase (default 20)
//   --docs    documents in the server database before the start (default 2000)

#include "bench/BenchReplicas.h"
#include "bench/ServerProcess.h"
#include "common/attachments/AttachmentStore.h"
#include "common/crypto/SelfTest.h"
#include "common/identity/IdFile.h"
#include "common/model/AttachmentRef.h"
#include "common/store/ReplicaStore.h"
#include "replication/protocol/Frame.h"
#include "replication/protocol/Messages.h"
#include "replication/session/RemoteSession.h"
#include "replication/transport/TlsConfiguration.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QRandomGenerator>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <thread>
#include <vector>

#ifdef Q_OS_LINUX
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

using namespace sen;
using namespace sen::bench;
using namespace sen::protocol;

namespace {

#ifdef Q_OS_LINUX

struct Config
{
    int syncs = 20;
    int docs = 2000;
    bool keep = false;
    QString dir;
    QString server;
};

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const std::size_t mid = values.size() / 2;
    return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

QSslConfiguration userTls(const QString& idPath, const QString& password)
{
    auto file = identity::IdFile::load(idPath);
    if (!file)
        fail("load the ID file", file.status());
    auto credentials = identity::IdFile::open(*file, password);
    if (!credentials)
        fail("open the ID file", credentials.status());
    auto tls = makeTlsConfiguration(*credentials, credentials->certifierDer());
    if (!tls)
        fail("TLS configuration", tls.status());
    return *tls;
}

int connectFromAttacker(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return -1;
    sockaddr_in local{};
    local.sin_family = AF_INET;
    local.sin_addr.s_addr = htonl(0x7f000002);
    sockaddr_in remote{};
    remote.sin_family = AF_INET;
    remote.sin_port = htons(port);
    remote.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0 ||
        ::connect(fd, reinterpret_cast<sockaddr*>(&remote), sizeof remote) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

// ---- The honest client ---------------------------------------------------------------------

struct Phase
{
    std::vector<double> ms;
    int failed = 0;
    QString firstError;
};

// `count` syncs, and more until `minMs` have passed.
Phase honestSyncs(ReplicaStore& store, const QSslConfiguration& tls, const RemoteEndpoint& endpoint,
                  int count, qint64 minMs = 0)
{
    Phase phase;
    QElapsedTimer since;
    since.start();
    for (int i = 0; i < count || since.elapsed() < minMs; ++i) {
        auto saved =
            store.save(DocumentEdit::create(QStringLiteral("VanBanDen"))
                           .set(Item::text(QStringLiteral("TrichYeu"), QStringLiteral("Báo cáo %1").arg(i))));
        if (!saved)
            fail("save", saved.status());
        RemoteSession session(store, tls, endpoint, SessionOptions());
        QElapsedTimer timer;
        timer.start();
        const Status status = session.runBlocking(120'000);
        phase.ms.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        if (!status.isOk()) {
            if (phase.failed++ == 0)
                phase.firstError = status.toString();
        }
    }
    return phase;
}

// ---- Attackers -----------------------------------------------------------------------------

// Insiders sending bombs, in a thread with its own event loop: `parallel` connections, each
// sending `bytes` once encrypted and reading whatever comes back; a new one when it closes.
class Bomber
{
public:
    Bomber(quint16 port, QSslConfiguration tls, std::vector<QByteArray> payloads, int parallel)
        : m_port(port), m_tls(std::move(tls)), m_payloads(std::move(payloads)), m_parallel(parallel)
    {}
    ~Bomber() { stop(); }

    void start()
    {
        m_thread.reset(QThread::create([this] { run(); }));
        m_thread->start();
    }
    void stop()
    {
        m_stop = true;
        if (m_thread)
            m_thread->wait();
        m_thread.reset();
    }
    int connections() const { return m_connections; }

private:
    void run()
    {
        QEventLoop loop;
        std::vector<std::unique_ptr<QSslSocket>> sockets(static_cast<std::size_t>(m_parallel));
        int next = 0;
        std::function<void(std::size_t)> open = [&](std::size_t slot) {
            auto socket = std::make_unique<QSslSocket>();
            QSslSocket* s = socket.get();
            s->setSslConfiguration(m_tls);
            s->bind(QHostAddress(QStringLiteral("127.0.0.2")));
            const QByteArray bytes = m_payloads[static_cast<std::size_t>(next++) % m_payloads.size()];
            QObject::connect(s, &QSslSocket::sslErrors, s, [s](const QList<QSslError>& errors) {
                s->ignoreSslErrors(ignorableClientErrors(errors));
            });
            // Each insider stays a second, then leaves for a new one: more sessions, more bombs.
            QObject::connect(s, &QSslSocket::encrypted, s, [s, bytes] {
                s->write(bytes);
                QTimer::singleShot(1000, s, [s] { s->abort(); });
            });
            QObject::connect(s, &QSslSocket::readyRead, s, [s] { s->readAll(); });
            QObject::connect(s, &QSslSocket::disconnected, &loop, [&, slot] {
                QTimer::singleShot(0, &loop, [&, slot] {
                    if (!m_stop)
                        open(slot);
                });
            });
            s->connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_port);
            ++m_connections;
            if (sockets[slot])
                sockets[slot].release()->deleteLater();
            sockets[slot] = std::move(socket);
        };
        for (std::size_t i = 0; i < sockets.size(); ++i)
            open(i);
        QTimer check;
        QObject::connect(&check, &QTimer::timeout, &loop, [&] {
            if (m_stop)
                loop.quit();
        });
        check.start(50);
        loop.exec();
        for (auto& socket : sockets) {
            if (socket) {
                socket->disconnect();
                socket->abort();
            }
        }
    }

    quint16 m_port;
    QSslConfiguration m_tls;
    std::vector<QByteArray> m_payloads;
    int m_parallel;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_connections{0};
    std::unique_ptr<QThread> m_thread;
};

// HELLO and PULL as an insider, then `then` frames, all through one fresh zstd stream.
QByteArray hostileStream(const QString& database, const ReplicaId& replica, const QString& peerName,
                         const std::function<void(FrameEncoder&, QByteArray&)>& then)
{
    FrameEncoder encoder;
    Hello hello;
    hello.replicaId = replica;
    hello.instanceId = newInstanceId();
    hello.database = database;
    hello.peerName = peerName;
    hello.counter = 0;
    QByteArray bytes = encoder.encode(MessageType::Hello, 0, encode(hello));
    bytes += encoder.encode(MessageType::Pull, 0, encode(Pull{0, Filter{}, false}));
    then(encoder, bytes);
    return bytes;
}

void report(const char* name, const Phase& phase, double quietMedian, const ServerProcess& server)
{
    const double med = median(phase.ms);
    const double worst = phase.ms.empty() ? 0 : *std::max_element(phase.ms.begin(), phase.ms.end());
    std::printf(
        "  %-36s median %8.1f ms (%5.2fx quiet), worst %8.1f ms; failed %d of %zu; server peak %6.1f MiB\n",
        name, med, quietMedian > 0 ? med / quietMedian : 1.0, worst, phase.failed, phase.ms.size(),
        static_cast<double>(server.sample().peakKiB) / 1024);
    if (phase.failed > 0)
        std::printf("      first failure: %s\n", qPrintable(phase.firstError));
    std::fflush(stdout);
}

#endif

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
#ifndef Q_OS_LINUX
    std::printf("sen_bench_attack runs on Linux only\n");
    return 0;
#else
    if (!crypto::runSelfTests().isOk())
        return 2;
    Config config;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == u"--syncs")
            config.syncs = std::max(1, args[i + 1].toInt());
        else if (args[i] == u"--docs")
            config.docs = std::max(0, args[i + 1].toInt());
        else if (args[i] == u"--dir")
            config.dir = args[i + 1];
        else if (args[i] == u"--server")
            config.server = args[i + 1];
        else if (args[i] == u"--keep")
            config.keep = args[i + 1] == u"yes";
    }
    if (config.server.isEmpty())
        config.server = QCoreApplication::applicationDirPath() + QStringLiteral("/sen-server");
    QTemporaryDir tmp(config.dir.isEmpty() ? QDir::tempPath() + QStringLiteral("/sen-bench-XXXXXX")
                                           : config.dir + QStringLiteral("/sen-bench-XXXXXX"));
    if (!tmp.isValid())
        fail("temporary directory", Status(ErrorCode::IoError, tmp.errorString()));
    config.dir = tmp.path();
    tmp.setAutoRemove(!config.keep);

    // The idle connections and the server's ends of them.
    rlimit files{};
    if (::getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < 4096) {
        files.rlim_cur = std::min<rlim_t>(files.rlim_max, 4096);
        ::setrlimit(RLIMIT_NOFILE, &files);
    }

    ServerProcess server(config.server, config.dir + QStringLiteral("/server"));
    if (const Status status = server.init(); !status.isOk())
        fail("sen-server init", status);
    const QString idPath = config.dir + QStringLiteral("/bench.id");
    if (const Status status = server.registerUser(QStringLiteral("Bench User"), idPath); !status.isOk())
        fail("sen-server register", status);
    const QString userName = QStringLiteral("Bench User/") + server.org();
    const QSslConfiguration tls = userTls(idPath, server.password());
    const QString database = QStringLiteral("attack");
    auto path = server.createDatabase(database, userName);
    if (!path)
        fail("db create", path.status());
    ReplicaId replicaId;
    crypto::Sha256Digest chunk;
    {
        auto store = openReplica(*path);
        QRandomGenerator random(42);
        fill(*store, config.docs, random);
        QByteArray content(1 << 20, Qt::Uninitialized);
        random.fillRange(reinterpret_cast<quint32*>(content.data()), content.size() / 4);
        auto ref = store->attachments().importBytes(content, QStringLiteral("bao-cao.pdf"));
        if (!ref)
            fail("attachment", ref.status());
        auto saved = store->save(DocumentEdit::create(QStringLiteral("VanBanDen"))
                                     .set(Item::withValue(QStringLiteral("$File:bao-cao.pdf"),
                                                          ItemType::Attachment, ref->toCbor(), 0)));
        if (!saved)
            fail("save", saved.status());
        chunk = ref->chunks.front().hash;
        replicaId = store->info().replicaId;
    }
    if (const Status started = server.start(); !started.isOk())
        fail("sen-server run", started);
    auto endpoint = RemoteEndpoint::parse(QStringLiteral("127.0.0.1:%1").arg(server.port()), database);
    if (!endpoint)
        fail("endpoint", endpoint.status());

    std::printf("sen-server %s in a child process, %d documents and a 1 MiB attachment; %d honest syncs per "
                "phase\n",
                qPrintable(config.server), config.docs, config.syncs);
    const QString clientPath = config.dir + QStringLiteral("/client.sen");
    auto client = createReplica(clientPath, replicaId);
    {
        RemoteSession first(*client, tls, *endpoint, SessionOptions());
        if (const Status status = first.runBlocking(600'000); !status.isOk())
            fail("the honest client's first sync", status);
    }
    std::printf("  server after the honest client's initial pull: peak %.1f MiB\n",
                static_cast<double>(server.sample().peakKiB) / 1024);

    const Phase quiet = honestSyncs(*client, tls, *endpoint, config.syncs);
    const double quietMedian = median(quiet.ms);
    report("quiet", quiet, quietMedian, server);

    {
        std::vector<int> idle;
        for (int i = 0; i < 1100; ++i) {
            const int fd = connectFromAttacker(server.port());
            if (fd >= 0)
                idle.push_back(fd);
        }
        std::printf("  (a) %zu idle connections open\n", idle.size());
        const Phase phase = honestSyncs(*client, tls, *endpoint, config.syncs, 10'000);
        report("(a) 1,100 idle connections", phase, quietMedian, server);
        for (const int fd : idle)
            ::close(fd);
    }
    {
        std::atomic<bool> stop{false};
        std::atomic<long> flooded{0};
        std::thread flood([&] {
            while (!stop) {
                const int fd = connectFromAttacker(server.port());
                if (fd >= 0) {
                    ::close(fd);
                    ++flooded;
                }
            }
        });
        const Phase phase = honestSyncs(*client, tls, *endpoint, config.syncs, 10'000);
        stop = true;
        flood.join();
        report("(b) connect/close flood", phase, quietMedian, server);
        std::printf("      %ld connections opened and closed meanwhile\n", flooded.load());
    }
    {
        const QString peer = userName;
        const QByteArray chunkBomb =
            hostileStream(database, replicaId, peer, [&](FrameEncoder& e, QByteArray& out) {
                ChunkWant want;
                want.hashes.assign(kChunkWantMax, chunk);
                for (int i = 0; i < 100; ++i)
                    out += e.encode(MessageType::ChunkWant, 0, encode(want));
            });
        const QByteArray zeros(31 << 20, '\0');
        const QByteArray inflateBomb =
            hostileStream(database, replicaId, peer, [&](FrameEncoder& e, QByteArray& out) {
                for (int i = 0; i < 41; ++i)
                    out += e.encode(MessageType::ChunkWant, 0, zeros);
            });
        std::printf(
            "  (c) bombs: CHUNK_WANT burst %lld B on the wire (6,400 requests for 1 MiB), inflation burst "
            "%lld B (41 x 31 MiB)\n",
            static_cast<long long>(chunkBomb.size()), static_cast<long long>(inflateBomb.size()));
        Bomber bomber(server.port(), tls, {chunkBomb, inflateBomb}, 4);
        bomber.start();
        QThread::msleep(500);
        const Phase phase = honestSyncs(*client, tls, *endpoint, config.syncs, 10'000);
        bomber.stop();
        report("(c) CHUNK_WANT and inflation bombs", phase, quietMedian, server);
        std::printf("      %d hostile sessions meanwhile\n", bomber.connections());
    }
    std::printf("  targets: server peak <= 512 MiB, median <= 3x quiet, 0 failed honest syncs\n");
    client.reset();
    server.stop();
    return 0;
#endif
}
