#include "replication/protocol/AuthorityMessages.h"

#include "replication/protocol/BoundedCbor.h"

#include <QCborArray>

namespace sen::protocol {

namespace {

constexpr qint64 kMaxSerial = qint64(1) << 53; // as AuthorityRecord.cpp

} // namespace

QByteArray encodeAuthoritySerial(std::uint64_t serial)
{
    return QCborValue(QCborArray{static_cast<qint64>(serial)}).toCbor();
}

Result<std::uint64_t> decodeAuthoritySerial(QByteArrayView payload)
{
    SEN_ASSIGN_OR_RETURN(const QCborValue value, parseBoundedCbor(payload, CborLimits{1, 2}));
    const QCborArray a = value.toArray();
    if (!value.isArray() || a.size() != 1 || !a[0].isInteger() || a[0].toInteger() < 0 ||
        a[0].toInteger() > kMaxSerial)
        return Status(ErrorCode::ProtocolError, QStringLiteral("malformed message: AUTHORITY_SERIAL"));
    return static_cast<std::uint64_t>(a[0].toInteger());
}

QByteArray encodeAuthority(const QByteArray& record)
{
    return record;
}

Result<AuthorityRecord> decodeAuthority(QByteArrayView payload)
{
    return decodeAuthorityRecord(payload);
}

} // namespace sen::protocol
