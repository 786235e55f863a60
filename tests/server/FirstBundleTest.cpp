// An office with no link at all (issue #16): `sen-server bundle export DB --for USER` writes a
// first bundle, `senctl bundle import DB FILE` makes the office's replica from it (the server's
// replica ID, kind, title, the user's access), and the new replica then round-trips ordinary
// bundles with the server — a real data directory, real IDs from its certifier, real replica
// files, in-process.

#include "client/core/ReplicaAccess.h"
#include "client/core/Workspace.h"
#include "client/sync/Replicator.h"
#include "common/store/ReplicaStore.h"
#include "server/admin/SenServer.h"
#include "server/core/DataDirectory.h"
#include "tests/server/SenctlRun.h"
#include "tests/support/TempDir.h"

#include <QFile>
#include <QRegularExpression>

#include <catch2/catch.hpp>

using namespace sen;

namespace {

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

const QString kPassword = S("mật khẩu của tôi");
const QString kAn = S("Nguyễn Văn An/VPTU/HaNoi");
const QString kBinh = S("Trần Thị Bình/VPTU/HaNoi");

struct Run
{
    int code;
    QString out;
    QString err;
};

// A data directory with the database vanban, An an editor and Bình a reader there, and An's
// office: a senctl workspace logged in with An's ID and no replica at all.
class Office
{
public:
    Office()
    {
        m_env.insert(S("SEN_PASSWORD"), kPassword);
        m_env.insert(S("SEN_KDF_COST"), S("test"));
        qputenv("SEN_PASSWORD", kPassword.toUtf8());
        ok({S("init"), S("--org"), S("VPTU/HaNoi"), S("--admin"), S("Quản Trị"), S("--admin-id"),
            path(S("admin.id"))});
        ok({S("register"), S("--user"), S("Nguyễn Văn An"), S("--id"), path(S("an.id"))});
        ok({S("register"), S("--user"), S("Trần Thị Bình"), S("--id"), path(S("binh.id"))});
        ok({S("db"), S("create"), S("vanban"), S("--kind"), S("documents"), S("--title"), S("Văn bản")});
        ok({S("acl"), S("set"), S("vanban"), kAn, S("editor")});
        ok({S("acl"), S("set"), S("vanban"), kBinh, S("reader")});
        test::senctlOk(home(), {S("login"), S("--id"), path(S("an.id"))});
    }

    Run run(QStringList words) const
    {
        words.prepend(dataPath());
        words.prepend(S("--data"));
        QString out, err;
        QTextStream outStream(&out), errStream(&err);
        const int code = server::runSenServer(words, outStream, errStream, m_env);
        outStream.flush();
        errStream.flush();
        return {code, out, err};
    }
    QString ok(const QStringList& words) const
    {
        const Run r = run(words);
        INFO(r.err.toStdString());
        REQUIRE(r.code == 0);
        return r.out.trimmed();
    }
    QString exportFirst(const QString& file, const QString& user = S("Nguyễn Văn An")) const
    {
        return ok({S("bundle"), S("export"), S("vanban"), S("--for"), user, S("--out"), path(file)});
    }

    std::unique_ptr<ReplicaStore> server() const
    {
        auto dir = server::DataDirectory::open(dataPath());
        REQUIRE(dir.isOk());
        auto store = ReplicaStore::open(dir->databasePath(S("vanban")));
        REQUIRE(store.isOk());
        return std::move(store).value();
    }
    QString officePath() const { return home() + S("/replicas/vanban.sen"); }
    std::unique_ptr<ReplicaStore> office() const
    {
        auto store = ReplicaStore::open(officePath());
        REQUIRE(store.isOk());
        return std::move(store).value();
    }
    QString auditLog() const
    {
        QFile file(dataPath() + S("/logs/audit.jsonl"));
        REQUIRE(file.open(QIODevice::ReadOnly));
        return QString::fromUtf8(file.readAll());
    }

