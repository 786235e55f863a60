#pragma once

// Canonical CBOR (docs/file-format.md §"Canonical document") written straight into a
// QByteArray. Used by the document codec and by the replication messages that carry
// documents. Not thread-safe; one writer per buffer.

#include <QByteArray>
#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QStringView>

#include <algorithm>
#include <cstring>

namespace sen {

// Canonical CBOR written straight into a QByteArray: the same bytes as building the
// QCborValue tree and calling toCbor() (tests/common/DocumentCodecTest.cpp compares them),
// several times faster than either that or QCborStreamWriter, whose QIODevice path costs
// more than the encoding itself. Every save encodes its document's items.
class CborWriter
{
public:
    // Appends to `out`, which must outlive the writer. `out` holds spare bytes at its end
    // until finish() trims them.
    explicit CborWriter(QByteArray& out) : m_out(out), m_size(out.size()) {}
    CborWriter(const CborWriter&) = delete;
    CborWriter& operator=(const CborWriter&) = delete;

    void finish() { m_out.truncate(m_size); }

    // Appends bytes that already are encoded CBOR (e.g. stored canonical items), as they are.
    void encoded(QByteArrayView cbor) { raw(cbor.data(), cbor.size()); }

    // A major type and its argument in the shortest form.
    void header(quint8 major, quint64 value)
    {
        char* p = reserve(9);
        const auto type = static_cast<char>(major << 5);
        if (value < 24) {
            *p = static_cast<char>(type | static_cast<char>(value));
            m_size += 1;
        } else if (value <= 0xFF) {
            *p = static_cast<char>(type | 24);
            p[1] = static_cast<char>(value);
            m_size += 2;
        } else if (value <= 0xFFFF) {
            *p = static_cast<char>(type | 25);
            bigEndian(p + 1, value, 2);
            m_size += 3;
        } else if (value <= 0xFFFFFFFFu) {
            *p = static_cast<char>(type | 26);
            bigEndian(p + 1, value, 4);
            m_size += 5;
        } else {
            *p = static_cast<char>(type | 27);
            bigEndian(p + 1, value, 8);
            m_size += 9;
        }
    }
    void integer(qint64 v)
    {
        if (v >= 0)
            header(0, static_cast<quint64>(v));
        else
            header(1, static_cast<quint64>(-1 - v));
    }
    void bytes(const char* data, qsizetype size)
    {
        header(2, static_cast<quint64>(size));
        raw(data, size);
    }
    void simple(quint8 value)
    {
        *reserve(1) = static_cast<char>(0xE0 | value);
        m_size += 1;
    }
    void real(double d)
    {
        char* p = reserve(9);
        *p = static_cast<char>(0xFB);
        quint64 bits = 0;
        std::memcpy(&bits, &d, sizeof bits);
        bigEndian(p + 1, bits, 8);
        m_size += 9;
    }

    // Text as UTF-8. One pass: the bytes are written after room for the longest header
    // their length could need, and moved back if the real length needs a shorter one. Text
    // with surrogates goes through QString::toUtf8, as in QCborStreamWriter, so even a lone
    // surrogate encodes the same way.
    void text(QStringView s)
    {
        const qsizetype guess = headerSize(3 * static_cast<quint64>(s.size()));
        char* const begin = reserve(guess + 3 * s.size()) + guess;
        char* p = begin;
        for (const QChar c : s) {
            const char16_t u = c.unicode();
            if (u < 0x80) {
                *p++ = static_cast<char>(u);
            } else if (u < 0x800) {
                *p++ = static_cast<char>(0xC0 | (u >> 6));
                *p++ = static_cast<char>(0x80 | (u & 0x3F));
            } else if (QChar::isSurrogate(u)) {
                const QByteArray utf8 = s.toUtf8();
                header(3, static_cast<quint64>(utf8.size()));
                raw(utf8.constData(), utf8.size());
                return;
            } else {
                *p++ = static_cast<char>(0xE0 | (u >> 12));
                *p++ = static_cast<char>(0x80 | ((u >> 6) & 0x3F));
                *p++ = static_cast<char>(0x80 | (u & 0x3F));
            }
        }
        const qsizetype size = p - begin;
        const qsizetype needed = headerSize(static_cast<quint64>(size));
        if (needed != guess)
            std::memmove(begin - guess + needed, begin, static_cast<std::size_t>(size));
        header(3, static_cast<quint64>(size)); // writes `needed` bytes at the write position
        m_size += size;
    }

    // As QCborValue::toCbor() with no transformation: containers of definite length in
    // their stored order, doubles as 64-bit floats. Rarer types (tags, simple values and
    // Qt's extended types) are left to Qt.
    void value(const QCborValue& v)
    {
        switch (v.type()) {
        case QCborValue::Integer:
            integer(v.toInteger());
            return;
        case QCborValue::ByteArray: {
            const QByteArray b = v.toByteArray();
            bytes(b.constData(), b.size());
            return;
        }
        case QCborValue::String:
            text(v.toString());
            return;
        case QCborValue::Array: {
            const QCborArray array = v.toArray();
            header(4, static_cast<quint64>(array.size()));
            for (const QCborValue& element : array)
                value(element);
            return;
        }
        case QCborValue::Map: {
            const QCborMap map = v.toMap();
            header(5, static_cast<quint64>(map.size()));
            for (auto it = map.cbegin(); it != map.cend(); ++it) {
                value(it.key());
                value(it.value());
            }
            return;
        }
        case QCborValue::False:
            simple(20);
            return;
        case QCborValue::True:
            simple(21);
            return;
        case QCborValue::Null:
            simple(22);
            return;
        case QCborValue::Undefined:
            simple(23);
            return;
        case QCborValue::Double:
            real(v.toDouble());
            return;
        default: {
            const QByteArray encoded = v.toCbor();
            raw(encoded.constData(), encoded.size());
            return;
        }
        }
    }

private:
    static qsizetype headerSize(quint64 value)
    {
        return value < 24 ? 1 : value <= 0xFF ? 2 : value <= 0xFFFF ? 3 : value <= 0xFFFFFFFFu ? 5 : 9;
    }
    // Room for `n` more bytes at the write position (QByteArray's own append costs more
    // than the encoding of a small value).
    char* reserve(qsizetype n)
    {
        if (m_size + n > m_out.size())
            m_out.resize(std::max({2 * m_out.size(), m_size + n, qsizetype(256)}));
        return m_out.data() + m_size;
    }
    void raw(const char* data, qsizetype size)
    {
        if (size > 0)
            std::memcpy(reserve(size), data, static_cast<std::size_t>(size));
        m_size += size;
    }
    static void bigEndian(char* p, quint64 value, int size)
    {
        for (int i = 0; i < size; ++i)
            p[i] = static_cast<char>((value >> (8 * (size - 1 - i))) & 0xFF);
    }

    QByteArray& m_out;
    qsizetype m_size;
};

} // namespace sen
