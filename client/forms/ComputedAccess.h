#pragma once

// Who may edit a response is computed from what it says, never typed (issue #14;
// docs/access-control.md "Who may edit what"), GUI-free and applied by the application layer
// to every save — from `sen` and `senctl` alike:
// - a direction on the processing slip (PhieuXuLy) names as its editors whoever made it
//   (`NguoiTao`), the leader who gave it (`NguoiGiao`), its lead (`NguoiXuLy`) and its
//   co-ordinators (`NguoiPhoiHop`) — a direction itself is never rewritten once saved
//   (docs/workflow.md); the people it names contribute by reporting on it;
// - a comment (YKien) by whoever made it and its author (`NguoiGopY`).
// The names go into the Authors item `QuyenSua`, which the server's access check reads. The maker is
// recorded once, at creation, as the logged-in user. Values that are not names (free text
// typed into a names field) are left out: the server refuses an Authors item holding them.

#include "common/model/Document.h"
#include "common/model/DocumentEdit.h"

namespace sen::forms {

inline constexpr const char* kItemMaker = "NguoiTao";
inline constexpr const char* kItemEditors = "QuyenSua";

// Adds to `edit` (of a document whose stored version is `base`, empty for a new one) the
// maker, at creation, and the Authors item when the names it is computed from change.
// `userName`: the logged-in user's hierarchical name (empty: no maker recorded).
void completeEditors(const Document& base, DocumentEdit& edit, const QString& userName);

} // namespace sen::forms
