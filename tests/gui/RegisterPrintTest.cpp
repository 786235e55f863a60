// The printed registers (docs/registers.md): a PDF of 1,000 incoming documents made through
// senctl's own code path, read back with poppler's tools (pdftotext, pdfinfo, pdffonts from
// poppler-utils, which nobody here wrote); the same painter on a QPrinter (sen's print
// preview); and the dialog's choices. Needs a QGuiApplication: the widget tests' main.

#include "client/app/DatabaseSession.h"
#include "client/app/RegisterReport.h"
#include "client/cli/Senctl.h"
#include "client/core/Workspace.h"
#include "client/gui/app/MainWindow.h"
#include "client/gui/database/DatabasePage.h"
#include "client/gui/print/RegisterPrintDialog.h"
#include "client/print/RegisterPrinter.h"
#include "tests/client/SyncTestOffice.h"
#include "tests/support/TempDir.h"

#include <QAction>
#include <QPrinter>
#include <QProcess>
#include <QRegularExpression>

#include <catch2/catch.hpp>

using namespace sen;

namespace {

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

// The standard output of a poppler tool; fails the test when it does not run.
QString tool(const QString& program, const QStringList& arguments)
{
    QProcess process;
    process.start(program, arguments);
    INFO(program.toStdString() << " (poppler-utils, scripts/install-deps.sh)");
    REQUIRE(process.waitForFinished(60000));
    REQUIRE(process.exitStatus() == QProcess::NormalExit);
    REQUIRE(process.exitCode() == 0);
    return QString::fromUtf8(process.readAllStandardOutput());
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

QString abstractOf(int number)
{
    return S("Học tập nghị quyết Đảng ủy (lần %1)").arg(number);
}

} // namespace

TEST_CASE("senctl prints a register of 1,000 incoming documents as an A4 landscape PDF", "[register][print]")
{
    test::TempDir dir;
    const QString home = dir.root() + QStringLiteral("/home");
    REQUIRE(senctl(home, {QStringLiteral("db"), QStringLiteral("create"), QStringLiteral("vanban"),
                          QStringLiteral("--kind"), QStringLiteral("documents"), QStringLiteral("--title"),
                          S("Văn phòng Huyện ủy Gia Lâm")}) == 0);
    {
        auto workspace = client::Workspace::open(home);
        REQUIRE(workspace);
        auto session = app::DatabaseSession::open(*workspace, QStringLiteral("vanban"));
        REQUIRE(session);
        // Saved out of number order: the register orders them.
        REQUIRE((*session)
                    ->batch([&] {
                        for (int i = 0; i < 1000; ++i) {
                            const int number = 1 + (i * 337) % 1000;
                            const QDateTime arrived(QDate(2026, 1, 1).addDays((number - 1) / 3), QTime(8, 0));
                            auto saved = (*session)->save(std::move(
                                DocumentEdit::create(QStringLiteral("VanBanDen"))
                                    .set(Item::number(QStringLiteral("SoDen"), number))
                                    .set(Item::dateTime(QStringLiteral("NgayDen"), arrived))
                                    .set(Item::text(QStringLiteral("SoKyHieu"),
                                                    QStringLiteral("%1-CV/TU").arg(number)))
                                    .set(Item::text(QStringLiteral("CoQuanBanHanh"), S("Tỉnh ủy")))
                                    .set(Item::text(QStringLiteral("TrichYeu"), abstractOf(number)))));
                            if (!saved)
                                return saved.status();
                        }
                        return Status::ok();
                    })
                    .isOk());
    }

    const QString pdf = dir.path(QStringLiteral("so-den-2026.pdf"));
    QString output;
    REQUIRE(senctl(home,
                   {QStringLiteral("print"), QStringLiteral("register"), QStringLiteral("vanban"),
                    QStringLiteral("--direction"), QStringLiteral("in"), QStringLiteral("--year"),
                    QStringLiteral("2026"), QStringLiteral("--out"), pdf},
                   &output) == 0);
    const QRegularExpression summary(QStringLiteral(": 1000 entries, (\\d+) pages\n$"));
    const auto reported = summary.match(output);
    INFO(output.toStdString());
    REQUIRE(reported.hasMatch());
    const int pages = reported.captured(1).toInt();
    CHECK(pages > 1);

    const QString info = tool(QStringLiteral("pdfinfo"), {pdf});
    CHECK(info.contains(QRegularExpression(QStringLiteral("Page size:\\s+842 x 595 pts \\(A4\\)"))));
    CHECK(info.contains(QRegularExpression(QStringLiteral("Pages:\\s+%1\\n").arg(pages))));

    // Every font embedded, and the one with the Vietnamese glyphs among them.
    const QStringList fonts =
        tool(QStringLiteral("pdffonts"), {pdf}).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    REQUIRE(fonts.size() > 2);
    bool dejaVu = false;
    for (const QString& line : fonts.mid(2)) {
        INFO(line.toStdString());
        CHECK(line.contains(
            QRegularExpression(QStringLiteral("\\s+yes\\s+(yes|no)\\s+(yes|no)\\s+\\d+\\s+\\d+$"))));
        dejaVu = dejaVu || line.startsWith(QLatin1String("DejaVuSans"));
    }
    CHECK(dejaVu);

    const QStringList pageTexts =
        tool(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")})
            .split(QLatin1Char('\f'), Qt::SkipEmptyParts);
    REQUIRE(pageTexts.size() == pages);
    // Each row on one line: arrival date, số đến, ..., trích yếu with its diacritics, in order.
    const QRegularExpression row(
        QStringLiteral("^\\s*(\\d\\d/\\d\\d/2026)\\s+(\\d+)\\s+Tỉnh ủy\\s+(\\d+)-CV/TU\\s+"
                       "Học tập nghị quyết Đảng ủy \\(lần (\\d+)\\)\\s*$"));
    std::vector<int> numbers;
    for (int page = 0; page < pages; ++page) {
        const QString& text = pageTexts[page];
        INFO("page " << page + 1);
        CHECK(text.contains(S("VĂN PHÒNG HUYỆN ỦY GIA LÂM")));
        CHECK(text.contains(S("SỔ ĐĂNG KÝ VĂN BẢN ĐẾN")));
        CHECK(text.contains(S("Năm 2026")));
        for (const char* heading :
             {"Ngày đến", "Số đến", "Tác giả", "Số, ký hiệu", "Ký nhận", "Ghi chú", "(10)"})
            CHECK(text.contains(S(heading)));
        CHECK(text.contains(S("Trang %1/%2").arg(page + 1).arg(pages)));
        for (const QString& line : text.split(QLatin1Char('\n'))) {
            const auto match = row.match(line);
            if (!match.hasMatch())
                continue;
            const int number = match.captured(2).toInt();
            CHECK(match.captured(3).toInt() == number);
            CHECK(match.captured(4).toInt() == number);
            CHECK(match.captured(1) ==
                  QDate(2026, 1, 1).addDays((number - 1) / 3).toString(QStringLiteral("dd/MM/yyyy")));
            numbers.push_back(number);
        }
    }
    REQUIRE(numbers.size() == 1000);
    for (int i = 0; i < 1000; ++i)
        REQUIRE(numbers[std::size_t(i)] == i + 1);
}

TEST_CASE("senctl print register refuses a wrong period or direction", "[register][print]")
{
    test::TempDir dir;
    const QString home = dir.root() + QStringLiteral("/home");
    REQUIRE(senctl(home, {QStringLiteral("db"), QStringLiteral("create"), QStringLiteral("vanban"),
                          QStringLiteral("--kind"), QStringLiteral("documents")}) == 0);
    const QString pdf = dir.path(QStringLiteral("x.pdf"));
    const QStringList base{QStringLiteral("print"), QStringLiteral("register"), QStringLiteral("vanban"),
                           QStringLiteral("--out"), pdf};
    CHECK(senctl(home, base + QStringList{QStringLiteral("--direction"), QStringLiteral("in")}) == 2);
    CHECK(senctl(home, base + QStringList{QStringLiteral("--direction"), QStringLiteral("up"),
                                          QStringLiteral("--year"), QStringLiteral("2026")}) == 2);
    CHECK(senctl(home, base + QStringList{QStringLiteral("--direction"), QStringLiteral("out"),
                                          QStringLiteral("--from"), QStringLiteral("2026-03-01"),
                                          QStringLiteral("--to"), QStringLiteral("2026-02-01")}) == 2);
    CHECK(senctl(home, base + QStringList{QStringLiteral("--direction"), QStringLiteral("out"),
                                          QStringLiteral("--year"), QStringLiteral("2026"),
                                          QStringLiteral("--from"), QStringLiteral("2026-01-01"),
                                          QStringLiteral("--to"), QStringLiteral("2026-02-01")}) == 2);
    CHECK_FALSE(QFile::exists(pdf));
    // An empty register is still a book: one page with its headings.
    QString output;
    CHECK(senctl(home,
                 base + QStringList{QStringLiteral("--direction"), QStringLiteral("out"),
                                    QStringLiteral("--from"), QStringLiteral("2026-01-01"),
                                    QStringLiteral("--to"), QStringLiteral("2026-03-31")},
                 &output) == 0);
    CHECK(output.endsWith(QStringLiteral(": 0 entries, 1 page\n")));
    const QString text =
        tool(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    CHECK(text.contains(S("SỔ ĐĂNG KÝ VĂN BẢN ĐI")));
    CHECK(text.contains(S("Từ ngày 01/01/2026 đến ngày 31/03/2026")));
    CHECK(text.contains(S("Người ký")));
    CHECK(text.contains(S("Nơi nhận văn bản")));
}

TEST_CASE("the register paints on a QPrinter as on a PDF writer (sen's print preview)", "[register][print]")
{
    test::TempDir dir;
    app::RegisterReport report;
    report.direction = app::RegisterDirection::Outgoing;
    report.period = app::RegisterPeriod::ofYear(2026);
    report.office = S("Huyện ủy");
    report.title = app::RegisterReport::titleOf(report.direction);
    report.columns = app::RegisterReport::columnsOf(report.direction);
    for (int i = 1; i <= 60; ++i)
        report.rows.push_back({QStringLiteral("%1-BC/HU").arg(i),
                               QStringLiteral("01/02/2026"),
                               S("Báo cáo tháng"),
                               S("Nguyễn Văn A"),
                               S("Tỉnh ủy"),
                               S("Văn thư"),
                               QStringLiteral("3"),
                               {},
                               {},
                               {}});
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    const QString pdf = dir.path(QStringLiteral("printer.pdf"));
    printer.setOutputFileName(pdf);
    const auto pages = print::paintRegister(report, printer);
    REQUIRE(pages);
    CHECK(*pages > 1);
    const QString info = tool(QStringLiteral("pdfinfo"), {pdf});
    CHECK(info.contains(QRegularExpression(QStringLiteral("Page size:\\s+842 x 595 pts \\(A4\\)"))));
    CHECK(info.contains(QRegularExpression(QStringLiteral("Pages:\\s+%1\\n").arg(*pages))));
    const QString text =
        tool(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    CHECK(text.contains(S("60-BC/HU")));
    CHECK(text.contains(S("Trang %1/%1").arg(*pages)));
}

TEST_CASE("the Print register dialog gives the register and the period chosen", "[register][print]")
{
    gui::RegisterPrintDialog dialog;
    CHECK(dialog.direction() == app::RegisterDirection::Incoming);
    REQUIRE(dialog.period());
    CHECK(dialog.period()->wholeYear);
    CHECK(dialog.period()->from.year() == QDate::currentDate().year());

    dialog.chooseDirection(app::RegisterDirection::Outgoing);
    dialog.chooseYear(2025);
    CHECK(dialog.direction() == app::RegisterDirection::Outgoing);
    CHECK(dialog.period()->text() == S("Năm 2025"));

    dialog.chooseRange(QDate(2026, 1, 1), QDate(2026, 3, 31));
    REQUIRE(dialog.period());
    CHECK(dialog.period()->text() == S("Từ ngày 01/01/2026 đến ngày 31/03/2026"));
    dialog.chooseRange(QDate(2026, 3, 31), QDate(2026, 1, 1));
    CHECK_FALSE(dialog.period());
}

TEST_CASE("a documents database's page offers Print register, other databases do not", "[register][print]")
{
    test::ServerFixture f;
    test::SyncTestOffice office(f, S("Nguyễn Văn An"));
    REQUIRE(office.workspace.createDatabase(QStringLiteral("vanban"), DatabaseKind::Documents, S("Văn bản")));
    REQUIRE(office.workspace.createDatabase(QStringLiteral("lich"), DatabaseKind::Calendar, S("Lịch")));
    gui::MainWindow window(gui::UserSession{office.workspace, office.credentials});
    gui::DatabasePage* documents = gui::DatabasePage::openInWindow(window, QStringLiteral("vanban"));
    gui::DatabasePage* calendar = gui::DatabasePage::openInWindow(window, QStringLiteral("lich"));
    REQUIRE(documents);
    REQUIRE(calendar);
    CHECK(documents->findChild<QAction*>(QStringLiteral("printRegister")));
    CHECK_FALSE(calendar->findChild<QAction*>(QStringLiteral("printRegister")));
}
