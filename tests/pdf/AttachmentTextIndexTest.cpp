// The text layer of PDF attachments in the full-text index (client/app/AttachmentTextIndexer.h,
// docs/search.md §Attachments), on real replica files: a word only in the PDF is found typed
// without diacritics, removing the attachment removes the hit, a damaged PDF blocks nothing,
// a summary-only replica's stub is indexed once its bytes arrive, and each file is read once.

#include "client/app/AttachmentTextIndexer.h"
#include "client/app/DatabaseSession.h"
#include "client/core/DocumentJson.h"
#include "client/core/Workspace.h"
#include "common/attachments/AttachmentStore.h"
#include "common/fts/AttachmentTextStore.h"
#include "common/store/ReplicaStore.h"
#include "tests/pdf/PdfFixture.h"
#include "tests/support/TempDir.h"

#include <catch2/catch.hpp>
#include <set>

using namespace sen;

namespace {

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

void requireOk(const Status& status)
{
    INFO(status.toString().toStdString());
    REQUIRE(status.isOk());
}

std::set<Unid> found(const ReplicaStore& store, const QString& words)
{
    auto hits = store.search(words);
    requireOk(hits.status());
    std::set<Unid> unids;
    for (const SearchHit& hit : *hits)
        unids.insert(hit.unid);
    return unids;
}

Item attachmentItem(const QString& name, const AttachmentRef& ref)
{
    return Item::withValue(client::attachmentItemName(name), ItemType::Attachment, ref.toCbor(), 0);
}

// An incoming document with an abstract and the files given.
Unid saveDocument(ReplicaStore& store, const QString& abstract,
                  const std::vector<std::pair<QString, QByteArray>>& files)
{
    DocumentEdit edit = DocumentEdit::create(QStringLiteral("VanBanDen"));
    edit.set(Item::text(QStringLiteral("TrichYeu"), abstract));
    for (const auto& [name, bytes] : files) {
        auto ref = store.attachments().importBytes(bytes, name);
        requireOk(ref.status());
        edit.set(attachmentItem(name, *ref));
    }
    auto saved = store.save(edit);
    requireOk(saved.status());
    return saved->unid;
}

app::AttachmentTextIndexer::Outcome pass(ReplicaStore& store, const app::AttachmentTextLimits& limits = {})
{
    auto outcome = app::AttachmentTextIndexer::runPass(store, limits);
    requireOk(outcome.status());
    return *outcome;
}

struct Replica
{
    test::TempDir dir;
    std::unique_ptr<ReplicaStore> store;

    explicit Replica(ReplicaId id = {})
    {
        ReplicaCreateOptions create;
        create.replicaId = id;
        auto made = ReplicaStore::create(dir.path(QStringLiteral("replica.sen")), create);
        requireOk(made.status());
        store = std::move(*made);
    }
};

const QByteArray& decision()
{
    static const QByteArray pdf = test::makePdf(
        {S("QUYẾT ĐỊNH về việc phê duyệt kế hoạch tuyển dụng viên chức năm 2026"), S("Nơi nhận: Sở Nội vụ")});
    return pdf;
}

} // namespace

TEST_CASE("PDF attachment text: a word only in the PDF is found without diacritics, with its snippet",
          "[pdf][search]")
{
    Replica replica;
    ReplicaStore& store = *replica.store;
    const Unid doc = saveDocument(store, S("Công văn của Sở Nội vụ"), {{S("quyet-dinh.pdf"), decision()}});
    const Unid other = saveDocument(store, S("Giấy mời họp"), {});

    // Not before the indexer's pass: the text is derived later, off the save's transaction.
    CHECK(found(store, S("tuyen dung")).empty());
    const auto outcome = pass(store);
    CHECK(outcome.filesRead == 1);
    CHECK(outcome.documents == 1);
    CHECK_FALSE(outcome.more);

    CHECK(found(store, S("quyet dinh")) == std::set<Unid>{doc});
    CHECK(found(store, S("tuyen dung vien chuc")) == std::set<Unid>{doc});
    // Words of the form and of the PDF together, as one document.
    CHECK(found(store, S("cong van tuyen dung")) == std::set<Unid>{doc});
    CHECK(found(store, S("giay moi")) == std::set<Unid>{other});
    auto hits = store.search(S("phe duyet"));
    requireOk(hits.status());
    REQUIRE(hits->size() == 1);
    INFO(hits->front().snippet.toStdString());
    CHECK(hits->front().snippet.contains(S("[phê] [duyệt]")));

    // Derived, local: the document itself is unchanged, nothing waits, and another pass reads nothing.
    auto stored = store.get(doc);
    requireOk(stored.status());
    CHECK(stored->items.size() == 2);
    CHECK(store.attachmentText().waitingDocuments().value().empty());
    CHECK(pass(store).filesRead == 0);
    CHECK(found(store, S("quyet dinh")) == std::set<Unid>{doc});
    requireOk(store.integrityCheck());
}

