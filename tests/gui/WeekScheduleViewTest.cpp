// sen's week of the work schedule (client/gui/schedule/WeekScheduleView.h, docs/schedule.md),
// offscreen on a local calendar database: the grid is days × Sáng / Chiều with the day spanning
// its rows, a postponed entry struck through and marked with its log as tooltip; the week's
// state in the heading, Approve / Publish offered by state; previous / next week and the jump
// to a date; a save through the session shows at once; a refusal shows in the view. Selecting
// an entry from the program selects it alone, whatever keys the user holds.

#include "client/gui/schedule/WeekScheduleView.h"

#include "client/app/DatabaseSession.h"
#include "tests/gui/CalendarSession.h"
#include "tests/gui/GuiScreenshot.h"

#include <QGuiApplication>
#include <QLabel>
#include <QPushButton>
#include <QScopeGuard>
#include <QTableWidget>
#include <QTest>

#include <catch2/catch.hpp>

using namespace sen;

namespace {

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

DocumentEdit entry(const QDate& day, const QString& time, const QString& content)
{
    DocumentEdit edit = DocumentEdit::create(QStringLiteral("LichCongTac"));
    edit.set(Item::dateTime(QStringLiteral("Ngay"), QDateTime(day, QTime(0, 0), Qt::UTC)))
        .set(Item::text(QStringLiteral("Gio"), time))
        .set(Item::text(QStringLiteral("NoiDung"), content))
        .set(Item::text(QStringLiteral("ChuTri"), S("Đồng chí Bí thư")))
        .set(Item::textList(QStringLiteral("ThanhPhan"), {S("Thường trực Huyện ủy")}))
        .set(Item::text(QStringLiteral("DiaDiem"), S("Phòng họp số 1")));
    return edit;
}

} // namespace

TEST_CASE("The week grid: days × sessions, marks, state, navigation", "[gui][schedule]")
{
    test::CalendarSession calendar;
    const std::shared_ptr<app::DatabaseSession>& session = calendar.session;
    const auto save = [&calendar](const DocumentEdit& edit) {
        return calendar.save(edit);
    };
    save(entry(QDate(2026, 12, 7), QStringLiteral("07:30"), S("Giao ban")));
    save(entry(QDate(2026, 12, 7), QStringLiteral("09:00"), S("Tiếp khách")));
    const Unid postponed = save(entry(QDate(2026, 12, 7), QStringLiteral("14:00"), S("Làm việc với xã")));
    save(entry(QDate(2026, 12, 10), QStringLiteral("08:00"), S("Hội nghị")));
    save(DocumentEdit::create(QStringLiteral("ThayDoiLich"), postponed)
             .set(Item::text(QStringLiteral("LoaiThayDoi"), S("Hoãn/Hủy")))
             .set(Item::text(QStringLiteral("LyDo"), S("Hoãn sang tuần sau")))
             .set(Item::names(QStringLiteral("NguoiThayDoi"), ItemType::Names, {S("Phạm Thị Văn/VP/HN")}))
             .set(Item::dateTime(QStringLiteral("ThoiGian"), QDateTime::currentDateTimeUtc())));
    save(DocumentEdit::create(QStringLiteral("DuyetLichTuan"))
             .set(Item::text(QStringLiteral("Tuan"), QStringLiteral("2026-W50")))
             .set(Item::text(QStringLiteral("HanhDong"), S("Duyệt")))
             .set(Item::names(QStringLiteral("NguoiThucHien"), ItemType::Names, {S("Lê Thị Chánh/VP/HN")}))
             .set(Item::dateTime(QStringLiteral("ThoiGian"), QDateTime::currentDateTimeUtc())));

    gui::WeekScheduleView view(session);
    view.resize(1100, 700);
    view.showWeek(schedule::WeekId{2026, 50});
    QTableWidget* grid = view.grid();
    // Monday: two mornings and an afternoon; every other day one empty row per session.
    REQUIRE(grid->rowCount() == 3 + 6 * 2);
    CHECK(grid->item(0, 0)->text() == S("Thứ Hai\n07/12/2026"));
    CHECK(grid->rowSpan(0, 0) == 3);
    CHECK(grid->item(0, 1)->text() == S("Sáng"));
    CHECK(grid->rowSpan(0, 1) == 2);
    CHECK(grid->item(1, 3)->text() == S("Tiếp khách"));
    CHECK(grid->item(2, 1)->text() == S("Chiều"));
    QTableWidgetItem* cancelled = grid->item(2, 3);
    REQUIRE(cancelled);
    CHECK(cancelled->font().strikeOut());
    CHECK(cancelled->toolTip().contains(S("Hoãn sang tuần sau")));
    CHECK(grid->item(2, 7)->text() == QStringLiteral("Postponed/cancelled"));
    CHECK(grid->item(3, 0)->text() == S("Thứ Ba\n08/12/2026"));
    CHECK(grid->item(13, 0)->text() == S("Chủ nhật\n13/12/2026"));
    CHECK(view.heading()->text().contains(QStringLiteral("Week 50")));
    CHECK(view.heading()->text().contains(QStringLiteral("Approved")));
    CHECK_FALSE(view.approveButton()->isEnabled());
    CHECK(view.publishButton()->isEnabled());
    test::shoot(view, QStringLiteral("week-schedule"));

    // A save through the session shows at once.
    save(entry(QDate(2026, 12, 8), QStringLiteral("15:00"), S("Họp chi bộ")));
    CHECK(grid->rowCount() == 3 + 6 * 2);
    REQUIRE(grid->item(4, 3));
    CHECK(grid->item(4, 3)->text() == S("Họp chi bộ"));

    // No user in this workspace: publishing is refused, and the view says why.
    view.publishButton()->click();
    CHECK_FALSE(view.message()->isHidden());
    CHECK(view.message()->text().contains(QStringLiteral("log in")));

    // Next week: a draft with nothing in it; the jump to a date comes back.
    view.showWeek(view.week().next());
    CHECK(view.week().toString() == QStringLiteral("2026-W51"));
    CHECK(view.heading()->text().contains(QStringLiteral("Draft")));
    CHECK(grid->rowCount() == 14);
    CHECK(view.approveButton()->isEnabled());
    view.showDate(QDate(2026, 12, 10));
    CHECK(view.week().toString() == QStringLiteral("2026-W50"));
}

