#include "common/schedule/ScheduleCheck.h"

#include "common/acl/AccessLevel.h"
#include "common/acl/NameMatch.h"
#include "common/schedule/InvitationCheck.h"
#include "common/schedule/Schedule.h"
#include "common/workflow/StepCheck.h"

namespace sen::schedule {

namespace {

Status denied(const QString& why)
{
    return Status(ErrorCode::PermissionDenied, why);
}

bool isForm(const std::optional<Document>& doc, const char* form)
{
    return doc && !doc->isDeleted() && doc->form == QLatin1String(form);
}

Status checkAuthorAndTime(const QString& author, const QDateTime& time, const ScheduleContext& context,
                          const QString& what)
{
    if (!acl::namesEqual(author, context.access.userName))
        return denied(QStringLiteral("%1 must be written in its author's own name, not \"%2\"")
                          .arg(what, author.left(80)));
    if (time.toMSecsSinceEpoch() > context.now.toMSecsSinceEpoch() + workflow::kMaxClockSkewMs ||
        time < QDateTime(QDate(2000, 1, 1), QTime(0, 0), Qt::UTC))
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("%1 is dated %2, which the server's clock does not allow")
                          .arg(what, time.toString(Qt::ISODate)));
    return Status::ok();
}

Status checkBounds(const Document& entry)
{
    for (const Item& item : entry.items) {
        if (item.isTombstone() || item.type == ItemType::Attachment)
            continue;
        const QStringList values = item.toList();
        if (values.size() > kMaxValues)
            return Status(ErrorCode::InvalidArgument,
                          QStringLiteral("%1 holds more than %2 values").arg(item.name).arg(kMaxValues));
        const bool longText =
            item.name == QLatin1String(kItemContent) || item.name == QLatin1String(kItemNote);
        const int limit = longText ? kMaxText : kMaxLine;
        for (const QString& value : values)
            if (value.size() > limit)
                return Status(ErrorCode::InvalidArgument,
                              QStringLiteral("%1 is longer than %2 characters").arg(item.name).arg(limit));
    }
    return Status::ok();
}

// Whether `week` is published in the store.
Result<bool> isPublished(const ScheduleContext& context, const WeekId& week)
{
    SEN_ASSIGN_OR_RETURN(const std::vector<Document> docs, context.weekActions());
    std::vector<WeekAction> actions;
    for (const Document& doc : docs)
        if (!doc.isDeleted())
            if (Result<WeekAction> action = weekActionFromDocument(doc))
                actions.push_back(*action);
    return deriveWeek(week, actions).state == WeekState::Published;
}

Result<bool> touchesPublished(const ScheduleContext& context, const std::optional<Document>& stored,
                              const Document& incoming)
{
    for (const Document* doc : {stored ? &*stored : nullptr, &incoming}) {
        if (!doc || doc->isDeleted())
            continue;
        const QDate day = entryDate(*doc);
        if (!day.isValid())
            continue;
        SEN_ASSIGN_OR_RETURN(const bool published, isPublished(context, WeekId::of(day)));
        if (published)
            return true;
    }
    return false;
}

Status checkEntry(const std::optional<Document>& stored, const Document& incoming,
                  const ScheduleContext& context)
{
    const bool wasEntry = isForm(stored, kEntryForm);
    if (!incoming.isDeleted())
        SEN_TRY(checkBounds(incoming));
    SEN_ASSIGN_OR_RETURN(const bool published,
                         touchesPublished(context, wasEntry ? stored : std::nullopt, incoming));
    if (!published)
        return Status::ok();
    if (incoming.isDeleted())
        return context.access.level >= acl::AccessLevel::Manager
                   ? Status::ok()
                   : denied(QStringLiteral("an entry of a published week is not deleted: it is postponed or "
                                           "cancelled (Hoãn/Hủy) with a change record"));
    if (!holdsAnyRole(context.access, {kRoleOffice, kRoleChief, kRoleLeader}))
        return denied(QStringLiteral("only a holder of [VanPhong], [ChanhVanPhong] or [LanhDao] may change a "
                                     "published week"));
    if (!wasEntry)
        return Status::ok(); // an entry added to a published week; its "Thay đổi" record follows it
    if (stored->sameLiveContent(incoming))
        return Status::ok();
    // Each item ThayDoi_<UNID> the incoming version adds names a change record of this entry by
    // the pushing user; at least one is added.
    int added = 0;
    for (const Item& item : incoming.items) {
        if (item.isTombstone() || !item.name.startsWith(QLatin1String(kItemChangePrefix)))
            continue;
        if (stored->item(item.name))
            continue;
        const std::optional<Unid> recordId = changeItemRecord(item.name);
        if (!recordId)
            return Status(ErrorCode::InvalidArgument,
                          QStringLiteral("%1 must be followed by a change record's UNID")
                              .arg(QLatin1String(kItemChangePrefix)));
        SEN_ASSIGN_OR_RETURN(const std::optional<Document> record, context.find(*recordId));
        if (!isForm(record, kChangeForm) || record->parent != incoming.unid)
            return denied(
                QStringLiteral("%1 must name a live change record of this entry").arg(item.name.left(60)));
        SEN_ASSIGN_OR_RETURN(const ChangeRecord change, changeFromDocument(*record));
        if (!acl::namesEqual(change.author, context.access.userName))
            return denied(QStringLiteral("%1 must name a change record of the user who makes the change")
                              .arg(item.name.left(60)));
        ++added;
    }
    if (added == 0)
        return denied(QStringLiteral("an entry of a published week changes only with a new change record "
                                     "(Thay đổi), named by an item ThayDoi_<UNID>"));
    return Status::ok();
}

Status checkRecordCreate(const Document& incoming, const ScheduleContext& context)
{
    if (incoming.form == QLatin1String(kWeekActionForm)) {
        SEN_ASSIGN_OR_RETURN(const WeekAction action, weekActionFromDocument(incoming));
        SEN_TRY(checkAuthorAndTime(action.actor, action.time, context, QStringLiteral("a week action")));
        if (!holdsAnyRole(context.access, {kRoleChief, kRoleLeader}))
            return denied(
                QStringLiteral("only a holder of [LanhDao] or [ChanhVanPhong] may approve or publish "
                               "a week"));
        if (action.kind == WeekActionKind::Publish) {
            SEN_ASSIGN_OR_RETURN(const std::vector<Document> docs, context.weekActions());
            std::vector<WeekAction> actions;
            for (const Document& doc : docs)
                if (!doc.isDeleted())
                    if (Result<WeekAction> held = weekActionFromDocument(doc))
                        actions.push_back(*held);
            if (!deriveWeek(action.week, actions).approval)
                return denied(QStringLiteral("the week %1 is published only once approved")
                                  .arg(action.week.toString()));
        }
        return Status::ok();
    }
    SEN_ASSIGN_OR_RETURN(const ChangeRecord change, changeFromDocument(incoming));
    SEN_TRY(checkAuthorAndTime(change.author, change.time, context, QStringLiteral("a change record")));
    if (!holdsAnyRole(context.access, {kRoleOffice, kRoleChief, kRoleLeader}))
        return denied(QStringLiteral("only a holder of [VanPhong], [ChanhVanPhong] or [LanhDao] may log a "
                                     "change of the schedule"));
    SEN_ASSIGN_OR_RETURN(const std::optional<Document> entry, context.find(change.entry));
    if (!isForm(entry, kEntryForm))
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("a change record must answer a live schedule entry"));
    return Status::ok();
}

