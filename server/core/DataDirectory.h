#pragma once

// A sen-server data directory (DIR of `sen-server --data DIR`): the server's identity, its
// certifier, its users and groups, its databases and its audit log. The layout, each file's
// format and what init, register and revoke change are in docs/server.md.
//
// open() reads only what is cheap (server.json, the certifier's certificate from its ID
// file header, groups.json); the keys are opened on demand, since each costs a KDF run.
// Nothing is cached except the CRL (currentCrlDer).
//
// Protection is the directory's permissions (0700, files 0600), as with a Domino server.id
// without a password: the certifier and server ID files are sealed under a random secret
// kept beside them, so the daemon starts unattended and a copy of one ID file alone is
// useless.
//
// Thread-safety: the accessors may be called from any thread once open() returned;
// currentCrlDer() serialises its re-reads. Move-only.

#include "common/acl/Directory.h"
#include "common/core/Result.h"
#include "common/identity/Certifier.h"
#include "common/identity/Credentials.h"
#include "common/identity/IdFile.h"
#include "server/audit/AuditEvent.h"
#include "server/audit/AuditLog.h"
#include "server/core/DataDirectoryLock.h"
#include "server/core/ServerConfig.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <span>

namespace sen::server {

struct DataDirectoryCreateOptions
{
    identity::HierarchicalName org;
    QString serverCommonName = QString::fromUtf16(ServerConfig::kDefaultServerName);
    identity::HierarchicalName admin; // the full name, NAME/ORG
    identity::KdfCost kdfCost = identity::KdfCost::Interactive;
};

class DataDirectory
{
public:
    // Certificate lifetimes, in days from an hour before issue (clock skew).
    static constexpr int kCertifierValidityDays = 7305; // 20 years
    static constexpr int kServerValidityDays = 3652;    // 10 years
    static constexpr int kUserValidityDays = 730;       // 2 years
    // The published CRL's nextUpdate; informative, since revocations never lapse.
    static constexpr int kCrlValidityDays = 30;

    // InvalidArgument "DIR is not a sen-server data directory (no server.json)"; the errors of
    // ServerConfig::load, GroupsFile::load and IdFile::readHeader otherwise.
    [[nodiscard]] static Result<DataDirectory> open(const QString& dir);
    // Makes a new data directory in `dir` (created if missing; it must hold nothing but the
    // lock file): the secret, the certifier and its CRL, the server's ID, empty user and
    // group lists, the databases/ and logs/ folders with an empty audit log, and server.json
    // last. `complete` runs just before server.json is written (init registers the admin
    // there), so its work is part of the all-or-nothing. Conflict "DIR already holds a data
    // directory" if server.json exists; Conflict "DIR is not empty" for any other content.
    // On failure everything written in `dir` is removed.
    using CompleteInit = std::function<Status(const DataDirectory&)>;
    [[nodiscard]] static Result<DataDirectory> create(const QString& dir,
                                                      const DataDirectoryCreateOptions& options,
                                                      const DataDirectoryLock& held,
                                                      const CompleteInit& complete);
    // Makes the data directory of a further server of the organisation (a spoke,
    // docs/servers.md) from `server`, the credentials of a server ID the hub issued: the
    // secret, server.id sealed under it, empty user and group lists, databases/ and logs/
    // with an empty audit log, server.json last; no certifier and no CRL (they come from
    // the hub). The same emptiness rules and all-or-nothing as create().
    [[nodiscard]] static Result<DataDirectory>
    createSpoke(const QString& dir, const identity::Credentials& server, identity::KdfCost kdfCost,
                const DataDirectoryLock& held, const CompleteInit& complete);

    DataDirectory(DataDirectory&&) noexcept;
    DataDirectory& operator=(DataDirectory&&) noexcept;
    ~DataDirectory();

    const QString& path() const { return m_path; }
    const ServerConfig& config() const { return m_config; }
    const identity::HierarchicalName& org() const { return m_config.org; }
    const identity::HierarchicalName& serverName() const { return m_config.serverName; }
    // Whether this is the organisation's hub: it holds the certifier (certifier.id), so it
    // registers users and servers, revokes and decides ACLs (docs/servers.md). A spoke does not.
    bool holdsCertifier() const { return m_holdsCertifier; }
    const QString& defaultListen() const { return m_config.listen; }
    // The full name of a user registered here as `name`: NAME/ORG. InvalidArgument if the
    // result is not a valid hierarchical name.
    [[nodiscard]] Result<identity::HierarchicalName> qualifiedName(const QString& name) const;