TEST_CASE("PDF attachment text: an edit of the form keeps it, removing the attachment removes the hit",
          "[pdf][search]")
{
    Replica replica;
    ReplicaStore& store = *replica.store;
    const Unid doc = saveDocument(store, S("Công văn đến"), {{S("QD.PDF"), decision()}});
    pass(store);
    REQUIRE(found(store, S("tuyen dung")) == std::set<Unid>{doc});

    // A save of the form rewrites the row with the attachment text it holds.
    DocumentEdit retitle = DocumentEdit::update(doc);
    retitle.set(Item::text(QStringLiteral("TrichYeu"), S("Công văn đã sửa")));
    requireOk(store.save(retitle).status());
    CHECK(found(store, S("tuyen dung")) == std::set<Unid>{doc});
    CHECK(found(store, S("da sua")) == std::set<Unid>{doc});
    CHECK(found(store, S("cong van den")).empty());

    DocumentEdit drop = DocumentEdit::update(doc);
    drop.remove(client::attachmentItemName(QStringLiteral("QD.PDF")));
    requireOk(store.save(drop).status());
    pass(store);
    CHECK(found(store, S("tuyen dung")).empty());
    CHECK(found(store, S("da sua")) == std::set<Unid>{doc});
    // The text of a file no document holds is dropped.
    CHECK(store.attachmentText().counts().value().files == 0);
    CHECK(store.attachmentText().counts().value().documents == 0);

    // Deleting a document takes its attachment text out with it.
    const Unid second = saveDocument(store, S("Bản sao"), {{S("qd.pdf"), decision()}});
    pass(store);
    REQUIRE(found(store, S("tuyen dung")) == std::set<Unid>{second});
    requireOk(store.remove(second).status());
    CHECK(found(store, S("tuyen dung")).empty());
    pass(store);
    CHECK(store.attachmentText().counts().value().files == 0);
    requireOk(store.integrityCheck());
}

TEST_CASE("PDF attachment text: a damaged PDF neither fails the pass nor hides the document's other text",
          "[pdf][search]")
{
    Replica replica;
    ReplicaStore& store = *replica.store;
    const QByteArray damaged = decision().left(decision().size() / 2);
    const Unid broken = saveDocument(store, S("Tờ trình số 12"),
                                     {{S("hong.pdf"), damaged}, {S("khong-phai.pdf"), QByteArray("hello")}});
    const Unid good = saveDocument(store, S("Thông báo"), {{S("tot.pdf"), decision()}});
    const auto outcome = pass(store);
    CHECK(outcome.filesRead == 3);
    CHECK(found(store, S("to trinh")) == std::set<Unid>{broken});
    CHECK(found(store, S("tuyen dung")) == std::set<Unid>{good});
    auto state = store.attachmentText().text(crypto::Sha256::hash(damaged));
    requireOk(state.status());
    REQUIRE(state->has_value());
    CHECK((*state)->state == AttachmentTextStore::State::Unreadable);
    // Recorded: not read again.
    CHECK(pass(store).filesRead == 0);
}

TEST_CASE("PDF attachment text: a summary-only replica's stub is indexed once its bytes arrive",
          "[pdf][search]")
{
    Replica server;
    const Unid doc = saveDocument(*server.store, S("Văn bản đến"), {{S("qd.pdf"), decision()}});
    auto original = server.store->get(doc);
    requireOk(original.status());

    // The document arrives without its chunks, as a summary-only pull stores it.
    Replica summary(server.store->info().replicaId);
    ReplicaStore& store = *summary.store;
    requireOk(store.replication().putReplicated(*original));
    CHECK(pass(store).filesRead == 0);
    CHECK(found(store, S("tuyen dung")).empty());
    CHECK(found(store, S("van ban den")) == std::set<Unid>{doc});
    CHECK(store.attachmentText().waitingDocuments().value() == std::vector<Unid>{doc});

    // Its chunks come (a fetch, a full sync): the next pass reads it, with no new change.
    const std::vector<app::PdfAttachment> pdfs = app::pdfAttachments(*original);
    REQUIRE(pdfs.size() == 1);
    for (const ChunkRef& chunk : pdfs.front().ref.chunks) {
        auto bytes = server.store->attachments().chunk(chunk.hash);
        requireOk(bytes.status());
        requireOk(store.attachments().putChunk(chunk.hash, *bytes));
    }
    CHECK(pass(store).filesRead == 1);
    CHECK(found(store, S("tuyen dung")) == std::set<Unid>{doc});
    CHECK(store.attachmentText().waitingDocuments().value().empty());
}

