// Attachments across replication: only missing chunks travel, a cut transfer resumes from
// the chunks already stored, and summary-only replicas leave them for later.

#include "common/attachments/AttachmentStore.h"
#include "common/model/AttachmentRef.h"
#include "tests/replication/SyncFixture.h"

#include <QRandomGenerator>

#include <catch2/catch.hpp>

using namespace sen;

namespace {

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QRandomGenerator random(seed);
    QByteArray bytes(size, Qt::Uninitialized);
    random.fillRange(reinterpret_cast<quint32*>(bytes.data()), size / 4);
    return bytes;
}

Unid attach(ReplicaStore& store, const QByteArray& content, const QString& form = QStringLiteral("VanBanDen"))
{
    const auto ref = store.attachments().importBytes(content, QStringLiteral("quyet-dinh.pdf"));
    REQUIRE(ref.isOk());
    auto saved = store.save(DocumentEdit::create(form).set(
        Item::withValue(QStringLiteral("$File:quyet-dinh.pdf"), ItemType::Attachment, ref->toCbor(), 0)));
    REQUIRE(saved.isOk());
    return saved->unid;
}

QByteArray readAttachment(ReplicaStore& store, const Unid& unid)
{
    const auto doc = store.get(unid);
    REQUIRE(doc.isOk());
    const auto ref = AttachmentRef::fromCbor(doc->item(QStringLiteral("$File:quyet-dinh.pdf"))->value);
    REQUIRE(ref.isOk());
    const auto bytes = store.attachments().readAll(*ref);
    return bytes ? *bytes : QByteArray();
}

} // namespace

TEST_CASE("Attachments: a file replicates and only its missing chunks travel", "[session][attachments]")
{
    test::SyncFixture f(2);
    const QByteArray content = randomBytes(3 << 20, 1);
    const Unid doc = attach(f.replica(0), content);
    const auto first = f.sync(1, 0);
    REQUIRE(first.ok());
    REQUIRE(readAttachment(f.replica(1), doc) == content);
    REQUIRE(first.wireBytes < content.size() + 64 * 1024);

    // The same file attached to a second document costs no chunk transfer at all.
    const Unid again = attach(f.replica(0), content);
    const auto second = f.sync(1, 0);
    REQUIRE(second.ok());
    REQUIRE(second.wireBytes < 8 * 1024);
    REQUIRE(readAttachment(f.replica(1), again) == content);
    REQUIRE(f.dump(0) == f.dump(1));
}

TEST_CASE("Attachments: a 20 MB transfer cut at 90% resumes with at most a tenth re-sent",
          "[session][attachments]")
{
    test::SyncFixture f(2);
    const QByteArray content = randomBytes(20 << 20, 2);
    const Unid doc = attach(f.replica(0), content);
    LinkOptions link;
    link.cutAfterBytes = content.size() * 9 / 10;
    const auto cut = f.sync(1, 0, link);
    REQUIRE_FALSE(cut.ok());
    f.reopen(1);
    const auto resumed = f.sync(1, 0);
    REQUIRE(resumed.ok());
    INFO("re-sent " << resumed.wireBytes << " bytes of " << content.size());
    REQUIRE(resumed.wireBytes <= content.size() / 10 + 64 * 1024);
    REQUIRE(readAttachment(f.replica(1), doc) == content);
}

TEST_CASE("Attachments: a summary-only replica has the documents but fetches chunks only when asked",
          "[session][attachments]")
{
    test::SyncFixture f(2);
    const QByteArray content = randomBytes(1 << 20, 3);
    const Unid doc = attach(f.replica(0), content);
    SessionOptions summaryOnly;
    summaryOnly.filter.summaryOnly = true;
    const auto r = f.sync(1, 0, {}, summaryOnly);
    REQUIRE(r.ok());
    REQUIRE(r.wireBytes < 16 * 1024);
    REQUIRE(f.replica(1).get(doc).isOk());
    REQUIRE(readAttachment(f.replica(1), doc).isEmpty()); // not here yet
    REQUIRE_FALSE(f.replica(1).attachments().wantedChunks(10).value().empty());
    // Opening it later fetches it: a sync without the summary-only filter.
    REQUIRE(f.sync(1, 0).ok());
    REQUIRE(readAttachment(f.replica(1), doc) == content);
    REQUIRE(f.replica(1).attachments().wantedChunks(10).value().empty());
}
