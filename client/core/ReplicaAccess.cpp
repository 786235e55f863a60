#include "client/core/ReplicaAccess.h"

#include "common/acl/AccessCheck.h"
#include "common/store/ReplicaStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sen::client {

const QString ReplicaAccess::kSetting = QStringLiteral("access");

namespace {

QJsonArray toArray(const QStringList& list)
{
    QJsonArray array;
    for (const QString& value : list)
        array.append(value);
    return array;
}

std::optional<QStringList> toList(const QJsonValue& value)
{
    if (!value.isArray())
        return std::nullopt;
    QStringList list;
    for (const QJsonValue& v : value.toArray()) {
        if (!v.isString())
            return std::nullopt;
        list << v.toString();
    }
    return list;
}

} // namespace

QString ReplicaAccess::toJson(const acl::EffectiveAccess& access)
{
    const QJsonObject object{{QStringLiteral("user"), access.userName},
                             {QStringLiteral("level"), acl::accessLevelName(access.level)},
                             {QStringLiteral("rights"), access.rights},
                             {QStringLiteral("roles"), toArray(access.roles)},
                             {QStringLiteral("groups"), toArray(access.groups)}};
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

std::optional<acl::EffectiveAccess> ReplicaAccess::fromJson(const QString& json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8());
    if (!doc.isObject())
        return std::nullopt;
    const QJsonObject object = doc.object();
    const auto level = acl::accessLevelFromName(object.value(QStringLiteral("level")).toString());
    const QJsonValue rights = object.value(QStringLiteral("rights"));
    const auto roles = toList(object.value(QStringLiteral("roles")));
    const auto groups = toList(object.value(QStringLiteral("groups")));
    if (!level || !rights.isDouble() || !roles || !groups || !object.value(QStringLiteral("user")).isString())
        return std::nullopt;
    acl::EffectiveAccess access;
    access.userName = object.value(QStringLiteral("user")).toString();
    access.level = *level;
    access.rights = acl::normalizedRights(*level, rights.toInt());
    access.roles = *roles;
    access.groups = *groups;
    return access;
}

std::optional<acl::EffectiveAccess> ReplicaAccess::load(const ReplicaStore& store)
{
    const Result<QString> json = store.setting(kSetting);
    if (!json || json->isEmpty())
        return std::nullopt;
    return fromJson(*json);
}

Status ReplicaAccess::save(ReplicaStore& store, const acl::EffectiveAccess& access)
{
    return store.setSetting(kSetting, toJson(access));
}

bool ReplicaAccess::mayEdit(const std::optional<acl::EffectiveAccess>& access, const Document& doc)
{
    return !access || acl::canUpdate(*access, doc, doc).isOk();
}

bool ReplicaAccess::mayDelete(const std::optional<acl::EffectiveAccess>& access, const Document& doc)
{
    return !access || acl::canDelete(*access, doc).isOk();
}

} // namespace sen::client
