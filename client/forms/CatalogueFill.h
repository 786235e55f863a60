#pragma once

// What a document takes from its database's catalogues and register when it is saved
// (docs/catalogues.md "Filled on save"), GUI-free, applied by the application layer to every
// save — from `sen` and from `senctl` alike:
// - an issuing body chosen from the catalogue brings its mã định danh: OrganId is set from
//   the entry's code when the document's OrganId is empty;
// - an outgoing or internal registration whose ký hiệu is empty and whose register names the
//   office's abbreviation (`KyHieuCoQuan`) gets its ký hiệu composed from the type's
//   abbreviation — the register's series type (`KyHieuLoai`), else the document type's
//   abbreviation in the catalogue, the party's where the register writes the party's way —
//   and the office's: `NQ/HU` the party's way (giving `36-NQ/HU` once numbered), `QĐ-UBND`
//   the state's (`15/QĐ-UBND`); a type without an abbreviation (a state công văn) leaves the
//   office's abbreviation alone. A ký hiệu typed by the văn thư is never replaced.

#include "common/catalogues/Catalogues.h"
#include "common/model/Document.h"
#include "common/model/DocumentEdit.h"
#include "common/registers/Registers.h"

#include <vector>

namespace sen::forms {

// The ký hiệu of a document of type `typeAbbreviation` issued by `issuerCode`, written the
// party's way (`NQ/HU`) or the state's (`QĐ-UBND`); the issuer alone without a type.
QString composeSymbol(const QString& typeAbbreviation, const QString& issuerCode, bool partyStyle);

// Applies the rules above to `edit` of a document whose stored version is `base` (empty for a
// new one). `entries`: the database's catalogue entries; `registers`: its registers. Returns
// whether it set KyHieu (the caller composes SoKyHieu again).
bool fillFromCatalogues(const Document& base, DocumentEdit& edit,
                        const std::vector<catalogues::Entry>& entries,
                        const std::vector<registers::Register>& registers);

} // namespace sen::forms
