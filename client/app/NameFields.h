#pragma once

// Resolution of names fields on save (issue #14; docs/directory.md §Resolution): each value a
// user typed into a Names, Readers or Authors item is looked up in the database's address book
// (client/core/AddressBook.h). A unique short name ("An", "nguyen van an") becomes the
// hierarchical name; an ambiguous or unknown value is a problem, which the application layer
// refuses to save (DatabaseSession::save), naming the value and the candidates in a translated
// message. Never a guess.
//
// The computed items (QuyenSua, NguoiTao: client/forms/ComputedAccess.h) are left alone, as are
// values the stored version of the document already holds (a value kept from before the address
// book came does not block an unrelated edit). GUI-free.

#include "client/core/AddressBook.h"
#include "common/model/Document.h"
#include "common/model/DocumentEdit.h"

#include <vector>

namespace sen::app {

struct NameProblem
{
    QString item;                      // the item's name ("NguoiXuLy")
    QString value;                     // as typed
    client::NameResolution resolution; // Ambiguous (with its candidates) or Unknown
};

// Whether `edit` sets a names field resolveNameFields() would look at.
bool hasNameFields(const DocumentEdit& edit);

// Replaces in `edit` every value that resolves to a name by that name and returns the values
// that do not resolve (none: `edit` is ready to save). `base`: the stored version (empty for a
// new document).
std::vector<NameProblem> resolveNameFields(const client::AddressBook& book, const Document& base,
                                           DocumentEdit& edit);

// The refusal for a problem: InvalidArgument with a translated message naming the value, the
// item and, when ambiguous, the candidates.
Status nameProblemStatus(const NameProblem& problem);

} // namespace sen::app
