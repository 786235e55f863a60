// The secrecy rule fails closed (issue #11, point 13): each way a classified body used to get
// past the server — a version that merges with the stored one into a classified body, a spelling the rule did
// not know, a DoMat of another type, body text in a names item, an unbounded register field, a response under
// a classified document — is pushed by an insider with a real certificate, and the server stores none of
// them.

#include "common/acl/SecrecyRule.h"
#include "common/crypto/Sha256.h"
#include "common/model/AttachmentRef.h"
#include "tests/server/HostilePeer.h"
#include "tests/server/RequireOk.h"
#include "tests/server/ServerFixture.h"

#include <catch2/catch.hpp>

using namespace sen;
using namespace sen::test;

namespace {

const QString kDb = QStringLiteral("vanban");
const QString kAn = QStringLiteral("Nguyễn Văn An/VPTU/HaNoi");
const QString kForm = QStringLiteral("VanBanDen");

Item text(const char* name, const QString& value)
{
    return Item::text(QString::fromUtf8(name), value);
}

// The body removed: a tombstone of NoiDung.
Item removedBody()
{
    Item item = Item::richText(QStringLiteral("NoiDung"), QString());
    item.value = QCborValue();
    return item;
}

Item body()
{
    return Item::richText(QStringLiteral("NoiDung"), QStringLiteral("<p>Toàn văn kế hoạch tác chiến</p>"));
}

// An Editor's hostile session on a fresh database: pushes `docs` in one batch and returns
// the server's refusals (UNIDs).
struct Insider
{
    ServerFixture f;
    ReplicaInfo info = f.createDatabase(kDb);
    InstanceId instance = newInstanceId();
    HostilePeer peer{f.port(), f.user(QStringLiteral("Nguyễn Văn An"))};
    std::uint64_t counter = 0;

    Insider() { requireOk(peer.hello(kDb, info.replicaId, kAn, instance, 1000).status()); }

    Document forge(std::vector<Item> items)
    {
        return forgedDocument(kForm, instance, ++counter, std::move(items));
    }

    std::vector<Unid> push(const std::vector<Document>& docs, std::uint32_t batch = 1, bool final = true)
    {
        auto ack = peer.push(docs, batch, final);
        requireOk(ack.status());
        std::vector<Unid> refused;
        for (const protocol::Refusal& r : ack->refused) {
            INFO(r.message.toStdString());
            CHECK(r.code == ErrorCode::PermissionDenied);
            refused.push_back(r.unid);
        }
        return refused;
    }

    std::optional<Document> serverVersion(const Unid& unid)
    {
        auto server = ReplicaStore::open(f.serverPath(kDb));
        requireOk(server.status());
        auto doc = (*server)->find(unid);
        requireOk(doc.status());
        return *doc;
    }

    bool serverHolds(const Unid& unid) { return serverVersion(unid).has_value(); }

    std::vector<Document> serverResponses(const Unid& unid)
    {
        auto server = ReplicaStore::open(f.serverPath(kDb));
        requireOk(server.status());
        auto responses = (*server)->responses(unid);
        requireOk(responses.status());
        return *responses;
    }
};

bool contains(const std::vector<Unid>& unids, const Unid& unid)
{
    return std::find(unids.begin(), unids.end(), unid) != unids.end();
}

} // namespace

