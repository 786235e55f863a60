// senctl doc create/update/delete/get/list/responses/import, attachment save, dump:
// each through the database's session (client/app/DatabaseSession.h).

#include "client/cli/CommandContext.h"
#include "client/core/DocumentJson.h"
#include "client/core/ItemSpec.h"
#include "client/forms/Numbering.h"
#include "common/model/AttachmentName.h"
#include "common/model/AttachmentRef.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace sen::cli {

Result<Unid> parseUnid(const QString& text)
{
    const auto unid = Unid::fromHex(text);
    if (!unid)
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("\"%1\" is not a UNID (32 hex digits)").arg(text));
    return *unid;
}

namespace {

const QString kHome = QStringLiteral("--home");
const QString kJson = QStringLiteral("--json");
const QString kSet = QStringLiteral("--set");
const QString kUnset = QStringLiteral("--unset");
const QString kAttach = QStringLiteral("--attach");
const QString kForm = QStringLiteral("--form");
const QString kParent = QStringLiteral("--parent");

// Adds --set, --unset and --attach of the command line to `edit`. Attachments are stored
// in the replica's chunk store first (inside the caller's transaction).
Status applyItemOptions(CommandContext& ctx, app::DatabaseSession& store, DocumentEdit& edit)
{
    for (const QString& spec : ctx.args.values(kSet)) {
        SEN_ASSIGN_OR_RETURN(Item item, client::parseItemSpec(spec));
        edit.set(std::move(item));
    }
    for (const QString& name : ctx.args.values(kUnset))
        edit.remove(name);
    for (const QString& path : ctx.args.values(kAttach)) {
        if (store.isWorkspaceFile(path))
            return Status(
                ErrorCode::InvalidArgument,
                QStringLiteral("%1 is a database file of this workspace; attach a backup of it").arg(path));
        const QString fileName = plainFileName(QFileInfo(path).fileName());
        SEN_ASSIGN_OR_RETURN(const AttachmentRef ref, store.importAttachment(path, fileName));
        edit.set(
            Item::withValue(client::attachmentItemName(fileName), ItemType::Attachment, ref.toCbor(), 0));
    }
    return Status::ok();
}

// A registration saved while its replica's server is reachable gets its number at once
// (docs/registers.md §Numbering); otherwise it waits for the next sync, which is no failure
// of the command: a line on stderr says so.
void numberNow(CommandContext& ctx, const QString& database)
{
    QTextStream err(stderr);
    auto replicator = makeReplicator(ctx);
    if (!replicator) {
        err << QStringLiteral("Awaiting its number until the next sync (%1).")
                   .arg(replicator.status().message())
            << '\n';
        return;
    }
    const auto report = replicator->number(database);
    const Status status = report ? report->status : report.status();
    if (!status.isOk() || report->stats.numbered == 0)
        err << QStringLiteral("Awaiting its number until the next sync (%1).")
                   .arg(status.isOk() ? QStringLiteral("the server gave none") : status.message())
            << '\n';
}

Status docCreate(CommandContext& ctx, app::DatabaseSession& store)
{
    const QString kAllowDuplicate = QStringLiteral("--allow-duplicate");
    const QString kOffline = QStringLiteral("--offline");
    const QString kPasswordFile = QStringLiteral("--password-file");
    SEN_TRY(
        ctx.args.allowOnly({kHome, kForm, kParent, kSet, kAttach, kAllowDuplicate, kOffline, kPasswordFile}));
    SEN_TRY(ctx.args.expectPositional(
        3, QStringLiteral("doc create DB --form FORM [--parent UNID] [--set ITEM]... "
                          "[--attach PATH]... [--allow-duplicate] [--offline]")));
    if (ctx.args.value(kForm).isEmpty())
        return Status(ErrorCode::InvalidArgument, QStringLiteral("usage: doc create needs --form FORM"));
    std::optional<Unid> parent;
    if (ctx.args.has(kParent)) {
        SEN_ASSIGN_OR_RETURN(parent, parseUnid(ctx.args.value(kParent)));
        SEN_ASSIGN_OR_RETURN(const Document answered, store.document(*parent));
        if (answered.isDeleted())
            return Status(ErrorCode::NotFound, QStringLiteral("document %1 is deleted").arg(parent->toHex()));
    }
    DocumentEdit edit = DocumentEdit::create(ctx.args.value(kForm), parent);
    Document saved;
    SEN_TRY(store.batch([&]() -> Status {
        SEN_TRY(applyItemOptions(ctx, store, edit));
        SEN_ASSIGN_OR_RETURN(saved, store.save(edit, ctx.args.has(kAllowDuplicate)));
        return Status::ok();
    }));
    ctx.out << saved.unid.toHex() << '\n';
    if (forms::isAwaitingNumber(saved) && !ctx.args.has(kOffline))
        numberNow(ctx, ctx.args.positional(2)); // doc create DB ...
    return Status::ok();
}

Status docUpdate(CommandContext& ctx, app::DatabaseSession& store)
{
    SEN_TRY(ctx.args.allowOnly({kHome, kSet, kUnset, kAttach}));
    SEN_TRY(ctx.args.expectPositional(
        4, QStringLiteral("doc update DB UNID [--set ITEM]... [--unset NAME]... [--attach PATH]...")));
    SEN_ASSIGN_OR_RETURN(const Unid unid, parseUnid(ctx.args.positional(3)));
    DocumentEdit edit = DocumentEdit::update(unid);
    return store.batch([&]() -> Status {
        SEN_TRY(applyItemOptions(ctx, store, edit));
        return store.save(edit).status();
    });
}

Status docDelete(CommandContext& ctx, app::DatabaseSession& store)
{
    SEN_TRY(ctx.args.allowOnly({kHome}));
    SEN_TRY(ctx.args.expectPositional(4, QStringLiteral("doc delete DB UNID")));
    SEN_ASSIGN_OR_RETURN(const Unid unid, parseUnid(ctx.args.positional(3)));
    SEN_ASSIGN_OR_RETURN(const Document doc, store.document(unid));
    if (doc.isDeleted())
        return Status(ErrorCode::NotFound,
                      QStringLiteral("document %1 is already deleted").arg(unid.toHex()));
    return store.remove(unid).status();
}

void printDocument(QTextStream& out, const Document& doc)
{
    out << "UNID: " << doc.unid.toHex() << '\n' << "Form: " << doc.form << '\n';
    if (doc.parent)
        out << "Parent: " << doc.parent->toHex() << '\n';
    if (doc.isConflict())
        out << "Conflict: yes\n";
    if (doc.isDeleted()) {
        out << "Deleted: yes\n";
        return;
    }
    for (const Item& item : doc.items) {
        if (!item.isTombstone())
            out << item.name << " (" << itemTypeName(item.type) << "): " << client::itemValueToText(item)
                << '\n';
    }
}

Status docGet(CommandContext& ctx, app::DatabaseSession& store)
{
    SEN_TRY(ctx.args.allowOnly({kHome, kJson}));
    SEN_TRY(ctx.args.expectPositional(4, QStringLiteral("doc get DB UNID [--json]")));
    SEN_ASSIGN_OR_RETURN(const Unid unid, parseUnid(ctx.args.positional(3)));
    SEN_ASSIGN_OR_RETURN(const Document doc, store.document(unid));
    // A registration still waiting for the server's number says so (docs/registers.md).
    const bool awaiting = forms::isAwaitingNumber(doc);
    if (ctx.args.has(kJson)) {
        QJsonObject json = client::documentToJson(doc);
        if (awaiting)
            json.insert(QStringLiteral("numbering"), QStringLiteral("awaiting number"));
        ctx.out << QJsonDocument(json).toJson(QJsonDocument::Compact) << '\n';
    } else {
        printDocument(ctx.out, doc);
        if (awaiting)
            ctx.out << QStringLiteral("Number: awaiting the server") << '\n';
    }
    return Status::ok();
}

Status docList(CommandContext& ctx, app::DatabaseSession& store)
{
    SEN_TRY(ctx.args.allowOnly({kHome, kJson, kForm}));
    SEN_TRY(ctx.args.expectPositional(3, QStringLiteral("doc list DB [--form F1,F2] [--json]")));
    const bool json = ctx.args.has(kJson);
    // --form: only documents of these forms (a database's own data — registers, catalogue
    // entries — left out of a list of its documents).
    const QStringList forms = ctx.args.value(kForm).split(u',', Qt::SkipEmptyParts);
    QJsonArray array;
    SEN_TRY(store.forEachDocument([&](const Document& doc) {
        if (!forms.isEmpty() && !forms.contains(doc.form))
            return true;
        if (json)
            array.append(client::documentToJson(doc));
        else
            ctx.out << doc.unid.toHex() << '\t' << doc.form << '\t' << client::documentSummary(doc) << '\n';
        return true;
    }));
    if (json)
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Compact) << '\n';
    return Status::ok();
}

