#include "common/core/Ids.h"

#include "common/crypto/Random.h"

#include <QDateTime>

namespace sen {

namespace {
template <typename Id>
Id randomId()
{
    Id id;
    crypto::fillRandom(id.data(), Id::size);
    return id;
}
} // namespace

ReplicaId newReplicaId()
{
    return randomId<ReplicaId>();
}

InstanceId newInstanceId()
{
    return randomId<InstanceId>();
}

Unid newUnid()
{
    Unid id = randomId<Unid>();
    const auto ms = static_cast<std::uint64_t>(QDateTime::currentMSecsSinceEpoch());
    for (int i = 0; i < 6; ++i)
        id.data()[i] = static_cast<std::uint8_t>(ms >> (8 * (5 - i)));
    return id;
}

} // namespace sen
