#include "common/model/ReplicaInfo.h"

namespace sen {

namespace {
constexpr DatabaseKind kKinds[] = {DatabaseKind::Documents, DatabaseKind::Calendar, DatabaseKind::News};
} // namespace

QString databaseKindName(DatabaseKind kind)
{
    switch (kind) {
    case DatabaseKind::Documents:
        return QStringLiteral("documents");
    case DatabaseKind::Calendar:
        return QStringLiteral("calendar");
    case DatabaseKind::News:
        return QStringLiteral("news");
    }
    return QStringLiteral("documents");
}

std::optional<DatabaseKind> databaseKindFromName(const QString& name)
{
    for (DatabaseKind kind : kKinds) {
        if (name.compare(databaseKindName(kind), Qt::CaseInsensitive) == 0)
            return kind;
    }
    return std::nullopt;
}

std::optional<DatabaseKind> databaseKindFromInt(qint64 value)
{
    for (DatabaseKind kind : kKinds) {
        if (value == static_cast<int>(kind))
            return kind;
    }
    return std::nullopt;
}

} // namespace sen
