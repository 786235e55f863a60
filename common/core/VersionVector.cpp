#include "common/core/VersionVector.h"

#include <QCborValue>
#include <QStringList>

#include <algorithm>

namespace sen {

namespace {
auto lowerBound(const std::vector<VersionVector::Entry>& entries, const InstanceId& instance)
{
    return std::lower_bound(entries.begin(), entries.end(), instance,
                            [](const VersionVector::Entry& e, const InstanceId& i) { return e.first < i; });
}
} // namespace

std::uint64_t VersionVector::get(const InstanceId& instance) const
{
    const auto it = lowerBound(m_entries, instance);
    return (it != m_entries.end() && it->first == instance) ? it->second : 0;
}

void VersionVector::set(const InstanceId& instance, std::uint64_t counter)
{
    auto it = std::lower_bound(m_entries.begin(), m_entries.end(), instance,
                               [](const Entry& e, const InstanceId& i) { return e.first < i; });
    const bool present = it != m_entries.end() && it->first == instance;
    if (counter == 0) {
        if (present)
            m_entries.erase(it);
    } else if (present) {
        it->second = counter;
    } else {
        m_entries.insert(it, {instance, counter});
    }
}

VersionVector::Order VersionVector::compare(const VersionVector& other) const
{
    bool thisAhead = false;
    bool otherAhead = false;
    auto a = m_entries.begin();
    auto b = other.m_entries.begin();
    // Merge-walk the two sorted entry lists; a missing entry counts as 0.
    while (a != m_entries.end() || b != other.m_entries.end()) {
        if (b == other.m_entries.end() || (a != m_entries.end() && a->first < b->first)) {
            thisAhead = true;
            ++a;
        } else if (a == m_entries.end() || b->first < a->first) {
            otherAhead = true;
            ++b;
        } else {
            if (a->second > b->second)
                thisAhead = true;
            else if (a->second < b->second)
                otherAhead = true;
            ++a;
            ++b;
        }
        if (thisAhead && otherAhead)
            return Order::Concurrent;
    }
    if (thisAhead)
        return Order::Dominates;
    if (otherAhead)
        return Order::Dominated;
    return Order::Equal;
}

bool VersionVector::dominatesOrEquals(const VersionVector& other) const
{
    const Order order = compare(other);
    return order == Order::Equal || order == Order::Dominates;
}

void VersionVector::mergeWith(const VersionVector& other)
{
    std::vector<Entry> out;
    out.reserve(m_entries.size() + other.m_entries.size());
    auto a = m_entries.begin();
    auto b = other.m_entries.begin();
    while (a != m_entries.end() || b != other.m_entries.end()) {
        if (b == other.m_entries.end() || (a != m_entries.end() && a->first < b->first)) {
            out.push_back(*a++);
        } else if (a == m_entries.end() || b->first < a->first) {
            out.push_back(*b++);
        } else {
            out.emplace_back(a->first, std::max(a->second, b->second));
            ++a;
            ++b;
        }
    }
    m_entries = std::move(out);
}

VersionVector VersionVector::merged(VersionVector a, const VersionVector& b)
{
    a.mergeWith(b);
    return a;
}

std::uint64_t VersionVector::total() const
{
    std::uint64_t sum = 0;
    for (const auto& e : m_entries)
        sum += e.second;
    return sum;
}

QCborArray VersionVector::toCbor() const
{
    QCborArray array;
    for (const auto& [instance, counter] : m_entries)
        array.append(QCborArray{instance.toBytes(), static_cast<qint64>(counter)});
    return array;
}

Result<VersionVector> VersionVector::fromCbor(const QCborArray& array)
{
    VersionVector vv;
    vv.m_entries.reserve(static_cast<std::size_t>(array.size()));
    for (const QCborValue& pairValue : array) {
        const QCborArray pair = pairValue.toArray();
        if (!pairValue.isArray() || pair.size() != 2 || !pair[0].isByteArray() || !pair[1].isInteger())
            return Status(ErrorCode::Corruption,
                          QStringLiteral("version vector entry is not [bytes, integer]"));
        const auto instance = InstanceId::fromBytes(pair[0].toByteArray());
        const qint64 counter = pair[1].toInteger();
        if (!instance || counter <= 0)
            return Status(ErrorCode::Corruption,
                          QStringLiteral("version vector entry has a bad instance or counter"));
        if (static_cast<std::uint64_t>(counter) > kMaxCounter)
            return Status(ErrorCode::Corruption,
                          QStringLiteral("version vector counter %1 is beyond 2^53").arg(counter));
        if (!vv.m_entries.empty() && !(vv.m_entries.back().first < *instance))
            return Status(ErrorCode::Corruption, QStringLiteral("version vector entries are not sorted"));
        vv.m_entries.emplace_back(*instance, static_cast<std::uint64_t>(counter));
    }
    return vv;
}

Result<VersionVector> VersionVector::fromEntries(std::vector<Entry> entries)
{
    for (std::size_t i = 0; i < entries.size(); ++i) {
        if (entries[i].second == 0)
            return Status(ErrorCode::Corruption,
                          QStringLiteral("version vector entry has a bad instance or counter"));
        if (entries[i].second > kMaxCounter)
            return Status(ErrorCode::Corruption,
                          QStringLiteral("version vector counter %1 is beyond 2^53").arg(entries[i].second));
        if (i > 0 && !(entries[i - 1].first < entries[i].first))
            return Status(ErrorCode::Corruption, QStringLiteral("version vector entries are not sorted"));
    }
    VersionVector vv;
    vv.m_entries = std::move(entries);
    return vv;
}

QString VersionVector::toString() const
{
    QStringList parts;
    for (const auto& [instance, counter] : m_entries)
        parts << instance.toHex() + u':' + QString::number(counter);
    return u'{' + parts.join(u',') + u'}';
}

} // namespace sen
