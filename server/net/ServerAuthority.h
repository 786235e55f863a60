#pragma once

// A running server's side of the hub's authority record (docs/servers.md §"Authority across
// servers"), the AuthorityKeeper its server-to-server sessions use (replication/session/
// AuthorityExchange.h), shared by every connection of the process.
//
// At the hub (the server holding the certifier) held() makes the record from what the data
// directory holds now — the CRL, the active people of users.json, groups.json, every
// database's ACL — and signs a fresh one only when that differs from the record last issued
// (or a peer showed a greater serial, e.g. after the hub was restored from a backup): the serial
// is the issue time in ms, strictly greater than every serial issued or seen. So a change made
// by any admin command reaches the next server session without the command knowing of it. The
// hub never takes a record; one newer than its own only raises the next serial.
//
// At a spoke held() is the record kept in authority.cbor, and receive() takes a record only when
// acceptAuthorityRecord() does (signed by the certifier, our organisation, the certifier's
// CRL, newer than the held one), then writes what it decides (server/core/AuthoritySite.h) and
// audits `authority_updated` with the serial. Anything refused changes nothing.
//
// Thread-safe: every call takes one mutex (sessions of several worker threads).

#include "common/acl/Directory.h"
#include "replication/session/AuthorityExchange.h"
#include "server/core/AuthoritySite.h"

#include <QDateTime>
#include <QMutex>

#include <functional>
#include <memory>
#include <optional>

namespace sen {
class ReplicaStore;
}

namespace sen::server {

struct AuditEvent;

class ServerAuthority : public AuthorityKeeper
{
public:
    using Audit = std::function<void(const AuditEvent&)>;
    // The hub's: the certifier's private key (PKCS#8 PEM), opened when a record is signed.
    using CertifierKey = std::function<Result<QByteArray>()>;

    // A spoke's.
    ServerAuthority(AuthoritySite site, QString serverName, Audit audit);
    // The hub's.
    ServerAuthority(AuthoritySite site, QString serverName, Audit audit, CertifierKey certifierKey);

    // The hub's when `dir` holds the certifier (its key opened from there when a record is
    // signed: one KDF run), a spoke's otherwise.
    static std::shared_ptr<ServerAuthority> forDirectory(const DataDirectory& dir, Audit audit);

    bool isHub() const { return static_cast<bool>(m_certifierKey); }

    Result<HeldAuthority> held() override;
    Status receive(const QByteArray& record, std::uint64_t announcedSerial) override;

    // The groups as groups.json holds them now (re-read when the file changed).
    acl::Directory directory();
    // A spoke: writes the held record's ACL into `store` if it differs (a database opened for a
    // session after the record came). The hub: nothing.
    Status refreshAcl(ReplicaStore& store);

    // The error a spoke without a revocation list answers every connection with.
    static Status noRevocationListYet();

private:
    Status loadLocked();
    Result<protocol::AuthorityContent> hubContentLocked() const;
    Status issueLocked();
    void audit(const QString& detail) const;

    AuthoritySite m_site;
    QString m_serverName;
    Audit m_audit;
    CertifierKey m_certifierKey;
    QMutex m_mutex;
    bool m_loaded = false;
    protocol::AuthorityRecord m_held;
    std::uint64_t m_seen = 0; // the hub: the greatest serial a peer showed
    // groups.json as last read, and when the file was last modified then.
    acl::Directory m_groups;
    QDateTime m_groupsModified;
    qint64 m_groupsSize = -1;
};

} // namespace sen::server
