#pragma once

// The audit log's head file (docs/audit-log.md): the sequence number and hash of the last
// record, kept beside the log so that cutting records off the end of the log shows. One
// fixed-length line,
//
//     sen-audit-head 1 <seq, 20 decimal digits> <hash, 64 lowercase hex>\n
//
// rewritten in place after each append (one write of kSize bytes at offset 0).

#include "core/Result.h"

#include <QFile>
#include <QString>

namespace sen::server {

struct AuditHead
{
    static constexpr qint64 kSize = 15 + 2 + 21 + 65;

    qint64 seq = 0;
    QString hash; // 64 zeros when seq is 0

    QByteArray toBytes() const;
    // Corruption when the bytes are not exactly one well-formed head line.
    static Result<AuditHead> fromBytes(QByteArrayView bytes);

    // The head file of a log: beside it, the log's name with its last suffix replaced by
    // "head" ("audit.jsonl" -> "audit.head"; "audit" -> "audit.head").
    static QString pathFor(const QString& logPath);
    // NotFound when there is no head file; Corruption when it is malformed.
    static Result<AuditHead> read(const QString& headPath);
};

} // namespace sen::server
