// Registering online (issue #13; docs/registers.md §Numbering): the real sen-server in a child
// process, a client replica in this process over TLS 1.3. Two figures:
//  1. one registration at a time, as a văn thư saves them: each is saved awaiting its number,
//     then a session without a pull (Replicator::number's) asks for the number and pushes the
//     numbered version — registrations per second, NUMBER round trips per registration (the
//     target is 1), and the session's whole cost;
//  2. a batch registered offline and numbered by one session (NUMBER messages of 256);
//  3. finding the registrations that await a number (NumberRequests::requests(), what every
//     session does first) in a replica of `--scan` registrations of which 10 await: the first
//     session of the replica, then sessions after one more save each, then sessions with
//     nothing new. No server: `--scan-only` runs this part alone.
// Prints figures; asserts nothing.
// Usage: sen_bench_numbering [--docs N] [--batch N] [--scan N] [--scan-only] [--dir D]

#include "bench/BenchReplicas.h"
#include "bench/ServerProcess.h"
#include "client/forms/Numbering.h"
#include "client/sync/NumberRequests.h"
#include "common/crypto/SelfTest.h"
#include "common/identity/IdFile.h"
#include "common/registers/DefaultRegisters.h"
#include "common/registers/Registers.h"
#include "common/store/ReplicaStore.h"
#include "replication/session/RemoteSession.h"
#include "replication/transport/TlsConfiguration.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>

using namespace sen;
using namespace sen::bench;

