#include "server/audit/AuditEvent.h"

namespace sen::server {

bool isValidAuditKind(QStringView kind)
{
    if (kind.isEmpty() || kind.size() > AuditEvent::kMaxKindChars)
        return false;
    if (kind.front() < u'a' || kind.front() > u'z')
        return false;
    for (QChar c : kind) {
        const bool ok = (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'_' || c == u'.';
        if (!ok)
            return false;
    }
    return true;
}

bool isAdminAuditKind(QStringView kind)
{
    return kind.startsWith(QStringView(audit::kAdminPrefix)) &&
           kind.size() > QStringView(audit::kAdminPrefix).size();
}

bool isLogAuditKind(QStringView kind)
{
    return kind == QStringView(audit::kLogTornTail) || kind == QStringView(audit::kLogTailMissing) ||
           kind == QStringView(audit::kLogHeadMissing) || kind == QStringView(audit::kLogHeadInvalid);
}

bool needsAcknowledgement(QStringView kind)
{
    return kind == QStringView(audit::kLogTailMissing) || kind == QStringView(audit::kLogHeadMissing) ||
           kind == QStringView(audit::kLogHeadInvalid);
}

} // namespace sen::server
