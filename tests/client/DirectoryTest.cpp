// The organisation's directory as an address book (issue #14; docs/directory.md): a real
// server over TLS tells its registered people, its groups and the database ACL's roles; the
// desktop client's sync keeps them in the workspace; the address book searches them without
// diacritics and resolves typed short names — never guessing — and the application layer
// resolves the names fields of a processing slip before the slip's Authors item is computed.

#include "client/core/DirectoryFile.h"
#include "tests/client/AppOffice.h"
#include "tests/server/RequireOk.h"
#include "tests/server/SenctlRun.h"

#include <catch2/catch.hpp>

using namespace sen;
using client::DirectoryEntry;
using client::NameResolution;
using test::ServerFixture;

namespace {

const QString kVanBan = QStringLiteral("vanban");

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

QString full(const char* name)
{
    return S(name) + QStringLiteral("/VPTU/HaNoi");
}

// The office: two cadres called An, one Cường, one Dũng in a department, the clerk; a group of
// leaders; the role [LanhDao] held by the group and the clerk, [VanThu] by the clerk.
void setUpDirectory(ServerFixture& f)
{
    f.createDatabase(kVanBan, acl::AccessLevel::Editor);
    f.setPeople({full("Nguyễn Văn An"), full("Trần Thị An"), full("Lê Văn Cường"),
                 S("Đỗ Đức Dũng/PhongHC/VPTU/HaNoi"), full("Trần Văn Bình")});
    f.setGroup(S("Lãnh đạo VPTU"), {full("Nguyễn Văn An"), full("Lê Văn Cường")});
    acl::AclEntry leaders = acl::AclEntry::make(S("Lãnh đạo VPTU"), acl::AccessLevel::Editor);
    leaders.roles = {QStringLiteral("[LanhDao]")};
    f.setEntry(kVanBan, leaders);
    // The user of the tests, the văn thư and a leader, who may direct (docs/workflow.md).
    acl::AclEntry clerk = acl::AclEntry::make(full("Trần Văn Bình"), acl::AccessLevel::Editor);
    clerk.roles = {QStringLiteral("[LanhDao]"), QStringLiteral("[VanThu]")};
    f.setEntry(kVanBan, clerk);
}

QStringList namesOf(const std::vector<DirectoryEntry>& entries)
{
    QStringList out;
    for (const DirectoryEntry& e : entries)
        out.append(e.name);
    return out;
}

Unid letter(app::DatabaseSession& session)
{
    DocumentEdit edit = DocumentEdit::create(QStringLiteral("VanBanDen"));
    edit.set(Item::text(QStringLiteral("TrichYeu"), S("Về việc tổng kết công tác năm")));
    auto saved = session.save(edit);
    test::requireOk(saved.status());
    return saved->unid;
}

} // namespace

TEST_CASE("Directory: a sync brings the server's people, groups, units and roles; search ignores "
          "diacritics",
          "[client][directory]")
{
    ServerFixture f;
    setUpDirectory(f);
    test::AppOffice office(f, S("Trần Văn Bình"), kVanBan);

    auto book = office.session->addressBook();
    test::requireOk(book.status());
    REQUIRE_FALSE(book->isEmpty());

    // Any word of the common name, without marks; đ as d; the full name; initials.
    CHECK(namesOf(book->search(QStringLiteral("nguyen van"), 10)) == QStringList{full("Nguyễn Văn An")});
    CHECK(namesOf(book->search(QStringLiteral("an"), 10)).contains(full("Trần Thị An")));
    CHECK(namesOf(book->search(QStringLiteral("do duc"), 10)) ==
          QStringList{S("Đỗ Đức Dũng/PhongHC/VPTU/HaNoi")});
    CHECK(namesOf(book->search(QStringLiteral("DUNG"), 10)).contains(S("Đỗ Đức Dũng/PhongHC/VPTU/HaNoi")));
    CHECK(namesOf(book->search(QStringLiteral("le van cuong/vptu"), 10)) ==
          QStringList{full("Lê Văn Cường")});
    CHECK(namesOf(book->search(QStringLiteral("lvc"), 10)) == QStringList{full("Lê Văn Cường")});
    // The group and the role, and the units of the people's names.
    const QStringList leaders = namesOf(book->search(QStringLiteral("lanh dao"), 10));
    CHECK(leaders.contains(S("Lãnh đạo VPTU")));
    CHECK(leaders.contains(QStringLiteral("[LanhDao]")));
    CHECK(namesOf(book->search(QStringLiteral("phonghc"), 10))
              .contains(QStringLiteral("*/PhongHC/VPTU/HaNoi")));
    // A role lists who holds it; a person their unit.
    for (const DirectoryEntry& e : book->entries()) {
        if (e.name == QStringLiteral("[VanThu]"))
            CHECK(e.members == QStringList{full("Trần Văn Bình")});
        if (e.kind == DirectoryEntry::Kind::Person && e.label == S("Đỗ Đức Dũng"))
            CHECK(e.unit == QStringLiteral("PhongHC/VPTU/HaNoi"));
    }
    CHECK(book->search(QStringLiteral("xyz"), 10).empty());
    CHECK(book->search(QString(), 3).size() == 3);

    // Offline: the stored copy, read again by a new session of the same workspace.
    f.setPeople({});
    auto again = app::DatabaseSession::open(office.office.workspace, kVanBan);
    test::requireOk(again.status());
    CHECK((*again)->addressBook()->entries() == book->entries());
}