namespace {

double secondsSince(const QElapsedTimer& timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e9;
}

struct Client
{
    QSslConfiguration tls;
    RemoteEndpoint endpoint;
};

// One session: `pull` or not, asking for the numbers of every awaiting registration.
SessionStats session(ReplicaStore& store, const Client& client, bool pull)
{
    SessionOptions options;
    options.pull = pull;
    options.numbering = std::make_shared<client::NumberRequests>(store);
    RemoteSession run(store, client.tls, client.endpoint, options);
    if (const Status status = run.runBlocking(600'000); !status.isOk())
        fail("session", status);
    return run.stats();
}

// Saves an incoming registration as DatabaseSession::save would: awaiting its number.
void registerOne(ReplicaStore& store, const std::vector<registers::Register>& books, QRandomGenerator& random,
                 int n)
{
    DocumentEdit edit = incomingDocument(random, n);
    edit.remove(QStringLiteral("SoDen"));
    // Arrived today: a register gives numbers for this year (and the last) only.
    edit.set(Item::dateTime(QStringLiteral("NgayDen"), QDateTime::currentDateTimeUtc()));
    if (const Status prepared = forms::prepareNumbering(Document{}, edit, books, false); !prepared.isOk())
        fail("prepare", prepared);
    if (const auto saved = store.save(edit); !saved.isOk())
        fail("save", saved.status());
}

// Part 3: `scan` registrations in a fresh replica with the default registers, all numbered but
// 10; then NumberRequests::requests() timed as sessions call it.
void findAwaiting(const QString& dir, int scan)
{
    auto store = createReplica(dir + QStringLiteral("/awaiting.sen"));
    if (const Status made = registers::createDefaultRegisters(*store); !made.isOk())
        fail("registers", made);
    auto registerDocs = store->documentsOfForm(QLatin1String(registers::kRegisterForm));
    if (!registerDocs)
        fail("registers", registerDocs.status());
    const std::vector<registers::Register> books = registers::registersFrom(*registerDocs);
    QRandomGenerator random(31);
    const auto save = [&](int i, bool numbered) {
        registerOne(*store, books, random, i);
        if (!numbered)
            return;
        // The number the server gave, as NumberRequests::apply writes it.
        auto docs = store->changesSince(store->lastSeq().value() - 1, 1);
        DocumentEdit edit = DocumentEdit::update(docs->front().unid);
        edit.set(Item::number(QStringLiteral("SoDen"), double(i + 1)));
        if (const auto saved = store->save(edit); !saved.isOk())
            fail("number", saved.status());
    };
    const int awaiting = std::min(10, scan);
    const Status filled = store->batch([&] {
        for (int i = 0; i < scan; ++i)
            save(i, i >= awaiting);
        return Status::ok();
    });
    if (!filled.isOk())
        fail("fill", filled);
    std::printf("\n== 3. finding the registrations awaiting a number: %d registrations, %d awaiting ==\n",
                scan, awaiting);
    const auto timed = [&](const char* what, int sessions, bool saveBetween) {
        double wall = 0, cpu = 0;
        std::size_t found = 0;
        for (int n = 0; n < sessions; ++n) {
            if (saveBetween)
                save(scan + n, true);
            const double cpuBefore = sampleProcess().cpuSeconds;
            QElapsedTimer timer;
            timer.start();
            client::NumberRequests requests(*store); // one per session, as the sync makes it
            auto asked = requests.requests();
            if (!asked)
                fail("requests", asked.status());
            wall += secondsSince(timer);
            cpu += sampleProcess().cpuSeconds - cpuBefore;
            found = asked->size();
        }
        std::printf("%-44s %8.2f ms wall, %8.2f ms CPU per session (%zu requests)\n", what,
                    1000.0 * wall / sessions, 1000.0 * cpu / sessions, found);
    };
    timed("first session of the replica:", 1, false);
    timed("20 sessions, one numbered save before each:", 20, true);
    timed("20 sessions, nothing new:", 20, false);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (!crypto::runSelfTests().isOk())
        return 2;
    int docs = 1000;
    int batch = 5000;
    int scan = 10000;
    QString dir;
    const QStringList args = app.arguments();
    const bool scanOnly = args.contains(QStringLiteral("--scan-only"));
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == u"--scan-only")
            continue;
        if (args[i] == u"--scan")
            scan = std::max(1, args[i + 1].toInt());
        else if (args[i] == u"--docs")
            docs = std::max(1, args[i + 1].toInt());
        else if (args[i] == u"--batch")
            batch = std::max(1, args[i + 1].toInt());
        else if (args[i] == u"--dir")
            dir = args[i + 1];
        ++i;
    }
    QTemporaryDir tmp(dir.isEmpty() ? QDir::tempPath() + QStringLiteral("/sen-bench-XXXXXX")
                                    : dir + QStringLiteral("/sen-bench-XXXXXX"));
    if (!tmp.isValid())
        fail("temporary directory", Status(ErrorCode::IoError, tmp.errorString()));
    if (scanOnly) {
        findAwaiting(tmp.path(), scan);
        return 0;
    }

    ServerProcess server(QCoreApplication::applicationDirPath() + QStringLiteral("/sen-server"),
                         tmp.path() + QStringLiteral("/server"));
    if (const Status status = server.init(); !status.isOk())
        fail("sen-server init", status);
    const QString idPath = tmp.path() + QStringLiteral("/bench.id");
    if (const Status status = server.registerUser(QStringLiteral("Van Thu"), idPath); !status.isOk())
        fail("sen-server register", status);
    auto serverPath =
        server.createDatabase(QStringLiteral("vanban"), QStringLiteral("Van Thu/") + server.org());
    if (!serverPath)
        fail("db create", serverPath.status());
    ReplicaId replicaId;
    {
        auto serverStore = openReplica(*serverPath);
        replicaId = serverStore->info().replicaId;
    }
    if (const Status status = server.start(); !status.isOk())
        fail("sen-server run", status);

    auto file = identity::IdFile::load(idPath);
    auto credentials = file ? identity::IdFile::open(*file, server.password())
                            : Result<identity::Credentials>(file.status());
    if (!credentials)
        fail("ID file", credentials.status());
    auto tls = makeTlsConfiguration(*credentials, credentials->certifierDer());
    auto endpoint =
        RemoteEndpoint::parse(QStringLiteral("127.0.0.1:%1").arg(server.port()), QStringLiteral("vanban"));
    if (!tls || !endpoint)
        fail("client", tls ? endpoint.status() : tls.status());
    const Client client{*tls, *endpoint};

    auto store = createReplica(tmp.path() + QStringLiteral("/client.sen"), replicaId);
    session(*store, client, true); // the registers
    auto registerDocs = store->documentsOfForm(QLatin1String(registers::kRegisterForm));
    if (!registerDocs)
        fail("registers", registerDocs.status());
    const std::vector<registers::Register> books = registers::registersFrom(*registerDocs);
    std::printf("sen-server in a child process, client in this one, TLS 1.3 on loopback; %zu registers\n",
                books.size());

    // 1. One at a time.
    QRandomGenerator random(13);
    qint64 numbered = 0, numberFrames = 0, framesOut = 0;
    const ProcessSample serverBefore = server.sample();
    const ProcessSample clientBefore = sampleProcess();
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < docs; ++i) {
        registerOne(*store, books, random, i);
        const SessionStats stats = session(*store, client, false);
        numbered += stats.numbered;
        numberFrames += 1; // one NUMBER (≤ 256 requests) per session that had something to ask
        framesOut += stats.framesOut;
    }
    const double seconds = secondsSince(timer);
    std::printf("\n== 1. %d registrations online, one session each (save, NUMBER, push) ==\n", docs);
    std::printf("numbered %lld in %.2f s: %.0f registrations/s, %.2f ms each\n",
                static_cast<long long>(numbered), seconds, numbered / seconds, 1000.0 * seconds / docs);
    std::printf("NUMBER round trips per registration: %.2f (frames sent per session: %.1f)\n",
                double(numberFrames) / double(numbered), double(framesOut) / docs);
    std::printf("CPU: client %.2f s, server %.2f s\n", sampleProcess().cpuSeconds - clientBefore.cpuSeconds,
                server.sample().cpuSeconds - serverBefore.cpuSeconds);

    // 2. A batch registered offline, numbered by one session.
    for (int i = 0; i < batch; ++i)
        registerOne(*store, books, random, docs + i);
    timer.restart();
    const SessionStats stats = session(*store, client, false);
    const double batchSeconds = secondsSince(timer);
    std::printf("\n== 2. %d registrations made offline, numbered and pushed by one session ==\n", batch);
    std::printf("numbered %lld in %.2f s: %.0f numbers/s (NUMBER messages: %d)\n",
                static_cast<long long>(stats.numbered), batchSeconds, stats.numbered / batchSeconds,
                (batch + 255) / 256);
    server.stop();
    findAwaiting(tmp.path(), scan);
    return 0;
}
