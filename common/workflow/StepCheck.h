#pragma once

// What a server holds a pushed processing step to (docs/workflow.md "Who writes what";
// issue #14). The client runs the same check before it saves, so `sen` and `senctl` refuse at
// once what the server would refuse at the next sync.
//
// - A step is well formed (stepFromDocument) and its author item names the pushing user:
//   nobody writes a step in another's name.
// - Its time is no later than the server's clock allows (kMaxClockSkewMs ahead), and not
//   before the year 2000: a step cannot be dated to jump the queue of the timeline.
// - A presentation is written by a holder of [VanThu], a level-1 direction by a holder of
//   [LanhDao], a level-2 direction by a holder of [TruongPhong] (roles of the database's ACL),
//   each as a response of a live incoming document; a level-2 direction's GiaoTu names a live
//   direction of the same document.
// - A report is a response of a live direction, written as lead by someone its NguoiXuLy
//   names (the person, one of their groups or roles), as co-ordinator by someone its
//   NguoiPhoiHop names.
// - Once stored, a step is never rewritten: an update that changes any item is refused (a
//   change is a new step), and only a Manager deletes one.
// Documents of other forms pass untouched.

#include "common/acl/EffectiveAccess.h"
#include "common/core/Result.h"
#include "common/model/Document.h"

#include <QDateTime>

#include <functional>
#include <optional>

namespace sen::workflow {

inline constexpr qint64 kMaxClockSkewMs = 10 * 60 * 1000;

struct StepContext
{
    const acl::EffectiveAccess& access;
    // The stored document `unid` (a stub included), nullopt when absent.
    std::function<Result<std::optional<Document>>(const Unid&)> find;
    QDateTime now; // the checker's clock, UTC
};

Status checkPushedStep(const std::optional<Document>& stored, const Document& incoming,
                       const StepContext& context);

// Whether `access` holds `role` ("[VanThu]"), compared as ACL roles are (case-insensitively).
bool holdsRole(const acl::EffectiveAccess& access, const QString& role);

} // namespace sen::workflow
