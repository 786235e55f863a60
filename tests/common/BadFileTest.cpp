// Opening anything that is not a healthy Sen replica fails with a clear error and leaves the
// file exactly as it was (LevelDB log_test style: one named case per bad input).

#include "common/sql/SqlDatabase.h"
#include "common/store/ReplicaStore.h"
#include "tests/support/TempDir.h"

#include <QCborArray>
#include <QCborValue>
#include <QFile>
#include <QFileInfo>

#include <catch2/catch.hpp>

using namespace sen;

namespace {

QString makeReplicaWithData(const test::TempDir& dir, int documents = 200)
{
    const QString path = dir.path(QStringLiteral("replica.sen"));
    auto store = ReplicaStore::create(path, {});
    REQUIRE(store.isOk());
    REQUIRE((*store)
                ->batch([&]() -> Status {
                    for (int i = 0; i < documents; ++i) {
                        SEN_TRY(
                            (*store)
                                ->save(DocumentEdit::create(QStringLiteral("Tin"))
                                           .set(Item::text(QStringLiteral("NoiDung"), QString(400, u'ư'))))
                                .status());
                    }
                    return Status::ok();
                })
                .isOk());
    return path; // closing the store checkpoints the WAL into the main file
}

// Opens `path`, expects `code`, and checks the file was not touched and no WAL was made.
void expectRefused(const QString& path, ErrorCode code, const char* wordInMessage)
{
    const QByteArray before = test::readFile(path);
    const auto opened = ReplicaStore::open(path);
    INFO(opened.status().toString().toStdString());
    REQUIRE(opened.code() == code);
    REQUIRE(opened.message().contains(QLatin1String(wordInMessage)));
    REQUIRE(test::readFile(path) == before);
    REQUIRE_FALSE(QFileInfo::exists(path + QStringLiteral("-wal")));
}

} // namespace

TEST_CASE("Bad file: no such file", "[store][badfile]")
{
    test::TempDir dir;
    REQUIRE(ReplicaStore::open(dir.path(QStringLiteral("missing.sen"))).code() == ErrorCode::NotFound);
    REQUIRE_FALSE(QFileInfo::exists(dir.path(QStringLiteral("missing.sen"))));
}

TEST_CASE("Bad file: an empty file", "[store][badfile]")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("empty.sen"));
    REQUIRE(test::writeFile(path, QByteArray()));
    expectRefused(path, ErrorCode::InvalidArgument, "not a Sen replica");
}

TEST_CASE("Bad file: a text file", "[store][badfile]")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("notes.txt"));
    REQUIRE(test::writeFile(path, QByteArray("Công văn số 12, không phải cơ sở dữ liệu.\n").repeated(20)));
    expectRefused(path, ErrorCode::InvalidArgument, "not a Sen replica");
}

TEST_CASE("Bad file: an SQLite database of another application", "[store][badfile]")
{
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("other.db"));
    {
        auto db = sql::SqlDatabase::open(path, {.readOnly = false, .create = true, .vfs = {}});
        REQUIRE(db.isOk());
        REQUIRE((*db)->exec("CREATE TABLE t(x); INSERT INTO t VALUES (1)").isOk());
    }
    expectRefused(path, ErrorCode::InvalidArgument, "not a Sen replica");
}

TEST_CASE("Bad file: a replica cut to half its length", "[store][badfile]")
{
    test::TempDir dir;
    const QString path = makeReplicaWithData(dir);
    QFile file(path);
    REQUIRE(file.size() > 64 * 1024);
    REQUIRE(file.resize(file.size() / 2));
    expectRefused(path, ErrorCode::Corruption, "truncated");
}

TEST_CASE("Bad file: a replica cut inside its header", "[store][badfile]")
{
    test::TempDir dir;
    const QString path = makeReplicaWithData(dir, 1);
    QFile file(path);
    REQUIRE(file.resize(60));
    expectRefused(path, ErrorCode::Corruption, "truncated");
}

