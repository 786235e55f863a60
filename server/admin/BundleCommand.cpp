// sen-server bundle import: an office's bundle carried on a USB stick, imported through the
// checks of a network push, and the answer bundle written for that office (docs/server.md
// §Bundles, docs/protocol.md §Bundles).

#include "common/acl/AccessCheck.h"
#include "common/acl/EffectiveAccess.h"
#include "common/store/ReplicaStore.h"
#include "replication/bundle/Bundle.h"
#include "replication/session/PushCheck.h"
#include "server/admin/AdminCommands.h"
#include "server/net/AclAccessPolicy.h"
#include "server/net/InstanceClaim.h"
#include "server/net/NumberingServer.h"
#include "server/net/RegisterAuthority.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <atomic>

namespace sen::server {

namespace {

// What the audit log's `peer` says of a bundle: it came on a file, not from an address.
QString bundlePeer(const QString& path)
{
    return QStringLiteral("bundle ") + QFileInfo(path).fileName();
}

// Appends one event as the daemon does, taking the directory's lock for that one write only
// (the daemon may be running and appending too); the first failure is remembered, and from
// then on the access policy refuses to store anything (docs/audit-log.md).
class BundleAudit
{
public:
    explicit BundleAudit(const DataDirectory& dir) : m_dir(dir) {}

