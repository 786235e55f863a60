#pragma once

// The protocol messages pinned by tests/data/frames (docs/protocol.md §Messages): one of
// every message type a session sends, each with every optional element it may carry, and
// the older shapes still accepted from version 1 and 2 peers. Each is written to its own
// file as one uncompressed frame; frames/compressed-stream.bin holds them all in one zstd
// stream, as a session sends them.

#include "replication/protocol/AuthorityRecord.h"
#include "replication/protocol/DatabaseInfo.h"
#include "replication/protocol/DirectoryListing.h"
#include "replication/protocol/Messages.h"
#include "replication/protocol/Numbers.h"

#include <QString>

#include <vector>

namespace sen::golden {

protocol::Hello hello();
protocol::Welcome welcome();         // version 3: with the access
protocol::Welcome welcomeVersion2(); // without it
protocol::Pull pull();               // with a filter and `whole`
protocol::Changes changes();         // with feedEnd and a withdrawn entry
protocol::Changes changesVersion1(); // without feedEnd
protocol::Want want();
protocol::Docs docs(); // a whole version, a delta and a whole stub
protocol::Ack ack();   // with a refusal
protocol::ErrorMessage error();
protocol::Chunks chunks(); // one chunk with its bytes, one the sender lacks
protocol::ChunkWant chunkWant();
protocol::DatabaseInfo databaseInfo();
// Version 4: a request for a number (one automatic, one typed by hand) and its answers.
std::vector<protocol::NumberRequest> numberRequests();
std::vector<protocol::NumberAnswer> numberAnswers();
// Version 5: a directory with people (one in a department), a group with a person, a wildcard
// and another group, and roles held by a group and a person.
protocol::DirectoryListing directoryListing();

// Version 6: an authority record's content (the golden certifier's CRL, two people, one
// with a certificate, a group, a database with two ACL entries and a numbering server) and
// the record with a fixed 64-byte signature (0x5a each: not a valid one — the golden
// certifier's key is not kept; the frame pins the shape, AuthorityRecordTest the signing).
protocol::AuthorityContent authorityContent();
QByteArray authorityRecord();
constexpr std::uint64_t kAuthoritySerial = 1796000000000; // 2026-12-01, ms since the epoch

struct GoldenFrame
{
    QString file; // under tests/data: "frames/01-hello.frame"
    protocol::MessageType type;
    QByteArray payload; // the message's encoding
};

// Every frame fixture, in the order of frames/compressed-stream.bin.
std::vector<GoldenFrame> goldenFrames();
// The frames added with protocol version 5 (DIRECTORY_REQUEST, DIRECTORY): their own files,
// not in compressed-stream.bin, which stays as version 4 wrote it.
std::vector<GoldenFrame> directoryFrames();
// The frames added with protocol version 6 (AUTHORITY_SERIAL, AUTHORITY), the same way.
std::vector<GoldenFrame> authorityFrames();

} // namespace sen::golden
