// What is printed from the processing of incoming documents (docs/workflow.md "Printing"),
// read back with poppler's pdftotext: the phiếu giải quyết văn bản đến of a document with its
// three parts, and the sổ theo dõi giải quyết văn bản đến of a period with its overdue
// variant, made through senctl's own code path from steps written through app::Workflow in a
// real replica. Needs a QGuiApplication (fonts): the widget tests' main.

#include "client/app/FollowUpReport.h"
#include "client/app/SlipReport.h"
#include "client/cli/Senctl.h"
#include "client/print/FollowUpPrinter.h"
#include "client/print/SlipPrinter.h"
#include "tests/client/WorkflowOffice.h"

#include <QFile>
#include <QPrinter>
#include <QProcess>
#include <QRegularExpression>

#include <catch2/catch.hpp>

using namespace sen;
using test::WorkflowOffice;
using workflow::ReportStatus;

namespace {

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

// The text of a PDF as pdftotext -layout gives it (poppler-utils), pages split at form feeds.
QStringList pdfPages(const QString& pdf)
{
    QProcess process;
    process.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    INFO("pdftotext (poppler-utils, scripts/install-deps.sh)");
    REQUIRE(process.waitForFinished(60000));
    REQUIRE(process.exitCode() == 0);
    return QString::fromUtf8(process.readAllStandardOutput()).split(QLatin1Char('\f'), Qt::SkipEmptyParts);
}

int senctl(const QString& home, QStringList words, QString* output = nullptr)
{
    words.prepend(home);
    words.prepend(QStringLiteral("--home"));
    QString out, err;
    QTextStream outStream(&out), errStream(&err);
    const int code = cli::runSenctl(words, outStream, errStream);
    outStream.flush();
    errStream.flush();
    INFO(err.toStdString());
    if (output)
        *output = out;
    return code;
}

// "Ngày dd tháng MM năm yyyy" of today: every step is written now.
QString today()
{
    const QDate day = QDate::currentDate();
    return S("Ngày %1 tháng %2 năm %3")
        .arg(day.day(), 2, 10, QLatin1Char('0'))
        .arg(day.month(), 2, 10, QLatin1Char('0'))
        .arg(day.year());
}

// Whether `text` holds `words` in this order, whatever lies between them.
bool inOrder(const QString& text, const QStringList& words)
{
    qsizetype at = 0;
    for (const QString& word : words) {
        at = text.indexOf(word, at);
        if (at < 0)
            return false;
        at += word.size();
    }
    return true;
}

} // namespace

