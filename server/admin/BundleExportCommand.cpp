// sen-server bundle export DB --for USER --out FILE: a first bundle for an office with no link
// at all, which makes its replica from it (docs/server.md §Bundles, docs/protocol.md §Bundles,
// format 3): everything USER may read, reader-filtered as a pull for that user is, signed by the
// server's ID, with the current CRL and what a session's handshake would tell the office.

#include "common/acl/AccessCheck.h"
#include "common/acl/EffectiveAccess.h"
#include "common/store/ReplicaStore.h"
#include "replication/bundle/Bundle.h"
#include "replication/protocol/ProtocolConstants.h"
#include "server/admin/AdminCommands.h"
#include "server/net/AclAccessPolicy.h"
#include "server/net/ReportedAccess.h"

#include <QBuffer>
#include <QFile>
#include <QSaveFile>

#include <algorithm>

namespace sen::server {

Status runBundleExport(AdminContext& ctx)
{
    const QString forUser = ctx.args.value(QStringLiteral("--for")).trimmed();
    const QString path = ctx.args.value(QStringLiteral("--out"));
    if (forUser.isEmpty() || path.isEmpty())
        return usageError(QStringLiteral("bundle export DB --for USER --out FILE"));
    DataDirectory& dir = *ctx.dir;
    // A name without its organisation is one registered here (NAME/ORG), as `register` names it.
    QString user = forUser;
    if (!forUser.contains(u'/')) {
        SEN_ASSIGN_OR_RETURN(const identity::HierarchicalName qualified, dir.qualifiedName(forUser));
        user = qualified.toString();
    }
    SEN_ASSIGN_OR_RETURN(const QString database, dir.findDatabase(ctx.operands.value(0)));
    SEN_ASSIGN_OR_RETURN(std::unique_ptr<ReplicaStore> store, ReplicaStore::open(dir.databasePath(database)));

    // That user's rights, as a session's HELLO resolves them: one who may not replicate gets
    // no bundle; what they may not read is left out, as a pull leaves it out.
    SEN_ASSIGN_OR_RETURN(const acl::Acl acl, store->loadAcl());
    const acl::EffectiveAccess access = acl::resolve(acl, user, dir.directory());
    SEN_TRY(acl::canReplicate(access).withContext(QStringLiteral("%1 in database %2").arg(user, database)));
    const AclAccessPolicy readers(access, AclAccessPolicy::Context{store.get(), {}, {}, database, {}});

    SEN_ASSIGN_OR_RETURN(const identity::Credentials credentials, dir.serverCredentials());
    BundleWriteOptions options;
    options.readers = &readers;
    SEN_ASSIGN_OR_RETURN(options.crlDer, dir.currentCrlDer());
    const ReplicaInfo info = store->info();
    options.database = BundleDatabase{database, static_cast<int>(info.kind), info.title,
                                      user,     credentials.name.toString(), reportedAccess(access)};
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    SEN_ASSIGN_OR_RETURN(const BundleInfo written, writeBundle(*store, credentials, buffer, options));
    const QString detail = QStringLiteral("wrote a first bundle of %1 for %2 (feed to %3: %4 versions, %5 "
                                          "chunks) to %6")
                               .arg(database, user)
                               .arg(written.lastSeq)
                               .arg(written.documents)
                               .arg(written.chunks)
                               .arg(path);
    // No bundle leaves without its audit record: the lock first, the file, then the record
    // (a record that cannot be written takes the file back).
    SEN_ASSIGN_OR_RETURN(const DataDirectoryLock lock, lockForChange(ctx));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(buffer.data()) != buffer.data().size() ||
        !file.commit())
        return Status(ErrorCode::IoError,
                      QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    if (const Status logged = dir.appendAudit(adminEvent(ctx, QStringLiteral("bundle_export"), detail), lock);
        !logged.isOk()) {
        QFile::remove(path);
        return logged;
    }
    ctx.out << "wrote a first bundle of " << database << " for " << user << " to " << path << ": "
            << written.documents << " versions, " << written.chunks << " chunks\n";
    return Status::ok();
}

} // namespace sen::server
