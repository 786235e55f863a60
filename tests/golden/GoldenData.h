#pragma once

// Where the golden fixtures live (tests/data, see its README.md) and how tests read them.
// Tests never open a fixture in place with SQLite or an AuditLog, which write: they copy it
// into a temporary directory first (copyFixture), so tests/data stays as it was committed.

#include <QByteArray>
#include <QString>

namespace sen::golden {

// The absolute path of tests/data/<relative> in the source tree.
QString fixturePath(const QString& relative);
// Its bytes; empty when it cannot be read.
QByteArray readFixture(const QString& relative);
// Copies it to `target` (a path in a temporary directory), writable. False on failure.
bool copyFixture(const QString& relative, const QString& target);

} // namespace sen::golden