TEST_CASE("senctl prints an incoming document's slip with its three parts", "[workflow][print]")
{
    WorkflowOffice office;
    const Unid doc = office.incoming(125, QDate(2026, 11, 16), S("Về việc tổng kết công tác năm 2026"));
    office.present(doc);
    const Unid first = office.direct(doc, S("Giao Văn phòng chủ trì tham mưu"), {WorkflowOffice::kHead},
                                     {WorkflowOffice::kBinh}, QDate(2026, 12, 20));
    const Unid onward = office.direct(doc, S("Đồng chí An dự thảo báo cáo"), {WorkflowOffice::kAn}, {},
                                      QDate(2026, 12, 18), first);
    office.report(WorkflowOffice::kAn, onward, ReportStatus::Done, S("Đề xuất ban hành báo cáo"),
                  S("15-BC/VP"));

    test::TempDir out;
    const QString pdf = out.path(QStringLiteral("phieu.pdf"));
    QString output;
    REQUIRE(senctl(office.home,
                   {QStringLiteral("print"), QStringLiteral("slip"), WorkflowOffice::kDatabase, doc.toHex(),
                    QStringLiteral("--out"), pdf},
                   &output) == 0);
    CHECK(output == pdf + QStringLiteral(": 3 opinions, 1 page\n"));
    const QStringList pages = pdfPages(pdf);
    REQUIRE(pages.size() == 1);
    const QString& text = pages[0];
    INFO(text.toStdString());
    CHECK(text.contains(S("VĂN PHÒNG HUYỆN ỦY GIA LÂM")));
    CHECK(text.contains(S("PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN")));
    // The document's block.
    for (const char* words :
         {"Tên loại văn bản: Công văn", "Số, ký hiệu: 225-CV/TU", "Ngày văn bản: 13/11/2026",
          "Cơ quan ban hành: Tỉnh ủy Hà Nội", "Trích yếu: Về việc tổng kết công tác năm 2026", "Số đến: 125",
          "Ngày đến: 16/11/2026", "Tình trạng: Hoàn thành", "Hạn giải quyết: 20/12/2026"})
        CHECK(text.contains(S(words)));
    // The three parts in order, each opinion with what it says, then its day and author.
    CHECK(inOrder(text, {S("1. Ý KIẾN CỦA LÃNH ĐẠO CƠ QUAN"),
                         S("Giao Văn phòng chủ trì tham mưu"),
                         S("Chủ trì: Phạm Trưởng Phòng"),
                         S("Phối hợp: Trần Thị Bình"),
                         S("Hạn giải quyết: 20/12/2026"),
                         today(),
                         S("Lê Văn Lãnh"),
                         S("2. Ý KIẾN CỦA LÃNH ĐẠO ĐƠN VỊ"),
                         S("Đồng chí An dự thảo báo cáo"),
                         S("Chủ trì: Nguyễn Văn An"),
                         S("Hạn giải quyết: 18/12/2026"),
                         today(),
                         S("Phạm Trưởng Phòng"),
                         S("3. Ý KIẾN ĐỀ XUẤT CỦA NGƯỜI GIẢI QUYẾT"),
                         S("Vai trò: Chủ trì"),
                         S("Tình trạng: Hoàn thành"),
                         S("Đề xuất ban hành báo cáo"),
                         S("Văn bản trả lời: 15-BC/VP"),
                         today(),
                         S("Nguyễn Văn An")}));

    // A document nobody has directed yet: its parts are left to be written by hand.
    const Unid fresh = office.incoming(126, QDate(2026, 11, 17), S("Chưa có ý kiến"));
    REQUIRE(senctl(office.home,
                   {QStringLiteral("print"), QStringLiteral("slip"), WorkflowOffice::kDatabase, fresh.toHex(),
                    QStringLiteral("--out"), pdf, QStringLiteral("--office"), S("Ban Tổ chức")},
                   &output) == 0);
    CHECK(output == pdf + QStringLiteral(": 0 opinions, 1 page\n"));
    const QString blank = pdfPages(pdf).value(0);
    CHECK(blank.contains(S("BAN TỔ CHỨC")));
    CHECK(blank.contains(S("Tình trạng: Đã vào sổ")));
    CHECK(blank.count(S("Ngày …… tháng …… năm ……")) == 3);

    // What senctl refuses: not a UNID, no --out, a document that is not an incoming one.
    CHECK(senctl(office.home, {QStringLiteral("print"), QStringLiteral("slip"), WorkflowOffice::kDatabase,
                               QStringLiteral("xyz"), QStringLiteral("--out"), pdf}) == 2);
    CHECK(senctl(office.home, {QStringLiteral("print"), QStringLiteral("slip"), WorkflowOffice::kDatabase,
                               doc.toHex()}) == 2);
    CHECK(senctl(office.home, {QStringLiteral("print"), QStringLiteral("slip"), WorkflowOffice::kDatabase,
                               first.toHex(), QStringLiteral("--out"), out.path(QStringLiteral("x.pdf"))}) !=
          0);
    CHECK_FALSE(QFile::exists(out.path(QStringLiteral("x.pdf"))));
}

