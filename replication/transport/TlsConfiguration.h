#pragma once

// The one TLS configuration Sen uses (docs/protocol.md §Transport): TLS 1.3 only,
// both sides present a certificate chain from the organisation's certifier, and the only
// trusted CA is that certifier. There is no plaintext mode and no other trust store.

#include "common/core/Result.h"
#include "common/identity/Credentials.h"

#include <QSslConfiguration>
#include <QSslError>

namespace sen {

// A configuration presenting `credentials` and trusting only the certifier `certifierDer`.
// InvalidArgument when the key or a certificate does not load.
Result<QSslConfiguration> makeTlsConfiguration(const identity::Credentials& credentials,
                                               const QByteArray& certifierDer);

// The handshake errors a client may pass over: only a host-name mismatch, because servers
// are named by their certificate (checked with PeerVerifier), not by the address dialled —
// an office may reach the centre through any address. Everything else stays fatal.
QList<QSslError> ignorableClientErrors(const QList<QSslError>& errors);

} // namespace sen
