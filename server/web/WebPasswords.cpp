#include "server/web/WebPasswords.h"

#include "common/acl/NameMatch.h"
#include "common/crypto/PasswordHash.h"
#include "server/core/AtomicFile.h"

#include <QJsonObject>

namespace sen::server::web {

namespace {
constexpr int kFormat = 1;
}

Result<WebPasswords> WebPasswords::load(const QString& path)
{
    WebPasswords passwords;
    Result<QJsonObject> json = AtomicFile::readJson(path);
    if (!json) {
        if (json.status().code() == ErrorCode::NotFound)
            return passwords;
        return json.status();
    }
    if (json->value(QStringLiteral("format")).toInt() != kFormat)
        return Status(ErrorCode::Corruption, QStringLiteral("%1: unknown format").arg(path));
    const QJsonObject users = json->value(QStringLiteral("users")).toObject();
    for (auto it = users.begin(); it != users.end(); ++it) {
        const QJsonObject user = it.value().toObject();
        Entry entry{user.value(QStringLiteral("name")).toString(),
                    user.value(QStringLiteral("hash")).toString(),
                    QDateTime::fromString(user.value(QStringLiteral("set")).toString(), Qt::ISODate)};
        if (entry.name.isEmpty() || !entry.hash.startsWith(QLatin1String("$argon2id$")))
            return Status(ErrorCode::Corruption,
                          QStringLiteral("%1: malformed entry \"%2\"").arg(path, it.key()));
        passwords.m_entries.insert(acl::nameKey(entry.name), entry);
    }
    return passwords;
}

Status WebPasswords::save(const QString& path) const
{
    QJsonObject users;
    for (const Entry& entry : m_entries) {
        users.insert(acl::nameKey(entry.name),
                     QJsonObject{{QStringLiteral("name"), entry.name},
                                 {QStringLiteral("hash"), entry.hash},
                                 {QStringLiteral("set"), entry.set.toString(Qt::ISODate)}});
    }
    return AtomicFile::writeJson(
        path, QJsonObject{{QStringLiteral("format"), kFormat}, {QStringLiteral("users"), users}});
}

void WebPasswords::set(const QString& userName, const QString& password)
{
    m_entries.insert(acl::nameKey(userName),
                     Entry{userName, crypto::hashPassword(password), QDateTime::currentDateTimeUtc()});
}

bool WebPasswords::remove(const QString& userName)
{
    return m_entries.remove(acl::nameKey(userName)) > 0;
}

bool WebPasswords::check(const QString& userName, const QString& password) const
{
    const auto it = m_entries.constFind(acl::nameKey(userName));
    if (it == m_entries.constEnd() || password.isEmpty())
        return false;
    return crypto::checkPassword(password, it->hash);
}

QString WebPasswords::storedName(const QString& userName) const
{
    return m_entries.value(acl::nameKey(userName)).name;
}

} // namespace sen::server::web
