#pragma once

// An office with no link exchanges bundles with its server (docs/client.md §Bundles,
// docs/protocol.md §Bundles): it exports its replica's unsent changes, with its checkpoint,
// to a file signed by the user's ID; the server's administrator imports it (`sen-server bundle
// import`) and writes the answer bundle, which the office imports here. The one application-
// layer path for `senctl bundle export|import` and the desktop client's replication page.
//
// The recipient of an export is the peer this replica last exchanged changes with (its
// server: the peer of the newest session or bundle it pulled from), so a bundle carries only
// what that peer has not acknowledged; a replica that never pulled from anyone exports
// everything. Importing checks the answer's digest and its signer's certificate against the
// certifier of the user's ID and the revocation list the server put in the answer, then merges
// it with the secrecy rule; the server's refusals of our versions are recorded as refused
// changes (client/core/RefusedChanges.h), as after a network sync.
//
// The revocation list is the newer of the one the office kept and the one the bundle carries
// (client/core/OfficeCrl.h); the newer is kept after every bundle read and verified.
//
// An office with no replica yet makes one from a first bundle (format 3, `sen-server bundle
// export --for USER`): after the same checks, createReplica() makes the replica as a first
// network pull would — the server's replica ID, kind and title, the user's access as the server
// resolved it (client/core/ReplicaAccess.h), the server's name for the database and the server
// that answered — and imports the bundle into it. The replica has no server address (no link):
// its bundles go to the server that wrote the first one, which numbers its registrations.
//
// GUI-free and blocking; from one thread at a time.

#include "common/core/Result.h"
#include "common/identity/Credentials.h"
#include "common/store/ReplicaStore.h"
#include "replication/bundle/Bundle.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace sen::client {
class Workspace;
}

namespace sen::app {

class OfficeBundle
{
    Q_DECLARE_TR_FUNCTIONS(OfficeBundle)
public:
    // The replica named `name` in `workspace` (what senctl and the desktop client call; the
    // replica is opened on its own connection for the export or import).
    static Result<BundleInfo> exportReplica(const client::Workspace& workspace, const QString& name,
                                            const identity::Credentials& signer, const QString& path);
    // With no replica `name` in the workspace, a first bundle makes it (createReplica).
    static Result<BundleInfo> importReplica(const client::Workspace& workspace, const QString& name,
                                            const QByteArray& certifierDer, const QString& path);

    struct CreatedReplica
    {
        QString name; // the local name it was given
        BundleInfo info;
    };
    // Makes the replica `name` (empty: the server's name for the database, as the bundle says)
    // from the first bundle at `path`, then imports it; nothing is left behind on failure.
    // InvalidArgument for a bundle that is not a first bundle or was written for another user;
    // Conflict when the workspace already holds that name or that database; Unsupported for a
    // kind of database this version does not know.
    static Result<CreatedReplica> createReplica(const client::Workspace& workspace, const QString& name,
                                                const QByteArray& certifierDer, const QString& path);
    // The certifier of the workspace's ID (its clear header: no password). NotFound before a login.
    static Result<QByteArray> workspaceCertifier(const client::Workspace& workspace);

    // Writes the bundle to `path` (atomically: a failed export leaves no partial file).
    // InvalidArgument when `path` is a file of the workspace's replicas folder `replicasFolder`.
    static Result<BundleInfo> exportTo(ReplicaStore& store, const identity::Credentials& signer,
                                       const QString& path, const QString& replicasFolder = {});
    // Reads, verifies and imports the bundle at `path`; `certifierDer` is the certifier of the
    // user's ID (Credentials::certifierDer(), or the ID file's clear header). With
    // `workspaceHome`, the workspace's kept CRL takes part and the newer one is kept.
    static Result<BundleInfo> importFrom(ReplicaStore& store, const QByteArray& certifierDer,
                                         const QString& path, const QString& workspaceHome = {});
    // Reads and verifies the bundle at `path` (see importFrom), storing nothing but the CRL.
    static Result<SignedBundle> readVerified(const QByteArray& certifierDer, const QString& path,
                                             const QString& workspaceHome = {});
    // Imports a verified bundle and writes the numbers its answers give (see importFrom).
    static Result<BundleInfo> importVerified(ReplicaStore& store, const SignedBundle& bundle);

    // The peer an export is written for (see above); nullopt: none yet.
    static Result<std::optional<InstanceId>> recipientOf(const ReplicaStore& store);

    // One translated sentence for the user: what an export wrote, or what an import did.
    static QString describeExport(const BundleInfo& info);
    static QString describeImport(const BundleInfo& info);
    static QString describeCreated(const CreatedReplica& created);
};

} // namespace sen::app
