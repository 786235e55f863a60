#pragma once

// What every senctl command gets: its arguments, the workspace and the output streams.

#include "client/core/Workspace.h"
#include "common/cmdline/Arguments.h"

#include <QTextStream>

namespace sen::cli {

struct CommandContext
{
    Arguments& args;
    client::Workspace& workspace;
    QTextStream& out;
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
