// The replication page's Bundles menu (issue #16): an office with no link exports its change
// bundle and imports the answer through the application layer senctl uses, and is told what
// happened — or why not — in Vietnamese. A real server over TLS gave the office its replica;
// the answer is signed by an ID of the same certifier and carries its CRL.

#include "client/gui/replication/BundleActions.h"

#include "client/app/OpenDatabases.h"
#include "client/gui/i18n/Language.h"
#include "client/gui/replication/ReplicationPage.h"
#include "client/sync/SyncController.h"
#include "client/sync/SyncScheduler.h"
#include "common/identity/IdFile.h"
#include "common/store/ReplicaStore.h"
#include "replication/bundle/Bundle.h"
#include "tests/client/SyncTestOffice.h"
#include "tests/gui/GuiScreenshot.h"

#include <QAction>
#include <QApplication>
#include <QBuffer>
#include <QFile>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>

#include <catch2/catch.hpp>

using namespace sen;

namespace {

const QString kVanBan = QStringLiteral("vanban");

class Vietnamese
{
public:
    Vietnamese() { REQUIRE(gui::Translations::install(app(), gui::Language::Vietnamese)); }
    ~Vietnamese() { gui::Translations::install(app(), gui::Language::English); }
    Vietnamese(const Vietnamese&) = delete;
    Vietnamese& operator=(const Vietnamese&) = delete;

private:
    static QApplication& app() { return *qobject_cast<QApplication*>(QCoreApplication::instance()); }
};

struct Told
{
    QString title;
    Status status;
    QString text;
};

QAction& action(gui::ReplicationPage& page, const char* name)
{
    auto* found = page.bundles().menu()->findChild<QAction*>(QString::fromLatin1(name));
    REQUIRE(found);
    return *found;
}

} // namespace

TEST_CASE("The Bundles menu exports the office's changes and imports the answer, telling the user in "
          "Vietnamese",
          "[gui][replication][bundle]")
{
    const Vietnamese vietnamese;
    test::ServerFixture f;
    f.createDatabase(kVanBan);
    test::SyncTestOffice office(f, QStringLiteral("Nguyễn Văn An"));
    client::SyncController controller(office.workspace, office.credentials);
    client::SyncScheduler scheduler(office.workspace, controller);
    test::ControllerLog log(controller);
    test::addReplicaAndWait(controller, log, office, kVanBan);
    app::OpenDatabases databases(office.workspace, office.credentials.name.toString());
    databases.watch(controller);
    gui::ReplicationPage page(databases, controller, scheduler);
    page.bundles().setIdentity(&office.credentials);
    page.select(kVanBan);
    page.resize(1100, 600);
    page.show();
    test::shoot(page, QStringLiteral("replication-bundles"));
    REQUIRE(action(page, "exportBundle").text() == QStringLiteral("Xuất gói thay đổi…"));
    REQUIRE(action(page, "importBundle").text() == QStringLiteral("Nhập gói…"));
    REQUIRE(action(page, "exportBundle").isEnabled());

    QString chosen;
    std::vector<Told> told;
    page.bundles().setChooser([&](bool, const QString& replica) {
        REQUIRE(replica == kVanBan);
        return chosen;
    });
    page.bundles().setNotifier([&](const QString& title, const Status& status, const QString& text) {
        told.push_back({title, status, text});
    });

    // The office works offline, then exports.
    InstanceId officeInstance;
    {
        auto store = office.workspace.openDatabase(kVanBan);
        REQUIRE(store.isOk());
        officeInstance = (*store)->info().instanceId;
        REQUIRE(
            (*store)
                ->save(DocumentEdit::create(QStringLiteral("VanBanDi"))
                           .set(Item::text(QStringLiteral("TrichYeu"), QStringLiteral("Báo cáo không mạng"))))
                .isOk());
    }
    chosen = f.dir().path(QStringLiteral("office.senbundle"));
    action(page, "exportBundle").trigger();
    REQUIRE(told.size() == 1);
    INFO(told[0].text.toStdString());
    REQUIRE(told[0].status.isOk());
    REQUIRE(told[0].text == QStringLiteral("Đã ghi gói: 1 văn bản, 0 phần tệp đính kèm."));
    {
        QFile file(chosen);
        REQUIRE(file.open(QIODevice::ReadOnly));
        const auto read = readBundle(
            file, BundleTrust{office.credentials.certifierDer(), f.crl(), QDateTime::currentDateTimeUtc()});
        REQUIRE(read.isOk());
        REQUIRE(read->info.signer == office.credentials.name.toString());
    }

    // The centre's answer: two documents written there, signed by an ID of the same certifier.
    test::fillServerDatabase(f, kVanBan, 2);
    f.userIdFile(QStringLiteral("Quản Trị"), QStringLiteral("mật khẩu 123"),
                 f.dir().path(QStringLiteral("qt.id")));
    const auto admin =
        identity::IdFile::open(identity::IdFile::load(f.dir().path(QStringLiteral("qt.id"))).value(),
                               QStringLiteral("mật khẩu 123"));
    REQUIRE(admin.isOk());
    QByteArray answer;
    {
        auto server = ReplicaStore::open(f.serverPath(kVanBan));
        REQUIRE(server.isOk());
        BundleWriteOptions options;
        options.recipient = officeInstance;
        options.crlDer = f.crl();
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        REQUIRE(writeBundle(**server, *admin, buffer, options).isOk());
        answer = buffer.data();
    }
    chosen = f.dir().path(QStringLiteral("answer.senbundle"));
    {
        QFile file(chosen);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(answer);
    }
    QSignalSpy changed(&databases, &app::OpenDatabases::databaseChanged);
    (void)databases.session(kVanBan); // open, as the database's page would hold it
    action(page, "importBundle").trigger();
    REQUIRE(told.size() == 2);
    INFO(told[1].text.toStdString());
    REQUIRE(told[1].status.isOk());
    REQUIRE(told[1].text.startsWith(QStringLiteral("Đã nhập gói: 2 trong số")));
    REQUIRE(changed.count() >= 1);
    test::shoot(page, QStringLiteral("replication-bundle-imported"));
    REQUIRE(page.selectedName() == kVanBan);
    REQUIRE(page.history().rowCount() == 2); // the first sync, then the bundle

    // The same answer damaged on the stick: refused, nothing changed, said in Vietnamese.
    answer[answer.size() / 2] = static_cast<char>(answer[answer.size() / 2] ^ 0x11);
    chosen = f.dir().path(QStringLiteral("damaged.senbundle"));
    {
        QFile file(chosen);
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(answer);
    }
    action(page, "importBundle").trigger();
    REQUIRE(told.size() == 3);
    INFO(told[2].text.toStdString());
    REQUIRE_FALSE(told[2].status.isOk());
    REQUIRE(told[2].text.contains(QStringLiteral("bị hỏng")));
    REQUIRE(told[2].text.contains(QStringLiteral("damaged.senbundle")));
}

