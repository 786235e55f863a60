#include "common/crypto/PasswordHash.h"

#include <botan/argon2.h>
#include <botan/system_rng.h>

namespace sen::crypto {

QString hashPassword(const QString& password, const PasswordHashCost& cost)
{
    const QByteArray utf8 = password.toUtf8();
    Botan::System_RNG rng;
    return QString::fromStdString(
        Botan::argon2_generate_pwhash(utf8.constData(), static_cast<size_t>(utf8.size()), rng,
                                      cost.parallelism, cost.memoryKiB, cost.iterations, 2));
}

bool checkPassword(const QString& password, const QString& phcHash)
{
    if (!phcHash.startsWith(QLatin1String("$argon2id$")))
        return false;
    const QByteArray utf8 = password.toUtf8();
    try {
        return Botan::argon2_check_pwhash(utf8.constData(), static_cast<size_t>(utf8.size()),
                                          phcHash.toStdString());
    } catch (...) {
        return false; // Botan reports a malformed hash by throwing; Sen's callers see "no match"
    }
}

} // namespace sen::crypto
