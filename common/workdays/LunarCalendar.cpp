#include "common/workdays/LunarCalendar.h"

#include <cmath>
#include <numbers>

namespace sen::workdays {

namespace {

constexpr double kTimeZone = 7.0; // Vietnam: UTC+7
constexpr double kSynodicMonth = 29.530588853;
constexpr double kEpoch = 2415021.076998695; // the new moon of 1 January 1900

long long julianDay(int day, int month, int year)
{
    return QDate(year, month, day).toJulianDay();
}

// The day (Julian day number, local time) of the k-th new moon after the epoch.
long long newMoonDay(long long k)
{
    const double dr = std::numbers::pi / 180.0;
    const double t = double(k) / 1236.85;
    const double t2 = t * t, t3 = t2 * t;
    double jd = 2415020.75933 + 29.53058868 * double(k) + 0.0001178 * t2 - 0.000000155 * t3;
    jd += 0.00033 * std::sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
    const double m = 359.2242 + 29.10535608 * double(k) - 0.0000333 * t2 - 0.00000347 * t3;
    const double mpr = 306.0253 + 385.81691806 * double(k) + 0.0107306 * t2 + 0.00001236 * t3;
    const double f = 21.2964 + 390.67050646 * double(k) - 0.0016528 * t2 - 0.00000239 * t3;
    double c = (0.1734 - 0.000393 * t) * std::sin(m * dr) + 0.0021 * std::sin(2 * dr * m);
    c = c - 0.4068 * std::sin(mpr * dr) + 0.0161 * std::sin(dr * 2 * mpr);
    c = c - 0.0004 * std::sin(dr * 3 * mpr);
    c = c + 0.0104 * std::sin(dr * 2 * f) - 0.0051 * std::sin(dr * (m + mpr));
    c = c - 0.0074 * std::sin(dr * (m - mpr)) + 0.0004 * std::sin(dr * (2 * f + m));
    c = c - 0.0004 * std::sin(dr * (2 * f - m)) - 0.0006 * std::sin(dr * (2 * f + mpr));
    c = c + 0.0010 * std::sin(dr * (2 * f - mpr)) + 0.0005 * std::sin(dr * (2 * mpr + m));
    const double deltaT = t < -11
                              ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
                              : -0.000278 + 0.000265 * t + 0.000262 * t2;
    return static_cast<long long>(std::floor(jd + c - deltaT + 0.5 + kTimeZone / 24.0));
}

// The sun's longitude at the start of local day `jdn`, in twelfths of the circle (0–11).
int sunLongitude(long long jdn)
{
    const double dr = std::numbers::pi / 180.0;
    const double t = (double(jdn) - 2451545.5 - kTimeZone / 24.0) / 36525.0;
    const double t2 = t * t;
    const double m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
    const double l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
    double dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * std::sin(dr * m);
    dl += (0.019993 - 0.000101 * t) * std::sin(dr * 2 * m) + 0.000290 * std::sin(dr * 3 * m);
    double l = (l0 + dl) * dr;
    l -= 2 * std::numbers::pi * std::floor(l / (2 * std::numbers::pi));
    return static_cast<int>(std::floor(l / std::numbers::pi * 6));
}

// The first day of the 11th lunar month (the one holding the winter solstice) of solar year `year`.
long long month11(int year)
{
    const long long off = julianDay(31, 12, year) - 2415021;
    const auto k = static_cast<long long>(std::floor(double(off) / kSynodicMonth));
    const long long nm = newMoonDay(k);
    return sunLongitude(nm) >= 9 ? newMoonDay(k - 1) : nm;
}

// Which month after the 11th starting at `a11` is the leap one (the first without a
// principal term).
int leapMonthOffset(long long a11)
{
    const auto k = static_cast<long long>(std::floor((double(a11) - kEpoch) / kSynodicMonth + 0.5));
    int i = 1;
    int arc = sunLongitude(newMoonDay(k + i));
    int last = 0;
    do {
        last = arc;
        ++i;
        arc = sunLongitude(newMoonDay(k + i));
    } while (arc != last && i < 14);
    return i - 1;
}

} // namespace

QDate solarFromLunar(int day, int month, int year)
{
    if (day < 1 || day > 30 || month < 1 || month > 12)
        return {};
    const long long a11 = month < 11 ? month11(year - 1) : month11(year);
    const long long b11 = month < 11 ? month11(year) : month11(year + 1);
    const auto k = static_cast<long long>(std::floor(0.5 + (double(a11) - kEpoch) / kSynodicMonth));
    int off = month - 11;
    if (off < 0)
        off += 12;
    if (b11 - a11 > 365 && off >= leapMonthOffset(a11))
        off += 1; // a leap month came before this one
    const long long start = newMoonDay(k + off);
    if (day > 29 && newMoonDay(k + off + 1) - start < 30)
        return {};
    return QDate::fromJulianDay(start + day - 1);
}

} // namespace sen::workdays