TEST_CASE("Bundles ▸ Create replica from bundle… makes an office's replica from a first bundle, telling "
          "the user in Vietnamese",
          "[gui][replication][bundle]")
{
    const Vietnamese vietnamese;
    test::ServerFixture f;
    const ReplicaInfo server = f.createDatabase(kVanBan);
    test::fillServerDatabase(f, kVanBan, 3);
    test::SyncTestOffice office(f, QStringLiteral("Nguyễn Văn An"));
    client::SyncController controller(office.workspace, office.credentials);
    client::SyncScheduler scheduler(office.workspace, controller);
    app::OpenDatabases databases(office.workspace, office.credentials.name.toString());
    gui::ReplicationPage page(databases, controller, scheduler);
    page.bundles().setIdentity(&office.credentials);
    QSignalSpy created(&page, &gui::ReplicationPage::replicaCreated);

    // No replica at all, and the action is there for it.
    REQUIRE(action(page, "createFromBundle").text() == QStringLiteral("Tạo bản sao từ gói…"));
    REQUIRE(action(page, "createFromBundle").isEnabled());
    REQUIRE_FALSE(action(page, "importBundle").isEnabled());

    // The first bundle the server's administrator wrote for An (sen-server bundle export --for).
    f.userIdFile(QStringLiteral("Quản Trị"), QStringLiteral("mật khẩu 123"),
                 f.dir().path(QStringLiteral("qt.id")));
    const auto admin =
        identity::IdFile::open(identity::IdFile::load(f.dir().path(QStringLiteral("qt.id"))).value(),
                               QStringLiteral("mật khẩu 123"));
    REQUIRE(admin.isOk());
    const QString path = f.dir().path(QStringLiteral("first.senbundle"));
    qint64 documents = 0;
    {
        auto store = ReplicaStore::open(f.serverPath(kVanBan));
        REQUIRE(store.isOk());
        documents = (*store)->documentCount(false).value();
        BundleWriteOptions options;
        options.crlDer = f.crl();
        options.database =
            BundleDatabase{kVanBan,
                           static_cast<int>(server.kind),
                           server.title,
                           office.credentials.name.toString(),
                           admin->name.toString(),
                           protocol::WelcomeAccess{static_cast<int>(acl::AccessLevel::Editor), 0, {}, {}}};
        QFile file(path);
        REQUIRE(file.open(QIODevice::WriteOnly));
        REQUIRE(writeBundle(**store, *admin, file, options).isOk());
    }

    std::vector<Told> told;
    page.bundles().setChooser([&](bool save, const QString& replica) {
        REQUIRE_FALSE(save);
        REQUIRE(replica.isEmpty());
        return path;
    });
    page.bundles().setNotifier([&](const QString& title, const Status& status, const QString& text) {
        told.push_back({title, status, text});
    });
    action(page, "createFromBundle").trigger();
    REQUIRE(told.size() == 1);
    INFO(told[0].text.toStdString());
    REQUIRE(told[0].status.isOk());
    REQUIRE(told[0].title == QStringLiteral("Tạo bản sao từ gói"));
    REQUIRE(told[0].text ==
            QStringLiteral("Đã tạo cơ sở dữ liệu %1 từ gói: %2 văn bản.").arg(kVanBan).arg(documents));
    REQUIRE(created.count() == 1);
    // Listed for its bundles, with nothing to sync with.
    REQUIRE(page.selectedName() == kVanBan);
    REQUIRE(action(page, "exportBundle").isEnabled());
    auto* syncNow = page.findChild<QPushButton*>(QStringLiteral("syncNow"));
    REQUIRE(syncNow);
    REQUIRE_FALSE(syncNow->isEnabled());
    {
        auto replica = office.workspace.openDatabase(kVanBan);
        REQUIRE(replica.isOk());
        REQUIRE((*replica)->info().replicaId == server.replicaId);
    }

    // Again: the database is there already, said in Vietnamese; nothing changes.
    action(page, "createFromBundle").trigger();
    REQUIRE(told.size() == 2);
    INFO(told[1].text.toStdString());
    REQUIRE_FALSE(told[1].status.isOk());
    REQUIRE(told[1].text.contains(QStringLiteral("đã có trong không gian làm việc")));
}
