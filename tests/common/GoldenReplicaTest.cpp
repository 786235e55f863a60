// Replica files of every schema version, pinned by tests/data/replica (docs/file-format.md):
// each opens with the current code, migrates to the current version, passes SQLite's
// integrity check and shows the documents, attachments and local state it was written with.
// The fixtures are copied to a temporary folder first: opening migrates, which writes.

#include "common/acl/Acl.h"
#include "common/attachments/AttachmentStore.h"
#include "common/fts/AttachmentTextStore.h"
#include "common/fts/SenTokenizer.h"
#include "common/model/DocumentCodec.h"
#include "common/sql/SqlDatabase.h"
#include "common/store/ReplicaStore.h"
#include "common/store/ReplicaSync.h"
#include "common/store/Schema.h"
#include "common/store/StubReaders.h"
#include "common/workflow/WorkflowIndex.h"
#include "tests/golden/GoldenData.h"
#include "tests/golden/GoldenInputs.h"
#include "tests/support/TempDir.h"

#include <catch2/catch.hpp>
#include <set>

using namespace sen;

namespace {

void requireOk(const Status& status)
{
    INFO(status.toString().toStdString());
    REQUIRE(status.isOk());
}

QString fixtureName(int version)
{
    return QStringLiteral("replica/schema-%1.sen").arg(version);
}

// A big-endian 32-bit field of the SQLite header.
std::uint32_t headerField(const QByteArray& file, int offset)
{
    const auto* p = reinterpret_cast<const unsigned char*>(file.constData() + offset);
    return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3];
}

std::set<Unid> unidsOf(const std::vector<SearchHit>& hits)
{
    std::set<Unid> unids;
    for (const SearchHit& hit : hits)
        unids.insert(hit.unid);
    return unids;
}

// Everything the generator wrote, as the current code reads it after the migration.
void checkContents(ReplicaStore& store, int fixtureVersion)
{
    // The raw file, through a connection of the test's own (the store keeps its own private).
    auto raw = sql::SqlDatabase::open(store.path(), {});
    REQUIRE(raw);
    requireOk(fts::registerTokenizer((*raw)->handle())); // the full-text table's own tokenizer
    CHECK((*raw)->queryInt("PRAGMA user_version").value() == schema::kVersion);
    requireOk(store.integrityCheck());
    requireOk((*raw)->exec("INSERT INTO fulltext(fulltext, rank) VALUES ('integrity-check', 1)"));
    // The attachment text (version 6): derived locally, so empty in every fixture, and the
    // indexer starts from the beginning of the feed.
    CHECK((*raw)->queryInt("SELECT count(*) FROM attachment_text").value() == 0);
    CHECK((*raw)->queryInt("SELECT count(*) FROM fulltext_attachments").value() == 0);
    CHECK(store.attachmentText().checkpoint().value() == 0);
    // The workflow index (version 7): derived locally, empty and without a checkpoint in every
    // fixture, so its first use builds it.
    CHECK((*raw)->queryInt("SELECT count(*) FROM workflow_index").value() == 0);
    CHECK((*raw)->queryInt("SELECT count(*) FROM workflow_names").value() == 0);
    CHECK_FALSE(store.workflowIndex().checkpoint().value().has_value());

    const ReplicaInfo& info = store.info();
    CHECK(info.replicaId == golden::replicaId());
    CHECK(info.instanceId == golden::fileInstance());
    CHECK(info.title == golden::replicaTitle());
    CHECK(info.kind == DatabaseKind::Documents);
    CHECK(info.createdMs == golden::kBaseMs + 10 * 60 * 1000);

    // The documents, byte for byte those of tests/data/document.
    CHECK(store.documentCount().value() == 3);
    CHECK(store.documentCount(true).value() == 4);
    std::set<Unid> seen;
    requireOk(store.forEachDocument(
        [&](const Document& doc) {
            seen.insert(doc.unid);
            return true;
        },
        true));
    const Document every = golden::everyItemTypeDocument();
    const Document conflict = golden::conflictResponseDocument();
    const Document stub = golden::deletionStub();
    CHECK(seen == std::set<Unid>{every.unid, conflict.unid, stub.unid, golden::localDocumentUnid()});
    CHECK(encodeDocument(store.get(every.unid).value()) ==
          golden::readFixture(QStringLiteral("document/every-item-type.cbor")));
    CHECK(encodeDocument(store.get(conflict.unid).value()) ==
          golden::readFixture(QStringLiteral("document/conflict-response.cbor")));
    CHECK(encodeDocument(store.get(stub.unid).value()) ==
          golden::readFixture(QStringLiteral("document/deletion-stub.cbor")));

    // The one saved locally, at the file's own instance, a second after the pulls.
    const Document local = store.get(golden::localDocumentUnid()).value();
    CHECK(local.form == QStringLiteral("GiaoViec"));
    CHECK(local.text(QStringLiteral("TrichYeu")) == golden::localDocumentSubject());
    CHECK(local.item(QStringLiteral("NguoiNhan"))->toList() == QStringList{golden::userName()});
    CHECK(local.versions.entries().size() == 1);
    CHECK(local.versions.get(golden::fileInstance()) == 1);
    CHECK(hlcPhysicalMs(local.modifiedTime()) == golden::kBaseMs + 10 * 60 * 1000 + 1000);
    CHECK(store.localCounter().value() == 1);
    CHECK(store.lastSeq().value() == 5);

    // Version 4: the number the file gave; an older file's table comes empty from the migration.
    const auto bound = store.replication().numbers().all().value();
    if (fixtureVersion >= 4) {
        REQUIRE(bound.size() == 1);
        CHECK(bound[0].number == 1250);
        CHECK(bound[0].period == 2026);
        CHECK(bound[0].unid == golden::localDocumentUnid());
        CHECK(bound[0].by == golden::userName());
    } else {
        CHECK(bound.empty());
    }

    // Both chunks, the text one kept compressed, and the chunk index (built by the migration
    // from versions 1 and 2).
    for (const auto& [ref, bytes, compressed] :
         {std::tuple{golden::textAttachment(), golden::textAttachmentBytes(), true},
          std::tuple{golden::binaryAttachment(), golden::binaryAttachmentBytes(), false}}) {
        const crypto::Sha256Digest hash = ref.chunks.at(0).hash;
        CHECK(store.attachments().chunk(hash).value() == bytes);
        CHECK(store.attachments().isCompressible(hash).value() == compressed);
        std::set<Unid> naming;
        requireOk(store.replication().forEachDocumentReferencing(hash, [&](const Document& doc) {
            naming.insert(doc.unid);
            return true;
        }));
        CHECK(naming == std::set<Unid>{every.unid});
    }
    CHECK((*raw)->queryInt("SELECT count(*) FROM chunk_refs").value() == 2);

    // Version 5: documents by form, made by the migration for older files, and used.
    CHECK((*raw)
              ->queryInt("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name = "
                         "'documents_by_form'")
              .value() == 1);
    CHECK(store.documentsOfForm(QStringLiteral("GiaoViec")).value().size() == 1);

    // The full-text index, folded the Vietnamese way.
    CHECK(unidsOf(store.search(QStringLiteral("hoi nghi")).value()) ==
          std::set<Unid>{every.unid, conflict.unid, golden::localDocumentUnid()});
    CHECK(unidsOf(store.search(QStringLiteral("Đảng bộ")).value()) ==
          std::set<Unid>{every.unid, conflict.unid});

    // Local state: a setting, a pull checkpoint, the ACL.
    CHECK(store.setting(QStringLiteral("replication.server")).value() == golden::replicationServerSetting());
    CHECK(store.replication().checkpoint(golden::serverInstance(), ReplicaSync::Direction::Pull).value() ==
          44);
    const acl::Acl acl = store.loadAcl().value();
    REQUIRE(acl.entry(golden::aclEntryName()) != nullptr);
    CHECK(acl.entry(golden::aclEntryName())->level == acl::AccessLevel::Author);

    // Who could read the deleted document: recorded from version 2 on; a version 1 file gets
    // the table empty.
    const auto readers = store.replication().stubReaders().find(stub.unid).value();
    if (fixtureVersion >= 2) {
        REQUIRE(readers.has_value());
        CHECK(readers->readers == QStringList{golden::userName()});
        CHECK(readers->authors == QStringList{QStringLiteral("[Văn thư]")});
    } else {
        CHECK_FALSE(readers.has_value());
    }
}

} // namespace