    void operator()(const AuditEvent& event) const
    {
        auto lock = DataDirectoryLock::acquire(m_dir.path());
        const Status logged = lock ? m_dir.appendAudit(event, *lock) : lock.status();
        if (!logged.isOk() && !m_failed->exchange(true))
            *m_error = logged;
    }
    std::shared_ptr<const std::atomic<bool>> failedFlag() const { return m_failed; }
    Status status() const { return m_failed->load() ? *m_error : Status::ok(); }

private:
    const DataDirectory& m_dir;
    std::shared_ptr<std::atomic<bool>> m_failed = std::make_shared<std::atomic<bool>>(false);
    std::shared_ptr<Status> m_error = std::make_shared<Status>();
};

Result<SignedBundle> readSigned(const DataDirectory& dir, const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Status(ErrorCode::IoError, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
    BundleTrust trust;
    trust.certifierDer = dir.certifierCertificateDer();
    SEN_ASSIGN_OR_RETURN(trust.crlDer, dir.currentCrlDer());
    return readBundle(file, trust);
}

Status writeAnswer(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Status(ErrorCode::IoError,
                      QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return Status::ok();
}

QString summary(const QString& database, const BundleInfo& info)
{
    QString text =
        QStringLiteral("database %1: bundle of instance %2 (feed %3 to %4): %5 versions, stored %6, "
                       "conflicts %7, refused %8")
            .arg(database, info.author.toHex())
            .arg(info.since)
            .arg(info.lastSeq)
            .arg(info.documents)
            .arg(info.stored)
            .arg(info.conflicts)
            .arg(info.refused);
    if (info.deferred > 0)
        text += QStringLiteral(", deferred %1").arg(info.deferred);
    if (info.alreadyImported)
        text += QStringLiteral(" (imported before)");
    return text;
}

} // namespace

Status runBundleImport(AdminContext& ctx)
{
    const QString path = ctx.operands.value(0);
    const QString answerPath = ctx.args.value(QStringLiteral("--answer"));
    if (answerPath.isEmpty())
        return usageError(QStringLiteral("bundle import FILE --answer OUT"));
    DataDirectory& dir = *ctx.dir;
    const BundleAudit record(dir);

    // Who made it, first: a bundle nobody of this organisation signed is refused whole.
    Result<SignedBundle> read = readSigned(dir, path);
    if (!read) {
        record(AuditEvent{QString::fromUtf16(audit::kBundleRefused), QString(), bundlePeer(path),
                          read.status().toString()});
        return read.status();
    }
    const SignedBundle& bundle = *read;
    const QString signer = bundle.info.signer;
    const auto refuse = [&](const Status& why) {
        record(
            AuditEvent{QString::fromUtf16(audit::kBundleRefused), signer, bundlePeer(path), why.toString()});
        return why;
    };

    // The database, and that user's rights in it, as a session's HELLO resolves them.
    const Result<QString> database = dir.findDatabase(bundle.info.replicaId.toHex());
    if (!database)
        return refuse(database.status());
    SEN_ASSIGN_OR_RETURN(std::unique_ptr<ReplicaStore> store,
                         ReplicaStore::open(dir.databasePath(*database)));
    SEN_ASSIGN_OR_RETURN(const acl::Acl acl, store->loadAcl());
    const acl::EffectiveAccess access = acl::resolve(acl, signer, dir.directory());
    if (const Status may = acl::canReplicate(access); !may.isOk())
        return refuse(may.withContext(QStringLiteral("database %1").arg(*database)));
    if (bundle.info.author != store->info().instanceId) {
        if (const Status claimed = claimInstance(*store, bundle.info.author, signer); !claimed.isOk())
            return refuse(claimed);
    }

    // Every version through the checks of a network push (AclAccessPolicy, PushCheck).
    const AclAccessPolicy policy(access, AclAccessPolicy::Context{store.get(), record, bundlePeer(path),
                                                                  *database, record.failedFlag()});
    PushCheck check(*store, PushPeer{bundle.info.author, signer, bundle.info.counter,
                                     bundle.signer.role == identity::CertificateRole::Server});
    Result<BundleInfo> done = importBundle(*store, bundle, BundleImportOptions{&policy, &check});
    if (!done) // nothing stored: a copy or restored backup of the office's replica, a bad version
        return refuse(done.status());
    const BundleInfo imported = std::move(done).value();
    record(AuditEvent{QString::fromUtf16(audit::kBundleImported), signer, bundlePeer(path),
                      summary(*database, imported)});
    SEN_TRY(record.status());

    // Numbers for the office's registrations awaiting one, by the authority a session asks
    // (server/net/RegisterAuthority.h), now that the registrations are here.
    std::vector<protocol::NumberAnswer> numbers;
    if (!bundle.numberRequests.empty()) {
        RegisterAuthority authority(*store, access, *database, bundlePeer(path), record, record.failedFlag());
        SEN_ASSIGN_OR_RETURN(const std::optional<QString> numberedBy,
                             numberingElsewhere(*store, dir.serverName(), dir.holdsCertifier()));
        if (numberedBy)
            authority.setNumberedElsewhere(*numberedBy);
        SEN_ASSIGN_OR_RETURN(numbers, authority.answer(bundle.numberRequests));
    }

    // The answer: what that user may read and the office lacks, what was refused, the numbers.
    SEN_ASSIGN_OR_RETURN(identity::Credentials credentials, dir.serverCredentials());
    BundleWriteOptions options;
    options.recipient = bundle.info.author;
    options.readers = &policy;
    options.refusals = imported.refusals;
    options.numberAnswers = numbers;
    SEN_ASSIGN_OR_RETURN(options.crlDer, dir.currentCrlDer());
    QBuffer answer;
    answer.open(QIODevice::WriteOnly);
    SEN_ASSIGN_OR_RETURN(const BundleInfo written, writeBundle(*store, credentials, answer, options));
    SEN_TRY(writeAnswer(answerPath, answer.data()));

    ctx.out << "imported the bundle of " << signer << " into " << *database << ": " << imported.documents
            << " versions, stored " << imported.stored << ", conflicts " << imported.conflicts << ", refused "
            << imported.refused;
    if (imported.deferred > 0)
        ctx.out << ", deferred " << imported.deferred;
    ctx.out << '\n';
    for (const protocol::Refusal& refusal : imported.refusals)
        ctx.out << "refused " << refusal.unid.toHex() << ": " << refusal.message << '\n';
    for (const protocol::NumberAnswer& number : numbers) {
        if (number.number)
            ctx.out << "numbered " << number.unid.toHex() << ": " << *number.number << '\n';
        else
            ctx.out << "number refused " << number.unid.toHex() << ": " << number.message << '\n';
    }
    ctx.out << "wrote the answer to " << answerPath << ": " << written.documents << " versions, "
            << written.chunks << " chunks\n";
    return Status::ok();
}

} // namespace sen::server
