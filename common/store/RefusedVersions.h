#pragma once

// The versions of this replica's documents a peer refused to store (docs/file-format.md
// `refused_versions`): remembered so the user sees them and can restore the peer's version,
// while the edit stays here (nothing is lost). One row per document, the latest refusal.
// Internal to the store: ReplicaSync::noteRefused, refusals and dropForRefetch use it inside
// their transactions.

#include "common/core/Ids.h"
#include "common/core/Result.h"
#include "common/core/VersionVector.h"

#include <QString>

#include <vector>

namespace sen {
namespace sql {
class SqlDatabase;
}

namespace store {

struct RefusedVersion
{
    Unid unid;
    VersionVector versions; // the version refused
    QString peer;
    ErrorCode code = ErrorCode::PermissionDenied;
    QString message;
    qint64 atMs = 0;
    bool current = false; // the document is still at that version
};

class RefusedVersions
{
public:
    explicit RefusedVersions(sql::SqlDatabase& db) : m_db(db) {}

    // Records that `peer` refused `versions` of `unid` (replacing an earlier refusal).
    Status note(const Unid& unid, const VersionVector& versions, const QString& peer, ErrorCode code,
                const QString& message);
    // Every refusal, oldest first, each saying whether the document is still at that version.
    // Corruption for a malformed row or a code no version has (errorCodeFromInt).
    Result<std::vector<RefusedVersion>> list() const;
    Status forget(const Unid& unid);

private:
    sql::SqlDatabase& m_db;
};

} // namespace store
} // namespace sen