    // ---- For the listener -----------------------------------------------------------------
    // The server's own credentials, opened from server.id (one KDF run: call it once).
    [[nodiscard]] Result<identity::Credentials> serverCredentials() const;
    QByteArray certifierCertificateDer() const { return m_certifierDer; }
    // The certifier's current CRL (crl.der), re-read when the file changed since the last
    // call, so a revocation takes effect at the next connection of a running server.
    [[nodiscard]] Result<QByteArray> currentCrlDer() const;
    // The groups of groups.json as read by open().
    const acl::Directory& directory() const { return m_directory; }

    // ---- Databases ------------------------------------------------------------------------
    // 1–64 letters, digits, '-', '_', '.', not starting with '.' (the client's rule).
    static bool isValidDatabaseName(const QString& name);
    QString databasePath(const QString& name) const;
    // Names of every databases/<name>.sen, sorted.
    QStringList databaseNames() const;
    // The name of the database called `nameOrReplicaIdHex`, or whose replica ID (32 hex
    // digits) it is. NotFound "no database \"X\" in DIR".
    [[nodiscard]] Result<QString> findDatabase(const QString& nameOrReplicaIdHex) const;

    // ---- Files for admin commands ---------------------------------------------------------
    QString serverConfigPath() const;
    QString secretPath() const;
    QString certifierIdPath() const;
    QString crlPath() const;
    QString serverIdPath() const;
    QString usersPath() const;
    QString serversPath() const; // servers.json: the servers the hub issued IDs to (UserRegistry's format)
    QString webPasswordsPath() const; // web-passwords.json (server/web/WebPasswords.h)
    QString groupsPath() const;
    QString databasesPath() const;
    QString auditLogPath() const;

    // The certifier, opened with the secret (one KDF run). Unsupported at a spoke, which has
    // none: what needs it (register, revoke, server add) is done at the hub.
    [[nodiscard]] Result<identity::Certifier> loadCertifier() const;
    // Saves the certifier's state under the secret and publishes a fresh CRL to crl.der.
    [[nodiscard]] Status saveCertifier(identity::Certifier& certifier, identity::KdfCost cost) const;
    // Appends one event to the audit log: opens it, appends, closes, under `held`. The head
    // file is signed with the server's key (auditLogOptions()).
    [[nodiscard]] Status appendAudit(const AuditEvent& event, const DataDirectoryLock& held) const;
    // The same for several events, in order, with one opening of the log and one head update
    // (AuditLog::append of a span): the daemon's audit thread writes what it has queued.
    [[nodiscard]] Status appendAudit(std::span<const AuditEvent> events, const DataDirectoryLock& held) const;
    // How this directory's audit log is opened: its head signed with the server's key and
    // checked against the server's certificate (docs/audit-log.md §Head file). Opens the
    // server's ID once (one KDF run) and keeps what it needs for the directory's lifetime.
    [[nodiscard]] Result<AuditLogOptions> auditLogOptions() const;
    // The server's certificate (DER), read from its ID file's public header (no KDF run).
    [[nodiscard]] Result<QByteArray> serverCertificateDer() const;

private:
    DataDirectory() = default;
    [[nodiscard]] Result<QString> readSecret() const;
    // The part of create() and createSpoke() after the IDs: lists, folders, the audit log,
    // `complete`, then server.json.
    [[nodiscard]] Status completeCreate(const identity::Credentials& server, const CompleteInit& complete);

    struct CrlCache;
    QString m_path;
    ServerConfig m_config;
    QByteArray m_certifierDer;
    bool m_holdsCertifier = false;
    acl::Directory m_directory;
    std::unique_ptr<CrlCache> m_crl;
    mutable std::shared_ptr<const AuditLogOptions> m_auditOptions; // filled by auditLogOptions()
};

} // namespace sen::server
