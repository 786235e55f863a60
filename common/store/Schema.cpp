#include "common/store/Schema.h"

#include "common/attachments/AttachmentStore.h"
#include "common/fts/AttachmentTextStore.h"
#include "common/fts/FullTextIndex.h"
#include "common/sql/SqlDatabase.h"
#include "common/sql/SqlTransaction.h"
#include "common/store/ChunkRefs.h"
#include "common/store/RegisterNumbers.h"
#include "common/workflow/WorkflowIndex.h"

#include <QByteArray>

#include <vector>

namespace sen::schema {

namespace {

// Version 1. Every persisted enum is numbered explicitly in its header; see
// docs/file-format.md for what each column holds.
const char* const kVersion1 = R"sql(
CREATE TABLE meta(
    key   TEXT PRIMARY KEY,
    value ANY
) STRICT, WITHOUT ROWID;

CREATE TABLE local_state(
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    counter INTEGER NOT NULL,   -- last counter used by this instance
    seq     INTEGER NOT NULL,   -- last change-feed sequence number handed out
    hlc     INTEGER NOT NULL    -- greatest hybrid-clock time handed out or seen
) STRICT;
INSERT INTO local_state(id, counter, seq, hlc) VALUES (1, 0, 0, 0);

CREATE TABLE documents(
    id       INTEGER PRIMARY KEY,
    unid     BLOB NOT NULL UNIQUE,
    form     TEXT NOT NULL,
    parent   BLOB,
    flags    INTEGER NOT NULL,  -- DocumentFlag bits
    versions BLOB NOT NULL,     -- canonical CBOR version vector
    items    BLOB NOT NULL,     -- canonical CBOR array of items, tombstones included
    created  INTEGER NOT NULL,  -- hybrid-clock time of the first local sighting
    modified INTEGER NOT NULL,  -- newest item stamp time
    seq      INTEGER NOT NULL   -- position in the change feed
) STRICT;
-- The change feed: one entry per document at its latest change, so "changes since N"
-- is a range scan of this index.
CREATE UNIQUE INDEX documents_by_seq ON documents(seq);
CREATE INDEX documents_by_parent ON documents(parent) WHERE parent IS NOT NULL;

CREATE TABLE checkpoints(
    peer      BLOB NOT NULL,     -- the peer's instance ID
    direction INTEGER NOT NULL,  -- 1 pull, 2 push
    seq       INTEGER NOT NULL,  -- the sender's sequence number covered so far
    filter    BLOB,              -- pull: the selective-replication filter seq was reached under
    updated   INTEGER NOT NULL,  -- Unix ms
    PRIMARY KEY (peer, direction)
) STRICT, WITHOUT ROWID;

CREATE TABLE replication_history(
    id        INTEGER PRIMARY KEY,
    peer      BLOB NOT NULL,
    peer_name TEXT NOT NULL,
    started   INTEGER NOT NULL,  -- Unix ms
    finished  INTEGER,           -- Unix ms; NULL while running or after a crash
    received  INTEGER NOT NULL DEFAULT 0,
    sent      INTEGER NOT NULL DEFAULT 0,
    conflicts INTEGER NOT NULL DEFAULT 0,
    refused   INTEGER NOT NULL DEFAULT 0,
    bytes_in  INTEGER NOT NULL DEFAULT 0,
    bytes_out INTEGER NOT NULL DEFAULT 0,
    status    INTEGER NOT NULL DEFAULT 0, -- ErrorCode of the outcome
    message   TEXT
) STRICT;

CREATE TABLE acl_entries(
    name   TEXT PRIMARY KEY,    -- a user, server or group name
    kind   INTEGER NOT NULL,    -- 0 unspecified, 1 person, 2 server, 3 group
    level  INTEGER NOT NULL,    -- 0 no access ... 6 manager
    rights INTEGER NOT NULL,    -- create/delete/replicate bits
    roles  TEXT NOT NULL DEFAULT ''
) STRICT;

-- Every peer instance this replica has synced with: the IT centre's view of replicas.
CREATE TABLE peers(
    instance        BLOB PRIMARY KEY,
    name            TEXT NOT NULL,
    highest_counter INTEGER NOT NULL DEFAULT 0, -- the highest counter seen in its dots
    last_sync       INTEGER,                    -- Unix ms of the last session
    last_status     INTEGER                     -- ErrorCode of the last session
) STRICT, WITHOUT ROWID;

-- Local versions a peer refused to store (access control): kept here, shown to the user.
CREATE TABLE refused_versions(
    unid     BLOB PRIMARY KEY,
    versions BLOB NOT NULL,     -- canonical CBOR vector of the version refused
    peer     TEXT NOT NULL,     -- who refused it
    code     INTEGER NOT NULL,  -- ErrorCode
    message  TEXT NOT NULL,
    at       INTEGER NOT NULL   -- Unix ms
) STRICT, WITHOUT ROWID;
)sql";

// Version 2: who could read the live version a deletion stub replaced (store/StubReaders.h),
// kept by servers so a stub reveals its item names only to them.
const char* const kStubReaders = R"sql(
CREATE TABLE stub_readers(
    unid BLOB PRIMARY KEY,      -- a deleted document
    readers BLOB NOT NULL,      -- CBOR array of the names in its last live version's Readers items
    authors BLOB NOT NULL       -- and in its Authors items
) WITHOUT ROWID;
)sql";