TEST_CASE("Directory: short names resolve to hierarchical names; ambiguity is asked, not guessed",
          "[client][directory]")
{
    ServerFixture f;
    setUpDirectory(f);
    test::AppOffice office(f, S("Trần Văn Bình"), kVanBan);
    auto book = office.session->addressBook();
    test::requireOk(book.status());

    const auto resolved = [&](const QString& text) {
        const NameResolution r = book->resolve(text);
        INFO(text.toStdString());
        REQUIRE(r.outcome == NameResolution::Outcome::Resolved);
        return r.name;
    };
    CHECK(resolved(S("Nguyễn Văn An")) == full("Nguyễn Văn An"));
    CHECK(resolved(QStringLiteral("nguyen van an")) == full("Nguyễn Văn An"));
    CHECK(resolved(QStringLiteral("  NGUYEN  VAN AN ")) == full("Nguyễn Văn An"));
    CHECK(resolved(S("Cường")) == full("Lê Văn Cường"));
    CHECK(resolved(QStringLiteral("cuong")) == full("Lê Văn Cường"));
    CHECK(resolved(QStringLiteral("dung")) == S("Đỗ Đức Dũng/PhongHC/VPTU/HaNoi"));
    CHECK(resolved(full("Trần Thị An")) == full("Trần Thị An"));
    CHECK(resolved(QStringLiteral("tran thi an/vptu/hanoi")) == full("Trần Thị An"));
    CHECK(resolved(QStringLiteral("[lanhdao]")) == QStringLiteral("[LanhDao]"));
    CHECK(resolved(QStringLiteral("lanh dao vptu")) == S("Lãnh đạo VPTU"));
    CHECK(resolved(QStringLiteral("*/PhongHC/VPTU/HaNoi")) == QStringLiteral("*/PhongHC/VPTU/HaNoi"));
    // A full name the directory does not list names itself (a server, another organisation).
    CHECK(resolved(QStringLiteral("sen-server/VPTU/HaNoi")) == QStringLiteral("sen-server/VPTU/HaNoi"));

    const NameResolution an = book->resolve(QStringLiteral("An"));
    REQUIRE(an.outcome == NameResolution::Outcome::Ambiguous);
    CHECK(namesOf(an.candidates) == QStringList({full("Nguyễn Văn An"), full("Trần Thị An")}));
    CHECK(book->resolve(QStringLiteral("Trần")).outcome == NameResolution::Outcome::Ambiguous);
    CHECK(book->resolve(QStringLiteral("Hùng")).outcome == NameResolution::Outcome::Unknown);
    CHECK(book->resolve(QStringLiteral("[KeToan]")).outcome == NameResolution::Outcome::Unknown);
}

