#include "BenchReplicas.h"

#include <QFile>

#include <cstdio>
#include <cstdlib>

namespace sen::bench {

namespace {

QString randomBase64(QRandomGenerator& random, int chars)
{
    QByteArray bytes(chars / 4 * 3, Qt::Uninitialized);
    random.fillRange(reinterpret_cast<quint32*>(bytes.data()), bytes.size() / 4);
    return QString::fromLatin1(bytes.toBase64());
}

} // namespace

void fail(const char* what, const Status& status)
{
    std::fprintf(stderr, "%s: %s\n", what, qPrintable(status.toString()));
    std::exit(1);
}

DocumentEdit benchDocument(QRandomGenerator& random, int n)
{
    return DocumentEdit::create(QStringLiteral("Bench"))
        .set(Item::text(QStringLiteral("Subject"),
                        QStringLiteral("Bench document %1 — quarterly report").arg(n, 6, 10, QChar(u'0'))))
        .set(Item::text(QStringLiteral("Body"), randomBase64(random, 800)))
        .set(Item::number(QStringLiteral("N"), n));
}

std::unique_ptr<ReplicaStore> createReplica(const QString& path, const ReplicaId& replicaId)
{
    ReplicaCreateOptions create;
    create.title = QStringLiteral("Bench");
    create.replicaId = replicaId;
    auto store = ReplicaStore::create(path, create);
    if (!store)
        fail("create", store.status());
    return std::move(store).value();
}

std::unique_ptr<ReplicaStore> openReplica(const QString& path)
{
    auto store = ReplicaStore::open(path);
    if (!store)
        fail("open", store.status());
    return std::move(store).value();
}

void removeReplica(const QString& path)
{
    for (const char* suffix : {"", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
}

void fill(ReplicaStore& store, int count, QRandomGenerator& random)
{
    for (int done = 0; done < count; done += 1000) {
        const Status status = store.batch([&]() -> Status {
            for (int i = done; i < std::min(count, done + 1000); ++i)
                SEN_TRY(store.save(benchDocument(random, i)).status());
            return Status::ok();
        });
        if (!status.isOk())
            fail("fill", status);
    }
}

} // namespace sen::bench
