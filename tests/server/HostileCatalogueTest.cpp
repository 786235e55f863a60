// The server as the keeper of its catalogues (docs/catalogues.md) and working calendar
// (docs/workdays.md): an insider holding a real user's certificate pushes entries by hand
// (HostilePeer.h) over TLS. Only a Designer or Manager of the database creates, changes or
// deletes one, and an entry must describe one — whatever the client's own checks would have
// stopped.

#include "common/catalogues/Catalogues.h"
#include "common/catalogues/DefaultCatalogues.h"
#include "tests/server/HostilePeer.h"
#include "tests/server/RequireOk.h"
#include "tests/server/ServerFixture.h"

#include <QTimeZone>

#include <catch2/catch.hpp>

using namespace sen;
using namespace sen::test;

namespace {

const QString kDb = QStringLiteral("vanban");

QString fullName(const QString& name)
{
    return name + QStringLiteral("/VPTU/HaNoi");
}

struct Office
{
    ServerFixture f;
    ReplicaInfo info;
    catalogues::Entry decision; // "Quyết định", a default entry on the server

    Office()
    {
        info = f.createDatabase(kDb, acl::AccessLevel::Editor);
        auto store = server();
        const Result<int> added = catalogues::addDefaultEntries(*store, DatabaseKind::Documents);
        requireOk(added.status());
        REQUIRE(*added > 30);
        auto docs = store->documentsOfForm(QLatin1String(catalogues::kEntryForm));
        requireOk(docs.status());
        const auto entries = catalogues::entriesFrom(*docs, catalogues::Catalogue::DocumentType);
        const catalogues::Entry* found = catalogues::findByName(entries, QStringLiteral("quyet dinh"));
        REQUIRE(found);
        decision = *found;
    }

    std::unique_ptr<ReplicaStore> server()
    {
        auto store = ReplicaStore::open(f.serverPath(kDb));
        REQUIRE(store.isOk());
        return std::move(store).value();
    }

    std::unique_ptr<HostilePeer> connect(const QString& name, const InstanceId& instance,
                                         std::uint64_t counter)
    {
        auto peer = std::make_unique<HostilePeer>(f.port(), f.user(name));
        REQUIRE(peer->isConnected());
        requireOk(peer->hello(kDb, info.replicaId, fullName(name), instance, counter).status());
        return peer;
    }

    Document stored(const Unid& unid)
    {
        auto doc = server()->get(unid);
        requireOk(doc.status());
        return *doc;
    }
};

Document catalogueEntry(const InstanceId& instance, std::uint64_t counter, const QString& catalogue,
                        const QString& name, const QString& code = {})
{
    std::vector<Item> items{Item::text(QStringLiteral("LoaiDanhMuc"), catalogue),
                            Item::text(QStringLiteral("Ten"), name)};
    if (!code.isEmpty())
        items.push_back(Item::text(QStringLiteral("MaDinhDanh"), code));
    return forgedDocument(QStringLiteral("DanhMuc"), instance, counter, std::move(items));
}

// `doc` with its item `name` set to `value` by a later save of `instance`.
Document changed(Document doc, const InstanceId& instance, std::uint64_t counter, const QString& name,
                 const QString& value)
{
    const HlcTime time = makeHlc(QDateTime::currentMSecsSinceEpoch() + 1, 0);
    doc.versions.set(instance, counter);
    for (Item& item : doc.items)
        if (item.name == name) {
            item.value = QCborValue(value);
            item.stamp = Stamp{Dot{instance, counter}, time};
        }
    return doc;
}

} // namespace

