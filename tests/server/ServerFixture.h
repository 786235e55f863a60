#pragma once

// An in-process sen-server on loopback for network tests: a certifier, the server's
// credentials, replica files in a temporary directory, the real listener and worker
// threads, real TLS. Clients are real RemoteSessions (or raw sockets for bad input).

#include "common/acl/AccessLevel.h"
#include "common/acl/AclEntry.h"
#include "common/acl/Directory.h"
#include "common/identity/Certifier.h"
#include "common/store/ReplicaStore.h"
#include "replication/session/RemoteSession.h"
#include "server/audit/AuditLog.h"
#include "server/audit/AuditRecord.h"
#include "server/net/Server.h"
#include "server/net/ServerContext.h"
#include "tests/support/TempDir.h"

#include <QMutex>
#include <QSslConfiguration>

#include <memory>

namespace sen::test {

class ServerFixture
{
public:
    // `handshakeTimeoutMs` is the server's limit for the TLS handshake and the HELLO;
    // `maxPendingNumbers` its bound on the numbers a user holds for documents it has not
    // received (`sen-server run --max-pending-numbers`).
    explicit ServerFixture(int handshakeTimeoutMs = 3000,
                           qint64 maxPendingNumbers = server::kMaxPendingNumbers);
    ~ServerFixture();

    quint16 port() const { return m_server->port(); }
    QString orgName() const { return QStringLiteral("VPTU/HaNoi"); }

    // A database on the server, with `-Default-` at `defaultLevel`.
    ReplicaInfo createDatabase(const QString& name, acl::AccessLevel defaultLevel = acl::AccessLevel::Editor,
                               DatabaseKind kind = DatabaseKind::Documents);
    // Sets one ACL entry of a server database.
    void setAccess(const QString& database, const QString& entry, acl::AccessLevel level);
    // Sets one ACL entry as given (rights and roles included).
    void setEntry(const QString& database, const acl::AclEntry& entry);
    // Defines (or replaces) a group of the server's directory and its direct members (full
    // names); the server resolves access with it from the next session on.
    void setGroup(const QString& group, const QStringList& members);
    // A user "NAME/VPTU/HaNoi" and the TLS configuration it presents.
    QSslConfiguration user(const QString& name);
    // Another server "NAME/VPTU/HaNoi" of the same certifier (role server) and the TLS
    // configuration it presents: a spoke dialling this server.
    QSslConfiguration otherServer(const QString& name);
    // The same user as an ID file sealed under `password` (cheap KDF), written to `path`.
    void userIdFile(const QString& name, const QString& password, const QString& path);
    // The registered people the server tells in its directory (docs/protocol.md §Directory), as
    // full hierarchical names; from the next session on.
    void setPeople(const QStringList& people);
    // Revokes a user's certificate (takes effect at the next connection).
    void revoke(const QString& name);
    // The certifier's current CRL (DER), as the server reads it.
    QByteArray crl() const;

    // Bad peers. Each trusts this fixture's certifier, so only the server can refuse it.
    // A user whose certificate expired yesterday.
    QSslConfiguration expiredUser(const QString& name);
    // A user "NAME/Foreign/Org" certified by another organisation's certifier.
    QSslConfiguration foreignUser(const QString& name);
    // A client presenting no certificate at all.
    QSslConfiguration anonymous();

    // The server's own credentials (its certificate from this fixture's certifier): what a
    // hostile server or a man in the middle holding the server's key presents.
    const identity::Credentials& serverCredentials() const { return m_context.credentials; }

    // A second in-process server that presents the *user* certificate of `name` (same
    // certifier) and serves the same databases; returns its port. Lives as long as the fixture.
    quint16 startImpostor(const QString& name);

    // A second server of this certifier with its own server certificate
    // ("sen-server-b/VPTU/HaNoi") and its own files (mirrorPath): an office's second server.
    // Returns its port; lives as long as the fixture.
    quint16 startMirror();
    QString mirrorPath(const QString& database) const;
    // Stops the fixture's first server: its port refuses connections from now on.
    void stopServer();

    // A client replica of `database` in the test directory, created from the server's info.
    std::unique_ptr<ReplicaStore> clientReplica(const QString& file, const QString& database,
                                                const QSslConfiguration& tls);
    // A client replica of a server database made without asking the server (for users the
    // server would refuse even a describe request).
    std::unique_ptr<ReplicaStore> offlineReplica(const QString& file, const ReplicaInfo& server);
    // One sync of `store` with the server's `database`; returns the outcome. `port` 0 is
    // this fixture's server.
    Status sync(ReplicaStore& store, const QString& database, const QSslConfiguration& tls,
                SessionStats* stats = nullptr, quint16 port = 0);

    QString serverPath(const QString& database) const;
    const QString& auditPath() const { return m_auditPath; }
    // The audit log's records so far, read from its JSONL file.
    QList<server::AuditRecord> auditRecords() const;
    // Runs the event loop until a record of `kind` whose detail contains `detail` is in the
    // audit log (the server writes it from a worker thread), or `timeoutMs` passed.
    bool waitForAudit(const QString& kind, const QString& detail = {}, int timeoutMs = 5000) const;
    TempDir& dir() { return m_dir; }
    // From now on every audit write fails as on a full disk (Linux: /dev/full).
    void failAuditWrites();
    bool auditFailed() const { return m_context.auditFailed->load(); }

private:
    QSslConfiguration party(const QString& name, identity::CertificateRole role,
                            const QStringList& hostNames = {});

    TempDir m_dir;
    identity::Certifier m_certifier;
    QHash<QString, QString> m_serials; // user name -> serial
    mutable QMutex m_crlMutex;
    QByteArray m_crl;
    QString m_auditPath;
    mutable QMutex m_directoryMutex; // read by worker threads
    acl::Directory m_directory;
    QStringList m_people;
    server::AuditLogOptions m_auditOptions;
    QMutex m_auditMutex; // m_audit is appended to from worker threads and swapped by failAuditWrites
    std::unique_ptr<server::AuditLog> m_audit;
    server::ServerContext m_context;
    std::unique_ptr<server::Server> m_server;
    server::ServerContext m_impostorContext;
    std::unique_ptr<server::Server> m_impostor;
    server::ServerContext m_mirrorContext;
    std::unique_ptr<server::Server> m_mirror;
};

} // namespace sen::test
