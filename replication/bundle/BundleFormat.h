#pragma once

// What the bundle's writer and reader agree on beyond the frames (docs/protocol.md §Bundles,
// format 2): the fields of the header and the end frame, and what the signature covers.

#include <QByteArray>
#include <QByteArrayView>

namespace sen::bundle {

// BUNDLE_HEADER: [format, replicaId, author, recipient|null, since, lastSeq, ack, written ms,
// counter, signer certificate DER, CRL DER|null].
constexpr int kHeaderFields = 11;
// BUNDLE_END: [lastSeq, documents, chunks, SHA-256 of every byte before it, signature].
constexpr int kEndFields = 5;

// The bytes the signer signs: a label naming what they are (so a signature made for anything
// else never passes for a bundle's), then the digest of every byte before the end frame.
inline QByteArray signedPart(QByteArrayView digest)
{
    return QByteArrayLiteral("Sen bundle, format 2, SHA-256:") + digest.toByteArray();
}

} // namespace sen::bundle
