// Clients replicating with an in-process sen-server over real TLS on loopback.

#include "common/model/DocumentCodec.h"
#include "tests/server/ServerFixture.h"

#include <catch2/catch.hpp>

using namespace sen;
using test::ServerFixture;

namespace {

Unid create(ReplicaStore& store, const QString& subject)
{
    auto saved = store.save(DocumentEdit::create(QStringLiteral("VanBanDen"))
                                .set(Item::text(QStringLiteral("TrichYeu"), subject)));
    REQUIRE(saved.isOk());
    return saved->unid;
}

QByteArray dump(ReplicaStore& store)
{
    QByteArray out;
    REQUIRE(store
                .forEachDocument(
                    [&](const Document& doc) {
                        out += encodeDocument(doc);
                        return true;
                    },
                    true)
                .isOk());
    return out;
}

void requireOk(const Status& status)
{
    INFO(status.toString().toStdString());
    REQUIRE(status.isOk());
}

} // namespace

TEST_CASE("Server: two clients edit offline and converge through the server over TLS", "[server][tls]")
{
    // Two cadres each register a document offline, sync in turn, and end with the same replica.
    ServerFixture f;
    f.createDatabase(QStringLiteral("vanban"));
    const QSslConfiguration an = f.user(QStringLiteral("Nguyễn Văn An"));
    const QSslConfiguration binh = f.user(QStringLiteral("Trần Thị Bình"));
    auto a = f.clientReplica(QStringLiteral("a.sen"), QStringLiteral("vanban"), an);
    auto b = f.clientReplica(QStringLiteral("b.sen"), QStringLiteral("vanban"), binh);
    create(*a, QStringLiteral("Công văn số 12 về kế hoạch năm"));
    create(*b, QStringLiteral("Quyết định thành lập đoàn kiểm tra"));

    requireOk(f.sync(*a, QStringLiteral("vanban"), an));
    requireOk(f.sync(*b, QStringLiteral("vanban"), binh));
    SessionStats stats;
    requireOk(f.sync(*a, QStringLiteral("vanban"), an, &stats));
    REQUIRE(stats.received == 1);
    REQUIRE(dump(*a) == dump(*b));
    REQUIRE(a->documentCount().value() == 2);
}
