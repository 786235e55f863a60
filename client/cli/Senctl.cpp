#include "client/cli/Senctl.h"

#include "client/cli/CommandContext.h"
#include "client/core/UserIdentity.h"

namespace sen::cli {

namespace {

const char* const kUsage =
    "usage: senctl --home DIR COMMAND ...\n"
    "  login --id FILE\n"
    "  password                 (the ID's new password from SEN_NEW_PASSWORD or --new-password-file F)\n"
    "  replica add HOST:PORT[,HOST:PORT]... DB [--summary-only] [--forms F1,F2]\n"
    "                           (the servers in the order sync tries them; the first is the home server)\n"
    "  replica servers DB [HOST:PORT[,HOST:PORT]...] [--json]   (prints, or replaces, the replica's "
    "servers)\n"
    "  replica list [--json]\n"
    "  sync [DB] [--json]\n"
    "  db create NAME --kind documents|calendar|news [--title TEXT]\n"
    "  doc create DB --form FORM [--parent UNID] [--set ITEM]... [--attach PATH]... [--allow-duplicate]\n"
    "                           [--offline] (a registration is numbered by the server at once, unless\n"
    "                           --offline or unreachable: then at the next sync)\n"
    "                           (an incoming registration that duplicates one: exit status 3)\n"
    "  doc update DB UNID [--set ITEM]... [--unset NAME]... [--attach PATH]...\n"
    "  doc delete DB UNID\n"
    "  doc get DB UNID [--json]\n"
    "  doc list DB [--form F1,F2] [--json]   (--form: documents of these forms only)\n"
    "  doc responses DB UNID [--json]\n"
    "  doc import DB FILE\n"
    "  attachment save DB UNID NAME FILE\n"
    "  search DB|--all [WORDS] [--number TEXT] [--issuer TEXT] [--from YYYY-MM-DD] [--to YYYY-MM-DD]\n"
    "         [--json]   (full-text words and/or fields; --all: every database of the workspace)\n"
    "  dump DB\n"
    "  refused list DB [--json]\n"
    "  refused restore DB UNID\n"
    "  dossier list DB [--json]\n"
    "  dossier members DB DOSSIER [--json]\n"
    "  dossier file|unfile DB DOSSIER UNID\n"
    "  conflict show DB UNID [--json]\n"
    "  conflict resolve DB UNID --keep this|other | --use-other ITEM...\n"
    "  bundle export DB --out FILE  (the replica's unsent changes, signed, for an office with no link)\n"
    "  bundle import DB FILE    (the server's answer bundle; with no replica DB, a first bundle makes it)\n"
    "  history DB [--json]      (the replica's replication sessions, newest first)\n"
    "  duplicates DB [--json]   (incoming registrations sharing issuer, number, symbol and date)\n"
    "  register list DB [--json] (registers: direction, year, series, last number, awaiting)\n"
    "  catalog list DB [--catalogue NAME] [--all] [--json]   (NAME: LoaiVanBan, LoaiBanSao, CoQuanBanHanh,\n"
    "                           DonVi, ChuyenMuc; --all: retired entries too)\n"
    "  catalog add DB --catalogue NAME --name TEXT [--abbreviation A] [--party-abbreviation A] [--code "
    "CODE]\n"
    "                           [--order N]   (Designers and Managers; prints the entry's UNID)\n"
    "  catalog retire DB --catalogue NAME --name TEXT   (no longer offered; old documents keep it)\n"
    "  catalog defaults DB      (adds the default entries a database of its kind starts with)\n"
    "  workdays DB (--year YYYY | --from YYYY-MM-DD --to YYYY-MM-DD) [--json]\n"
    "                           (the days off: public holidays, the office's own; --json adds weekends)\n"
    "  workdays DB --from YYYY-MM-DD --add N   (the date N working days later)\n"
    "  slip present DB UNID --to NAME... [--note TEXT]   (the văn thư presents an incoming document)\n"
    "  slip create DB UNID --lead NAME... [--with NAME]... [--deadline YYYY-MM-DD] --direction TEXT\n"
    "              [--level agency|unit] [--carries SLIP]   (a direction; prints the slip's UNID)\n"
    "  slip report DB SLIP --status in-progress|done|returned --text TEXT [--reply NUMBER] [--as lead|co]\n"
    "  slip show DB UNID [--json]   (the document's processing state, deadline and timeline)\n"
    "  mywork [--json] [--today YYYY-MM-DD]   (across the workspace: assigned to me, awaiting my\n"
    "                           opinion, to present, due soon and overdue, new incoming, today's schedule, "
    "invitations)\n"
    "  print register DB --direction in|out (--year YYYY | --from YYYY-MM-DD --to YYYY-MM-DD)\n"
    "        --out FILE.pdf [--office TEXT]   (the ND 30 register as a PDF, A4 landscape)\n"
    "  print dossier DB DOSSIER --out FILE.pdf [--office TEXT]\n"
    "                           (the dossier's table of contents, mục lục văn bản, as a PDF, A4 portrait)\n"
    "  print slip DB UNID --out FILE.pdf [--office TEXT]\n"
    "                           (an incoming document's phiếu giải quyết văn bản đến, A4 portrait)\n"
    "  print followup DB --from YYYY-MM-DD --to YYYY-MM-DD [--overdue] [--as-of YYYY-MM-DD]\n"
    "        --out FILE.pdf [--office TEXT]   (the sổ theo dõi giải quyết văn bản đến; --overdue: only\n"
    "                           the documents overdue on --as-of, by default today)\n"
    "  print schedule DB --week YYYY-Www --out FILE.pdf [--office TEXT]   (the week, A4 landscape)\n"
    "  schedule week DB [--week YYYY-Www] [--json]   (the work schedule by day and session; default: this "
    "week)\n"
    "  schedule approve|publish DB --week YYYY-Www   ([LanhDao] or [ChanhVanPhong]; publish once approved)\n"
    "  schedule change DB ENTRY --reason TEXT --set ITEM...   (a published entry: marked Thay đổi, logged)\n"
    "  schedule cancel DB ENTRY --reason TEXT   (postpones or cancels an entry: marked Hoãn/Hủy, logged)\n"
    "  invitation reply DB ENTRY --attend|--decline|--delegate NAME [--note TEXT] [--for NAME]\n"
    "                           (answers an entry that invites you; --for: the invited unit you answer for)\n"
    "  invitation list DB [--pending] [--from YYYY-MM-DD] [--json]\n"
    "                           (invitations from today on with their counts; --pending: awaiting your "
    "reply)\n"
    "  invitation show DB ENTRY [--json]   (an entry's invitees, their replies and the counts)\n"
    "  export ical DB (--week YYYY-Www | --from YYYY-MM-DD --to YYYY-MM-DD) --out FILE.ics\n"
    "                           (the schedule as iCalendar, RFC 5545)\n"
    "  export atom DB --out FILE.atom [--base-url URL] [--limit N]\n"
    "                           (the newest published news, 50 by default, as an Atom feed)\n"
    "  news list DB [--category NAME | --other] [--unread] [--drafts] [--page N --page-size N] [--json]\n"
    "                           (the articles, newest first; * marks an unread one; --drafts: the\n"
    "                           unpublished ones you may edit too)\n"
    "  news read DB UNID [--json]   (the article as text; marks it read)\n"
    "  news mark-read DB (UNID | --all [--category NAME | --other])\n"
    "  news categories DB [--drafts] [--json]   (the categories: unread/articles)\n"
    "  directory search QUERY [--db DB] [--json]\n"
    "                           (the address book: people, groups, units, roles; without diacritics)\n"
    "ITEM is NAME=TEXT or NAME:TYPE=VALUE (TYPE: text, textlist, number, datetime, names,\n"
    "readers, authors, richtext; lists separated by ';'). Names resolve through the address book:\n"
    "a unique short name becomes the hierarchical name; an ambiguous or unknown one is refused.\n"
    "The ID password comes from SEN_PASSWORD or --password-file F. A new password needs at least\n"
    "10 characters, or 8 mixing three of: lowercase, uppercase, digits, other characters.\n";

const QSet<QString> kValued = {QStringLiteral("--home"),
                               QStringLiteral("--set"),
                               QStringLiteral("--unset"),
                               QStringLiteral("--attach"),
                               QStringLiteral("--form"),
                               QStringLiteral("--parent"),
                               QStringLiteral("--kind"),
                               QStringLiteral("--title"),
                               QStringLiteral("--id"),
                               QStringLiteral("--forms"),
                               QStringLiteral("--keep"),
                               QStringLiteral("--use-other"),
                               QStringLiteral("--password-file"),
                               QStringLiteral("--new-password-file"),
                               QStringLiteral("--direction"),
                               QStringLiteral("--year"),
                               QStringLiteral("--from"),
                               QStringLiteral("--to"),
                               QStringLiteral("--out"),
                               QStringLiteral("--office"),
                               QStringLiteral("--number"),
                               QStringLiteral("--issuer"),
                               QStringLiteral("--catalogue"),
                               QStringLiteral("--name"),
                               QStringLiteral("--abbreviation"),
                               QStringLiteral("--party-abbreviation"),
                               QStringLiteral("--code"),
                               QStringLiteral("--order"),
                               QStringLiteral("--add"),
                               QStringLiteral("--as-of"),
                               QStringLiteral("--week"),
                               QStringLiteral("--reason"),
                               QStringLiteral("--db"),
                               QStringLiteral("--note"),
                               QStringLiteral("--lead"),
                               QStringLiteral("--with"),
                               QStringLiteral("--deadline"),
                               QStringLiteral("--level"),
                               QStringLiteral("--carries"),
                               QStringLiteral("--status"),
                               QStringLiteral("--text"),
                               QStringLiteral("--reply"),
                               QStringLiteral("--as"),
                               QStringLiteral("--today"),
                               QStringLiteral("--base-url"),
                               QStringLiteral("--limit"),
                               QStringLiteral("--category"),
                               QStringLiteral("--page"),
                               QStringLiteral("--page-size"),
                               QStringLiteral("--delegate"),
                               QStringLiteral("--for")};
const QSet<QString> kFlags = {QStringLiteral("--json"),         QStringLiteral("--help"),
                              QStringLiteral("--summary-only"), QStringLiteral("--allow-duplicate"),
                              QStringLiteral("--all"),          QStringLiteral("--offline"),
                              QStringLiteral("--overdue"),      QStringLiteral("--unread"),
                              QStringLiteral("--drafts"),       QStringLiteral("--other"),
                              QStringLiteral("--pending"),      QStringLiteral("--attend"),
                              QStringLiteral("--decline")};

// The situation a failure of the command in `args` is reported in (commands narrow it).
client::ErrorContext situationOf(const Arguments& args)
{
    using client::ErrorContext;
    using client::Situation;
    const QString command = args.positional(0);
    const QString verb = args.positional(1);
    if (command == u"login")
        return ErrorContext::of(Situation::LoggingIn);
    if (command == u"password")
        return ErrorContext::of(Situation::ChangingPassword);
    if (command == u"replica" && verb == u"add")
        return ErrorContext::syncing(args.positional(2).section(u',', 0, 0), args.positional(3));
    if (command == u"db" && verb == u"create")
        return ErrorContext::forDatabase(Situation::CreatingDatabase, args.positional(2));
    if (command == u"doc" && (verb == u"create" || verb == u"update" || verb == u"import"))
        return ErrorContext::of(Situation::SavingDocument);
    if (command == u"doc" && verb == u"delete")
        return ErrorContext::of(Situation::DeletingDocument);
    if (command == u"doc" && verb == u"get")
        return ErrorContext::of(Situation::OpeningDocument);
    if (command == u"slip" && verb != u"show")
        return ErrorContext::of(Situation::SavingDocument);
    if (command == u"schedule" && verb != u"week")
        return ErrorContext::of(Situation::SavingDocument);
    if (command == u"invitation" && verb == u"reply")
        return ErrorContext::of(Situation::SavingDocument);
    if (command == u"print" && verb == u"dossier")
        return ErrorContext::forDatabase(Situation::PrintingDossier, args.positional(2));
    if (command == u"print" && verb == u"slip")
        return ErrorContext::forDatabase(Situation::PrintingSlip, args.positional(2));
    if (command == u"print")
        return ErrorContext::forDatabase(Situation::PrintingRegister, args.positional(2));
    if (command == u"refused" && verb == u"restore")
        return ErrorContext::of(Situation::RestoringRefused);
    return ErrorContext::of(Situation::Other); // listings, search, dump; sync narrows per replica
}

} // namespace

Result<std::unique_ptr<app::DatabaseSession>> CommandContext::openSession(const QString& nameOrId)
{
    // As the workspace's user, as sen opens it: a save records them where a form asks
    // (the maker of a slip, the author of a step).
    auto session = app::DatabaseSession::open(workspace, nameOrId, client::UserIdentity::userName(workspace));
    if (!session)
        situation = client::ErrorContext::forDatabase(client::Situation::OpeningDatabase, nameOrId);
    return session;
}

int runSenctl(const QStringList& words, QTextStream& out, QTextStream& err)
{
    auto parsed = Arguments::parse(words, kValued, kFlags);
    if (!parsed) {
        err << "senctl: "
            << client::ErrorText::line(parsed.status(), client::ErrorContext::of(client::Situation::Other))
            << '\n'
            << kUsage;
        return 2;
    }
    Arguments& args = *parsed;
    args.setUsagePrefix(QStringLiteral("senctl --home DIR "));
    if (args.has(QStringLiteral("--help")) || args.positional().isEmpty()) {
        (args.has(QStringLiteral("--help")) ? out : err) << kUsage;
        return args.has(QStringLiteral("--help")) ? 0 : 2;
    }
    if (!args.has(QStringLiteral("--home"))) {
        err << "senctl: --home DIR is required\n";
        return 2;
    }
    auto workspace = client::Workspace::open(args.value(QStringLiteral("--home")));
    if (!workspace) {
        err << "senctl: "
            << client::ErrorText::line(workspace.status(),
                                       client::ErrorContext::forName(client::Situation::OpeningWorkspace,
                                                                     args.value(QStringLiteral("--home"))))
            << '\n';
        return 1;
    }

    CommandContext ctx{args, *workspace, out, situationOf(args)};
    const QString command = args.positional(0);
    Status status;
    if (command == u"login")
        status = runLoginCommand(ctx);
    else if (command == u"password")
        status = runPasswordCommand(ctx);
    else if (command == u"sync" ||
             (command == u"replica" && (args.positional(1) == u"add" || args.positional(1) == u"servers")))
        status = runReplicationCommand(ctx);
    else if (command == u"db" || command == u"replica")
        status = runDatabaseCommand(ctx);
    else if (command == u"doc")
        status = runDocumentCommand(ctx);
    else if (command == u"attachment")
        status = runAttachmentCommand(ctx);
    else if (command == u"search")
        status = runSearchCommand(ctx);
    else if (command == u"refused")
        status = runRefusedCommand(ctx);
    else if (command == u"dossier")
        status = runDossierCommand(ctx);
    else if (command == u"conflict")
        status = runConflictCommand(ctx);
    else if (command == u"history")
        status = runHistoryCommand(ctx);
    else if (command == u"duplicates")
        status = runDuplicatesCommand(ctx);
    else if (command == u"register")
        status = runRegisterCommand(ctx);
    else if (command == u"workdays")
        status = runWorkdaysCommand(ctx);
    else if (command == u"mywork")
        status = runMyWorkCommand(ctx);
    else if (command == u"catalog")
        status = runCatalogueCommand(ctx);
    else if (command == u"print")
        status = runPrintCommand(ctx);
    else if (command == u"slip")
        status = runSlipCommand(ctx);
    else if (command == u"schedule")
        status = runScheduleCommand(ctx);
    else if (command == u"invitation")
        status = runInvitationCommand(ctx);
    else if (command == u"export")
        status = runExportCommand(ctx);
    else if (command == u"news")
        status = runNewsCommand(ctx);
    else if (command == u"dump")
        status = runDumpCommand(ctx);
    else if (command == u"bundle")
        status = runBundleCommand(ctx);
    else if (command == u"directory")
        status = runDirectoryCommand(ctx);
    else {
        err << "senctl: unknown command \"" << command << "\"\n" << kUsage;
        return 2;
    }

    out.flush();
    if (status.isOk())
        return 0;
    if (status.code() == ErrorCode::Conflict && command == u"doc" && args.positional(1) == u"create") {
        err << "senctl: " << status.message() << '\n'; // names the registration it duplicates
        return 3;                                      // a duplicate registration (DatabaseSession::save)
    }
    err << "senctl: " << client::ErrorText::line(status, ctx.situation) << '\n';
    return status.code() == ErrorCode::InvalidArgument && status.message().startsWith(QLatin1String("usage:"))
               ? 2
               : 1;
}

} // namespace sen::cli
