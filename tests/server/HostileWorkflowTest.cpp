// The server as the keeper of the processing record (docs/workflow.md "Who writes what"): an
// insider holding a real user's certificate pushes processing steps by hand (HostilePeer.h)
// over TLS — without the role, in another's name, dated ahead, as lead when named to
// co-ordinate, rewriting or deleting a step, beyond the bounds. Each is refused and nothing is
// stored, whatever the client's own checks would have stopped; the honest step of the same
// peer is stored.

#include "common/workflow/Steps.h"
#include "tests/server/HostilePeer.h"
#include "tests/server/RequireOk.h"
#include "tests/server/ServerFixture.h"

#include <QTimeZone>

#include <catch2/catch.hpp>

using namespace sen;
using namespace sen::test;

namespace {

const QString kDb = QStringLiteral("vanban");

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

QString fullName(const QString& name)
{
    return name + QStringLiteral("/VPTU/HaNoi");
}

const QString kLeader = S("Lê Văn Lãnh");
const QString kHead = S("Trần Văn Trưởng");
const QString kClerk = S("Phạm Thị Thư");
const QString kAn = S("Nguyễn Văn An");
const QString kBinh = S("Trần Thị Bình");

struct Office
{
    ServerFixture f;
    ReplicaInfo info;
    Document letter; // a registered incoming document on the server
    Document slip;   // the leader's direction: An leads, Bình co-ordinates, [ChuyenVien] too

    Office()
    {
        info = f.createDatabase(kDb, acl::AccessLevel::NoAccess);
        grant(kLeader, acl::AccessLevel::Editor, {QStringLiteral("[LanhDao]")});
        grant(kHead, acl::AccessLevel::Editor, {QStringLiteral("[TruongPhong]")});
        grant(kClerk, acl::AccessLevel::Editor, {QStringLiteral("[VanThu]")});
        grant(kAn, acl::AccessLevel::Author, {});
        grant(kBinh, acl::AccessLevel::Author, {QStringLiteral("[ChuyenVien]")});
        auto store = server();
        auto saved = store->save(DocumentEdit::create(QStringLiteral("VanBanDen"))
                                     .set(Item::text(QStringLiteral("TrichYeu"), S("Về việc tổng kết năm"))));
        requireOk(saved.status());
        letter = *saved;
        auto direction = store->save(
            DocumentEdit::create(QStringLiteral("PhieuXuLy"), letter.unid)
                .set(Item::text(QStringLiteral("CapYKien"), S("Lãnh đạo cơ quan")))
                .set(Item::names(QStringLiteral("NguoiGiao"), ItemType::Names, {fullName(kLeader)}))
                .set(Item::dateTime(QStringLiteral("NgayGiao"), QDateTime::currentDateTimeUtc()))
                .set(Item::text(QStringLiteral("NoiDungChiDao"), S("An chủ trì, Bình phối hợp")))
                .set(Item::names(QStringLiteral("NguoiXuLy"), ItemType::Names, {fullName(kAn)}))
                .set(Item::names(QStringLiteral("NguoiPhoiHop"), ItemType::Names,
                                 {fullName(kBinh), QStringLiteral("[ChuyenVien]")})));
        requireOk(direction.status());
        slip = *direction;
    }

    void grant(const QString& name, acl::AccessLevel level, const QStringList& roles)
    {
        acl::AclEntry entry = acl::AclEntry::make(fullName(name), level);
        entry.rights |= acl::CreateDocuments | acl::DeleteDocuments;
        entry.roles = roles;
        f.setEntry(kDb, entry);
    }

    std::unique_ptr<ReplicaStore> server()
    {
        auto store = ReplicaStore::open(f.serverPath(kDb));
        REQUIRE(store.isOk());
        return std::move(store).value();
    }

    std::unique_ptr<HostilePeer> connect(const QString& name, const InstanceId& instance,
                                         std::uint64_t counter)
    {
        auto peer = std::make_unique<HostilePeer>(f.port(), f.user(name));
        REQUIRE(peer->isConnected());
        requireOk(peer->hello(kDb, info.replicaId, fullName(name), instance, counter).status());
        return peer;
    }

    bool stored(const Unid& unid) { return server()->find(unid)->has_value(); }

