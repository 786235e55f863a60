#include "client/sync/ReplicaServers.h"

#include "replication/session/RemoteSession.h"

namespace sen::client::ReplicaServers {

Result<QStringList> parse(const QString& text, const QString& database)
{
    if (text.size() > kMaxTextLength)
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("the list of servers is longer than %1 characters").arg(kMaxTextLength));
    const QStringList parts = text.split(u',');
    if (parts.size() > kMaxServers)
        return Status(
            ErrorCode::InvalidArgument,
            QStringLiteral("%1 servers: a replica lists at most %2").arg(parts.size()).arg(kMaxServers));
    QStringList servers;
    for (const QString& part : parts) {
        const QString address = part.trimmed();
        if (address.isEmpty())
            return Status(ErrorCode::InvalidArgument,
                          QStringLiteral("an empty address in the list of servers \"%1\"").arg(text));
        SEN_ASSIGN_OR_RETURN(const RemoteEndpoint endpoint, RemoteEndpoint::parse(address, database));
        const QString normal = endpoint.address();
        if (servers.contains(normal, Qt::CaseInsensitive))
            return Status(ErrorCode::InvalidArgument,
                          QStringLiteral("%1 is twice in the list of servers").arg(normal));
        servers.append(normal);
    }
    return servers;
}

QString join(const QStringList& servers)
{
    return servers.join(u',');
}

bool movesOn(const Status& status)
{
    return status.code() == ErrorCode::IoError || status.code() == ErrorCode::Busy;
}

} // namespace sen::client::ReplicaServers
