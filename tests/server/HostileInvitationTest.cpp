// The server as the keeper of replies to invitations (docs/schedule.md "Invitations"): an
// insider holding a real user's certificate pushes replies (TraLoiMoi) by hand (HostilePeer.h)
// over TLS — in another's name, not invited, for a unit they are not in, to something that is
// no live entry, with an unknown answer, a missing or stray delegate, beyond the bounds, dated
// ahead or before 2000, or rewriting or deleting a reply. Each is
// refused and nothing is stored; the honest replies of invitees (by name, through a group, a
// role, for their unit) are stored, and so is a reply to a cancelled entry.

#include "common/schedule/Invitation.h"
#include "tests/server/CalendarOffice.h"
#include "tests/server/HostilePeer.h"
#include "tests/server/RequireOk.h"
#include "tests/server/ServerFixture.h"

#include <catch2/catch.hpp>

using namespace sen;
using namespace sen::test;

namespace {

const QString kDb = QStringLiteral("lich");

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

QString fullName(const QString& name)
{
    return calendarUser(name);
}

const QString kClerk = S("Phạm Thị Văn");     // [VanPhong]: organises
const QString kLeader = S("Trần Văn Lãnh");   // [LanhDao]: invited through the role
const QString kInvitee = S("Nguyễn Văn Mời"); // invited by name
const QString kMember = S("Lê Thị Tổ");       // in the group "Phòng Tổng hợp", which is invited
const QString kOutsider = S("Hoàng Văn Ngoài");
const QString kManager = S("Đỗ Văn Quản"); // Manager, not invited
const QString kUnit = S("Phòng Tổng hợp");
const QString kOutsideBody = S("Đại diện Sở Tài chính");

QDateTime now()
{
    return QDateTime::currentDateTimeUtc();
}

Document reply(const InstanceId& instance, std::uint64_t counter, const Unid& entry, const QString& author,
               const QString& answer = S("Tham dự"), std::vector<Item> more = {},
               const QDateTime& when = now())
{
    std::vector<Item> items = {
        Item::names(QStringLiteral("NguoiTraLoi"), ItemType::Names, {fullName(author)}),
        Item::text(QStringLiteral("TraLoi"), answer), Item::dateTime(QStringLiteral("ThoiGian"), when)};
    for (Item& item : more)
        items.push_back(std::move(item));
    Document doc = forgedDocument(QStringLiteral("TraLoiMoi"), instance, counter, std::move(items));
    doc.parent = entry;
    return doc;
}

Item delegate(const QString& name)
{
    return Item::names(QStringLiteral("NguoiThay"), ItemType::Names, {name});
}

Item onBehalf(const QString& name)
{
    return Item::text(QStringLiteral("DaiDien"), name);
}

Document edited(Document stored, const InstanceId& instance, std::uint64_t counter, std::vector<Item> items)
{
    stored.versions.set(instance, counter);
    for (Item& item : items) {
        item.stamp = Stamp{Dot{instance, counter}, makeHlc(QDateTime::currentMSecsSinceEpoch() + 1, 0)};
        stored.putItem(std::move(item));
    }
    return stored;
}

Document deleted(Document stored, const InstanceId& instance)
{
    stored.versions.set(instance, 1);
    stored.flags |= Deleted;
    stored.items.clear();
    return stored;
}

struct Office : CalendarOffice
{
    Document meeting;   // invites [LanhDao] (presiding), kInvitee, kUnit; kOutsideBody is free text
    Document cancelled; // invites kInvitee; postponed by a Hoãn/Hủy record
    Document removed;   // a deleted entry that invited kInvitee
    Document record;    // the change record cancelling `cancelled`

    Office() : CalendarOffice(kDb)
    {
        grant(kClerk, acl::AccessLevel::Editor, {QStringLiteral("[VanPhong]")});
        grant(kLeader, acl::AccessLevel::Editor, {QStringLiteral("[LanhDao]")});
        grant(kInvitee, acl::AccessLevel::Editor, {});
        grant(kMember, acl::AccessLevel::Editor, {});
        grant(kOutsider, acl::AccessLevel::Editor, {});
        grant(kManager, acl::AccessLevel::Manager, {});
        f.setGroup(kUnit, {fullName(kMember)});
        auto store = server();
        auto save = [&store](const DocumentEdit& edit) {
            auto saved = store->save(edit);
            requireOk(saved.status());
            return *saved;
        };
        auto entryEdit = [](const QString& content, const QStringList& participants) {
            return DocumentEdit::create(QStringLiteral("LichCongTac"))
                .set(Item::dateTime(QStringLiteral("Ngay"),
                                    QDateTime(QDate(2026, 12, 8), QTime(0, 0), Qt::UTC)))
                .set(Item::text(QStringLiteral("Gio"), QStringLiteral("08:00")))
                .set(Item::text(QStringLiteral("NoiDung"), content))
                .set(Item::text(QStringLiteral("ChuTri"), QStringLiteral("[LanhDao]")))
                .set(Item::textList(QStringLiteral("ThanhPhan"), participants));
        };
        meeting = save(entryEdit(S("Họp giao ban"), {fullName(kInvitee), kUnit, kOutsideBody}));
        cancelled = save(entryEdit(S("Hội nghị sơ kết"), {fullName(kInvitee)}));
        removed = save(entryEdit(S("Họp cũ"), {fullName(kInvitee)}));
        requireOk(store->remove(removed.unid).status());
        record =
            save(DocumentEdit::create(QStringLiteral("ThayDoiLich"), cancelled.unid)
                     .set(Item::text(QStringLiteral("LoaiThayDoi"), S("Hoãn/Hủy")))
                     .set(Item::text(QStringLiteral("LyDo"), S("Hoãn sang tuần sau")))
                     .set(Item::names(QStringLiteral("NguoiThayDoi"), ItemType::Names, {fullName(kClerk)}))
                     .set(Item::dateTime(QStringLiteral("ThoiGian"), now())));
    }
};

} // namespace