TEST_CASE("Directory: a slip saved with a unique short name stores the hierarchical name, and its "
          "Authors item holds it; an ambiguous or unknown one is refused and nothing is written",
          "[client][directory][app]")
{
    ServerFixture f;
    setUpDirectory(f);
    test::AppOffice office(f, S("Trần Văn Bình"), kVanBan);
    app::DatabaseSession& session = *office.session;
    const Unid parent = letter(session);

    DocumentEdit assign = DocumentEdit::create(QStringLiteral("PhieuXuLy"), parent);
    assign.set(Item::text(QStringLiteral("CapYKien"), S("Lãnh đạo cơ quan")))
        .set(Item::names(QStringLiteral("NguoiXuLy"), ItemType::Names, {S("Cường")}))
        .set(Item::names(QStringLiteral("NguoiPhoiHop"), ItemType::Names, {QStringLiteral("dung")}))
        .set(Item::text(QStringLiteral("NoiDungChiDao"), S("Đồng chí Cường chủ trì")));
    auto slip = session.save(assign);
    test::requireOk(slip.status());
    CHECK(slip->item(QStringLiteral("NguoiXuLy"))->toList() == QStringList{full("Lê Văn Cường")});
    CHECK(slip->item(QStringLiteral("NguoiPhoiHop"))->toList() ==
          QStringList{S("Đỗ Đức Dũng/PhongHC/VPTU/HaNoi")});
    const QStringList editors = slip->item(QStringLiteral("QuyenSua"))->toList();
    CHECK(editors.contains(full("Lê Văn Cường")));
    CHECK(editors.contains(S("Đỗ Đức Dũng/PhongHC/VPTU/HaNoi")));
    CHECK_FALSE(editors.contains(S("Cường")));

    const auto count = session.documentCount();
    test::requireOk(count.status());
    SECTION("ambiguous")
    {
        DocumentEdit ambiguous = DocumentEdit::create(QStringLiteral("PhieuXuLy"), parent);
        ambiguous.set(Item::text(QStringLiteral("CapYKien"), S("Lãnh đạo cơ quan")))
            .set(Item::names(QStringLiteral("NguoiXuLy"), ItemType::Names, {QStringLiteral("An")}));
        const auto problems = session.nameProblems(ambiguous);
        test::requireOk(problems.status());
        REQUIRE(problems->size() == 1);
        CHECK(problems->front().resolution.candidates.size() == 2);
        const auto refused = session.save(ambiguous);
        test::requireError(refused.status(), ErrorCode::InvalidArgument, full("Nguyễn Văn An"));
        CHECK(refused.message().contains(full("Trần Thị An")));
        CHECK(refused.message().contains(QStringLiteral("\"An\"")));
    }
    SECTION("unknown")
    {
        DocumentEdit edit = DocumentEdit::update(slip->unid);
        edit.set(Item::names(QStringLiteral("NguoiPhoiHop"), ItemType::Names, {QStringLiteral("Hùng")}));
        const auto refused = session.save(edit);
        test::requireError(refused.status(), ErrorCode::InvalidArgument, QStringLiteral("\"Hùng\""));
        CHECK(session.document(slip->unid)->item(QStringLiteral("NguoiPhoiHop"))->toList() ==
              QStringList{S("Đỗ Đức Dũng/PhongHC/VPTU/HaNoi")});
    }
    CHECK(*session.documentCount() == *count);
}

TEST_CASE("Directory: without an address book (a local database) names are kept as typed",
          "[client][directory][app]")
{
    ServerFixture f;
    setUpDirectory(f);
    test::AppOffice office(f, S("Trần Văn Bình"), kVanBan);
    auto local = office.office.workspace.createDatabase(QStringLiteral("rieng"), DatabaseKind::Documents,
                                                        QStringLiteral("Riêng"));
    test::requireOk(local.status());
    local->reset();
    auto session = app::DatabaseSession::open(office.office.workspace, QStringLiteral("rieng"));
    test::requireOk(session.status());
    CHECK((*session)->addressBook()->isEmpty());
    const Unid parent = letter(**session);
    DocumentEdit assign = DocumentEdit::create(QStringLiteral("PhieuXuLy"), parent);
    assign.set(Item::names(QStringLiteral("NguoiXuLy"), ItemType::Names, {QStringLiteral("An")}));
    auto slip = (*session)->save(assign);
    test::requireOk(slip.status());
    CHECK(slip->item(QStringLiteral("NguoiXuLy"))->toList() == QStringList{QStringLiteral("An")});
}

