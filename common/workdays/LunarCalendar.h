#pragma once

// The Vietnamese lunisolar calendar (âm lịch), for the holidays the Labour Code sets by it:
// Tết Nguyên đán and Giỗ Tổ Hùng Vương (docs/workdays.md). Months begin at the new moon as
// seen in Vietnam's time zone (UTC+7); the month holding the winter solstice is the 11th; a
// year of 13 months repeats the first month without a principal term (tháng nhuận). The
// astronomy is Meeus' (new moons and the sun's longitude), as Hồ Ngọc Đức's published
// algorithm uses it; valid for 1900–2100.

#include <QDate>

namespace sen::workdays {

// The solar date of day `day` of lunar month `month` (1–12, not the leap repetition) of the
// lunar year that begins in solar year `year`; invalid for a day past the month's end.
QDate solarFromLunar(int day, int month, int year);

// Tết: the first day of the lunar year that begins in solar year `year`.
inline QDate lunarNewYear(int year)
{
    return solarFromLunar(1, 1, year);
}

} // namespace sen::workdays
