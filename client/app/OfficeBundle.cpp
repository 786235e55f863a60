#include "client/app/OfficeBundle.h"

#include "client/core/OfficeCrl.h"
#include "client/core/UserIdentity.h"
#include "client/core/Workspace.h"
#include "client/sync/NumberRequests.h"
#include "common/identity/IdFile.h"
#include "common/store/ReplicationLog.h"

#include <QBuffer>
#include <QFile>
#include <QSaveFile>

#include <algorithm>

namespace sen::app {

Result<BundleInfo> OfficeBundle::exportReplica(const client::Workspace& workspace, const QString& name,
                                               const identity::Credentials& signer, const QString& path)
{
    SEN_ASSIGN_OR_RETURN(const std::unique_ptr<ReplicaStore> store, workspace.openDatabase(name));
    return exportTo(*store, signer, path, workspace.replicasFolder());
}

Result<BundleInfo> OfficeBundle::importReplica(const client::Workspace& workspace, const QString& name,
                                               const QByteArray& certifierDer, const QString& path)
{
    auto store = workspace.openDatabase(name);
    if (!store && store.code() == ErrorCode::NotFound && client::Workspace::isValidName(name)) {
        SEN_ASSIGN_OR_RETURN(const CreatedReplica created,
                             createReplica(workspace, name, certifierDer, path));
        return created.info;
    }
    SEN_TRY(store.status());
    return importFrom(**store, certifierDer, path, workspace.home());
}

Result<QByteArray> OfficeBundle::workspaceCertifier(const client::Workspace& workspace)
{
    const QString path = client::UserIdentity::idPath(workspace);
    if (!QFile::exists(path))
        return Status(ErrorCode::NotFound,
                      QStringLiteral("this workspace has no ID yet: log in first (senctl login --id FILE)"));
    SEN_ASSIGN_OR_RETURN(const QByteArray file, identity::IdFile::load(path));
    SEN_ASSIGN_OR_RETURN(const identity::IdFileHeader header, identity::IdFile::readHeader(file));
    if (header.chainDer.isEmpty())
        return Status(ErrorCode::Corruption, QStringLiteral("the workspace's ID carries no certificate"));
    return header.chainDer.constLast();
}

Result<std::optional<InstanceId>> OfficeBundle::recipientOf(const ReplicaStore& store)
{
    SEN_ASSIGN_OR_RETURN(const std::vector<PeerRecord> peers, store.replication().log().peers());
    std::optional<InstanceId> best;
    qint64 newest = -1;
    for (const PeerRecord& peer : peers) {
        SEN_ASSIGN_OR_RETURN(const std::int64_t pulled,
                             store.replication().checkpoint(peer.instance, ReplicaSync::Direction::Pull));
        if (pulled > 0 && peer.lastSyncMs > newest) {
            best = peer.instance;
            newest = peer.lastSyncMs;
        }
    }
    return best;
}

Result<BundleInfo> OfficeBundle::exportTo(ReplicaStore& store, const identity::Credentials& signer,
                                          const QString& path, const QString& replicasFolder)
{
    if (!replicasFolder.isEmpty() && client::Workspace::isInReplicasFolder(replicasFolder, path))
        return Status(
            ErrorCode::InvalidArgument,
            QStringLiteral("%1 is a file of the workspace's replicas: a bundle is never written there")
                .arg(path));
    BundleWriteOptions options;
    SEN_ASSIGN_OR_RETURN(options.recipient, recipientOf(store));
    // The registrations awaiting a number ask the server for one, as a session does first.
    client::NumberRequests numbering(store);
    SEN_ASSIGN_OR_RETURN(options.numberRequests, numbering.requests());
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    SEN_ASSIGN_OR_RETURN(const BundleInfo info, writeBundle(store, signer, buffer, options));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(buffer.data()) != buffer.data().size() ||
        !file.commit())
        return Status(ErrorCode::IoError,
                      QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return info;
}

Result<SignedBundle> OfficeBundle::readVerified(const QByteArray& certifierDer, const QString& path,
                                                const QString& workspaceHome)
{
    QFile file(path);
    if (!file.exists())
        return Status(ErrorCode::NotFound, QStringLiteral("no file %1").arg(path));
    if (!file.open(QIODevice::ReadOnly))
        return Status(ErrorCode::IoError, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    BundleTrust trust;
    trust.certifierDer = certifierDer; // and the newer of the CRL kept and the one it carries
    if (!workspaceHome.isEmpty())
        trust.keptCrlDer = client::OfficeCrl::load(workspaceHome);
    SEN_ASSIGN_OR_RETURN(SignedBundle bundle, readBundle(file, trust));
    if (!workspaceHome.isEmpty()) {
        // Kept whatever the import does next: the CRL is the certifier's, whoever carried it.
        if (const auto kept = client::OfficeCrl::keep(workspaceHome, certifierDer, bundle.checkedCrlDer);
            !kept)
            qWarning("sen: could not keep the revocation list: %s", qPrintable(kept.status().toString()));
    }
    return bundle;
}

Result<BundleInfo> OfficeBundle::importFrom(ReplicaStore& store, const QByteArray& certifierDer,
                                            const QString& path, const QString& workspaceHome)
{
    SEN_ASSIGN_OR_RETURN(const SignedBundle bundle, readVerified(certifierDer, path, workspaceHome));
    return importVerified(store, bundle);
}

Result<BundleInfo> OfficeBundle::importVerified(ReplicaStore& store, const SignedBundle& bundle)
{
    SEN_ASSIGN_OR_RETURN(BundleInfo info, importBundle(store, bundle));
    // The numbers the server gave our registrations: written as a session writes them (local
    // saves, which the next export carries to the server).
    if (bundle.info.recipient == store.info().instanceId && !bundle.numberAnswers.empty()) {
        // Each answer against what the registration asks now (the export's requests are not
        // kept): one no longer awaiting a number is passed over, and apply() holds the rest to
        // the checks a session's answers get (client/sync/NumberRequests.h).
        client::NumberRequests numbering(store);
        SEN_ASSIGN_OR_RETURN(const std::vector<protocol::NumberRequest> awaiting, numbering.requests());
        std::vector<protocol::NumberRequest> asked;
        std::vector<protocol::NumberAnswer> answers;
        for (const protocol::NumberAnswer& answer : bundle.numberAnswers) {
            const auto request =
                std::find_if(awaiting.begin(), awaiting.end(),
                             [&](const protocol::NumberRequest& r) { return r.unid == answer.unid; });
            if (request == awaiting.end())
                continue;
            asked.push_back(*request);
            answers.push_back(answer);
            info.numbered += answer.number ? 1 : 0;
        }
        if (!answers.empty())
            SEN_TRY(numbering.apply(asked, answers));
    }
    return info;
}

QString OfficeBundle::describeExport(const BundleInfo& info)
{
    return tr("Bundle written: %1 documents, %2 attachment parts.").arg(info.documents).arg(info.chunks);
}

QString OfficeBundle::describeImport(const BundleInfo& info)
{
    if (info.alreadyImported)
        return tr("This bundle was imported before: nothing changed.");
    QString text = tr("Bundle imported: %1 of its %2 documents changed this database.")
                       .arg(info.stored)
                       .arg(info.documents);
    if (info.refused > 0)
        text += u' ' + tr("Refused and not stored: %1.").arg(info.refused);
    if (info.noted > 0)
        text += u' ' + tr("The server refused %1 of your changes: see the refused changes.").arg(info.noted);
    if (info.numbered > 0)
        text += u' ' + tr("Registrations numbered by the server: %1.").arg(info.numbered);
    if (info.conflicts > 0)
        text += u' ' + tr("Conflicts to resolve: %1.").arg(info.conflicts);
    return text;
}

} // namespace sen::app
