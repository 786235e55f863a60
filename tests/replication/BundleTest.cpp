// Bundles: the exchange carried in a file to an office with no link, imported there and
// answered with a return bundle.

#include "replication/bundle/Bundle.h"

#include "common/attachments/AttachmentStore.h"
#include "common/crypto/Sha256.h"
#include "common/identity/CertificateInfo.h"
#include "replication/protocol/Frame.h"
#include "tests/replication/BundleIds.h"
#include "tests/replication/SyncFixture.h"

#include <QBuffer>
#include <QCborArray>
#include <QFile>

#include <catch2/catch.hpp>
#include <functional>

using namespace sen;

namespace {

// Both sides are of one organisation; the centre writes as its server, the district as a user.
test::BundleIds& ids()
{
    static test::BundleIds shared;
    return shared;
}

QByteArray write(ReplicaStore& store, const std::optional<InstanceId>& recipient,
                 const identity::Credentials& signer = ids().office)
{
    BundleWriteOptions options;
    options.recipient = recipient;
    return test::writeSigned(store, signer, options);
}

Result<BundleInfo> import(ReplicaStore& store, const QByteArray& bytes)
{
    return test::importSigned(store, bytes, ids().trust());
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

namespace {

// The bundle's frames written again after `change` edited them, with a correct digest but
// the original signature: what someone without the signer's key can make of a bundle.
QByteArray reforged(const QByteArray& bundle,
                    const std::function<void(std::vector<protocol::Frame>&)>& change)
{
    protocol::FrameDecoder decoder;
    REQUIRE(decoder.feed(bundle).isOk());
    std::vector<protocol::Frame> frames;
    while (auto frame = decoder.next())
        frames.push_back(std::move(*frame));
    REQUIRE(frames.size() >= 2);
    QCborArray end = QCborValue::fromCbor(frames.back().payload).toArray();
    frames.pop_back();
    change(frames);
    protocol::FrameEncoder encoder;
    QByteArray out;
    for (const protocol::Frame& frame : frames)
        out += encoder.encode(frame.type, 0, frame.payload, true);
    end[3] = crypto::Sha256::hash(out).toBytes();
    return out + encoder.encode(protocol::MessageType::BundleEnd, 0, end.toCborValue().toCbor(), true);
}

} // namespace

TEST_CASE("Bad bundle: a document changed after signing, the digest made to match, is refused as altered",
          "[bundle][signature]")
{
    // Someone edits a document in the district's bundle on the way and fixes the checksum; the
    // signature no longer matches and the centre imports nothing.
    test::SyncFixture f(2);
    create(f.replica(0), QStringLiteral("báo cáo thật"));
    const QByteArray altered =
        reforged(write(f.replica(0), std::nullopt), [](std::vector<protocol::Frame>& frames) {
            QByteArray& docs = frames[1].payload;
            const qsizetype at = docs.indexOf(QStringLiteral("thật").toUtf8());
            REQUIRE(at > 0);
            docs.replace(at, QStringLiteral("thật").toUtf8().size(), QStringLiteral("giả!").toUtf8());
        });
    const auto r = import(f.replica(1), altered);
    REQUIRE(r.code() == ErrorCode::PermissionDenied);
    REQUIRE(r.message().contains(QStringLiteral("signature does not match")));
    REQUIRE(f.replica(1).documentCount(true).value() == 0);
}

TEST_CASE("Bad bundle: another ID's certificate put in the header is refused as altered",
          "[bundle][signature]")
{
    // The bundle claims to come from the centre's server; the signature is the district's.
    test::SyncFixture f(2);
    create(f.replica(0), QStringLiteral("một"));
    const QByteArray swapped =
        reforged(write(f.replica(0), std::nullopt), [](std::vector<protocol::Frame>& frames) {
            QCborArray header = QCborValue::fromCbor(frames[0].payload).toArray();
            header[9] = ids().centre.leafDer();
            frames[0].payload = header.toCborValue().toCbor();
        });
    const auto r = import(f.replica(1), swapped);
    REQUIRE(r.code() == ErrorCode::PermissionDenied);
    REQUIRE(f.replica(1).documentCount(true).value() == 0);
}

TEST_CASE("Bad bundle: one signed by a revoked ID is refused", "[bundle][signature]")
{
    // The district's ID is revoked (a stolen laptop); its bundle is refused, naming why.
    test::SyncFixture f(2);
    test::BundleIds own;
    const identity::Credentials stolen =
        test::BundleIds::issue(own.certifier, QStringLiteral("Lê Văn C/VPTU/HaNoi"));
    create(f.replica(0), QStringLiteral("một"));
    const QByteArray bundle = test::writeSigned(f.replica(0), stolen);
    REQUIRE(test::importSigned(f.replica(1), bundle, own.trust()).isOk());

    test::SyncFixture g(2);
    create(g.replica(0), QStringLiteral("hai"));
    const QByteArray later = test::writeSigned(g.replica(0), stolen);
    const auto info = identity::CertificateInfo::fromDer(stolen.leafDer());
    REQUIRE(info.isOk());
    REQUIRE(own.certifier.revoke(info->serialHex).isOk());
    const auto r = test::importSigned(g.replica(1), later, own.trust());
    REQUIRE(r.code() == ErrorCode::PermissionDenied);
    REQUIRE(r.message().contains(QStringLiteral("revoked")));
    REQUIRE(g.replica(1).documentCount(true).value() == 0);
}

TEST_CASE("Bad bundle: one signed by another organisation's ID is refused", "[bundle][signature]")
{
    // A bundle made with an ID of another certifier, however well formed, is nobody's here.
    test::SyncFixture f(2);
    identity::Certifier foreign = test::bundleCertifier(QStringLiteral("Other/Org"));
    const identity::Credentials stranger =
        test::BundleIds::issue(foreign, QStringLiteral("Trần Văn D/Other/Org"));
    create(f.replica(0), QStringLiteral("một"));
    const auto r = import(f.replica(1), test::writeSigned(f.replica(0), stranger));
    REQUIRE(r.code() == ErrorCode::PermissionDenied);
    REQUIRE(f.replica(1).documentCount(true).value() == 0);
}

TEST_CASE("Bad bundle: an office refuses an answer that carries no revocation list", "[bundle][signature]")
{
    // An office has no CRL of its own: it believes a signer only with the certifier's CRL the
    // server puts in its answer.
    test::SyncFixture f(2);
    create(f.replica(0), QStringLiteral("một"));
    BundleTrust office;
    office.certifierDer = ids().certifier.certificateDer();
    const auto bare =
        test::importSigned(f.replica(1), write(f.replica(0), std::nullopt, ids().centre), office);
    REQUIRE(bare.code() == ErrorCode::PermissionDenied);
    BundleWriteOptions options;
    options.crlDer = ids().crl();
    const auto carried =
        test::importSigned(f.replica(1), test::writeSigned(f.replica(0), ids().centre, options), office);
    INFO(carried.status().toString().toStdString());
    REQUIRE(carried.isOk());
    REQUIRE(carried->signer == QStringLiteral("sen01/VPTU/HaNoi"));
    REQUIRE(carried->stored == 1);
}

TEST_CASE("Bad bundle: one from a restored backup of the author's replica is refused as stale", "[bundle]")
{
    // The district backs its replica up, sends two bundles' worth of edits, then restores the
    // backup: its next bundle declares a counter behind what the centre already received, so
    // it is refused (its new edits would reuse dots), as a session's HELLO would be.
    test::SyncFixture f(2);
    create(f.replica(0), QStringLiteral("trước sao lưu"));
    const QString backup = f.path(0) + QStringLiteral(".bak");
    f.backup(0, backup);
    create(f.replica(0), QStringLiteral("sau sao lưu 1"));
    create(f.replica(0), QStringLiteral("sau sao lưu 2"));
    REQUIRE(import(f.replica(1), write(f.replica(0), std::nullopt)).isOk());

    f.restore(0, backup);
    create(f.replica(0), QStringLiteral("sửa trên bản khôi phục"));
    const auto r = import(f.replica(1), write(f.replica(0), f.replica(1).info().instanceId));
    REQUIRE(r.code() == ErrorCode::StaleInstance);
    REQUIRE(f.replica(1).documentCount(true).value() == 3);
}
