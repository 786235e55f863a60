#pragma once

// The text of attachment files as the full-text index uses it (docs/search.md §Attachments;
// docs/file-format.md §attachment_text): derived, local data of one replica file, never
// replicated and never part of a document.
//
// - attachment_text: the text read from one file, named by the file's SHA-256 (the
//   attachment's `sha256`), so a file is read once however many documents attach it. Rows
//   are written once and never change; prune() drops those no document's index entry uses.
// - fulltext_attachments / fulltext_attachment_files: what each document's full-text row holds
//   besides its items' text, written by FullTextIndex::setAttachmentText().
// - a checkpoint: the change-feed position up to which documents were examined (meta key
//   `fulltext.attachments_seq`).
//
// The reading itself (which files, how) is the client's: client/app/AttachmentTextIndexer.h.
// Owned by ReplicaStore (ReplicaStore::attachmentText()); uses its connection and thread.
// Writes run in the caller's transaction when one is open.

#include "common/core/Ids.h"
#include "common/core/Result.h"
#include "common/crypto/Sha256.h"

#include <QString>

#include <optional>
#include <vector>

namespace sen {
namespace sql {
class SqlDatabase;
}

class AttachmentTextStore
{
public:
    explicit AttachmentTextStore(sql::SqlDatabase& db) : m_db(db) {}

    // The DDL of the three tables and their trigger, run by the schema (version 5).
    static const char* createTableSql();

    // How a file's text was read. Persisted (attachment_text.state): the numbers never change.
    enum class State : int
    {
        Read = 1,       // its text layer (empty: a scan without one)
        Unreadable = 2, // not a PDF, or a damaged one: no text
        TooLarge = 3,   // larger than the reader takes: not read
    };
    struct FileText
    {
        State state = State::Read;
        QString text;
        int pages = 0; // pages read
    };

    // The text stored for the file with this SHA-256, or nullopt.
    Result<std::optional<FileText>> text(const crypto::Sha256Digest& file) const;
    // Stores a file's text; a file already stored keeps its first text.
    Status putText(const crypto::Sha256Digest& file, const FileText& text);
    // Drops the texts of files no document's index entry holds any more.
    Status prune();

    // Documents whose index entry lacks the text of some file whose bytes had not arrived
    // (summary-only replicas), in row order.
    Result<std::vector<Unid>> waitingDocuments() const;

    // The change-feed position up to which documents were examined (0: none yet).
    Result<std::int64_t> checkpoint() const;
    Status setCheckpoint(std::int64_t seq);

    // How many files have a stored text, and how many documents' index entries hold some.
    struct Counts
    {
        std::int64_t files = 0;
        std::int64_t documents = 0;
    };
    Result<Counts> counts() const;

private:
    sql::SqlDatabase& m_db;
};

} // namespace sen