    QString dataPath() const { return m_dir.path(S("data")); }
    QString home() const { return m_dir.path(S("office")); }
    QString path(const QString& name) const { return m_dir.path(name); }

private:
    test::TempDir m_dir;
    QProcessEnvironment m_env;
};

int count(const QString& text, const QString& label)
{
    const QRegularExpression pattern(QRegularExpression::escape(label) + S(" (\\d+)"));
    const auto match = pattern.match(text);
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

// A document on the server only Bình may read.
Unid serverSecret(ReplicaStore& server)
{
    const auto saved = server.save(DocumentEdit::create(S("VanBanDi"))
                                       .set(Item::text(S("TrichYeu"), S("Chỉ Bình được đọc")))
                                       .set(Item::names(S("NguoiDoc"), ItemType::Readers, {kBinh})));
    REQUIRE(saved.isOk());
    return saved->unid;
}

} // namespace

TEST_CASE("A first bundle makes the office's replica as a first pull would, and the replica then "
          "round-trips bundles with the server",
          "[server][bundle][firstbundle]")
{
    Office office;
    const Unid secret = serverSecret(*office.server());
    const qint64 onServer = office.server()->documentCount(false).value();

    const QString written = office.exportFirst(S("first.bundle"));
    INFO(written.toStdString());
    REQUIRE(written.contains(S("for ") + kAn));
    REQUIRE(office.auditLog().contains(S("\"admin.bundle_export\"")));
    REQUIRE_FALSE(QFile::exists(office.officePath()));

    const QString created = test::senctlOk(
        office.home(), {S("bundle"), S("import"), S("vanban"), office.path(S("first.bundle"))});
    INFO(created.toStdString());
    REQUIRE(created.startsWith(S("created vanban")));
    {
        const auto replica = office.office();
        const auto server = office.server();
        REQUIRE(replica->info().replicaId == server->info().replicaId);
        REQUIRE(replica->info().instanceId != server->info().instanceId);
        REQUIRE(replica->info().title == S("Văn bản"));
        REQUIRE(replica->info().kind == DatabaseKind::Documents);
        // Everything An may read, and not what only Bình may.
        REQUIRE(replica->documentCount(false).value() == onServer - 1);
        REQUIRE_FALSE(replica->find(secret).value().has_value());
        const auto access = client::ReplicaAccess::load(*replica);
        REQUIRE(access.has_value());
        REQUIRE(access->level == acl::AccessLevel::Editor);
        REQUIRE(access->userName == kAn);
        const auto settings = client::Replicator::settingsOf(*replica);
        REQUIRE(settings.isOk());
        REQUIRE(settings->database == S("vanban"));
        REQUIRE(settings->server.isEmpty()); // no link
        REQUIRE(client::Replicator::lastServerOf(*replica).value().second == S("sen-server/VPTU/HaNoi"));
    }

    // Idempotent: the same first bundle again changes nothing.
    const QString again = test::senctlOk(
        office.home(), {S("bundle"), S("import"), S("vanban"), office.path(S("first.bundle"))});
    INFO(again.toStdString());
    REQUIRE(again.contains(S("(imported before)")));
    REQUIRE(count(again, S("stored")) == 0);

    // The new replica's own change goes to the server, and the answer comes back.
    const QString unid =
        test::senctlOk(office.home(), {S("doc"), S("create"), S("vanban"), S("--form"), S("VanBanDi"),
                                       S("--offline"), S("--set"), S("TrichYeu=Báo cáo không mạng")});
    const QString exported = test::senctlOk(
        office.home(), {S("bundle"), S("export"), S("vanban"), S("--out"), office.path(S("office.bundle"))});
    INFO(exported.toStdString());
    REQUIRE_FALSE(exported.contains(S("for anyone"))); // for the server that wrote the first bundle
    REQUIRE(count(exported, S(":")) == 1);             // only the office's document, no echo
    const QString imported = office.ok({S("bundle"), S("import"), office.path(S("office.bundle")),
                                        S("--answer"), office.path(S("answer.bundle"))});
    INFO(imported.toStdString());
    REQUIRE(count(imported, S("stored")) == 1);
    REQUIRE(count(imported, S("refused")) == 0);
    const auto parsed = Unid::fromHex(unid.section(u' ', 0, 0).trimmed());
    REQUIRE(parsed.has_value());
    REQUIRE(office.server()->find(*parsed).value().has_value());
    REQUIRE(imported.contains(S("wrote the answer")));
    // The answer does not carry the first bundle's documents again.
    REQUIRE(imported.contains(S(": 0 versions")));
    const QString answered = test::senctlOk(
        office.home(), {S("bundle"), S("import"), S("vanban"), office.path(S("answer.bundle"))});
    INFO(answered.toStdString());
    REQUIRE(count(answered, S("stored")) == 0);
}

TEST_CASE("A first bundle that was altered, is not a first bundle, or was written for someone else "
          "makes no replica",
          "[server][bundle][firstbundle]")
{
    Office office;
    office.exportFirst(S("first.bundle"));
    QByteArray bytes;
    {
        QFile file(office.path(S("first.bundle")));
        REQUIRE(file.open(QIODevice::ReadOnly));
        bytes = file.readAll();
    }

    SECTION("altered")
    {
        bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x20);
        QFile file(office.path(S("altered.bundle")));
        REQUIRE(file.open(QIODevice::WriteOnly));
        file.write(bytes);
        file.close();
        const auto run = test::senctl(
            office.home(), {S("bundle"), S("import"), S("vanban"), office.path(S("altered.bundle"))});
        REQUIRE(run.code != 0);
        INFO(run.err.toStdString());
        REQUIRE(run.err.contains(S("nothing was changed")));
    }
    SECTION("written for someone else")
    {
        office.exportFirst(S("binh.bundle"), kBinh);
        const auto run = test::senctl(office.home(),
                                      {S("bundle"), S("import"), S("vanban"), office.path(S("binh.bundle"))});
        REQUIRE(run.code != 0);
        INFO(run.err.toStdString());
        REQUIRE(run.err.contains(S("another user")));
    }
    SECTION("an answer, not a first bundle")
    {
        // A replica made by hand, its export imported by the server: the answer is format 2.
        const ReplicaInfo info = office.server()->info();
        auto workspace = client::Workspace::open(office.home());
        REQUIRE(workspace.isOk());
        ReplicaCreateOptions create;
        create.replicaId = info.replicaId;
        create.kind = info.kind;
        create.title = info.title;
        REQUIRE(ReplicaStore::create(workspace->replicaPath(S("tam")), create).isOk());
        test::senctlOk(office.home(),
                       {S("bundle"), S("export"), S("tam"), S("--out"), office.path(S("tam.bundle"))});
        office.ok({S("bundle"), S("import"), office.path(S("tam.bundle")), S("--answer"),
                   office.path(S("answer.bundle"))});
        REQUIRE(QFile::remove(workspace->replicaPath(S("tam"))));
        const auto run = test::senctl(
            office.home(), {S("bundle"), S("import"), S("vanban"), office.path(S("answer.bundle"))});
        REQUIRE(run.code != 0);
        INFO(run.err.toStdString());
        REQUIRE(run.err.contains(S("not a first bundle")));
    }
    SECTION("a user who may not replicate gets none")
    {
        const Run refused = office.run({S("bundle"), S("export"), S("vanban"), S("--for"), S("Không Ai"),
                                        S("--out"), office.path(S("nobody.bundle"))});
        REQUIRE(refused.code != 0);
        REQUIRE_FALSE(QFile::exists(office.path(S("nobody.bundle"))));
    }
    REQUIRE_FALSE(QFile::exists(office.officePath()));
}
