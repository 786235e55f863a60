// Document-level access control enforced by the server on every version
// (docs/access-control.md §Enforcement): Readers cannot push, Authors edit only what names
// them, Readers items decide who receives a document (and who loses it), and classified
// documents travel only as register entries. Each refusal leaves the client's edit in
// place, reported as refused.

#include "tests/server/ServerFixture.h"

#include <catch2/catch.hpp>

using namespace sen;
using test::ServerFixture;

namespace {

const QString kDb = QStringLiteral("vanban");

QString fullName(const ServerFixture& f, const QString& name)
{
    return name + u'/' + f.orgName();
}

Unid create(ReplicaStore& store, const QString& subject, const std::vector<Item>& extra = {})
{
    DocumentEdit edit = DocumentEdit::create(QStringLiteral("VanBanDen"));
    edit.set(Item::text(QStringLiteral("TrichYeu"), subject));
    for (const Item& item : extra)
        edit.set(item);
    auto saved = store.save(edit);
    REQUIRE(saved.isOk());
    return saved->unid;
}

void requireOk(const Status& status)
{
    INFO(status.toString().toStdString());
    REQUIRE(status.isOk());
}

std::unique_ptr<ReplicaStore> openServer(ServerFixture& f)
{
    auto store = ReplicaStore::open(f.serverPath(kDb));
    REQUIRE(store.isOk());
    return std::move(store).value();
}

bool holds(ReplicaStore& store, const Unid& unid)
{
    auto doc = store.find(unid);
    REQUIRE(doc.isOk());
    return doc->has_value() && !(*doc)->isDeleted();
}

} // namespace

TEST_CASE("Access: a Reader's push is refused and the client keeps its edit, marked refused",
          "[server][access]")
{
    // A Reader registers a document offline and syncs: the session succeeds, the server
    // stores nothing, and the client still has the document with the refusal recorded.
    ServerFixture f;
    f.createDatabase(kDb, acl::AccessLevel::Reader);
    const QSslConfiguration an = f.user(QStringLiteral("Nguyễn Văn An"));
    auto client = f.clientReplica(QStringLiteral("an.sen"), kDb, an);
    const Unid unid = create(*client, QStringLiteral("Công văn của người chỉ được đọc"));

    SessionStats stats;
    requireOk(f.sync(*client, kDb, an, &stats));
    REQUIRE(stats.refused == 1);
    REQUIRE_FALSE(holds(*openServer(f), unid));
    REQUIRE(holds(*client, unid));
    auto refusals = client->replication().refusals();
    REQUIRE(refusals.isOk());
    REQUIRE(refusals->size() == 1);
    REQUIRE(refusals->front().unid == unid);
    REQUIRE(refusals->front().current);
    REQUIRE(refusals->front().code == ErrorCode::PermissionDenied);
    REQUIRE_FALSE(refusals->front().message.isEmpty());
}

TEST_CASE("Access: an Author edits only the documents whose Authors item names them", "[server][access]")
{
    // Two documents on the server, one naming An as author and one naming Bình; An, an
    // Author, edits both offline: the first edit is stored, the second refused.
    ServerFixture f;
    f.createDatabase(kDb, acl::AccessLevel::Author);
    const QSslConfiguration an = f.user(QStringLiteral("Nguyễn Văn An"));
    Unid mine, theirs;
    {
        auto server = openServer(f);
        mine = create(*server, QStringLiteral("của An"),
                      {Item::names(QStringLiteral("NguoiSoan"), ItemType::Authors,
                                   {fullName(f, QStringLiteral("Nguyễn Văn An"))})});
        theirs = create(*server, QStringLiteral("của Bình"),
                        {Item::names(QStringLiteral("NguoiSoan"), ItemType::Authors,
                                     {fullName(f, QStringLiteral("Trần Thị Bình"))})});
    }
    auto client = f.clientReplica(QStringLiteral("an.sen"), kDb, an);
    requireOk(f.sync(*client, kDb, an));
    for (const Unid& unid : {mine, theirs})
        REQUIRE(client
                    ->save(DocumentEdit::update(unid).set(
                        Item::text(QStringLiteral("GhiChu"), QStringLiteral("An sửa"))))
                    .isOk());
    SessionStats stats;
    requireOk(f.sync(*client, kDb, an, &stats));
    REQUIRE(stats.refused == 1);
    auto server = openServer(f);
    REQUIRE(server->get(mine)->text(QStringLiteral("GhiChu")) == QStringLiteral("An sửa"));
    REQUIRE(server->get(theirs)->item(QStringLiteral("GhiChu")) == nullptr);
    REQUIRE(client->get(theirs)->text(QStringLiteral("GhiChu")) == QStringLiteral("An sửa")); // kept
}