TEST_CASE("Directory: senctl directory search prints the entries; senctl slip create resolves names",
          "[client][directory][senctl]")
{
    ServerFixture f;
    setUpDirectory(f);
    test::AppOffice office(f, S("Trần Văn Bình"), kVanBan);
    const QString home = office.office.workspace.home();

    const QString out = test::senctlOk(home, {QStringLiteral("directory"), QStringLiteral("search"),
                                              QStringLiteral("nguyen"), QStringLiteral("van")});
    CHECK(out == QStringLiteral("person\t") + full("Nguyễn Văn An") + S("\tNguyễn Văn An\tVPTU/HaNoi"));
    const QString json = test::senctlOk(home, {QStringLiteral("directory"), QStringLiteral("search"),
                                               QStringLiteral("vanthu"), QStringLiteral("--json")});
    CHECK(json.contains(QStringLiteral("\"kind\":\"role\"")));
    CHECK(json.contains(QStringLiteral("\"name\":\"[VanThu]\"")));
    const test::SenctlRun none = test::senctl(home, {QStringLiteral("directory"), QStringLiteral("search")});
    CHECK(none.code == 2);

    // A direction through senctl slip create (the workflow's own command): the lead typed short.
    const QString letterUnid = letter(*office.session).toHex();
    const QString created =
        test::senctlOk(home, {QStringLiteral("slip"), QStringLiteral("create"), kVanBan, letterUnid,
                              QStringLiteral("--lead"), S("cường"), QStringLiteral("--direction"),
                              S("Đồng chí Cường chủ trì")});
    auto unid = Unid::fromHex(created.section(u'\n', -1).trimmed());
    REQUIRE(unid.has_value());
    CHECK(office.session->document(*unid)->item(QStringLiteral("NguoiXuLy"))->toList() ==
          QStringList{full("Lê Văn Cường")});
    const test::SenctlRun refused =
        test::senctl(home, {QStringLiteral("slip"), QStringLiteral("create"), kVanBan, letterUnid,
                            QStringLiteral("--lead"), QStringLiteral("an"), QStringLiteral("--direction"),
                            S("Đồng chí An chủ trì")});
    CHECK(refused.code == 1);
    CHECK(refused.err.contains(full("Trần Thị An")));
}

TEST_CASE("Directory: a person registered later resolves in the same session after the next sync",
          "[client][directory][app]")
{
    // The session keeps the address book it read until the directory file changes: a sync that
    // brings a new directory is seen by the next save, without reopening the database.
    ServerFixture f;
    setUpDirectory(f);
    test::AppOffice office(f, S("Trần Văn Bình"), kVanBan);
    const Unid parent = letter(*office.session);
    const auto assign = [&](const QString& lead) {
        DocumentEdit edit = DocumentEdit::create(QStringLiteral("PhieuXuLy"), parent);
        edit.set(Item::text(QStringLiteral("CapYKien"), S("Lãnh đạo cơ quan")))
            .set(Item::names(QStringLiteral("NguoiXuLy"), ItemType::Names, {lead}))
            .set(Item::text(QStringLiteral("NoiDungChiDao"), S("Chủ trì")));
        return office.session->save(edit);
    };
    test::requireError(assign(S("Hùng")).status(), ErrorCode::InvalidArgument, S("\"Hùng\""));

    f.setPeople({full("Nguyễn Văn An"), full("Trần Thị An"), full("Lê Văn Cường"),
                 S("Đỗ Đức Dũng/PhongHC/VPTU/HaNoi"), full("Trần Văn Bình"), full("Phạm Văn Hùng")});
    const std::size_t before = office.log.finished.size();
    office.controller.sync(kVanBan);
    REQUIRE(office.log.waitFinished(before + 1));
    test::requireOk(office.log.finished.back().status);
    auto slip = assign(S("Hùng"));
    test::requireOk(slip.status());
    CHECK(slip->item(QStringLiteral("NguoiXuLy"))->toList() == QStringList{full("Phạm Văn Hùng")});
}
