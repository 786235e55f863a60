#include "server/audit/AuditHead.h"

#include "common/crypto/Signature.h"
#include "server/audit/AuditRecord.h"

#include <QDir>
#include <QFileInfo>

namespace sen::server {

namespace {
constexpr char kMagic1[] = "sen-audit-head 1 ";
constexpr char kMagic2[] = "sen-audit-head 2 ";
constexpr qsizetype kMagicSize = sizeof(kMagic1) - 1;

QByteArray body(const char* magic, qint64 seq, const QString& hash)
{
    QByteArray out = magic;
    out += QByteArray::number(seq).rightJustified(20, '0');
    out += ' ';
    out += hash.toLatin1();
    return out;
}
} // namespace

QByteArray AuditHead::signedPart() const
{
    return body(kMagic2, seq, hash);
}

QByteArray AuditHead::toBytes() const
{
    if (!isSigned())
        return body(kMagic1, seq, hash) + '\n';
    return signedPart() + ' ' + signature.toHex() + '\n';
}

Result<AuditHead> AuditHead::fromBytes(QByteArrayView bytes)
{
    const auto bad = Status(ErrorCode::Corruption, QStringLiteral("the head file is malformed"));
    const bool format2 = bytes.startsWith(QByteArrayView(kMagic2));
    if (!format2 && !bytes.startsWith(QByteArrayView(kMagic1)))
        return bad;
    if (bytes.size() != (format2 ? kSignedSize : kSize) || !bytes.endsWith('\n'))
        return bad;
    const QByteArrayView digits = bytes.sliced(kMagicSize, 20);
    for (char c : digits) {
        if (c < '0' || c > '9')
            return bad;
    }
    if (bytes.at(kMagicSize + 20) != ' ')
        return bad;
    AuditHead head;
    bool ok = false;
    head.seq = digits.toByteArray().toLongLong(&ok);
    head.hash = QString::fromLatin1(bytes.sliced(kMagicSize + 21, 64));
    if (!ok || !isAuditHash(head.hash))
        return bad;
    if (format2) {
        const QByteArrayView hex = bytes.sliced(kSize, 2 * 64);
        if (bytes.at(kSize - 1) != ' ')
            return bad;
        for (char c : hex) {
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
                return bad;
        }
        head.signature = QByteArray::fromHex(hex.toByteArray());
    }
    return head;
}

Status AuditHead::verify(const QByteArray& certificateDer) const
{
    if (!isSigned())
        return Status(ErrorCode::PermissionDenied, QStringLiteral("the head file is not signed (format 1)"));
    if (!crypto::verifySignature(certificateDer, signedPart(), signature).isOk())
        return Status(
            ErrorCode::PermissionDenied,
            QStringLiteral("the head file's signature does not verify with the server's certificate "
                           "(it was written without the server's key)"));
    return Status::ok();
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
    const QByteArray bytes = file.read(kSignedSize + 1);
    auto head = fromBytes(bytes);
    if (!head)
        return head.status().withContext(headPath);
    return head;
}

} // namespace sen::server