TEST_CASE("Access: a document with a Readers item goes only to those it names", "[server][access]")
{
    // A document restricted to Bình reaches Bình's replica and never An's.
    ServerFixture f;
    f.createDatabase(kDb, acl::AccessLevel::Editor);
    const QSslConfiguration an = f.user(QStringLiteral("Nguyễn Văn An"));
    const QSslConfiguration binh = f.user(QStringLiteral("Trần Thị Bình"));
    Unid restricted, open;
    {
        auto server = openServer(f);
        restricted = create(*server, QStringLiteral("chỉ Bình đọc"),
                            {Item::names(QStringLiteral("NguoiDoc"), ItemType::Readers,
                                         {fullName(f, QStringLiteral("Trần Thị Bình"))})});
        open = create(*server, QStringLiteral("ai cũng đọc"));
    }
    auto a = f.clientReplica(QStringLiteral("an.sen"), kDb, an);
    auto b = f.clientReplica(QStringLiteral("binh.sen"), kDb, binh);
    requireOk(f.sync(*a, kDb, an));
    requireOk(f.sync(*b, kDb, binh));
    REQUIRE(holds(*a, open));
    REQUIRE_FALSE(holds(*a, restricted));
    REQUIRE(holds(*b, restricted));
    auto found = a->find(restricted);
    REQUIRE_FALSE(found->has_value()); // not even a stub
}

TEST_CASE("Access: a user taken off the Readers list loses the document at the next sync", "[server][access]")
{
    // An and Bình both read a document; the Readers item is changed to Bình alone: An's next
    // sync removes it from An's replica, Bình keeps it.
    ServerFixture f;
    f.createDatabase(kDb, acl::AccessLevel::Editor);
    const QSslConfiguration an = f.user(QStringLiteral("Nguyễn Văn An"));
    const QSslConfiguration binh = f.user(QStringLiteral("Trần Thị Bình"));
    Unid unid;
    {
        auto server = openServer(f);
        unid = create(*server, QStringLiteral("hồ sơ nhân sự"),
                      {Item::names(QStringLiteral("NguoiDoc"), ItemType::Readers,
                                   {fullName(f, QStringLiteral("Nguyễn Văn An")),
                                    fullName(f, QStringLiteral("Trần Thị Bình"))})});
    }
    auto a = f.clientReplica(QStringLiteral("an.sen"), kDb, an);
    auto b = f.clientReplica(QStringLiteral("binh.sen"), kDb, binh);
    requireOk(f.sync(*a, kDb, an));
    requireOk(f.sync(*b, kDb, binh));
    REQUIRE(holds(*a, unid));

    REQUIRE(openServer(f)
                ->save(DocumentEdit::update(unid).set(
                    Item::names(QStringLiteral("NguoiDoc"), ItemType::Readers,
                                {fullName(f, QStringLiteral("Trần Thị Bình"))})))
                .isOk());
    SessionStats stats;
    requireOk(f.sync(*a, kDb, an, &stats));
    REQUIRE(stats.withdrawn == 1);
    REQUIRE_FALSE(a->find(unid)->has_value());
    REQUIRE(a->search(QStringLiteral("nhan su")).value().empty()); // gone from the index too
    requireOk(f.sync(*b, kDb, binh));
    REQUIRE(holds(*b, unid));
    REQUIRE(holds(*openServer(f), unid)); // the server's copy is untouched
}

TEST_CASE("Access: a classified document with an attachment or a body is refused by the server",
          "[server][access][secrecy]")
{
    // An old or modified client stores a "Mật" document with its body (bypassing its own
    // check) and pushes it: the server refuses it; a register-only entry is accepted.
    ServerFixture f;
    f.createDatabase(kDb, acl::AccessLevel::Editor);
    const QSslConfiguration an = f.user(QStringLiteral("Nguyễn Văn An"));
    auto client = f.clientReplica(QStringLiteral("an.sen"), kDb, an);

    Document secret;
    secret.unid = newUnid();
    secret.form = QStringLiteral("VanBanDen");
    Item classification = Item::text(QStringLiteral("DoMat"), QStringLiteral("Tối mật"));
    Item body = Item::withValue(QStringLiteral("NoiDung"), ItemType::RichText,
                                QStringLiteral("<p>nội dung mật</p>"), 0);
    const Stamp stamp{Dot{client->info().instanceId, 1}, makeHlc(QDateTime::currentMSecsSinceEpoch(), 0)};
    classification.stamp = stamp;
    body.stamp = stamp;
    secret.putItem(classification);
    secret.putItem(body);
    secret.versions.set(client->info().instanceId, 1);
    REQUIRE(client->batch([&] { return client->replication().putReplicated(secret); }).isOk());
    const Unid entry = create(*client, QStringLiteral("Sổ đăng ký: văn bản mật số 7"),
                              {Item::text(QStringLiteral("DoMat"), QStringLiteral("Mật"))});

    SessionStats stats;
    requireOk(f.sync(*client, kDb, an, &stats));
    REQUIRE(stats.refused == 1);
    auto server = openServer(f);
    REQUIRE_FALSE(holds(*server, secret.unid));
    REQUIRE(holds(*server, entry));
    const auto refusals = client->replication().refusals().value();
    REQUIRE(refusals.size() == 1);
    REQUIRE(refusals.front().message.contains(QStringLiteral("NoiDung")));
}