    // Pushes `docs` as `name` from `instance` and checks the refusals: every one of `refused` (by UNID), no
    // other.
    void expect(const QString& name, const InstanceId& instance, const std::vector<Document>& docs,
                const std::vector<Unid>& refused, const QString& reason = {})
    {
        std::uint64_t counter = 1;
        for (const Document& doc : docs)
            counter = std::max(counter, doc.versions.get(instance));
        auto peer = connect(name, instance, counter);
        auto ack = peer->push(docs, 1, true);
        requireOk(ack.status());
        std::vector<Unid> got;
        for (const auto& refusal : ack->refused) {
            INFO(refusal.message.toStdString());
            got.push_back(refusal.unid);
            if (!reason.isEmpty())
                CHECK(refusal.message.contains(reason));
        }
        CHECK(got.size() == refused.size());
        for (const Unid& unid : refused)
            CHECK(std::find(got.begin(), got.end(), unid) != got.end());
    }
};

// `doc` with `item` set by the same edit as its other items (a peer's version is stamped whole).
void put(Document& doc, Item item)
{
    item.stamp = doc.items.front().stamp;
    doc.putItem(std::move(item));
}

QDateTime now()
{
    return QDateTime::currentDateTimeUtc();
}

Document step(const QString& form, const Unid& parent, const InstanceId& instance, std::uint64_t counter,
              std::vector<Item> items)
{
    Document doc = forgedDocument(form, instance, counter, std::move(items));
    doc.parent = parent;
    return doc;
}

Document direction(const Unid& parent, const InstanceId& instance, std::uint64_t counter,
                   const QString& author, const QString& level, const QDateTime& when = now(),
                   const QString& text = S("Giao xử lý"))
{
    return step(QStringLiteral("PhieuXuLy"), parent, instance, counter,
                {Item::text(QStringLiteral("CapYKien"), level),
                 Item::names(QStringLiteral("NguoiGiao"), ItemType::Names, {fullName(author)}),
                 Item::dateTime(QStringLiteral("NgayGiao"), when),
                 Item::text(QStringLiteral("NoiDungChiDao"), text),
                 Item::names(QStringLiteral("NguoiXuLy"), ItemType::Names, {fullName(kAn)})});
}

Document report(const Unid& parent, const InstanceId& instance, std::uint64_t counter, const QString& author,
                const QString& part, const QString& text = S("Đã xong"))
{
    return step(QStringLiteral("BaoCaoXuLy"), parent, instance, counter,
                {Item::names(QStringLiteral("NguoiBaoCao"), ItemType::Names, {fullName(author)}),
                 Item::dateTime(QStringLiteral("ThoiGian"), now()),
                 Item::text(QStringLiteral("TrangThai"), S("Hoàn thành")),
                 Item::text(QStringLiteral("VaiTro"), part), Item::text(QStringLiteral("NoiDung"), text)});
}

const QString kAgency = S("Lãnh đạo cơ quan");
const QString kUnit = S("Lãnh đạo đơn vị");

} // namespace

TEST_CASE("Hostile workflow: a direction needs its level's role and its author's own name",
          "[server][hostile]")
{
    Office office;
    const InstanceId head = newInstanceId();
    // The unit head may give a level-2 opinion, not the agency leader's.
    const Document asLeader = direction(office.letter.unid, head, 1, kHead, kAgency);
    const Document asHead = direction(office.letter.unid, head, 2, kHead, kUnit);
    office.expect(kHead, head, {asLeader, asHead}, {asLeader.unid}, QStringLiteral("[LanhDao]"));
    CHECK(office.stored(asHead.unid));
    CHECK_FALSE(office.stored(asLeader.unid));

    // An Author cadre with no role directs nothing; the clerk neither.
    const InstanceId an = newInstanceId();
    const Document byAn = direction(office.letter.unid, an, 1, kAn, kUnit);
    office.expect(kAn, an, {byAn}, {byAn.unid}, QStringLiteral("role"));
    const InstanceId clerk = newInstanceId();
    const Document byClerk = direction(office.letter.unid, clerk, 1, kClerk, kAgency);
    office.expect(kClerk, clerk, {byClerk}, {byClerk.unid}, QStringLiteral("role"));

    // The leader writes in his own name only, at the server's time, not before 2000.
    const InstanceId leader = newInstanceId();
    const Document forged = direction(office.letter.unid, leader, 1, kHead, kAgency);
    const Document ahead = direction(office.letter.unid, leader, 2, kLeader, kAgency, now().addDays(1));
    const Document ancient = direction(office.letter.unid, leader, 3, kLeader, kAgency,
                                       QDateTime(QDate(1999, 12, 31), QTime(8, 0), Qt::UTC));
    const Document honest = direction(office.letter.unid, leader, 4, kLeader, kAgency);
    office.expect(kLeader, leader, {forged, ahead, ancient, honest}, {forged.unid, ahead.unid, ancient.unid});
    CHECK(office.stored(honest.unid));
    for (const Document& bad : {forged, ahead, ancient})
        CHECK_FALSE(office.stored(bad.unid));
}

