#pragma once

// What the server decides for each document version a peer pushes (issue #4): which
// operation the version amounts to against what is stored, and whether the pusher's access
// allows it. The secrecy rule applies to every live incoming version, whoever sends it.
//
// | stored        | incoming | action | check                                          |
// |---------------|----------|--------|------------------------------------------------|
// | none          | live     | Create | canCreate(incoming), checkSecrecy(incoming)     |
// | none          | stub     | Delete | DeleteDocuments right (nothing stored to guard) |
// | live          | live     | Update | canUpdate(stored, incoming), checkSecrecy       |
// | live          | stub     | Delete | canDelete(stored)                               |
// | stub          | live     | Create | canCreate(incoming), checkSecrecy (a revival)   |
// | stub          | stub     | Delete | Author or above: it deletes nothing (below)      |
//
// A stub over the stub held only brings the peer's own edits of a document deleted here: the
// numbering a deletion won over (docs/merge.md rule 5), which an Editor without the right to
// delete may have written and merged with the deletion it then received.

#include "common/acl/EffectiveAccess.h"
#include "common/acl/SecrecyRule.h"
#include "common/model/Document.h"

#include <optional>

namespace sen::acl {

// Not persisted.
enum class PushAction : int
{
    Create,
    Update,
    Delete,
};
QString pushActionName(PushAction action); // "create", "update", "delete"

struct PushDecision
{
    PushAction action = PushAction::Create;
    Status status; // Ok, or PermissionDenied saying why

    bool allowed() const { return status.isOk(); }
};

// `inherited`: the classification of the incoming version's ancestors (acl/ParentSecrecy.h),
// which the secrecy rule applies to a response as to its classified parent.
PushDecision decidePush(const EffectiveAccess& access, const std::optional<Document>& stored,
                        const Document& incoming, Secrecy inherited = Secrecy::Unclassified);

} // namespace sen::acl
