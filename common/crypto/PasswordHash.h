#pragma once

// Password hashes kept for checking, not for deriving keys (the intranet site's web
// passwords, docs/web.md §Web passwords): Argon2id in the PHC string form
// "$argon2id$v=19$m=...,t=...,p=...$salt$hash" with a fresh 16-byte random salt, as Botan's
// argon2_generate_pwhash writes it (y = 2: Argon2id). Checking reads the parameters from the
// string, so a hash made with other costs still checks.

#include <QString>

namespace sen::crypto {

struct PasswordHashCost
{
    quint32 memoryKiB = 19 * 1024;
    quint32 iterations = 2;
    quint32 parallelism = 1;
};

QString hashPassword(const QString& password, const PasswordHashCost& cost = {});
// Whether `password` matches `phcHash`; false for a malformed hash or one not of Argon2id.
bool checkPassword(const QString& password, const QString& phcHash);

} // namespace sen::crypto
