#pragma once

// Where the hub's authority record lands in a data directory, and what it writes there
// (docs/servers.md §"Authority across servers"): the record itself (authority.cbor, 0600, as
// received), the CRL (crl.der), the groups (groups.json), the registered people (users.json,
// each marked as from the hub) and the ACL of each database held here whose replica ID the
// record names. The paths come from the data directory (siteOf) or, in tests, from anywhere.
//
// Callers serialise: one writer at a time (server/net/ServerAuthority.h holds a mutex). Each
// file is replaced atomically; a crash between two leaves some files from the older record
// and authority.cbor is written last, so the next session brings the record again.

#include "common/core/Result.h"
#include "replication/protocol/AuthorityRecord.h"

#include <QString>

namespace sen {
class ReplicaStore;
}

namespace sen::server {

class DataDirectory;

struct AuthoritySite
{
    QString authorityPath; // authority.cbor
    QString crlPath;
    QString usersPath;
    QString groupsPath;
    QString databasesPath; // the folder of <name>.sen
    QByteArray certifierDer;
    QString org; // the organisation's name, e.g. "VPTU/HaNoi"
};

AuthoritySite siteOf(const DataDirectory& dir);

// The record kept in authority.cbor: serial 0 and no bytes when there is none. Corruption when
// the file is there but does not decode.
[[nodiscard]] Result<protocol::AuthorityRecord> readHeldRecord(const AuthoritySite& site);

// Writes everything `record` (already accepted) decides into the site; authority.cbor last.
[[nodiscard]] Status applyAuthorityRecord(const AuthoritySite& site, const protocol::AuthorityRecord& record);

// Writes the record's ACL for `store`'s replica into it when it differs (a database replicated
// after the record came). Ok, changing nothing, when the record names no such replica.
[[nodiscard]] Status applyRecordAcl(const protocol::AuthorityContent& content, ReplicaStore& store);

// The replica files of the site's databases folder, sorted.
QStringList siteDatabasePaths(const AuthoritySite& site);

} // namespace sen::server
