// Who may edit a processing slip or a comment is computed, never typed (issue #14; docs/
// access-control.md "Who may edit what"): a leader assigns a slip to a handler and a
// co-ordinator who hold only Author access, each records progress on it and the server takes
// it; a cadre not named is refused; a comment's author edits his comment and nobody else at
// Author level does. Real server over TLS, the application layer as sen uses it.

#include "tests/client/AppOffice.h"

#include <catch2/catch.hpp>

using namespace sen;
using test::ServerFixture;

namespace {

const QString kVanBan = QStringLiteral("vanban");

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

struct Office : test::AppOffice
{
    Office(ServerFixture& f, const QString& user) : AppOffice(f, user, kVanBan) {}

    // Syncs and returns how many of this office's versions the server refused.
    qint64 sync()
    {
        const std::size_t before = log.finished.size();
        controller.sync(kVanBan);
        REQUIRE(log.waitFinished(before + 1));
        INFO(log.finished.back().status.toString().toStdString());
        REQUIRE(log.finished.back().status.isOk());
        return log.finished.back().stats.refused;
    }

    QString name() const { return office.credentials.name.toString(); }
};

void author(ServerFixture& f, const QString& name)
{
    acl::AclEntry entry = acl::AclEntry::make(name + u'/' + f.orgName(), acl::AccessLevel::Author);
    entry.rights |= acl::CreateDocuments;
    f.setEntry(kVanBan, entry);
}

Result<Document> report(Office& office, const Unid& slip, const QString& text)
{
    DocumentEdit edit = DocumentEdit::update(slip);
    edit.set(Item::text(QStringLiteral("KetQuaXuLy"), text));
    return office.session->save(edit);
}

} // namespace

TEST_CASE("A slip's handler and co-ordinator at Author level record progress; a cadre not named cannot",
          "[client][app][access]")
{
    ServerFixture f;
    f.createDatabase(kVanBan, acl::AccessLevel::Editor); // the leader
    for (const char* cadre : {"Nguyễn Văn An", "Trần Thị Bình", "Phạm Văn Khác"})
        author(f, S(cadre));
    Office leader(f, S("Lê Văn Lãnh"));
    Office handler(f, S("Nguyễn Văn An"));
    Office partner(f, S("Trần Thị Bình"));
    Office other(f, S("Phạm Văn Khác"));

    DocumentEdit letter = DocumentEdit::create(QStringLiteral("VanBanDen"));
    letter.set(Item::text(QStringLiteral("TrichYeu"), S("Về việc tổng kết công tác năm")));
    const auto parent = leader.session->save(letter);
    REQUIRE(parent.isOk());
    DocumentEdit assign = DocumentEdit::create(QStringLiteral("PhieuXuLy"), parent->unid);
    assign.set(Item::names(QStringLiteral("NguoiGiao"), ItemType::Names, {leader.name()}))
        .set(Item::names(QStringLiteral("NguoiXuLy"), ItemType::Names, {handler.name()}))
        .set(Item::names(QStringLiteral("NguoiPhoiHop"), ItemType::Names, {partner.name()}))
        .set(Item::text(QStringLiteral("NoiDungChiDao"), S("Đồng chí An chủ trì, đồng chí Bình phối hợp")));
    const auto slip = leader.session->save(assign);
    REQUIRE(slip.isOk());
    // Named on the slip: who made it, who assigned it, who handles and who co-ordinates.
    const Item* authors = slip->item(QStringLiteral("QuyenSua"));
    REQUIRE(authors);
    CHECK(authors->type == ItemType::Authors);
    const QStringList named = authors->toList();
    CHECK(QSet<QString>(named.begin(), named.end()) ==
          QSet<QString>{leader.name(), handler.name(), partner.name()});
    REQUIRE(leader.sync() == 0);

    for (Office* cadre : {&handler, &partner, &other})
        REQUIRE(cadre->sync() == 0);
    REQUIRE(report(handler, slip->unid, S("Đã dự thảo báo cáo")).isOk());
    CHECK(handler.sync() == 0);
    REQUIRE(partner.sync() == 0);
    DocumentEdit note = DocumentEdit::update(slip->unid);
    note.set(Item::text(QStringLiteral("TrangThai"), S("Đang xử lý")));
    REQUIRE(partner.session->save(note).isOk());
    CHECK(partner.sync() == 0);
    // A cadre the slip does not name is refused before anything is sent.
    CHECK(report(other, slip->unid, S("Không phải việc của tôi")).code() == ErrorCode::PermissionDenied);

    REQUIRE(leader.sync() == 0);
    const auto seen = leader.session->document(slip->unid);
    REQUIRE(seen.isOk());
    CHECK(seen->text(QStringLiteral("KetQuaXuLy")) == S("Đã dự thảo báo cáo"));
    CHECK(seen->text(QStringLiteral("TrangThai")) == S("Đang xử lý"));
}

TEST_CASE("A comment's author edits it; another cadre at Author level does not", "[client][app][access]")
{
    ServerFixture f;
    f.createDatabase(kVanBan, acl::AccessLevel::Editor);
    author(f, S("Nguyễn Văn An"));
    author(f, S("Trần Thị Bình"));
    Office leader(f, S("Lê Văn Lãnh"));
    DocumentEdit letter = DocumentEdit::create(QStringLiteral("VanBanDen"));
    letter.set(Item::text(QStringLiteral("TrichYeu"), S("Về việc lấy ý kiến dự thảo")));
    const auto parent = leader.session->save(letter);
    REQUIRE(parent.isOk());
    REQUIRE(leader.sync() == 0);

    Office an(f, S("Nguyễn Văn An"));
    Office binh(f, S("Trần Thị Bình"));
    DocumentEdit write = DocumentEdit::create(QStringLiteral("YKien"), parent->unid);
    write.set(Item::names(QStringLiteral("NguoiGopY"), ItemType::Names, {an.name()}))
        .set(Item::text(QStringLiteral("NoiDung"), S("Đề nghị bổ sung số liệu quý IV")));
    const auto comment = an.session->save(write);
    REQUIRE(comment.isOk());
    REQUIRE(an.sync() == 0);
    DocumentEdit amend = DocumentEdit::update(comment->unid);
    amend.set(Item::text(QStringLiteral("NoiDung"), S("Đề nghị bổ sung số liệu quý IV và cả năm")));
    REQUIRE(an.session->save(amend).isOk());
    CHECK(an.sync() == 0);

    REQUIRE(binh.sync() == 0);
    DocumentEdit meddle = DocumentEdit::update(comment->unid);
    meddle.set(Item::text(QStringLiteral("NoiDung"), S("Sửa ý kiến của người khác")));
    CHECK(binh.session->save(meddle).code() == ErrorCode::PermissionDenied);
}
