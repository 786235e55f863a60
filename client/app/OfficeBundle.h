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
    static Result<BundleInfo> importReplica(const client::Workspace& workspace, const QString& name,
                                            const QByteArray& certifierDer, const QString& path);
    // The certifier of the workspace's ID (its clear header: no password). NotFound before a login.
    static Result<QByteArray> workspaceCertifier(const client::Workspace& workspace);

    // Writes the bundle to `path` (atomically: a failed export leaves no partial file).
    // InvalidArgument when `path` is a file of the workspace's replicas folder `replicasFolder`.
    static Result<BundleInfo> exportTo(ReplicaStore& store, const identity::Credentials& signer,
                                       const QString& path, const QString& replicasFolder = {});
    // Reads, verifies and imports the bundle at `path`; `certifierDer` is the certifier of the
    // user's ID (Credentials::certifierDer(), or the ID file's clear header).
    static Result<BundleInfo> importFrom(ReplicaStore& store, const QByteArray& certifierDer,
                                         const QString& path);

    // The peer an export is written for (see above); nullopt: none yet.
    static Result<std::optional<InstanceId>> recipientOf(const ReplicaStore& store);

    // One translated sentence for the user: what an export wrote, or what an import did.
    static QString describeExport(const BundleInfo& info);
    static QString describeImport(const BundleInfo& info);
};

} // namespace sen::app
