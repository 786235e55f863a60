#pragma once

// The office's working calendar (docs/workdays.md; issue #14): which days are working days,
// so deadlines count in working days and "sắp đến hạn" / "quá hạn" are computed locally,
// offline included. GUI-free, shared by the client and the server.
//
// - Saturdays and Sundays are days off.
// - The public holidays of the Labour Code (Bộ luật Lao động 2019, Art. 112) are days off,
//   computed for any year: Tết Dương lịch (1/1), Tết Nguyên đán (the last day of the lunar
//   year and the first four of the new one), Giỗ Tổ Hùng Vương (10/3 lunar), Ngày Chiến
//   thắng (30/4), Quốc tế Lao động (1/5), Quốc khánh (2/9 and the day before); a holiday on a
//   Saturday or Sunday gives the next working day off instead (Art. 111.3).
// - The office's decisions are data and win: documents of form `LichNghi` in the documents
//   database, each a date (`Ngay`), whether it is a day off or a working day (`Loai`: "Nghỉ",
//   "Làm việc" — a make-up Saturday, or a holiday the Government moved), and why (`Ten`).
//   Written by Designers and Managers only (checkPushedDay).

#include "common/core/Result.h"
#include "common/model/Document.h"

#include <QDate>
#include <QString>

#include <map>
#include <optional>
#include <vector>

namespace sen::workdays {

inline constexpr const char* kDayForm = "LichNghi";
inline constexpr const char* kItemDate = "Ngay";
inline constexpr const char* kItemKind = "Loai";
inline constexpr const char* kItemName = "Ten";

struct DayRule
{
    QDate date;
    bool working = false; // a working day (make-up), else a day off
    QString name;         // "Tết Nguyên đán", "Làm bù cho ngày 2/5"
};

// The day a live document of form LichNghi sets; InvalidArgument for no date, an unknown
// kind, or a name longer than 200 characters.
Result<DayRule> dayFromDocument(const Document& doc);
// The rules among `docs` (documents of form LichNghi); a later document of the same date wins.
std::vector<DayRule> rulesFrom(const std::vector<Document>& docs);

// The statutory holidays of solar year `year`, compensatory days included, by date.
std::map<QDate, QString> statutoryHolidays(int year);

// Where a deadline stands on a day.
enum class DeadlineState
{
    OnTime,  // more than the warning's working days away
    DueSoon, // sắp đến hạn: due within the warning's working days (today included)
    Overdue, // quá hạn: the day is past the deadline
};

class WorkCalendar
{
public:
    explicit WorkCalendar(std::vector<DayRule> rules = {});

    bool isWorkingDay(const QDate& day) const;
    // Why `day` is off (a holiday's or a rule's name, "Thứ Bảy", "Chủ nhật"); empty for a
    // working day.
    QString dayOffName(const QDate& day) const;
    // The first working day after `day`.
    QDate nextWorkingDay(const QDate& day) const;
    // `days` working days after `start` (0: `start` itself if a working day, else the next).
    QDate addWorkingDays(const QDate& start, int days) const;
    // Working days in (from, to]; negative when `to` is before `from`.
    int workingDaysBetween(const QDate& from, const QDate& to) const;
    // ND 30 Art. 20: a registered incoming document is presented the day it arrives, at the
    // latest the next working day.
    QDate presentationDeadline(const QDate& arrived) const { return nextWorkingDay(arrived); }
    // Where `deadline` stands on `today`, warning `warnDays` working days ahead.
    DeadlineState state(const QDate& deadline, const QDate& today, int warnDays = 2) const;

private:
    const std::map<QDate, QString>& holidaysOf(int year) const;

    std::map<QDate, DayRule> m_rules;
    mutable std::map<int, std::map<QDate, QString>> m_holidays; // by year, computed once
};

// What a server holds a pushed version to: a LichNghi document is created, changed or deleted
// only by a Designer or Manager (`mayEdit`), and must describe a day. Other forms pass.
Status checkPushedDay(const std::optional<Document>& stored, const Document& incoming, bool mayEdit);

} // namespace sen::workdays