Status docResponses(CommandContext& ctx, app::DatabaseSession& store)
{
    SEN_TRY(ctx.args.allowOnly({kHome, kJson}));
    SEN_TRY(ctx.args.expectPositional(4, QStringLiteral("doc responses DB UNID [--json]")));
    SEN_ASSIGN_OR_RETURN(const Unid unid, parseUnid(ctx.args.positional(3)));
    SEN_ASSIGN_OR_RETURN(const std::vector<Document> responses, store.responses(unid));
    const bool json = ctx.args.has(kJson);
    QJsonArray array;
    for (const Document& doc : responses) {
        if (json)
            array.append(client::documentToJson(doc));
        else
            ctx.out << doc.unid.toHex() << '\t' << doc.form << '\t' << client::documentSummary(doc) << '\n';
    }
    if (json)
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Compact) << '\n';
    return Status::ok();
}

Status docImport(CommandContext& ctx, app::DatabaseSession& store)
{
    SEN_TRY(ctx.args.allowOnly({kHome}));
    SEN_TRY(ctx.args.expectPositional(4, QStringLiteral("doc import DB FILE")));
    QFile file(ctx.args.positional(3));
    if (!file.open(QIODevice::ReadOnly))
        return Status(ErrorCode::IoError, QStringLiteral("%1: %2").arg(file.fileName(), file.errorString()));
    // All or nothing: a bad line names itself and nothing is imported.
    int count = 0;
    int lineNumber = 0;
    SEN_TRY(store.batch([&]() -> Status {
        while (!file.atEnd()) {
            const QByteArray line = file.readLine().trimmed();
            ++lineNumber;
            if (line.isEmpty())
                continue;
            auto edit = client::editFromImportLine(line);
            if (!edit)
                return edit.status().withContext(
                    QStringLiteral("%1 line %2").arg(file.fileName()).arg(lineNumber));
            SEN_TRY(store.save(*edit).status());
            ++count;
        }
        return Status::ok();
    }));
    ctx.out << count << '\n';
    return Status::ok();
}

} // namespace

