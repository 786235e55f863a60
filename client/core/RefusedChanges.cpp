#include "client/core/RefusedChanges.h"

#include "client/core/ErrorText.h"
#include "client/core/Workspace.h"
#include "common/attachments/AttachmentStore.h"
#include "common/model/AttachmentRef.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace sen::client {

namespace {

QString labelOf(const Document& doc)
{
    for (const char* name : {"TrichYeu", "Subject", "TieuDe", "Title"}) {
        const QString text = doc.text(QLatin1String(name));
        if (!text.isEmpty())
            return text;
    }
    return {};
}

Result<RefusedChange> describe(ReplicaStore& store, const ReplicaSync::Refusal& refusal)
{
    RefusedChange change;
    change.unid = refusal.unid;
    change.current = refusal.current;
    change.peer = refusal.peer;
    change.code = refusal.code;
    change.serverMessage = refusal.message;
    change.reason =
        ErrorText::sentence(refusal.code, refusal.message, ErrorContext::of(Situation::RefusedByServer));
    change.atMs = refusal.atMs;
    SEN_ASSIGN_OR_RETURN(const std::optional<Document> doc, store.find(refusal.unid));
    if (doc) {
        change.deletion = doc->isDeleted();
        change.form = doc->form;
        change.label = labelOf(*doc);
    }
    return change;
}

// The live items of `doc` as a new document in `drafts`, attachments copied byte for byte.
Result<Unid> saveDraft(const Document& doc, ReplicaStore& source, ReplicaStore& drafts, const QString& reason)
{
    DocumentEdit edit = DocumentEdit::create(doc.form.isEmpty() ? QStringLiteral("Document") : doc.form);
    for (const Item& item : doc.items) {
        if (item.isTombstone())
            continue;
        if (item.type != ItemType::Attachment) {
            edit.set(item);
            continue;
        }
        SEN_ASSIGN_OR_RETURN(const AttachmentRef ref, AttachmentRef::fromCbor(item.value));
        SEN_ASSIGN_OR_RETURN(const QByteArray bytes, source.attachments().readAll(ref));
        SEN_ASSIGN_OR_RETURN(const AttachmentRef copied,
                             drafts.attachments().importBytes(bytes, ref.fileName));
        edit.set(Item::withValue(item.name, ItemType::Attachment, copied.toCbor(), item.flags));
    }
    edit.set(Item::text(RefusedChanges::draftOfItem(), doc.unid.toHex()));
    edit.set(Item::text(RefusedChanges::draftReasonItem(), reason));
    Unid unid;
    SEN_TRY(drafts.batch([&]() -> Status {
        SEN_ASSIGN_OR_RETURN(const Document saved, drafts.save(edit));
        unid = saved.unid;
        return Status::ok();
    }));
    return unid;
}

} // namespace

QString RefusedChanges::draftOfItem()
{
    return QStringLiteral("$DraftOf");
}

QString RefusedChanges::draftReasonItem()
{
    return QStringLiteral("$DraftReason");
}

QString RefusedChanges::draftsName(const QString& name)
{
    const QString suffix = QStringLiteral("-nhap");
    return name.left(64 - suffix.size()) + suffix;
}

Result<std::vector<RefusedChange>> RefusedChanges::list(ReplicaStore& store)
{
    SEN_ASSIGN_OR_RETURN(const auto refusals, store.replication().refusals());
    std::vector<RefusedChange> out;
    out.reserve(refusals.size());
    for (const ReplicaSync::Refusal& refusal : refusals) {
        SEN_ASSIGN_OR_RETURN(RefusedChange change, describe(store, refusal));
        out.push_back(std::move(change));
    }
    return out;
}

Result<std::optional<RefusedChange>> RefusedChanges::find(ReplicaStore& store, const Unid& unid)
{
    SEN_ASSIGN_OR_RETURN(const auto refusals, store.replication().refusals());
    for (const ReplicaSync::Refusal& refusal : refusals) {
        if (refusal.unid == unid) {
            SEN_ASSIGN_OR_RETURN(RefusedChange change, describe(store, refusal));
            return std::optional<RefusedChange>(std::move(change));
        }
    }
    return std::optional<RefusedChange>();
}

Result<RestoredChange> RefusedChanges::restore(ReplicaStore& store, const Unid& unid, ReplicaStore& drafts)
{
    SEN_ASSIGN_OR_RETURN(const std::optional<RefusedChange> refused, find(store, unid));
    if (!refused)
        return Status(ErrorCode::NotFound,
                      QStringLiteral("no refused change of document %1 in this replica").arg(unid.toHex()));
    SEN_ASSIGN_OR_RETURN(const std::optional<Document> local, store.find(unid));
    RestoredChange restored;
    restored.deletion = local && local->isDeleted();
    // The draft first: if it cannot be written, the refused version stays where it is.
    if (local && !local->isDeleted()) {
        SEN_ASSIGN_OR_RETURN(restored.draft, saveDraft(*local, store, drafts, refused->serverMessage));
        restored.draftsPath = drafts.path();
    }
    SEN_TRY(store.replication().dropForRefetch(unid));
    return restored;
}

Result<RestoredChange> RefusedChanges::restore(const Workspace& workspace, const QString& name,
                                               ReplicaStore& store, const Unid& unid)
{
    const QString draftsName = RefusedChanges::draftsName(name);
    std::unique_ptr<ReplicaStore> drafts;
    if (QFileInfo::exists(workspace.replicaPath(draftsName))) {
        SEN_ASSIGN_OR_RETURN(drafts, workspace.openDatabase(draftsName));
    } else {
        const QString title =
            QCoreApplication::translate("sen::client::RefusedChanges", "Drafts: %1").arg(store.info().title);
        // Workspace::createDatabase is a const operation on the folder; a copy keeps this one const.
        Workspace copy = workspace;
        SEN_ASSIGN_OR_RETURN(drafts, copy.createDatabase(draftsName, store.info().kind, title));
    }
    return restore(store, unid, *drafts);
}

} // namespace sen::client
