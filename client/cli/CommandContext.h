#pragma once

// What every senctl command gets: its arguments, the workspace and the output streams, and
// what it is doing, so that a failure is reported in the words of client/core/ErrorText.

#include "client/core/ErrorText.h"
#include "client/core/Workspace.h"
#include "common/cmdline/Arguments.h"

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

    // workspace.openDatabase(nameOrId); a failure is reported as opening that database.
    Result<std::unique_ptr<ReplicaStore>> openDatabase(const QString& nameOrId);
};

// Each returns Ok, or the failure to report (InvalidArgument for usage errors).
Status runDatabaseCommand(CommandContext& ctx);    // db create, replica list
Status runDocumentCommand(CommandContext& ctx);    // doc create/update/delete/get/list/import
Status runAttachmentCommand(CommandContext& ctx);  // attachment save
Status runSearchCommand(CommandContext& ctx);      // search
Status runDumpCommand(CommandContext& ctx);        // dump
Status runLoginCommand(CommandContext& ctx);       // login
Status runPasswordCommand(CommandContext& ctx);    // password
Status runReplicationCommand(CommandContext& ctx); // replica add, sync
Status runRefusedCommand(CommandContext& ctx);     // refused list/restore

} // namespace sen::cli
