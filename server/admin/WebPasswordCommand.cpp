// sen-server web-password: sets a registered user's password for the intranet site
// (docs/web.md §Web passwords). The password comes from SEN_PASSWORD or the first line of
// --password-file, as new ID passwords do, and is held to the same strength rule; it is
// never the user's ID password and is stored only as an Argon2id hash.

#include "server/admin/AdminCommands.h"
#include "server/admin/AdminContext.h"
#include "server/core/UserRegistry.h"
#include "server/web/WebPasswords.h"

namespace sen::server {

Status runWebPassword(AdminContext& ctx)
{
    const QString userName = ctx.args.value(QStringLiteral("--user"));
    if (userName.isEmpty())
        return usageError(QStringLiteral("web-password --user NAME [--password-file F]"));
    SEN_ASSIGN_OR_RETURN(const QString password, newIdPassword(ctx));
    SEN_ASSIGN_OR_RETURN(const identity::HierarchicalName name, ctx.dir->qualifiedName(userName));

    SEN_ASSIGN_OR_RETURN(const DataDirectoryLock lock, lockForChange(ctx));
    SEN_ASSIGN_OR_RETURN(const UserRegistry users, UserRegistry::load(ctx.dir->usersPath()));
    if (!users.findActive(name))
        return Status(ErrorCode::NotFound,
                      QStringLiteral("%1 is not a registered user").arg(name.toString()));
    SEN_ASSIGN_OR_RETURN(web::WebPasswords passwords, web::WebPasswords::load(ctx.dir->webPasswordsPath()));
    passwords.set(name.toString(), password);
    SEN_TRY(passwords.save(ctx.dir->webPasswordsPath()));
    SEN_TRY(
        ctx.dir->appendAudit(adminEvent(ctx, QStringLiteral("web_password"),
                                        QStringLiteral("set the web password of %1").arg(name.toString())),
                             lock));
    ctx.out << "web password set for " << name.toString() << '\n';
    return Status::ok();
}

} // namespace sen::server
