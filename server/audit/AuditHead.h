#pragma once

// The audit log's head file (docs/audit-log.md): the sequence number and hash of the last
// record, kept beside the log so that cutting records off the end of the log shows. One
// fixed-length line, rewritten in place after each append:
//
//     sen-audit-head 2 <seq, 20 decimal digits> <hash, 64 lowercase hex> <signature, 128 hex>\n
//
// The signature is the server's (ECDSA P-256, crypto/Signature.h) over everything before
// the space that precedes it, so a head rewritten to match a log whose tail was cut off is
// caught by anyone holding the server's certificate. Format 1 (no signature) is still read:
//
//     sen-audit-head 1 <seq, 20 decimal digits> <hash, 64 lowercase hex>\n

#include "common/core/Result.h"

#include <QFile>
#include <QString>

namespace sen::server {

struct AuditHead
{
    static constexpr qint64 kSize = 15 + 2 + 21 + 65;         // format 1
    static constexpr qint64 kSignedSize = kSize + 2 * 64 + 1; // format 2

    qint64 seq = 0;
    QString hash;         // 64 zeros when seq is 0
    QByteArray signature; // empty: unsigned (format 1)

    bool isSigned() const { return !signature.isEmpty(); }
    // The bytes the signature covers: "sen-audit-head 2 <seq> <hash>".
    QByteArray signedPart() const;
    // Format 2 when signed, else format 1.
    QByteArray toBytes() const;
    // Corruption when the bytes are not exactly one well-formed head line of either format.
    static Result<AuditHead> fromBytes(QByteArrayView bytes);
    // Ok when the head is signed and its signature verifies with the certificate's key;
    // PermissionDenied saying what is wrong otherwise.
    Status verify(const QByteArray& certificateDer) const;

    // The head file of a log: beside it, the log's name with its last suffix replaced by
    // "head" ("audit.jsonl" -> "audit.head"; "audit" -> "audit.head").
    static QString pathFor(const QString& logPath);
    // NotFound when there is no head file; Corruption when it is malformed.
    static Result<AuditHead> read(const QString& headPath);
};

} // namespace sen::server
