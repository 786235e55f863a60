#pragma once

// A user's local workspace: a home directory holding one replica file per database
// (`replicas/<name>.sen`). Databases are named by their file name or by replica ID.
// GUI-free; used by senctl and the desktop app alike.

#include "common/core/Result.h"
#include "common/store/ReplicaStore.h"

#include <QString>

#include <memory>
#include <vector>

namespace sen::client {

struct ReplicaEntry
{
    QString name; // file name without ".sen"
    QString path;
    ReplicaInfo info;
    std::int64_t documents = 0; // live documents
};

// A replica file of the workspace that cannot be opened (damaged, written by a newer Sen,
// locked by another program): named, with why, so the workspace can show it beside the
// others instead of failing as a whole.
struct UnreadableReplica
{
    QString name; // file name without ".sen"
    QString path;
    Status status;
};

struct WorkspaceScan
{
    std::vector<ReplicaEntry> entries;         // the readable replicas, by name
    std::vector<UnreadableReplica> unreadable; // the others, by name
};

class Workspace
{
public:
    // Creates the directory layout if missing; the home and its replica folder are made
    // owner-only (core/OwnerOnly.h).
    static Result<Workspace> open(const QString& home);

    const QString& home() const { return m_home; }
    QString replicaPath(const QString& name) const;
    // The folder of the replicas, their view caches and their SQLite sidecars.
    QString replicasFolder() const;

    // Whether `path` (existing or not) is a file of `replicasFolder`. Those files are opened
    // only through SQLite: a descriptor of ours closed on one would drop the locks of this
    // process's connections to it (sql/SqlFileHeader.h), and an export written over one would
    // replace a live database. So they are never read as an attachment or written by an export.
    static bool isInReplicasFolder(const QString& replicasFolder, const QString& path);

    // Database names: 1–64 characters of letters, digits, '-', '_' and '.', not starting with
    // '.': they become file names on Windows and Linux alike.
    static bool isValidName(const QString& name);

    // A new, empty local database (not yet replicated anywhere).
    Result<std::unique_ptr<ReplicaStore>> createDatabase(const QString& name, DatabaseKind kind,
                                                         const QString& title);
    // Opens the replica named `nameOrReplicaId` (a name, or the 32-digit replica ID).
    Result<std::unique_ptr<ReplicaStore>> openDatabase(const QString& nameOrReplicaId) const;
    // Every replica file of the workspace, readable or not, each opened for a moment.
    WorkspaceScan scan() const;
    // The readable replicas (scan().entries): one unreadable file leaves the others usable.
    Result<std::vector<ReplicaEntry>> list() const;

private:
    explicit Workspace(QString home) : m_home(std::move(home)) {}
    QString m_home;
};

} // namespace sen::client
