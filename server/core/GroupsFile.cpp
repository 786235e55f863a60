#include "server/core/GroupsFile.h"

#include "server/core/AtomicFile.h"
#include "server/core/ServerConfig.h"

#include <QJsonArray>
#include <QJsonObject>

namespace sen::server {

Result<acl::Directory> GroupsFile::load(const QString& path)
{
    SEN_ASSIGN_OR_RETURN(const QJsonObject object, AtomicFile::readJson(path));
    const int format = object.value(QStringLiteral("format")).toInt(0);
    if (format > ServerConfig::kFormatVersion)
        return Status(ErrorCode::Unsupported, QStringLiteral("%1 has format %2").arg(path).arg(format));
    if (format < 1 || !object.value(QStringLiteral("groups")).isArray())
        return Status(ErrorCode::Corruption, QStringLiteral("%1 is not a sen-server group list").arg(path));
    acl::Directory directory;
    const QJsonArray groups = object.value(QStringLiteral("groups")).toArray();
    for (qsizetype i = 0; i < groups.size(); ++i) {
        const QJsonObject group = groups[i].toObject();
        const QString name = group.value(QStringLiteral("name")).toString().trimmed();
        const QJsonValue members = group.value(QStringLiteral("members"));
        if (name.isEmpty() || !members.isArray())
            return Status(
                ErrorCode::Corruption,
                QStringLiteral("%1, group %2: needs a name and a members array").arg(path).arg(i + 1));
        QStringList memberNames;
        for (const QJsonValue& member : members.toArray()) {
            if (!member.isString() || member.toString().trimmed().isEmpty())
                return Status(ErrorCode::Corruption,
                              QStringLiteral("%1, group %2: a member is not a name").arg(path, name));
            memberNames << member.toString().trimmed();
        }
        directory.setGroup(name, memberNames);
    }
    return directory;
}

Status GroupsFile::writeEmpty(const QString& path)
{
    return AtomicFile::writeJson(path, QJsonObject{{QStringLiteral("format"), ServerConfig::kFormatVersion},
                                                   {QStringLiteral("groups"), QJsonArray()}});
}

Status GroupsFile::write(const QString& path, const QList<QPair<QString, QStringList>>& groups)
{
    QJsonArray list;
    for (const auto& [name, members] : groups)
        list.append(QJsonObject{{QStringLiteral("name"), name},
                                {QStringLiteral("members"), QJsonArray::fromStringList(members)}});
    return AtomicFile::writeJson(path, QJsonObject{{QStringLiteral("format"), ServerConfig::kFormatVersion},
                                                   {QStringLiteral("groups"), list}});
}

} // namespace sen::server
