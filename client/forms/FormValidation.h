#pragma once

// Checks a document against its form before it is saved, so the user sees what is wrong
// next to the field instead of a refusal from the store: required fields, and the secrecy
// rule (acl/SecrecyRule.h) — a document classified Mật, Tối mật or Tuyệt mật may hold only
// register fields, so its body, notes and attachments must stay empty. The store enforces
// the same rule on save; this only says it earlier and in the user's words.

#include "client/forms/FormDefinition.h"
#include "common/acl/SecrecyRule.h"
#include "common/model/DocumentEdit.h"

#include <vector>

namespace sen::forms {

// One problem, shown next to the field it names.
struct FieldProblem
{
    QString item;    // the field's item name, or attachmentsField() for the attachment list
    QString message; // translated, for people
};

// The pseudo item name problems with the attachment list are reported under.
QString attachmentsField();

// `base` with `edit` applied as the store would (sets replace, removes leave tombstones),
// without stamps: the version to validate. For a new document pass an empty Document.
Document applyEdit(const Document& base, const DocumentEdit& edit);

// Whether a classified document must leave `field` empty (it is not a register field).
bool blockedBySecrecy(const FieldDefinition& field);

// The problems of `doc` under `form`, in field order; empty when it may be saved.
std::vector<FieldProblem> validateDocument(const FormDefinition& form, const Document& doc);

// Why a classified document's content fields are closed, for a banner on the form
// (translated); empty for an unclassified one.
QString secrecyExplanation(acl::Secrecy secrecy);

} // namespace sen::forms
