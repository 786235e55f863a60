// The week as read straight from a replica (common/schedule/WeekView.h), as the server's site
// reads it without the client's application layer: days with their Vietnamese names, Sáng and
// Chiều by time or by Buoi, the week's state from its actions, a cancellation's mark, deleted
// entries and other weeks left out; and the iCalendar written from that reading.

#include "common/schedule/WeekView.h"

#include "common/schedule/ICalendar.h"
#include "common/store/ReplicaStore.h"
#include "tests/support/TempDir.h"

#include <catch2/catch.hpp>

using namespace sen;
using namespace sen::schedule;

namespace {

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

Document mustSave(ReplicaStore& store, const DocumentEdit& edit)
{
    auto saved = store.save(edit);
    INFO(saved.status().toString().toStdString());
    REQUIRE(saved.isOk());
    return std::move(saved).value();
}

DocumentEdit entry(const QDate& day, const QString& time, const QString& content, const QString& session = {})
{
    DocumentEdit edit = DocumentEdit::create(QLatin1String(kEntryForm));
    edit.set(Item::dateTime(QLatin1String(kItemDate), QDateTime(day, QTime(0, 0), Qt::UTC)))
        .set(Item::text(QLatin1String(kItemTime), time))
        .set(Item::text(QLatin1String(kItemContent), content))
        .set(Item::text(QLatin1String(kItemPlace), S("Phòng họp số 1")));
    if (!session.isEmpty())
        edit.set(Item::text(QLatin1String(kItemSession), session));
    return edit;
}

DocumentEdit action(const WeekId& week, const QString& word)
{
    DocumentEdit edit = DocumentEdit::create(QLatin1String(kWeekActionForm));
    edit.set(Item::text(QLatin1String(kItemWeek), week.toString()))
        .set(Item::text(QLatin1String(kItemAction), word))
        .set(Item::names(QLatin1String(kItemActor), ItemType::Names, {S("Lê Thị Chánh/VPTU/HaNoi")}))
        .set(Item::dateTime(QLatin1String(kItemAt), QDateTime::currentDateTimeUtc()));
    return edit;
}

} // namespace

TEST_CASE("WeekView reads a published week from a replica, with its marks, and writes it as iCalendar",
          "[schedule][weekview]")
{
    test::TempDir dir;
    ReplicaCreateOptions create;
    create.title = S("Lịch công tác");
    create.kind = DatabaseKind::Calendar;
    auto created = ReplicaStore::create(dir.path(QStringLiteral("lich.sen")), create, {});
    REQUIRE(created.isOk());
    ReplicaStore& store = **created;
    const WeekId week = *WeekId::parse(QStringLiteral("2026-W50"));

    const Document giaoBan =
        mustSave(store, entry(QDate(2026, 12, 7), QStringLiteral("07:30"), S("Giao ban")));
    const Document lamViec =
        mustSave(store, entry(QDate(2026, 12, 7), QStringLiteral("14:00"), S("Làm việc")));
    // No time: the session item decides.
    const Document tiepDan = mustSave(store, entry(QDate(2026, 12, 9), {}, S("Tiếp công dân"), S("Chiều")));
    const Document removed = mustSave(store, entry(QDate(2026, 12, 8), QStringLiteral("08:00"), S("Đã xóa")));
    REQUIRE(store.remove(removed.unid).isOk());
    mustSave(store, entry(QDate(2026, 12, 14), QStringLiteral("08:00"), S("Tuần sau")));

    const WeekView view(store);
    auto draft = view.week(week);
    REQUIRE(draft.isOk());
    CHECK(draft->status.state == WeekState::Draft);

    mustSave(store, action(week, S("Duyệt")));
    mustSave(store, action(week, S("Công bố")));
    mustSave(store, DocumentEdit::create(QLatin1String(kChangeForm), lamViec.unid)
                        .set(Item::text(QLatin1String(kItemChangeKind), S("Hoãn/Hủy")))
                        .set(Item::text(QLatin1String(kItemReason), S("Hoãn sang tuần sau")))
                        .set(Item::names(QLatin1String(kItemChangedBy), ItemType::Names,
                                         {S("Phạm Thị Văn/VPTU/HaNoi")}))
                        .set(Item::dateTime(QLatin1String(kItemAt), QDateTime::currentDateTimeUtc())));

    auto read = view.week(week);
    REQUIRE(read.isOk());
    CHECK(read->status.state == WeekState::Published);
    REQUIRE(read->days.size() == 7);
    CHECK(read->days[0].weekday == S("Thứ Hai"));
    CHECK(read->days[6].weekday == S("Chủ nhật"));
    CHECK(read->entryCount() == 3);
    REQUIRE(read->days[0].morning.size() == 1);
    CHECK(read->days[0].morning[0].unid == giaoBan.unid);
    REQUIRE(read->days[0].afternoon.size() == 1);
    CHECK(read->days[0].afternoon[0].mark == EntryMark::Cancelled);
    CHECK(read->days[0].afternoon[0].changes.size() == 1);
    CHECK(read->days[1].morning.empty());
    REQUIRE(read->days[2].afternoon.size() == 1);
    CHECK(read->days[2].afternoon[0].unid == tiepDan.unid);

    auto events = icalEntries(view, week.monday(), week.sunday());
    REQUIRE(events.isOk());
    REQUIRE(events->size() == 3);
    const QByteArray ics = writeICalendar(*events, S("Lịch công tác"), QDateTime::currentDateTimeUtc());
    CHECK(ics.contains(QByteArray("UID:" + lamViec.unid.toHex().toLatin1() + "@sen")));
    CHECK(ics.count("STATUS:CANCELLED") == 1);
    CHECK(ics.count("STATUS:CONFIRMED") == 2);
    CHECK(ics.contains(QByteArray("X-WR-CALNAME:" + S("Lịch công tác").toUtf8())));
}
