// Who may write which step of processing is decided by the ACL's roles and by what the
// directions say, never typed (issue #14; docs/workflow.md "Who writes what"): a leader holding
// [LanhDao] directs, a cadre at Author level named by the direction reports on it and the
// server takes it, a cadre not named is refused at once; a comment's author edits his comment
// and nobody else at Author level does. Real server over TLS, the application layer as sen
// uses it.

#include "client/app/Workflow.h"
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
    Office(ServerFixture& f, const QString& user) : AppOffice(f, user, kVanBan), workflow(*session) {}

    app::Workflow workflow;
};

void grant(ServerFixture& f, const QString& name, acl::AccessLevel level, const QStringList& roles = {})
{
    test::grant(f, kVanBan, name, level, roles);
}

Unid registerLetter(Office& office, const QString& abstract)
{
    DocumentEdit letter = DocumentEdit::create(QStringLiteral("VanBanDen"));
    letter.set(Item::text(QStringLiteral("TrichYeu"), abstract));
    const auto saved = office.session->save(letter);
    REQUIRE(saved.isOk());
    return saved->unid;
}

} // namespace

TEST_CASE("A direction's lead and co-ordinator at Author level report on it; a cadre not named cannot",
          "[client][app][access]")
{
    ServerFixture f;
    f.createDatabase(kVanBan, acl::AccessLevel::NoAccess);
    grant(f, S("Lê Văn Lãnh"), acl::AccessLevel::Editor, {QStringLiteral("[LanhDao]")});
    for (const char* cadre : {"Nguyễn Văn An", "Trần Thị Bình", "Phạm Văn Khác"})
        grant(f, S(cadre), acl::AccessLevel::Author);
    Office leader(f, S("Lê Văn Lãnh"));
    Office handler(f, S("Nguyễn Văn An"));
    Office partner(f, S("Trần Thị Bình"));
    Office other(f, S("Phạm Văn Khác"));

    const Unid parent = registerLetter(leader, S("Về việc tổng kết công tác năm"));
    app::DirectionRequest request;
    request.lead = {handler.name()};
    request.coordinating = {partner.name()};
    request.text = S("Đồng chí An chủ trì, đồng chí Bình phối hợp");
    const auto slip = leader.workflow.direct(parent, request);
    REQUIRE(slip.isOk());
    // Named on the slip: who made it, who directed, who leads and who co-ordinates.
    const Item* authors = slip->item(QStringLiteral("QuyenSua"));
    REQUIRE(authors);
    CHECK(authors->type == ItemType::Authors);
    const QStringList named = authors->toList();
    CHECK(QSet<QString>(named.begin(), named.end()) ==
          QSet<QString>{leader.name(), handler.name(), partner.name()});
    REQUIRE(leader.sync() == 0);

    // A cadre without the role directs nothing: refused before anything is written.
    for (Office* cadre : {&handler, &partner, &other})
        REQUIRE(cadre->sync() == 0);
    CHECK(handler.workflow.direct(parent, request).code() == ErrorCode::PermissionDenied);

    app::ReportRequest progress;
    progress.text = S("Đã dự thảo báo cáo");
    const auto lead = handler.workflow.report(slip->unid, progress);
    REQUIRE(lead.isOk());
    CHECK(lead->text(QStringLiteral("VaiTro")) == S("Chủ trì"));
    CHECK(handler.sync() == 0);
    progress.text = S("Đã gửi số liệu");
    const auto co = partner.workflow.report(slip->unid, progress);
    REQUIRE(co.isOk());
    CHECK(co->text(QStringLiteral("VaiTro")) == S("Phối hợp"));
    CHECK(partner.sync() == 0);
    // The co-ordinator may not speak as lead; a cadre the slip does not name may not report.
    progress.part = workflow::Part::Lead;
    CHECK(partner.workflow.report(slip->unid, progress).code() == ErrorCode::PermissionDenied);
    progress.part.reset();
    CHECK(other.workflow.report(slip->unid, progress).code() == ErrorCode::PermissionDenied);
    // Nobody rewrites a report, not even its author.
    DocumentEdit rewrite = DocumentEdit::update(lead->unid);
    rewrite.set(Item::text(QStringLiteral("NoiDung"), S("Sửa lại báo cáo")));
    CHECK(handler.session->save(rewrite).code() == ErrorCode::PermissionDenied);

    REQUIRE(leader.sync() == 0);
    const auto seen = leader.workflow.processing(parent);
    REQUIRE(seen.isOk());
    CHECK(seen->state == workflow::State::InProgress);
    CHECK(seen->timeline.size() == 3);
}

TEST_CASE("A comment's author edits it; another cadre at Author level does not", "[client][app][access]")
{
    ServerFixture f;
    f.createDatabase(kVanBan, acl::AccessLevel::Editor);
    grant(f, S("Nguyễn Văn An"), acl::AccessLevel::Author);
    grant(f, S("Trần Thị Bình"), acl::AccessLevel::Author);
    Office leader(f, S("Lê Văn Lãnh"));
    const Unid parent = registerLetter(leader, S("Về việc lấy ý kiến dự thảo"));
    REQUIRE(leader.sync() == 0);

    Office an(f, S("Nguyễn Văn An"));
    Office binh(f, S("Trần Thị Bình"));
    DocumentEdit write = DocumentEdit::create(QStringLiteral("YKien"), parent);
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
