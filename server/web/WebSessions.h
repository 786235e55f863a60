#pragma once

// The intranet site's sign-in state (docs/web.md §Sessions), kept in memory by the web
// thread only (not thread-safe by design; a restart signs everyone out):
// - a session is a random 256-bit token (base64url) the browser holds in a cookie
//   (HttpOnly; Secure; SameSite=Strict); the server keeps the user and an expiry, extended at
//   each use up to `lifetimeSeconds` of idleness; sign-out ends it;
// - failed sign-ins are limited: after kMaxFailures failures within kFailureWindowSeconds for
//   one user name, or for one address, further attempts of that user or address are refused
//   (without checking the password) until the window has passed.

#include <QDateTime>
#include <QHash>
#include <QHostAddress>
#include <QString>

#include <optional>

namespace sen::server::web {

inline constexpr int kMaxFailures = 5;
inline constexpr int kFailureWindowSeconds = 15 * 60;
inline constexpr int kDefaultSessionSeconds = 8 * 60 * 60;

class WebSessions
{
public:
    explicit WebSessions(int lifetimeSeconds = kDefaultSessionSeconds) : m_lifetimeSeconds(lifetimeSeconds) {}

    // A new session of `userName`; returns its token.
    QString create(const QString& userName, const QDateTime& now);
    // The user of a live session (its expiry moved on), or nullopt for an unknown or expired
    // token (an expired one is forgotten).
    std::optional<QString> user(const QString& token, const QDateTime& now);
    void end(const QString& token);

    // Whether a sign-in of `userName` from `address` may be tried now.
    bool mayTry(const QString& userName, const QHostAddress& address, const QDateTime& now);
    void recordFailure(const QString& userName, const QHostAddress& address, const QDateTime& now);
    // A success clears the user's failures (not the address's).
    void recordSuccess(const QString& userName);

private:
    struct Session
    {
        QString user;
        QDateTime expires;
    };
    struct Failures
    {
        int count = 0;
        QDateTime since;
    };
    bool blocked(QHash<QString, Failures>& table, const QString& key, const QDateTime& now);
    void count(QHash<QString, Failures>& table, const QString& key, const QDateTime& now);
    void forgetExpired(const QDateTime& now);

    int m_lifetimeSeconds;
    QHash<QString, Session> m_sessions;
    QHash<QString, Failures> m_userFailures;    // by acl::nameKey
    QHash<QString, Failures> m_addressFailures; // by address text
    QDateTime m_lastSweep;
};

} // namespace sen::server::web
