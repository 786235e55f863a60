#pragma once

// Keeps the directory a sync brought (docs/protocol.md §Directory) in the workspace's
// directory file (client/core/DirectoryFile.h), for the address book. The session decoded and
// bounded the listing before it gets here; a listing refused there never reaches this, so the
// copy kept from the last good sync stays as it was.

#include "client/core/DirectoryFile.h"
#include "replication/session/DirectoryExchange.h"

namespace sen::client {

class DirectoryUpdate : public DirectoryClient
{
public:
    // `server`: the replica's server address as its settings hold it; `replicaIdHex`: the
    // database the roles belong to.
    DirectoryUpdate(const QString& workspaceHome, QString server, QString replicaIdHex)
        : m_file(DirectoryFile::pathIn(workspaceHome)), m_server(std::move(server)),
          m_replica(std::move(replicaIdHex))
    {}

    Status apply(const protocol::DirectoryListing& listing) override
    {
        return m_file.store(m_server, m_replica, listing);
    }

private:
    DirectoryFile m_file;
    QString m_server;
    QString m_replica;
};

} // namespace sen::client
