// senctl slip: the processing of an incoming document (docs/workflow.md) — present it, direct
// it, report on a direction, show where it stands with its timeline — through the same
// application layer as sen's processing pane (client/app/Workflow.h).

#include "client/app/Workflow.h"
#include "client/cli/CommandContext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sen::cli {

namespace {

Status usage()
{
    return Status(
        ErrorCode::InvalidArgument,
        QStringLiteral("usage: slip present DB UNID --to NAME... [--note TEXT] | "
                       "slip create DB UNID --lead NAME... [--with NAME]... [--deadline YYYY-MM-DD] "
                       "--direction TEXT [--level agency|unit] [--carries SLIP] | "
                       "slip report DB SLIP --status in-progress|done|returned --text TEXT "
                       "[--reply NUMBER] [--as lead|co] | slip show DB UNID [--json]"));
}

const char* stepKindId(workflow::StepKind kind)
{
    switch (kind) {
    case workflow::StepKind::Presentation:
        return "presentation";
    case workflow::StepKind::Direction:
        return "direction";
    case workflow::StepKind::Report:
        return "report";
    }
    return "";
}

const char* deadlineId(workdays::DeadlineState state)
{
    switch (state) {
    case workdays::DeadlineState::OnTime:
        return "on-time";
    case workdays::DeadlineState::DueSoon:
        return "due-soon";
    case workdays::DeadlineState::Overdue:
        return "overdue";
    }
    return "";
}

QJsonObject stepJson(const workflow::Step& step)
{
    QJsonObject object{{QStringLiteral("unid"), step.unid.toHex()},
                       {QStringLiteral("kind"), QLatin1String(stepKindId(step.kind))},
                       {QStringLiteral("author"), step.author},
                       {QStringLiteral("time"), step.time.toString(Qt::ISODateWithMs)},
                       {QStringLiteral("text"), step.text}};
    switch (step.kind) {
    case workflow::StepKind::Presentation:
        object.insert(QStringLiteral("to"), QJsonArray::fromStringList(step.presentedTo));
        break;
    case workflow::StepKind::Direction:
        object.insert(QStringLiteral("level"), workflow::levelWord(step.level));
        object.insert(QStringLiteral("lead"), QJsonArray::fromStringList(step.lead));
        object.insert(QStringLiteral("with"), QJsonArray::fromStringList(step.coordinating));
        if (step.deadline.isValid())
            object.insert(QStringLiteral("deadline"), step.deadline.toString(Qt::ISODate));
        if (step.delegatedFrom)
            object.insert(QStringLiteral("carries"), step.delegatedFrom->toHex());
        break;
    case workflow::StepKind::Report:
        if (step.parent)
            object.insert(QStringLiteral("direction"), step.parent->toHex());
        object.insert(QStringLiteral("status"), workflow::statusWord(step.status));
        object.insert(QStringLiteral("as"), workflow::partWord(step.part));
        if (!step.reply.isEmpty())
            object.insert(QStringLiteral("reply"), step.reply);
        break;
    }
    return object;
}

// One line of the timeline for people: "dd/MM/yyyy HH:mm  Author  what".
QString stepLine(const workflow::Step& step)
{
    QString what;
    switch (step.kind) {
    case workflow::StepKind::Presentation:
        what = QStringLiteral("trình %1").arg(step.presentedTo.join(QStringLiteral("; ")));
        break;
    case workflow::StepKind::Direction:
        what = QStringLiteral("%1: %2 — chủ trì %3")
                   .arg(workflow::levelWord(step.level), step.text, step.lead.join(QStringLiteral("; ")));
        if (!step.coordinating.isEmpty())
            what += QStringLiteral(", phối hợp %1").arg(step.coordinating.join(QStringLiteral("; ")));
        if (step.deadline.isValid())
            what += QStringLiteral(", hạn %1").arg(step.deadline.toString(QStringLiteral("dd/MM/yyyy")));
        break;
    case workflow::StepKind::Report:
        what = QStringLiteral("%1 (%2): %3")
                   .arg(workflow::statusWord(step.status), workflow::partWord(step.part), step.text);
        break;
    }
    return QStringLiteral("%1  %2  %3")
        .arg(step.time.toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm")), step.author, what);
}

Result<QDate> deadlineOption(const Arguments& args)
{
    if (!args.has(QStringLiteral("--deadline")))
        return QDate();
    const QString text = args.value(QStringLiteral("--deadline"));
    const QDate day = QDate::fromString(text, Qt::ISODate);
    if (!day.isValid())
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("--deadline takes a date YYYY-MM-DD, not \"%1\"").arg(text));
    return day;
}

Status show(CommandContext& ctx, app::DatabaseSession& session, const Unid& unid)
{
    app::Workflow workflow(session);
    SEN_ASSIGN_OR_RETURN(const workflow::Processing processing, workflow.processing(unid));
    SEN_ASSIGN_OR_RETURN(const workdays::WorkCalendar calendar, session.workCalendar());
    const auto due = app::Workflow::deadlineState(processing, calendar, QDate::currentDate());
    if (ctx.args.has(QStringLiteral("--json"))) {
        QJsonArray timeline;
        for (const workflow::Step& step : processing.timeline)
            timeline.append(stepJson(step));
        QJsonObject object{{QStringLiteral("state"), workflow::stateId(processing.state)},
                           {QStringLiteral("timeline"), timeline}};
        if (processing.deadline.isValid())
            object.insert(QStringLiteral("deadline"), processing.deadline.toString(Qt::ISODate));
        if (due)
            object.insert(QStringLiteral("due"), QLatin1String(deadlineId(*due)));
        ctx.out << QJsonDocument(object).toJson(QJsonDocument::Compact) << '\n';
        return Status::ok();
    }
    ctx.out << QCoreApplication::translate("sen::workflow", workflow::stateSourceName(processing.state));
    if (processing.deadline.isValid())
        ctx.out << "  " << processing.deadline.toString(QStringLiteral("dd/MM/yyyy"));
    if (due && *due != workdays::DeadlineState::OnTime)
        ctx.out << "  " << deadlineId(*due);
    ctx.out << '\n';
    for (const workflow::Step& step : processing.timeline)
        ctx.out << stepLine(step) << '\n';
    return Status::ok();
}

} // namespace

