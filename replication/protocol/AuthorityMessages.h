#pragma once

// The authority messages of protocol version 6 (docs/protocol.md §Authority), exchanged only
// between two servers of the organisation: AUTHORITY_SERIAL `[serial]` tells the serial of the
// authority record the sender holds (0: none), AUTHORITY carries a record
// (protocol/AuthorityRecord.h) exactly as the hub signed it. Decoders bound the payload
// (ProtocolError); whether a record is believed is for acceptAuthorityRecord().

#include "common/core/Result.h"
#include "replication/protocol/AuthorityRecord.h"

#include <QByteArray>

#include <cstdint>

namespace sen::protocol {

QByteArray encodeAuthoritySerial(std::uint64_t serial);
Result<std::uint64_t> decodeAuthoritySerial(QByteArrayView payload);
// The record's bytes are the payload.
QByteArray encodeAuthority(const QByteArray& record);
// The record, when it is at most kMaxAuthorityRecordBytes and decodes (its signature unchecked).
Result<AuthorityRecord> decodeAuthority(QByteArrayView payload);

} // namespace sen::protocol
