#include "common/store/RefusedVersions.h"

#include "common/sql/SqlDatabase.h"

#include <QCborValue>
#include <QDateTime>

namespace sen::store {

Status RefusedVersions::note(const Unid& unid, const VersionVector& versions, const QString& peer,
                             ErrorCode code, const QString& message)
{
    SEN_ASSIGN_OR_RETURN(
        auto stmt, m_db.cached("INSERT OR REPLACE INTO refused_versions(unid, versions, peer, code, message, "
                               "at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    stmt->bind(1, unid.toBytes())
        .bind(2, QCborValue(versions.toCbor()).toCbor())
        .bind(3, peer)
        .bind(4, static_cast<int>(code))
        .bind(5, message)
        .bind(6, QDateTime::currentMSecsSinceEpoch());
    return stmt->exec();
}

Result<std::vector<RefusedVersion>> RefusedVersions::list() const
{
    std::vector<RefusedVersion> out;
    SEN_ASSIGN_OR_RETURN(auto stmt,
                         m_db.cached("SELECT r.unid, r.versions, r.peer, r.code, r.message, r.at, d.versions "
                                     "FROM refused_versions r LEFT JOIN documents d ON d.unid = r.unid "
                                     "ORDER BY r.at"));
    for (;;) {
        SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
        if (!row)
            break;
        RefusedVersion r;
        const auto unid = Unid::fromBytes(stmt->blobView(0));
        auto versions = VersionVector::fromCbor(QCborValue::fromCbor(stmt->blob(1)).toArray());
        if (!unid || !versions)
            return Status(ErrorCode::Corruption, QStringLiteral("a malformed refused_versions row"));
        r.unid = *unid;
        r.versions = std::move(versions).value();
        r.peer = stmt->text(2);
        const auto code = errorCodeFromInt(stmt->int64(3));
        if (!code)
            return Status(
                ErrorCode::Corruption,
                QStringLiteral("a refused_versions row with the unknown code %1").arg(stmt->int64(3)));
        r.code = *code;
        r.message = stmt->text(4);
        r.atMs = stmt->int64(5);
        r.current = !stmt->isNull(6) && stmt->blob(6) == stmt->blob(1);
        out.push_back(std::move(r));
    }
    return out;
}

Status RefusedVersions::forget(const Unid& unid)
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.cached("DELETE FROM refused_versions WHERE unid = ?1"));
    stmt->bind(1, unid.toBytes());
    return stmt->exec();
}

} // namespace sen::store
