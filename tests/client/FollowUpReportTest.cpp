// What is printed from the processing of incoming documents (docs/workflow.md "Printing"):
// the phiếu giải quyết văn bản đến of one document (client/app/SlipReport.h) and the sổ theo
// dõi giải quyết văn bản đến of a period with its overdue variant (client/app/FollowUpReport.h),
// from steps written through app::Workflow in a real replica by each person of an office.

#include "client/app/FollowUpReport.h"

#include "client/app/SlipReport.h"
#include "tests/client/WorkflowOffice.h"

#include <catch2/catch.hpp>

using namespace sen;
using test::WorkflowOffice;
using workflow::ReportStatus;

namespace {

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

QStringList column(const app::FollowUpReport& report, int index)
{
    QStringList cells;
    for (const QStringList& row : report.rows)
        cells << row[index];
    return cells;
}

} // namespace

TEST_CASE("The slip prints every opinion in its part with its author and time", "[workflow][print]")
{
    WorkflowOffice office;
    const Unid doc = office.incoming(125, QDate(2026, 11, 16), S("Về việc tổng kết công tác năm 2026"));
    office.present(doc);
    const Unid first =
        office.direct(doc, S("Giao Văn phòng chủ trì"), {WorkflowOffice::kHead},
                      {WorkflowOffice::kBinh, QStringLiteral("[KeToan]")}, QDate(2026, 12, 20));
    const Unid onward = office.direct(doc, S("Đồng chí An dự thảo báo cáo"), {WorkflowOffice::kAn}, {},
                                      QDate(2026, 12, 18), first);
    office.report(WorkflowOffice::kAn, onward, ReportStatus::InProgress, S("Đã dự thảo, xin ý kiến"));
    office.report(WorkflowOffice::kAn, onward, ReportStatus::Done, S("Đã ban hành báo cáo"), S("15-BC/VP"));

    const auto slip = app::SlipReport::build(office.as(WorkflowOffice::kClerk), doc);
    REQUIRE(slip);
    CHECK(slip->office == S("Văn phòng Huyện ủy Gia Lâm"));
    CHECK(slip->title == S("PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN"));
    CHECK(slip->type == S("Công văn"));
    CHECK(slip->number == S("225-CV/TU"));
    CHECK(slip->issued == QDate(2026, 11, 13));
    CHECK(slip->issuer == S("Tỉnh ủy Hà Nội"));
    CHECK(slip->arrivalNumber == QStringLiteral("125"));
    CHECK(slip->arrived == QDate(2026, 11, 16));
    CHECK(slip->state == S("Hoàn thành"));
    CHECK(slip->deadline == QDate(2026, 12, 20)); // the governing (level-1) direction's
    // Part 1: the leader's direction, its lead and co-ordinators by common name (a role as is).
    REQUIRE(slip->agency.size() == 1);
    CHECK(slip->agency[0].text == S("Giao Văn phòng chủ trì"));
    CHECK(slip->agency[0].lead == S("Phạm Trưởng Phòng"));
    CHECK(slip->agency[0].coordinating == S("Trần Thị Bình, [KeToan]"));
    CHECK(slip->agency[0].deadline == QDate(2026, 12, 20));
    CHECK(slip->agency[0].author == S("Lê Văn Lãnh"));
    CHECK(slip->agency[0].time.isValid());
    // Part 2: the unit head's.
    REQUIRE(slip->unit.size() == 1);
    CHECK(slip->unit[0].author == S("Phạm Trưởng Phòng"));
    CHECK(slip->unit[0].lead == S("Nguyễn Văn An"));
    // Part 3: both reports, oldest first: a change is a new opinion, the first stays.
    REQUIRE(slip->handler.size() == 2);
    CHECK(slip->handler[0].status == S("Đang xử lý"));
    CHECK(slip->handler[0].part == S("Chủ trì"));
    CHECK(slip->handler[1].status == S("Hoàn thành"));
    CHECK(slip->handler[1].reply == S("15-BC/VP"));
    CHECK(slip->handler[1].author == S("Nguyễn Văn An"));
    CHECK(slip->handler[0].time <= slip->handler[1].time);

    // Only an incoming document has a slip.
    DocumentEdit outgoing = DocumentEdit::create(QStringLiteral("VanBanDi"));
    const auto other = office.as(WorkflowOffice::kClerk).save(outgoing);
    REQUIRE(other);
    CHECK(app::SlipReport::build(office.as(WorkflowOffice::kClerk), other->unid).status().code() ==
          ErrorCode::InvalidArgument);
    CHECK(app::SlipReport::build(office.as(WorkflowOffice::kClerk), newUnid()).status().code() ==
          ErrorCode::NotFound);
}

