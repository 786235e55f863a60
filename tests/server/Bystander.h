#pragma once

// A well-behaved client beside a bad one: its own user and replica of a server database; each
// sync writes one document first, so every sync has something to push. Bad-input tests use it
// to show that a refused or stalled peer holds up and loses nothing for anyone else.

#include "tests/server/ServerFixture.h"

namespace sen::test {

class Bystander
{
public:
    // `database` must exist on the fixture's server.
    Bystander(ServerFixture& fixture, const QString& database,
              const QString& name = QStringLiteral("Lê Văn Cường"));

    // Writes one document and syncs; the test fails unless the sync succeeds and took less
    // than `maxMs` (0: any time).
    void sync(qint64 maxMs = 0);
    int syncs() const { return m_syncs; }
    ReplicaStore& store() { return *m_store; }

private:
    ServerFixture& m_fixture;
    QString m_database;
    QSslConfiguration m_tls;
    std::unique_ptr<ReplicaStore> m_store;
    int m_syncs = 0;
};

// Saves one document with the subject `subject`.
void createDocument(ReplicaStore& store, const QString& subject);

} // namespace sen::test