TEST_CASE("Bad file: a replica cut by a few bytes", "[store][badfile]")
{
    test::TempDir dir;
    const QString path = makeReplicaWithData(dir, 20);
    QFile file(path);
    REQUIRE(file.resize(file.size() - 7));
    expectRefused(path, ErrorCode::Corruption, "truncated");
}

TEST_CASE("Bad file: a replica written by a newer schema version", "[store][badfile]")
{
    test::TempDir dir;
    const QString path = makeReplicaWithData(dir, 5);
    {
        auto db = sql::SqlDatabase::open(path, {});
        REQUIRE(db.isOk());
        REQUIRE((*db)->exec("PRAGMA user_version = 99").isOk());
    }
    expectRefused(path, ErrorCode::Unsupported, "newer Sen");
}

TEST_CASE("Bad file: a newer schema version still in the write-ahead log", "[store][badfile]")
{
    // The main file's header says the current version; only SQLite, reading the WAL, sees 99. The open
    // must still refuse, and must not write to the main file.
    test::TempDir dir;
    const QString path = makeReplicaWithData(dir, 5);
    auto holder = sql::SqlDatabase::open(path, {});
    REQUIRE(holder.isOk());
    REQUIRE((*holder)
                ->exec("PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; PRAGMA user_version = 99")
                .isOk());
    const QByteArray before = test::readFile(path);
    const auto opened = ReplicaStore::open(path);
    REQUIRE(opened.code() == ErrorCode::Unsupported);
    REQUIRE(test::readFile(path) == before);
}

TEST_CASE("Bad file: a replica whose database kind this version does not know", "[store][badfile]")
{
    // A newer Sen (or damage) wrote kind 7: opening says so instead of taking it for a
    // documents database.
    test::TempDir dir;
    const QString path = makeReplicaWithData(dir, 3);
    {
        auto db = sql::SqlDatabase::open(path, {});
        REQUIRE(db.isOk());
        REQUIRE((*db)->exec("UPDATE meta SET value = 7 WHERE key = 'kind'").isOk());
    }
    expectRefused(path, ErrorCode::Unsupported, "kind of database");
}

TEST_CASE("Bad file: a refusal stored with an error code no version has", "[store][badfile]")
{
    // A refused_versions row whose code is 999 is reported as damage, not cast to a code.
    test::TempDir dir;
    const QString path = makeReplicaWithData(dir, 1);
    auto store = ReplicaStore::open(path);
    REQUIRE(store.isOk());
    Unid unid;
    REQUIRE((*store)
                ->forEachDocument([&](const Document& doc) {
                    unid = doc.unid;
                    return false;
                })
                .isOk());
    REQUIRE((*store)
                ->replication()
                .noteRefused(unid, QStringLiteral("sen-server"), ErrorCode::PermissionDenied,
                             QStringLiteral("no"))
                .isOk());
    REQUIRE((*store)->replication().refusals().isOk());
    {
        auto db = sql::SqlDatabase::open(path, {});
        REQUIRE(db.isOk());
        REQUIRE((*db)->exec("UPDATE refused_versions SET code = 999").isOk());
    }
    const auto refusals = (*store)->replication().refusals();
    REQUIRE(refusals.code() == ErrorCode::Corruption);
    REQUIRE(refusals.message().contains(QStringLiteral("unknown code 999")));
}