TEST_CASE("The follow-up register lists the period's documents with their processing", "[workflow][print]")
{
    WorkflowOffice office;
    // Arrived in November 2026, judged on Monday 7 December 2026.
    const Unid late = office.incoming(3, QDate(2026, 11, 2), S("Báo cáo quá hạn"));
    const Unid done = office.incoming(1, QDate(2026, 11, 3), S("Đã giải quyết"));
    const Unid waiting = office.incoming(2, QDate(2026, 11, 4), S("Chưa trình"));
    const Unid soon = office.incoming(4, QDate(2026, 11, 30), S("Sắp đến hạn"));
    const Unid onTime = office.incoming(5, QDate(2026, 11, 30), S("Còn hạn"), QDate(2027, 1, 29));
    office.incoming(6, QDate(2026, 12, 1), S("Tháng sau")); // outside the period

    office.present(late);
    const Unid lateDirection = office.direct(late, S("Đồng chí An chủ trì"), {WorkflowOffice::kAn},
                                             {WorkflowOffice::kBinh}, QDate(2026, 12, 2));
    office.report(WorkflowOffice::kAn, lateDirection, ReportStatus::InProgress, S("Đang tổng hợp số liệu"));
    // The co-ordinator's part is done; the document is not.
    office.report(WorkflowOffice::kBinh, lateDirection, ReportStatus::Done, S("Đã gửi số liệu"));
    // Done today, after a deadline three days ago (the report's time is the clock's).
    const QDate doneBy = QDate::currentDate().addDays(-3);
    const Unid doneDirection = office.direct(done, S("Trả lời Tỉnh ủy"), {WorkflowOffice::kAn}, {}, doneBy);
    office.report(WorkflowOffice::kAn, doneDirection, ReportStatus::Done, S("Đã trả lời"), S("42-CV/VP"));
    office.direct(soon, S("Chuẩn bị hội nghị"), {WorkflowOffice::kBinh}, {}, QDate(2026, 12, 8));
    office.present(onTime);

    auto& session = office.as(WorkflowOffice::kClerk);
    const auto period = *app::RegisterPeriod::between(QDate(2026, 11, 1), QDate(2026, 11, 30));
    const QDate asOf(2026, 12, 7);
    const auto book = app::FollowUpReport::build(session, period, asOf, false);
    REQUIRE(book);
    CHECK(book->title == S("SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN"));
    CHECK(book->office == S("Văn phòng Huyện ủy Gia Lâm"));
    CHECK(book->subtitles() ==
          QStringList{S("Từ ngày 01/11/2026 đến ngày 30/11/2026"), S("Tính đến ngày 07/12/2026")});
    REQUIRE(book->columns.size() == 7);
    CHECK(book->columns[4].title == S("Tiến độ giải quyết"));
    // By số đến; December's document left out.
    CHECK(column(*book, 0) == QStringLiteral("1;2;3;4;5").split(u';'));
    CHECK(book->rows[0][1] == S("Công văn số 101-CV/TU ngày 31/10/2026 của Tỉnh ủy Hà Nội\nĐã giải quyết"));
    // Đơn vị hoặc người nhận: the leads, then the co-ordinators.
    CHECK(column(*book, 2) == QStringList{S("Nguyễn Văn An"), QString(),
                                          S("Nguyễn Văn An\nPhối hợp: Trần Thị Bình"), S("Trần Thị Bình"),
                                          QString()});
    CHECK(column(*book, 3) == QStringList{doneBy.toString(QStringLiteral("dd/MM/yyyy")), QString(),
                                          S("02/12/2026"), S("08/12/2026"), S("29/01/2027")});
    // Tiến độ: the state, then the newest report.
    const QString today = QDate::currentDate().toString(QStringLiteral("dd/MM/yyyy"));
    CHECK(book->rows[0][4] == S("Hoàn thành\nNguyễn Văn An, %1: Đã trả lời").arg(today));
    CHECK(book->rows[1][4] == S("Đã vào sổ"));
    CHECK(book->rows[2][4] == S("Đang xử lý\nTrần Thị Bình, %1 (Hoàn thành): Đã gửi số liệu").arg(today));
    CHECK(book->rows[3][4] == S("Đã cho ý kiến"));
    CHECK(book->rows[4][4] == S("Đã trình"));
    CHECK(column(*book, 5) == QStringList{S("42-CV/VP"), QString(), QString(), QString(), QString()});
    // Ghi chú: done after the deadline; not presented by the next working day; 2 December
    // passed three working days ago (3, 4 and 7 December); 8 December is due soon.
    CHECK(column(*book, 6) ==
          QStringList{S("Hoàn thành sau hạn"), S("Chưa trình, quá hạn trình (05/11/2026)"),
                      S("Quá hạn 3 ngày làm việc (hạn 02/12/2026)"), S("Sắp đến hạn"), QString()});

    // The overdue report keeps only the overdue rows.
    const auto overdue = app::FollowUpReport::build(session, period, asOf, true);
    REQUIRE(overdue);
    CHECK(overdue->title == S("BÁO CÁO VĂN BẢN ĐẾN QUÁ HẠN GIẢI QUYẾT"));
    CHECK(column(*overdue, 0) == (QStringList{QStringLiteral("2"), QStringLiteral("3")}));
    // Judged on an earlier day, nothing is overdue yet.
    const auto before = app::FollowUpReport::build(session, period, QDate(2026, 11, 4), true);
    REQUIRE(before);
    CHECK(before->rows.empty());
    (void)waiting;
}

TEST_CASE("The follow-up register needs a documents database and a day", "[workflow][print]")
{
    WorkflowOffice office;
    const auto period = *app::RegisterPeriod::between(QDate(2026, 11, 1), QDate(2026, 11, 30));
    CHECK(app::FollowUpReport::build(office.as(WorkflowOffice::kClerk), period, QDate(), false)
              .status()
              .code() == ErrorCode::InvalidArgument);
    REQUIRE(office.workspace->createDatabase(QStringLiteral("lich"), DatabaseKind::Calendar,
                                             QStringLiteral("Lịch")));
    auto calendar = app::DatabaseSession::open(*office.workspace, QStringLiteral("lich"));
    REQUIRE(calendar);
    CHECK(app::FollowUpReport::build(**calendar, period, QDate(2026, 12, 7), false).status().code() ==
          ErrorCode::InvalidArgument);
}
