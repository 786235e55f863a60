#pragma once

// The fixed inputs of the golden fixtures (tests/data/README.md): identifiers, times and
// the documents every fixture is made of. sen_make_fixtures wrote tests/data from them once;
// the tests decode the fixtures and compare what they read with these values, then encode
// it again and compare the bytes. Changing a value here makes those tests fail: the fixtures
// are never regenerated to follow (a format change gets a new fixture beside the old one).

#include "common/core/Ids.h"
#include "common/model/AttachmentRef.h"
#include "common/model/Document.h"

#include <QByteArray>
#include <QString>

namespace sen::golden {

// The database and the two instances the documents were edited at: a server's replica and
// the replica file of the fixtures (replica/schema-N.sen), whose own saves use kFileInstance.
ReplicaId replicaId();
InstanceId serverInstance();
InstanceId clientInstance();
InstanceId fileInstance();

// Wall time of every fixture: 2026-01-05T08:30:00.000Z, in Unix milliseconds.
constexpr qint64 kBaseMs = 1'767'601'800'000;

// The two attachment files of the golden document: a Vietnamese text that zstd shrinks (so
// its chunk is stored compressed, codec 1) and pseudo-random bytes it cannot (codec 0).
QByteArray textAttachmentBytes();
QByteArray binaryAttachmentBytes();
// Their references as the chunker makes them (each file is smaller than one chunk).
AttachmentRef textAttachment();
AttachmentRef binaryAttachment();
// The item names of the attachments ("$File:" and the file name).
QString textAttachmentItem();
QString binaryAttachmentItem();

// A document of the form VanBanDen holding an item of every ItemType (text with a leading
// U+FEFF among them), a tombstone, several flag values, stamps of two instances, a negative
// and a positive date-time: document/every-item-type.cbor.
Document everyItemTypeDocument();
// A conflict document kept as a response to it (parent set, flag IsConflict):
// document/conflict-response.cbor.
Document conflictResponseDocument();
// A deletion stub (flag Deleted, tombstones only): document/deletion-stub.cbor.
Document deletionStub();
// The live version the stub replaced, restricted by a Readers item: what the fixture
// replicas record in stub_readers (schema version 2 and later).
Document deletedLiveVersion();

// The document the fixture replicas saved themselves (at fileInstance(), the file's own
// counter 1), and the replica's title, settings and ACL entry.
Unid localDocumentUnid();
QString localDocumentSubject();
QString replicaTitle();
QString replicationServerSetting();
QString aclEntryName();

// The password of identity/user.id, and the names in identity/ and audit/.
QString idFilePassword();
QString organisationName();
QString userName();
QString revokedUserName();
QString serverName();

} // namespace sen::golden