TEST_CASE("Hostile peer: body text in a names item of a classified document is refused",
          "[server][hostile][secrecy]")
{
    // A Mật register entry carries the body as the "names" of a Names item; an honest Mật
    // entry beside it, with real names, is stored.
    Insider s;
    const Document honest =
        s.forge({text("DoMat", QStringLiteral("Mật")), text("TrichYeu", QStringLiteral("V/v kế hoạch")),
                 Item::names(QStringLiteral("NguoiNhan"), ItemType::Names,
                             {kAn, QStringLiteral("[VanThu]"), QStringLiteral("*/VPTU/HaNoi")})});
    const Document smuggled = s.forge(
        {text("DoMat", QStringLiteral("Mật")), text("TrichYeu", QStringLiteral("V/v kế hoạch")),
         Item::names(QStringLiteral("GhiChuNguoiNhan"), ItemType::Names,
                     {QStringLiteral("Toàn văn: lực lượng tập kết tại điểm A lúc 5 giờ sáng ngày 12, sau đó "
                                     "hành quân về điểm B theo đường số 3")})});
    const auto refused = s.push({honest, smuggled});
    REQUIRE(refused.size() == 1);
    REQUIRE(refused.front() == smuggled.unid);
    REQUIRE(s.serverHolds(honest.unid));
    REQUIRE_FALSE(s.serverHolds(smuggled.unid));
}

TEST_CASE("Hostile peer: a 200 KB trích yếu on a classified document is refused",
          "[server][hostile][secrecy]")
{
    // A Tối mật register entry whose trích yếu is the whole document (Phụ lục VI allows 500
    // characters).
    Insider s;
    const Document doc =
        s.forge({text("DoMat", QStringLiteral("Tối mật")), text("TrichYeu", QString(200 * 1024, u'x'))});
    REQUIRE(s.push({doc}) == std::vector<Unid>{doc.unid});
    REQUIRE_FALSE(s.serverHolds(doc.unid));
}

TEST_CASE("Hostile peer: \"Mật\" followed by a zero-width space does not make a classified body unclassified",
          "[server][hostile][secrecy]")
{
    // DoMat "Mật" + U+200B looks like Mật to every reader but used to escape the rule.
    Insider s;
    const Document doc = s.forge({text("DoMat", QStringLiteral("Mật") + QChar(0x200B)), body()});
    REQUIRE(s.push({doc}) == std::vector<Unid>{doc.unid});
    REQUIRE_FALSE(s.serverHolds(doc.unid));
}

TEST_CASE("Hostile peer: a DoMat item of type names is refused", "[server][hostile][secrecy]")
{
    // The classification is written as a Names item, which the rule used to skip.
    Insider s;
    const Document doc =
        s.forge({Item::names(QStringLiteral("DoMat"), ItemType::Names, {QStringLiteral("Mật")}), body()});
    REQUIRE(s.push({doc}) == std::vector<Unid>{doc.unid});
    REQUIRE_FALSE(s.serverHolds(doc.unid));
}

TEST_CASE("Hostile peer: DoMat \"Mật.\" with a body is refused", "[server][hostile][secrecy]")
{
    // A spelling the rule does not know ("Mật." with a full stop) is refused, not taken for
    // unclassified; an ordinary "Thường" document with a body is stored.
    Insider s;
    const Document odd = s.forge({text("DoMat", QStringLiteral("Mật.")), body()});
    const Document ordinary = s.forge({text("DoMat", QStringLiteral("Thường")), body()});
    REQUIRE(s.push({odd, ordinary}) == std::vector<Unid>{odd.unid});
    REQUIRE_FALSE(s.serverHolds(odd.unid));
    REQUIRE(s.serverHolds(ordinary.unid));
}

