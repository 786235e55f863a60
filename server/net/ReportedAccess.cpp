#include "server/net/ReportedAccess.h"

#include "replication/protocol/ProtocolConstants.h"

#include <algorithm>

namespace sen::server {

std::optional<protocol::WelcomeAccess> reportedAccess(const acl::EffectiveAccess& access)
{
    const auto fits = [](const QStringList& names) {
        return names.size() <= protocol::kMaxAccessNames &&
               std::all_of(names.begin(), names.end(),
                           [](const QString& n) { return n.size() <= protocol::kMaxAccessNameLength; });
    };
    if (!fits(access.roles) || !fits(access.groups))
        return std::nullopt;
    return protocol::WelcomeAccess{static_cast<int>(access.level), access.rights, access.roles,
                                   access.groups};
}

} // namespace sen::server
