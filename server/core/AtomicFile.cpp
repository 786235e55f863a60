#include "server/core/AtomicFile.h"

#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace sen::server {

namespace {
constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
}

Status AtomicFile::write(const QString& path, const QByteArray& bytes)
{
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return {ErrorCode::IoError, QStringLiteral("cannot write %1: %2").arg(path, out.errorString())};
    // The temporary file gets its permissions before any byte is written to it.
    if (!out.setPermissions(kOwnerOnly))
        return {ErrorCode::IoError, QStringLiteral("cannot restrict the permissions of %1").arg(path)};
    if (out.write(bytes) != bytes.size() || !out.commit())
        return {ErrorCode::IoError, QStringLiteral("cannot write %1: %2").arg(path, out.errorString())};
    if (!QFile::setPermissions(path, kOwnerOnly))
        return {ErrorCode::IoError, QStringLiteral("cannot restrict the permissions of %1").arg(path)};
    return Status::ok();
}

Result<QByteArray> AtomicFile::read(const QString& path, qint64 maxSize)
{
    QFile in(path);
    if (!in.exists())
        return Status(ErrorCode::NotFound, QStringLiteral("%1 does not exist").arg(path));
    if (!in.open(QIODevice::ReadOnly))
        return Status(ErrorCode::IoError, QStringLiteral("cannot read %1: %2").arg(path, in.errorString()));
    if (in.size() > maxSize)
        return Status(ErrorCode::Corruption,
                      QStringLiteral("%1 is larger than %2 bytes").arg(path).arg(maxSize));
    const QByteArray bytes = in.read(maxSize + 1);
    if (in.error() != QFileDevice::NoError)
        return Status(ErrorCode::IoError, QStringLiteral("cannot read %1: %2").arg(path, in.errorString()));
    return bytes;
}

Status AtomicFile::writeJson(const QString& path, const QJsonObject& object)
{
    return write(path, QJsonDocument(object).toJson(QJsonDocument::Indented));
}

Result<QJsonObject> AtomicFile::readJson(const QString& path)
{
    SEN_ASSIGN_OR_RETURN(const QByteArray bytes, read(path, kMaxJsonSize));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        return Status(ErrorCode::Corruption,
                      QStringLiteral("%1 is not valid JSON (%2)").arg(path, error.errorString()));
    if (!document.isObject())
        return Status(ErrorCode::Corruption, QStringLiteral("%1 does not hold a JSON object").arg(path));
    return document.object();
}

} // namespace sen::server
