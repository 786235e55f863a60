#pragma once

// The messages of Sen's replication protocol and their CBOR payloads (docs/protocol.md
// §Messages). Every decoder validates shapes, sizes and identifiers and fails with
// ProtocolError; none trusts a count it has not checked.

#include "common/core/Ids.h"
#include "common/core/Result.h"
#include "common/core/VersionVector.h"
#include "common/crypto/Sha256.h"
#include "common/model/Document.h"
#include "replication/protocol/ProtocolConstants.h"

#include <QByteArray>
#include <QStringList>

#include <optional>
#include <vector>

namespace sen::protocol {

struct Hello
{
    int versionMin = kVersionMin;
    int versionMax = kVersionMax;
    ReplicaId replicaId;
    InstanceId instanceId;
    QString database;          // the responder's name for it (or the replica ID in hex)
    QString peerName;          // e.g. "Nguyễn Văn A/VPTU/HaNoi" or a server name
    std::uint64_t counter = 0; // the last counter this instance used: a copy comes back behind
};

// The initiator's effective access to the database as the responder resolved it at HELLO
// (acl::EffectiveAccess without the name): `level` an acl::AccessLevel, `rights` its
// AclRight bits, the roles and directory groups. Numbers as persisted by common/acl.
struct WelcomeAccess
{
    int level = 0;
    int rights = 0;
    QStringList roles;
    QStringList groups;

    bool operator==(const WelcomeAccess&) const = default;
};

struct Welcome
{
    int version = kVersionMax;
    ReplicaId replicaId;
    InstanceId instanceId;
    QString peerName;
    // Version 3 (kVersionWelcomeAccess): the fifth element, written only when set and the
    // session's version is at least 3 (the encoder's caller decides; see Session).
    std::optional<WelcomeAccess> access;
};

// Selective replication (docs/protocol.md): which documents a receiver wants.
struct Filter
{
    QStringList forms;        // empty: every form
    qint64 sinceMs = 0;       // only documents modified at or after this time (0: all)
    bool summaryOnly = false; // no attachment chunks (fetched on demand)
    bool isEmpty() const { return forms.isEmpty() && sinceMs == 0 && !summaryOnly; }
};

struct Pull
{
    std::int64_t since = 0;
    Filter filter;
    // The receiver holds no documents and pulls from 0 (docs/protocol.md §"Whole pull"): the
    // sender follows each CHANGES with DOCS of every entry, whole, without waiting for WANT.
    // On the wire an optional fifth element, present only when true.
    bool whole = false;
};

struct ChangeEntry
{
    Unid unid;
    VersionVector versions;
    std::int64_t seq = 0;
    bool deleted = false;
    // The receiver may no longer read this document (access control): it removes its copy
    // unless that holds edits the sender has not seen. Never wanted.
    bool withdrawn = false;
};

struct Changes
{
    std::uint32_t batch = 0;
    std::vector<ChangeEntry> entries;
    std::int64_t lastSeq = 0; // the sender's feed position this batch covers
    bool final = false;       // no more batches in this direction
    // The sender's newest feed position when it sent the batch (0: not told). Only for
    // progress estimates; on the wire an optional fifth element, written in protocol
    // version 2 and later only (a version 1 receiver refuses it).
    std::int64_t feedEnd = 0;
};

struct WantEntry
{
    std::uint32_t index = 0;           // into the batch's entries
    std::optional<VersionVector> have; // the receiver's vector, or none when it lacks the document
};

struct Want
{
    std::uint32_t batch = 0;
    std::vector<WantEntry> entries;
};

struct DocEntry
{
    std::uint32_t index = 0;
    // A delta carries only the items the receiver's vector (from WANT) does not know; the
    // receiver rebuilds the version from its own copy. Otherwise the whole version.
    bool delta = false;
    Document doc; // unid filled in from the batch by the receiver
    // Sending: when not empty, the items exactly as stored (encodeItems of the whole
    // version, canonical), written to the wire as they are instead of doc.items.
    // Received: the items as they came, which decoding checked are canonical (exactly
    // encodeItems(doc.items)); a delta's are only the items sent.
    QByteArray encodedItems;
};

struct Docs
{
    std::uint32_t batch = 0;
    std::vector<DocEntry> docs;
};

// A received version the receiver would not store (access control), and why.
struct Refusal
{
    Unid unid;
    ErrorCode code = ErrorCode::PermissionDenied;
    QString message;
};

struct Ack
{
    std::uint32_t batch = 0;
    std::int64_t seq = 0;
    std::vector<Refusal> refused; // versions of this batch not stored; the sender keeps them
};

struct ChunkWant
{
    std::vector<crypto::Sha256Digest> hashes;
};

struct ChunkData
{
    crypto::Sha256Digest hash;
    std::optional<QByteArray> bytes; // none: the sender does not have it
};

struct Chunks
{
    std::vector<ChunkData> chunks;
};

struct ErrorMessage
{
    ErrorCode code = ErrorCode::ProtocolError;
    QString message;
};

QByteArray encode(const Hello& m);
QByteArray encode(const Welcome& m);
QByteArray encode(const Pull& m);
QByteArray encode(const Changes& m);
QByteArray encode(const Want& m);
QByteArray encode(const Docs& m);
QByteArray encode(const Ack& m);
QByteArray encode(const ErrorMessage& m);
QByteArray encode(const ChunkWant& m);
QByteArray encode(const Chunks& m);

Result<Hello> decodeHello(QByteArrayView payload);
Result<Welcome> decodeWelcome(QByteArrayView payload);
Result<Pull> decodePull(QByteArrayView payload);
Result<Changes> decodeChanges(QByteArrayView payload);
Result<Want> decodeWant(QByteArrayView payload);
Result<Docs> decodeDocs(QByteArrayView payload);
Result<Ack> decodeAck(QByteArrayView payload);
Result<ErrorMessage> decodeError(QByteArrayView payload);
Result<ChunkWant> decodeChunkWant(QByteArrayView payload);
Result<Chunks> decodeChunks(QByteArrayView payload);

} // namespace sen::protocol
