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
    AppOffice(ServerFixture& f, const QString& user, const QString& database)
        : office(f, user), controller(office.workspace, office.credentials), log(controller),
          databases(office.workspace, office.credentials.name.toString())
    {
        databases.watch(controller);
        addReplicaAndWait(controller, log, office, database);
        auto opened = databases.session(database);
        REQUIRE(opened.isOk());
        session = *opened;
    }

    SyncTestOffice office;
    client::SyncController controller;
    ControllerLog log;
    app::OpenDatabases databases;
    std::shared_ptr<app::DatabaseSession> session;
};

} // namespace sen::test
