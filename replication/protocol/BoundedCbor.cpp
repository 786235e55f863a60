#include "replication/protocol/BoundedCbor.h"

#include <QCborParserError>

namespace sen::protocol {

namespace {

Status bad(const QString& what)
{
    return Status(ErrorCode::ProtocolError, QStringLiteral("malformed message: ") + what);
}

// A minimal CBOR header reader over the raw bytes (RFC 8949 §3): major type, argument.
class Walker
{
public:
    Walker(QByteArrayView bytes, const CborLimits& limits)
        : m_p(bytes.data()), m_end(bytes.data() + bytes.size()), m_limits(limits)
    {}

    Status walk(int depth)
    {
        if (depth > m_limits.maxDepth)
            return bad(QStringLiteral("nested deeper than %1").arg(m_limits.maxDepth));
        if (++m_items > m_limits.maxItems)
            return bad(QStringLiteral("more than %1 items").arg(m_limits.maxItems));
        if (m_p >= m_end)
            return bad(QStringLiteral("truncated"));
        const auto initial = static_cast<unsigned char>(*m_p++);
        const int major = initial >> 5;
        const int info = initial & 0x1f;
        std::uint64_t arg = 0;
        if (info < 24) {
            arg = static_cast<std::uint64_t>(info);
        } else if (info <= 27) {
            const int size = 1 << (info - 24);
            if (m_end - m_p < size)
                return bad(QStringLiteral("truncated"));
            for (int i = 0; i < size; ++i)
                arg = (arg << 8) | static_cast<unsigned char>(*m_p++);
        } else {
            return bad(QStringLiteral("indefinite or reserved length"));
        }
        const auto remaining = static_cast<std::uint64_t>(m_end - m_p);
        switch (major) {
        case 0: // unsigned
        case 1: // negative
            return Status::ok();
        case 2: // bytes
        case 3: // text
            if (arg > remaining)
                return bad(QStringLiteral("a string longer than the message"));
            m_p += arg;
            return Status::ok();
        case 4:   // array
        case 5: { // map
            const std::uint64_t elements = major == 5 ? arg * 2 : arg;
            if (arg > remaining || elements > remaining) // every element takes at least a byte
                return bad(QStringLiteral("a container longer than the message"));
            for (std::uint64_t i = 0; i < elements; ++i)
                SEN_TRY(walk(depth + 1));
            return Status::ok();
        }
        case 6:
            return bad(QStringLiteral("tags are not used"));
        case 7:
            if (info == 20 || info == 21 || info == 22 || info == 27 || info == 26 || info == 25)
                return Status::ok(); // false, true, null, floats
            return bad(QStringLiteral("unsupported simple value"));
        }
        return bad(QStringLiteral("unknown major type"));
    }
    bool atEnd() const { return m_p == m_end; }
    std::uint32_t items() const { return m_items; }

private:
    const char* m_p;
    const char* m_end;
    const CborLimits& m_limits;
    std::uint32_t m_items = 0;
};

} // namespace

Status checkBoundedCbor(QByteArrayView bytes, const CborLimits& limits)
{
    Walker walker(bytes, limits);
    SEN_TRY(walker.walk(0));
    if (!walker.atEnd())
        return bad(QStringLiteral("trailing bytes"));
    return Status::ok();
}

Result<std::uint32_t> countBoundedCbor(QByteArrayView bytes, const CborLimits& limits)
{
    Walker walker(bytes, limits);
    SEN_TRY(walker.walk(0));
    if (!walker.atEnd())
        return bad(QStringLiteral("trailing bytes"));
    return walker.items();
}

Result<QCborValue> parseBoundedCbor(QByteArrayView bytes, const CborLimits& limits)
{
    SEN_TRY(checkBoundedCbor(bytes, limits));
    QCborParserError error;
    QCborValue value = QCborValue::fromCbor(bytes.toByteArray(), &error);
    if (error.error != QCborError::NoError)
        return bad(error.errorString());
    return value;
}

} // namespace sen::protocol
