#pragma once

// The server as the one authority over a database's registers (docs/registers.md §Numbering;
// issue #13): answers a session's NUMBER with numbers unique and gap-free in each register and
// period, bound to the registration's UNID in the replica file (RegisterNumbers) in one
// transaction per message, committed before the answer leaves — so a number once told is
// never told to another document, whatever happens to the server after (SIGKILL included),
// and asking again for the same document gives the same number.
//
// Every request is judged on its own, with the peer's access (resolved at HELLO):
// - the peer must be at least Author with the right to create documents;
// - the register must be a live register (SoVanBan) the peer may read;
// - the period must be the register's: 0 in a register of a term; in a yearly register the
//   current Vietnam year or the one before (a registration made on 31 December and synced in
//   January closes last year's book), never a later one;
// - a document the server holds must be one the peer may read (else NotFound: asking does
//   not tell its number) and a registration of the register's direction, not a conflict
//   document (which shows its parent's number: common/registers/RegisterCheck.h);
// - a document already bound keeps its number; another register or another number for it is
//   a Manager's correction only (the old binding goes, so the old number becomes free);
// - a number typed by hand is given only if it is free in the register and period;
// - a peer may hold at most `maxPending` numbers (default kMaxPendingNumbers; `sen-server run
//   --max-pending-numbers N`) whose registration has not reached the server, so no one can
//   empty a register with made-up document IDs: past it a request for a document the server
//   does not hold is refused with Busy.
// Every number given is written to the audit log (`number_given`).

#include "common/acl/EffectiveAccess.h"
#include "common/core/Clock.h"
#include "replication/session/Numbering.h"

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace sen {
class ReplicaStore;
}

namespace sen::server {

struct AuditEvent;

// The default bound on the numbers a user holds for registrations the server has not
// received (docs/protocol.md §What a server refuses).
constexpr qint64 kMaxPendingNumbers = 10'000;

class RegisterAuthority final : public NumberingAuthority
{
public:
    using AuditFn = std::function<void(const AuditEvent&)>;

    // `store` and `clock` (null: the system clock) must outlive this object.
    // `auditFailed`, when set and true, refuses every request (IoError): no number is given
    // unrecorded (docs/audit-log.md §When the log cannot be written). `maxPending` (at least
    // 1) bounds the numbers the peer holds for documents the server has not received.
    RegisterAuthority(ReplicaStore& store, acl::EffectiveAccess access, QString database, QString peerAddress,
                      AuditFn audit, std::shared_ptr<const std::atomic<bool>> auditFailed,
                      const Clock* clock = nullptr, qint64 maxPending = kMaxPendingNumbers);

    // Another server numbers this database's registers (server/net/NumberingServer.h): every
    // request is refused with Unsupported, naming `server`, and nothing is bound here.
    void setNumberedElsewhere(QString server) { m_elsewhere = std::move(server); }

    Result<std::vector<protocol::NumberAnswer>>
    answer(const std::vector<protocol::NumberRequest>& requests) override;

private:
    Result<protocol::NumberAnswer> decide(const protocol::NumberRequest& request, qint64& pending);

    ReplicaStore& m_store;
    acl::EffectiveAccess m_access;
    QString m_database;
    QString m_peerAddress;
    AuditFn m_audit;
    std::shared_ptr<const std::atomic<bool>> m_auditFailed;
    const Clock& m_clock;
    qint64 m_maxPending;
    std::optional<QString> m_elsewhere;
};

} // namespace sen::server
