#pragma once

// The "sen" FTS5 tokenizer and the folding it applies, shared by the index, its queries and
// the snippets built in C++ (FullTextIndex.cpp).
//
// Tokens are runs of letters and digits (Unicode categories L* and N*). A combining mark
// (M*) continues a token but never starts one. Folding, per character:
// - Latin (U+0000–U+024F, U+1E00–U+1EFF, which hold every Vietnamese letter): lowercase with
//   every canonical diacritic removed, so "Đảng", "ĐẢNG" and "dang" are all "dang"; đ/Đ,
//   a stroke rather than a mark, folds to d as well. Letters with no plain base (ß, æ, ø)
//   stay as they are, lowercased.
// - Combining diacritical marks (U+0300–U+036F and the other combining-diacritic blocks)
//   are dropped, so decomposed (NFD) text folds like composed text.
// - Everything else: lowercased (QChar::toLower) and kept, marks of other scripts included
//   (an Indic vowel sign is part of the word, not an accent).
// The folding is a pure function of the text, and the index is contentless (see
// FullTextIndex.h), so it is part of the file format: changing it needs a migration that
// rebuilds the index.

#include "common/core/Result.h"

#include <QString>

struct sqlite3;

namespace sen::fts {

// Registers the "sen" tokenizer and the "sen_rank" ranking function (used by
// FullTextIndex::search) on one connection. Call before creating or touching the index.
Status registerTokenizer(sqlite3* db);

// Called once per token, in order: the folded token (UTF-8, never empty) and the byte range
// [start, end) of the token in the original text. A non-zero return stops the walk and is
// returned by tokenizeUtf8. The same signature as FTS5's xToken without the flags.
using TokenSink = int (*)(void* context, const char* token, int size, int start, int end);

// Splits UTF-8 text into folded tokens as the index does. Malformed UTF-8 bytes separate
// tokens. Returns 0, SQLite's SQLITE_NOMEM (7) when out of memory, or what `sink` returned.
int tokenizeUtf8(const char* text, int size, void* context, TokenSink sink);

// The same folding applied to a whole string, separators kept (e.g. for highlighting in the
// GUI): "Số 12/QĐ-TU" -> "so 12/qd-tu".
QString foldForSearch(const QString& text);

} // namespace sen::fts
