// The server as the keeper of the weekly schedule (docs/schedule.md "Who writes what"): an
// insider holding a real user's certificate pushes schedule records and entries by hand
// (HostilePeer.h) over TLS — approving or publishing without the role, in another's name,
// dated ahead, publishing a week not approved, rewriting or deleting a record, deleting or
// silently rewriting an entry of a published week, logging a change without the role or on
// something that is no entry, beyond the bounds. Each is refused and nothing is stored; the
// honest version of the same peer is stored.

#include "common/schedule/Schedule.h"
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

const QString kChief = S("Lê Thị Chánh");   // [ChanhVanPhong]
const QString kLeader = S("Trần Văn Lãnh"); // [LanhDao]
const QString kClerk = S("Phạm Thị Văn");   // [VanPhong]
const QString kCadre = S("Nguyễn Văn Cán"); // Editor, no role
const QString kManager = S("Đỗ Văn Quản");  // Manager, no role
const QString kPublishedWeek = QStringLiteral("2026-W50");
const QString kDraftWeek = QStringLiteral("2026-W51");

QDateTime now()
{
    return QDateTime::currentDateTimeUtc();
}

Document entry(const InstanceId& instance, std::uint64_t counter, const QDate& day, const QString& content)
{
    return forgedDocument(QStringLiteral("LichCongTac"), instance, counter,
                          {Item::dateTime(QStringLiteral("Ngay"), QDateTime(day, QTime(0, 0), Qt::UTC)),
                           Item::text(QStringLiteral("Gio"), QStringLiteral("08:00")),
                           Item::text(QStringLiteral("NoiDung"), content)});
}

Document action(const InstanceId& instance, std::uint64_t counter, const QString& author, const QString& week,
                const QString& word, const QDateTime& when = now())
{
    return forgedDocument(QStringLiteral("DuyetLichTuan"), instance, counter,
                          {Item::text(QStringLiteral("Tuan"), week),
                           Item::text(QStringLiteral("HanhDong"), word),
                           Item::names(QStringLiteral("NguoiThucHien"), ItemType::Names, {fullName(author)}),
                           Item::dateTime(QStringLiteral("ThoiGian"), when)});
}

Document change(const InstanceId& instance, std::uint64_t counter, const Unid& parent, const QString& author,
                const QString& kind = S("Thay đổi"), const QString& reason = S("Đổi giờ họp"))
{
    Document doc = forgedDocument(
        QStringLiteral("ThayDoiLich"), instance, counter,
        {Item::text(QStringLiteral("LoaiThayDoi"), kind), Item::text(QStringLiteral("LyDo"), reason),
         Item::names(QStringLiteral("NguoiThayDoi"), ItemType::Names, {fullName(author)}),
         Item::dateTime(QStringLiteral("ThoiGian"), now())});
    doc.parent = parent;
    return doc;
}

// `stored` edited by `instance`: each of `items` set with a newer stamp of that edit.
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
    Document published; // an entry of 2026-W50, which is approved and published
    Document draft;     // an entry of 2026-W51, a draft
    Document approval;  // the chief's approval of 2026-W50

    Office() : CalendarOffice(kDb)
    {
        grant(kChief, acl::AccessLevel::Editor, {QStringLiteral("[ChanhVanPhong]")});
        grant(kLeader, acl::AccessLevel::Editor, {QStringLiteral("[LanhDao]")});
        grant(kClerk, acl::AccessLevel::Editor, {QStringLiteral("[VanPhong]")});
        grant(kCadre, acl::AccessLevel::Editor, {});
        grant(kManager, acl::AccessLevel::Manager, {});
        auto store = server();
        auto save = [&store](const DocumentEdit& edit) {
            auto saved = store->save(edit);
            requireOk(saved.status());
            return *saved;
        };
        auto entryEdit = [](const QDate& day, const QString& content) {
            return DocumentEdit::create(QStringLiteral("LichCongTac"))
                .set(Item::dateTime(QStringLiteral("Ngay"), QDateTime(day, QTime(0, 0), Qt::UTC)))
                .set(Item::text(QStringLiteral("Gio"), QStringLiteral("08:00")))
                .set(Item::text(QStringLiteral("NoiDung"), content));
        };
        auto actionEdit = [](const QString& word) {
            return DocumentEdit::create(QStringLiteral("DuyetLichTuan"))
                .set(Item::text(QStringLiteral("Tuan"), kPublishedWeek))
                .set(Item::text(QStringLiteral("HanhDong"), word))
                .set(Item::names(QStringLiteral("NguoiThucHien"), ItemType::Names, {fullName(kChief)}))
                .set(Item::dateTime(QStringLiteral("ThoiGian"), now()));
        };
        published = save(entryEdit(QDate(2026, 12, 8), S("Giao ban Thường trực")));
        draft = save(entryEdit(QDate(2026, 12, 15), S("Hội nghị Ban Chấp hành")));
        approval = save(actionEdit(S("Duyệt")));
        save(actionEdit(S("Công bố")));
    }
};

} // namespace

