#pragma once

// What the user may do in one replica's database, as the server resolved it, so the client
// offers only what the server will accept (docs/access-control.md, "What the client offers").
// The client runs the server's own checks (acl/AccessCheck.h) against the user's effective
// access (acl/EffectiveAccess.h: level, rights, roles, directory groups), which only the
// server can resolve — the ACL and the directory stay on the server. The access is kept in the
// replica's local setting "access" (JSON; never replicated), written when the server reports
// it. Without it (a replica synced before the server reported access, a local database) the
// client offers everything, as before, and the server still refuses what it must.
//
// GUI-free: the document page and senctl share it.

#include "common/acl/EffectiveAccess.h"
#include "common/core/Result.h"
#include "common/model/Document.h"

#include <optional>

namespace sen {
class ReplicaStore;
}

namespace sen::client {

class ReplicaAccess
{
public:
    static const QString kSetting; // "access"

    // The stored access, or nullopt when none is stored (or it cannot be read).
    static std::optional<acl::EffectiveAccess> load(const ReplicaStore& store);
    static Status save(ReplicaStore& store, const acl::EffectiveAccess& access);
    // The JSON kept in the setting, and back (nullopt for anything malformed).
    static QString toJson(const acl::EffectiveAccess& access);
    static std::optional<acl::EffectiveAccess> fromJson(const QString& json);

    // Whether Edit / Delete may be offered for the stored document `doc`: the server's
    // canUpdate / canDelete with `access`; always true without one.
    static bool mayEdit(const std::optional<acl::EffectiveAccess>& access, const Document& doc);
    static bool mayDelete(const std::optional<acl::EffectiveAccess>& access, const Document& doc);
};

} // namespace sen::client
