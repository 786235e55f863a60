#pragma once

// Bundles: the replication exchange written to a file and carried — on a USB stick — to an
// office with no link at all, imported there, and answered with a return bundle the same
// way. The file is a stream of protocol frames (docs/protocol.md §Bundles): a header naming
// the database, the author, how far the author has imported the recipient's changes, and the
// certificate of the ID that signs it; whole document versions from the author's change feed
// since what the recipient last acknowledged; the attachment chunks they reference; the
// refusals of the bundle it answers; numbers asked for (an office) or given (a server's
// answer); an end frame with a digest of everything before it and
// the signer's signature of that digest (format 2). A first bundle a server writes for a named
// user (format 3) also carries, in its header, what a session's handshake tells a new replica:
// the database's name, kind and title, the user's access, the server's name (BundleDatabase).
//
// Reading checks the digest, the signature and the signer's certificate (the organisation's
// certifier and revocation list, as a TLS peer's: identity/PeerVerifier.h; at an office, the
// newer of the CRL it kept and the one the bundle carries) before anything is stored: an altered, truncated,
// unsigned or foreign bundle is refused and changes nothing. Importing then knows who made the bundle: every
// version goes through the checks a pushed one does (session/PushedVersion.h: the importer's access policy
// for that user and PushCheck, when given, else the secrecy rule). Import is all or nothing (one transaction)
// and idempotent: importing the same bundle again stores nothing.

#include "common/core/Result.h"
#include "common/identity/CertificateInfo.h"
#include "common/identity/Credentials.h"
#include "common/store/ReplicaStore.h"
#include "replication/protocol/Frame.h"
#include "replication/protocol/Messages.h"
#include "replication/protocol/Numbers.h"

#include <QDateTime>
#include <QIODevice>

#include <optional>
#include <vector>

namespace sen {

class AccessPolicy;
class PushCheck;

// What a first bundle for a user carries that a session's handshake tells (format 3): the
// database as DATABASE_INFO describes it, the server's name for it and the server's own name
// (its certificate's, as a TLS peer's), the user it was written for and that user's access as
// WELCOME reports it. An office makes its new replica from these (client/app/OfficeBundle.h).
struct BundleDatabase
{
    QString database; // the server's name for it
    int kind = 0;     // DatabaseKind (common/model/ReplicaInfo.h)
    QString title;
    QString user;       // whom the bundle was written (and reader-filtered) for
    QString serverName; // the signer's name: the server that wrote it
    std::optional<protocol::WelcomeAccess> access;

    bool operator==(const BundleDatabase&) const = default;
};

struct BundleInfo
{
    ReplicaId replicaId;
    InstanceId author;
    std::optional<InstanceId> recipient; // none: a first bundle for anyone
    std::int64_t since = 0;              // the author's feed position it starts after
    std::int64_t lastSeq = 0;            // the author's feed position it covers
    std::int64_t ack = 0;                // the recipient's feed position the author has imported
    std::uint64_t counter = 0;           // the author instance's last counter when written
    QString signer;                      // the name on the signing certificate
    qint64 documents = 0;
    qint64 chunks = 0;
    qint64 stored = 0;            // import: versions that changed the replica
    qint64 conflicts = 0;         // import: conflict documents made
    qint64 refused = 0;           // import: versions the checks refused (`refusals` says which and why)
    qint64 deferred = 0;          // import: versions left for a later bundle (PushCheck's declared counter)
    qint64 noted = 0;             // import: refusals of our own versions the bundle reports (now recorded)
    qint64 numberRequests = 0;    // write: registrations asking for a number
    qint64 numbered = 0;          // import: numbers the bundle's answers gave our registrations
    bool alreadyImported = false; // import: every version was imported before; nothing judged again
    std::vector<protocol::Refusal> refusals; // import: what was refused here, to tell the author
};

struct BundleWriteOptions
{
    std::optional<InstanceId> recipient; // none: everything, for anyone
    bool withChunks = true;              // false: summary-only, no attachment chunks
    // Only what this policy's user may read (a server answering an office, the reader
    // filtering of a network pull: session/ReaderFilter.h, ChunkAccess.h); null: everything.
    const AccessPolicy* readers = nullptr;
    // The refusals of the recipient's bundle just imported, told back to it.
    std::vector<protocol::Refusal> refusals;
    // The certifier's current CRL (DER), carried so an office with no link learns revocations
    // (a server writes it; empty: none).
    QByteArray crlDer;
    // Numbers (docs/protocol.md §Numbers) as a session's NUMBER and NUMBERS carry them: an
    // office asks for its registrations awaiting one, a server answers in its answer bundle.
    std::vector<protocol::NumberRequest> numberRequests;
    std::vector<protocol::NumberAnswer> numberAnswers;
    // A first bundle for a user (a server: `sen-server bundle export --for`): written in
    // format 3 with these facts; none: format 2, which every reader since format 2 reads.
    std::optional<BundleDatabase> database;
};

// Writes every change since what the recipient acknowledged, signed with `signer`'s key.
Result<BundleInfo> writeBundle(ReplicaStore& store, const identity::Credentials& signer, QIODevice& out,
                               const BundleWriteOptions& options = {});

// Whom the reader believes.
struct BundleTrust
{
    QByteArray certifierDer; // the organisation's certifier: the only issuer a signer may have
    // The certifier's current CRL (a server); empty: the one the bundle carries, which must be
    // the certifier's, or `keptCrlDer` when that is newer.
    QByteArray crlDer;
    QDateTime now = QDateTime::currentDateTimeUtc();
    // An office's own: the newest CRL of the certifier it has seen (client/core/OfficeCrl.h).
    // With no `crlDer`, the signer is checked against the newer of it and the bundle's, so an
    // old CRL carried by a revoked signer does not undo a revocation the office knows.
    QByteArray keptCrlDer;
};

// A bundle read whole, its digest, signature and signer checked; nothing stored yet.
struct SignedBundle
{
    BundleInfo info;
    identity::CertificateInfo signer;
    QByteArray crlDer;                      // the CRL it carries (empty: none)
    QByteArray checkedCrlDer;               // the CRL the signer was checked against
    std::optional<BundleDatabase> database; // a first bundle's facts (format 3)
    int format = 0;
    std::vector<protocol::Refusal> refusals; // what its author refused of the recipient's versions
    std::vector<protocol::NumberRequest> numberRequests; // the author's registrations awaiting a number
    std::vector<protocol::NumberAnswer> numberAnswers;   // numbers given to the recipient's requests
    std::vector<protocol::Frame> frames;                 // documents and chunks, in order
};

// Corruption for a damaged or truncated file (a digest that does not match); Unsupported for
// another format (format 1 was not signed, a later one is unknown); PermissionDenied for a signature that
// does not match, a signer from another certifier, revoked, or outside its validity.
Result<SignedBundle> readBundle(QIODevice& in, const BundleTrust& trust);

struct BundleImportOptions
{
    // The importing side's policy for the signer (a server: AclAccessPolicy); null: the secrecy
    // rule with the classification of the version's ancestors (acl/ParentSecrecy.h).
    const AccessPolicy* access = nullptr;
    // The server's limits on a push from the signer (session/PushCheck.h); null: none.
    PushCheck* check = nullptr;
};

// Imports a bundle of another replica of the same database (InvalidArgument otherwise).
Result<BundleInfo> importBundle(ReplicaStore& store, const SignedBundle& bundle,
                                const BundleImportOptions& options = {});

} // namespace sen
