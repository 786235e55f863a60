#pragma once

// The handlers of sen-server's admin commands, one per command (SenServer.cpp's table says
// which words, options and operands each takes). Each returns Ok after writing its answer
// to ctx.out, or the failure to report in one line.

#include "server/admin/AdminContext.h"

namespace sen::server {

Status runInit(AdminContext& ctx);             // init
Status runRegister(AdminContext& ctx);         // register
Status runRevoke(AdminContext& ctx);           // revoke
Status runServerAdd(AdminContext& ctx);        // server add NAME --id FILE
Status runDbCreate(AdminContext& ctx);         // db create NAME
Status runAclSet(AdminContext& ctx);           // acl set DB ENTRY LEVEL
Status runAclList(AdminContext& ctx);          // acl list DB
Status runReplicas(AdminContext& ctx);         // replicas [DB]
Status runBackup(AdminContext& ctx);           // backup DB FILE
Status runBundleImport(AdminContext& ctx);     // bundle import FILE --answer OUT
Status runBundleExport(AdminContext& ctx);     // bundle export DB --for USER --out FILE
Status runAuditVerify(AdminContext& ctx);      // audit verify
Status runAuditAcknowledge(AdminContext& ctx); // audit acknowledge SEQ --note TEXT
Status runWebPassword(AdminContext& ctx);      // web-password --user NAME
Status runReplicate(AdminContext& ctx);        // replicate HOST:PORT [DB]
Status runDbReplicate(AdminContext& ctx);      // db replicate HOST:PORT DB
Status runConnectionAdd(AdminContext& ctx);    // connection add HOST:PORT ...
Status runConnectionList(AdminContext& ctx);   // connection list [--json]
Status runConnectionRemove(AdminContext& ctx); // connection remove HOST:PORT
Status runServe(AdminContext& ctx);            // run: the daemon, until SIGTERM or SIGINT

} // namespace sen::server
