// senctl mywork: "Việc của tôi" across the workspace (docs/workflow.md "My work";
// client/app/MyWork.h) — assigned to the user, awaiting their opinion, to present (văn thư),
// due soon and overdue, new incoming documents, today's schedule, invitations awaiting a reply — for the
// workspace's user (the name in its ID; no password needed), read through the same sessions as sen.
//   mywork [--json] [--today YYYY-MM-DD]
// Text: one block per section, a row per line, tab-separated: due marker (OVERDUE, SOON or
// empty), deadline, database, UNID, title, why. --json: {today, user, counts, rows}.

#include "client/app/MyWork.h"
#include "client/cli/CommandContext.h"
#include "client/core/UserIdentity.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sen::cli {

namespace {

const app::WorkSection kSections[] = {app::WorkSection::Assigned,    app::WorkSection::Awaiting,
                                      app::WorkSection::Unpresented, app::WorkSection::New,
                                      app::WorkSection::Today,       app::WorkSection::Invitations};

QString dueId(const std::optional<workdays::DeadlineState>& due)
{
    if (!due)
        return {};
    switch (*due) {
    case workdays::DeadlineState::OnTime:
        return QStringLiteral("on-time");
    case workdays::DeadlineState::DueSoon:
        return QStringLiteral("due-soon");
    case workdays::DeadlineState::Overdue:
        return QStringLiteral("overdue");
    }
    return {};
}

QString dueMarker(const std::optional<workdays::DeadlineState>& due)
{
    if (due == workdays::DeadlineState::Overdue)
        return QStringLiteral("OVERDUE");
    if (due == workdays::DeadlineState::DueSoon)
        return QStringLiteral("SOON");
    return {};
}

QJsonObject rowJson(const app::WorkRow& row)
{
    QJsonObject o{{QStringLiteral("section"), app::MyWork::sectionId(row.section)},
                  {QStringLiteral("database"), row.database},
                  {QStringLiteral("unid"), row.unid.toHex()},
                  {QStringLiteral("title"), row.title},
                  {QStringLiteral("what"), row.what}};
    if (row.section != app::WorkSection::Today && row.section != app::WorkSection::Invitations)
        o.insert(QStringLiteral("state"), workflow::stateId(row.state));
    if (!row.step.isNull())
        o.insert(QStringLiteral("step"), row.step.toHex());
    if (row.deadline.isValid())
        o.insert(QStringLiteral("deadline"), row.deadline.toString(Qt::ISODate));
    if (row.due)
        o.insert(QStringLiteral("due"), dueId(row.due));
    return o;
}

} // namespace

Status runMyWorkCommand(CommandContext& ctx)
{
    const QString kJson = QStringLiteral("--json"), kToday = QStringLiteral("--today");
    SEN_TRY(ctx.args.allowOnly({QStringLiteral("--home"), kJson, kToday}));
    if (ctx.args.positional().size() != 1)
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("usage: mywork [--json] [--today YYYY-MM-DD]"));
    app::MyWorkOptions options;
    if (ctx.args.has(kToday)) {
        options.today = QDate::fromString(ctx.args.value(kToday), Qt::ISODate);
        if (!options.today.isValid())
            return Status(ErrorCode::InvalidArgument, QStringLiteral("--today takes a date YYYY-MM-DD"));
    }
    const QString user = client::UserIdentity::userName(ctx.workspace);
    if (user.isEmpty())
        return Status(ErrorCode::NotFound,
                      QStringLiteral("no ID in %1: run login --id FILE first").arg(ctx.workspace.home()));
    SEN_ASSIGN_OR_RETURN(const std::vector<client::ReplicaEntry> entries, ctx.workspace.list());
    std::vector<std::unique_ptr<app::DatabaseSession>> sessions;
    std::vector<app::DatabaseSession*> open;
    for (const client::ReplicaEntry& entry : entries) {
        auto session = app::DatabaseSession::open(ctx.workspace, entry.name, user);
        if (!session) {
            ctx.situation = client::ErrorContext::forDatabase(client::Situation::OpeningDatabase, entry.name);
            return session.status();
        }
        open.push_back(session->get());
        sessions.push_back(std::move(*session));
    }
    SEN_ASSIGN_OR_RETURN(const app::MyWorkReport report, app::MyWork::collect(open, options));
    const auto overdue = report.withDue(workdays::DeadlineState::Overdue);
    const auto dueSoon = report.withDue(workdays::DeadlineState::DueSoon);

    if (ctx.args.has(kJson)) {
        QJsonObject counts;
        for (app::WorkSection section : kSections)
            counts.insert(app::MyWork::sectionId(section), qint64(report.section(section).size()));
        counts.insert(QStringLiteral("due-soon"), qint64(dueSoon.size()));
        counts.insert(QStringLiteral("overdue"), qint64(overdue.size()));
        counts.insert(QStringLiteral("unpresented-overdue"), qint64(report.unpresentedOverdue));
        QJsonArray rows;
        for (const app::WorkRow& row : report.rows)
            rows.append(rowJson(row));
        const QJsonObject top{{QStringLiteral("today"), report.today.toString(Qt::ISODate)},
                              {QStringLiteral("user"), user},
                              {QStringLiteral("counts"), counts},
                              {QStringLiteral("rows"), rows}};
        ctx.out << QJsonDocument(top).toJson(QJsonDocument::Indented);
        return Status::ok();
    }
    ctx.out << "My work of " << user << " on " << report.today.toString(Qt::ISODate) << ": " << overdue.size()
            << " overdue, " << dueSoon.size() << " due soon\n";
    for (app::WorkSection section : kSections) {
        const auto rows = report.section(section);
        ctx.out << '\n' << app::MyWork::sectionName(section) << " (" << rows.size() << ")\n";
        for (const app::WorkRow* row : rows)
            ctx.out << dueMarker(row->due) << '\t'
                    << (row->deadline.isValid() ? row->deadline.toString(Qt::ISODate) : QString()) << '\t'
                    << row->database << '\t' << row->unid.toHex() << '\t' << row->title << '\t' << row->what
                    << '\n';
    }
    return Status::ok();
}

} // namespace sen::cli
