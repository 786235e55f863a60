#include "common/acl/PushDecision.h"

#include "common/acl/AccessCheck.h"
#include "common/acl/NameMatch.h"
#include "common/acl/SecrecyRule.h"
#include "common/model/AttachmentName.h"
#include "common/model/AttachmentRef.h"

namespace sen::acl {

namespace {
Status stubWithoutContent(const EffectiveAccess& access, const Document& incoming)
{
    if (access.level >= AccessLevel::Author && access.hasRight(DeleteDocuments))
        return Status::ok();
    return Status(ErrorCode::PermissionDenied,
                  QStringLiteral("%1 (%2 access) does not have the right to delete documents (refused the "
                                 "deletion of document %3)")
                      .arg(access.userName, accessLevelDisplayName(access.level), incoming.unid.toHex()));
}

// Every attachment a live version adds or changes names a plain file (model/AttachmentName.h),
// both in its item name ("$File:NAME") and in its reference: a peer's "../../.bashrc" never
// reaches another user's disk through the server. Attachments the stored version already
// holds unchanged are not judged again.
Status checkAttachmentNames(const std::optional<Document>& stored, const Document& incoming)
{
    static const QString kPrefix = QStringLiteral("$File:");
    for (const Item& item : incoming.items) {
        if (item.type != ItemType::Attachment || item.isTombstone())
            continue;
        if (stored) {
            const Item* before = stored->item(item.name);
            if (before && before->type == item.type && before->value == item.value)
                continue;
        }
        const Result<AttachmentRef> ref = AttachmentRef::fromCbor(item.value);
        const bool plain =
            (!item.name.startsWith(kPrefix) || isPlainFileName(item.name.mid(kPrefix.size()))) &&
            (!ref || isPlainFileName(ref->fileName));
        if (!plain)
            return Status(ErrorCode::InvalidArgument,
                          QStringLiteral("document %1: the attachment \"%2\" is not a plain file name")
                              .arg(incoming.unid.toHex(), item.name.left(100)));
    }
    return Status::ok();
}
} // namespace

QString pushActionName(PushAction action)
{
    switch (action) {
    case PushAction::Create:
        return QStringLiteral("create");
    case PushAction::Update:
        return QStringLiteral("update");
    case PushAction::Delete:
        break;
    }
    return QStringLiteral("delete");
}

namespace {

// Names, Readers and Authors items hold names: a version that sets one to anything else (body
// text, a label form, too many values) is refused. Items stored unchanged are not judged again.
Status checkNameItems(const std::optional<Document>& stored, const Document& incoming)
{
    for (const Item& item : incoming.items) {
        if (item.isTombstone() || (item.type != ItemType::Names && item.type != ItemType::Readers &&
                                   item.type != ItemType::Authors))
            continue;
        const Item* before = stored ? stored->anyItem(item.name) : nullptr;
        if (before && before->stamp == item.stamp)
            continue;
        const QStringList names = item.toList();
        if (names.size() > kMaxNamesInItem)
            return Status(ErrorCode::InvalidArgument,
                          QStringLiteral("document %1: its %2 item \"%3\" holds %4 names (at most %5)")
                              .arg(incoming.unid.toHex(), itemTypeName(item.type), item.name)
                              .arg(names.size())
                              .arg(kMaxNamesInItem));
        for (const QString& name : names) {
            if (!isAccessName(name))
                return Status(
                    ErrorCode::InvalidArgument,
                    QStringLiteral("document %1: its %2 item \"%3\" holds \"%4…\", which is not a name")
                        .arg(incoming.unid.toHex(), itemTypeName(item.type), item.name, name.left(24)));
        }
    }
    return Status::ok();
}

} // namespace

PushDecision decidePush(const EffectiveAccess& access, const std::optional<Document>& stored,
                        const Document& incoming, Secrecy inherited)
{
    const bool storedLive = stored.has_value() && !stored->isDeleted();
    if (incoming.isDeleted()) {
        if (storedLive)
            return {PushAction::Delete, canDelete(access, *stored)};
        // A stub over the stub held deletes nothing: it only brings the peer's own edits of a
        // document already deleted here — a numbering the deletion won over (docs/merge.md
        // rule 5) — so it needs no right to delete, only that the peer writes documents.
        if (stored) {
            if (access.level >= AccessLevel::Author)
                return {PushAction::Delete, Status::ok()};
            return {PushAction::Delete,
                    Status(ErrorCode::PermissionDenied,
                           QStringLiteral("%1 (%2 access) may not change documents (refused a version of the "
                                          "deleted document %3)")
                               .arg(access.userName, accessLevelDisplayName(access.level),
                                    incoming.unid.toHex()))};
        }
        return {PushAction::Delete, stubWithoutContent(access, incoming)};
    }
    if (!storedLive) {
        Status status = canCreate(access, incoming);
        if (status.isOk())
            status = checkSecrecy(incoming, inherited);
        if (status.isOk())
            status = checkAttachmentNames(stored, incoming);
        if (status.isOk())
            status = checkNameItems(stored, incoming);
        return {PushAction::Create, status};
    }
    Status status = canUpdate(access, *stored, incoming);
    if (status.isOk())
        status = checkSecrecy(incoming, inherited);
    if (status.isOk())
        status = checkAttachmentNames(stored, incoming);
    if (status.isOk())
        status = checkNameItems(stored, incoming);
    return {PushAction::Update, status};
}

} // namespace sen::acl