bool isRecordForm(const QString& form)
{
    return form == QLatin1String(kWeekActionForm) || form == QLatin1String(kChangeForm);
}

} // namespace

Status checkPushedSchedule(const std::optional<Document>& stored, const Document& incoming,
                           const ScheduleContext& context)
{
    if (isReplyVersion(stored, incoming))
        return checkPushedReply(stored, incoming, context);
    const bool wasRecord = stored && !stored->isDeleted() && isRecordForm(stored->form);
    const bool isRecord = !incoming.isDeleted() && isRecordForm(incoming.form);
    if (wasRecord) {
        if (incoming.isDeleted())
            return context.access.level >= acl::AccessLevel::Manager
                       ? Status::ok()
                       : denied(QStringLiteral("a schedule record is part of the log: only a Manager may "
                                               "delete it"));
        if (!stored->sameLiveContent(incoming))
            return denied(
                QStringLiteral("a schedule record once written is never rewritten: write a new one"));
        return Status::ok();
    }
    if (isRecord)
        return checkRecordCreate(incoming, context);
    if (isForm(stored, kEntryForm) || (!incoming.isDeleted() && incoming.form == QLatin1String(kEntryForm)))
        return checkEntry(stored, incoming, context);
    return Status::ok();
}

} // namespace sen::schedule
