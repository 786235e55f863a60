// The chunk index of a replica (store/ChunkRefs.h, schema version 3): which live documents
// name each attachment chunk, kept with every write of a document row and built for the
// documents of a version 1 file when it is opened.

#include "common/attachments/AttachmentStore.h"
#include "common/sql/SqlDatabase.h"
#include "common/store/ReplicaStore.h"
#include "common/store/Schema.h"
#include "tests/support/TempDir.h"

#include <QRandomGenerator>

#include <catch2/catch.hpp>
#include <set>

using namespace sen;

namespace {

void requireOk(const Status& status)
{
    INFO(status.toString().toStdString());
    REQUIRE(status.isOk());
}

QByteArray randomBytes(int size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32*>(bytes.data()), size / 4);
    return bytes;
}

AttachmentRef importFile(ReplicaStore& store, int size, const QString& name)
{
    auto ref = store.attachments().importBytes(randomBytes(size), name);
    requireOk(ref.status());
    return std::move(ref).value();
}

Item attachmentItem(const AttachmentRef& ref)
{
    return Item::withValue(QStringLiteral("$File:") + ref.fileName, ItemType::Attachment, ref.toCbor(), 0);
}

Unid saveWith(ReplicaStore& store, const std::vector<AttachmentRef>& files)
{
    DocumentEdit edit = DocumentEdit::create(QStringLiteral("VanBanDen"));
    edit.set(Item::text(QStringLiteral("TrichYeu"), QStringLiteral("V/v báo cáo")));
    for (const AttachmentRef& ref : files)
        edit.set(attachmentItem(ref));
    auto saved = store.save(edit);
    requireOk(saved.status());
    return saved->unid;
}

// The UNIDs of the documents the index says name `hash`.
std::set<Unid> referencing(const ReplicaStore& store, const crypto::Sha256Digest& hash)
{
    std::set<Unid> unids;
    requireOk(store.replication().forEachDocumentReferencing(hash, [&](const Document& doc) {
        unids.insert(doc.unid);
        return true;
    }));
    return unids;
}

// Every chunk of `ref` is named by exactly `unids`.
void requireReferencedBy(const ReplicaStore& store, const AttachmentRef& ref, const std::set<Unid>& unids)
{
    for (const ChunkRef& c : ref.chunks)
        REQUIRE(referencing(store, c.hash) == unids);
}

} // namespace

TEST_CASE("A version 1 replica opens, migrates to the current version and its chunk index is complete",
          "[store][chunks]")
{
    // A file of the previous schema (no chunk_refs) holding documents with attachments, one
    // file shared by two documents, a deleted one and one without: opening it builds the index.
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("cu.sen"));
    AttachmentRef big, shared, gone;
    Unid a, b, c;
    {
        auto store = ReplicaStore::create(path, {});
        requireOk(store.status());
        ReplicaStore& s = **store;
        big = importFile(s, 600 * 1024, QStringLiteral("lon.pdf"));
        shared = importFile(s, 20 * 1024, QStringLiteral("chung.pdf"));
        gone = importFile(s, 20 * 1024, QStringLiteral("da-xoa.pdf"));
        REQUIRE(big.chunks.size() > 1);
        a = saveWith(s, {big, shared});
        b = saveWith(s, {shared});
        c = saveWith(s, {gone});
        saveWith(s, {});
        requireOk(s.remove(c).status());
    }
    {
        // What version 1 was: this schema without the stub readers (version 2), the index
        // (version 3), the register numbers (version 4), documents by form (version 5), the
        // attachment text (version 6) and the workflow index (version 7).
        auto db = sql::SqlDatabase::open(path, {});
        requireOk(db.status());
        requireOk((*db)->exec(
            "DROP TRIGGER chunk_refs_follow_documents; DROP TABLE chunk_refs; DROP TABLE stub_readers; "
            "DROP TABLE register_numbers; DROP INDEX documents_by_form; "
            "DROP TRIGGER fulltext_attachments_follow_documents; DROP TABLE fulltext_attachment_files; "
            "DROP TABLE fulltext_attachments; DROP TABLE attachment_text; DROP TABLE workflow_names; "
            "DROP TABLE workflow_index; PRAGMA user_version = 1"));
    }
    auto store = ReplicaStore::open(path);
    requireOk(store.status());
    auto db = sql::SqlDatabase::open(path, {});
    requireOk(db.status());
    REQUIRE((*db)->queryInt("PRAGMA user_version").value() == schema::kVersion);
    requireReferencedBy(**store, big, {a});
    requireReferencedBy(**store, shared, {a, b});
    requireReferencedBy(**store, gone, {});
    const auto rows = (*db)->queryInt("SELECT count(*) FROM chunk_refs");
    // One row per (chunk, document): a's chunks of both files, b's of the shared one (a file of
    // random bytes may be cut into more than one chunk).
    std::set<std::pair<crypto::Sha256Digest, Unid>> expected;
    for (const ChunkRef& chunk : big.chunks)
        expected.insert({chunk.hash, a});
    for (const ChunkRef& chunk : shared.chunks) {
        expected.insert({chunk.hash, a});
        expected.insert({chunk.hash, b});
    }
    REQUIRE(rows.value() == static_cast<std::int64_t>(expected.size()));
    requireOk((*store)->integrityCheck());

    // And it is kept from then on.
    const Unid d = saveWith(**store, {gone});
    requireReferencedBy(**store, gone, {d});
}

