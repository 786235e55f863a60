#include "client/app/AttachmentTextIndexer.h"

#include "common/attachments/AttachmentStore.h"
#include "common/fts/AttachmentTextStore.h"
#include "common/store/ReplicaStore.h"

#include <QHash>

#include <optional>

namespace sen::app {

namespace {

using FileText = AttachmentTextStore::FileText;

// A document to look at: one changed since the checkpoint (its seq), or one waiting for the
// bytes of a file (seq 0).
struct Candidate
{
    std::int64_t seq = 0;
    Unid unid;
};

// What one pass found to write.
struct PassWork
{
    std::vector<std::pair<crypto::Sha256Digest, FileText>> newTexts;
    std::vector<std::pair<Unid, FullTextIndex::AttachmentText>> entries;
    QHash<QByteArray, FileText> known; // by file hash bytes: stored or read during the pass
};

// The documents of the pass, read in one snapshot, and the feed position it covers.
Status collect(const ReplicaStore& store, std::int64_t since, std::vector<Candidate>& candidates,
               std::int64_t& last)
{
    return store.readSnapshot([&]() -> Status {
        SEN_ASSIGN_OR_RETURN(last, store.lastSeq());
        SEN_ASSIGN_OR_RETURN(const std::vector<Unid> waiting, store.attachmentText().waitingDocuments());
        for (const Unid& unid : waiting)
            candidates.push_back({0, unid});
        // Items read without values: only their types are needed to pick the documents.
        return store.forEachChange(since, QStringList(), [&](const store::StoredDocument& stored) {
            if (hasAttachmentItems(stored.doc))
                candidates.push_back({stored.seq, stored.doc.unid});
            return true;
        });
    });
}

// The text of a file stored or read during this pass, or nullopt.
Result<std::optional<FileText>> knownText(const ReplicaStore& store, PassWork& work,
                                          const crypto::Sha256Digest& file)
{
    const QByteArray key = file.toBytes();
    if (const auto it = work.known.constFind(key); it != work.known.constEnd())
        return std::optional<FileText>(*it);
    SEN_ASSIGN_OR_RETURN(std::optional<FileText> stored, store.attachmentText().text(file));
    if (stored)
        work.known.insert(key, *stored);
    return stored;
}

// Whether this replica holds every chunk of `ref`.
Result<bool> holds(const ReplicaStore& store, const AttachmentRef& ref)
{
    SEN_ASSIGN_OR_RETURN(const auto missing, store.attachments().missingChunks(ref.chunks));
    return missing.empty();
}

} // namespace

Result<AttachmentTextIndexer::Outcome>
AttachmentTextIndexer::runPass(ReplicaStore& store, const Limits& limits, const PdfTextReader& reader)
{
    Outcome outcome;
    if (!reader)
        return outcome;
    AttachmentTextStore& texts = store.attachmentText();
    SEN_ASSIGN_OR_RETURN(const std::int64_t since, texts.checkpoint());
    std::vector<Candidate> candidates;
    std::int64_t last = since;
    SEN_TRY(collect(store, since, candidates, last));
    std::int64_t checkpoint = std::max(last, since);

    PassWork work;
    for (const Candidate& candidate : candidates) {
        // The document as it is now; a later change moves it past `last`, to the next pass.
        SEN_ASSIGN_OR_RETURN(const std::optional<Document> doc, store.find(candidate.unid));
        const std::vector<PdfAttachment> pdfs = doc ? pdfAttachments(*doc) : std::vector<PdfAttachment>();

        // Stop before a document whose files would pass the budget (never before the first).
        int toRead = 0;
        for (const PdfAttachment& pdf : pdfs) {
            SEN_ASSIGN_OR_RETURN(const auto known, knownText(store, work, pdf.ref.sha256));
            if (!known && pdf.ref.size <= static_cast<std::uint64_t>(limits.maxFileBytes)) {
                SEN_ASSIGN_OR_RETURN(const bool present, holds(store, pdf.ref));
                toRead += present ? 1 : 0;
            }
        }
        if (outcome.filesRead > 0 && outcome.filesRead + toRead > limits.filesPerPass) {
            outcome.more = true;
            // Every change before this one is examined (or needs nothing).
            checkpoint = candidate.seq > 0 ? candidate.seq - 1 : since;
            break;
        }

        FullTextIndex::AttachmentText entry;
        QString text;
        for (const PdfAttachment& pdf : pdfs) {
            SEN_ASSIGN_OR_RETURN(std::optional<FileText> known, knownText(store, work, pdf.ref.sha256));
            if (!known && pdf.ref.size > static_cast<std::uint64_t>(limits.maxFileBytes)) {
                known = FileText{AttachmentTextStore::State::TooLarge, QString(), 0};
            } else if (!known) {
                SEN_ASSIGN_OR_RETURN(const bool present, holds(store, pdf.ref));
                if (!present) {
                    ++entry.waiting; // a summary-only replica's stub: read when its bytes arrive
                    continue;
                }
                const Result<QByteArray> bytes = store.attachments().readAll(pdf.ref);
                if (!bytes) {
                    // Missing after all: wait; damaged chunk: index the document without it.
                    if (bytes.status().code() == ErrorCode::NotFound)
                        ++entry.waiting;
                    continue;
                }
                const PdfText read = reader(*bytes, limits.maxPages, limits.maxFileChars);
                ++outcome.filesRead;
                known = FileText{read.readable ? AttachmentTextStore::State::Read
                                               : AttachmentTextStore::State::Unreadable,
                                 read.text.left(limits.maxFileChars), read.pages};
            }
            const QByteArray key = pdf.ref.sha256.toBytes();
            if (!work.known.contains(key)) {
                work.known.insert(key, *known);
                work.newTexts.emplace_back(pdf.ref.sha256, *known);
            }
            entry.files.push_back(pdf.ref.sha256);
            const qsizetype room = limits.maxDocumentChars - text.size();
            if (known->state == AttachmentTextStore::State::Read && !known->text.isEmpty() && room > 1) {
                if (!text.isEmpty())
                    text += u'\n';
                text += known->text.left(room - 1);
            }
        }
        entry.text = text.toUtf8();
        work.entries.emplace_back(candidate.unid, std::move(entry));
        ++outcome.documents;
    }

    if (work.entries.empty() && checkpoint == since)
        return outcome;
    SEN_TRY(store.batch([&]() -> Status {
        for (const auto& [file, fileText] : work.newTexts)
            SEN_TRY(texts.putText(file, fileText));
        for (const auto& [unid, entry] : work.entries)
            SEN_TRY(store.indexAttachmentText(unid, entry));
        if (!work.entries.empty())
            SEN_TRY(texts.prune());
        return texts.setCheckpoint(checkpoint);
    }));
    return outcome;
}

Status AttachmentTextIndexer::runAll(ReplicaStore& store, const Limits& limits, const PdfTextReader& reader)
{
    for (;;) {
        SEN_ASSIGN_OR_RETURN(const Outcome outcome, runPass(store, limits, reader));
        if (!outcome.more)
            return Status::ok();
    }
}

} // namespace sen::app