Status runSlipCommand(CommandContext& ctx)
{
    const QString verb = ctx.args.positional(1);
    SEN_TRY(
        ctx.args.allowOnly({QStringLiteral("--home"), QStringLiteral("--to"), QStringLiteral("--note"),
                            QStringLiteral("--lead"), QStringLiteral("--with"), QStringLiteral("--deadline"),
                            QStringLiteral("--direction"), QStringLiteral("--level"),
                            QStringLiteral("--carries"), QStringLiteral("--status"), QStringLiteral("--text"),
                            QStringLiteral("--reply"), QStringLiteral("--as"), QStringLiteral("--json")}));
    if (ctx.args.positional().size() != 4)
        return usage();
    SEN_ASSIGN_OR_RETURN(auto session, ctx.openSession(ctx.args.positional(2)));
    SEN_ASSIGN_OR_RETURN(const Unid unid, parseUnid(ctx.args.positional(3)));
    app::Workflow workflow(*session);

    if (verb == u"show")
        return show(ctx, *session, unid);
    if (verb == u"present") {
        SEN_ASSIGN_OR_RETURN(const Document saved,
                             workflow.present(unid, ctx.args.values(QStringLiteral("--to")),
                                              ctx.args.value(QStringLiteral("--note"))));
        ctx.out << saved.unid.toHex() << '\n';
        return Status::ok();
    }
    if (verb == u"create") {
        app::DirectionRequest request;
        const QString level = ctx.args.value(QStringLiteral("--level"));
        if (level == u"unit")
            request.level = workflow::Level::Unit;
        else if (!level.isEmpty() && level != u"agency")
            return usage();
        request.lead = ctx.args.values(QStringLiteral("--lead"));
        request.coordinating = ctx.args.values(QStringLiteral("--with"));
        request.text = ctx.args.value(QStringLiteral("--direction"));
        SEN_ASSIGN_OR_RETURN(request.deadline, deadlineOption(ctx.args));
        if (ctx.args.has(QStringLiteral("--carries"))) {
            SEN_ASSIGN_OR_RETURN(const Unid from, parseUnid(ctx.args.value(QStringLiteral("--carries"))));
            request.delegatedFrom = from;
        }
        SEN_ASSIGN_OR_RETURN(const Document saved, workflow.direct(unid, request));
        ctx.out << saved.unid.toHex() << '\n';
        return Status::ok();
    }
    if (verb == u"report") {
        app::ReportRequest request;
        const QString status = ctx.args.value(QStringLiteral("--status"));
        if (status == u"in-progress")
            request.status = workflow::ReportStatus::InProgress;
        else if (status == u"done")
            request.status = workflow::ReportStatus::Done;
        else if (status == u"returned")
            request.status = workflow::ReportStatus::Returned;
        else
            return usage();
        const QString part = ctx.args.value(QStringLiteral("--as"));
        if (part == u"lead")
            request.part = workflow::Part::Lead;
        else if (part == u"co")
            request.part = workflow::Part::Coordinating;
        else if (!part.isEmpty())
            return usage();
        request.text = ctx.args.value(QStringLiteral("--text"));
        request.reply = ctx.args.value(QStringLiteral("--reply"));
        SEN_ASSIGN_OR_RETURN(const Document saved, workflow.report(unid, request));
        ctx.out << saved.unid.toHex() << '\n';
        return Status::ok();
    }
    return usage();
}

} // namespace sen::cli
