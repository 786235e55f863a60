#include "replication/protocol/DatabaseInfo.h"

#include "replication/protocol/BoundedCbor.h"

#include <QCborArray>

namespace sen::protocol {

QByteArray encode(const DatabaseInfo& m)
{
    return QCborArray{m.replicaId.toBytes(), m.kind, m.title}.toCborValue().toCbor();
}

Result<DatabaseInfo> decodeDatabaseInfo(QByteArrayView payload)
{
    SEN_ASSIGN_OR_RETURN(const QCborValue value, parseBoundedCbor(payload));
    const QCborArray a = value.toArray();
    const auto replica =
        a.size() == 3 && a[0].isByteArray() ? ReplicaId::fromBytes(a[0].toByteArray()) : std::nullopt;
    if (!value.isArray() || !replica || replica->isNull() || !a[1].isInteger() || a[1].toInteger() < 1 ||
        a[1].toInteger() > 1000 || !a[2].isString() || a[2].toString().size() > 1000)
        return Status(ErrorCode::ProtocolError, QStringLiteral("malformed message: database info"));
    return DatabaseInfo{*replica, static_cast<int>(a[1].toInteger()), a[2].toString()};
}

} // namespace sen::protocol
