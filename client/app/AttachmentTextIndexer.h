#pragma once

// Brings the attachment text of one replica's full-text index up to date (docs/search.md
// §Attachments): the text layer of each PDF attachment is read once per file (by its SHA-256,
// through the installed PdfTextReader, client/app/PdfAttachments.h), kept in the replica file
// as derived, local data (common/fts/AttachmentTextStore.h), and indexed with the rest of its
// document's text, so that a search finds a word of the scan as it finds one of the form.
//
// A pass follows the change feed from its own checkpoint: the documents changed since, that
// have or had an attachment, and those still waiting for the bytes of a PDF (a summary-only
// replica's stubs: such a file is skipped until its chunks arrive, then read by the next
// pass). Files are read outside any transaction; what was read is then written in one short
// transaction, so a pass never holds the file's write lock while reading PDFs and the sync's
// own transactions are not held up. A pass reads at most Limits::filesPerPass files and says
// whether more remain; each file is bounded (pages, characters, size).
//
// A damaged PDF is recorded as unreadable (not read again) and its document indexed without
// it; a file whose chunk is damaged is skipped. Without an installed reader a pass does
// nothing.
//
// Runs on the caller's thread with the caller's store: the desktop client's index worker
// (client/app/IndexUpdater.h), `senctl search` before it searches.

#include "client/app/PdfAttachments.h"
#include "common/core/Result.h"

namespace sen {
class ReplicaStore;
}

namespace sen::app {

// The bounds of the attachment indexer (docs/search.md §Attachments).
struct AttachmentTextLimits
{
    int maxPages = 50;                         // pages read per file
    int maxFileChars = 100'000;                // characters kept per file
    int maxDocumentChars = 300'000;            // characters indexed per document, all files
    qint64 maxFileBytes = 128ll * 1024 * 1024; // larger files are not read
    int filesPerPass = 16;                     // files read per pass
};

class AttachmentTextIndexer
{
public:
    using Limits = AttachmentTextLimits;
    struct Outcome
    {
        int documents = 0; // documents whose index entry was rewritten or checked
        int filesRead = 0; // files given to the reader
        bool more = false; // the pass stopped at filesPerPass: run another
    };

    // One pass with `reader` (the installed one by default).
    static Result<Outcome> runPass(ReplicaStore& store, const Limits& limits = {},
                                   const PdfTextReader& reader = pdfTextReader());
    // Passes until nothing remains (senctl).
    static Status runAll(ReplicaStore& store, const Limits& limits = {},
                         const PdfTextReader& reader = pdfTextReader());
};

} // namespace sen::app
