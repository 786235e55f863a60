#pragma once

// The client's side of numbering in a session (docs/registers.md §Numbering): which
// registrations of the replica await a number, and writing the numbers the server gave.
//
// - requests(): every live registration naming a register this replica holds and having no
//   number, oldest change first, each with its period (registers::periodOf) and the number
//   typed by hand if any (SoDeNghi). Any replica holding one may ask: the server gives the
//   same number to every request for the same document.
// - apply(): in one transaction, writes each number given into its registration (number item
//   set, SoDeNghi removed, an outgoing one's SoKyHieu composed with it) when the document still
//   awaits one; a refusal is remembered in the replica's setting "numbering.refusals" (JSON:
//   UNID → the server's reason), shown next to the document ("chờ cấp số", with why), and
//   forgotten when a number comes.

#include "replication/session/Numbering.h"

#include <QJsonObject>

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
    Status apply(const std::vector<protocol::NumberAnswer>& answers) override;

    // The server's reasons for the numbers it refused, by UNID in hex.
    static Result<QJsonObject> refusals(const ReplicaStore& store);

private:
    ReplicaStore& m_store;
};

} // namespace sen::client
