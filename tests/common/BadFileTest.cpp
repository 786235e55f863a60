// Opening anything that is not a healthy Sen replica fails with a clear error and leaves the
// file exactly as it was (LevelDB log_test style: one named case per bad input).

#include "common/sql/SqlDatabase.h"
#include "common/store/ReplicaStore.h"
#include "tests/support/TempDir.h"

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

TEST_CASE("A healthy replica passes the integrity check after reopening", "[store][badfile]")
{
    test::TempDir dir;
    const QString path = makeReplicaWithData(dir, 50);
    auto store = ReplicaStore::open(path);
    REQUIRE(store.isOk());
    REQUIRE((*store)->integrityCheck().isOk());
    REQUIRE((*store)->documentCount().value() == 50);
}
