#pragma once

// The hub's authority record in a session between two servers (protocol version 6,
// docs/protocol.md §Authority). After WELCOME the initiator tells the serial of the record it
// holds (AUTHORITY_SERIAL); the responder answers with its own and, when its record is newer,
// sends it (AUTHORITY); when the initiator's is newer, the initiator sends it and the responder,
// having taken it, confirms with AUTHORITY_SERIAL of the record's serial. So the newer record
// ends on both sides, whoever dialled. The initiator's push waits until the exchange is
// settled, so a session that completed carried it (a refusal ends it with ERROR).
//
// A session carries it only when both sides are servers: the server gives a responder an
// AuthorityKeeper only for a peer with a server certificate, and a responder without one ends
// the session (ProtocolError) on either message. A record received must announce the serial
// its sender told, must be newer than what this side told, and is believed only as the keeper
// decides (protocol/AuthorityRecord.h acceptAuthorityRecord). A spoke passes on the hub's
// record as it received it.
//
// AuthorityKeeper is called from the session's thread, inside its event loop; it may read and
// write files (a record is small and rare) but never blocks on the network.

#include "common/core/Result.h"
#include "replication/protocol/ProtocolConstants.h"

#include <QByteArray>

#include <cstdint>
#include <functional>
#include <memory>

namespace sen {

struct HeldAuthority
{
    std::uint64_t serial = 0; // 0: no record held
    QByteArray record;        // as received or signed
};

class AuthorityKeeper
{
public:
    virtual ~AuthorityKeeper() = default;
    // The record this server holds now.
    virtual Result<HeldAuthority> held() = 0;
    // A record the peer sent after telling `announcedSerial`: checked and, when believed,
    // kept and applied. A failed Status ends the session and changes nothing.
    virtual Status receive(const QByteArray& record, std::uint64_t announcedSerial) = 0;
};

// One session's side of the exchange; Session drives it.
class AuthorityExchange
{
public:
    using Send = std::function<void(protocol::MessageType, const QByteArray&)>;
    AuthorityExchange(std::shared_ptr<AuthorityKeeper> keeper, bool initiator, Send send);

    // Initiator, after a WELCOME of version 6 or later: tells the serial held.
    Status begin();
    Status onSerial(QByteArrayView payload);
    Status onRecord(QByteArrayView payload);
    // Initiator: the exchange is not settled yet (the push waits).
    bool isPending() const
    {
        return m_stage == Stage::Told || m_stage == Stage::Expecting || m_stage == Stage::Confirming;
    }
    bool received() const { return m_received; } // a record was taken from the peer
    bool sent() const { return m_sent; }         // ours went to the peer

private:
    enum class Stage
    {
        Idle,       // nothing told yet
        Told,       // initiator: our serial told, the responder's awaited
        Expecting,  // the peer's newer record awaited
        Confirming, // initiator: our record sent, the responder's confirmation awaited
        Settled,
    };
    std::shared_ptr<AuthorityKeeper> m_keeper;
    bool m_initiator;
    Send m_send;
    Stage m_stage = Stage::Idle;
    std::uint64_t m_ours = 0;
    std::uint64_t m_expected = 0;
    bool m_received = false;
    bool m_sent = false;
};

} // namespace sen