TEST_CASE("Hostile schedule: only [LanhDao] or [ChanhVanPhong] approves or publishes, in their own name, now",
          "[server][hostile][schedule]")
{
    Office office;
    const InstanceId cadre = newInstanceId();
    const Document byCadre = action(cadre, 1, kCadre, kDraftWeek, S("Duyệt"));
    office.expect(kCadre, cadre, {byCadre}, {byCadre.unid}, QStringLiteral("[ChanhVanPhong]"));
    const InstanceId clerk = newInstanceId();
    const Document byClerk = action(clerk, 1, kClerk, kDraftWeek, S("Duyệt"));
    office.expect(kClerk, clerk, {byClerk}, {byClerk.unid}, QStringLiteral("[LanhDao]"));

    const InstanceId leader = newInstanceId();
    const Document forged = action(leader, 1, kChief, kDraftWeek, S("Duyệt"));
    const Document ahead = action(leader, 2, kLeader, kDraftWeek, S("Duyệt"), now().addDays(1));
    const Document ancient = action(leader, 3, kLeader, kDraftWeek, S("Duyệt"),
                                    QDateTime(QDate(1999, 12, 31), QTime(8, 0), Qt::UTC));
    const Document noSuchWeek = action(leader, 4, kLeader, QStringLiteral("2026-W60"), S("Duyệt"));
    const Document unknownWord = action(leader, 5, kLeader, kDraftWeek, S("Ký"));
    // Publishing a week nobody approved.
    const Document early = action(leader, 6, kLeader, kDraftWeek, S("Công bố"));
    office.expect(kLeader, leader, {forged, ahead, ancient, noSuchWeek, unknownWord, early},
                  {forged.unid, ahead.unid, ancient.unid, noSuchWeek.unid, unknownWord.unid, early.unid});
    for (const Document& bad : {forged, ahead, ancient, noSuchWeek, unknownWord, early})
        CHECK_FALSE(office.stored(bad.unid));

    // Approved, then published: both stored.
    const Document approve = action(leader, 7, kLeader, kDraftWeek, S("Duyệt"));
    office.expect(kLeader, leader, {approve}, {});
    const InstanceId again = newInstanceId();
    const Document publish = action(again, 1, kLeader, kDraftWeek, S("Công bố"));
    office.expect(kLeader, again, {publish}, {});
    CHECK(office.stored(approve.unid));
    CHECK(office.stored(publish.unid));
}

TEST_CASE("Hostile schedule: a record once written is never rewritten, and only a Manager deletes it",
          "[server][hostile][schedule]")
{
    Office office;
    const InstanceId chief = newInstanceId();
    const Document moved =
        edited(office.approval, chief, 1, {Item::text(QStringLiteral("Tuan"), kDraftWeek)});
    office.expect(kChief, chief, {moved}, {moved.unid}, QStringLiteral("never rewritten"));
    const InstanceId again = newInstanceId();
    office.expect(kChief, again, {deleted(office.approval, again)}, {office.approval.unid},
                  QStringLiteral("Manager"));
    CHECK(office.current(office.approval.unid).text(QStringLiteral("Tuan")) == kPublishedWeek);
    const InstanceId manager = newInstanceId();
    office.expect(kManager, manager, {deleted(office.approval, manager)}, {});
    CHECK(office.current(office.approval.unid).isDeleted());
}

