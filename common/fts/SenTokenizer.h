#pragma once

// The "sen" FTS5 tokenizer: SQLite's unicode61 tokenizer with remove_diacritics 2, plus the
// one Vietnamese letter it cannot fold, đ/Đ (U+0111/U+0110, a stroke rather than a combining
// mark). Every đ/Đ is replaced before unicode61 sees the text by ď/Ď (U+010F/U+010E), which
// unicode61 folds to "d" and which has the same UTF-8 length, so token offsets — and
// therefore snippets — still point into the original text.

#include "core/Result.h"

struct sqlite3;

namespace sen::fts {

// Registers the tokenizer on one connection. Call before creating or touching the index.
Status registerTokenizer(sqlite3* db);

// The same folding for use outside SQLite (e.g. highlighting in the GUI): lowercase, no
// diacritics, đ -> d.
QString foldForSearch(const QString& text);

} // namespace sen::fts