// Version 5: documents by form, for what a database keeps as data of its own forms — its
// registers, catalogues, dossiers — read on every registration's save (docs/file-format.md).
const char* const kFormIndex = "CREATE INDEX documents_by_form ON documents(form, seq);";

Status setVersion(sql::SqlDatabase& db, int version)
{
    const QByteArray sql = "PRAGMA user_version = " + QByteArray::number(version);
    return db.exec(sql.constData());
}

// Version 2 to 3: the chunk index, filled from the documents already in the file.
Status addChunkIndex(sql::SqlDatabase& db)
{
    SEN_TRY(db.exec(store::ChunkRefs::createTableSql()));
    return store::ChunkRefs(db).rebuild();
}

} // namespace

Status createFresh(sql::SqlDatabase& db)
{
    // Only takes effect on an empty file, before the first table.
    const QByteArray pageSize = "PRAGMA page_size = " + QByteArray::number(kPageSize);
    SEN_TRY(db.exec(pageSize.constData()));
    sql::SqlTransaction tx(db);
    SEN_TRY(tx.beginStatus());
    const QByteArray appId = "PRAGMA application_id = " + QByteArray::number(kApplicationId);
    SEN_TRY(db.exec(appId.constData()));
    SEN_TRY(db.exec(kVersion1));
    SEN_TRY(db.exec(kStubReaders));
    SEN_TRY(db.exec(FullTextIndex::createTableSql()));
    SEN_TRY(db.exec(AttachmentStore::createTableSql()));
    SEN_TRY(db.exec(store::ChunkRefs::createTableSql()));
    SEN_TRY(db.exec(RegisterNumbers::createTableSql()));
    SEN_TRY(db.exec(kFormIndex));
    SEN_TRY(db.exec(AttachmentTextStore::createTableSql()));
    SEN_TRY(db.exec(workflow::WorkflowIndexTable::createTableSql()));
    SEN_TRY(setVersion(db, kVersion));
    return tx.commit();
}

Status migrate(sql::SqlDatabase& db, int fromVersion)
{
    // Migration N takes a file from version N to N+1.
    struct Migration
    {
        int from;
        Status (*run)(sql::SqlDatabase&);
    };
    static const std::vector<Migration> kMigrations = {
        {1,
         [](sql::SqlDatabase& file) {
             return file.exec(kStubReaders);
         }},
        {2, addChunkIndex},
        {3,
         [](sql::SqlDatabase& file) {
             return file.exec(RegisterNumbers::createTableSql());
         }},
        {4,
         [](sql::SqlDatabase& file) {
             return file.exec(kFormIndex);
         }},
        // Empty: the client's attachment indexer reads every document's files on its first
        // pass (its checkpoint starts at 0).
        {5,
         [](sql::SqlDatabase& file) {
             return file.exec(AttachmentTextStore::createTableSql());
         }},
        // Empty, without a checkpoint: workflow::WorkflowIndexer builds it on first use.
        {6,
         [](sql::SqlDatabase& file) {
             return file.exec(workflow::WorkflowIndexTable::createTableSql());
         }},
    };
    for (const Migration& m : kMigrations) {
        if (m.from < fromVersion)
            continue;
        sql::SqlTransaction tx(db);
        SEN_TRY(tx.beginStatus());
        SEN_TRY(m.run(db));
        SEN_TRY(setVersion(db, m.from + 1));
        SEN_TRY(tx.commit());
    }
    return Status::ok();
}

} // namespace sen::schema
