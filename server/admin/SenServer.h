#pragma once

// sen-server's command line: one table of commands (SenServer.cpp), each with its words,
// options, operand count and handler (AdminCommands.h). The command set is a contract
// (issue #4, docs/server.md): scripts depend on it.
//
// Exit codes: 0 success; 1 the operation failed (one line on stderr says why); 2 the
// command line is wrong (the reason, then the usage, on stderr).

#include <QProcessEnvironment>
#include <QStringList>
#include <QTextStream>

namespace sen::server {

// Runs one invocation; `words` excludes the program name. `env` supplies SEN_PASSWORD and
// SEN_KDF_COST (tests pass their own).
int runSenServer(const QStringList& words, QTextStream& out, QTextStream& err,
                 const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment());

} // namespace sen::server