TEST_CASE("Access: a deletion the server refuses keeps its stub on the client, listed as refused",
          "[server][access][deletion]")
{
    // An Editor without the right to delete documents deletes one and syncs: the server keeps
    // the document and refuses the deletion; the client, which drops acknowledged stubs after
    // a push, keeps this one (with the refusal) instead of silently losing a document every
    // other replica still has. (Found by the desktop client's scenario test: resolving a
    // conflict deletes the conflict document.)
    ServerFixture f;
    f.createDatabase(kDb, acl::AccessLevel::Editor);
    acl::AclEntry editor =
        acl::AclEntry::make(fullName(f, QStringLiteral("Nguyễn Văn An")), acl::AccessLevel::Editor);
    editor.rights &= ~acl::DeleteDocuments;
    f.setEntry(kDb, editor);
    const QSslConfiguration an = f.user(QStringLiteral("Nguyễn Văn An"));
    auto client = f.clientReplica(QStringLiteral("an.sen"), kDb, an);
    const Unid unid = create(*client, QStringLiteral("Công văn không được xoá"));
    requireOk(f.sync(*client, kDb, an));
    REQUIRE(holds(*openServer(f), unid));

    REQUIRE(client->remove(unid).isOk());
    SessionStats stats;
    requireOk(f.sync(*client, kDb, an, &stats));
    REQUIRE(stats.refused == 1);
    REQUIRE(holds(*openServer(f), unid));
    auto kept = client->find(unid);
    REQUIRE(kept.isOk());
    REQUIRE(kept->has_value());
    REQUIRE((*kept)->isDeleted());
    auto refusals = client->replication().refusals();
    REQUIRE(refusals.isOk());
    REQUIRE(refusals->size() == 1);
    REQUIRE(refusals->front().current);
}

TEST_CASE("Access: a deletion the server already stored is not judged again when its stub comes back",
          "[server][access][deletion]")
{
    // An deletes a document while he may, and syncs: the server stores the stub, the client
    // drops it after the push. Then the delete right is taken from him. His next sync pulls
    // the stub back (the server stored it after his pull position) and pushes it again with
    // his new document; the server, which holds that very stub, must not ask for it, let alone
    // refuse it as a deletion he may no longer make. (Found by the application layer's
    // scenario test: resolving a conflict, then being made a Reader.)
    ServerFixture f;
    f.createDatabase(kDb, acl::AccessLevel::Editor);
    acl::AclEntry editor =
        acl::AclEntry::make(fullName(f, QStringLiteral("Nguyễn Văn An")), acl::AccessLevel::Editor);
    editor.rights |= acl::DeleteDocuments;
    f.setEntry(kDb, editor);
    const QSslConfiguration an = f.user(QStringLiteral("Nguyễn Văn An"));
    auto client = f.clientReplica(QStringLiteral("an.sen"), kDb, an);
    const Unid unid = create(*client, QStringLiteral("Công văn sẽ xoá"));
    requireOk(f.sync(*client, kDb, an));
    REQUIRE(client->remove(unid).isOk());
    SessionStats deleted;
    requireOk(f.sync(*client, kDb, an, &deleted));
    REQUIRE(deleted.refused == 0);
    REQUIRE(deleted.stubsDropped == 1);
    REQUIRE(openServer(f)->get(unid)->isDeleted());

    editor.rights &= ~acl::DeleteDocuments;
    f.setEntry(kDb, editor);
    const Unid added = create(*client, QStringLiteral("Công văn mới"));
    SessionStats next;
    requireOk(f.sync(*client, kDb, an, &next));
    REQUIRE(next.refused == 0);
    REQUIRE(next.sent == 1);
    REQUIRE(holds(*openServer(f), added));
    auto refusals = client->replication().refusals();
    REQUIRE(refusals.isOk());
    REQUIRE(refusals->empty());
    auto gone = client->find(unid);
    REQUIRE(gone.isOk());
    REQUIRE_FALSE(gone->has_value()); // the stub, acknowledged again, dropped again
}
