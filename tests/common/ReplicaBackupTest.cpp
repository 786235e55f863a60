// backupReplica: an online copy of a replica that opens with the same documents, and the
// refusals that keep an existing file or a non-replica from being touched.

#include "common/store/ReplicaBackup.h"

#include "common/store/ReplicaStore.h"
#include "tests/support/TempDir.h"

#include <QDir>
#include <QFile>

#include <catch2/catch.hpp>

using namespace sen;

namespace {

std::unique_ptr<ReplicaStore> makeReplica(const QString& path, int documents)
{
    ReplicaCreateOptions create;
    create.title = QStringLiteral("Văn bản đến");
    auto store = ReplicaStore::create(path, create);
    REQUIRE(store.isOk());
    for (int i = 0; i < documents; ++i) {
        auto saved = (*store)->save(DocumentEdit::create(QStringLiteral("VanBanDen"))
                                        .set(Item::number(QStringLiteral("SoDen"), i + 1)));
        REQUIRE(saved.isOk());
    }
    return std::move(store).value();
}

} // namespace

TEST_CASE("A backup taken while the replica is open holds the same documents and IDs", "[backup]")
{
    // A replica with 300 documents stays open while it is copied in small steps.
    test::TempDir dir;
    auto source = makeReplica(dir.path(QStringLiteral("vanban.sen")), 300);
    store::BackupOptions options;
    options.pagesPerStep = 4;
    auto report = store::backupReplica(source->path(), dir.path(QStringLiteral("copy.sen")), options);
    INFO(report.status().toString().toStdString());
    REQUIRE(report.isOk());
    REQUIRE(report->documents == 300);
    REQUIRE(report->info.replicaId == source->info().replicaId);
    REQUIRE(report->pages > 4);
    REQUIRE((QFile::permissions(dir.path(QStringLiteral("copy.sen"))) &
             (QFileDevice::ReadGroup | QFileDevice::ReadOther)) == 0);

    auto copy = ReplicaStore::open(dir.path(QStringLiteral("copy.sen")));
    REQUIRE(copy.isOk());
    REQUIRE((*copy)->integrityCheck().isOk());
    REQUIRE((*copy)->documentCount().value() == 300);
    REQUIRE((*copy)->info().title == source->info().title);
    REQUIRE(QDir(dir.root()).entryList({QStringLiteral("*.part-*")}, QDir::Files).isEmpty());
}

TEST_CASE("Bad target: a backup never overwrites an existing file", "[backup]")
{
    // The target path already holds a file, which must survive untouched.
    test::TempDir dir;
    auto source = makeReplica(dir.path(QStringLiteral("vanban.sen")), 1);
    REQUIRE(test::writeFile(dir.path(QStringLiteral("old.sen")), "keep me"));
    auto report = store::backupReplica(source->path(), dir.path(QStringLiteral("old.sen")));
    REQUIRE(report.code() == ErrorCode::Conflict);
    REQUIRE(test::readFile(dir.path(QStringLiteral("old.sen"))) == "keep me");
}

TEST_CASE("Bad source: a file that is not a replica is not copied", "[backup]")
{
    // The source is a text file; no target file may appear.
    test::TempDir dir;
    REQUIRE(test::writeFile(dir.path(QStringLiteral("notes.txt")), "not a database at all"));
    auto report =
        store::backupReplica(dir.path(QStringLiteral("notes.txt")), dir.path(QStringLiteral("copy.sen")));
    REQUIRE_FALSE(report.isOk());
    REQUIRE_FALSE(QFile::exists(dir.path(QStringLiteral("copy.sen"))));
}
