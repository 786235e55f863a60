#pragma once

// The small files of a data directory (server.json, users.json, the CRL, the secret):
// written whole through QSaveFile, owner-only from the first byte, and read back with a
// bound on their size.

#include "common/core/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace sen::server {

class AtomicFile
{
public:
    static constexpr qint64 kMaxJsonSize = 16 * 1024 * 1024;

    // Replaces `path` with `bytes` in one rename, permissions 0600. IoError on failure (the
    // old file, if any, is then untouched).
    [[nodiscard]] static Status write(const QString& path, const QByteArray& bytes);
    // The whole file. NotFound, IoError, or Corruption when it is larger than `maxSize`.
    [[nodiscard]] static Result<QByteArray> read(const QString& path, qint64 maxSize);

    // Indented JSON, as an administrator may read it.
    [[nodiscard]] static Status writeJson(const QString& path, const QJsonObject& object);
    // Corruption naming the file when it is not one JSON object.
    [[nodiscard]] static Result<QJsonObject> readJson(const QString& path);
};

} // namespace sen::server
