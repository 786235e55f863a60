#pragma once

// One line of the audit log and its canonical serialisation (docs/audit-log.md, format
// version 1). The line *is* the canonical form: a JSON object with the keys in byte order,
// no whitespace, strings escaped minimally; `hash` is the SHA-256 of the same object
// without the `hash` member. Reading a line checks that it is exactly that form.

#include "common/core/Result.h"

#include <QByteArray>
#include <QString>

namespace sen::server {

struct AuditRecord
{
    static constexpr int kFormatVersion = 1;

    int version = kFormatVersion;
    qint64 seq = 0; // 1 for the first record, then +1
    QString time;   // UTC, ISO 8601 with milliseconds: "2026-03-01T08:30:00.125Z"
    QString kind;   // AuditEvent kind
    QString actor;  // "-" when none
    QString peer;   // "-" when none
    QString detail; // may be empty
    QString prev;   // hash of the previous record, 64 lowercase hex; 64 zeros for the first
    QString hash;   // SHA-256 of canonicalBody(), 64 lowercase hex

    // The canonical object without `hash`: what `hash` covers.
    QByteArray canonicalBody() const;
    // Lowercase hex SHA-256 of canonicalBody().
    QString computeHash() const;
    // The canonical object with `hash`, without the line end.
    QByteArray toLine() const;

    // Reads one line (without its line end). Fails with Corruption saying why: "not valid
    // JSON", "missing or malformed field \"seq\"", "unknown field \"x\"", "unsupported
    // format version 2", "not in canonical form". Does not check the hash.
    static Result<AuditRecord> parse(QByteArrayView line);
};

// 64 zeros: the `prev` of the first record.
QString zeroAuditHash();
bool isAuditHash(QStringView hex);

} // namespace sen::server
