#pragma once

// The office's own revocation list (docs/protocol.md §Bundles, "An office's CRL"): the newest
// CRL of the certifier of the workspace's ID that the office has seen, kept in the workspace
// as `crl.der` (written atomically; not a database file). A bundle's signer is checked
// against the newer of it and the CRL the bundle carries, so a bundle signed by a revoked ID
// that carries an older CRL, from before the revocation, is refused once the office has seen
// the newer one. Sessions carry no CRL: an office learns revocations from the bundles it
// imports (a server puts its current CRL in every bundle it writes).
//
// Newer means a higher CRL number, or with equal numbers a later thisUpdate
// (identity::PeerVerifier::newerCrl). An older CRL never replaces a newer one; a CRL not
// signed by the certifier (another organisation's, damaged) is ignored.
//
// GUI-free; one thread at a time per workspace.

#include "common/core/Result.h"

#include <QByteArray>
#include <QString>

namespace sen::client {

class OfficeCrl
{
public:
    static QString pathIn(const QString& workspaceHome);
    // The CRL kept (DER); empty when none is kept or the file cannot be read.
    static QByteArray load(const QString& workspaceHome);
    // Keeps `crlDer` when it is signed by `certifierDer` and newer than the one kept (or none
    // is kept, or the kept one is not that certifier's). True when it replaced the kept one.
    static Result<bool> keep(const QString& workspaceHome, const QByteArray& certifierDer,
                             const QByteArray& crlDer);
};

} // namespace sen::client
