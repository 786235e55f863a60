#pragma once

// The full-text index of one replica (docs/file-format.md §fulltext): an FTS5 table in the
// replica file, kept in the same transaction as the save that changes a document, with
// Vietnamese folding so "dang uy" finds "Đảng ủy" and "Dang Uy" (see SenTokenizer.h).
//
// The table is contentless: it holds the index but not a second copy of the text, which the
// document's row already has. The index therefore works from the row's bytes: a document's
// indexed text is computed from the canonical CBOR of its items (encodeItems in
// model/DocumentCodec.h, the `documents.items` column):
// - Taking text out of the index means naming it: update() and remove() take `before`, the
//   stored items whose text the index holds, read in the same transaction. Any other bytes
//   leave stray entries behind, which no error reports.
// - Snippets are built here, in C++, from the stored items of the page's documents, which
//   the same transactions keep in step with the index.
// The text is that of the live items of text, text list, names and rich text types (rich
// text stripped of markup), encrypted items left out, joined by newlines (IndexedText.h). A
// deletion stub has none, and a document without text has no row.
//
// After its items' text, a document's row holds the text of its attachments (the text layer
// of PDF scans, docs/search.md §Attachments): derived, local data that another pass extracts
// (client/app/AttachmentTextIndexer.h) and hands over with setAttachmentText(). It is kept in
// fulltext_attachments, as indexed, so that every change of the row can take it out again:
// add(), update() and remove() read it, and a save leaves it as it is until the next pass.
//
// A deferred build (docs/search.md §"The first pull"): a whole first pull may store documents
// without indexing them (deferBuild()); buildSome() then indexes them in bulk, a bounded run
// of rows at a time, in row-id order. The index holds exactly the rows whose id is at or
// below the mark `fulltext_built_through` in the meta table (every row when it is absent):
// add(), update(), remove() and setAttachmentText() keep those as usual and leave the others
// to the build, which indexes each row as it is when it gets there (its attachment text
// included). The mark is read inside each transaction, so any connection may write or build.
// While a build is under way search() returns the hits of the rows indexed so far and
// buildProgress() says how far it is: the caller must say the results are incomplete.
//
// Owned by ReplicaStore; uses its connection and thread. Writes must run inside the caller's
// transaction; on failure that transaction must be rolled back (ReplicaStore's are).

#include "common/core/Ids.h"
#include "common/core/Result.h"
#include "common/crypto/Sha256.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace sen {
namespace sql {
class SqlDatabase;
}

struct SearchHit
{
    std::int64_t docId = 0; // the local row id of the document
    Unid unid;
    double rank = 0; // lower is better: minus the relevance score (see sen_rank in SenTokenizer.cpp);
                     // below -1e6 when query words stand together in the order typed
    QString snippet; // about 12 words around the best matches, wrapped in the markers below,
                     // with "…" where the text was cut
};

struct SearchOptions
{
    int limit = 50;
    int offset = 0;
    // Words every hit must also contain, each as a prefix, that neither rank nor highlight:
    // the words of a fielded search's filters (client/app/Search.h), which narrow the hits the
    // caller then checks field by field. With no query words, the hits of these alone come
    // newest first.
    QStringList filterWords;
    QString highlightOpen = QStringLiteral("[");
    QString highlightClose = QStringLiteral("]");
};

class FullTextIndex
{
public:
    explicit FullTextIndex(sql::SqlDatabase& db) : m_db(db) {}

    // The SQL that creates the index table and its settings (run by the schema migration,
    // after the tokenizer is registered on the connection).
    static const char* createTableSql();

    // `items`, `before` and `after` are encoded items (encodeItems); Corruption when they
    // are not canonical CBOR.
    // Indexes a document the index holds nothing for (one new to this replica).
    Status add(std::int64_t docId, QByteArrayView items);
    // Replaces the text of `before` (see above) with that of `after`; writes nothing when the
    // indexed text did not change.
    Status update(std::int64_t docId, QByteArrayView before, QByteArrayView after);
    // Removes the text of `before` (see above), and the document's attachment text.
    Status remove(std::int64_t docId, QByteArrayView before);

    // What a document's row holds besides its items' text.
    struct AttachmentText
    {
        QByteArray text; // UTF-8: the texts of `files`, in item order, joined by newlines
        std::vector<crypto::Sha256Digest> files; // the files (whole-file SHA-256) read for it
        int waiting = 0;                         // files of text whose bytes this replica lacks yet
    };
    // Makes the row of the document (whose stored items are `items`) hold `text` after its
    // items' text, and records it (fulltext_attachments, fulltext_attachment_files). Runs in
    // the caller's transaction.
    Status setAttachmentText(std::int64_t docId, QByteArrayView items, const AttachmentText& text);

    // ---- Deferred build (see above) ----------------------------------------------------------

    // Starts a deferred build: rows inserted from now on (ids above the highest now) are
    // indexed by buildSome(), not as they are written. Nothing changes when one is under way.
    // Runs in the caller's transaction.
    Status deferBuild();
    // Indexes up to `maxDocs` rows the index lacks; true once none is left (the build is
    // complete and the mark gone). Runs in the caller's transaction.
    Result<bool> buildSome(int maxDocs);
    struct BuildProgress
    {
        qint64 indexed = 0; // rows the index holds (stubs counted)
        qint64 total = 0;   // rows in the replica
        int percent() const { return total > 0 ? static_cast<int>(indexed * 100 / total) : 100; }
    };
    // nullopt: the index is complete (no build under way).
    Result<std::optional<BuildProgress>> buildProgress() const;

    // Runs a user query: diacritics and case are ignored, all words are required, and quotes
    // keep a phrase. The last word (or an unclosed final phrase's last word) matches as a
    // prefix, the others as whole words, as in a search box that searches while one types:
    // "quyet di" finds "quyết định" but "quy dinh" does not. Results are ranked best first:
    // documents where the words stand together in the order typed before those where they
    // are scattered ("dang uy" lists "Đảng ủy" before "Đang … Huyện ủy"), then by relevance;
    // ties newest first. A query with no words returns no hits; query syntax is never passed
    // to FTS5 raw, so no user input can make it fail with a syntax error.
    Result<std::vector<SearchHit>> search(const QString& query, const SearchOptions& options = {}) const;

private:
    // Whether the index holds (and so must follow) row `docId`: false for a row a deferred
    // build has not reached yet.
    Result<bool> covers(std::int64_t docId) const;
    // The mark (nullopt: no build under way), cached for the current transaction.
    Result<std::optional<std::int64_t>> builtThrough() const;
    Status setBuiltThrough(std::optional<std::int64_t> through);
    // The attachment text the document's row holds (nullopt: no fulltext_attachments row).
    Result<std::optional<QByteArray>> attachmentText(std::int64_t docId) const;
    Status forgetAttachments(std::int64_t docId);
    Status insertText(std::int64_t docId, const QByteArray& text);
    Status deleteText(std::int64_t docId, const QByteArray& text);
    sql::SqlDatabase& m_db;
    struct Mark
    {
        bool valid = false;
        std::uint64_t transaction = 0;
        std::optional<std::int64_t> through;
    };
    mutable Mark m_mark;
};

} // namespace sen
