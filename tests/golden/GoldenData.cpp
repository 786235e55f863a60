#include "tests/golden/GoldenData.h"

#include <QFile>

namespace sen::golden {

QString fixturePath(const QString& relative)
{
    return QStringLiteral(SEN_GOLDEN_DATA_DIR "/") + relative;
}

QByteArray readFixture(const QString& relative)
{
    QFile file(fixturePath(relative));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

bool copyFixture(const QString& relative, const QString& target)
{
    const QByteArray bytes = readFixture(relative);
    QFile file(target);
    if (bytes.isEmpty() || !file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return false;
    return file.write(bytes) == bytes.size() && file.flush();
}

} // namespace sen::golden
