#pragma once

// Moving an attachment's bytes between a file and a replica's chunk store on a worker
// thread, so a large file does not freeze the window. ReplicaStore is one connection per
// thread, so the worker opens its own connection to the same replica file; the chunks it
// stores are committed before it reports, and the GUI thread's connection then sees them.
// The attachment item itself is written later, with the document, on the GUI thread.
//
// Each function runs the whole transfer on the calling thread (meant to be a worker) and
// reports progress through `progress` on that thread; returning false from it cancels.

#include "common/attachments/AttachmentStore.h"

namespace sen::gui {

// Imports the file at `filePath` as attachment `name` into the replica at `replicaPath`.
Result<AttachmentRef> importAttachment(const QString& replicaPath, const QString& filePath,
                                       const QString& name, const AttachmentStore::Progress& progress);
// Writes attachment `ref` to `targetPath`, replacing it only once the whole file is written
// and verified; `ownerOnly` (a copy opened from a temporary folder) makes it 0600 from the
// first byte (the folder itself is owner-only on every system).
Status exportAttachment(const QString& replicaPath, const AttachmentRef& ref, const QString& targetPath,
                        const AttachmentStore::Progress& progress, bool ownerOnly = false);

} // namespace sen::gui
