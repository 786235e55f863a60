#include "audit/AuditHead.h"

#include "audit/AuditRecord.h"

#include <QDir>
#include <QFileInfo>

namespace sen::server {

namespace {
constexpr char kMagic[] = "sen-audit-head 1 ";
}

QByteArray AuditHead::toBytes() const
{
    QByteArray out = kMagic;
    out += QByteArray::number(seq).rightJustified(20, '0');
    out += ' ';
    out += hash.toLatin1();
    out += '\n';
    return out;
}

Result<AuditHead> AuditHead::fromBytes(QByteArrayView bytes)
{
    const auto bad = Status(ErrorCode::Corruption, QStringLiteral("the head file is malformed"));
    if (bytes.size() != kSize || !bytes.startsWith(QByteArrayView(kMagic)) || !bytes.endsWith('\n'))
        return bad;
    const QByteArrayView digits = bytes.sliced(sizeof(kMagic) - 1, 20);
    for (char c : digits) {
        if (c < '0' || c > '9')
            return bad;
    }
    if (bytes.at(sizeof(kMagic) - 1 + 20) != ' ')
        return bad;
    AuditHead head;
    bool ok = false;
    head.seq = digits.toByteArray().toLongLong(&ok);
    head.hash = QString::fromLatin1(bytes.sliced(sizeof(kMagic) - 1 + 21, 64));
    if (!ok || !isAuditHash(head.hash))
        return bad;
    return head;
}

QString AuditHead::pathFor(const QString& logPath)
{
    const QFileInfo info(logPath);
    if (info.suffix() == QStringLiteral("head"))
        return logPath + QStringLiteral(".head");
    const QString base = info.suffix().isEmpty() ? info.fileName() : info.completeBaseName();
    return info.dir().filePath(base + QStringLiteral(".head"));
}

Result<AuditHead> AuditHead::read(const QString& headPath)
{
    QFile file(headPath);
    if (!file.exists())
        return Status(ErrorCode::NotFound, QStringLiteral("%1: no head file").arg(headPath));
    if (!file.open(QIODevice::ReadOnly))
        return Status(ErrorCode::IoError, QStringLiteral("%1: %2").arg(headPath, file.errorString()));
    const QByteArray bytes = file.read(kSize + 1);
    auto head = fromBytes(bytes);
    if (!head)
        return head.status().withContext(headPath);
    return head;
}

} // namespace sen::server