TEST_CASE("Hostile invitation: invitees reply by name, through a group, a role, for their unit",
          "[server][hostile][invitation]")
{
    Office office;
    const InstanceId invitee = newInstanceId();
    const Document attend = reply(invitee, 1, office.meeting.unid, kInvitee, S("Tham dự"),
                                  {Item::text(QStringLiteral("GhiChu"), S("Đến muộn 10 phút"))});
    const Document send =
        reply(invitee, 2, office.meeting.unid, kInvitee, S("Cử người thay"), {delegate(fullName(kMember))});
    office.expect(kInvitee, invitee, {attend, send}, {});
    const InstanceId leader = newInstanceId();
    const Document viaRole = reply(leader, 1, office.meeting.unid, kLeader, S("Không tham dự"));
    const Document forRole =
        reply(leader, 2, office.meeting.unid, kLeader, S("Tham dự"), {onBehalf(QStringLiteral("[LanhDao]"))});
    office.expect(kLeader, leader, {viaRole, forRole}, {});
    const InstanceId member = newInstanceId();
    const Document viaGroup = reply(member, 1, office.meeting.unid, kMember);
    const Document forUnit = reply(member, 2, office.meeting.unid, kMember, S("Tham dự"), {onBehalf(kUnit)});
    office.expect(kMember, member, {viaGroup, forUnit}, {});
    for (const Document& doc : {attend, send, viaRole, forRole, viaGroup, forUnit})
        CHECK(office.stored(doc.unid));
}

TEST_CASE("Hostile invitation: only an invitee replies, in their own name, for a unit they are in",
          "[server][hostile][invitation]")
{
    Office office;
    const InstanceId outsider = newInstanceId();
    const Document uninvited = reply(outsider, 1, office.meeting.unid, kOutsider);
    const Document forUnit =
        reply(outsider, 2, office.meeting.unid, kOutsider, S("Tham dự"), {onBehalf(kUnit)});
    // Free text invites nobody, even someone who spells it as a unit.
    const Document forFreeText =
        reply(outsider, 3, office.meeting.unid, kOutsider, S("Tham dự"), {onBehalf(kOutsideBody)});
    office.expect(kOutsider, outsider, {uninvited, forUnit, forFreeText},
                  {uninvited.unid, forUnit.unid, forFreeText.unid});

    const InstanceId invitee = newInstanceId();
    const Document forged = reply(invitee, 1, office.meeting.unid, kLeader);
    const Document forOtherUnit =
        reply(invitee, 2, office.meeting.unid, kInvitee, S("Tham dự"), {onBehalf(kUnit)});
    const Document notALine =
        reply(invitee, 3, office.meeting.unid, kInvitee, S("Tham dự"), {onBehalf(S("Phòng Kế toán"))});
    office.expect(kInvitee, invitee, {forged, forOtherUnit, notALine},
                  {forged.unid, forOtherUnit.unid, notALine.unid});
    // The Manager is not invited either: managing the database is not being asked to the meeting.
    const InstanceId manager = newInstanceId();
    const Document byManager = reply(manager, 1, office.meeting.unid, kManager);
    office.expect(kManager, manager, {byManager}, {byManager.unid}, QStringLiteral("invites"));
}

