#pragma once

// How a registration is saved while its number belongs to the server (docs/registers.md
// §Numbering), GUI-free: what the application layer does to an edit of an incoming, outgoing
// or internal document before it saves it.
//
// - It names its register: the one the edit or the stored version names; else the default
//   register of its direction and secrecy (registers::defaultRegister). A registration still
//   awaiting its number whose secrecy no longer matches its register moves to the right one.
// - A number typed into the number item (SoDen / So) of a registration with a register is not
//   kept as its number: it becomes the request `SoDeNghi`, which the server grants only if the
//   number is free, and the document awaits its number ("chờ cấp số") like any other.
// - Once numbered, the number and the register never change, except by a Manager of the
//   database — whose new number is again a request the server must grant.
// A document of another form, or with no register to take, is left as it is.

#include "common/model/Document.h"
#include "common/model/DocumentEdit.h"
#include "common/registers/Registers.h"

#include <vector>

namespace sen::forms {

// Applies the rules above to `edit` of a document whose stored version is `base` (empty for a
// new one). PermissionDenied when a user who is not a Manager (`mayRenumber`) changes a number
// or a register once given.
Status prepareNumbering(const Document& base, DocumentEdit& edit,
                        const std::vector<registers::Register>& registers, bool mayRenumber);

// Whether a live document is a registration awaiting its number (a register, no number).
bool isAwaitingNumber(const Document& doc);

} // namespace sen::forms
