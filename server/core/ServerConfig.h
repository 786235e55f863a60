#pragma once

// server.json: who this server is (docs/server.md, "server.json"). Written once by
// `sen-server init`; read by every other command and by the daemon.

#include "common/core/Result.h"
#include "common/identity/HierarchicalName.h"

#include <QDateTime>
#include <QString>

namespace sen::server {

struct ServerConfig
{
    // The format of server.json, users.json and groups.json; docs/server.md changes with it.
    static constexpr int kFormatVersion = 2; // 2: a spoke's server.json may have no admin
    static constexpr char16_t kDefaultListen[] = u"127.0.0.1:1352";
    static constexpr char16_t kDefaultServerName[] = u"sen-server";

    identity::HierarchicalName org;        // the certifier's name, "VPTU/HaNoi"
    identity::HierarchicalName serverName; // "sen-server/VPTU/HaNoi"
    identity::HierarchicalName admin;      // the administrator registered by init; null at a spoke
    QDateTime created;                     // UTC
    QString listen = QString::fromUtf16(kDefaultListen);

    // Unsupported for a newer format; Corruption naming the member that is missing or wrong.
    [[nodiscard]] static Result<ServerConfig> load(const QString& path);
    [[nodiscard]] Status save(const QString& path) const;
};

} // namespace sen::server
