#pragma once

// The hub's signed authority record (docs/servers.md §"Authority across servers",
// docs/protocol.md §Authority): what the hub — the server holding the organisation's
// certifier — decides for every server of the organisation: the revocation list, the
// registered people, the groups and each database's ACL and numbering server. The hub signs it
// with the certifier's key; every server checks it against the certifier's certificate it
// trusts, and a spoke passes it on exactly as received (it cannot sign).
//
// On the wire and on disk: CBOR `[1, content (bytes), signature (bytes, 64)]`, the signature an
// ECDSA P-256 signature (crypto/Signature.h) over kAuthoritySignedPrefix followed by the
// content bytes. The content is
//   [format, org, serial, crl (bytes), people, groups, databases]
//   person   = [name, registeredMs, [[serialHex, issuedMs, notAfterMs], ...]]
//   group    = [name, [member, ...]]
//   database = [replicaId (bytes 16), numberingServer ("" = the hub), [entry, ...]]
//   entry    = [name, kind, level, rights, [role, ...]]   (numbers as common/acl persists them)
// `serial` is the hub's issue time in ms since the epoch, strictly greater than any record it
// issued before: a server takes a record only when its serial is greater than the one it holds.
//
// The decoder bounds every count, length and size below before use and refuses (ProtocolError)
// anything malformed: a name that is not an access name, a person twice, an unknown kind,
// level or right, a replica twice. acceptAuthorityRecord() adds the signature (PermissionDenied),
// the organisation, the CRL being the certifier's, and the rollback check (Conflict).

#include "common/acl/AclEntry.h"
#include "common/core/Ids.h"
#include "common/core/Result.h"
#include "replication/protocol/DirectoryListing.h"

#include <QByteArray>
#include <QStringList>

#include <cstdint>
#include <vector>

namespace sen::protocol {

constexpr int kAuthorityFormat = 1;
// Domain separation: no other signature Sen makes can pass for a record's.
inline constexpr char kAuthoritySignedPrefix[] = "sen authority record 1";

// Limits of one record (a province: a few thousand people, a few hundred databases).
constexpr qsizetype kMaxAuthorityRecordBytes = 8 << 20; // the whole record, under kMaxPayload
constexpr qsizetype kMaxAuthorityCrlBytes = 2 << 20;    // the CRL (DER)
constexpr int kMaxAuthorityPeople = kMaxDirectoryPeople;
constexpr int kMaxAuthorityCertificates = 16; // certificates of one person
constexpr int kMaxAuthorityGroups = kMaxDirectoryGroups;
constexpr int kMaxAuthorityMembers = kMaxDirectoryMembers; // members of all groups together
constexpr int kMaxAuthorityDatabases = 1024;
constexpr int kMaxAuthorityAclEntries = 100000; // entries of all ACLs together
constexpr int kMaxAuthorityRoles = 64;          // roles of one ACL entry
constexpr int kMaxAuthorityNameLength = kMaxDirectoryNameLength;
constexpr int kMaxAuthoritySerialHexLength = 64;

struct AuthorityCertificate
{
    QString serialHex; // lower-case hex
    qint64 issuedMs = 0;
    qint64 notAfterMs = 0;
    bool operator==(const AuthorityCertificate&) const = default;
};

struct AuthorityPerson
{
    QString name; // canonical hierarchical name, active at the hub
    qint64 registeredMs = 0;
    std::vector<AuthorityCertificate> certificates;
    bool operator==(const AuthorityPerson&) const = default;
};

struct AuthorityDatabase
{
    ReplicaId replicaId;
    QString numberingServer; // empty: the hub
    std::vector<acl::AclEntry> acl;
    bool operator==(const AuthorityDatabase&) const = default;
};

struct AuthorityContent
{
    int format = kAuthorityFormat;
    QString org;
    std::uint64_t serial = 0;
    QByteArray crlDer;
    std::vector<AuthorityPerson> people;
    std::vector<DirectoryGroup> groups;
    std::vector<AuthorityDatabase> databases;
    bool operator==(const AuthorityContent&) const = default;

    const AuthorityDatabase* database(const ReplicaId& id) const;
};

struct AuthorityRecord
{
    AuthorityContent content;
    QByteArray bytes; // the record exactly as signed and sent
};

// The content's CBOR (what the signature covers after the prefix). The caller keeps within the
// limits; the hub checks with decodeAuthorityContent before it signs.
QByteArray encodeAuthorityContent(const AuthorityContent& content);
// Signs `content` with the certifier's private key (PKCS#8 PEM) and returns the record.
Result<AuthorityRecord> signAuthorityRecord(const AuthorityContent& content,
                                            const QByteArray& certifierKeyPem);

// Decodes a record within the limits without checking its signature (ProtocolError).
Result<AuthorityRecord> decodeAuthorityRecord(QByteArrayView bytes);
// The serial of a record, decoded as above (for the serial a server holds).
Result<std::uint64_t> authoritySerial(QByteArrayView bytes);

// Everything a server checks before it takes a record: decodes it, verifies the signature
// against `certifierDer` (PermissionDenied), the organisation (PermissionDenied unless `org`),
// the CRL (Corruption unless signed by the certifier), and that its serial is greater than
// `heldSerial` (Conflict: "older than or the same as the one held").
Result<AuthorityRecord> acceptAuthorityRecord(QByteArrayView bytes, const QByteArray& certifierDer,
                                              const QString& org, std::uint64_t heldSerial);

} // namespace sen::protocol