TEST_CASE("Hostile workflow: a direction answers an incoming document; a level-2 one names a direction of it",
          "[server][hostile]")
{
    Office office;
    const InstanceId leader = newInstanceId();
    const Document onSlip = direction(office.slip.unid, leader, 1, kLeader, kAgency);
    const Document onNothing = direction(newUnid(), leader, 2, kLeader, kAgency);
    Document bounded = direction(office.letter.unid, leader, 3, kLeader, kAgency, now(), QString(4001, u'x'));
    QStringList many;
    for (int i = 0; i < 51; ++i)
        many << fullName(QStringLiteral("Cán bộ %1").arg(i));
    Document crowded = direction(office.letter.unid, leader, 4, kLeader, kAgency);
    put(crowded, Item::names(QStringLiteral("NguoiPhoiHop"), ItemType::Names, many));
    office.expect(kLeader, leader, {onSlip, onNothing, bounded, crowded},
                  {onSlip.unid, onNothing.unid, bounded.unid, crowded.unid});

    const InstanceId head = newInstanceId();
    Document elsewhere = direction(office.letter.unid, head, 1, kHead, kUnit);
    put(elsewhere, Item::text(QStringLiteral("GiaoTu"), newUnid().toHex()));
    Document carried = direction(office.letter.unid, head, 2, kHead, kUnit);
    put(carried, Item::text(QStringLiteral("GiaoTu"), office.slip.unid.toHex()));
    office.expect(kHead, head, {elsewhere, carried}, {elsewhere.unid});
    CHECK(office.stored(carried.unid));
}

TEST_CASE("Hostile workflow: only those a direction names report on it, each in their part",
          "[server][hostile]")
{
    Office office;
    const InstanceId binh = newInstanceId();
    // Bình co-ordinates (by name and through the role [ChuyenVien]): not the lead.
    const Document asLead = report(office.slip.unid, binh, 1, kBinh, S("Chủ trì"));
    const Document asPartner = report(office.slip.unid, binh, 2, kBinh, S("Phối hợp"));
    const Document onLetter = report(office.letter.unid, binh, 3, kBinh, S("Phối hợp"));
    office.expect(kBinh, binh, {asLead, asPartner, onLetter}, {asLead.unid, onLetter.unid});
    CHECK(office.stored(asPartner.unid));

    // The clerk, an Editor whom the direction does not name, may not report on it.
    const InstanceId clerk = newInstanceId();
    const Document meddling = report(office.slip.unid, clerk, 1, kClerk, S("Chủ trì"));
    office.expect(kClerk, clerk, {meddling}, {meddling.unid}, QStringLiteral("lead"));

    // A malformed status is refused whoever sends it.
    const InstanceId an = newInstanceId();
    Document unknown = report(office.slip.unid, an, 1, kAn, S("Chủ trì"));
    put(unknown, Item::text(QStringLiteral("TrangThai"), S("Xong rồi")));
    const Document lead = report(office.slip.unid, an, 2, kAn, S("Chủ trì"));
    office.expect(kAn, an, {unknown, lead}, {unknown.unid});
    CHECK(office.stored(lead.unid));
}

TEST_CASE("Hostile workflow: a step once given is never rewritten, and only a Manager deletes it",
          "[server][hostile]")
{
    Office office;
    const InstanceId leader = newInstanceId();
    // The leader tries to change his own direction, then to delete it (he may delete documents).
    Document rewritten = office.slip;
    rewritten.versions.set(leader, 1);
    for (Item& item : rewritten.items)
        if (item.name == QStringLiteral("NoiDungChiDao")) {
            item.value = QCborValue(S("Thay đổi chỉ đạo"));
            item.stamp = Stamp{Dot{leader, 1}, makeHlc(QDateTime::currentMSecsSinceEpoch() + 1, 0)};
        }
    office.expect(kLeader, leader, {rewritten}, {rewritten.unid}, QStringLiteral("never rewritten"));
    const InstanceId again = newInstanceId();
    Document removed = office.slip;
    removed.versions.set(again, 1);
    removed.flags |= Deleted;
    removed.items.clear();
    office.expect(kLeader, again, {removed}, {removed.unid}, QStringLiteral("Manager"));
    const Document kept = *office.server()->get(office.slip.unid);
    CHECK_FALSE(kept.isDeleted());
    CHECK(kept.text(QStringLiteral("NoiDungChiDao")) == S("An chủ trì, Bình phối hợp"));
}

TEST_CASE("Hostile workflow: only a holder of [VanThu] presents a document", "[server][hostile]")
{
    Office office;
    auto presentation = [&](const InstanceId& instance, std::uint64_t counter, const QString& author) {
        return step(
            QStringLiteral("TrinhVanBan"), office.letter.unid, instance, counter,
            {Item::names(QStringLiteral("NguoiTrinh"), ItemType::Names, {fullName(author)}),
             Item::dateTime(QStringLiteral("ThoiGian"), now()),
             Item::names(QStringLiteral("TrinhCho"), ItemType::Names, {QStringLiteral("[LanhDao]")})});
    };
    const InstanceId head = newInstanceId();
    const Document byHead = presentation(head, 1, kHead);
    office.expect(kHead, head, {byHead}, {byHead.unid}, QStringLiteral("[VanThu]"));
    const InstanceId clerk = newInstanceId();
    const Document byClerk = presentation(clerk, 1, kClerk);
    office.expect(kClerk, clerk, {byClerk}, {});
    CHECK(office.stored(byClerk.unid));
}
