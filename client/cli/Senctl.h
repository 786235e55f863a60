#pragma once

// senctl: the client library on the command line, for scripts, scheduled syncs and tests.
// The command set is a contract (issue #4, docs/senctl.md): output formats and exit codes
// do not change without a version note.
//
// Exit codes: 0 success; 1 the operation failed (one line on stderr says why); 2 the
// command line is wrong (usage on stderr).

#include <QStringList>
#include <QTextStream>

namespace sen::cli {

// Runs one invocation; `words` excludes the program name.
int runSenctl(const QStringList& words, QTextStream& out, QTextStream& err);

} // namespace sen::cli
