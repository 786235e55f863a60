// Bundles: the exchange carried in a file to an office with no link, imported there and
// answered with a return bundle.

#include "replication/bundle/Bundle.h"

#include "common/attachments/AttachmentStore.h"
#include "tests/replication/SyncFixture.h"

#include <QBuffer>
#include <QFile>

#include <catch2/catch.hpp>

using namespace sen;

namespace {

QByteArray write(ReplicaStore& store, const std::optional<InstanceId>& recipient)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const auto info = writeBundle(store, recipient, buffer);
    INFO(info.status().toString().toStdString());
    REQUIRE(info.isOk());
    return buffer.data();
}

Result<BundleInfo> import(ReplicaStore& store, const QByteArray& bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    return importBundle(store, buffer);
}

Unid create(ReplicaStore& store, const QString& text)
{
    auto saved = store.save(
        DocumentEdit::create(QStringLiteral("VanBanDen")).set(Item::text(QStringLiteral("TrichYeu"), text)));
    REQUIRE(saved.isOk());
    return saved->unid;
}

} // namespace

TEST_CASE("Bundle: a district with no link imports the centre's bundle and answers with its own", "[bundle]")
{
    test::SyncFixture f(2);
    for (int i = 0; i < 30; ++i)
        create(f.replica(0), QStringLiteral("văn bản %1 của tỉnh").arg(i));
    const QByteArray content(200'000, 'x');
    const auto ref = f.replica(0).attachments().importBytes(content, QStringLiteral("ke-hoach.docx"));
    REQUIRE(ref.isOk());
    REQUIRE(f.replica(0)
                .save(DocumentEdit::create(QStringLiteral("VanBanDen"))
                          .set(Item::withValue(QStringLiteral("$File:ke-hoach.docx"), ItemType::Attachment,
                                               ref->toCbor(), 0)))
                .isOk());

    // The centre does not know the district yet: a first bundle with everything.
    const auto imported = import(f.replica(1), write(f.replica(0), std::nullopt));
    REQUIRE(imported.isOk());
    REQUIRE(imported->stored == 31);
    REQUIRE(f.dump(0) == f.dump(1));
    REQUIRE(f.replica(1).attachments().readAll(*ref).value() == content);

    // The district works and sends back a bundle for the centre.
    create(f.replica(1), QStringLiteral("báo cáo của huyện"));
    const auto back = import(f.replica(0), write(f.replica(1), f.replica(0).info().instanceId));
    REQUIRE(back.isOk());
    REQUIRE(f.dump(0) == f.dump(1));

    // The next bundle from the centre carries only what the district lacks.
    create(f.replica(0), QStringLiteral("thông báo mới"));
    const QByteArray next = write(f.replica(0), f.replica(1).info().instanceId);
    const auto nextInfo = import(f.replica(1), next);
    REQUIRE(nextInfo.isOk());
    REQUIRE(nextInfo->documents <= 2);
    REQUIRE(f.dump(0) == f.dump(1));
}

TEST_CASE("Bundle: importing the same bundle twice changes nothing", "[bundle]")
{
    test::SyncFixture f(2);
    create(f.replica(0), QStringLiteral("một"));
    const QByteArray bundle = write(f.replica(0), std::nullopt);
    REQUIRE(import(f.replica(1), bundle).isOk());
    const QByteArray before = f.dump(1);
    const std::int64_t seqBefore = f.replica(1).lastSeq().value();
    const auto again = import(f.replica(1), bundle);
    REQUIRE(again.isOk());
    REQUIRE(again->stored == 0);
    REQUIRE(f.dump(1) == before);
    REQUIRE(f.replica(1).lastSeq().value() == seqBefore);
}

TEST_CASE("Bundle: a bundle cut short is refused and nothing is imported", "[bundle]")
{
    test::SyncFixture f(2);
    for (int i = 0; i < 500; ++i)
        create(f.replica(0), QStringLiteral("văn bản %1").arg(i));
    const QByteArray bundle = write(f.replica(0), std::nullopt);
    for (qsizetype cut : {qsizetype(5), bundle.size() / 3, bundle.size() - 1}) {
        const auto r = import(f.replica(1), bundle.left(cut));
        REQUIRE_FALSE(r.isOk());
        REQUIRE(f.replica(1).documentCount(true).value() == 0);
    }
}

TEST_CASE("Bundle: a damaged byte is refused cleanly", "[bundle]")
{
    test::SyncFixture f(2);
    for (int i = 0; i < 50; ++i)
        create(f.replica(0), QStringLiteral("văn bản %1").arg(i));
    QByteArray bundle = write(f.replica(0), std::nullopt);
    bundle[bundle.size() / 2] = static_cast<char>(bundle[bundle.size() / 2] ^ 0x5a);
    const auto r = import(f.replica(1), bundle);
    REQUIRE_FALSE(r.isOk());
    REQUIRE(f.replica(1).documentCount(true).value() == 0);
}

TEST_CASE("Bundle: a bundle of another database or of this very replica is refused", "[bundle]")
{
    test::SyncFixture f(1);
    test::SyncFixture other(1);
    create(other.replica(0), QStringLiteral("khác"));
    REQUIRE(import(f.replica(0), write(other.replica(0), std::nullopt)).code() == ErrorCode::InvalidArgument);
    create(f.replica(0), QStringLiteral("của chính mình"));
    REQUIRE(import(f.replica(0), write(f.replica(0), std::nullopt)).code() == ErrorCode::InvalidArgument);
}

TEST_CASE("Any database that can be stored can be replicated: a bundle of 40 documents of 1 MB imports",
          "[bundle][resources]")
{
    // The centre holds 40 documents of about 1 MB of text each (more than one frame may
    // decompress to, together); its bundle splits them over several frames and the district
    // imports every one.
    test::SyncFixture f(2);
    QString body;
    for (int i = 0; body.size() < 1'000'000; ++i)
        body += QStringLiteral("công văn số %1 về việc tổng kết ").arg(i * 7919 % 100'003);
    std::vector<Unid> unids;
    for (int i = 0; i < 40; ++i)
        unids.push_back(create(f.replica(0), QString::number(i) + body));
    const QByteArray bundle = write(f.replica(0), std::nullopt);
    const auto imported = import(f.replica(1), bundle);
    INFO(imported.status().toString().toStdString());
    REQUIRE(imported.isOk());
    for (const Unid& unid : unids)
        REQUIRE(f.replica(1).get(unid).isOk());
}
