#include "client/app/ReplicaServerList.h"

#include "client/sync/ReplicaServers.h"
#include "client/sync/Replicator.h"

namespace sen::app {

ReplicaServerList::ReplicaServerList(client::Workspace workspace, QString name, QString database,
                                     QStringList servers)
    : m_workspace(std::move(workspace)), m_name(std::move(name)), m_database(std::move(database)),
      m_servers(std::move(servers)), m_loaded(m_servers)
{}

Result<ReplicaServerList> ReplicaServerList::load(const client::Workspace& workspace, const QString& name)
{
    SEN_ASSIGN_OR_RETURN(const std::unique_ptr<ReplicaStore> store, workspace.openDatabase(name));
    SEN_ASSIGN_OR_RETURN(const client::ReplicaSettings settings, client::Replicator::settingsOf(*store));
    if (settings.servers.isEmpty())
        return Status(ErrorCode::InvalidArgument, tr("%1 is a local database: it has no servers.").arg(name));
    return ReplicaServerList(workspace, name, settings.database, settings.servers);
}

Status ReplicaServerList::add(const QString& address)
{
    if (address.contains(u','))
        return Status(ErrorCode::InvalidArgument, tr("Enter one server at a time."));
    if (m_servers.size() >= client::ReplicaServers::kMaxServers)
        return Status(ErrorCode::InvalidArgument,
                      tr("A replica lists at most %1 servers.").arg(client::ReplicaServers::kMaxServers));
    const auto parsed = client::ReplicaServers::parse(address, m_database);
    if (!parsed)
        return Status(ErrorCode::InvalidArgument,
                      tr("The server address must look like NAME:PORT, for example sen.hanoi.gov.vn:1352."));
    const QString server = parsed->constFirst();
    if (m_servers.contains(server, Qt::CaseInsensitive))
        return Status(ErrorCode::Conflict, tr("%1 is already in the list.").arg(server));
    m_servers.append(server);
    return Status::ok();
}

Status ReplicaServerList::remove(int row)
{
    if (row < 0 || row >= m_servers.size())
        return Status(ErrorCode::InvalidArgument, tr("Choose a server first."));
    if (m_servers.size() == 1)
        return Status(ErrorCode::InvalidArgument, tr("A replica keeps at least one server."));
    m_servers.removeAt(row);
    return Status::ok();
}

Status ReplicaServerList::move(int row, int delta)
{
    const int to = row + delta;
    if (row < 0 || row >= m_servers.size() || to < 0 || to >= m_servers.size())
        return Status(ErrorCode::InvalidArgument, tr("That server cannot move further."));
    m_servers.move(row, to);
    return Status::ok();
}

Status ReplicaServerList::save() const
{
    SEN_ASSIGN_OR_RETURN(const std::unique_ptr<ReplicaStore> store, m_workspace.openDatabase(m_name));
    return client::Replicator::setServers(*store, client::ReplicaServers::join(m_servers));
}

QString ReplicaServerList::lastServerText(const QString& server, const QString& serverName)
{
    if (server.isEmpty())
        return {};
    if (serverName.isEmpty())
        return tr("Last served by %1").arg(server);
    return tr("Last served by %1 (%2)").arg(server, serverName);
}

} // namespace sen::app
