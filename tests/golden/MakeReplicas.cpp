// The replica fixtures (schema versions 1 to 5) and signed bundles (formats 2 and 3) written from one.
//
// Version 3 is written by the current store with fixed identifiers and a frozen clock. The
// older versions are that file taken back with the SQL that undoes each later migration
// (common/store/Schema.cpp): the version 1 DDL has not changed since version 1 was current
// (git show f80b500 -- common/store/Schema.cpp), so what remains is what a version 1 build
// wrote. Each file is then switched to rollback-journal mode, given 1 KiB pages and vacuumed:
// one small file, no -wal beside it.

#include "common/acl/Acl.h"
#include "common/attachments/AttachmentStore.h"
#include "common/identity/IdFile.h"
#include "common/sql/SqlDatabase.h"
#include "common/store/ReplicaStore.h"
#include "common/store/ReplicaSync.h"
#include "common/store/StubReaders.h"
#include "replication/bundle/Bundle.h"
#include "tests/golden/GoldenData.h"
#include "tests/golden/GoldenInputs.h"
#include "tests/golden/MakeFixtures.h"

#include <QBuffer>
#include <QFile>
#include <QTemporaryDir>

namespace sen::golden {

namespace {

// A committed fixture that a new one is made with; NotFound when it is not there.
Result<QByteArray> readCommitted(const QString& relative)
{
    QByteArray bytes = readFixture(relative);
    if (bytes.isEmpty())
        return Status(ErrorCode::NotFound, QStringLiteral("no committed fixture %1").arg(relative));
    return bytes;
}

Status importAttachment(ReplicaStore& store, const QByteArray& bytes, const AttachmentRef& expected)
{
    SEN_ASSIGN_OR_RETURN(const AttachmentRef ref, store.attachments().importBytes(bytes, expected.fileName));
    if (ref != expected)
        return Status(ErrorCode::Internal,
                      QStringLiteral("the chunker cut %1 otherwise").arg(expected.fileName));
    return Status::ok();
}

// The fixed instance ID, written behind the store's back before it opens the file.
Status setFileInstance(const QString& path)
{
    SEN_ASSIGN_OR_RETURN(auto db, sql::SqlDatabase::open(path, {}));
    SEN_ASSIGN_OR_RETURN(auto stmt, db->prepare("UPDATE meta SET value = ?1 WHERE key = 'instance_id'"));
    stmt.bind(1, fileInstance().toBytes());
    return stmt.exec();
}

Status fill(ReplicaStore& store, ManualClock& clock)
{
    ReplicaSync& sync = store.replication();
    SEN_TRY(importAttachment(store, textAttachmentBytes(), textAttachment()));
    SEN_TRY(importAttachment(store, binaryAttachmentBytes(), binaryAttachment()));
    // As a pull from the server stores them, then one local save.
    SEN_TRY(sync.putReplicated(everyItemTypeDocument()));
    SEN_TRY(sync.putReplicated(deletedLiveVersion()));
    SEN_TRY(sync.putReplicated(deletionStub()));
    SEN_TRY(sync.stubReaders().noteDeletion(deletedLiveVersion()));
    SEN_TRY(sync.putReplicated(conflictResponseDocument()));
    clock.advanceMs(1000);
    DocumentEdit edit = DocumentEdit::createWithUnid(localDocumentUnid(), QStringLiteral("GiaoViec"));
    edit.set(Item::text(QStringLiteral("TrichYeu"), localDocumentSubject()));
    edit.set(Item::names(QStringLiteral("NguoiNhan"), ItemType::Names, {userName()}));
    SEN_TRY(store.save(edit).status());

    // A number the file gave in a register (version 4; the older files lose the table).
    SEN_TRY(sync.numbers().bind(NumberBinding{golden::localDocumentUnid(), 2026, 1250,
                                              golden::localDocumentUnid(), userName(), kBaseMs}));
    SEN_TRY(store.setSetting(QStringLiteral("replication.server"), replicationServerSetting()));
    SEN_TRY(sync.setCheckpoint(serverInstance(), ReplicaSync::Direction::Pull, 44));
    acl::Acl acl;
    SEN_TRY(acl.setEntry(acl::AclEntry::make(aclEntryName(), acl::AccessLevel::Author)));
    return store.saveAcl(acl);
}

// Takes a closed file of the current version (7) back to `version` and compacts it.
Status finish(const QString& path, int version)
{
    SEN_ASSIGN_OR_RETURN(auto db, sql::SqlDatabase::open(path, {}));
    SEN_TRY(db->exec("PRAGMA journal_mode = DELETE"));
    if (version < 7)
        SEN_TRY(db->exec("DROP TABLE workflow_names; DROP TABLE workflow_index"));
    if (version < 6)
        SEN_TRY(db->exec(
            "DROP TRIGGER fulltext_attachments_follow_documents; DROP TABLE fulltext_attachment_files; "
            "DROP TABLE fulltext_attachments; DROP TABLE attachment_text"));
    if (version < 5)
        SEN_TRY(db->exec("DROP INDEX documents_by_form"));
    if (version < 4)
        SEN_TRY(db->exec("DROP TABLE register_numbers"));
    if (version < 3)
        SEN_TRY(db->exec("DROP TRIGGER chunk_refs_follow_documents; DROP TABLE chunk_refs"));
    if (version < 2)
        SEN_TRY(db->exec("DROP TABLE stub_readers"));
    const QByteArray setVersion = "PRAGMA user_version = " + QByteArray::number(version);
    SEN_TRY(db->exec(setVersion.constData()));
    return db->exec("PRAGMA page_size = 1024; VACUUM");
}

QByteArray readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

Status makeReplicas(const QString& out)
{
    QTemporaryDir work;
    if (!work.isValid())
        return Status(ErrorCode::IoError, QStringLiteral("no temporary folder"));
    const QString path = work.filePath(QStringLiteral("schema-7.sen"));
    ManualClock clock(kBaseMs + 10 * 60 * 1000);
    {
        ReplicaCreateOptions create;
        create.replicaId = replicaId();
        create.title = replicaTitle();
        create.kind = DatabaseKind::Documents;
        ReplicaOpenOptions open;
        open.clock = &clock;
        SEN_TRY(ReplicaStore::create(path, create, open).status());
        SEN_TRY(setFileInstance(path));
        SEN_ASSIGN_OR_RETURN(auto store, ReplicaStore::open(path, open));
        SEN_TRY(fill(*store, clock));
        // Every document, both attachments' chunks, for anyone (a first bundle), signed by the
        // user of the committed identity/user.id (format 2; bundle/first.bundle, format 1, was
        // written unsigned by the version before).
        SEN_ASSIGN_OR_RETURN(
            const identity::Credentials signer,
            identity::IdFile::open(readFixture(QStringLiteral("identity/user.id")), idFilePassword()));
        SEN_ASSIGN_OR_RETURN(const QByteArray crl, readCommitted(QStringLiteral("identity/certifier.crl")));
        BundleWriteOptions options;
        options.crlDer = crl;
        QBuffer bundle;
        bundle.open(QIODevice::WriteOnly);
        SEN_TRY(writeBundle(*store, signer, bundle, options).status());
        SEN_TRY(writeNewFile(out, QStringLiteral("bundle/signed.bundle"), bundle.data()));
        // The same, with a first bundle's database facts (format 3, written for the signer).
        options.database = BundleDatabase{QStringLiteral("vanban"),
                                          static_cast<int>(DatabaseKind::Documents),
                                          replicaTitle(),
                                          signer.name.toString(),
                                          QStringLiteral("sen01/VPTU/HaNoi"),
                                          protocol::WelcomeAccess{4, 3, {QStringLiteral("[VanThu]")}, {}}};
        QBuffer first;
        first.open(QIODevice::WriteOnly);
        SEN_TRY(writeBundle(*store, signer, first, options).status());
        SEN_TRY(writeNewFile(out, QStringLiteral("bundle/first-format3.bundle"), first.data()));
    }
    SEN_TRY(finish(path, 7));
    const QByteArray version7 = readAll(path);
    for (int version = 1; version <= 6; ++version) {
        const QString older = work.filePath(QStringLiteral("schema-%1.sen").arg(version));
        QFile copy(older);
        if (!copy.open(QIODevice::WriteOnly) || copy.write(version7) != version7.size())
            return Status(ErrorCode::IoError, QStringLiteral("cannot write %1").arg(older));
        copy.close();
        SEN_TRY(finish(older, version));
    }
    for (int version = 1; version <= 7; ++version) {
        const QString name = QStringLiteral("schema-%1.sen").arg(version);
        const QByteArray bytes = readAll(work.filePath(name));
        if (bytes.isEmpty())
            return Status(ErrorCode::IoError, QStringLiteral("cannot read %1").arg(name));
        SEN_TRY(writeNewFile(out, QStringLiteral("replica/") + name, bytes));
    }
    return Status::ok();
}

} // namespace sen::golden
