#include "common/crypto/Wipe.h"

#include <botan/mem_ops.h>

namespace sen::crypto {

void wipe(QByteArray& secret)
{
    if (secret.isEmpty())
        return;
    secret.detach();
    Botan::secure_scrub_memory(secret.data(), static_cast<std::size_t>(secret.size()));
    secret.clear();
}

} // namespace sen::crypto
