#pragma once

// The secrecy rule (docs/access-control.md §The secrecy rule; Luật Bảo vệ bí mật nhà nước
// 2018, Art. 5): a document classified Mật, Tối mật or Tuyệt mật exists in Sen only as a
// register entry. Its content never travels over a network nor is stored in a replica; the
// paper (or the cơ yếu channel) carries it. Client and server both call checkSecrecy before
// storing or sending a version.
//
// Classification: the item named "DoMat" (name compared case-insensitively), which must be of
// type Text. Its value, after NFKD, removal of format characters (U+200B, U+200E, U+FEFF, ...)
// and of the Vietnamese marks (đ as d), case folding and collapsing of spaces, must be one of
// the known spellings: "mat", "toi mat", "tuyet mat" (classified: "Mật", "TỐI MẬT", "Toi mat",
// "tuyệt  mật" all count) or "", "thuong", "khong mat" (unclassified: what the forms write
// for an ordinary document). The rule fails closed: a DoMat of another type (a TextList, a
// Names item) or with another value ("Mật.", "mat 1") is refused, so no spelling the rule
// does not know can carry a classified body past it.
//
// The rule for a classified document — or a response whose parent (or any ancestor) is
// classified, which checkSecrecy is told as `inherited` — every live item must be a register
// field. Allowed are
//  - items of type Names, Readers and Authors (handlers, recipients, access lists) holding
//    only names: hierarchical names, groups, roles "[X]", wildcards "*/O" — at most
//    kMaxNamesInItem of them; body text in a names item is refused, and
//  - items of type Text, TextList, Number or DateTime whose name is one of
//    registerItemNames() (compared case-insensitively), each text no longer than the field's
//    length in ND 30/2020 Phụ lục VI (registerFieldLength(): trích yếu 500 characters).
// Everything else is refused: any RichText or Attachment item whatever its name, and any
// other named item (a "Body" or "NoiDung" in plain text included). Tombstones are allowed, so
// a reclassified document can drop its body. Refusal is PermissionDenied (a policy refusal
// of a well-formed document) and the message names the refused item.

#include "common/core/Result.h"
#include "common/model/Document.h"

#include <QStringList>

#include <optional>

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
// The classification a DoMat value spells, as described above; unknown spellings are
// Unclassified here (for display) and refused by checkSecrecy.
Secrecy secrecyFromText(const QString& text);
// The classification a DoMat value spells, or nothing for a spelling the rule does not know.
std::optional<Secrecy> knownSecrecy(const QString& text);
// The document's classification (Unclassified without a DoMat item).
Secrecy secrecyOf(const Document& doc);

// Names in one names item of a classified document.
constexpr int kMaxNamesInItem = 500;

// The longest text, in characters, a register field of a classified document may hold (all
// values of a list together), from ND 30/2020 Phụ lục VI; 0 for a name that is not a register
// field.
int registerFieldLength(const QString& itemName);

// The register fields a classified document may carry (number and symbol, arrival number,
// dates, issuer, type, trích yếu, signer, handler, urgency, secrecy, deadline, recipients,
// copies issued, status, notes on the paper copy's location, the edXML DocumentId).
const QStringList& registerItemNames();

// Whether a classified document may hold `item` (its type and name; the value is not looked
// at): a register field as described above. Forms use it to say which fields a classified
// document leaves empty before anything is saved.
bool isRegisterField(const Item& item);

// Ok for an unclassified document, a deletion stub, or a classified one with only register
// fields; else PermissionDenied naming the first refused item. `inherited` is the highest
// classification of the document's ancestors (a response under a Tối mật document is bound
// as if it were Tối mật itself); see parentSecrecy() in acl/ParentSecrecy.h.
Status checkSecrecy(const Document& doc, Secrecy inherited = Secrecy::Unclassified);

} // namespace sen::acl
