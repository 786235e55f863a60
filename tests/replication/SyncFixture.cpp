#include "tests/replication/SyncFixture.h"

#include "common/model/DocumentCodec.h"

#include <QEventLoop>
#include <QFile>
#include <QTimer>

#include <catch2/catch.hpp>

namespace sen::test {

SyncFixture::SyncFixture(int replicas, const Clock* clock) : m_clock(clock)
{
    ReplicaCreateOptions create;
    create.title = QStringLiteral("Văn bản");
    for (int i = 0; i < replicas; ++i) {
        ReplicaOpenOptions open;
        open.clock = clock;
        auto store = ReplicaStore::create(path(i), create, open);
        REQUIRE(store.isOk());
        create.replicaId = (*store)->info().replicaId;
        m_stores.push_back(std::move(store).value());
    }
}

QString SyncFixture::path(int i) const
{
    return m_dir.path(QStringLiteral("replica-%1.sen").arg(i));
}

void SyncFixture::reopen(int i)
{
    m_stores[static_cast<std::size_t>(i)].reset();
    ReplicaOpenOptions open;
    open.clock = m_clock;
    auto store = ReplicaStore::open(path(i), open);
    REQUIRE(store.isOk());
    m_stores[static_cast<std::size_t>(i)] = std::move(store).value();
}

void SyncFixture::backup(int i, const QString& target)
{
    m_stores[static_cast<std::size_t>(i)].reset(); // checkpoints the WAL into the file
    REQUIRE(QFile::copy(path(i), target));
    reopen(i);
}

void SyncFixture::restore(int i, const QString& source)
{
    m_stores[static_cast<std::size_t>(i)].reset();
    QFile::remove(path(i));
    QFile::remove(path(i) + QStringLiteral("-wal"));
    QFile::remove(path(i) + QStringLiteral("-shm"));
    REQUIRE(QFile::copy(source, path(i)));
    reopen(i);
}

SyncResult SyncFixture::sync(int a, int b, const LinkOptions& link, const SessionOptions& options)
{
    MemoryLink memory(link);
    SessionOptions initiatorOptions = options;
    initiatorOptions.localName = QStringLiteral("replica-%1").arg(a);
    SessionOptions responderOptions;
    responderOptions.localName = QStringLiteral("replica-%1").arg(b);
    responderOptions.batchSize = options.batchSize;
    responderOptions.window = options.window;
    Session initiator(Session::Role::Initiator, replica(a), memory.a(), initiatorOptions);
    Session responder(Session::Role::Responder, replica(b), memory.b(), responderOptions);

    QEventLoop loop;
    // Both sides always finish: by completing, by an error, or by seeing the other close.
    const auto maybeQuit = [&] {
        if (initiator.isFinished() && responder.isFinished())
            QTimer::singleShot(0, &loop, &QEventLoop::quit);
    };
    QObject::connect(&initiator, &Session::finished, &loop, maybeQuit);
    QObject::connect(&responder, &Session::finished, &loop, maybeQuit);
    QTimer watchdog;
    watchdog.setSingleShot(true);
    QObject::connect(&watchdog, &QTimer::timeout, &loop, &QEventLoop::quit);
    watchdog.start(120'000);
    initiator.start();
    loop.exec();
    REQUIRE(watchdog.isActive()); // the session ended by itself
    memory.a().close();
    memory.b().close();

    SyncResult result;
    result.initiator = initiator.result();
    result.responder = responder.result();
    result.stats = initiator.stats();
    result.wireBytes = memory.bytesCarried();
    return result;
}

QByteArray SyncFixture::dump(int i)
{
    QByteArray out;
    REQUIRE(replica(i)
                .forEachDocument(
                    [&](const Document& doc) {
                        out += encodeDocument(doc);
                        return true;
                    },
                    true)
                .isOk());
    return out;
}

} // namespace sen::test
