#pragma once

// A client replica's servers (issue #16, docs/client.md §Failover): an ordered list of
// HOST:PORT addresses, the first the home server, stored comma-separated in the replica's
// `replication.server` setting (a replica of an older Sen holds one address: a list of one).
// parse() validates and bounds a list as the user or the file gives it; movesOn() is the
// failover rule: which outcome of a session with one server lets the client try the next.
//
// GUI-free, stateless.

#include "common/core/Result.h"

#include <QStringList>

namespace sen::client::ReplicaServers {

inline constexpr int kMaxServers = 8;
inline constexpr int kMaxTextLength = 4096; // the whole list as typed or stored

// "HOST:PORT[,HOST:PORT]..." (spaces around commas allowed): each address checked by
// RemoteEndpoint::parse and written back in its normal form, none twice, 1 to kMaxServers.
// `database` only completes the endpoint that parse checks.
[[nodiscard]] Result<QStringList> parse(const QString& text, const QString& database);
// The stored form: the addresses joined by ','.
[[nodiscard]] QString join(const QStringList& servers);

// Whether a session that ended with `status` leaves the server unheard, so the next server of
// the list is tried: it could not be reached, the connection was lost or timed out (IoError),
// or it is at its limit (Busy). Every other failure is an answer, about us or about the
// database (PermissionDenied: our certificate or access refused; InvalidArgument: it holds
// another database under that name; ProtocolError, Unsupported, ...): the sync stops there
// and reports it, naming that server, so a refusal is never hidden by another server's data.
[[nodiscard]] bool movesOn(const Status& status);

} // namespace sen::client::ReplicaServers