TEST_CASE("Hostile peer: a comment with an attachment under a Tối mật document is refused",
          "[server][hostile][secrecy]")
{
    // A Tối mật register entry is stored; a response under it carrying an attachment (and
    // one carrying a body) is refused, while a plain register-field comment is stored.
    Insider s;
    const Document entry =
        s.forge({text("DoMat", QStringLiteral("Tối mật")), text("TrichYeu", QStringLiteral("V/v kế hoạch"))});
    REQUIRE(s.push({entry}, 1, false).empty());

    const QByteArray bytes(4096, 'k');
    AttachmentRef ref;
    ref.fileName = QStringLiteral("ke-hoach.pdf");
    ref.size = static_cast<std::uint64_t>(bytes.size());
    ref.sha256 = crypto::Sha256::hash(bytes);
    ref.chunks.push_back({crypto::Sha256::hash(bytes), static_cast<std::uint32_t>(bytes.size())});
    Document attached = s.forge(
        {Item::withValue(QStringLiteral("$File:ke-hoach.pdf"), ItemType::Attachment, ref.toCbor(), 0)});
    attached.form = QStringLiteral("YKien");
    attached.parent = entry.unid;
    Document withBody = s.forge({body()});
    withBody.form = QStringLiteral("YKien");
    withBody.parent = entry.unid;
    Document plain = s.forge({text("TrangThai", QStringLiteral("Đã xử lý"))});
    plain.form = QStringLiteral("YKien");
    plain.parent = entry.unid;

    const auto refused = s.push({attached, withBody, plain}, 2, true);
    REQUIRE(refused.size() == 2);
    REQUIRE(contains(refused, attached.unid));
    REQUIRE(contains(refused, withBody.unid));
    REQUIRE_FALSE(s.serverHolds(attached.unid));
    REQUIRE_FALSE(s.serverHolds(withBody.unid));
    REQUIRE(s.serverHolds(plain.unid));
}

TEST_CASE("Hostile peer: names items of an unclassified document hold only names", "[server][hostile][names]")
{
    // An Editor pushes ordinary documents whose Readers item carries a body of text, whose
    // Authors item names "CN=Quan Tri" and whose Names item lists 501 people: each is refused
    // (InvalidArgument, in the ACK); the same documents with real names are stored.
    Insider in;
    QStringList crowd;
    for (int i = 0; i < acl::kMaxNamesInItem + 1; ++i)
        crowd += QStringLiteral("Cán Bộ %1/VPTU/HaNoi").arg(i);
    const Document bodyInReaders =
        in.forge({text("TrichYeu", QStringLiteral("Kế hoạch")),
                  Item::names(QStringLiteral("DocGia"), ItemType::Readers,
                              {QStringLiteral("Toàn văn kế hoạch:\n1. Triển khai…\n2. Báo cáo…")})});
    const Document labelInAuthors = in.forge({text("TrichYeu", QStringLiteral("Kế hoạch")),
                                              Item::names(QStringLiteral("TacGia"), ItemType::Authors,
                                                          {QStringLiteral("CN=Quan Tri/VPTU/HaNoi")})});
    const Document crowded = in.forge({text("TrichYeu", QStringLiteral("Kế hoạch")),
                                       Item::names(QStringLiteral("NguoiNhan"), ItemType::Names, crowd)});
    const Document honest = in.forge(
        {text("TrichYeu", QStringLiteral("Kế hoạch")),
         Item::names(QStringLiteral("DocGia"), ItemType::Readers, {kAn, QStringLiteral("[LanhDao]")}),
         Item::names(QStringLiteral("NguoiNhan"), ItemType::Names, {QStringLiteral("*/VPTU/HaNoi")})});

    auto ack = in.peer.push({bodyInReaders, labelInAuthors, crowded, honest});
    requireOk(ack.status());
    std::vector<Unid> refused;
    for (const protocol::Refusal& r : ack->refused) {
        INFO(r.message.toStdString());
        CHECK(r.code == ErrorCode::InvalidArgument);
        CHECK((r.message.contains(QStringLiteral("which is not a name")) ||
               r.message.contains(QStringLiteral("names (at most"))));
        refused.push_back(r.unid);
    }
    REQUIRE(refused.size() == 3);
    REQUIRE(contains(refused, bodyInReaders.unid));
    REQUIRE(contains(refused, labelInAuthors.unid));
    REQUIRE(contains(refused, crowded.unid));
    REQUIRE_FALSE(in.serverHolds(bodyInReaders.unid));
    REQUIRE(in.serverHolds(honest.unid));
}

