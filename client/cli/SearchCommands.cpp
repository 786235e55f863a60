// senctl search: full-text words and fields (số ký hiệu, cơ quan ban hành, a date range) on
// one database or, with --all, on every database of the workspace (client/app/Search.h).
//   search DB|--all [WORDS...] [--number TEXT] [--issuer TEXT] [--from DAY] [--to DAY] [--json]
// One hit a line: UNID, database, form title, số ký hiệu, date (dd/MM/yyyy), then the words
// around the matches (or, without words, the abstract); tab-separated. With --all, a database
// that could not be searched makes the command fail after the hits of the others are printed.

#include "client/app/Search.h"
#include "client/cli/CommandContext.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sen::cli {

namespace {

const QString kHome = QStringLiteral("--home");
const QString kJson = QStringLiteral("--json");
const QString kAll = QStringLiteral("--all");
const QString kNumber = QStringLiteral("--number");
const QString kIssuer = QStringLiteral("--issuer");
const QString kFrom = QStringLiteral("--from");
const QString kTo = QStringLiteral("--to");
constexpr int kLimit = 100;

const QString kUsage = QStringLiteral(
    "search DB|--all [WORDS] [--number TEXT] [--issuer TEXT] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]");

QJsonObject toJson(const app::SearchResult& hit)
{
    return QJsonObject{
        {QStringLiteral("unid"), hit.unid.toHex()},
        {QStringLiteral("rank"), hit.rank},
        {QStringLiteral("snippet"), hit.snippet},
        {QStringLiteral("database"), hit.database},
        {QStringLiteral("databaseTitle"), hit.databaseTitle},
        {QStringLiteral("form"), hit.form},
        {QStringLiteral("formTitle"), hit.formTitle},
        {QStringLiteral("number"), hit.record.number},
        {QStringLiteral("date"),
         hit.record.date.isValid() ? hit.record.date.toString(Qt::ISODate) : QString()},
        {QStringLiteral("abstract"), hit.record.abstract},
    };
}

QString tr(const char* text)
{
    return QCoreApplication::translate("sen::cli::SearchCommands", text);
}

// Shows the build of a database's deferred full-text index on stderr, a line per step.
std::function<void(int)> buildingShown(const QString& database)
{
    return [database](int percent) {
        QTextStream err(stderr);
        err << tr("Building the search index of %1: %2 %").arg(database).arg(percent) << '\n';
    };
}

QString oneLine(QString text)
{
    // The snippet may span items, which the index separates by newlines.
    return text.replace(u'\n', QStringLiteral(" · ")).replace(u'\t', u' ');
}

} // namespace

Status runSearchCommand(CommandContext& ctx)
{
    SEN_TRY(ctx.args.allowOnly({kHome, kJson, kAll, kNumber, kIssuer, kFrom, kTo}));
    const bool all = ctx.args.has(kAll);
    // search DB [WORDS...] or search --all [WORDS...]
    const int firstWord = all ? 1 : 2;
    const QStringList positional = ctx.args.positional();
    if (positional.size() < firstWord)
        return ctx.args.expectPositional(firstWord + 1, kUsage);
    const QString words = positional.mid(firstWord).join(u' ');
    SEN_ASSIGN_OR_RETURN(const app::SearchQuery query,
                         app::SearchQuery::fromTexts(words, ctx.args.value(kNumber), ctx.args.value(kIssuer),
                                                     ctx.args.value(kFrom), ctx.args.value(kTo)));
    if (query.isEmpty())
        return Status(
            ErrorCode::InvalidArgument,
            QStringLiteral("nothing to search for: give words, --number, --issuer, --from or --to"));

    // The text of PDF attachments not yet read joins the index first (docs/search.md
    // §Attachments). Best effort: a database that cannot be opened or written is the
    // search's to report, or is searched as its index stands.
    // Before it, the index a first pull deferred is built (docs/search.md §"The first pull"),
    // the wait shown on stderr.
    if (all) {
        SEN_ASSIGN_OR_RETURN(const auto entries, ctx.workspace.list());
        for (const client::ReplicaEntry& entry : entries) {
            if (auto session = ctx.openSession(entry.name)) {
                static_cast<void>((*session)->finishSearchIndex(buildingShown(entry.name)));
                static_cast<void>((*session)->indexAttachmentText());
            }
        }
    }
    app::SearchOutcome outcome;
    if (all) {
        SEN_ASSIGN_OR_RETURN(outcome, app::Search::runWorkspace(ctx.workspace, QString(), query, kLimit));
    } else {
        SEN_ASSIGN_OR_RETURN(auto session, ctx.openSession(positional[1]));
        static_cast<void>(session->finishSearchIndex(buildingShown(session->name())));
        static_cast<void>(session->indexAttachmentText());
        outcome.building = app::Search::building({session.get()});
        SEN_ASSIGN_OR_RETURN(outcome.hits, app::Search::run(*session, query, kLimit));
    }

    QJsonArray array;
    for (const app::SearchResult& hit : outcome.hits) {
        if (ctx.args.has(kJson)) {
            array.append(toJson(hit));
            continue;
        }
        const QString date =
            hit.record.date.isValid() ? hit.record.date.toString(QStringLiteral("dd/MM/yyyy")) : QString();
        ctx.out << hit.unid.toHex() << '\t' << hit.database << '\t' << hit.formTitle << '\t'
                << oneLine(hit.record.number) << '\t' << date << '\t'
                << oneLine(hit.snippet.isEmpty() ? hit.record.abstract : hit.snippet) << '\n';
    }
    if (ctx.args.has(kJson))
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Compact) << '\n';
    if (!outcome.building.empty()) // a build that failed: the hits are those of its part
        QTextStream(stderr) << app::Search::buildingNotice(outcome.building) << '\n';
    if (!outcome.failures.empty()) {
        const app::SearchFailure& failure = outcome.failures.front();
        ctx.situation = client::ErrorContext::forDatabase(client::Situation::Searching, failure.database);
        return failure.status;
    }
    return Status::ok();
}

} // namespace sen::cli
