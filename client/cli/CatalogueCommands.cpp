// senctl catalog: the database's catalogues (docs/catalogues.md) — list them, add an entry,
// retire one, add the default entries a database of its kind starts with — through the same
// session as sen (client/app/DatabaseSession.h), so the same Designer-only rule applies.

#include "client/cli/CommandContext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sen::cli {

namespace {

const char* const kUsage = "usage: catalog list DB [--catalogue NAME] [--all] [--json] | catalog add DB "
                           "--catalogue NAME --name TEXT "
                           "[--abbreviation A] [--party-abbreviation A] [--code CODE] [--order N] | catalog "
                           "retire DB --catalogue NAME "
                           "--name TEXT | catalog defaults DB";

Status usage()
{
    return Status(ErrorCode::InvalidArgument, QString::fromLatin1(kUsage));
}

Result<std::optional<catalogues::Catalogue>> catalogueOption(const Arguments& args, bool required)
{
    const QString option = QStringLiteral("--catalogue");
    if (!args.has(option)) {
        if (required)
            return usage();
        return std::optional<catalogues::Catalogue>();
    }
    const auto catalogue = catalogues::catalogueFromText(args.value(option));
    if (!catalogue)
        return Status(
            ErrorCode::InvalidArgument,
            QStringLiteral("unknown catalogue \"%1\" (LoaiVanBan, LoaiBanSao, CoQuanBanHanh, DonVi or "
                           "ChuyenMuc)")
                .arg(args.value(option)));
    return std::optional<catalogues::Catalogue>(catalogue);
}

Status list(CommandContext& ctx, app::DatabaseSession& session)
{
    SEN_ASSIGN_OR_RETURN(const auto which, catalogueOption(ctx.args, false));
    SEN_ASSIGN_OR_RETURN(const std::vector<catalogues::Entry> entries, session.catalogue(which));
    const bool all = ctx.args.has(QStringLiteral("--all"));
    QJsonArray array;
    for (const catalogues::Entry& e : entries) {
        if (e.retired && !all)
            continue;
        array.append(QJsonObject{{QStringLiteral("unid"), e.unid.toHex()},
                                 {QStringLiteral("catalogue"), catalogues::catalogueCode(e.catalogue)},
                                 {QStringLiteral("name"), e.name},
                                 {QStringLiteral("abbreviation"), e.abbreviation},
                                 {QStringLiteral("partyAbbreviation"), e.partyAbbreviation},
                                 {QStringLiteral("code"), e.code},
                                 {QStringLiteral("order"), e.order},
                                 {QStringLiteral("retired"), e.retired}});
        if (!ctx.args.has(QStringLiteral("--json")))
            ctx.out << catalogues::catalogueCode(e.catalogue) << '\t' << e.name << '\t'
                    << e.abbreviationFor(false) << '\t' << e.partyAbbreviation << '\t' << e.code
                    << (e.retired ? "\tretired" : "\t") << '\t' << e.unid.toHex() << '\n';
    }
    if (ctx.args.has(QStringLiteral("--json")))
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Compact) << '\n';
    return Status::ok();
}

Status add(CommandContext& ctx, app::DatabaseSession& session)
{
    SEN_ASSIGN_OR_RETURN(const auto which, catalogueOption(ctx.args, true));
    const QString name = ctx.args.value(QStringLiteral("--name")).simplified();
    if (name.isEmpty())
        return usage();
    DocumentEdit edit = DocumentEdit::create(QLatin1String(catalogues::kEntryForm));
    edit.set(Item::text(QLatin1String(catalogues::kItemCatalogue), catalogues::catalogueWord(*which)))
        .set(Item::text(QLatin1String(catalogues::kItemName), name));
    const std::pair<const char*, const char*> texts[] = {
        {"--abbreviation", catalogues::kItemAbbreviation},
        {"--party-abbreviation", catalogues::kItemPartyAbbreviation},
        {"--code", catalogues::kItemCode}};
    for (const auto& [option, item] : texts)
        if (ctx.args.has(QLatin1String(option)))
            edit.set(Item::text(QLatin1String(item), ctx.args.value(QLatin1String(option)).trimmed()));
    if (ctx.args.has(QStringLiteral("--order"))) {
        bool ok = false;
        const int order = ctx.args.value(QStringLiteral("--order")).toInt(&ok);
        if (!ok || order < 0 || order > 9999)
            return Status(ErrorCode::InvalidArgument, QStringLiteral("--order takes a whole number 0-9999"));
        edit.set(Item::number(QLatin1String(catalogues::kItemOrder), order));
    }
    SEN_ASSIGN_OR_RETURN(const std::vector<catalogues::Entry> existing, session.catalogue(which));
    if (const catalogues::Entry* same = catalogues::findByName(existing, name))
        return Status(
            ErrorCode::Conflict,
            QStringLiteral("the catalogue already holds \"%1\" (%2)").arg(same->name, same->unid.toHex()));
    SEN_ASSIGN_OR_RETURN(const Document saved, session.save(edit));
    ctx.out << saved.unid.toHex() << '\n';
    return Status::ok();
}

Status retire(CommandContext& ctx, app::DatabaseSession& session)
{
    SEN_ASSIGN_OR_RETURN(const auto which, catalogueOption(ctx.args, true));
    SEN_ASSIGN_OR_RETURN(const std::vector<catalogues::Entry> existing, session.catalogue(which));
    const catalogues::Entry* entry =
        catalogues::findByName(existing, ctx.args.value(QStringLiteral("--name")));
    if (!entry)
        return Status(
            ErrorCode::NotFound,
            QStringLiteral("the catalogue holds no \"%1\"").arg(ctx.args.value(QStringLiteral("--name"))));
    DocumentEdit edit = DocumentEdit::update(entry->unid);
    edit.set(Item::text(QLatin1String(catalogues::kItemRetired), QStringLiteral("Có")));
    return session.save(edit).status();
}

} // namespace

Status runCatalogueCommand(CommandContext& ctx)
{
    SEN_TRY(ctx.args.allowOnly({QStringLiteral("--home"), QStringLiteral("--json"), QStringLiteral("--all"),
                                QStringLiteral("--catalogue"), QStringLiteral("--name"),
                                QStringLiteral("--abbreviation"), QStringLiteral("--party-abbreviation"),
                                QStringLiteral("--code"), QStringLiteral("--order")}));
    if (ctx.args.positional().size() != 3)
        return usage();
    const QString action = ctx.args.positional(1);
    SEN_ASSIGN_OR_RETURN(auto session, ctx.openSession(ctx.args.positional(2)));
    if (action == u"list")
        return list(ctx, *session);
    if (action == u"add")
        return add(ctx, *session);
    if (action == u"retire")
        return retire(ctx, *session);
    if (action == u"defaults") {
        SEN_ASSIGN_OR_RETURN(const int added, session->addDefaultCatalogueEntries());
        ctx.out << added << '\n';
        return Status::ok();
    }
    return usage();
}

} // namespace sen::cli
