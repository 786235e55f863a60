#pragma once

// Documents as JSON, for senctl's --json output, `dump` and `doc import`.

#include "common/core/Result.h"
#include "common/model/Document.h"
#include "common/model/DocumentEdit.h"

#include <QJsonObject>

namespace sen::client {

// Attachment items are named "$File:<file name>" (one per file name in a document).
QString attachmentItemName(const QString& fileName);
bool isAttachmentItem(const Item& item);

// {"unid", "form", "parent", "conflict", "deleted", "items": {name: {"type", "value"}},
//  "attachments": [{"name", "size", "sha256"}]} — for `doc get --json` and `doc list --json`.
QJsonObject documentToJson(const Document& doc);

// One line of `dump`: the document's replicated content and nothing local to a replica,
// keys sorted, so replicas holding the same data print identical bytes. A live document is
// {"conflict", "form", "items": [{"name", "type", "value"}...], "parent", "unid"}, a stub
// {"deleted": true, "unid"} — with "form" and "items" when it keeps a registration's number
// live (docs/merge.md rule 5).
QByteArray dumpLine(const Document& doc);

// One line of `doc import`: {"form": ..., "items": {...}} (optionally "parent": UNID).
Result<DocumentEdit> editFromImportLine(const QByteArray& line);

// The text that best names a document in a list: the first non-empty of the usual subject
// items (trích yếu, tiêu đề, nội dung), else the first text item.
QString documentSummary(const Document& doc);

} // namespace sen::client