TEST_CASE("The week grid selects an entry from the program whatever keys are held", "[gui][schedule]")
{
    // The user holds Ctrl (or Shift) while the view selects an entry itself, as a reload after
    // a save or a sync restores the selection: the entry's row is selected, alone. The grid's
    // own setCurrentCell()/selectRow() followed the keys, and with Ctrl held toggled the row
    // back out (the invitation dialogs' test failed so after a test that pressed Ctrl+E).
    test::CalendarSession calendar;
    const std::shared_ptr<app::DatabaseSession>& session = calendar.session;
    const auto save = [&calendar](const DocumentEdit& edit) {
        return calendar.save(edit);
    };
    const Unid first = save(entry(QDate(2026, 12, 7), QStringLiteral("07:30"), S("Giao ban")));
    const Unid second = save(entry(QDate(2026, 12, 9), QStringLiteral("14:00"), S("Làm việc với xã")));
    gui::WeekScheduleView view(session);
    view.showWeek(schedule::WeekId{2026, 50});
    QTableWidget* grid = view.grid();
    const auto selectedRows = [grid] {
        QSet<int> rows;
        for (const QTableWidgetItem* item : grid->selectedItems())
            rows.insert(item->row());
        return rows;
    };
    const auto rowOf = [grid](const QString& content) {
        for (int row = 0; row < grid->rowCount(); ++row)
            if (grid->item(row, 3) && grid->item(row, 3)->text() == content)
                return row;
        return -1;
    };

    for (const auto& [key, modifier] :
         {std::pair{Qt::Key_Control, Qt::ControlModifier}, std::pair{Qt::Key_Shift, Qt::ShiftModifier}}) {
        INFO("holding " << QKeySequence(key).toString().toStdString());
        QTest::keyPress(grid, key, modifier);
        const auto released = qScopeGuard([grid, key] { QTest::keyRelease(grid, key, Qt::NoModifier); });
        REQUIRE(QGuiApplication::keyboardModifiers() == modifier);
        REQUIRE(view.selectEntry(first));
        CHECK(selectedRows() == QSet<int>{rowOf(S("Giao ban"))});
        REQUIRE(view.selectEntry(second));
        CHECK(selectedRows() == QSet<int>{rowOf(S("Làm việc với xã"))});
        // A save elsewhere reloads the week, which selects the entry again.
        save(entry(QDate(2026, 12, 8), QStringLiteral("08:00"), S("Họp chi bộ")));
        CHECK(selectedRows() == QSet<int>{rowOf(S("Làm việc với xã"))});
    }
    CHECK(QGuiApplication::keyboardModifiers() == Qt::NoModifier);
}
