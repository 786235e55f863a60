#include "server/audit/AuditTail.h"

#include <algorithm>

namespace sen::server {

namespace {
constexpr qint64 kBlock = 64 * 1024;
}

Result<AuditTail> readAuditTail(QFile& file)
{
    const qint64 size = file.size();
    QByteArray buffer; // the bytes [start, size)
    qint64 start = size;
    auto readMore = [&]() -> Status {
        const qint64 length = std::min(kBlock, start);
        start -= length;
        if (!file.seek(start))
            return Status(ErrorCode::IoError,
                          QStringLiteral("%1: %2").arg(file.fileName(), file.errorString()));
        const QByteArray block = file.read(length);
        if (block.size() != length)
            return Status(ErrorCode::IoError, QStringLiteral("%1: short read").arg(file.fileName()));
        buffer.prepend(block);
        return Status::ok();
    };

    // The last '\n': the end of the complete lines.
    qsizetype lastEnd = -1;
    while (start > 0) {
        SEN_TRY(readMore());
        lastEnd = buffer.lastIndexOf('\n');
        if (lastEnd >= 0)
            break;
        if (buffer.size() > kMaxAuditLineBytes)
            break; // a torn tail this long has no line end we need
    }
    AuditTail tail;
    if (lastEnd < 0) {
        // No complete line in the part read: when the whole file was read, all of it is torn.
        if (start > 0)
            return Status(ErrorCode::Corruption, QStringLiteral("%1: no line end in the last %2 bytes")
                                                     .arg(file.fileName())
                                                     .arg(buffer.size()));
        tail.tornBytes = size;
        return tail;
    }
    tail.completeSize = start + lastEnd + 1;
    tail.tornBytes = size - tail.completeSize;

    // The '\n' before it, or the start of the file.
    for (;;) {
        const qsizetype previousEnd = lastEnd > 0 ? buffer.lastIndexOf('\n', lastEnd - 1) : -1;
        if (previousEnd >= 0 || start == 0) {
            tail.lastLine = buffer.mid(previousEnd + 1, lastEnd - previousEnd - 1);
            return tail;
        }
        if (lastEnd > kMaxAuditLineBytes)
            return Status(ErrorCode::Corruption, QStringLiteral("%1: the last line is longer than %2 bytes")
                                                     .arg(file.fileName())
                                                     .arg(kMaxAuditLineBytes));
        const qsizetype before = buffer.size();
        SEN_TRY(readMore());
        lastEnd += buffer.size() - before;
    }
}

} // namespace sen::server
