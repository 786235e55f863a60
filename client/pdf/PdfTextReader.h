#pragma once

// The text layer of a PDF, read with Qt PDF (docs/search.md §Attachments): the reader the
// client library's attachment indexer calls through app::PdfTextReader
// (client/app/PdfAttachments.h), kept in a library of its own because Qt PDF stands on Qt Gui
// and sen_client links Qt Core only.
//
// Works under a plain QCoreApplication (senctl's): QPdfDocument reads text without a
// platform plugin. Reentrant: each call has its own document, and Qt PDF serialises its
// calls into the PDF engine, so index workers may read while `sen` shows a PDF.

#include "client/app/PdfAttachments.h"

#include <QByteArray>

namespace sen::pdf {

// The text of pages 1..maxPages of `bytes` (a PDF), pages joined by newlines, cut at
// `maxChars` characters. Not a PDF, a damaged or encrypted one: readable = false, no text.
app::PdfText readPdfText(const QByteArray& bytes, int maxPages, int maxChars);

// Installs readPdfText as the client's reader (app::installPdfTextReader): `sen` and
// `senctl` call it once at startup.
void installPdfTextReader();

} // namespace sen::pdf
