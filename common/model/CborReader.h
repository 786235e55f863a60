#pragma once

// A reader of canonical CBOR (what model/CborWriter.h writes): definite lengths only, every
// length checked against the bytes present. Reads heads and string payloads without
// allocating; the caller gives the structure meaning. Not thread-safe.
//
// It also notes whether every head read so far is one CborWriter would write (isCanonical()):
// the shortest argument encoding, an integer within qint64, floats only as 64-bit, simple
// values only in the head byte. Heads alone: whether a whole value is canonical also depends
// on what its strings hold and on map key order, which the caller checks.

#include <QByteArrayView>

#include <limits>

namespace sen {

class CborReader
{
public:
    explicit CborReader(QByteArrayView bytes) : m_bytes(bytes) {}

    qsizetype position() const { return m_at; }
    bool atEnd() const { return m_at >= m_bytes.size(); }
    // The bytes read since `position`.
    QByteArrayView readSince(qsizetype position) const { return m_bytes.sliced(position, m_at - position); }

    // The next head: major type and argument (a length, a count or a value). False at the
    // end, on malformed input, and on indefinite lengths, which canonical CBOR never has.
    bool head(quint8& major, quint64& argument)
    {
        if (m_at >= m_bytes.size())
            return false;
        const auto initial = static_cast<quint8>(m_bytes[m_at++]);
        major = initial >> 5;
        const quint8 info = initial & 0x1F;
        if (info < 24) {
            argument = info;
            return true;
        }
        if (info > 27)
            return false;
        const int size = 1 << (info - 24);
        if (m_bytes.size() - m_at < size)
            return false;
        argument = 0;
        for (int i = 0; i < size; ++i)
            argument = (argument << 8) | static_cast<quint8>(m_bytes[m_at++]);
        if (major == 7) {
            // Only a 64-bit float follows its head; simple values fit in the head byte.
            if (info != 27)
                m_canonical = false;
        } else if (argument < kShortest[info - 24] ||
                   (major < 2 && argument > static_cast<quint64>(std::numeric_limits<qint64>::max()))) {
            m_canonical = false;
        }
        return true;
    }

    // Every head read so far is as CborWriter writes it (see above).
    bool isCanonical() const { return m_canonical; }

    // The payload of a text or byte string whose head was just read.
    bool take(quint64 size, QByteArrayView& out)
    {
        if (size > static_cast<quint64>(m_bytes.size() - m_at))
            return false;
        out = m_bytes.sliced(m_at, static_cast<qsizetype>(size));
        m_at += static_cast<qsizetype>(size);
        return true;
    }

    // Skips one whole data item (after its head when `major`/`argument` are given).
    bool skip(int depth = 0)
    {
        quint8 major = 0;
        quint64 argument = 0;
        return head(major, argument) && skipRest(major, argument, depth);
    }
    bool skipRest(quint8 major, quint64 argument, int depth)
    {
        if (depth > 32) // deeper than any value Sen writes
            return false;
        QByteArrayView ignored;
        switch (major) {
        case 2:
        case 3:
            return take(argument, ignored);
        case 4:
            for (quint64 i = 0; i < argument; ++i) {
                if (!skip(depth + 1))
                    return false;
            }
            return true;
        case 5:
            for (quint64 i = 0; i < 2 * argument; ++i) {
                if (!skip(depth + 1))
                    return false;
            }
            return true;
        case 6:
            return skip(depth + 1); // the tagged item
        default:
            return true; // integers, simple values and floats: the head was all
        }
    }

private:
    // The smallest argument each extended length (1, 2, 4, 8 bytes) may carry.
    static constexpr quint64 kShortest[4] = {24, 0x100, 0x10000, 0x100000000};

    QByteArrayView m_bytes;
    qsizetype m_at = 0;
    bool m_canonical = true;
};

} // namespace sen
