#pragma once

// The constants of Sen's replication protocol, read by both sides (docs/protocol.md).
// Change the prose and these numbers in the same commit.

#include "common/model/DocumentLimits.h"

#include <cstdint>

namespace sen::protocol {

// Protocol versions this build speaks; the session uses the highest both sides speak.
// Version 2 adds the sender's feed end to CHANGES, version 3 the peer's access to WELCOME,
// version 4 the numbering messages, version 5 the directory messages, version 6 the authority
// messages between servers, version 7 deletion stubs that keep a registration's number live
// (docs/protocol.md §Versions); a sender writes each only in a session that chose its version.
constexpr int kVersionMin = 1;
constexpr int kVersionMax = 7;
constexpr int kVersionFeedEnd = 2;       // the first version whose CHANGES may carry `feedEnd`
constexpr int kVersionWelcomeAccess = 3; // the first version whose WELCOME may carry the access
constexpr int kVersionNumbers = 4;       // the first version with NUMBER and NUMBERS
constexpr int kVersionDirectory = 5;     // the first version with DIRECTORY_REQUEST and DIRECTORY
constexpr int kVersionAuthority = 6;     // the first version with AUTHORITY_SERIAL and AUTHORITY
constexpr int kVersionNumberedStubs = 7; // the first version whose stubs may keep a number live

// Frame header: length (u32, bytes after the length field), type (u8), flags (u8), request
// id (u32), all big-endian.
constexpr int kHeaderSize = 10;
constexpr int kLengthFieldSize = 4;

// Limits checked before anything is allocated.
constexpr std::uint32_t kMaxPayload = 16u << 20;      // one frame's payload, compressed or not
constexpr std::uint32_t kMaxDecompressed = 32u << 20; // one payload after decompression
constexpr int kMaxCborDepth = 8;                      // nesting of arrays and maps
constexpr std::uint32_t kMaxCborItems = 1u << 20;     // containers + elements in one payload
constexpr int kZstdWindowLog = 18;                    // the window a sender compresses with (256 KiB)
constexpr int kZstdWindowLogMax = 20;                 // the largest window a receiver accepts (1 MiB)

// Frame flags (persisted on the wire).
enum FrameFlag : std::uint8_t
{
    Compressed = 0x01, // payload went through the direction's zstd stream
};
constexpr std::uint8_t kKnownFrameFlags = Compressed;

// Message types (persisted on the wire: never renumber).
enum class MessageType : std::uint8_t
{
    Hello = 1,      // initiator -> responder: versions, identities, database
    Welcome = 2,    // responder -> initiator: chosen version, identities
    Pull = 3,       // receiver -> sender: changes since a checkpoint, with a filter
    Changes = 4,    // sender -> receiver: a batch of (UNID, version vector, seq, deleted)
    Want = 5,       // receiver -> sender: which of a batch it lacks, with its own vectors
    Docs = 6,       // sender -> receiver: the wanted versions, as deltas where possible
    Ack = 7,        // receiver -> sender: a batch applied, the checkpoint it reached
    Error = 8,      // either way: code and message; the connection closes after it
    Chunks = 9,     // sender -> receiver: attachment chunks the receiver asked for
    ChunkWant = 10, // receiver -> sender: the chunks it lacks, by SHA-256
    // Bundles (replication/bundle/Bundle.h): the same exchange carried in a file.
    BundleHeader = 11,
    BundleDocs = 12,
    BundleEnd = 13,
    // responder -> initiator, answering a HELLO with a null replica ID (docs/protocol.md
    // §Describing a database): the database's replica ID, kind and title; then it closes.
    DatabaseInfo = 14,
    // Version 4 (docs/protocol.md §Numbers): initiator -> responder, the registrations awaiting
    // a number; responder -> initiator, the numbers given (replication/protocol/Numbers.h).
    Number = 15,
    Numbers = 16,
    // Version 5 (docs/protocol.md §Directory): initiator -> responder after WELCOME, a request
    // for the database's directory; responder -> initiator, the directory
    // (replication/protocol/DirectoryListing.h).
    DirectoryRequest = 17,
    Directory = 18,
    // Version 6 (docs/protocol.md §Authority), between two servers only: each side's serial
    // of the hub's authority record, then the newer record from the side holding it
    // (replication/protocol/AuthorityMessages.h).
    AuthoritySerial = 19,
    Authority = 20,
};
constexpr std::uint8_t kMaxMessageType = 20;
// Bundles (docs/protocol.md §Bundles): 2 signed; 3 adds a first bundle's database facts. A
// writer writes 3 only for a bundle that carries them, so an older reader reads the rest.
constexpr int kBundleFormatVersion = 3;
constexpr int kBundleFormatSigned = 2; // the oldest format read

// Attachment chunks.
constexpr int kChunkWantMax = 64;                    // hashes in one CHUNK_WANT
constexpr std::uint32_t kChunkFrameBytes = 1u << 20; // CHUNKS frames carry about this much

// Instances (docs/protocol.md §Instances). A counter counts one replica's saves: no honest
// replica comes near 2^53 (a save a microsecond for 285 years), and a HELLO or version vector
// naming a larger one is refused (common/core/VersionVector.h kMaxCounter), so a counter also
// stays exact wherever it becomes a double.

// What a server refuses of a pushed version (docs/protocol.md §"What a server refuses").
// Times and counters near the 64-bit limit are refused by every decoder (common/core:
// kMaxHlcTime, kMaxCounter; common/model: kMinDateTimeMs, kMaxDateTimeMs).
// An item stamped more than this ahead of the server's wall clock is refused (in the ACK):
// a PC whose clock is a few minutes fast still syncs, one set to another year does not drag
// every clock in the organisation after it.
constexpr std::int64_t kMaxClockSkewMs = 5 * 60 * 1000;
// Instances in one version vector: each is a replica that edited the document. A register
// entry is edited by a handful of cadres, a shared document by a department; an office of a
// few hundred users with two or three replicas each stays far below this, while a vector of
// this length still costs only about 20 KiB.
constexpr int kMaxVectorEntries = 1024;

// WELCOME's access element (version 3): the roles and directory groups the server resolved
// for the peer, bounded so a hostile responder cannot make the client keep megabytes.
constexpr int kMaxAccessNames = 256;       // roles, and groups, each at most this many
constexpr int kMaxAccessNameLength = 1024; // characters of one role or group name
constexpr int kMaxAccessLevel = 255;       // the level and rights numbers (acl checks them further)

// A PULL's selective-replication filter: the forms it names are compared with every change the
// sender walks, so their number and length are bounded (a database has a few dozen forms).
constexpr int kMaxFilterForms = 64;
constexpr int kMaxFormNameLength = 256;

// Batching.
constexpr int kDefaultBatchSize = 500; // CHANGES entries per batch
constexpr int kDefaultWindow = 16;     // CHANGES batches in flight before their WANT

// Resource bounds (docs/protocol.md §Limits): what one connection may make a side hold.
// A receiver holds at most this many CHANGES batches awaiting their DOCS; a sender never
// keeps more in flight, and a peer that sends more is refused (ProtocolError).
constexpr int kMaxWindow = kDefaultWindow;
// Chunks a peer may have asked for and not yet received (one CHUNK_WANT's worth: an honest
// receiver asks again only when every chunk it asked for has come). A hash asked for twice
// is queued once; more outstanding is a ProtocolError.
constexpr int kMaxQueuedChunks = kChunkWantMax;
// A sender makes no further CHANGES, DOCS or CHUNKS frames while this many bytes wait to
// be written to the peer; it goes on as they drain.
constexpr std::int64_t kSendBacklogBytes = 4 << 20;
// A sender ends a CHANGES batch early so that the batch's DOCS stay within these, whatever
// the documents: bytes of stored items (estimated from the stored sizes) and CBOR items
// (CHANGES and DOCS payloads alike). Both leave room under kMaxPayload / kMaxDecompressed
// and kMaxCborItems for the message's own structure. A batch always holds at least one
// entry: a single document is bounded by kMaxDocumentBytes / kMaxDocumentCborItems.
constexpr std::int64_t kBatchBytes = 8 << 20;
constexpr std::int64_t kBatchCborItems = kMaxCborItems / 2;
// The largest document ReplicaStore saves (model/DocumentLimits.h: kMaxDocumentBytes,
// kMaxDocumentCborItems) fits in one batch, so whatever is stored fits in one DOCS frame,
// even incompressible.
static_assert(kMaxDocumentBytes <= kBatchBytes && kBatchBytes + (1 << 20) < kMaxPayload);
static_assert(kMaxDocumentCborItems <= kBatchCborItems && 2 * kBatchCborItems <= kMaxCborItems);

} // namespace sen::protocol