TEST_CASE("PDF attachment text: a deletion that comes by sync takes the attachment text out", "[pdf][search]")
{
    Replica origin;
    const Unid doc = saveDocument(*origin.store, S("Văn bản đến"), {{S("qd.pdf"), decision()}});
    auto live = origin.store->get(doc);
    requireOk(live.status());

    Replica copy(origin.store->info().replicaId);
    ReplicaStore& store = *copy.store;
    requireOk(store.replication().putReplicated(*live));
    const std::vector<app::PdfAttachment> pdfs = app::pdfAttachments(*live);
    REQUIRE(pdfs.size() == 1);
    for (const ChunkRef& chunk : pdfs.front().ref.chunks) {
        auto bytes = origin.store->attachments().chunk(chunk.hash);
        requireOk(bytes.status());
        requireOk(store.attachments().putChunk(chunk.hash, *bytes));
    }
    pass(store);
    REQUIRE(found(store, S("tuyen dung")) == std::set<Unid>{doc});

    // The stub arrives: the items' text goes with the save, the attachment text with the pass.
    auto stub = origin.store->remove(doc);
    requireOk(stub.status());
    requireOk(store.replication().putReplicated(*stub));
    CHECK(found(store, S("van ban den")).empty());
    pass(store);
    CHECK(found(store, S("tuyen dung")).empty());
    CHECK(store.attachmentText().counts().value().documents == 0);
    CHECK(store.attachmentText().counts().value().files == 0);
    requireOk(store.integrityCheck());
}

TEST_CASE("PDF attachment text: a file is read once for every document, and a pass reads a bounded number",
          "[pdf][search]")
{
    Replica replica;
    ReplicaStore& store = *replica.store;
    std::set<Unid> copies;
    for (int i = 0; i < 3; ++i)
        copies.insert(saveDocument(store, S("Bản sao %1").arg(i), {{S("qd.pdf"), decision()}}));
    std::set<Unid> others;
    for (int i = 0; i < 3; ++i)
        others.insert(
            saveDocument(store, S("Khác"), {{S("k.pdf"), test::makePdf({S("Biên bản số %1").arg(i)})}}));

    app::AttachmentTextLimits limits;
    limits.filesPerPass = 2;
    const auto first = pass(store, limits);
    CHECK(first.filesRead == 2); // the shared file once, one other
    CHECK(first.more);
    const auto second = pass(store, limits);
    CHECK(second.filesRead == 2);
    CHECK_FALSE(second.more);
    CHECK(found(store, S("tuyen dung")) == copies);
    CHECK(found(store, S("bien ban")) == others);
    CHECK(store.attachmentText().counts().value().files == 4);
}

TEST_CASE(
    "PDF attachment text: senctl's session indexes before searching, and without a reader nothing is read",
    "[pdf][search]")
{
    test::TempDir dir;
    auto workspace = client::Workspace::open(dir.root() + QStringLiteral("/home"));
    REQUIRE(workspace);
    REQUIRE(workspace->createDatabase(QStringLiteral("cv"), DatabaseKind::Documents, S("Công văn")));
    auto session = app::DatabaseSession::open(*workspace, QStringLiteral("cv"));
    requireOk(session.status());
    const QString file = dir.path(QStringLiteral("qd.pdf"));
    REQUIRE(test::writeFile(file, decision()));
    auto ref = (*session)->importAttachment(file, QStringLiteral("qd.pdf"));
    requireOk(ref.status());
    DocumentEdit edit = DocumentEdit::create(QStringLiteral("VanBanDen"));
    edit.set(Item::text(QStringLiteral("TrichYeu"), S("Công văn")));
    edit.set(attachmentItem(QStringLiteral("qd.pdf"), *ref));
    const auto saved = (*session)->save(edit);
    requireOk(saved.status());

    auto none = app::AttachmentTextIndexer::runPass(*ReplicaStore::open((*session)->path()).value(), {},
                                                    app::PdfTextReader());
    requireOk(none.status());
    CHECK(none->filesRead == 0);

    requireOk((*session)->indexAttachmentText());
    auto hits = (*session)->search(S("quyet dinh"), 10);
    requireOk(hits.status());
    REQUIRE(hits->size() == 1);
    CHECK(hits->front().unid == saved->unid);
}
