// senctl bundle export, bundle import: an office with no link carries its changes to the server
// on a USB stick and imports the server's answer (client/app/OfficeBundle.h, docs/client.md
// §Bundles). Importing a first bundle into a workspace with no replica DB makes it.

#include "client/app/OfficeBundle.h"
#include "client/cli/CommandContext.h"

namespace sen::cli {

namespace {

const QString kUsage = QStringLiteral("usage: bundle export DB --out FILE | bundle import DB FILE");

Status bundleExport(CommandContext& ctx)
{
    SEN_TRY(ctx.args.allowOnly(
        {QStringLiteral("--home"), QStringLiteral("--out"), QStringLiteral("--password-file")}));
    SEN_TRY(ctx.args.expectPositional(3, QStringLiteral("bundle export DB --out FILE")));
    const QString database = ctx.args.positional(2);
    const QString path = ctx.args.value(QStringLiteral("--out"));
    if (path.isEmpty())
        return Status(ErrorCode::InvalidArgument, QStringLiteral("usage: bundle export DB --out FILE"));
    SEN_ASSIGN_OR_RETURN(const identity::Credentials signer, unlockIdentity(ctx));
    ctx.situation = client::ErrorContext::forFile(client::Situation::ExportingBundle, database, path);
    SEN_ASSIGN_OR_RETURN(const BundleInfo info,
                         app::OfficeBundle::exportReplica(ctx.workspace, database, signer, path));
    ctx.out << "wrote " << path << ": " << info.documents << " versions, " << info.chunks << " chunks, "
            << info.numberRequests << " number requests, feed " << info.since << " to " << info.lastSeq
            << ", for " << (info.recipient ? info.recipient->toHex() : QStringLiteral("anyone")) << '\n';
    return Status::ok();
}

Status bundleImport(CommandContext& ctx)
{
    SEN_TRY(ctx.args.allowOnly({QStringLiteral("--home")}));
    SEN_TRY(ctx.args.expectPositional(4, QStringLiteral("bundle import DB FILE")));
    const QString database = ctx.args.positional(2);
    const QString path = ctx.args.positional(3);
    ctx.situation = client::ErrorContext::forFile(client::Situation::ImportingBundle, database, path);
    SEN_ASSIGN_OR_RETURN(const QByteArray certifier, app::OfficeBundle::workspaceCertifier(ctx.workspace));
    const auto existing = ctx.workspace.openDatabase(database);
    if (!existing && existing.code() == ErrorCode::NotFound) {
        SEN_ASSIGN_OR_RETURN(const app::OfficeBundle::CreatedReplica created,
                             app::OfficeBundle::createReplica(ctx.workspace, database, certifier, path));
        ctx.out << "created " << created.name << " from " << path << " of " << created.info.signer << ": "
                << created.info.documents << " versions, stored " << created.info.stored << ", refused "
                << created.info.refused << '\n';
        return Status::ok();
    }
    SEN_TRY(existing.status());
    SEN_ASSIGN_OR_RETURN(const BundleInfo info,
                         app::OfficeBundle::importFrom(**existing, certifier, path, ctx.workspace.home()));
    ctx.out << "imported " << path << " from " << info.signer << ": " << info.documents
            << " versions, stored " << info.stored << ", conflicts " << info.conflicts << ", refused "
            << info.refused << ", refused by the server " << info.noted << ", numbered " << info.numbered
            << (info.alreadyImported ? " (imported before)" : "") << '\n';
    for (const protocol::Refusal& refusal : info.refusals)
        ctx.out << "refused " << refusal.unid.toHex() << ": " << refusal.message << '\n';
    return Status::ok();
}

} // namespace

Status runBundleCommand(CommandContext& ctx)
{
    const QString verb = ctx.args.positional(1);
    if (verb == u"export")
        return bundleExport(ctx);
    if (verb == u"import")
        return bundleImport(ctx);
    return Status(ErrorCode::InvalidArgument, kUsage);
}

} // namespace sen::cli
