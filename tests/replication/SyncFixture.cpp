#include "tests/replication/SyncFixture.h"

#include "common/model/DocumentCodec.h"

#include <QFile>

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
    SessionOptions initiatorOptions = options;
    initiatorOptions.localName = QStringLiteral("replica-%1").arg(a);
    SessionOptions responderOptions;
    responderOptions.localName = QStringLiteral("replica-%1").arg(b);
    responderOptions.batchSize = options.batchSize;
    responderOptions.window = options.window;
    SyncResult result = runMemorySession(replica(a), replica(b), link, initiatorOptions, responderOptions);
    REQUIRE_FALSE(result.timedOut); // the session ended by itself
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