TEST_CASE("Hostile catalogue: an Editor creates, changes and deletes no catalogue entry", "[server][hostile]")
{
    Office office;
    const QString editor = QStringLiteral("Trần Văn Bình");
    // An Editor who may delete documents: the catalogue's rule, not the deletion right, refuses.
    acl::AclEntry entry = acl::AclEntry::make(fullName(editor), acl::AccessLevel::Editor);
    entry.rights |= acl::DeleteDocuments;
    office.f.setEntry(kDb, entry);
    const InstanceId instance = newInstanceId();
    auto peer = office.connect(editor, instance, 3);

    const Document created =
        catalogueEntry(instance, 1, QStringLiteral("Cơ quan ban hành"), QStringLiteral("Tỉnh ủy Hà Nam"));
    const Document renamed = changed(office.stored(office.decision.unid), instance, 2, QStringLiteral("Ten"),
                                     QStringLiteral("Quyết định (sửa)"));
    Document removed = office.stored(office.decision.unid);
    removed.versions.set(instance, 3);
    removed.flags |= Deleted;
    removed.items.clear();

    auto ack = peer->push({created, renamed, removed}, 1, true);
    requireOk(ack.status());
    REQUIRE(ack->refused.size() == 3);
    for (const auto& refusal : ack->refused) {
        INFO(refusal.message.toStdString());
        CHECK(refusal.message.contains(QStringLiteral("catalogue entry")));
    }

    const Document after = office.stored(office.decision.unid);
    CHECK_FALSE(after.isDeleted());
    CHECK(after.text(QStringLiteral("Ten")) == QStringLiteral("Quyết định"));
    CHECK_FALSE(office.server()->find(created.unid)->has_value());
}

TEST_CASE("Hostile catalogue: a Designer's entry is stored only when it describes one", "[server][hostile]")
{
    Office office;
    const QString designer = QStringLiteral("Lê Thị Thiết");
    office.f.setAccess(kDb, fullName(designer), acl::AccessLevel::Designer);
    const InstanceId instance = newInstanceId();
    auto peer = office.connect(designer, instance, 4);

    const Document good = catalogueEntry(instance, 1, QStringLiteral("CoQuanBanHanh"),
                                         QStringLiteral("Tỉnh ủy Hà Nam"), QStringLiteral("000.00.00.H35"));
    const Document unknown = catalogueEntry(instance, 2, QStringLiteral("Danh bạ"), QStringLiteral("Ai đó"));
    const Document longCode =
        catalogueEntry(instance, 3, QStringLiteral("DonVi"), QStringLiteral("Văn phòng"),
                       QStringLiteral("000.00.00.H35.999"));
    const Document nameless = catalogueEntry(instance, 4, QStringLiteral("DonVi"), QStringLiteral("  "));

    auto ack = peer->push({good, unknown, longCode, nameless}, 1, true);
    requireOk(ack.status());
    REQUIRE(ack->refused.size() == 3);
    const auto store = office.server();
    REQUIRE(store->find(good.unid)->has_value());
    for (const Document& bad : {unknown, longCode, nameless})
        CHECK_FALSE(store->find(bad.unid)->has_value());
}

TEST_CASE("Hostile catalogue: an Editor moves no day of the working calendar", "[server][hostile]")
{
    Office office;
    const QString editor = QStringLiteral("Trần Văn Bình");
    const InstanceId instance = newInstanceId();
    auto peer = office.connect(editor, instance, 1);
    const Document dayOff =
        forgedDocument(QStringLiteral("LichNghi"), instance, 1,
                       {Item::dateTime(QStringLiteral("Ngay"),
                                       QDateTime(QDate(2026, 12, 31), QTime(0, 0), QTimeZone::utc())),
                        Item::text(QStringLiteral("Loai"), QStringLiteral("Nghỉ")),
                        Item::text(QStringLiteral("Ten"), QStringLiteral("Nghỉ tất niên"))});
    auto ack = peer->push({dayOff}, 1, true);
    requireOk(ack.status());
    REQUIRE(ack->refused.size() == 1);
    CHECK(ack->refused[0].message.contains(QStringLiteral("working calendar")));
    CHECK_FALSE(office.server()->find(dayOff.unid)->has_value());
}
