#pragma once

// Finding the end of an audit log without reading all of it: read backwards from the end,
// in blocks, to the last line end and then to the line end before it.

#include "common/core/Result.h"

#include <QByteArray>
#include <QFile>

namespace sen::server {

struct AuditTail
{
    qint64 completeSize = 0; // bytes up to and including the last '\n'
    qint64 tornBytes = 0;    // bytes after it: an incomplete last line
    QByteArray lastLine;     // the last complete line without its '\n'; empty for none
};

// `file` must be open for reading. Corruption when the last complete line is longer than
// kMaxAuditLineBytes (no record is).
Result<AuditTail> readAuditTail(QFile& file);

inline constexpr qint64 kMaxAuditLineBytes = 1 << 20;

} // namespace sen::server
