#include "replication/session/AuthorityExchange.h"

#include "replication/protocol/AuthorityMessages.h"

namespace sen {

using protocol::MessageType;

namespace {

Status unexpected(const char* what)
{
    return Status(ErrorCode::ProtocolError, QStringLiteral("unexpected %1").arg(QLatin1String(what)));
}

} // namespace

AuthorityExchange::AuthorityExchange(std::shared_ptr<AuthorityKeeper> keeper, bool initiator, Send send)
    : m_keeper(std::move(keeper)), m_initiator(initiator), m_send(std::move(send))
{}

Status AuthorityExchange::begin()
{
    if (!m_initiator || m_stage != Stage::Idle)
        return unexpected("start of the authority exchange");
    SEN_ASSIGN_OR_RETURN(const HeldAuthority held, m_keeper->held());
    m_ours = held.serial;
    m_send(MessageType::AuthoritySerial, protocol::encodeAuthoritySerial(m_ours));
    m_stage = Stage::Told;
    return Status::ok();
}

Status AuthorityExchange::onSerial(QByteArrayView payload)
{
    if (m_initiator && m_stage == Stage::Confirming) {
        // The responder took the record we sent and says so.
        SEN_ASSIGN_OR_RETURN(const std::uint64_t confirmed, protocol::decodeAuthoritySerial(payload));
        if (confirmed != m_ours)
            return Status(ErrorCode::ProtocolError,
                          QStringLiteral("AUTHORITY_SERIAL confirms %1, not the record %2 sent")
                              .arg(confirmed)
                              .arg(m_ours));
        m_stage = Stage::Settled;
        return Status::ok();
    }
    if (m_initiator ? m_stage != Stage::Told : m_stage != Stage::Idle)
        return unexpected("AUTHORITY_SERIAL");
    SEN_ASSIGN_OR_RETURN(const std::uint64_t theirs, protocol::decodeAuthoritySerial(payload));
    SEN_ASSIGN_OR_RETURN(const HeldAuthority held, m_keeper->held());
    if (!m_initiator) {
        m_ours = held.serial;
        m_send(MessageType::AuthoritySerial, protocol::encodeAuthoritySerial(m_ours));
    }
    // What we told the peer decides, not what we hold now: both sides agree on who sends.
    if (theirs > m_ours) {
        m_expected = theirs;
        m_stage = Stage::Expecting;
        return Status::ok();
    }
    if (m_ours > theirs) {
        if (held.serial != m_ours) // another session replaced ours meanwhile: send what we told
            return Status(ErrorCode::Conflict,
                          QStringLiteral("the authority record changed during the session"));
        m_send(MessageType::Authority, protocol::encodeAuthority(held.record));
        m_sent = true;
        // The initiator waits for the responder to confirm it took the record.
        m_stage = m_initiator ? Stage::Confirming : Stage::Settled;
        return Status::ok();
    }
    m_stage = Stage::Settled;
    return Status::ok();
}

Status AuthorityExchange::onRecord(QByteArrayView payload)
{
    if (m_stage != Stage::Expecting)
        return unexpected("AUTHORITY");
    SEN_ASSIGN_OR_RETURN(const protocol::AuthorityRecord record, protocol::decodeAuthority(payload));
    if (record.content.serial != m_expected)
        return Status(ErrorCode::ProtocolError,
                      QStringLiteral("AUTHORITY carries the record %1, not the %2 told")
                          .arg(record.content.serial)
                          .arg(m_expected));
    SEN_TRY(m_keeper->receive(record.bytes, m_expected));
    if (!m_initiator) // the initiator's push waits for this
        m_send(MessageType::AuthoritySerial, protocol::encodeAuthoritySerial(m_expected));
    m_received = true;
    m_stage = Stage::Settled;
    return Status::ok();
}

} // namespace sen
