// Two programs on one workspace (issue #11 §1): the desktop client's library and senctl, in
// two processes, save, sync, read and back up the same replica at the same time. SQLite's
// POSIX locks belong to the process and any close() of a descriptor on the file drops them
// all, so nothing in Sen may open a database file outside SQLite.

#include "client/core/DocumentJson.h"
#include "client/core/UserIdentity.h"
#include "client/core/Workspace.h"
#include "client/sync/Replicator.h"
#include "common/attachments/AttachmentStore.h"
#include "common/model/AttachmentRef.h"
#include "common/store/ReplicaBackup.h"
#include "common/store/ReplicaStore.h"
#include "tests/server/ServerProcess.h"

#include <QFile>
#include <QMap>
#include <QProcess>

#include <catch2/catch.hpp>

using namespace sen;
using test::ServerProcess;

namespace {

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

// The bytes of round `round`'s attachment saved by `who`: distinct per file, a few chunks.
QByteArray attachmentBytes(const QString& who, int round)
{
    return (who + QStringLiteral(" vòng %1 ").arg(round)).toUtf8().repeated(9000);
}

// Starts `senctl --home HOME WORDS...` without waiting for it.
void startSenctl(QProcess& process, const QString& home, QStringList words)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(S("SEN_PASSWORD"), ServerProcess::kPassword);
    env.insert(S("SEN_KDF_COST"), S("test"));
    process.setProcessEnvironment(env);
    words.prepend(home);
    words.prepend(S("--home"));
    process.start(QStringLiteral(SENCTL_EXE), words);
    REQUIRE(process.waitForStarted());
}

