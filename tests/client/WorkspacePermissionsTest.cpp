// A workspace holds the user's ID and their replicas: on POSIX its folders are 0700 and every
// file Sen writes into it (replica, -wal, -shm, view cache, ID file) and every backup is 0600,
// whatever the umask (issue #11 §5).

#include "client/core/UserIdentity.h"
#include "client/core/Workspace.h"
#include "client/views/ViewCacheFile.h"
#include "common/sql/SqlDatabase.h"
#include "common/store/ReplicaBackup.h"
#include "tests/server/ServerFixture.h"

#include <QDir>
#include <QFile>

#include <catch2/catch.hpp>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

using namespace sen;

#ifdef Q_OS_UNIX

namespace {

// The permission bits of `path` (-1 when it does not exist).
int modeOf(const QString& path)
{
    struct stat st = {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return static_cast<int>(st.st_mode & 07777);
}

// Restores the process's umask at the end of the test.
struct UmaskGuard
{
    explicit UmaskGuard(mode_t mask) : previous(::umask(mask)) {}
    ~UmaskGuard() { ::umask(previous); }
    mode_t previous;
};

} // namespace

TEST_CASE("A workspace is owner-only: folders 0700, replicas, their sidecars, view caches, the ID file "
          "and backups 0600",
          "[workspace][permissions]")
{
    // A user whose umask lets everyone read opens a workspace that an older version left
    // world-readable, logs in, creates a database, saves, builds a view cache and backs up:
    // nothing in it can be listed or read by another account.
    const UmaskGuard umask(022);
    test::ServerFixture f;
    const QString home = f.dir().path(QStringLiteral("home"));
    REQUIRE(QDir().mkpath(home));
    REQUIRE(QFile::setPermissions(home, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                            QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                            QFileDevice::ExeOther));
    REQUIRE(modeOf(home) == 0705);

    auto workspace = client::Workspace::open(home);
    REQUIRE(workspace.isOk());
    CHECK(modeOf(home) == 0700);
    CHECK(modeOf(home + QStringLiteral("/replicas")) == 0700);

    const QString idFile = f.dir().path(QStringLiteral("an.id"));
    f.userIdFile(QStringLiteral("Nguyễn Văn An"), QStringLiteral("mật khẩu 123"), idFile);
    REQUIRE(client::UserIdentity::login(*workspace, idFile, QStringLiteral("mật khẩu 123")).isOk());
    CHECK(modeOf(client::UserIdentity::idPath(*workspace)) == 0600);

    auto store = workspace->createDatabase(QStringLiteral("vanban"), DatabaseKind::Documents, {});
    REQUIRE(store.isOk());
    const QString replica = workspace->replicaPath(QStringLiteral("vanban"));
    REQUIRE((*store)
                ->save(DocumentEdit::create(QStringLiteral("VanBanDen"))
                           .set(Item::text(QStringLiteral("TrichYeu"), QStringLiteral("Công văn mật"))))
                .isOk());
    CHECK(modeOf(replica) == 0600);
    CHECK(modeOf(replica + QStringLiteral("-wal")) == 0600);
    CHECK(modeOf(replica + QStringLiteral("-shm")) == 0600);

    const QString cache = views::ViewCacheFile::pathFor(replica);
    {
        auto db = views::ViewCacheFile::openForWriting(cache);
        REQUIRE(db.isOk());
        CHECK(modeOf(cache) == 0600);
        CHECK(modeOf(cache + QStringLiteral("-wal")) == 0600);
    }

    const QString backup = f.dir().path(QStringLiteral("vanban-backup.sen"));
    REQUIRE(store::backupReplica(replica, backup).isOk());
    CHECK(modeOf(backup) == 0600);
}

#endif
