#include "client/views/ViewValueMemo.h"

#include "client/views/ViewRowBuilder.h"

#include <QDateTime>

#include <climits>

namespace sen::views {

namespace {

constexpr std::int64_t kHourMs = 3600000;
constexpr std::int64_t kDayMs = 86400000;
constexpr std::int64_t kJulianDayOfEpoch = 2440588; // 1970-01-01
// Beyond this (about 30,000 years) the plain conversion is used.
constexpr std::int64_t kMaxMemoMs = std::int64_t(1) << 50;
constexpr int kNoOffset = INT_MIN; // a transition inside the hour

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

template <typename K, typename V>
void keepBounded(QHash<K, V>& table)
{
    if (table.size() >= ViewValueMemo::kMaxEntries)
        table.clear();
}

} // namespace

QDate ViewValueMemo::plainLocalDate(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).date();
}

QString ViewValueMemo::textKey(const QString& text)
{
    if (text.isEmpty())
        return text;
    // The key depends on the first kMaxKey characters only.
    const QString head = text.size() > ViewRowBuilder::kMaxKey ? text.left(ViewRowBuilder::kMaxKey) : text;
    const auto it = m_keys.constFind(head);
    if (it != m_keys.cend())
        return *it;
    keepBounded(m_keys);
    QString key = ViewRowBuilder::textKey(head);
    m_keys.insert(head, key);
    return key;
}

QDate ViewValueMemo::localDate(std::int64_t ms)
{
    if (ms > kMaxMemoMs || ms < -kMaxMemoMs)
        return plainLocalDate(ms);
    const std::int64_t hour = floorDiv(ms, kHourMs);
    auto it = m_offsets.constFind(hour);
    if (it == m_offsets.cend()) {
        keepBounded(m_offsets);
        // QDateTime asks the C library for local time (tzset each time): the slow part.
        const int first = QDateTime::fromMSecsSinceEpoch(hour * kHourMs).offsetFromUtc();
        const int last = QDateTime::fromMSecsSinceEpoch(hour * kHourMs + kHourMs - 1).offsetFromUtc();
        it = m_offsets.insert(hour, first == last ? first : kNoOffset);
    }
    if (*it == kNoOffset)
        return plainLocalDate(ms);
    return QDate::fromJulianDay(floorDiv(ms + std::int64_t(*it) * 1000, kDayMs) + kJulianDayOfEpoch);
}

QString ViewValueMemo::formatDate(std::int64_t ms)
{
    const QDate day = localDate(ms);
    const std::int64_t julian = day.toJulianDay();
    const auto it = m_days.constFind(julian);
    if (it != m_days.cend())
        return *it;
    keepBounded(m_days);
    QString text = day.toString(QStringLiteral("dd/MM/yyyy"));
    m_days.insert(julian, text);
    return text;
}

} // namespace sen::views
