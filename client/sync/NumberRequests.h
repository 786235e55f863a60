#pragma once

// The client's side of numbering in a session (docs/registers.md §Numbering): which
// registrations of the replica await a number, and writing the numbers the server gave.
//
// - requests(): every live registration naming a register this replica holds and having no
//   number, oldest change first, each with its period (registers::periodOf) and the number
//   typed by hand if any (SoDeNghi). Any replica holding one may ask: the server gives the
//   same number to every request for the same document. Found through AwaitingNumbers (the
//   replica's awaiting registrations, kept up to date from the change feed), not a walk of
//   every registration.
// - apply(): in one transaction, writes each number given into its registration (number item
//   set, SoDeNghi removed, an outgoing one's SoKyHieu composed with it) when the document still
//   awaits one; a refusal is remembered in the replica's setting "numbering.refusals" (JSON:
//   UNID → the reason), shown next to the document ("chờ cấp số", with why), and forgotten
//   when a number comes.
//
// The server is a peer, and a peer is a suspect (docs/protocol.md §Numbers): the session has
// already refused an answer for another document, another count, or a number outside
// 1..kMaxNumber; apply() refuses, leaving the registration awaiting with the reason among the
// refusals and in the log, a number that
// - differs from the number typed by hand (SoDeNghi) it answers;
// - the same answer gives to another document of the same register and period;
// - this session already wrote into another registration of that register and period;
// - answers a request whose register or period the registration no longer has (changed
//   while the number was asked; the next sync asks again).
// A number never replaces one the registration already shows: a different one is logged and
// left alone. The server's reasons are kept with control characters replaced by spaces.

#include "replication/session/Numbering.h"

#include <QJsonObject>
#include <QSet>

namespace sen {
class ReplicaStore;
}

namespace sen::client {

class NumberRequests final : public NumberingClient
{
public:
    // `store` must outlive this object.
    explicit NumberRequests(ReplicaStore& store);

    Result<std::vector<protocol::NumberRequest>> requests() override;
    Status apply(const std::vector<protocol::NumberRequest>& asked,
                 const std::vector<protocol::NumberAnswer>& answers) override;

    // The server's reasons for the numbers it refused, by UNID in hex.
    static Result<QJsonObject> refusals(const ReplicaStore& store);

private:
    ReplicaStore& m_store;
    QSet<QString> m_written; // "register|period|number" of each number this session wrote
};

} // namespace sen::client
