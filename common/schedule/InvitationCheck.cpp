#include "common/schedule/InvitationCheck.h"

#include "common/acl/AccessLevel.h"
#include "common/acl/NameMatch.h"
#include "common/schedule/Invitation.h"
#include "common/schedule/Schedule.h"
#include "common/workflow/StepCheck.h"

#include <algorithm>

namespace sen::schedule {

namespace {

Status denied(const QString& why)
{
    return Status(ErrorCode::PermissionDenied, why);
}

bool isReplyForm(const std::optional<Document>& doc)
{
    return doc && !doc->isDeleted() && doc->form == QLatin1String(kReplyForm);
}

// Every item of a reply: at most kMaxValues values of at most kMaxReplyNote characters.
Status checkBounds(const Document& reply)
{
    for (const Item& item : reply.items) {
        if (item.isTombstone())
            continue;
        if (item.type == ItemType::Attachment)
            return Status(ErrorCode::InvalidArgument,
                          QStringLiteral("a reply to an invitation has no attachment"));
        const QStringList values = item.toList();
        if (values.size() > kMaxValues)
            return Status(
                ErrorCode::InvalidArgument,
                QStringLiteral("%1 holds more than %2 values").arg(item.name.left(60)).arg(kMaxValues));
        for (const QString& value : values)
            if (value.size() > kMaxReplyNote)
                return Status(ErrorCode::InvalidArgument, QStringLiteral("%1 is longer than %2 characters")
                                                              .arg(item.name.left(60))
                                                              .arg(kMaxReplyNote));
    }
    return Status::ok();
}

Status checkCreate(const Document& incoming, const ScheduleContext& context)
{
    SEN_TRY(checkBounds(incoming));
    SEN_ASSIGN_OR_RETURN(const Reply reply, replyFromDocument(incoming));
    if (!acl::namesEqual(reply.author, context.access.userName))
        return denied(QStringLiteral("a reply must be written in its author's own name, not \"%1\"")
                          .arg(reply.author.left(80)));
    if (reply.time.toMSecsSinceEpoch() > context.now.toMSecsSinceEpoch() + workflow::kMaxClockSkewMs ||
        reply.time < QDateTime(QDate(2000, 1, 1), QTime(0, 0), Qt::UTC))
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("the reply is dated %1, which the server's clock does not allow")
                          .arg(reply.time.toString(Qt::ISODate)));
    SEN_ASSIGN_OR_RETURN(const std::optional<Document> entry, context.find(reply.entry));
    if (!entry || entry->isDeleted() || entry->form != QLatin1String(kEntryForm))
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("a reply must answer a live schedule entry"));
    const QStringList lines = invitationLines(*entry);
    if (!reply.onBehalf.isEmpty()) {
        const bool listed = std::any_of(lines.begin(), lines.end(), [&reply](const QString& line) {
            return acl::namesEqual(line, reply.onBehalf);
        });
        if (!listed)
            return denied(
                QStringLiteral("%1 must name an invitee of the entry").arg(QLatin1String(kItemOnBehalf)));
        if (!context.access.isNamedIn({reply.onBehalf}))
            return denied(
                QStringLiteral("only a member of %1 may reply for it").arg(reply.onBehalf.left(80)));
        return Status::ok();
    }
    if (!context.access.isNamedIn(lines))
        return denied(QStringLiteral("only someone the entry invites (by name, group or role) may reply"));
    return Status::ok();
}

} // namespace

bool isReplyVersion(const std::optional<Document>& stored, const Document& incoming)
{
    return isReplyForm(stored) || (!incoming.isDeleted() && incoming.form == QLatin1String(kReplyForm));
}

Status checkPushedReply(const std::optional<Document>& stored, const Document& incoming,
                        const ScheduleContext& context)
{
    if (isReplyForm(stored)) {
        if (incoming.isDeleted())
            return context.access.level >= acl::AccessLevel::Manager
                       ? Status::ok()
                       : denied(QStringLiteral(
                             "a reply to an invitation is a record: only a Manager may delete it"));
        if (!stored->sameLiveContent(incoming))
            return denied(QStringLiteral("a reply once written is never rewritten: write a new one"));
        return Status::ok();
    }
    if (incoming.isDeleted())
        return Status::ok();
    if (stored && !stored->isDeleted() && stored->form != incoming.form)
        return denied(QStringLiteral("a document does not become a reply to an invitation"));
    return checkCreate(incoming, context);
}

} // namespace sen::schedule
