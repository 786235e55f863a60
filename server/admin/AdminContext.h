#pragma once

// What every sen-server admin command gets (server/admin/SenServer.h): its arguments, the
// data directory, the output stream and the environment, plus the helpers the commands
// share. Each command is one handler: parse, authorise, run in a transaction, answer.
//
// Authorisation for local admin commands is the operating system's: whoever can read and
// lock DIR (0700) administers the server, as with a Domino server's files.

#include "common/cmdline/Arguments.h"
#include "common/identity/IdFile.h"
#include "server/audit/AuditEvent.h"
#include "server/core/DataDirectory.h"

#include <QProcessEnvironment>
#include <QTextStream>

#include <functional>
#include <memory>

namespace sen::server {

struct AdminContext
{
    const cli::Arguments& args;
    QStringList operands; // the positional words after the command's own ("acl set" X Y Z)
    QString dataPath;     // --data DIR
    DataDirectory* dir;   // open, except for init (null)
    QTextStream& out;
    const QProcessEnvironment& env;
};

// The password for a new ID file: the first line of --password-file, else SEN_PASSWORD.
// InvalidArgument when neither is given or the password is empty.
[[nodiscard]] Result<QString> newIdPassword(const AdminContext& ctx);

// The KDF cost for ID files this command seals: Interactive, or Test when SEN_KDF_COST=test
// (test suites only: a Test-cost file is cheap to attack). InvalidArgument for another value.
[[nodiscard]] Result<identity::KdfCost> kdfCost(const AdminContext& ctx);

// An admin event "admin.<action>" naming what was done; the detail ends with the local
// account that ran the command.
AuditEvent adminEvent(const AdminContext& ctx, const QString& action, const QString& detail);

// Takes the data directory's lock for a command that changes it.
[[nodiscard]] Result<DataDirectoryLock> lockForChange(const AdminContext& ctx);

// Appends each event under the directory's lock, taken for that append only (a long command
// such as `replicate` must not hold up the daemon's own records). The first failure is kept
// in `*failed`; callable from any thread.
std::function<void(const AuditEvent&)> lockedAuditAppender(const AdminContext& ctx,
                                                           std::shared_ptr<Status> failed);

// "usage: sen-server --data DIR <usage>" as InvalidArgument (exit code 2).
Status usageError(const QString& usage);

} // namespace sen::server
