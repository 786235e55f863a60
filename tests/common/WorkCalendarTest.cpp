// The working calendar (common/workdays; docs/workdays.md): the lunar dates of Tết and Giỗ
// Tổ, the Labour Code's holidays with their compensating days, the office's own decisions,
// and deadlines counted in working days.

#include "common/workdays/WorkCalendar.h"

#include "common/workdays/LunarCalendar.h"

#include <QTimeZone>

#include <algorithm>
#include <catch2/catch.hpp>

using namespace sen;
using namespace sen::workdays;

namespace {

Document dayDoc(const QDate& date, const QString& kind, const QString& name)
{
    Document doc;
    doc.unid = newUnid();
    doc.form = QStringLiteral("LichNghi");
    doc.items = {Item::dateTime(QStringLiteral("Ngay"), QDateTime(date, QTime(0, 0), QTimeZone::utc())),
                 Item::text(QStringLiteral("Loai"), kind), Item::text(QStringLiteral("Ten"), name)};
    std::sort(doc.items.begin(), doc.items.end(),
              [](const Item& a, const Item& b) { return a.name < b.name; });
    return doc;
}

} // namespace

TEST_CASE("Working calendar: Tết and Giỗ Tổ fall on the dates Vietnam kept", "[workdays]")
{
    CHECK(lunarNewYear(2023) == QDate(2023, 1, 22));
    CHECK(lunarNewYear(2024) == QDate(2024, 2, 10));
    CHECK(lunarNewYear(2025) == QDate(2025, 1, 29));
    CHECK(lunarNewYear(2026) == QDate(2026, 2, 17));
    CHECK(lunarNewYear(2027) == QDate(2027, 2, 6));
    CHECK(lunarNewYear(2028) == QDate(2028, 1, 26));
    CHECK(solarFromLunar(10, 3, 2024) == QDate(2024, 4, 18));
    CHECK(solarFromLunar(10, 3, 2025) == QDate(2025, 4, 7));
    CHECK(solarFromLunar(10, 3, 2026) == QDate(2026, 4, 26));
    CHECK_FALSE(solarFromLunar(31, 1, 2026).isValid());
}

TEST_CASE("Working calendar: the Labour Code's holidays, and a holiday on a weekend gives the next day off",
          "[workdays]")
{
    const WorkCalendar calendar;
    // 2026: Tết from the last day of Ất Tỵ (Mon 16/2) to mùng 4 (Fri 20/2).
    for (int d = 16; d <= 20; ++d)
        CHECK_FALSE(calendar.isWorkingDay(QDate(2026, 2, d)));
    CHECK(calendar.isWorkingDay(QDate(2026, 2, 13)));
    CHECK(calendar.dayOffName(QDate(2026, 2, 17)) == QStringLiteral("Tết Nguyên đán"));
    // Giỗ Tổ on Sunday 26/4/2026: Monday 27/4 off instead; 30/4 and 1/5 off.
    CHECK(calendar.dayOffName(QDate(2026, 4, 27)).startsWith(QStringLiteral("Nghỉ bù Giỗ Tổ")));
    CHECK_FALSE(calendar.isWorkingDay(QDate(2026, 4, 30)));
    CHECK_FALSE(calendar.isWorkingDay(QDate(2026, 5, 1)));
    CHECK(calendar.isWorkingDay(QDate(2026, 4, 28)));
    CHECK_FALSE(calendar.isWorkingDay(QDate(2026, 9, 1)));
    CHECK_FALSE(calendar.isWorkingDay(QDate(2026, 9, 2)));
    CHECK_FALSE(calendar.isWorkingDay(QDate(2026, 1, 1)));
    // 2027: Tết on Saturday 6/2, so two of its days fall on the weekend: Wed 10/2 and Thu 11/2 off.
    for (int d : {5, 8, 9, 10, 11})
        CHECK_FALSE(calendar.isWorkingDay(QDate(2027, 2, d)));
    CHECK(calendar.isWorkingDay(QDate(2027, 2, 12)));
    CHECK(calendar.dayOffName(QDate(2026, 12, 5)) == QStringLiteral("Thứ Bảy"));
}

