#pragma once

// What a server holds a pushed reply to an invitation (TraLoiMoi) to (docs/schedule.md
// "Invitations", "Who writes what"; issue #15). checkPushedSchedule runs it, so the server
// and the client's save apply it alike.
//
// - A reply is well formed (replyFromDocument: a known answer word, a delegate exactly when
//   delegating, one name each, a bounded note) and every item of it is bounded.
// - Its author item names the pushing user; its time is at most 10 minutes ahead of the
//   checker's clock and not before 2000.
// - It is a response of a live schedule entry that invites the pushing user: a line of the
//   entry's ChuTri or ThanhPhan names them, one of their groups or roles, or a wildcard (a
//   unit) they fall under; a reply for an invited unit (DaiDien) names a line of the entry the
//   pushing user falls under.
// - A reply to a postponed or cancelled entry is accepted (written offline before the
//   cancellation came, or for an entry a later change reinstates); the application offers no
//   reply to it.
// - Once stored, a reply is never rewritten (a new answer is a new reply) and only a Manager
//   deletes one.

#include "common/core/Result.h"
#include "common/schedule/ScheduleCheck.h"

namespace sen::schedule {

// Whether `incoming` or `stored` is a reply: then checkPushedReply judges it.
bool isReplyVersion(const std::optional<Document>& stored, const Document& incoming);
Status checkPushedReply(const std::optional<Document>& stored, const Document& incoming,
                        const ScheduleContext& context);

} // namespace sen::schedule
