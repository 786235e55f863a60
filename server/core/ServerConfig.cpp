#include "server/core/ServerConfig.h"

#include "server/core/AtomicFile.h"

#include <QJsonObject>

namespace sen::server {

namespace {

Result<identity::HierarchicalName> nameMember(const QJsonObject& object, const QString& key,
                                              const QString& path)
{
    auto name = identity::HierarchicalName::parse(object.value(key).toString());
    if (!name)
        return Status(ErrorCode::Corruption, QStringLiteral("%1: \"%2\" is not a valid name").arg(path, key));
    return name;
}

} // namespace

Result<ServerConfig> ServerConfig::load(const QString& path)
{
    SEN_ASSIGN_OR_RETURN(const QJsonObject object, AtomicFile::readJson(path));
    const int format = object.value(QStringLiteral("format")).toInt(0);
    if (format > kFormatVersion)
        return Status(ErrorCode::Unsupported,
                      QStringLiteral("%1 has format %2; this sen-server reads up to %3")
                          .arg(path)
                          .arg(format)
                          .arg(kFormatVersion));
    if (format < 1)
        return Status(ErrorCode::Corruption, QStringLiteral("%1: \"format\" is missing").arg(path));
    ServerConfig config;
    SEN_ASSIGN_OR_RETURN(config.org, nameMember(object, QStringLiteral("org"), path));
    SEN_ASSIGN_OR_RETURN(config.serverName, nameMember(object, QStringLiteral("serverName"), path));
    // A spoke (format 2, docs/servers.md) has no administrator of its own: its ID came from the hub.
    if (format < 2 || !object.value(QStringLiteral("admin")).toString().isEmpty()) {
        SEN_ASSIGN_OR_RETURN(config.admin, nameMember(object, QStringLiteral("admin"), path));
    }
    config.created = QDateTime::fromString(object.value(QStringLiteral("created")).toString(), Qt::ISODate);
    config.listen = object.value(QStringLiteral("listen")).toString();
    if (config.listen.isEmpty())
        return Status(ErrorCode::Corruption, QStringLiteral("%1: \"listen\" is missing").arg(path));
    return config;
}

Status ServerConfig::save(const QString& path) const
{
    return AtomicFile::writeJson(
        path, QJsonObject{{QStringLiteral("format"), kFormatVersion},
                          {QStringLiteral("org"), org.toString()},
                          {QStringLiteral("serverName"), serverName.toString()},
                          {QStringLiteral("admin"), admin.toString()},
                          {QStringLiteral("created"), created.toUTC().toString(Qt::ISODate)},
                          {QStringLiteral("listen"), listen}});
}

} // namespace sen::server
