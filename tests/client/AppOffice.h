#pragma once

// One office as `sen` runs it, for the application-layer tests: a logged-in user
// (SyncTestOffice), its replication controller and what it reported, and the session of one
// database added from the server — the objects sen's pages work through.

#include "client/app/OpenDatabases.h"
#include "tests/client/SyncTestOffice.h"

#include <catch2/catch.hpp>

namespace sen::test {

struct AppOffice
{
    // `home`: the workspace's folder name when not the user's (a second computer of the user).
    AppOffice(ServerFixture& f, const QString& user, const QString& databaseName, const QString& home = {})
        : database(databaseName), office(f, user, home), controller(office.workspace, office.credentials),
          log(controller), databases(office.workspace, office.credentials.name.toString())
    {
        databases.watch(controller);
        addReplicaAndWait(controller, log, office, databaseName);
        auto opened = databases.session(databaseName);
        REQUIRE(opened.isOk());
        session = *opened;
    }

    // Syncs the database and returns how many of this office's versions the server refused.
    qint64 sync()
    {
        const std::size_t before = log.finished.size();
        controller.sync(database);
        REQUIRE(log.waitFinished(before + 1));
        INFO(log.finished.back().status.toString().toStdString());
        REQUIRE(log.finished.back().status.isOk());
        return log.finished.back().stats.refused;
    }

    // The logged-in user's hierarchical name.
    QString name() const { return office.credentials.name.toString(); }

    QString database;
    SyncTestOffice office;
    client::SyncController controller;
    ControllerLog log;
    app::OpenDatabases databases;
    std::shared_ptr<app::DatabaseSession> session;
};

// Gives "NAME/ORG" `level` with the create right and `roles` in the server's `database`.
inline void grant(ServerFixture& f, const QString& database, const QString& name, acl::AccessLevel level,
                  const QStringList& roles = {})
{
    acl::AclEntry entry = acl::AclEntry::make(name + u'/' + f.orgName(), level);
    entry.rights |= acl::CreateDocuments;
    entry.roles = roles;
    f.setEntry(database, entry);
}

} // namespace sen::test
