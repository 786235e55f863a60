#pragma once

// What the bundle's writer and reader agree on beyond the frames (docs/protocol.md §Bundles,
// formats 2 and 3): the fields of the header and the end frame, and what the signature covers.

#include <QByteArray>
#include <QByteArrayView>

namespace sen::bundle {

// BUNDLE_HEADER: [format, replicaId, author, recipient|null, since, lastSeq, ack, written ms,
// counter, signer certificate DER, CRL DER|null] and, in format 3, [database facts]:
// [database name, kind, title, user, server name, access [level, rights, roles, groups]|null].
constexpr int kHeaderFields = 11;
constexpr int kHeaderFieldsFormat3 = 12;
constexpr int kDatabaseFields = 6;
// BUNDLE_END: [lastSeq, documents, chunks, SHA-256 of every byte before it, signature].
constexpr int kEndFields = 5;

// The bytes the signer signs: a label naming what they are and the format (so a signature
// made for anything else never passes for a bundle's), then the digest of every byte before
// the end frame.
inline QByteArray signedPart(int format, QByteArrayView digest)
{
    return QByteArrayLiteral("Sen bundle, format ") + QByteArray::number(format) +
           QByteArrayLiteral(", SHA-256:") + digest.toByteArray();
}

} // namespace sen::bundle