TEST_CASE("Hostile schedule: an entry of a published week is never deleted nor silently rewritten",
          "[server][hostile][schedule]")
{
    Office office;
    const InstanceId clerk = newInstanceId();
    // Deleted: refused; cancelled, it is marked instead.
    office.expect(kClerk, clerk, {deleted(office.published, clerk)}, {office.published.unid}, S("Hoãn/Hủy"));
    // Rewritten without a change record, or naming none.
    const Document silent =
        edited(office.published, clerk, 2, {Item::text(QStringLiteral("Gio"), QStringLiteral("09:00"))});
    office.expect(kClerk, clerk, {silent}, {silent.unid}, QStringLiteral("change record"));
    // Naming someone else's record, or a record of another entry.
    const InstanceId chief = newInstanceId();
    const Document chiefs = change(chief, 1, office.published.unid, kChief);
    office.expect(kChief, chief, {chiefs}, {});
    const Document borrowed = edited(office.published, clerk, 3,
                                     {Item::text(QStringLiteral("Gio"), QStringLiteral("09:00")),
                                      Item::text(schedule::changeItemName(chiefs.unid), S("Thay đổi"))});
    office.expect(kClerk, clerk, {borrowed}, {borrowed.unid}, QStringLiteral("user who makes the change"));
    const Document onDraft = change(clerk, 4, office.draft.unid, kClerk);
    const Document elsewhere = edited(office.published, clerk, 5,
                                      {Item::text(QStringLiteral("Gio"), QStringLiteral("09:00")),
                                       Item::text(schedule::changeItemName(onDraft.unid), S("Thay đổi"))});
    office.expect(kClerk, clerk, {onDraft, elsewhere}, {elsewhere.unid}, QStringLiteral("of this entry"));
    CHECK(office.current(office.published.unid).text(QStringLiteral("Gio")) == QStringLiteral("08:00"));

    // A cadre without a role changes nothing in a published week, nor moves an entry into it, nor adds one.
    const InstanceId cadre = newInstanceId();
    const Document cadreEdit =
        edited(office.published, cadre, 1, {Item::text(QStringLiteral("DiaDiem"), S("Phòng họp 2"))});
    const Document movedIn =
        edited(office.draft, cadre, 2,
               {Item::dateTime(QStringLiteral("Ngay"), QDateTime(QDate(2026, 12, 9), QTime(0, 0), Qt::UTC))});
    const Document added = entry(cadre, 3, QDate(2026, 12, 10), S("Họp thêm"));
    office.expect(kCadre, cadre, {cadreEdit, movedIn, added}, {cadreEdit.unid, movedIn.unid, added.unid},
                  QStringLiteral("[VanPhong]"));
    // The draft week is the office's to prepare as it likes.
    const Document draftEdit =
        edited(office.draft, cadre, 4, {Item::text(QStringLiteral("DiaDiem"), S("Hội trường"))});
    office.expect(kCadre, cadre, {draftEdit}, {});

    // The honest change: the record, then the entry naming it, in one push.
    const InstanceId honest = newInstanceId();
    const Document record = change(honest, 1, office.published.unid, kClerk);
    const Document changed = edited(office.published, honest, 2,
                                    {Item::text(QStringLiteral("Gio"), QStringLiteral("09:00")),
                                     Item::text(schedule::changeItemName(record.unid), S("Thay đổi"))});
    office.expect(kClerk, honest, {record, changed}, {});
    CHECK(office.current(office.published.unid).text(QStringLiteral("Gio")) == QStringLiteral("09:00"));
    // The same record does not explain a second change.
    const Document reused = edited(office.current(office.published.unid), honest, 3,
                                   {Item::text(QStringLiteral("Gio"), QStringLiteral("10:00"))});
    office.expect(kClerk, honest, {reused}, {reused.unid}, QStringLiteral("new change record"));
}

TEST_CASE("Hostile schedule: a change record needs the role, its author's name and a live entry; bounds",
          "[server][hostile][schedule]")
{
    Office office;
    const InstanceId cadre = newInstanceId();
    const Document byCadre = change(cadre, 1, office.published.unid, kCadre, S("Hoãn/Hủy"));
    office.expect(kCadre, cadre, {byCadre}, {byCadre.unid}, QStringLiteral("[VanPhong]"));

    const InstanceId clerk = newInstanceId();
    const Document forged = change(clerk, 1, office.published.unid, kChief);
    const Document onApproval = change(clerk, 2, office.approval.unid, kClerk);
    const Document onNothing = change(clerk, 3, newUnid(), kClerk);
    const Document unknownKind = change(clerk, 4, office.published.unid, kClerk, S("Xóa"));
    const Document tooLong =
        change(clerk, 5, office.published.unid, kClerk, S("Thay đổi"), QString(4001, u'x'));
    const Document empty =
        change(clerk, 6, office.published.unid, kClerk, S("Thay đổi"), QStringLiteral(" "));
    const Document cancelled = change(clerk, 7, office.published.unid, kClerk, S("Hoãn/Hủy"), S("Hoãn"));
    office.expect(kClerk, clerk, {forged, onApproval, onNothing, unknownKind, tooLong, empty, cancelled},
                  {forged.unid, onApproval.unid, onNothing.unid, unknownKind.unid, tooLong.unid, empty.unid});
    CHECK(office.stored(cancelled.unid));

    // Entries are bounded whatever their week.
    Document longContent = entry(cadre, 2, QDate(2026, 12, 16), QString(4001, u'x'));
    QStringList many;
    for (int i = 0; i < 101; ++i)
        many << QStringLiteral("Đơn vị %1").arg(i);
    Document crowded = entry(cadre, 3, QDate(2026, 12, 16), S("Hội nghị"));
    Item participants = Item::textList(QStringLiteral("ThanhPhan"), many);
    participants.stamp = crowded.items.front().stamp;
    crowded.putItem(participants);
    Document longPlace = entry(cadre, 4, QDate(2026, 12, 16), S("Hội nghị"));
    Item place = Item::text(QStringLiteral("DiaDiem"), QString(501, u'p'));
    place.stamp = longPlace.items.front().stamp;
    longPlace.putItem(place);
    office.expect(kCadre, cadre, {longContent, crowded, longPlace},
                  {longContent.unid, crowded.unid, longPlace.unid}, QStringLiteral("than"));
}