TEST_CASE("Golden replica: each fixture is a Sen replica of the schema version it names", "[golden][store]")
{
    for (int version = 1; version <= schema::kVersion; ++version) {
        INFO("schema version " << version);
        const QByteArray file = golden::readFixture(fixtureName(version));
        REQUIRE(file.size() >= 100);
        CHECK(file.startsWith("SQLite format 3"));
        CHECK(headerField(file, 60) == static_cast<std::uint32_t>(version));                // user_version
        CHECK(headerField(file, 68) == static_cast<std::uint32_t>(schema::kApplicationId)); // "SEN1"
        CHECK(file.size() <= 64 * 1024);
    }
}

TEST_CASE("Golden replica: a file of every schema version opens, migrates and shows its documents",
          "[golden][store]")
{
    const int version = GENERATE(1, 2, 3, 4, 5, 6, 7);
    INFO("schema version " << version);
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("replica.sen"));
    REQUIRE(golden::copyFixture(fixtureName(version), path));

    // Read-only, an older file is refused before anything is written.
    ReplicaOpenOptions readOnly;
    readOnly.readOnly = true;
    CHECK(ReplicaStore::open(path, readOnly).code() ==
          (version < schema::kVersion ? ErrorCode::Unsupported : ErrorCode::Ok));

    {
        auto store = ReplicaStore::open(path);
        requireOk(store.status());
        checkContents(**store, version);
    }
    // Opened again: nothing left to migrate, and it takes new edits.
    auto store = ReplicaStore::open(path);
    requireOk(store.status());
    checkContents(**store, version);
    DocumentEdit edit = DocumentEdit::update(golden::localDocumentUnid());
    edit.set(Item::text(QStringLiteral("TrichYeu"), QStringLiteral("Đã chuẩn bị xong")));
    const auto saved = (*store)->save(edit);
    requireOk(saved.status());
    CHECK(saved->versions.get(golden::fileInstance()) == 2);
    requireOk((*store)->integrityCheck());
}
