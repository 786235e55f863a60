#include "acl/PushDecision.h"

#include "acl/AccessCheck.h"
#include "acl/SecrecyRule.h"

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

PushDecision decidePush(const EffectiveAccess& access, const std::optional<Document>& stored,
                        const Document& incoming, Secrecy inherited)
{
    const bool storedLive = stored.has_value() && !stored->isDeleted();
    if (incoming.isDeleted()) {
        if (storedLive)
            return {PushAction::Delete, canDelete(access, *stored)};
        return {PushAction::Delete, stubWithoutContent(access, incoming)};
    }
    if (!storedLive) {
        Status status = canCreate(access, incoming);
        if (status.isOk())
            status = checkSecrecy(incoming, inherited);
        return {PushAction::Create, status};
    }
    Status status = canUpdate(access, *stored, incoming);
    if (status.isOk())
        status = checkSecrecy(incoming, inherited);
    return {PushAction::Update, status};
}

} // namespace sen::acl
