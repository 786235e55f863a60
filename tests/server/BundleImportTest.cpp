// Offices with no link (issue #16): `senctl bundle export` writes the replica's unsent changes
// signed by the user's ID, `sen-server bundle import` imports them through the checks of a
// network push and writes the answer, `senctl bundle import` imports that — with a real data
// directory, real IDs from its certifier and real replica files, in-process.

#include "client/core/Workspace.h"
#include "common/identity/IdFile.h"
#include "common/registers/Registers.h"
#include "common/store/ReplicaStore.h"
#include "replication/bundle/Bundle.h"
#include "server/admin/SenServer.h"
#include "server/core/DataDirectory.h"
#include "tests/server/SenctlRun.h"
#include "tests/support/TempDir.h"

#include <QBuffer>
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

struct Run
{
    int code;
    QString out;
    QString err;
};

// A data directory with the database vanban (its default registers), Nguyễn Văn An at
// `level`, and An's office: a senctl workspace logged in with An's ID, holding a replica of
// vanban it made without a link (same replica ID, its own instance).
class Centre
{
public:
    explicit Centre(const QString& level = S("editor"))
    {
        m_env.insert(S("SEN_PASSWORD"), kPassword);
        m_env.insert(S("SEN_KDF_COST"), S("test"));
        qputenv("SEN_PASSWORD", kPassword.toUtf8());
        ok({S("init"), S("--org"), S("VPTU/HaNoi"), S("--admin"), S("Quản Trị"), S("--admin-id"),
            path(S("admin.id"))});
        ok({S("register"), S("--user"), S("Nguyễn Văn An"), S("--id"), path(S("an.id"))});
        ok({S("db"), S("create"), S("vanban"), S("--kind"), S("documents"), S("--title"), S("Văn bản")});
        ok({S("acl"), S("set"), S("vanban"), kAn, level});
        test::senctlOk(home(), {S("login"), S("--id"), path(S("an.id"))});
        const ReplicaInfo info = server()->info();
        auto workspace = client::Workspace::open(home());
        REQUIRE(workspace.isOk());
        ReplicaCreateOptions create;
        create.replicaId = info.replicaId;
        create.kind = info.kind;
        create.title = info.title;
        REQUIRE(ReplicaStore::create(workspace->replicaPath(S("vanban")), create).isOk());
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
    // sen-server bundle import FILE --answer ANSWER
    QString import(const QString& file, const QString& answer) const
    {
        return ok({S("bundle"), S("import"), path(file), S("--answer"), path(answer)});
    }
    // senctl bundle export vanban --out FILE
    QString exportOffice(const QString& file) const
    {
        return test::senctlOk(home(), {S("bundle"), S("export"), S("vanban"), S("--out"), path(file)});
    }
    QString importOffice(const QString& file) const
    {
        return test::senctlOk(home(), {S("bundle"), S("import"), S("vanban"), path(file)});
    }

    std::unique_ptr<ReplicaStore> server() const
    {
        auto dir = server::DataDirectory::open(dataPath());
        REQUIRE(dir.isOk());
        auto store = ReplicaStore::open(dir->databasePath(S("vanban")));
        REQUIRE(store.isOk());
        return std::move(store).value();
    }
    std::unique_ptr<ReplicaStore> office() const
    {
        auto store = ReplicaStore::open(home() + S("/replicas/vanban.sen"));
        REQUIRE(store.isOk());
        return std::move(store).value();
    }
    Unid officeCreates(const QString& abstract) const
    {
        const QString unid =
            test::senctlOk(home(), {S("doc"), S("create"), S("vanban"), S("--form"), S("VanBanDi"),
                                    S("--offline"), S("--set"), S("TrichYeu=") + abstract});
        const auto parsed = Unid::fromHex(unid.section(u' ', 0, 0).trimmed());
        REQUIRE(parsed.has_value());
        return *parsed;
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
    QProcessEnvironment& env() { return m_env; }

private:
    test::TempDir m_dir;
    QProcessEnvironment m_env;
};

// The number after `label` in `text` ("stored 3" -> 3), -1 when absent.
int count(const QString& text, const QString& label)
{
    const QRegularExpression pattern(QRegularExpression::escape(label) + S(" (\\d+)"));
    const auto match = pattern.match(text);
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

} // namespace

TEST_CASE("Bundles: an office's changes reach the server and the server's answer reaches the office",
          "[server][bundle]")
{
    // An office with no link writes two documents and exports them; the administrator imports
    // the bundle into a real data directory and writes the answer, which brings the office the
    // registers the server holds; importing either bundle again changes nothing, and the next
    // export carries only what is new.
    Centre centre;
    const Unid first = centre.officeCreates(S("Báo cáo tuần 1"));
    centre.officeCreates(S("Báo cáo tuần 2"));
    const QString exported = centre.exportOffice(S("office-1.bundle"));
    INFO(exported.toStdString());
    REQUIRE(exported.contains(S("for anyone"))); // the office never heard from the server
    REQUIRE(count(exported, S(":")) == 2);

    const QString imported = centre.import(S("office-1.bundle"), S("answer-1.bundle"));
    INFO(imported.toStdString());
    REQUIRE(imported.contains(kAn));
    REQUIRE(count(imported, S("stored")) == 2);
    REQUIRE(count(imported, S("refused")) == 0);
    REQUIRE(centre.server()->find(first).value().has_value());
    REQUIRE(centre.auditLog().contains(S("\"bundle_imported\"")));

    const qint64 registersOnServer =
        centre.server()->documentsOfForm(QLatin1String(registers::kRegisterForm)).value().size();
    REQUIRE(registersOnServer > 0);
    const QString answered = centre.importOffice(S("answer-1.bundle"));
    INFO(answered.toStdString());
    REQUIRE(answered.contains(S("sen-server/VPTU/HaNoi")));
    // Every document the server held besides the office's two: its registers and catalogues.
    REQUIRE(count(answered, S("stored")) == centre.server()->documentCount(false).value() - 2);
    REQUIRE(static_cast<qint64>(
                centre.office()->documentsOfForm(QLatin1String(registers::kRegisterForm)).value().size()) ==
            registersOnServer);

    // Idempotent both ways.
    const QString again = centre.import(S("office-1.bundle"), S("answer-1b.bundle"));
    REQUIRE(count(again, S("stored")) == 0);
    REQUIRE(count(again, S("refused")) == 0);
    REQUIRE(count(centre.importOffice(S("answer-1.bundle")), S("stored")) == 0);

    // The checkpoint moved: the next export is for the server and carries only the new document.
    centre.officeCreates(S("Báo cáo tuần 3"));
    const QString next = centre.exportOffice(S("office-2.bundle"));
    INFO(next.toStdString());
    REQUIRE_FALSE(next.contains(S("for anyone")));
    REQUIRE(count(next, S(":")) == 1);
    REQUIRE(count(centre.import(S("office-2.bundle"), S("answer-2.bundle")), S("stored")) == 1);
    // And the server's next answer does not bring the registers again.
    REQUIRE(count(centre.importOffice(S("answer-2.bundle")), S("stored")) == 0);
    REQUIRE(centre.server()->documentCount(false).value() == centre.office()->documentCount(false).value());
}

TEST_CASE("Bundles: a Reader's edits are refused one by one and the office is told why",
          "[server][bundle][acl]")
{
    // An at Reader level writes a document offline; the server refuses that version (and
    // records it), the rest of the bundle imports, and the answer makes the office list the
    // refusal among its refused changes, as after a network sync.
    Centre centre(S("reader"));
    const Unid written = centre.officeCreates(S("Tờ trình không được phép"));
    centre.exportOffice(S("office.bundle"));
    const QString imported = centre.import(S("office.bundle"), S("answer.bundle"));
    INFO(imported.toStdString());
    REQUIRE(count(imported, S("stored")) == 0);
    REQUIRE(count(imported, S("refused")) == 1);
    REQUIRE(imported.contains(S("refused ") + written.toHex()));
    REQUIRE_FALSE(centre.server()->find(written).value().has_value());
    REQUIRE(centre.auditLog().contains(S("\"push_refused\"")));

    const QString answered = centre.importOffice(S("answer.bundle"));
    INFO(answered.toStdString());
    REQUIRE(count(answered, S("refused by the server")) == 1);
    const QString refused = test::senctlOk(centre.home(), {S("refused"), S("list"), S("vanban")});
    REQUIRE(refused.contains(written.toHex()));
}

TEST_CASE("Bundles: a registration number the server never gave is refused by the register check",
          "[server][bundle][registers]")
{
    // After a first exchange the office holds the server's registers; a hostile office types a
    // number into the incoming register by hand. The server refuses that version
    // (common/registers/RegisterCheck.h), exactly as on a network push.
    Centre centre;
    centre.exportOffice(S("office-1.bundle"));
    centre.import(S("office-1.bundle"), S("answer-1.bundle"));
    centre.importOffice(S("answer-1.bundle"));
    Unid forged;
    {
        const auto office = centre.office();
        const auto books = registers::registersFrom(
            office->documentsOfForm(QLatin1String(registers::kRegisterForm)).value());
        const auto incoming = std::find_if(books.begin(), books.end(), [](const registers::Register& r) {
            return r.direction == registers::Direction::Incoming && !r.secret;
        });
        REQUIRE(incoming != books.end());
        auto saved = office->save(DocumentEdit::create(S("VanBanDen"))
                                      .set(Item::text(S("TrichYeu"), S("Công văn đến tự đánh số")))
                                      .set(Item::text(S("SoVanBan"), incoming->unid.toHex()))
                                      .set(Item::number(S("SoDen"), 1250)));
        REQUIRE(saved.isOk());
        forged = saved->unid;
    }
    centre.exportOffice(S("office-2.bundle"));
    const QString imported = centre.import(S("office-2.bundle"), S("answer-2.bundle"));
    INFO(imported.toStdString());
    REQUIRE(count(imported, S("refused")) == 1);
    REQUIRE(imported.contains(S("refused ") + forged.toHex()));
    REQUIRE(imported.contains(S("not given")));
    REQUIRE_FALSE(centre.server()->find(forged).value().has_value());
}

TEST_CASE("Bad bundle: the server refuses a bundle of a revoked user, of another organisation or altered",
          "[server][bundle][signature]")
{
    // Each is refused whole with one line, nothing is stored, no answer is written, and the
    // refusal is in the audit log.
    Centre centre;
    centre.officeCreates(S("Một"));
    centre.exportOffice(S("office.bundle"));
    QFile file(centre.path(S("office.bundle")));
    REQUIRE(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    file.close();
    const qint64 before = centre.server()->documentCount(true).value();

    // A byte changed on the stick.
    QByteArray damaged = bytes;
    damaged[damaged.size() / 2] = static_cast<char>(damaged[damaged.size() / 2] ^ 0x20);
    QFile out(centre.path(S("damaged.bundle")));
    REQUIRE(out.open(QIODevice::WriteOnly));
    out.write(damaged);
    out.close();
    Run r = centre.run({S("bundle"), S("import"), centre.path(S("damaged.bundle")), S("--answer"),
                        centre.path(S("answer.bundle"))});
    REQUIRE(r.code == 1);
    REQUIRE(r.err.contains(S("damaged")));

    // Another organisation's ID, on a replica of the same database.
    {
        auto foreign = identity::Certifier::create(identity::HierarchicalName::parse(S("Other/Org")).value(),
                                                   identity::Validity::days(365));
        REQUIRE(foreign.isOk());
        auto stranger = foreign->issue(identity::HierarchicalName::parse(S("Trần D/Other/Org")).value(),
                                       identity::CertificateRole::User, identity::Validity::days(365));
        REQUIRE(stranger.isOk());
        const auto office = centre.office();
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        REQUIRE(writeBundle(*office, *stranger, buffer).isOk());
        QFile strange(centre.path(S("foreign.bundle")));
        REQUIRE(strange.open(QIODevice::WriteOnly));
        strange.write(buffer.data());
    }
    r = centre.run({S("bundle"), S("import"), centre.path(S("foreign.bundle")), S("--answer"),
                    centre.path(S("answer.bundle"))});
    REQUIRE(r.code == 1);
    REQUIRE(r.err.contains(S("not trusted")));

    // An's ID revoked after the bundle was written.
    centre.ok({S("revoke"), S("--user"), S("Nguyễn Văn An")});
    r = centre.run({S("bundle"), S("import"), centre.path(S("office.bundle")), S("--answer"),
                    centre.path(S("answer.bundle"))});
    REQUIRE(r.code == 1);
    REQUIRE(r.err.contains(S("revoked")));

    REQUIRE(centre.server()->documentCount(true).value() == before);
    REQUIRE_FALSE(QFile::exists(centre.path(S("answer.bundle"))));
    REQUIRE(centre.auditLog().count(S("\"bundle_refused\"")) == 3);
}

TEST_CASE("Bundles: a registration made offline is numbered by the server's answer and the number is kept",
          "[server][bundle][registers]")
{
    // The office registers an incoming document with no link: it awaits its number. Its bundle
    // asks for it (as a session's NUMBER does), the server gives number 1 in its answer, the
    // office writes it, and the next bundle brings the numbered version, which the register
    // check accepts.
    Centre centre;
    centre.exportOffice(S("office-1.bundle"));
    centre.import(S("office-1.bundle"), S("answer-1.bundle"));
    centre.importOffice(S("answer-1.bundle"));
    Unid awaiting;
    {
        const auto office = centre.office();
        const auto books = registers::registersFrom(
            office->documentsOfForm(QLatin1String(registers::kRegisterForm)).value());
        const auto incoming = std::find_if(books.begin(), books.end(), [](const registers::Register& r) {
            return r.direction == registers::Direction::Incoming && !r.secret;
        });
        REQUIRE(incoming != books.end());
        auto saved = office->save(DocumentEdit::create(S("VanBanDen"))
                                      .set(Item::text(S("TrichYeu"), S("Công văn đến chờ số")))
                                      .set(Item::text(S("SoVanBan"), incoming->unid.toHex())));
        REQUIRE(saved.isOk());
        awaiting = saved->unid;
    }
    const QString exported = centre.exportOffice(S("office-2.bundle"));
    INFO(exported.toStdString());
    REQUIRE(count(exported, S("chunks,")) == 1); // "0 chunks, 1 number requests"
    const QString imported = centre.import(S("office-2.bundle"), S("answer-2.bundle"));
    INFO(imported.toStdString());
    REQUIRE(imported.contains(S("numbered ") + awaiting.toHex() + S(": 1")));

    const QString answered = centre.importOffice(S("answer-2.bundle"));
    INFO(answered.toStdString());
    REQUIRE(count(answered, S("numbered")) == 1);
    const auto numbered = centre.office()->get(awaiting);
    REQUIRE(numbered.isOk());
    REQUIRE(numbered->item(S("SoDen")) != nullptr);
    REQUIRE(numbered->item(S("SoDen"))->toNumber() == 1);

    centre.exportOffice(S("office-3.bundle"));
    const QString kept = centre.import(S("office-3.bundle"), S("answer-3.bundle"));
    INFO(kept.toStdString());
    REQUIRE(count(kept, S("refused")) == 0);
    REQUIRE(count(kept, S("stored")) == 1);
    REQUIRE(centre.server()->get(awaiting)->item(S("SoDen"))->toNumber() == 1);
}
