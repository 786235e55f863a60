#include "tests/server/Bystander.h"

#include "tests/server/RequireOk.h"

#include <QElapsedTimer>

namespace sen::test {

Bystander::Bystander(ServerFixture& fixture, const QString& database, const QString& name)
    : m_fixture(fixture), m_database(database), m_tls(fixture.user(name))
{
    m_store = m_fixture.clientReplica(QStringLiteral("bystander-%1.sen").arg(database), database, m_tls);
}

void Bystander::sync(qint64 maxMs)
{
    createDocument(*m_store, QStringLiteral("Báo cáo số %1").arg(m_syncs + 1));
    QElapsedTimer elapsed;
    elapsed.start();
    requireOk(m_fixture.sync(*m_store, m_database, m_tls));
    const qint64 ms = elapsed.elapsed();
    INFO("the bystander's sync " << m_syncs + 1 << " took " << ms << " ms");
    if (maxMs > 0)
        REQUIRE(ms < maxMs);
    ++m_syncs;
}

void createDocument(ReplicaStore& store, const QString& subject)
{
    auto saved = store.save(DocumentEdit::create(QStringLiteral("VanBanDen"))
                                .set(Item::text(QStringLiteral("TrichYeu"), subject)));
    INFO(saved.status().toString().toStdString());
    REQUIRE(saved.isOk());
}

} // namespace sen::test