// Waits for a senctl started with startSenctl; requires exit 0 and returns stdout.
QString finishSenctl(QProcess& process)
{
    REQUIRE(process.waitForFinished(120'000));
    INFO(QString::fromUtf8(process.readAllStandardError()).toStdString());
    REQUIRE(process.exitCode() == 0);
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

// Every document of `expected` (UNID → attachment file name) is live in `store` and its
// attachment reads back with the bytes `contents` holds for that name.
void requireAllThere(const ReplicaStore& store, const QMap<QString, QString>& expected,
                     const QMap<QString, QByteArray>& contents, const char* where)
{
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        INFO(where << ": document " << it.key().toStdString() << " with " << it.value().toStdString());
        const auto doc = store.get(*Unid::fromHex(it.key()));
        REQUIRE(doc.isOk());
        const Item* item = doc->item(client::attachmentItemName(it.value()));
        REQUIRE(item != nullptr);
        const auto ref = AttachmentRef::fromCbor(item->value);
        REQUIRE(ref.isOk());
        const auto bytes = store.attachments().readAll(*ref);
        INFO(bytes.status().toString().toStdString());
        REQUIRE(bytes.isOk());
        REQUIRE(*bytes == contents.value(it.value()));
    }
}

} // namespace

TEST_CASE("Two programs on one workspace: the client library and senctl save, sync, read and back up "
          "the same replica for many rounds and lose nothing",
          "[server][process][workspace]")
{
    // The desktop client keeps the replica open (as a document window does) while it saves
    // documents with attachments, opens more connections (views, sync, backup) and syncs with
    // a sen-server process; between its steps senctl, in its own process, creates documents
    // with attachments, syncs, reads and dumps the same replica. At the end the replica and
    // every backup pass integrity_check, and every confirmed save and attachment is both in
    // the local replica and on the server.
    test::TempDir dir;
    ServerProcess server(dir);
    const QString an = server.registerUser(S("Nguyễn Văn An"));
    server.admin({S("db"), S("create"), S("vanban"), S("--kind"), S("documents")});
    server.admin({S("acl"), S("set"), S("vanban"), S("Nguyễn Văn An/VPTU/HaNoi"), S("editor")});
    server.start();

    const QString home = dir.path(S("home"));
    ServerProcess::senctlOk(home, {S("login"), S("--id"), an});
    ServerProcess::senctlOk(home, {S("replica"), S("add"), server.address(), S("vanban")});

    auto workspace = client::Workspace::open(home);
    REQUIRE(workspace.isOk());
    auto credentials = client::UserIdentity::unlock(*workspace, ServerProcess::kPassword);
    REQUIRE(credentials.isOk());
    client::Replicator replicator(*workspace, *credentials);
    const QString replicaPath = workspace->replicaPath(S("vanban"));

    // The open document window: one connection held for the whole test.
    auto window = workspace->openDatabase(S("vanban"));
    REQUIRE(window.isOk());
    ReplicaStore& store = **window;

    QMap<QString, QString> saved; // UNID → attachment file name, of every confirmed save
    QMap<QString, QByteArray> contents;
    QStringList backups;
    constexpr int kRounds = 16;
    for (int round = 0; round < kRounds; ++round) {
        INFO("round " << round);
        // senctl, in its own process, saves a document with an attachment while the client
        // library saves, reads and backs up below.
        const QString cliFile = QStringLiteral("bao-cao-%1.txt").arg(round);
        contents.insert(cliFile, attachmentBytes(S("senctl"), round));
        REQUIRE(test::writeFile(dir.path(cliFile), contents.value(cliFile)));
        QProcess cliCreate;
        startSenctl(cliCreate, home,
                    {S("doc"), S("create"), S("vanban"), S("--form"), S("VanBanDi"), S("--set"),
                     QStringLiteral("TrichYeu=Báo cáo số %1").arg(round), S("--attach"), dir.path(cliFile)});

        // The client library saves a document with an attachment through its open window.
        const QString clientFile = QStringLiteral("to-trinh-%1.txt").arg(round);
        contents.insert(clientFile, attachmentBytes(S("sen"), round));
        Document doc;
        const Status clientSave = store.batch([&]() -> Status {
            SEN_ASSIGN_OR_RETURN(const AttachmentRef ref,
                                 store.attachments().importBytes(contents.value(clientFile), clientFile));
            DocumentEdit edit = DocumentEdit::create(S("VanBanDen"));
            edit.set(Item::text(S("TrichYeu"), QStringLiteral("Tờ trình số %1").arg(round)));
            edit.set(Item::withValue(client::attachmentItemName(clientFile), ItemType::Attachment,
                                     ref.toCbor(), 0));
            SEN_ASSIGN_OR_RETURN(doc, store.save(edit));
            return Status::ok();
        });
        INFO(clientSave.toString().toStdString());
        REQUIRE(clientSave.isOk());
        saved.insert(doc.unid.toHex(), clientFile);

        // More connections of the same process, as the views, the sync and a backup open.
        {
            auto reader = ReplicaStore::open(replicaPath, {.readOnly = true});
            INFO(reader.status().toString().toStdString());
            REQUIRE(reader.isOk());
            REQUIRE((*reader)->get(doc.unid).isOk());
        }
        const QString backup = dir.path(QStringLiteral("backup-%1.sen").arg(round));
        const auto backedUp = store::backupReplica(replicaPath, backup);
        INFO(backedUp.status().toString().toStdString());
        REQUIRE(backedUp.isOk());
        backups << backup;

        // senctl's save is confirmed; it then reads and syncs.
        const QString cliUnid = finishSenctl(cliCreate);
        saved.insert(cliUnid, cliFile);
        const QString listed = ServerProcess::senctlOk(home, {S("doc"), S("list"), S("vanban")});
        REQUIRE(listed.contains(doc.unid.toHex()));
        if (round % 2 == 0)
            ServerProcess::senctlOk(home, {S("sync")});

        // The client library syncs the same replica (its own connection, same process).
        const auto reports = replicator.sync(S("vanban"));
        REQUIRE(reports.isOk());
        REQUIRE(reports->size() == 1);
        INFO(reports->front().status.toString().toStdString());
        REQUIRE(reports->front().status.isOk());

        // What either program confirmed, the other sees.
        REQUIRE(store.get(*Unid::fromHex(cliUnid)).isOk());
        const QString dump = ServerProcess::senctlOk(home, {S("dump"), S("vanban")});
        for (const QString& unid : saved.keys())
            REQUIRE(dump.contains(unid.toLower()));
    }

    // The window's last state reaches the server.
    ServerProcess::senctlOk(home, {S("sync")});
    requireAllThere(store, saved, contents, "the open window");
    REQUIRE(store.integrityCheck().isOk());
    window->reset();

    {
        auto local = ReplicaStore::open(replicaPath);
        REQUIRE(local.isOk());
        REQUIRE((*local)->integrityCheck().isOk());
        // Besides what was saved: the registers and catalogue entries the server made with
        // the database.
        const auto registers = (*local)->documentsOfForm(S("SoVanBan"));
        REQUIRE(registers.isOk());
        const auto entries = (*local)->documentsOfForm(S("DanhMuc"));
        REQUIRE(entries.isOk());
        REQUIRE((*local)->documentCount().value() ==
                std::int64_t(saved.size() + registers->size() + entries->size()));
        requireAllThere(**local, saved, contents, "the local replica");
    }
    for (const QString& backup : backups) {
        INFO(backup.toStdString());
        auto copy = ReplicaStore::open(backup, {.readOnly = true});
        REQUIRE(copy.isOk());
        REQUIRE((*copy)->integrityCheck().isOk());
    }
    server.stop();
    auto onServer = ReplicaStore::open(server.databasePath(S("vanban")));
    REQUIRE(onServer.isOk());
    REQUIRE((*onServer)->integrityCheck().isOk());
    const auto serverRegisters = (*onServer)->documentsOfForm(S("SoVanBan"));
    REQUIRE(serverRegisters.isOk());
    const auto serverEntries = (*onServer)->documentsOfForm(S("DanhMuc"));
    REQUIRE(serverEntries.isOk());
    REQUIRE((*onServer)->documentCount().value() ==
            std::int64_t(saved.size() + serverRegisters->size() + serverEntries->size()));
    requireAllThere(**onServer, saved, contents, "the server");
}
