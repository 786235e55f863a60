#pragma once

// A processing step (common/workflow/Steps.h) is signed by whoever saves it, never typed
// (docs/workflow.md): when a step is created through the application layer — from `sen`'s
// dialogs, its generic forms, or `senctl` — its author item is set to the logged-in user and
// its time to now. GUI-free.

#include "common/model/DocumentEdit.h"

#include <QDateTime>

namespace sen::forms {

// Adds the author and the time to `edit` when it creates a document of a step form; other
// edits are left alone. `userName` empty: nothing is added (the server then refuses the step).
void completeStep(DocumentEdit& edit, const QString& userName, const QDateTime& now);

} // namespace sen::forms
