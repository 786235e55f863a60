#pragma once

// The secrecy rule (DESIGN §7; Luật Bảo vệ bí mật nhà nước 2018, Art. 5): a document
// classified Mật, Tối mật or Tuyệt mật exists in Sen only as a register entry. Its content
// never travels over a network nor is stored in a replica; the paper (or the cơ yếu channel)
// carries it. Client and server both call checkSecrecy before storing or sending a version.
//
// Classification: the item named "DoMat" (name compared case-insensitively), of type Text or
// TextList. Its value, after NFC, case folding, removal of the Vietnamese marks (đ as d) and
// collapsing of spaces, is compared with "mat", "toi mat" and "tuyet mat"; so "Mật",
// "TỐI MẬT", "Toi mat" and "tuyệt  mật" all count. Any other value ("Thường", "Không mật",
// empty) is unclassified. With several values the highest counts.
//
// The rule for a classified document: every live item must be a register field. Allowed are
//  - items of type Names, Readers and Authors (handlers, recipients, access lists), and
//  - items of type Text, TextList, Number or DateTime whose name is one of
//    registerItemNames() (compared case-insensitively).
// Everything else is refused: any RichText or Attachment item whatever its name, and any
// other named item (a "Body" or "NoiDung" in plain text included). Tombstones are allowed, so
// a reclassified document can drop its body. Refusal is PermissionDenied (a policy refusal
// of a well-formed document) and the message names the refused item.

#include "core/Result.h"
#include "model/Document.h"

#include <QStringList>

namespace sen::acl {

// Not persisted: the document holds the text, not this number.
enum class Secrecy : int
{
    Unclassified = 0,
    Mat = 1,      // Mật (confidential)
    ToiMat = 2,   // Tối mật (secret)
    TuyetMat = 3, // Tuyệt mật (top secret)
};

// The item that carries the classification.
QString secrecyItemName(); // "DoMat"
// "Mật", "Tối mật", "Tuyệt mật", or "" for Unclassified.
QString secrecyDisplayName(Secrecy secrecy);
// The classification a DoMat value spells, as described above.
Secrecy secrecyFromText(const QString& text);
// The document's classification (Unclassified without a DoMat item).
Secrecy secrecyOf(const Document& doc);

// The register fields a classified document may carry (number and symbol, arrival number,
// dates, issuer, type, trích yếu, signer, handler, urgency, secrecy, deadline, recipients,
// copies issued, status, notes on the paper copy's location).
const QStringList& registerItemNames();

// Whether a classified document may hold `item` (its type and name; the value is not looked
// at): a register field as described above. Forms use it to say which fields a classified
// document leaves empty before anything is saved.
bool isRegisterField(const Item& item);

// Ok for an unclassified document, a deletion stub, or a classified one with only register
// fields; else PermissionDenied naming the first refused item.
Status checkSecrecy(const Document& doc);

} // namespace sen::acl
