#include "server/web/WebSessions.h"

#include "common/acl/NameMatch.h"
#include "common/crypto/Random.h"

namespace sen::server::web {

QString WebSessions::create(const QString& userName, const QDateTime& now)
{
    forgetExpired(now);
    const QString token = QString::fromLatin1(
        crypto::randomBytes(32).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    m_sessions.insert(token, Session{userName, now.addSecs(m_lifetimeSeconds)});
    return token;
}

std::optional<QString> WebSessions::user(const QString& token, const QDateTime& now)
{
    const auto it = m_sessions.find(token);
    if (it == m_sessions.end())
        return std::nullopt;
    if (it->expires <= now) {
        m_sessions.erase(it);
        return std::nullopt;
    }
    it->expires = now.addSecs(m_lifetimeSeconds);
    return it->user;
}

void WebSessions::end(const QString& token)
{
    m_sessions.remove(token);
}

bool WebSessions::mayTry(const QString& userName, const QHostAddress& address, const QDateTime& now)
{
    // Both checked, so a refused user does not hide a refused address.
    const bool userBlocked = blocked(m_userFailures, acl::nameKey(userName), now);
    const bool addressBlocked = blocked(m_addressFailures, address.toString(), now);
    return !userBlocked && !addressBlocked;
}

void WebSessions::recordFailure(const QString& userName, const QHostAddress& address, const QDateTime& now)
{
    count(m_userFailures, acl::nameKey(userName), now);
    count(m_addressFailures, address.toString(), now);
}

void WebSessions::recordSuccess(const QString& userName)
{
    m_userFailures.remove(acl::nameKey(userName));
}

bool WebSessions::blocked(QHash<QString, Failures>& table, const QString& key, const QDateTime& now)
{
    const auto it = table.find(key);
    if (it == table.end())
        return false;
    if (it->since.secsTo(now) >= kFailureWindowSeconds) {
        table.erase(it);
        return false;
    }
    return it->count >= kMaxFailures;
}

void WebSessions::count(QHash<QString, Failures>& table, const QString& key, const QDateTime& now)
{
    Failures& failures = table[key];
    if (failures.count == 0 || failures.since.secsTo(now) >= kFailureWindowSeconds)
        failures = Failures{0, now};
    ++failures.count;
}

void WebSessions::forgetExpired(const QDateTime& now)
{
    if (m_lastSweep.isValid() && m_lastSweep.secsTo(now) < 60)
        return;
    m_lastSweep = now;
    for (auto it = m_sessions.begin(); it != m_sessions.end();)
        it = it->expires <= now ? m_sessions.erase(it) : std::next(it);
    for (QHash<QString, Failures>* table : {&m_userFailures, &m_addressFailures}) {
        for (auto it = table->begin(); it != table->end();)
            it = it->since.secsTo(now) >= kFailureWindowSeconds ? table->erase(it) : std::next(it);
    }
}

} // namespace sen::server::web
