#include "common/codec/Zstd.h"

#include <zstd.h>

namespace sen::zstd {

QByteArray compress(QByteArrayView data, int level)
{
    const std::size_t bound = ZSTD_compressBound(static_cast<std::size_t>(data.size()));
    QByteArray out(static_cast<qsizetype>(bound), Qt::Uninitialized);
    const std::size_t n =
        ZSTD_compress(out.data(), bound, data.data(), static_cast<std::size_t>(data.size()), level);
    if (ZSTD_isError(n))
        qFatal("sen: ZSTD_compress failed on a bounded buffer: %s", ZSTD_getErrorName(n));
    out.truncate(static_cast<qsizetype>(n));
    return out;
}

Result<QByteArray> decompress(QByteArrayView frame, qsizetype maxSize)
{
    const unsigned long long claimed =
        ZSTD_getFrameContentSize(frame.data(), static_cast<std::size_t>(frame.size()));
    if (claimed == ZSTD_CONTENTSIZE_ERROR)
        return Status(ErrorCode::Corruption, QStringLiteral("not a zstd frame"));
    if (claimed == ZSTD_CONTENTSIZE_UNKNOWN)
        return Status(ErrorCode::Corruption, QStringLiteral("zstd frame without a content size"));
    if (claimed > static_cast<unsigned long long>(maxSize))
        return Status(
            ErrorCode::Corruption,
            QStringLiteral("zstd frame claims %1 bytes, more than the %2 allowed").arg(claimed).arg(maxSize));
    QByteArray out(static_cast<qsizetype>(claimed), Qt::Uninitialized);
    const std::size_t n =
        ZSTD_decompress(out.data(), out.size(), frame.data(), static_cast<std::size_t>(frame.size()));
    if (ZSTD_isError(n) || n != claimed)
        return Status(
            ErrorCode::Corruption,
            QStringLiteral("zstd frame is damaged: %1").arg(QString::fromLatin1(ZSTD_getErrorName(n))));
    return out;
}

} // namespace sen::zstd