Status runDocumentCommand(CommandContext& ctx)
{
    const QString verb = ctx.args.positional(1);
    if (ctx.args.positional().size() < 3)
        return Status(
            ErrorCode::InvalidArgument,
            QStringLiteral(
                "usage: senctl --home DIR doc create|update|delete|get|list|responses|import DB ..."));
    SEN_ASSIGN_OR_RETURN(auto store, ctx.openSession(ctx.args.positional(2)));
    if (verb == u"create")
        return docCreate(ctx, *store);
    if (verb == u"update")
        return docUpdate(ctx, *store);
    if (verb == u"delete")
        return docDelete(ctx, *store);
    if (verb == u"get")
        return docGet(ctx, *store);
    if (verb == u"list")
        return docList(ctx, *store);
    if (verb == u"responses")
        return docResponses(ctx, *store);
    if (verb == u"import")
        return docImport(ctx, *store);
    return Status(
        ErrorCode::InvalidArgument,
        QStringLiteral("usage: senctl --home DIR doc create|update|delete|get|list|responses|import DB ..."));
}

Status runAttachmentCommand(CommandContext& ctx)
{
    SEN_TRY(ctx.args.allowOnly({kHome}));
    if (ctx.args.positional(1) != u"save")
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("usage: senctl --home DIR attachment save DB UNID NAME FILE"));
    SEN_TRY(ctx.args.expectPositional(6, QStringLiteral("attachment save DB UNID NAME FILE")));
    SEN_ASSIGN_OR_RETURN(auto store, ctx.openSession(ctx.args.positional(2)));
    ctx.situation = client::ErrorContext::of(client::Situation::OpeningDocument);
    SEN_ASSIGN_OR_RETURN(const Unid unid, parseUnid(ctx.args.positional(3)));
    SEN_ASSIGN_OR_RETURN(const Document doc, store->document(unid));
    const QString name = ctx.args.positional(4);
    const Item* item = doc.item(client::attachmentItemName(name));
    if (!item || item->type != ItemType::Attachment)
        return Status(ErrorCode::NotFound,
                      QStringLiteral("document %1 has no attachment \"%2\"").arg(unid.toHex(), name));
    ctx.situation = client::ErrorContext::forName(client::Situation::ExportingAttachment, name);
    SEN_ASSIGN_OR_RETURN(const AttachmentRef ref, AttachmentRef::fromCbor(item->value));
    if (store->isWorkspaceFile(ctx.args.positional(5)))
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("%1 is a database file of this workspace; save to another file")
                          .arg(ctx.args.positional(5)));
    // The target appears only once every chunk has been verified.
    return store->exportAttachment(ref, ctx.args.positional(5));
}

Status runDumpCommand(CommandContext& ctx)
{
    SEN_TRY(ctx.args.allowOnly({kHome}));
    SEN_TRY(ctx.args.expectPositional(2, QStringLiteral("dump DB")));
    SEN_ASSIGN_OR_RETURN(auto store, ctx.openSession(ctx.args.positional(1)));
    return store->forEachDocument(
        [&](const Document& doc) {
            ctx.out << client::dumpLine(doc) << '\n';
            return true;
        },
        true);
}

} // namespace sen::cli
