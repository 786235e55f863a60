#pragma once

// Internal to common/identity: big-endian framing for the ID file. The reader never reads
// past its view and never allocates more than the bound the caller gives; any failure
// latches, so a caller checks ok() once after a run of reads.

#include <QByteArray>
#include <QByteArrayView>
#include <QtEndian>

namespace sen::identity::detail {

class ByteWriter
{
public:
    void u8(quint8 v) { m_bytes.append(static_cast<char>(v)); }
    void u16(quint16 v) { append(qToBigEndian(v)); }
    void u32(quint32 v) { append(qToBigEndian(v)); }
    void raw(QByteArrayView bytes) { m_bytes.append(bytes); }
    QByteArray& bytes() { return m_bytes; }

private:
    template <typename T>
    void append(T v)
    {
        m_bytes.append(reinterpret_cast<const char*>(&v), sizeof v);
    }
    QByteArray m_bytes;
};

class ByteReader
{
public:
    explicit ByteReader(QByteArrayView bytes) : m_bytes(bytes) {}

    bool ok() const { return m_ok; }
    bool atEnd() const { return m_pos == m_bytes.size(); }
    qsizetype position() const { return m_pos; }

    quint8 u8() { return take<quint8>(); }
    quint16 u16() { return take<quint16>(); }
    quint32 u32() { return take<quint32>(); }

    // `length` bytes; fails (and returns empty) if fewer remain or `length` exceeds `bound`.
    QByteArrayView view(qsizetype length, qsizetype bound)
    {
        if (!m_ok || length < 0 || length > bound || length > m_bytes.size() - m_pos) {
            m_ok = false;
            return {};
        }
        const QByteArrayView out = m_bytes.sliced(m_pos, length);
        m_pos += length;
        return out;
    }
    QByteArray bytes(qsizetype length, qsizetype bound) { return view(length, bound).toByteArray(); }

private:
    template <typename T>
    T take()
    {
        const QByteArrayView raw = view(sizeof(T), sizeof(T));
        if (!m_ok)
            return 0;
        return qFromBigEndian<T>(raw.data());
    }

    QByteArrayView m_bytes;
    qsizetype m_pos = 0;
    bool m_ok = true;
};

} // namespace sen::identity::detail
