#include "common/workflow/StepCheck.h"

#include "common/acl/AccessLevel.h"
#include "common/acl/NameMatch.h"
#include "common/workflow/Steps.h"

#include <algorithm>

namespace sen::workflow {

namespace {

Status denied(const QString& why)
{
    return Status(ErrorCode::PermissionDenied, why);
}

// The live document `unid` of `form`, or a status saying what is missing.
Result<Document> liveParent(const StepContext& context, const std::optional<Unid>& unid, const char* form,
                            const QString& what)
{
    if (!unid)
        return Status(ErrorCode::InvalidArgument, QStringLiteral("%1 must be a response").arg(what));
    SEN_ASSIGN_OR_RETURN(const std::optional<Document> found, context.find(*unid));
    if (!found || found->isDeleted() || found->form != QLatin1String(form))
        return Status(
            ErrorCode::InvalidArgument,
            QStringLiteral("%1 must answer a live document of form %2").arg(what, QLatin1String(form)));
    return *found;
}

Status checkRole(const StepContext& context, const char* role, const QString& what)
{
    if (holdsRole(context.access, QLatin1String(role)))
        return Status::ok();
    return denied(QStringLiteral("only a holder of the role %1 may write %2").arg(QLatin1String(role), what));
}

Status checkCreate(const Document& incoming, const StepContext& context)
{
    SEN_ASSIGN_OR_RETURN(const Step step, stepFromDocument(incoming));
    if (!acl::namesEqual(step.author, context.access.userName))
        return denied(QStringLiteral("a processing step must be written in its author's own name, not \"%1\"")
                          .arg(step.author.left(80)));
    const qint64 ms = step.time.toMSecsSinceEpoch();
    if (ms > context.now.toMSecsSinceEpoch() + kMaxClockSkewMs ||
        step.time < QDateTime(QDate(2000, 1, 1), QTime(0, 0), Qt::UTC))
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("the step is dated %1, which the server's clock does not allow")
                          .arg(step.time.toString(Qt::ISODate)));
    switch (step.kind) {
    case StepKind::Presentation:
        SEN_TRY(checkRole(context, kRoleClerk, QStringLiteral("a presentation")));
        return liveParent(context, step.parent, kIncomingForm, QStringLiteral("a presentation")).status();
    case StepKind::Direction: {
        SEN_TRY(checkRole(context, step.level == Level::Agency ? kRoleLeader : kRoleUnitHead,
                          QStringLiteral("a direction of this level")));
        SEN_TRY(liveParent(context, step.parent, kIncomingForm, QStringLiteral("a direction")).status());
        if (step.delegatedFrom) {
            SEN_ASSIGN_OR_RETURN(const Document from, liveParent(context, step.delegatedFrom, kDirectionForm,
                                                                 QStringLiteral("GiaoTu")));
            if (from.parent != step.parent)
                return Status(ErrorCode::InvalidArgument,
                              QStringLiteral("GiaoTu names a direction of another document"));
        }
        return Status::ok();
    }
    case StepKind::Report: {
        SEN_ASSIGN_OR_RETURN(const Document parent,
                             liveParent(context, step.parent, kDirectionForm, QStringLiteral("a report")));
        SEN_ASSIGN_OR_RETURN(const Step direction, stepFromDocument(parent));
        const bool lead = step.part == Part::Lead;
        if (!context.access.isNamedIn(lead ? direction.lead : direction.coordinating))
            return denied(lead ? QStringLiteral("only someone the direction names as lead may report as lead")
                               : QStringLiteral("only someone the direction names as co-ordinating may "
                                                "report as co-ordinator"));
        return Status::ok();
    }
    }
    return Status::ok();
}

} // namespace

bool holdsRole(const acl::EffectiveAccess& access, const QString& role)
{
    return std::any_of(access.roles.begin(), access.roles.end(),
                       [&role](const QString& held) { return held.compare(role, Qt::CaseInsensitive) == 0; });
}

Status checkPushedStep(const std::optional<Document>& stored, const Document& incoming,
                       const StepContext& context)
{
    const bool wasStep = stored && !stored->isDeleted() && isStepForm(stored->form);
    const bool isStep = !incoming.isDeleted() && isStepForm(incoming.form);
    if (!wasStep && !isStep)
        return Status::ok();
    if (wasStep) {
        if (incoming.isDeleted())
            return context.access.level >= acl::AccessLevel::Manager
                       ? Status::ok()
                       : denied(QStringLiteral("a processing step is part of the record: only a Manager "
                                               "may delete it"));
        if (!stored->sameLiveContent(incoming))
            return denied(QStringLiteral("a processing step once given is never rewritten: write a new one"));
        return Status::ok();
    }
    return checkCreate(incoming, context);
}

} // namespace sen::workflow