namespace {
// The same insider's second computer, which has not received what the first pushed.
struct SecondComputer
{
    InstanceId instance = newInstanceId();
    HostilePeer peer;

    explicit SecondComputer(Insider& s) : peer(s.f.port(), s.f.user(QStringLiteral("Nguyễn Văn An")))
    {
        requireOk(peer.hello(kDb, s.info.replicaId, kAn, instance, 1000).status());
    }

    // A version of `doc` that has not seen the stored one: this computer's first edit, at `time`.
    Document concurrentVersion(const Document& doc, std::vector<Item> items, HlcTime time = 0) const
    {
        Document version = forgedDocument(kForm, instance, 1, std::move(items), time);
        version.unid = doc.unid;
        return version;
    }

    std::vector<protocol::Refusal> push(const Document& doc)
    {
        auto ack = peer.push({doc}, 1, true);
        requireOk(ack.status());
        return ack->refused;
    }
};
} // namespace

TEST_CASE(
    "Hostile peer: a classification concurrent with a stored body does not merge into a classified body",
    "[server][hostile][secrecy][merge]")
{
    // The stored version holds a body. The version from the insider's other computer, made
    // without seeing it, holds only DoMat "Mật": acceptable alone, but merged item by item
    // the server would keep a Mật document with its body.
    Insider s;
    const Document plain = s.forge({text("TrichYeu", QStringLiteral("V/v kế hoạch")), body()});
    REQUIRE(s.push({plain}).empty());
    SecondComputer other(s);
    const auto refused = other.push(other.concurrentVersion(plain, {text("DoMat", QStringLiteral("Mật"))}));
    REQUIRE(refused.size() == 1);
    CHECK(refused.front().unid == plain.unid);
    CHECK(refused.front().code == ErrorCode::PermissionDenied);
    CHECK(refused.front().message.contains(QStringLiteral("merged with the version the server holds")));

    const std::optional<Document> held = s.serverVersion(plain.unid);
    REQUIRE(held);
    CHECK(held->versions == plain.versions);
    CHECK(acl::secrecyOf(*held) == acl::Secrecy::Unclassified);
    CHECK(held->item(QStringLiteral("NoiDung")) != nullptr);
}

TEST_CASE("Hostile peer: a losing version with a body is not kept as a conflict under a classified document",
          "[server][hostile][secrecy][merge]")
{
    // The stored Mật register entry removed its body. The older concurrent version from the
    // insider's other computer says "Thường" and carries the body: it loses both items, so the
    // merged version is a proper register entry — but the conflict document keeping the losing
    // version would put the body under the Mật document.
    Insider s;
    const HlcTime now = makeHlc(QDateTime::currentMSecsSinceEpoch(), 0);
    const Document entry = s.forge({text("DoMat", QStringLiteral("Mật")),
                                    text("TrichYeu", QStringLiteral("V/v kế hoạch")), removedBody()});
    REQUIRE(s.push({entry}).empty());
    SecondComputer other(s);
    const auto refused = other.push(other.concurrentVersion(
        entry, {text("DoMat", QStringLiteral("Thường")), body()}, now - makeHlc(60'000, 0)));
    REQUIRE(refused.size() == 1);
    CHECK(refused.front().unid == entry.unid);
    CHECK(refused.front().message.contains(QStringLiteral("answers a document classified so")));

    const std::optional<Document> held = s.serverVersion(entry.unid);
    REQUIRE(held);
    CHECK(held->versions == entry.versions);
    CHECK(s.serverResponses(entry.unid).empty());

    // A concurrent version that loses without a body is merged and kept as a conflict.
    SecondComputer third(s);
    REQUIRE(third
                .push(third.concurrentVersion(entry, {text("TrichYeu", QStringLiteral("V/v kế hoạch năm"))},
                                              now - makeHlc(60'000, 0)))
                .empty());
    CHECK(s.serverResponses(entry.unid).size() == 1);
}
