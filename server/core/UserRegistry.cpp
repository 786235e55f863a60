#include "server/core/UserRegistry.h"

#include "common/acl/NameMatch.h"
#include "server/core/AtomicFile.h"
#include "server/core/ServerConfig.h"

#include <QJsonArray>
#include <QJsonObject>

namespace sen::server {

namespace {

QJsonValue timeValue(const QDateTime& time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

QDateTime timeFrom(const QJsonValue& value)
{
    return value.isString() ? QDateTime::fromString(value.toString(), Qt::ISODate).toUTC() : QDateTime();
}

Result<RegisteredUser> userFrom(const QJsonObject& object, const QString& where)
{
    RegisteredUser user;
    auto name = identity::HierarchicalName::parse(object.value(QStringLiteral("name")).toString());
    if (!name)
        return Status(ErrorCode::Corruption, where + QStringLiteral(": not a valid name"));
    user.name = *name;
    user.registered = timeFrom(object.value(QStringLiteral("registered")));
    user.revoked = timeFrom(object.value(QStringLiteral("revoked")));
    user.fromHub = object.value(QStringLiteral("fromHub")).toBool(false);
    if (!user.registered.isValid())
        return Status(ErrorCode::Corruption, where + QStringLiteral(": no registration time"));
    for (const QJsonValue& value : object.value(QStringLiteral("certificates")).toArray()) {
        const QJsonObject certificate = value.toObject();
        RegisteredCertificate entry{certificate.value(QStringLiteral("serial")).toString(),
                                    timeFrom(certificate.value(QStringLiteral("issued"))),
                                    timeFrom(certificate.value(QStringLiteral("notAfter")))};
        if (entry.serialHex.isEmpty() ||
            QByteArray::fromHex(entry.serialHex.toLatin1()).toHex() != entry.serialHex.toLatin1())
            return Status(ErrorCode::Corruption, where + QStringLiteral(": a certificate serial is not hex"));
        user.certificates << entry;
    }
    return user;
}

} // namespace

Result<UserRegistry> UserRegistry::load(const QString& path)
{
    SEN_ASSIGN_OR_RETURN(const QJsonObject object, AtomicFile::readJson(path));
    const int format = object.value(QStringLiteral("format")).toInt(0);
    if (format > ServerConfig::kFormatVersion)
        return Status(ErrorCode::Unsupported, QStringLiteral("%1 has format %2").arg(path).arg(format));
    if (format < 1 || !object.value(QStringLiteral("users")).isArray())
        return Status(ErrorCode::Corruption, QStringLiteral("%1 is not a sen-server user list").arg(path));
    UserRegistry registry;
    const QJsonArray users = object.value(QStringLiteral("users")).toArray();
    for (qsizetype i = 0; i < users.size(); ++i) {
        const QString where = QStringLiteral("%1, user %2").arg(path).arg(i + 1);
        SEN_ASSIGN_OR_RETURN(RegisteredUser user, userFrom(users[i].toObject(), where));
        if (user.isActive() && registry.findActive(user.name))
            return Status(ErrorCode::Corruption, where +
                                                     QStringLiteral(": a second active registration of ") +
                                                     user.name.toString());
        registry.m_users.push_back(std::move(user));
    }
    return registry;
}

Status UserRegistry::save(const QString& path) const
{
    QJsonArray users;
    for (const RegisteredUser& user : m_users) {
        QJsonArray certificates;
        for (const RegisteredCertificate& certificate : user.certificates)
            certificates.append(QJsonObject{{QStringLiteral("serial"), certificate.serialHex},
                                            {QStringLiteral("issued"), timeValue(certificate.issued)},
                                            {QStringLiteral("notAfter"), timeValue(certificate.notAfter)}});
        QJsonObject entry{{QStringLiteral("name"), user.name.toString()},
                          {QStringLiteral("certificates"), certificates},
                          {QStringLiteral("registered"), timeValue(user.registered)},
                          {QStringLiteral("revoked"), timeValue(user.revoked)}};
        if (user.fromHub)
            entry.insert(QStringLiteral("fromHub"), true);
        users.append(entry);
    }
    return AtomicFile::writeJson(path, QJsonObject{{QStringLiteral("format"), ServerConfig::kFormatVersion},
                                                   {QStringLiteral("users"), users}});
}

const RegisteredUser* UserRegistry::findActive(const identity::HierarchicalName& name) const
{
    // By the ACL's key: a name the ACL would take for this one is this one.
    const QString key = acl::nameKey(name.toString());
    for (const RegisteredUser& user : m_users) {
        if (user.isActive() && acl::nameKey(user.name.toString()) == key)
            return &user;
    }
    return nullptr;
}

RegisteredUser* UserRegistry::findActive(const identity::HierarchicalName& name)
{
    return const_cast<RegisteredUser*>(std::as_const(*this).findActive(name));
}

Status UserRegistry::add(RegisteredUser user)
{
    if (findActive(user.name))
        return Status(ErrorCode::Conflict,
                      QStringLiteral("%1 is already registered").arg(user.name.toString()));
    m_users.push_back(std::move(user));
    return Status::ok();
}

} // namespace sen::server
