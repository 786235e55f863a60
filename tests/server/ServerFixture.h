#pragma once

// An in-process sen-server on loopback for network tests: a certifier, the server's
// credentials, replica files in a temporary directory, the real listener and worker
// threads, real TLS. Clients are real RemoteSessions (or raw sockets for bad input).

#include "acl/AccessLevel.h"
#include "audit/AuditLog.h"
#include "identity/Certifier.h"
#include "net/Server.h"
#include "net/ServerContext.h"
#include "session/RemoteSession.h"
#include "store/ReplicaStore.h"
#include "support/TempDir.h"

#include <QMutex>
#include <QSslConfiguration>

#include <memory>

namespace sen::test {

class ServerFixture
{
public:
    ServerFixture();
    ~ServerFixture();

    quint16 port() const { return m_server->port(); }
    QString orgName() const { return QStringLiteral("VPTU/HaNoi"); }

    // A database on the server, with `-Default-` at `defaultLevel`.
    ReplicaInfo createDatabase(const QString& name, acl::AccessLevel defaultLevel = acl::AccessLevel::Editor);
    // Sets one ACL entry of a server database.
    void setAccess(const QString& database, const QString& entry, acl::AccessLevel level);
    // A user "NAME/VPTU/HaNoi" and the TLS configuration it presents.
    QSslConfiguration user(const QString& name);
    // The same user as an ID file sealed under `password` (cheap KDF), written to `path`.
    void userIdFile(const QString& name, const QString& password, const QString& path);
    // Revokes a user's certificate (takes effect at the next connection).
    void revoke(const QString& name);

    // A client replica of `database` in the test directory, created from the server's info.
    std::unique_ptr<ReplicaStore> clientReplica(const QString& file, const QString& database,
                                                const QSslConfiguration& tls);
    // One sync of `store` with the server's `database`; returns the outcome.
    Status sync(ReplicaStore& store, const QString& database, const QSslConfiguration& tls,
                SessionStats* stats = nullptr);

    QString serverPath(const QString& database) const;
    const QString& auditPath() const { return m_auditPath; }
    TempDir& dir() { return m_dir; }

private:
    TempDir m_dir;
    identity::Certifier m_certifier;
    QHash<QString, QString> m_serials; // user name -> serial
    mutable QMutex m_crlMutex;
    QByteArray m_crl;
    QString m_auditPath;
    std::unique_ptr<server::AuditLog> m_audit;
    server::ServerContext m_context;
    std::unique_ptr<server::Server> m_server;
};

} // namespace sen::test