TEST_CASE("senctl prints the follow-up register of a period and its overdue variant", "[workflow][print]")
{
    WorkflowOffice office;
    const Unid late = office.incoming(1, QDate(2026, 11, 2), S("Báo cáo quá hạn"));
    const Unid done = office.incoming(2, QDate(2026, 11, 3), S("Đã giải quyết xong"));
    office.incoming(3, QDate(2026, 11, 4), S("Chưa trình lãnh đạo"));
    office.present(office.incoming(4, QDate(2026, 11, 30), S("Còn trong hạn"), QDate(2027, 1, 29)));
    const Unid lateDirection = office.direct(late, S("Đồng chí An chủ trì"), {WorkflowOffice::kAn},
                                             {WorkflowOffice::kBinh}, QDate(2026, 12, 2));
    office.report(WorkflowOffice::kAn, lateDirection, ReportStatus::InProgress, S("Đang tổng hợp số liệu"));
    const Unid doneDirection =
        office.direct(done, S("Trả lời Tỉnh ủy"), {WorkflowOffice::kBinh}, {}, QDate(2099, 12, 31));
    office.report(WorkflowOffice::kBinh, doneDirection, ReportStatus::Done, S("Đã trả lời"), S("42-CV/VP"));

    test::TempDir out;
    const QString pdf = out.path(QStringLiteral("so-theo-doi.pdf"));
    const QStringList base{QStringLiteral("print"),
                           QStringLiteral("followup"),
                           WorkflowOffice::kDatabase,
                           QStringLiteral("--from"),
                           QStringLiteral("2026-11-01"),
                           QStringLiteral("--to"),
                           QStringLiteral("2026-11-30"),
                           QStringLiteral("--as-of"),
                           QStringLiteral("2026-12-07"),
                           QStringLiteral("--out"),
                           pdf};
    QString output;
    REQUIRE(senctl(office.home, base, &output) == 0);
    CHECK(output == pdf + QStringLiteral(": 4 entries, 1 page\n"));
    QString text = pdfPages(pdf).value(0);
    INFO(text.toStdString());
    CHECK(text.contains(S("SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN")));
    CHECK(text.contains(S("Từ ngày 01/11/2026 đến ngày 30/11/2026")));
    CHECK(text.contains(S("Tính đến ngày 07/12/2026")));
    for (const char* heading : {"Số đến", "Thời hạn", "Tiến độ giải quyết", "Ghi chú", "(7)"})
        CHECK(text.contains(S(heading)));
    // Row after row, each cell's words in the row's order: số đến, the document, who handles
    // it, its deadline, its progress, the reply, the note.
    const QString today = QDate::currentDate().toString(QStringLiteral("dd/MM/yyyy"));
    CHECK(inOrder(text, {S("Công văn số 101-CV/TU"),
                         S("Nguyễn"),
                         S("02/12/2026"),
                         S("Đang xử lý"),
                         S("Quá hạn 3 ngày làm"),
                         S("Phối hợp:"),
                         S("Báo cáo quá hạn"),
                         S("Công văn số 102-CV/TU"),
                         S("Trần"),
                         S("31/12/2099"),
                         S("Hoàn thành"),
                         S("42-CV/VP"),
                         S("Đã giải quyết xong"),
                         S("Công văn số 103-CV/TU"),
                         S("Đã vào sổ"),
                         S("Chưa"),
                         S("Chưa trình lãnh đạo"),
                         S("Công văn số 104-CV/TU"),
                         S("29/01/2027"),
                         S("Đã trình"),
                         S("Còn trong hạn")}));
    CHECK(text.contains(today));
    // The overdue report: only the two overdue on 7 December.
    REQUIRE(senctl(office.home, base + QStringList{QStringLiteral("--overdue")}, &output) == 0);
    CHECK(output == pdf + QStringLiteral(": 2 entries, 1 page\n"));
    text = pdfPages(pdf).value(0);
    CHECK(text.contains(S("BÁO CÁO VĂN BẢN ĐẾN QUÁ HẠN GIẢI QUYẾT")));
    CHECK(text.contains(S("Báo cáo quá hạn")));
    CHECK(text.contains(S("Chưa trình lãnh đạo")));
    CHECK_FALSE(text.contains(S("Đã giải quyết xong")));
    CHECK_FALSE(text.contains(S("Còn trong hạn")));

    // A wrong period or day is a wrong command line.
    QStringList wrong = base;
    wrong[4] = QStringLiteral("2026-12-01");
    CHECK(senctl(office.home, wrong) == 2);
    wrong = base;
    wrong[8] = QStringLiteral("7/12/2026");
    CHECK(senctl(office.home, wrong) == 2);
}

