#include "tests/client/SyncTestOffice.h"

#include "client/core/UserIdentity.h"
#include "tests/server/WaitUntil.h"

#include <QThread>

#include <catch2/catch.hpp>

namespace sen::test {

namespace {

client::Workspace openWorkspace(ServerFixture& server, const QString& name)
{
    auto workspace = client::Workspace::open(server.dir().path(QStringLiteral("home-") + name));
    REQUIRE(workspace.isOk());
    return *workspace;
}

identity::Credentials signIn(ServerFixture& server, const client::Workspace& workspace, const QString& name)
{
    const QString password = QStringLiteral("mật khẩu 2026");
    const QString idPath = server.dir().path(name + QStringLiteral(".id"));
    server.userIdFile(name, password, idPath);
    auto credentials = client::UserIdentity::signIn(workspace, idPath, password);
    REQUIRE(credentials.isOk());
    return *credentials;
}

} // namespace

SyncTestOffice::SyncTestOffice(ServerFixture& server, const QString& name, const QString& home)
    : workspace(openWorkspace(server, home.isEmpty() ? name : home)),
      credentials(signIn(server, workspace, name)),
      serverAddress(QStringLiteral("127.0.0.1:%1").arg(server.port()))
{}

client::ReplicaSettings SyncTestOffice::settings(const QString& database) const
{
    client::ReplicaSettings settings;
    settings.server = serverAddress;
    settings.database = database;
    return settings;
}

namespace {

QSet<QString> unidsOf(ReplicaStore& store)
{
    QSet<QString> unids;
    REQUIRE(store
                .forEachDocument([&](const Document& doc) {
                    REQUIRE(!unids.contains(doc.unid.toHex()));
                    unids.insert(doc.unid.toHex());
                    return true;
                })
                .isOk());
    return unids;
}

} // namespace

QSet<QString> SyncTestOffice::unids(const QString& name) const
{
    auto store = workspace.openDatabase(name);
    INFO(store.status().toString().toStdString());
    REQUIRE(store.isOk());
    return unidsOf(**store);
}

void fillServerDatabase(ServerFixture& server, const QString& database, int count, int textRepeat)
{
    auto store = ReplicaStore::open(server.serverPath(database));
    REQUIRE(store.isOk());
    REQUIRE(
        (*store)
            ->batch([&]() -> Status {
                for (int i = 0; i < count; ++i) {
                    auto saved = (*store)->save(
                        DocumentEdit::create(QStringLiteral("VanBanDen"))
                            .set(Item::text(QStringLiteral("TrichYeu"),
                                            QStringLiteral("công văn số %1 ").arg(i).repeated(textRepeat))));
                    if (!saved)
                        return saved.status();
                }
                return Status::ok();
            })
            .isOk());
}

QSet<QString> serverUnids(ServerFixture& server, const QString& database)
{
    auto store = ReplicaStore::open(server.serverPath(database));
    REQUIRE(store.isOk());
    return unidsOf(**store);
}

ControllerLog::ControllerLog(client::SyncController& controller)
{
    QThread* home = controller.thread();
    const auto check = [this, home] {
        if (QThread::currentThread() != home)
            offThread = true;
    };
    QObject::connect(&controller, &client::SyncController::finished, &scope,
                     [this, check](const client::SyncReport& report) {
                         check();
                         finished.push_back(report);
                     });
    QObject::connect(&controller, &client::SyncController::progressed, &scope,
                     [this, check](const QString& name, const SessionProgress& p) {
                         check();
                         progress.emplace_back(name, p);
                     });
    QObject::connect(&controller, &client::SyncController::started, &scope,
                     [this](const QString& name) { started << name; });
    QObject::connect(&controller, &client::SyncController::replicaAdded, &scope,
                     [this](const QString& name) { added << name; });
    QObject::connect(&controller, &client::SyncController::replicaChanged, &scope,
                     [this](const QString& name) { changed << name; });
}

bool ControllerLog::waitFinished(std::size_t count, int timeoutMs) const
{
    return waitUntil([&] { return finished.size() >= count; }, timeoutMs);
}

void addReplicaAndWait(client::SyncController& controller, ControllerLog& log, const SyncTestOffice& office,
                       const QString& database)
{
    const std::size_t before = log.finished.size();
    controller.addReplica(office.settings(database));
    REQUIRE(log.waitFinished(before + 1));
    INFO(log.finished.back().status.toString().toStdString());
    REQUIRE(log.finished.back().status.isOk());
}

} // namespace sen::test
