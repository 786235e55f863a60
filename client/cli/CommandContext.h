#pragma once

// What every senctl command gets: its arguments, the workspace and the output streams, and
// what it is doing, so that a failure is reported in the words of client/core/ErrorText.
// Commands on one database go through its application-layer session (client/app), as the
// desktop client's pages do: the same access checks, the same rules.

#include "client/app/DatabaseSession.h"
#include "client/core/ErrorText.h"
#include "client/core/Workspace.h"
#include "client/sync/Replicator.h"
#include "common/cmdline/Arguments.h"
#include "common/schedule/Schedule.h"

#include <QTextStream>

namespace sen::cli {

struct CommandContext
{
    Arguments& args;
    client::Workspace& workspace;
    QTextStream& out;
    // The situation a failure is reported in: set by runSenctl from the command, narrowed by
    // the command while it works (the ID is being opened, the database, the document).
    client::ErrorContext situation = {};

    // The session of database `nameOrReplicaId` (a command's DB argument); a failure is
    // reported as opening that database.
    Result<std::unique_ptr<app::DatabaseSession>> openSession(const QString& nameOrReplicaId);
};

// A Replicator as the logged-in user, the ID unlocked with the password of SEN_PASSWORD or
// --password-file (ReplicationCommands.cpp).
Result<client::Replicator> makeReplicator(CommandContext& ctx);

// The workspace's credentials, the ID unlocked with the password of SEN_PASSWORD or
// --password-file (ReplicationCommands.cpp).
Result<identity::Credentials> unlockIdentity(CommandContext& ctx);

// "32 hex digits" or InvalidArgument naming the text.
Result<Unid> parseUnid(const QString& text);

// Each returns Ok, or the failure to report (InvalidArgument for usage errors).
Status runDatabaseCommand(CommandContext& ctx); // db create, replica list
// doc create/update/delete/get/list/import; a duplicate registration refused by doc create is
// a Conflict (senctl exits with status 3).
Status runDocumentCommand(CommandContext& ctx);
Status runAttachmentCommand(CommandContext& ctx);  // attachment save
Status runSearchCommand(CommandContext& ctx);      // search
Status runDumpCommand(CommandContext& ctx);        // dump
Status runLoginCommand(CommandContext& ctx);       // login
Status runPasswordCommand(CommandContext& ctx);    // password
Status runReplicationCommand(CommandContext& ctx); // replica add, sync
Status runRefusedCommand(CommandContext& ctx);     // refused list/restore
Status runDossierCommand(CommandContext& ctx);     // dossier list/members/file/unfile
Status runConflictCommand(CommandContext& ctx);    // conflict show/resolve
Status runHistoryCommand(CommandContext& ctx);     // history
Status runDuplicatesCommand(CommandContext& ctx);  // duplicates
Status runRegisterCommand(CommandContext& ctx);    // register list
Status runCatalogueCommand(CommandContext& ctx);   // catalog list/add/retire/defaults
Status runWorkdaysCommand(CommandContext& ctx);    // workdays
Status runMyWorkCommand(CommandContext& ctx);      // mywork
Status runPrintCommand(CommandContext& ctx);       // print register
Status runBundleCommand(CommandContext& ctx);      // bundle export/import
Status runDirectoryCommand(CommandContext& ctx);   // directory search
Status runSlipCommand(CommandContext& ctx);        // slip present/create/report/show
Status runInvitationCommand(CommandContext& ctx);  // invitation reply/list/show
Status runScheduleCommand(CommandContext& ctx);    // schedule week/approve/publish/cancel
Status runExportCommand(CommandContext& ctx);      // export ical, export atom
Status runAtomExport(CommandContext& ctx);         // export atom (AtomCommands.cpp)
Status runNewsCommand(CommandContext& ctx);        // news list/read/mark-read/categories
// The --week option ("2026-W50"); this week when absent and not `required`.
Result<schedule::WeekId> weekOption(const Arguments& args, bool required);

} // namespace sen::cli