TEST_CASE("Bad file: a session outcome stored with an error code no version has", "[store][badfile]")
{
    // A history row and a peer whose status is 999 (a newer Sen wrote it): the history is for
    // people, so the row still reads, as Internal with its message, rather than failing the
    // whole history; the number is never cast to a code.
    test::TempDir dir;
    const QString path = makeReplicaWithData(dir, 1);
    const InstanceId peer = newInstanceId();
    {
        auto store = ReplicaStore::open(path);
        REQUIRE(store.isOk());
        HistoryEntry entry;
        entry.peer = peer;
        entry.peerName = QStringLiteral("sen-server");
        entry.status = ErrorCode::Busy;
        entry.message = QStringLiteral("máy chủ bận");
        REQUIRE((*store)->replication().log().record(entry).isOk());
    }
    {
        auto db = sql::SqlDatabase::open(path, {});
        REQUIRE(db.isOk());
        REQUIRE((*db)
                    ->exec("UPDATE replication_history SET status = 999; UPDATE peers SET last_status = 999")
                    .isOk());
    }
    auto store = ReplicaStore::open(path);
    REQUIRE(store.isOk());
    const auto history = (*store)->replication().log().history(5);
    REQUIRE(history.isOk());
    REQUIRE(history->size() == 1);
    REQUIRE(history->front().status == ErrorCode::Internal);
    REQUIRE(history->front().message == QStringLiteral("máy chủ bận"));
    const auto known = (*store)->replication().log().peer(peer);
    REQUIRE(known.isOk());
    REQUIRE(known->has_value());
    REQUIRE((*known)->lastStatus == ErrorCode::Internal);
}

TEST_CASE("Bad file: a stored item of a type no version has", "[store][badfile]")
{
    // A document row whose item says type 99 (a newer Sen, or damage) is reported as damage by
    // each reader of the row: the document itself and the search, which builds its snippet
    // from the same bytes. Never cast to a type, nor read as an item without text.
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("typed.sen"));
    Unid unid;
    {
        auto store = ReplicaStore::create(path, {});
        REQUIRE(store.isOk());
        const auto saved =
            (*store)->save(DocumentEdit::create(QStringLiteral("VanBanDen"))
                               .set(Item::text(QStringLiteral("TrichYeu"), QStringLiteral("Công văn khẩn"))));
        REQUIRE(saved.isOk());
        unid = saved->unid;
        REQUIRE((*store)->search(QStringLiteral("khẩn")).value().size() == 1);
    }
    {
        auto db = sql::SqlDatabase::open(path, {});
        REQUIRE(db.isOk());
        auto read = (*db)->prepare("SELECT items FROM documents");
        REQUIRE(read.isOk());
        REQUIRE(read->step().value());
        QCborArray items = QCborValue::fromCbor(read->blob(0)).toArray();
        REQUIRE(items.size() == 1);
        QCborArray item = items.at(0).toArray();
        item[1] = 99; // [name, type, flags, value, instance, counter, time]
        items[0] = item;
        auto write = (*db)->prepare("UPDATE documents SET items = ?1");
        REQUIRE(write.isOk());
        write->bind(1, items.toCborValue().toCbor());
        REQUIRE(write->exec().isOk());
    }
    auto store = ReplicaStore::open(path);
    REQUIRE(store.isOk());
    const auto doc = (*store)->get(unid);
    REQUIRE(doc.code() == ErrorCode::Corruption);
    REQUIRE(doc.message().contains(QStringLiteral("unknown type 99")));
    const auto hits = (*store)->search(QStringLiteral("khẩn"));
    INFO(hits.status().toString().toStdString());
    REQUIRE(hits.code() == ErrorCode::Corruption);
}

TEST_CASE("Database kinds: a number no kind has is no kind", "[store][badfile]")
{
    // What a file or a server of a newer Sen may say: 0, 4 and -1 name no kind (the open of a
    // file with one is the "database kind" case above); the three kinds round-trip.
    REQUIRE_FALSE(databaseKindFromInt(0));
    REQUIRE_FALSE(databaseKindFromInt(4));
    REQUIRE_FALSE(databaseKindFromInt(-1));
    for (const DatabaseKind kind : {DatabaseKind::Documents, DatabaseKind::Calendar, DatabaseKind::News})
        REQUIRE(databaseKindFromInt(static_cast<int>(kind)) == kind);
}

TEST_CASE("A healthy replica passes the integrity check after reopening", "[store][badfile]")
{
    test::TempDir dir;
    const QString path = makeReplicaWithData(dir, 50);
    auto store = ReplicaStore::open(path);
    REQUIRE(store.isOk());
    REQUIRE((*store)->integrityCheck().isOk());
    REQUIRE((*store)->documentCount().value() == 50);
}
