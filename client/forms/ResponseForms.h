#pragma once

// Which response forms may answer a document of which form, so that `sen` never offers a
// response that would be refused where it is written (docs/workflow.md "Who writes what"):
// - the processing steps answer what the server's rule says they answer: a presentation
//   (TrinhVanBan) and a direction (PhieuXuLy) an incoming document (VanBanDen), a report
//   (BaoCaoXuLy) a direction;
// - any other response form (a comment, YKien) answers a main (non-response) document of its
//   database's kind.
// GUI-free: the document page's "New response" menu and its create() follow it.

#include "client/forms/FormDefinition.h"

#include <vector>

namespace sen::forms {

// Whether a new document of `response` may answer a document of `parent`.
bool mayRespond(const FormDefinition& response, const FormDefinition& parent);

// The response forms that may answer a document of `parent`, in the catalog's order (empty
// when none may).
std::vector<const FormDefinition*> responseFormsUnder(const FormDefinition& parent);

} // namespace sen::forms
