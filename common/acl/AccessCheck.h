#pragma once

// Document-level access decisions (docs/access-control.md §Documents), the same code on
// server and client. Each returns Ok or PermissionDenied with a message that says who was
// refused what and why.
//
// Readers and Authors items: every live item of type ItemType::Readers (resp. Authors)
// counts, whatever its name; their values are united. A document is restricted when the
// union of its Readers items is non-empty; then only users named (by name, group, role or a
// matching wildcard, see EffectiveAccess::isNamedIn) in a Readers *or* an Authors item may
// read it. No level bypasses this, Manager included (as in Notes). A deletion stub has no
// items and is never restricted.

#include "common/acl/EffectiveAccess.h"
#include "common/model/Document.h"

namespace sen::acl {

// Reader and above, and named in the document's Readers or Authors items when it has
// Readers items. Depositor and No Access never read.
Status canRead(const EffectiveAccess& access, const Document& doc);

// Depositor and above with the CreateDocuments right (always held by Depositor, Editor,
// Designer and Manager; optional for Author; never for Reader and No Access). The new
// document's own Readers items do not matter: a Depositor cannot read what it creates.
Status canCreate(const EffectiveAccess& access, const Document& doc);

// Changing the stored version `stored` into `updated`: the user must be able to read
// `stored`; Editor and above may then change it, an Author only when an Authors item of
// `stored` (not of `updated`) names them. Reader, Depositor and No Access never update.
// When `updated` is a deletion stub this is canDelete(stored).
Status canUpdate(const EffectiveAccess& access, const Document& stored, const Document& updated);

// The DeleteDocuments right (Author and above can hold it), the ability to read `stored`,
// and for an Author, an Authors item of `stored` naming them.
Status canDelete(const EffectiveAccess& access, const Document& stored);

// Database level: Reader and above with the Replicate right may pull a replica or copy.
Status canReplicate(const EffectiveAccess& access);

} // namespace sen::acl