TEST_CASE("A long slip goes on to numbered pages, a heading never alone at a page's foot",
          "[workflow][print]")
{
    WorkflowOffice office;
    const Unid doc = office.incoming(7, QDate(2026, 11, 16), S("Về việc nhiều báo cáo"));
    const Unid direction =
        office.direct(doc, S("Đồng chí An chủ trì"), {WorkflowOffice::kAn}, {}, QDate(2026, 12, 20));
    const QString long_ =
        S("Báo cáo tiến độ lần %1: ") + S("đã làm việc với các phòng, ban liên quan. ").repeated(8);
    for (int i = 1; i <= 12; ++i)
        office.report(WorkflowOffice::kAn, direction, ReportStatus::InProgress, long_.arg(i));

    test::TempDir out;
    const QString pdf = out.path(QStringLiteral("phieu.pdf"));
    QString output;
    REQUIRE(senctl(office.home,
                   {QStringLiteral("print"), QStringLiteral("slip"), WorkflowOffice::kDatabase, doc.toHex(),
                    QStringLiteral("--out"), pdf},
                   &output) == 0);
    const QStringList pages = pdfPages(pdf);
    REQUIRE(pages.size() > 1);
    CHECK(output == pdf + QStringLiteral(": 13 opinions, %1 pages\n").arg(pages.size()));
    QString all;
    for (int i = 0; i < pages.size(); ++i) {
        INFO("page " << i + 1);
        CHECK(pages[i].contains(S("Trang %1/%2").arg(i + 1).arg(pages.size())));
        all += pages[i];
    }
    // Every report is there, in order.
    QStringList reports;
    for (int i = 1; i <= 12; ++i)
        reports << S("Báo cáo tiến độ lần %1:").arg(i);
    CHECK(inOrder(all, reports));
    // The third part's heading is followed on its page by its first report, and no report is
    // split from its first line or from its author: every page's reports begin with their part
    // and status and end with their author.
    for (const QString& page : pages) {
        if (page.contains(S("3. Ý KIẾN ĐỀ XUẤT")))
            CHECK(inOrder(page, {S("3. Ý KIẾN ĐỀ XUẤT"), S("Vai trò: Chủ trì")}));
        const qsizetype text = page.indexOf(S("Báo cáo tiến độ lần"));
        if (text < 0)
            continue;
        INFO(page.toStdString());
        CHECK(page.indexOf(S("Vai trò: Chủ trì")) < text);
        const QRegularExpression author(S("^\\s*Nguyễn Văn An\\s*$"), QRegularExpression::MultilineOption);
        CHECK(page.count(S("Vai trò: Chủ trì")) == page.count(author));
    }
}

TEST_CASE("The slip and the follow-up register paint on a QPrinter as on a PDF writer (sen's print preview)",
          "[workflow][print]")
{
    WorkflowOffice office;
    const Unid doc = office.incoming(9, QDate(2026, 11, 16), S("Về việc in qua máy in"));
    office.direct(doc, S("Giao Văn phòng"), {WorkflowOffice::kAn}, {}, QDate(2026, 12, 20));
    auto& session = office.as(WorkflowOffice::kClerk);
    test::TempDir out;

    const auto slip = app::SlipReport::build(session, doc);
    REQUIRE(slip);
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(out.path(QStringLiteral("slip.pdf")));
    REQUIRE(print::paintSlip(*slip, printer).valueOr(0) == 1);
    const QString slipText = pdfPages(out.path(QStringLiteral("slip.pdf"))).value(0);
    CHECK(slipText.contains(S("PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN")));
    CHECK(slipText.contains(S("Giao Văn phòng")));

    const auto book = app::FollowUpReport::build(
        session, *app::RegisterPeriod::between(QDate(2026, 11, 1), QDate(2026, 11, 30)), QDate(2026, 12, 1),
        false);
    REQUIRE(book);
    QPrinter landscape(QPrinter::HighResolution);
    landscape.setOutputFormat(QPrinter::PdfFormat);
    landscape.setOutputFileName(out.path(QStringLiteral("book.pdf")));
    REQUIRE(print::paintFollowUp(*book, landscape).valueOr(0) == 1);
    const QString bookText = pdfPages(out.path(QStringLiteral("book.pdf"))).value(0);
    CHECK(bookText.contains(S("SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN")));
    CHECK(bookText.contains(S("Về việc in qua máy in")));
}