TEST_CASE("Working calendar: deadlines in working days, and the office's own decisions win", "[workdays]")
{
    WorkCalendar calendar;
    // Friday before Tết 2026, plus one working day: Monday after the holiday week.
    CHECK(calendar.addWorkingDays(QDate(2026, 2, 13), 1) == QDate(2026, 2, 23));
    CHECK(calendar.addWorkingDays(QDate(2026, 2, 14), 0) == QDate(2026, 2, 23));
    CHECK(calendar.workingDaysBetween(QDate(2026, 2, 13), QDate(2026, 2, 23)) == 1);
    CHECK(calendar.workingDaysBetween(QDate(2026, 2, 23), QDate(2026, 2, 13)) == -1);
    // ND 30 Art. 20: arrived on Thursday 30/4/2026 (a holiday), presented by Monday 4/5.
    CHECK(calendar.presentationDeadline(QDate(2026, 4, 30)) == QDate(2026, 5, 4));

    CHECK(calendar.state(QDate(2026, 12, 10), QDate(2026, 12, 11)) == DeadlineState::Overdue);
    CHECK(calendar.state(QDate(2026, 12, 10), QDate(2026, 12, 8)) == DeadlineState::DueSoon);
    CHECK(calendar.state(QDate(2026, 12, 10), QDate(2026, 12, 10)) == DeadlineState::DueSoon);
    CHECK(calendar.state(QDate(2026, 12, 18), QDate(2026, 12, 8)) == DeadlineState::OnTime);

    // The Government gives Friday 2/1/2026 off and has Saturday 10/1 worked instead.
    const std::vector<Document> decisions{
        dayDoc(QDate(2026, 1, 2), QStringLiteral("Nghỉ"), QStringLiteral("Nghỉ Tết Dương lịch (hoán đổi)")),
        dayDoc(QDate(2026, 1, 10), QStringLiteral("Làm việc"), QStringLiteral("Làm bù cho ngày 2/1")),
        dayDoc(QDate(2026, 1, 5), QStringLiteral("Nghi"), QString())};
    const WorkCalendar office(rulesFrom(decisions));
    CHECK_FALSE(office.isWorkingDay(QDate(2026, 1, 2)));
    CHECK(office.dayOffName(QDate(2026, 1, 2)) == QStringLiteral("Nghỉ Tết Dương lịch (hoán đổi)"));
    CHECK(office.isWorkingDay(QDate(2026, 1, 10)));
    CHECK(office.dayOffName(QDate(2026, 1, 5)) == QStringLiteral("Ngày nghỉ"));
    CHECK(office.addWorkingDays(QDate(2025, 12, 31), 1) == QDate(2026, 1, 6));
}

TEST_CASE("Working calendar: only a Designer changes it, and a day must be one", "[workdays]")
{
    const Document day = dayDoc(QDate(2026, 1, 2), QStringLiteral("Nghỉ"), QStringLiteral("Nghỉ"));
    CHECK(checkPushedDay(std::nullopt, day, false).code() == ErrorCode::PermissionDenied);
    CHECK(checkPushedDay(std::nullopt, day, true).isOk());
    Document gone = day;
    gone.flags |= Deleted;
    gone.items.clear();
    CHECK(checkPushedDay(day, gone, false).code() == ErrorCode::PermissionDenied);
    Document odd = dayDoc(QDate(2026, 1, 2), QStringLiteral("Đi chơi"), QStringLiteral("x"));
    CHECK(checkPushedDay(std::nullopt, odd, true).code() == ErrorCode::InvalidArgument);
    Document wordy = dayDoc(QDate(2026, 1, 2), QStringLiteral("Nghỉ"), QString(201, u'x'));
    CHECK(checkPushedDay(std::nullopt, wordy, true).code() == ErrorCode::InvalidArgument);
    Document other = day;
    other.form = QStringLiteral("VanBanDen");
    CHECK(checkPushedDay(std::nullopt, other, false).isOk());
}
