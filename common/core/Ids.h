#pragma once

// Identifiers (docs/architecture.md §Identity). All are fixed-size byte strings compared
// bytewise; their text form is lowercase hex (32 digits for replica IDs and UNIDs, 16 for
// instance IDs).

#include <QByteArray>
#include <QHashFunctions>
#include <QString>

#include <array>
#include <compare>
#include <cstdint>
#include <cstring>
#include <functional>
#include <optional>

namespace sen {

template <std::size_t N, typename Tag>
class FixedId
{
public:
    static constexpr std::size_t size = N;

    constexpr FixedId() = default; // all zero: the "null" id

    // Exactly N bytes, or nullopt.
    static std::optional<FixedId> fromBytes(QByteArrayView bytes)
    {
        if (static_cast<std::size_t>(bytes.size()) != N)
            return std::nullopt;
        FixedId id;
        std::memcpy(id.m_bytes.data(), bytes.data(), N);
        return id;
    }
    // Exactly 2N hex digits (either case), or nullopt.
    static std::optional<FixedId> fromHex(QStringView hex)
    {
        if (static_cast<std::size_t>(hex.size()) != 2 * N)
            return std::nullopt;
        for (QChar c : hex) {
            if (!isHexDigit(c))
                return std::nullopt;
        }
        return fromBytes(QByteArray::fromHex(hex.toLatin1()));
    }

    bool isNull() const { return *this == FixedId(); }
    QByteArray toBytes() const { return QByteArray(reinterpret_cast<const char*>(m_bytes.data()), N); }
    QString toHex() const { return QString::fromLatin1(toBytes().toHex()); }
    const std::uint8_t* data() const { return m_bytes.data(); }
    std::uint8_t* data() { return m_bytes.data(); }

    friend constexpr bool operator==(const FixedId&, const FixedId&) = default;
    friend constexpr auto operator<=>(const FixedId&, const FixedId&) = default;

private:
    static bool isHexDigit(QChar c)
    {
        const char16_t u = c.unicode();
        return (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F');
    }
    std::array<std::uint8_t, N> m_bytes{};
};

template <std::size_t N, typename Tag>
size_t qHash(const FixedId<N, Tag>& id, size_t seed = 0)
{
    return qHashBits(id.data(), N, seed);
}

struct ReplicaIdTag;
struct InstanceIdTag;
struct UnidTag;

// Shared by every replica of one database.
using ReplicaId = FixedId<16, ReplicaIdTag>;
// Names one replica file; a copied or restored file must take a new one.
using InstanceId = FixedId<8, InstanceIdTag>;
// Names one document in every replica.
using Unid = FixedId<16, UnidTag>;

ReplicaId newReplicaId();
InstanceId newInstanceId();
// Time-ordered: 48 bits of Unix milliseconds, then 80 random bits, so new documents land at
// the end of the UNID index instead of all over it.
Unid newUnid();

} // namespace sen

template <std::size_t N, typename Tag>
struct std::hash<sen::FixedId<N, Tag>>
{
    std::size_t operator()(const sen::FixedId<N, Tag>& id) const noexcept { return qHash(id); }
};
