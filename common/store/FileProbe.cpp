#include "common/store/FileProbe.h"

#include "common/sql/SqlFileHeader.h"
#include "common/store/Schema.h"

#include <QFileInfo>

namespace sen::store {

namespace {

std::uint32_t be32(const QByteArray& h, int offset)
{
    const auto* p = reinterpret_cast<const unsigned char*>(h.constData()) + offset;
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3];
}

std::uint32_t be16(const QByteArray& h, int offset)
{
    const auto* p = reinterpret_cast<const unsigned char*>(h.constData()) + offset;
    return (std::uint32_t(p[0]) << 8) | p[1];
}

} // namespace

Result<ProbeResult> probeReplicaFile(const QString& path)
{
    // Read through SQLite's own file handle, never a descriptor of ours: this process may have
    // the replica open, and on POSIX closing any descriptor on the file would drop the locks
    // of its connections (sql/SqlFileHeader.h).
    const Result<sql::FileHeader> read = sql::readFileHeader(path);
    if (!read)
        return read.status();
    const qint64 size = read->size;
    const QByteArray& header = read->bytes;

    // https://www.sqlite.org/fileformat2.html#the_database_header
    static const QByteArray kMagic("SQLite format 3\0", 16);
    if (size == 0)
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("%1: empty file, not a Sen replica").arg(path));
    if (header.size() < 100 || !header.startsWith(kMagic)) {
        if (header.size() < 100 && kMagic.startsWith(header.left(16)))
            return Status(ErrorCode::Corruption, QStringLiteral("%1: truncated SQLite header").arg(path));
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("%1: not a Sen replica (not an SQLite file)").arg(path));
    }
    const std::uint32_t appId = be32(header, 68);
    if (appId != static_cast<std::uint32_t>(schema::kApplicationId))
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("%1: an SQLite database but not a Sen replica").arg(path));

    std::uint32_t pageSize = be16(header, 16);
    if (pageSize == 1)
        pageSize = 65536;
    if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0)
        return Status(ErrorCode::Corruption,
                      QStringLiteral("%1: damaged header (page size %2)").arg(path).arg(pageSize));
    // The page count is valid only when "version-valid-for" matches the change counter, and
    // the file is at rest only without a WAL: while another connection has it open, a
    // checkpoint may have written page 1 before the pages that grow the file (this probe
    // takes no lock). Then SQLite itself reads what is there.
    const bool walLive = QFileInfo::exists(path + QStringLiteral("-wal"));
    const bool countValid = be32(header, 92) == be32(header, 24) && !walLive;
    const qint64 pages = be32(header, 28);
    if ((size % pageSize != 0 && !walLive) || (countValid && size < pages * pageSize))
        return Status(ErrorCode::Corruption,
                      QStringLiteral("%1: truncated (%2 bytes, expected %3)")
                          .arg(path)
                          .arg(size)
                          .arg(countValid ? pages * pageSize : (size / pageSize + 1) * pageSize));

    const int version = static_cast<int>(be32(header, 60));
    if (version > schema::kVersion)
        return Status(
            ErrorCode::Unsupported,
            QStringLiteral("%1: written by a newer Sen (file format %2; this version reads up to %3)")
                .arg(path)
                .arg(version)
                .arg(schema::kVersion));
    return ProbeResult{version};
}

} // namespace sen::store
