#include "common/acl/AccessCheck.h"

namespace sen::acl {

namespace {
QStringList namesOfType(const Document& doc, ItemType type)
{
    QStringList names;
    for (const Item& item : doc.items) {
        if (item.type == type && !item.isTombstone())
            names += item.toList();
    }
    names.removeAll(QString());
    return names;
}

Status denied(const EffectiveAccess& access, const QString& what)
{
    return Status(
        ErrorCode::PermissionDenied,
        QStringLiteral("%1 (%2 access) %3").arg(access.userName, accessLevelDisplayName(access.level), what));
}

QString docRef(const Document& doc)
{
    return QStringLiteral("document %1").arg(doc.unid.toHex());
}

bool isNamedAsAuthor(const EffectiveAccess& access, const Document& doc)
{
    return access.isNamedIn(namesOfType(doc, ItemType::Authors));
}
} // namespace

Status canRead(const EffectiveAccess& access, const Document& doc)
{
    if (access.level < AccessLevel::Reader)
        return denied(access, QStringLiteral("cannot read documents"));
    const QStringList readers = namesOfType(doc, ItemType::Readers);
    if (readers.isEmpty())
        return Status::ok();
    if (access.isNamedIn(readers) || isNamedAsAuthor(access, doc))
        return Status::ok();
    return denied(access,
                  QStringLiteral("is not named in the Readers or Authors items of %1").arg(docRef(doc)));
}

Status canCreate(const EffectiveAccess& access, const Document& doc)
{
    if (access.level < AccessLevel::Depositor || !access.hasRight(CreateDocuments))
        return denied(access, QStringLiteral("may not create documents (refused %1)").arg(docRef(doc)));
    return Status::ok();
}

Status canUpdate(const EffectiveAccess& access, const Document& stored, const Document& updated)
{
    if (updated.isDeleted())
        return canDelete(access, stored);
    if (access.level < AccessLevel::Author)
        return denied(access, QStringLiteral("may not change documents (refused %1)").arg(docRef(stored)));
    SEN_TRY(canRead(access, stored));
    if (access.level >= AccessLevel::Editor)
        return Status::ok();
    if (!isNamedAsAuthor(access, stored))
        return denied(access, QStringLiteral("is not named in an Authors item of %1").arg(docRef(stored)));
    return Status::ok();
}

Status canDelete(const EffectiveAccess& access, const Document& stored)
{
    if (access.level < AccessLevel::Author || !access.hasRight(DeleteDocuments))
        return denied(
            access,
            QStringLiteral("does not have the right to delete documents (refused %1)").arg(docRef(stored)));
    SEN_TRY(canRead(access, stored));
    if (access.level == AccessLevel::Author && !isNamedAsAuthor(access, stored))
        return denied(
            access, QStringLiteral("may delete only own documents and is not named in an Authors item of %1")
                        .arg(docRef(stored)));
    return Status::ok();
}

Status canReplicate(const EffectiveAccess& access)
{
    if (access.level < AccessLevel::Reader || !access.hasRight(Replicate))
        return denied(access, QStringLiteral("may not replicate or copy this database"));
    return Status::ok();
}

} // namespace sen::acl
