#pragma once

// The workspace's copy of its servers' directories (docs/directory.md): `directory.sqlite` in
// the workspace home, written after each sync that brought a directory and read by the address
// book (client/core/AddressBook.h), so names resolve offline from the last copy.
//
// People and groups belong to a server (keyed by its address as the replica's settings hold
// it, client/sync/Replicator.h) and are shared by every database of that server; roles belong
// to one database (keyed by server and replica ID). store() replaces both in one transaction:
// a listing is kept whole or not at all. The file is a cache, private to the user (owner-only):
// a file of another format or version is deleted and made again, and the next sync fills it.
//
// Thread-safety: every call opens its own connection (WAL, busy timeout), so the sync worker
// may store while the GUI thread loads.

#include "client/core/AddressBook.h"
#include "common/core/Result.h"

#include <QString>

#include <optional>

namespace sen::client {

class DirectoryFile
{
public:
    static constexpr std::int32_t kApplicationId = 0x53454E44; // "SEND"
    static constexpr int kVersion = 1;

    explicit DirectoryFile(QString path) : m_path(std::move(path)) {}
    // The file of the workspace whose home is `home`.
    static QString pathIn(const QString& home);
    const QString& path() const { return m_path; }

    // Replaces the people and groups of `server` and the roles of `replicaIdHex` there.
    [[nodiscard]] Status store(const QString& server, const QString& replicaIdHex,
                               const protocol::DirectoryListing& listing) const;
    // The listing last stored for that database; none when no directory came for it yet (or
    // the file does not exist).
    [[nodiscard]] Result<std::optional<protocol::DirectoryListing>> load(const QString& server,
                                                                         const QString& replicaIdHex) const;

private:
    QString m_path;
};

} // namespace sen::client
