// ProvinceSimulation::check(): what a converged province must hold (docs/merge.md §"What the
// province simulation checks"). The hub is the reference: its documents and stubs in
// canonical form (encodeDocument, as SyncFixture::dump compares replicas).

#include "common/model/DocumentCodec.h"
#include "tests/replication/ProvinceSimulation.h"

#include <set>

namespace sen::test {

namespace {

Status differs(const QString& what)
{
    return Status(ErrorCode::Internal, what);
}

} // namespace

Status ProvinceSimulation::compareWithHub(int node, const std::map<Unid, QByteArray>& hub, qint64 hubLive)
{
    const bool server = m_topology.isServer(node);
    qint64 rows = 0;
    qint64 live = 0;
    Status mismatch;
    const Status walked = replica(node).forEachDocument(
        [&](const Document& doc) {
            ++rows;
            if (!doc.isDeleted())
                ++live;
            const auto it = hub.find(doc.unid);
            if (it == hub.end()) {
                mismatch =
                    differs(QStringLiteral("%1 holds %2 (%3), the hub does not")
                                .arg(m_topology.name(node), doc.unid.toHex(),
                                     doc.isDeleted() ? QStringLiteral("a stub") : QStringLiteral("live")));
                return false;
            }
            if (it->second != encodeDocument(doc)) {
                mismatch =
                    differs(QStringLiteral("%1 and the hub hold different versions of %2 (vectors %3)")
                                .arg(m_topology.name(node), doc.unid.toHex(), doc.versions.toString()));
                return false;
            }
            return true;
        },
        true);
    SEN_TRY(walked);
    SEN_TRY(mismatch);
    // A server keeps every stub, so it holds exactly the hub's rows; a client holds the same
    // live documents and may have dropped any stub.
    if (server && rows != static_cast<qint64>(hub.size()))
        return differs(QStringLiteral("%1 holds %2 documents and stubs, the hub %3")
                           .arg(m_topology.name(node))
                           .arg(rows)
                           .arg(hub.size()));
    if (live != hubLive)
        return differs(QStringLiteral("%1 holds %2 live documents, the hub %3")
                           .arg(m_topology.name(node))
                           .arg(live)
                           .arg(hubLive));
    return Status::ok();
}

Status ProvinceSimulation::check()
{
    std::map<Unid, QByteArray> hub;
    std::map<Unid, bool> hubLive;
    m_figures.liveDocuments = m_figures.conflictDocuments = m_figures.stubs = 0;
    SEN_TRY(replica(0).forEachDocument(
        [&](const Document& doc) {
            hub.emplace(doc.unid, encodeDocument(doc));
            hubLive.emplace(doc.unid, !doc.isDeleted());
            if (doc.isDeleted())
                ++m_figures.stubs;
            else if (doc.isConflict())
                ++m_figures.conflictDocuments;
            else
                ++m_figures.liveDocuments;
            return true;
        },
        true));
    const qint64 live = m_figures.liveDocuments + m_figures.conflictDocuments;
    m_figures.refusalsShown = 0;
    for (int node = 1; node < m_topology.nodes(); ++node) {
        SEN_TRY(compareWithHub(node, hub, live));
        SEN_ASSIGN_OR_RETURN(const auto refusals, replica(node).replication().refusals());
        for (const auto& refusal : refusals)
            m_figures.refusalsShown += refusal.current ? 1 : 0;
    }

    // No revival: a document every edit of which (its creation included) some deletion of it
    // had seen is deleted everywhere. Every replica's live set is the hub's (above), so the
    // hub answers for all of them.
    std::map<Unid, std::vector<const DeleteRecord*>> deletions;
    for (const DeleteRecord& d : m_deletes)
        deletions[d.unid].push_back(&d);
    std::set<Unid> survivors; // an edit no deletion saw
    for (const EditRecord& e : m_edits) {
        bool seen = false;
        for (const DeleteRecord* d : deletions[e.unid])
            seen = seen || d->vv.knows(e.dot);
        if (!seen)
            survivors.insert(e.unid);
    }
    m_figures.deletedForGood = 0;
    for (const auto& [unid, records] : deletions) {
        if (survivors.count(unid))
            continue;
        ++m_figures.deletedForGood;
        const auto it = hubLive.find(unid);
        if (it == hubLive.end())
            return differs(
                QStringLiteral("the hub has no stub for %1, deleted after every edit").arg(unid.toHex()));
        if (it->second)
            return differs(QStringLiteral("%1 is live again although every edit of it was seen by a deletion")
                               .arg(unid.toHex()));
    }
    return Status::ok();
}

} // namespace sen::test
