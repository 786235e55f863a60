#pragma once

// PDF attachments, as `sen` shows them and as the full-text index reads them (docs/search.md
// §Attachments, docs/client.md): which attachments of a document are PDF files, and the seam
// through which the client library reads a PDF's text layer without linking Qt PDF (Qt Gui
// underneath) itself.
//
// The reader is installed once at startup, before any thread uses it, by the programs that
// link client/pdf (`sen` and `senctl`: client/pdf/PdfTextReader.h); without one, attachment
// text is simply not indexed. Thread-safety: installPdfTextReader() before threads start;
// the installed function itself is called from the index worker threads and must be
// reentrant (Qt PDF serialises its own calls).

#include "common/model/AttachmentRef.h"
#include "common/model/Document.h"

#include <QString>

#include <functional>
#include <vector>

namespace sen::app {

// One PDF attachment of a document: its name as the attachment list shows it, and its file.
struct PdfAttachment
{
    QString name;
    AttachmentRef ref;
};

// Whether an attachment is a PDF file: its name ends in ".pdf" (any case). The bytes decide
// the rest: a file so named that is no PDF is shown and indexed as damaged.
bool isPdfName(const QString& name);
// The live PDF attachments of `doc` in item order (attachment items sorted by name);
// encrypted items are left out (their value is ciphertext, and their text must not reach the
// index). None for a deletion stub.
std::vector<PdfAttachment> pdfAttachments(const Document& doc);
// Whether `doc` has an attachment item at all, live or removed (a tombstone): what tells the
// indexer that a change may concern its attachments. Works on items read without values.
bool hasAttachmentItems(const Document& doc);

// The text layer of a PDF as a reader gives it.
struct PdfText
{
    bool readable = false; // false: not a PDF, or a damaged one
    QString text;          // the pages' text, at most maxChars characters
    int pages = 0;         // pages read (at most maxPages)
};
// Reads the text of at most `maxPages` pages and `maxChars` characters of the PDF `bytes`.
using PdfTextReader = std::function<PdfText(const QByteArray& bytes, int maxPages, int maxChars)>;

void installPdfTextReader(PdfTextReader reader);
// The installed reader, or an empty function.
const PdfTextReader& pdfTextReader();

} // namespace sen::app
