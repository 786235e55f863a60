#pragma once

// The catalogue entries a new database starts with (docs/catalogues.md): for a documents
// database, the document types of ND 30 Phụ lục III and of the party's 66-QĐ/TW with their
// abbreviations (the state's and, where it differs, the party's), and the copy types of
// Phụ lục III; for a news database, the usual categories of an office's news site. Issuing
// bodies and units are the office's own and start empty. They are ordinary DanhMuc
// documents: a Designer or Manager edits, retires or adds to them afterwards.

#include "common/core/Result.h"
#include "common/model/ReplicaInfo.h"

namespace sen {
class ReplicaStore;
}

namespace sen::catalogues {

// Adds to `store` (in one transaction) each default entry of a database of `kind` whose
// catalogue does not yet hold its name (folded); returns how many it added. Running it again
// adds nothing.
Result<int> addDefaultEntries(ReplicaStore& store, DatabaseKind kind);

} // namespace sen::catalogues
