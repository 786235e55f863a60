#include "tests/support/TempDir.h"

#include <QDir>
#include <QFile>

#include <iostream>

namespace sen::test {

TempDir::TempDir() : m_dir(QDir::tempPath() + QStringLiteral("/sen-test-XXXXXX"))
{
    // SEN_KEEP_TEMP=1 keeps the directory for a post-mortem and names it on stderr.
    if (qEnvironmentVariableIntValue("SEN_KEEP_TEMP") == 1) {
        m_dir.setAutoRemove(false);
        std::cerr << "kept: " << m_dir.path().toStdString() << '\n';
    }
}

QString TempDir::path(const QString& name) const
{
    return m_dir.filePath(name);
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool writeFile(const QString& path, QByteArrayView bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(bytes.data(), bytes.size()) == bytes.size();
}

} // namespace sen::test
