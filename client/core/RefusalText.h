#pragma once

// Why the server refused a change, in words a cadre reads: the server's English reason
// (common/acl's AccessCheck, PushDecision and SecrecyRule messages) mapped to one plain
// sentence through Qt's translation system (context "sen::client::RefusalText"; Vietnamese in
// client/translations/sen_vi.ts). GUI-free: the desktop client and senctl both use it.
// Without a translator installed (senctl) the sentence is the English source text.

#include "common/core/Result.h"

#include <QString>

namespace sen::client {

// One sentence for a refusal with `code` and the server's `message`. An unknown message gets a
// general sentence; the server's words stay available to show as details.
QString refusalReasonText(ErrorCode code, const QString& serverMessage);

} // namespace sen::client
