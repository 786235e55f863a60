#pragma once

// A temporary directory removed at the end of the test (kept, and named on stderr, when
// SEN_KEEP_TEMP=1), with helpers for file paths in it.

#include <QString>
#include <QTemporaryDir>

namespace sen::test {

class TempDir
{
public:
    TempDir();
    QString path(const QString& name) const;
    QString root() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
};

// Reads a whole file (empty on failure).
QByteArray readFile(const QString& path);
bool writeFile(const QString& path, QByteArrayView bytes);

} // namespace sen::test
