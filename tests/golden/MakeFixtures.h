#pragma once

// sen_make_fixtures, the program that wrote tests/data once (tests/data/README.md). Each
// function writes one family of fixtures under `out`; writeNewFile refuses to overwrite, so a
// committed fixture is never silently replaced: a format change gets a new file beside it.

#include "common/core/Result.h"

#include <QByteArray>
#include <QString>

namespace sen::golden {

// Writes `bytes` to out/relative, creating its folder; Conflict when the file exists.
Status writeNewFile(const QString& out, const QString& relative, const QByteArray& bytes);

// document/*.cbor and frames/*.
Status makeDocumentsAndFrames(const QString& out);
// replica/schema-{1,2,3,4}.sen and bundle/signed.bundle (signed with the committed identity/user.id).
Status makeReplicas(const QString& out);
// identity/* and audit/*, but for identity/user-interactive.id.
Status makeIdentityAndAudit(const QString& out);
// identity/user-interactive.id: the committed identity/user.id sealed at the Interactive cost.
Status makeInteractiveIdFile(const QString& out);

} // namespace sen::golden
