#pragma once

// Checks an audit log end to end (the `sen-server audit verify` command): every record's
// hash, the chain of `prev` hashes, sequence numbers 1, 2, 3, ..., and the head file. The
// file is streamed line by line; memory use does not grow with its length.

#include "common/core/Result.h"

#include <QList>
#include <QString>

namespace sen::server {

struct AuditVerifyReport
{
    bool ok = true;
    qint64 records = 0;  // records that verified before the first problem (all of them when ok)
    qint64 lastSeq = 0;  // of the last verified record
    QString lastHash;    // of the last verified record; 64 zeros for none
    qint64 badLine = 0;  // 1-based line of the first problem; 0 when ok or the problem is the head file
    QString problem;     // "line 17: hash mismatch", "line 18: chain broken ...", or a head-file problem
    qint64 headSeq = -1; // what the head file says; -1 when it is missing or unreadable
    // Records saying the log may have lost records (needsAcknowledgement) that no later
    // admin.audit_acknowledge names; while any stands, the report is not ok.
    QList<qint64> unacknowledged;

    // "ok: 42 records, last seq 42" or "FAILED: line 17: hash mismatch".
    QString summary() const;
};

struct AuditVerifyOptions
{
    // The server's certificate (DER): the head file must then be signed with its key
    // (docs/audit-log.md §Head file). Empty: the signature is not checked.
    QByteArray certificateDer;
};

// IoError (or NotFound) only when the log cannot be read at all; everything found wrong in
// it is in the report. The head file is AuditHead::pathFor(path); a missing head file is a
// problem unless the log is empty. A log_tail_missing, log_head_missing or log_head_invalid
// record that no later admin.audit_acknowledge record ("seq N: ...") names is a problem too.
Result<AuditVerifyReport> verifyAuditLog(const QString& path, const AuditVerifyOptions& options = {});

// The seq an acknowledgement's detail names ("seq 12: restored from backup" -> 12), or 0.
qint64 acknowledgedSeq(const QString& detail);

} // namespace sen::server
