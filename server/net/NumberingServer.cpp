#include "server/net/NumberingServer.h"

#include "common/registers/Registers.h"
#include "common/store/ReplicaStore.h"

namespace sen::server {

Result<std::optional<QString>> numberingElsewhere(const ReplicaStore& store,
                                                  const identity::HierarchicalName& self, bool selfIsHub)
{
    SEN_ASSIGN_OR_RETURN(const QString named,
                         store.setting(QString::fromUtf16(registers::kNumberedBySetting)));
    if (named.trimmed().isEmpty()) {
        if (selfIsHub)
            return std::optional<QString>();
        return std::optional<QString>(QStringLiteral("the organisation's hub"));
    }
    const auto server = identity::HierarchicalName::parse(named.trimmed());
    if (server && *server == self)
        return std::optional<QString>();
    return std::optional<QString>(named.trimmed());
}

} // namespace sen::server
