#pragma once

// The name of a database as a file name: the same rule on a server's data directory and in a
// client's workspace, so a database keeps its name from one to the other.

#include <QString>

namespace sen {

// 1–64 characters of ASCII letters, digits, '-', '_' and '.', not starting with '.': safe
// as a file name on Windows and Linux alike.
bool isValidDatabaseName(const QString& name);

} // namespace sen
