#pragma once

// A calendar database on a real sen-server (ServerFixture) for the weekly schedule's and the
// invitations' hostile-peer tests: users granted by short name with roles, the server's
// replica read back, and `expect`, which pushes versions as an insider holding a real user's
// certificate (HostilePeer.h) and checks exactly which are refused and that none of them was
// stored. Users are "NAME/VPTU/HaNoi".

#include "tests/server/HostilePeer.h"
#include "tests/server/RequireOk.h"
#include "tests/server/ServerFixture.h"

#include <algorithm>
#include <catch2/catch.hpp>

namespace sen::test {

inline QString calendarUser(const QString& name)
{
    return name + QStringLiteral("/VPTU/HaNoi");
}

struct CalendarOffice
{
    QString db;
    ServerFixture f;
    ReplicaInfo info;

    explicit CalendarOffice(const QString& database)
        : db(database), info(f.createDatabase(db, acl::AccessLevel::NoAccess, DatabaseKind::Calendar))
    {}

    void grant(const QString& name, acl::AccessLevel level, const QStringList& roles)
    {
        acl::AclEntry entry = acl::AclEntry::make(calendarUser(name), level);
        entry.rights |= acl::CreateDocuments | acl::DeleteDocuments;
        entry.roles = roles;
        f.setEntry(db, entry);
    }

    std::unique_ptr<ReplicaStore> server()
    {
        auto store = ReplicaStore::open(f.serverPath(db));
        REQUIRE(store.isOk());
        return std::move(store).value();
    }

    bool stored(const Unid& unid) { return server()->find(unid)->has_value(); }
    Document current(const Unid& unid) { return **server()->find(unid); }

    // Pushes `docs` as `name` from `instance`; every one of `refused` (by UNID) and no other is
    // refused, each (when `reason` is given) saying it; nothing refused is stored — no such
    // document, or the version stored before.
    void expect(const QString& name, const InstanceId& instance, const std::vector<Document>& docs,
                const std::vector<Unid>& refused, const QString& reason = {})
    {
        std::uint64_t counter = 1;
        for (const Document& doc : docs)
            counter = std::max(counter, doc.versions.get(instance));
        auto peer = std::make_unique<HostilePeer>(f.port(), f.user(name));
        REQUIRE(peer->isConnected());
        requireOk(peer->hello(db, info.replicaId, calendarUser(name), instance, counter).status());
        auto ack = peer->push(docs, 1, true);
        requireOk(ack.status());
        std::vector<Unid> got;
        for (const auto& refusal : ack->refused) {
            INFO(refusal.message.toStdString());
            got.push_back(refusal.unid);
            if (!reason.isEmpty())
                CHECK(refusal.message.contains(reason));
        }
        CHECK(got.size() == refused.size());
        for (const Unid& unid : refused)
            CHECK(std::find(got.begin(), got.end(), unid) != got.end());
        for (const Document& doc : docs)
            if (std::find(refused.begin(), refused.end(), doc.unid) != refused.end() && !doc.isDeleted())
                CHECK((!stored(doc.unid) || !current(doc.unid).sameLiveContent(doc)));
    }
};

} // namespace sen::test
