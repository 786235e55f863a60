#pragma once

// web-passwords.json in the data directory: the intranet site's sign-in passwords, set by the
// IT centre with `sen-server --data DIR web-password --user NAME` (docs/web.md §Web passwords).
// A web password is never a user's ID password: it only signs in to the read-only site.
// Each is kept as an Argon2id hash in PHC form (common/crypto/PasswordHash.h: 19 MiB, 2 passes,
// 1 lane, RFC 9106's second recommendation scaled to a check on the web thread) with a random salt; the file
// is written whole and atomically (AtomicFile), owner-only.
//
// {"format": 1, "users": {"<ACL name key>": {"name": "CN/OU/O", "hash": "$argon2id$...",
//  "set": "2026-12-07T14:00:00Z"}}}
//
// A value loaded, changed and saved whole; admin callers hold the data directory's lock
// between load and save. The site loads it afresh at each sign-in.

#include "common/core/Result.h"

#include <QDateTime>
#include <QMap>
#include <QString>

namespace sen::server::web {

class WebPasswords
{
public:
    // An absent file is an empty set; Corruption naming the file for a malformed one.
    [[nodiscard]] static Result<WebPasswords> load(const QString& path);
    [[nodiscard]] Status save(const QString& path) const;

    // Hashes `password` for `userName` (a hierarchical name), replacing any earlier one.
    void set(const QString& userName, const QString& password);
    bool remove(const QString& userName);
    // Whether `password` is the web password of `userName` (names compared as ACL names).
    // False when the user has none. Takes the hash's time whatever the answer when set.
    bool check(const QString& userName, const QString& password) const;
    // The stored spelling of the user's name, or empty.
    QString storedName(const QString& userName) const;

private:
    struct Entry
    {
        QString name;
        QString hash;
        QDateTime set;
    };
    QMap<QString, Entry> m_entries; // by acl::nameKey
};

} // namespace sen::server::web