TEST_CASE("Hostile invitation: a reply answers a live entry, with a known answer and a proper delegate",
          "[server][hostile][invitation]")
{
    Office office;
    const InstanceId invitee = newInstanceId();
    std::uint64_t n = 0;
    Document orphan = reply(invitee, ++n, office.meeting.unid, kInvitee);
    orphan.parent.reset();
    const Document toNothing = reply(invitee, ++n, newUnid(), kInvitee);
    const Document toDeleted = reply(invitee, ++n, office.removed.unid, kInvitee);
    const Document toRecord = reply(invitee, ++n, office.record.unid, kInvitee);
    const Document unknownWord = reply(invitee, ++n, office.meeting.unid, kInvitee, S("Có lẽ"));
    const Document noDelegate = reply(invitee, ++n, office.meeting.unid, kInvitee, S("Cử người thay"));
    const Document strayDelegate =
        reply(invitee, ++n, office.meeting.unid, kInvitee, S("Tham dự"), {delegate(fullName(kMember))});
    const Document roleDelegate = reply(invitee, ++n, office.meeting.unid, kInvitee, S("Cử người thay"),
                                        {delegate(QStringLiteral("[LanhDao]"))});
    const Document twoDelegates = reply(
        invitee, ++n, office.meeting.unid, kInvitee, S("Cử người thay"),
        {Item::names(QStringLiteral("NguoiThay"), ItemType::Names, {fullName(kMember), fullName(kLeader)})});
    const std::vector<Document> bad = {orphan,     toNothing,     toDeleted,    toRecord,    unknownWord,
                                       noDelegate, strayDelegate, roleDelegate, twoDelegates};
    std::vector<Unid> refused;
    for (const Document& doc : bad)
        refused.push_back(doc.unid);
    office.expect(kInvitee, invitee, bad, refused);
}

TEST_CASE("Hostile invitation: bounds on every text and list, and the time", "[server][hostile][invitation]")
{
    Office office;
    const InstanceId invitee = newInstanceId();
    const Unid meeting = office.meeting.unid;
    const Document longNote = reply(invitee, 1, meeting, kInvitee, S("Tham dự"),
                                    {Item::text(QStringLiteral("GhiChu"), QString(1001, u'x'))});
    QStringList many;
    for (int i = 0; i < 101; ++i)
        many << QStringLiteral("x%1").arg(i);
    const Document crowded =
        reply(invitee, 2, meeting, kInvitee, S("Tham dự"), {Item::textList(QStringLiteral("Them"), many)});
    const Document longItem = reply(invitee, 3, meeting, kInvitee, S("Tham dự"),
                                    {Item::text(QStringLiteral("Them"), QString(1001, u'y'))});
    const Document longDelegate = reply(invitee, 4, meeting, kInvitee, S("Cử người thay"),
                                        {delegate(QString(201, u'z') + QStringLiteral("/HaNoi"))});
    const Document ahead = reply(invitee, 5, meeting, kInvitee, S("Tham dự"), {}, now().addSecs(11 * 60));
    const Document ancient = reply(invitee, 6, meeting, kInvitee, S("Tham dự"), {},
                                   QDateTime(QDate(1999, 12, 31), QTime(8, 0), Qt::UTC));
    office.expect(kInvitee, invitee, {longNote, crowded, longItem, longDelegate, ahead, ancient},
                  {longNote.unid, crowded.unid, longItem.unid, longDelegate.unid, ahead.unid, ancient.unid});
    // Just inside the bounds: stored.
    const Document fits =
        reply(invitee, 7, meeting, kInvitee, S("Tham dự"),
              {Item::text(QStringLiteral("GhiChu"), QString(1000, u'x'))}, now().addSecs(9 * 60));
    office.expect(kInvitee, invitee, {fits}, {});
}

TEST_CASE("Hostile invitation: a reply is never rewritten, and only a Manager deletes it",
          "[server][hostile][invitation]")
{
    Office office;
    const InstanceId invitee = newInstanceId();
    const Document answered = reply(invitee, 1, office.meeting.unid, kInvitee, S("Tham dự"));
    office.expect(kInvitee, invitee, {answered}, {});
    const InstanceId again = newInstanceId();
    const Document rewritten =
        edited(answered, again, 1, {Item::text(QStringLiteral("TraLoi"), S("Không tham dự"))});
    office.expect(kInvitee, again, {rewritten}, {answered.unid}, QStringLiteral("never rewritten"));
    // The same version again is no rewrite.
    office.expect(kInvitee, again, {answered}, {});
    const InstanceId third = newInstanceId();
    office.expect(kInvitee, third, {deleted(answered, third)}, {answered.unid}, QStringLiteral("Manager"));
    CHECK(office.current(answered.unid).text(QStringLiteral("TraLoi")) == S("Tham dự"));
    const InstanceId manager = newInstanceId();
    office.expect(kManager, manager, {deleted(answered, manager)}, {});
    CHECK(office.current(answered.unid).isDeleted());
}

TEST_CASE("Hostile invitation: a reply to a postponed or cancelled entry is kept",
          "[server][hostile][invitation]")
{
    // Written offline before the cancellation came, or for an entry a later change reinstates:
    // the reply is stored; the application offers no reply to a cancelled entry.
    Office office;
    const InstanceId invitee = newInstanceId();
    const Document late = reply(invitee, 1, office.cancelled.unid, kInvitee, S("Không tham dự"));
    office.expect(kInvitee, invitee, {late}, {});
    CHECK(office.stored(late.unid));
}