TEST_CASE("The chunk index follows every write of a document", "[store][chunks]")
{
    // A local save, an edit that drops the attachment, a replicated version (as a whole pull
    // inserts it and as a merge stores it), a deletion and a purge each leave the index naming
    // exactly the live documents that reference each chunk.
    test::TempDir dir;
    auto store = ReplicaStore::create(dir.path(QStringLiteral("moi.sen")), {});
    requireOk(store.status());
    ReplicaStore& s = **store;
    const AttachmentRef file = importFile(s, 20 * 1024, QStringLiteral("to-trinh.pdf"));

    const Unid saved = saveWith(s, {file});
    requireReferencedBy(s, file, {saved});
    requireOk(s.save(DocumentEdit::update(saved).remove(QStringLiteral("$File:to-trinh.pdf"))).status());
    requireReferencedBy(s, file, {});
    requireOk(s.save(DocumentEdit::update(saved).set(attachmentItem(file))).status());
    requireReferencedBy(s, file, {saved});

    // Versions from a peer.
    const InstanceId peer = newInstanceId();
    Document inserted;
    inserted.unid = newUnid();
    inserted.form = QStringLiteral("VanBanDen");
    inserted.versions.set(peer, 1);
    Item item = attachmentItem(file);
    item.stamp = Stamp{Dot{peer, 1}, makeHlc(QDateTime::currentMSecsSinceEpoch(), 0)};
    inserted.items.push_back(item);
    REQUIRE(s.replication().insertReplicated(inserted).value());
    Document merged = inserted;
    merged.unid = newUnid();
    requireOk(s.replication().putReplicated(merged));
    requireReferencedBy(s, file, {saved, inserted.unid, merged.unid});

    requireOk(s.remove(saved).status());
    requireReferencedBy(s, file, {inserted.unid, merged.unid});
    requireOk(s.replication().purge(inserted.unid));
    requireReferencedBy(s, file, {merged.unid});
    Document stub = merged;
    stub.flags |= Deleted;
    stub.versions.set(peer, 2);
    for (Item& i : stub.items) {
        i.value = QCborValue();
        i.stamp = Stamp{Dot{peer, 2}, makeHlc(QDateTime::currentMSecsSinceEpoch(), 1)};
    }
    requireOk(s.replication().putReplicated(stub));
    requireReferencedBy(s, file, {});
    requireOk(s.integrityCheck());
}
