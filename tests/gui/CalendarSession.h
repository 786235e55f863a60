#pragma once

// A workspace in a temporary directory holding one calendar replica, "lich", made as a user
// makes it (`senctl db create lich --kind calendar`), and the application layer's session of
// it as `user` (empty: the store is read instead), for the week schedule's widget tests.

#include "client/app/DatabaseSession.h"
#include "client/cli/Senctl.h"
#include "client/core/Workspace.h"
#include "tests/support/TempDir.h"

#include <QTextStream>

#include <catch2/catch.hpp>
#include <memory>

namespace sen::test {

struct CalendarSession
{
    explicit CalendarSession(const QString& user = {})
    {
        const QString home = dir.root() + QStringLiteral("/home");
        QString out, err;
        QTextStream o(&out), e(&err);
        REQUIRE(
            cli::runSenctl({QStringLiteral("--home"), home, QStringLiteral("db"), QStringLiteral("create"),
                            QStringLiteral("lich"), QStringLiteral("--kind"), QStringLiteral("calendar")},
                           o, e) == 0);
        auto workspace = client::Workspace::open(home);
        REQUIRE(workspace);
        auto opened = app::DatabaseSession::open(*workspace, QStringLiteral("lich"), user);
        REQUIRE(opened);
        session = std::move(*opened);
    }

    // Saves through the session, as the pages do; the document's UNID.
    Unid save(const DocumentEdit& edit)
    {
        auto saved = session->save(edit);
        INFO(saved.status().message().toStdString());
        REQUIRE(saved.isOk());
        return saved->unid;
    }

    TempDir dir;
    std::shared_ptr<app::DatabaseSession> session;
};

} // namespace sen::test
