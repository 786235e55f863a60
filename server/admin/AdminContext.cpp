#include "server/admin/AdminContext.h"

#include "common/identity/PasswordPolicy.h"
#include "server/core/AtomicFile.h"

#include <QMutex>

namespace sen::server {

namespace {
constexpr qint64 kMaxPasswordFileSize = 64 * 1024;
}

Result<QString> newIdPassword(const AdminContext& ctx)
{
    QString password;
    if (ctx.args.has(QStringLiteral("--password-file"))) {
        const QString path = ctx.args.value(QStringLiteral("--password-file"));
        SEN_ASSIGN_OR_RETURN(const QByteArray bytes, AtomicFile::read(path, kMaxPasswordFileSize));
        const qsizetype end = bytes.indexOf('\n');
        QByteArray line = end < 0 ? bytes : bytes.left(end);
        if (line.endsWith('\r'))
            line.chop(1);
        password = QString::fromUtf8(line);
        if (password.isEmpty())
            return Status(
                ErrorCode::InvalidArgument,
                QStringLiteral("the first line of %1 is empty; ID files need a password").arg(path));
        SEN_TRY(identity::checkPasswordStrength(password));
        return password;
    }
    if (!ctx.env.contains(QStringLiteral("SEN_PASSWORD")))
        return Status(
            ErrorCode::InvalidArgument,
            QStringLiteral("no password for the new ID file: set SEN_PASSWORD or give --password-file FILE"));
    password = ctx.env.value(QStringLiteral("SEN_PASSWORD"));
    if (password.isEmpty())
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("SEN_PASSWORD is empty; ID files need a password"));
    SEN_TRY(identity::checkPasswordStrength(password));
    return password;
}

Result<identity::KdfCost> kdfCost(const AdminContext& ctx)
{
    const QString cost = ctx.env.value(QStringLiteral("SEN_KDF_COST"));
    if (cost.isEmpty())
        return identity::KdfCost::Interactive;
    if (cost == u"test")
        return identity::KdfCost::Test;
    return Status(ErrorCode::InvalidArgument,
                  QStringLiteral("SEN_KDF_COST is \"%1\"; it is either unset or \"test\" (test suites only)")
                      .arg(cost));
}

AuditEvent adminEvent(const AdminContext& ctx, const QString& action, const QString& detail)
{
    QString account = ctx.env.value(QStringLiteral("USER"));
    if (account.isEmpty())
        account = ctx.env.value(QStringLiteral("USERNAME"));
    AuditEvent event;
    event.kind = QString::fromUtf16(audit::kAdminPrefix) + action;
    event.detail = account.isEmpty() ? detail : detail + QStringLiteral(" (local account ") + account + u')';
    return event;
}

Result<DataDirectoryLock> lockForChange(const AdminContext& ctx)
{
    return DataDirectoryLock::acquire(ctx.dataPath);
}

std::function<void(const AuditEvent&)> lockedAuditAppender(const AdminContext& ctx,
                                                           std::shared_ptr<Status> failed)
{
    const auto mutex = std::make_shared<QMutex>();
    return [dir = ctx.dir, path = ctx.dataPath, mutex, failed](const AuditEvent& event) {
        QMutexLocker serialised(mutex.get());
        auto lock = DataDirectoryLock::acquire(path);
        const Status logged = lock ? dir->appendAudit(event, *lock) : lock.status();
        if (!logged.isOk() && failed && failed->isOk())
            *failed = logged;
    };
}

Status usageError(const QString& usage)
{
    return Status(ErrorCode::InvalidArgument, QStringLiteral("usage: sen-server --data DIR ") + usage);
}

} // namespace sen::server
