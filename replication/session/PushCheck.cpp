#include "replication/session/PushCheck.h"

#include "common/identity/HierarchicalName.h"
#include "common/store/ReplicaStore.h"
#include "common/store/ReplicationLog.h"
#include "replication/protocol/ProtocolConstants.h"

namespace sen {

using namespace protocol;

namespace {

Status vectorTooLong(const Unid& unid, std::size_t entries)
{
    return Status(ErrorCode::ProtocolError,
                  QStringLiteral("the version vector of document %1 has %2 entries (at most %3)")
                      .arg(unid.toHex())
                      .arg(entries)
                      .arg(kMaxVectorEntries));
}

bool sameName(const QString& a, const QString& b)
{
    const auto left = identity::HierarchicalName::parse(a);
    const auto right = identity::HierarchicalName::parse(b);
    return left && right && *left == *right;
}

} // namespace

Status checkDeclaredCounter(ReplicaStore& store, const InstanceId& instance, std::uint64_t counter,
                            const QString& peerName)
{
    if (counter > kMaxCounter)
        return Status(
            ErrorCode::ProtocolError,
            QStringLiteral("the counter %1 the peer declares is beyond the largest a replica may reach (%2)")
                .arg(counter)
                .arg(kMaxCounter));
    SEN_ASSIGN_OR_RETURN(const auto known, store.replication().log().peer(instance));
    if (known && known->highestCounter > counter)
        return Status(
            ErrorCode::StaleInstance,
            QStringLiteral("this replica is behind what %1 already sent (counter %2 < %3): it is a copy "
                           "or a restored backup and must take a new instance ID")
                .arg(peerName)
                .arg(counter)
                .arg(known->highestCounter));
    return Status::ok();
}

PushCheck::PushCheck(ReplicaStore& store, PushPeer peer, const Clock* clock)
    : m_store(store), m_peer(std::move(peer)), m_clock(clock ? *clock : SystemClock::instance())
{}

Status PushCheck::checkEntry(const ChangeEntry& entry) const
{
    if (entry.versions.entries().size() > static_cast<std::size_t>(kMaxVectorEntries))
        return vectorTooLong(entry.unid, entry.versions.entries().size());
    return Status::ok();
}

Result<PushCheck::Outcome> PushCheck::checkVersion(const std::optional<Document>& stored,
                                                   const Document& incoming)
{
    if (incoming.versions.entries().size() > static_cast<std::size_t>(kMaxVectorEntries))
        return vectorTooLong(incoming.unid, incoming.versions.entries().size());

    // Before anything observes the times: a refused version never moves the server's clock.
    const qint64 wallMs = m_clock.nowMs();
    for (const Item& item : incoming.items) {
        if (stored && stored->versions.knows(item.stamp.dot))
            continue; // held here already: checked when it came
        if (HybridClock::isTooFarAhead(item.stamp.time, wallMs, kMaxClockSkewMs))
            return Outcome{
                Verdict::Refuse,
                Status(ErrorCode::InvalidArgument,
                       QStringLiteral("item %1 of document %2 is stamped %3 s ahead of the server's "
                                      "clock (at most %4 s allowed): check the computer's date and time")
                           .arg(item.name, incoming.unid.toHex())
                           .arg((hlcPhysicalMs(item.stamp.time) - wallMs) / 1000)
                           .arg(kMaxClockSkewMs / 1000))};
    }

    // The dots this version adds to what the server holds.
    VersionVector base;
    if (stored) {
        base = stored->versions;
    } else if ((incoming.flags & IsConflict) && incoming.parent) {
        // A conflict document is a losing version of its parent, kept whole (docs/merge.md):
        // its dots are the parent's, plus the pusher's own.
        SEN_ASSIGN_OR_RETURN(const auto parent, m_store.replication().findHeader(*incoming.parent));
        if (parent)
            base = parent->versions;
    }
    bool beyondHello = false;
    for (const auto& [instance, counter] : incoming.versions.entries()) {
        if (counter <= base.get(instance))
            continue;
        if (instance == m_peer.instance) {
            beyondHello = beyondHello || counter > m_peer.counter;
            continue;
        }
        if (m_peer.isServer)
            continue; // a server relays the edits of every replica it serves
        SEN_ASSIGN_OR_RETURN(const bool own, isOwnInstance(instance));
        if (!own)
            return Outcome{
                Verdict::Refuse,
                Status(ErrorCode::PermissionDenied,
                       QStringLiteral("the version vector of document %1 claims edit %2 of instance %3, "
                                      "which is not one of %4's replicas")
                           .arg(incoming.unid.toHex())
                           .arg(counter)
                           .arg(instance.toHex(), m_peer.name))};
    }
    if (beyondHello)
        return Outcome{
            Verdict::Defer,
            Status(ErrorCode::InvalidArgument,
                   QStringLiteral("document %1 counts instance %2 past the counter it declared (%3)")
                       .arg(incoming.unid.toHex(), m_peer.instance.toHex())
                       .arg(m_peer.counter))};
    return Outcome{};
}

Result<bool> PushCheck::isOwnInstance(const InstanceId& instance)
{
    if (const auto it = m_own.find(instance); it != m_own.end())
        return it->second;
    SEN_ASSIGN_OR_RETURN(const auto known, m_store.replication().log().peer(instance));
    const bool own = known && sameName(known->name, m_peer.name);
    m_own.emplace(instance, own);
    return own;
}

} // namespace sen
