// A dossier's printed table of contents (docs/registers.md "Dossier table of contents"): a PDF
// of 150 documents made through senctl's own code path, read back with poppler's tools
// (pdftotext, pdfinfo, pdffonts from poppler-utils); senctl's refusals; the same painter on a
// QPrinter (sen's print preview); the dossier page's action. Needs a QGuiApplication: the
// widget tests' main.

#include "client/app/DatabaseSession.h"
#include "client/app/DossierReport.h"
#include "client/cli/Senctl.h"
#include "client/core/Dossiers.h"
#include "client/core/Workspace.h"
#include "client/print/DossierPrinter.h"
#include "tests/gui/GuiFixture.h"
#include "tests/gui/GuiScreenshot.h"
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

int senctl(const QString& home, QStringList words, QString* output = nullptr, QString* error = nullptr)
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
    if (error)
        *error = err;
    return code;
}

QString abstractOf(int position)
{
    return S("Học tập nghị quyết (lần %1)").arg(position);
}

// The day of the `position`-th document (1-based) in the dossier's chronological order.
QDate dayOf(int position)
{
    return QDate(2026, 1, 1).addDays(position - 1);
}

// A documents database "vanban" with a dossier of `count` incoming documents, saved and filed
// out of date order, each two pages long; returns the dossier's UNID.
Unid dossierOf(const QString& home, int count)
{
    REQUIRE(senctl(home, {QStringLiteral("db"), QStringLiteral("create"), QStringLiteral("vanban"),
                          QStringLiteral("--kind"), QStringLiteral("documents"), QStringLiteral("--title"),
                          S("Văn phòng Huyện ủy Gia Lâm")}) == 0);
    auto workspace = client::Workspace::open(home);
    REQUIRE(workspace);
    auto session = app::DatabaseSession::open(*workspace, QStringLiteral("vanban"));
    REQUIRE(session);
    Unid folder;
    REQUIRE((*session)
                ->batch([&] {
                    auto saved = (*session)->save(std::move(
                        DocumentEdit::create(QStringLiteral("HoSo"))
                            .set(Item::text(QStringLiteral("SoKyHieuHoSo"), QStringLiteral("01.TCCB")))
                            .set(Item::text(QStringLiteral("TieuDeHoSo"),
                                            S("Hồ sơ học tập nghị quyết năm 2026")))));
                    if (!saved)
                        return saved.status();
                    folder = saved->unid;
                    for (int i = 0; i < count; ++i) {
                        const int position = 1 + (i * 37) % count; // count is prime to 37
                        auto doc = (*session)->save(
                            std::move(DocumentEdit::create(QStringLiteral("VanBanDen"))
                                          .set(Item::text(QStringLiteral("SoKyHieu"),
                                                          QStringLiteral("%1-CV/TU").arg(position)))
                                          .set(Item::dateTime(QStringLiteral("NgayBanHanh"),
                                                              QDateTime(dayOf(position), QTime(8, 0))))
                                          .set(Item::text(QStringLiteral("CoQuanBanHanh"), S("Tỉnh ủy")))
                                          .set(Item::text(QStringLiteral("TrichYeu"), abstractOf(position)))
                                          .set(Item::number(QStringLiteral("SoTrang"), 2))));
                        if (!doc)
                            return doc.status();
                        SEN_TRY((*session)->file(folder, doc->unid));
                    }
                    return Status::ok();
                })
                .isOk());
    return folder;
}

} // namespace

TEST_CASE("senctl prints a dossier's table of contents of 150 documents as an A4 portrait PDF",
          "[dossierprint][print]")
{
    test::TempDir dir;
    const QString home = dir.root() + QStringLiteral("/home");
    constexpr int kCount = 150;
    const Unid folder = dossierOf(home, kCount);

    const QString pdf = dir.path(QStringLiteral("muc-luc.pdf"));
    QString output;
    REQUIRE(senctl(home,
                   {QStringLiteral("print"), QStringLiteral("dossier"), QStringLiteral("vanban"),
                    folder.toHex(), QStringLiteral("--out"), pdf},
                   &output) == 0);
    const QRegularExpression summary(QStringLiteral(": 150 documents, (\\d+) pages\n$"));
    const auto reported = summary.match(output);
    INFO(output.toStdString());
    REQUIRE(reported.hasMatch());
    const int pages = reported.captured(1).toInt();
    CHECK(pages > 1);

    const QString info = tool(QStringLiteral("pdfinfo"), {pdf});
    CHECK(info.contains(QRegularExpression(QStringLiteral("Page size:\\s+595 x 842 pts \\(A4\\)"))));
    CHECK(info.contains(QRegularExpression(QStringLiteral("Pages:\\s+%1\\n").arg(pages))));
    CHECK(info.contains(S("MỤC LỤC VĂN BẢN – 01.TCCB")));

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
    // Each row on one line: STT, số ký hiệu, date, trích yếu with its diacritics, author, tờ số.
    const QRegularExpression row(
        QStringLiteral("^\\s*(\\d+)\\s+(\\d+)-CV/TU\\s+(\\d\\d/\\d\\d/2026)\\s+"
                       "Học tập nghị quyết \\(lần (\\d+)\\)\\s+Tỉnh ủy\\s+(\\d+)\\s*$"));
    std::vector<int> positions;
    for (int page = 0; page < pages; ++page) {
        const QString& text = pageTexts[page];
        INFO("page " << page + 1);
        CHECK(text.contains(S("VĂN PHÒNG HUYỆN ỦY GIA LÂM")));
        CHECK(text.contains(S("MỤC LỤC VĂN BẢN")));
        CHECK(text.contains(S("Hồ sơ số: 01.TCCB")));
        if (page == 0) {
            CHECK(text.contains(S("Hồ sơ học tập nghị quyết năm 2026")));
            CHECK(text.contains(S("Từ ngày 01/01/2026 đến ngày %1")
                                    .arg(dayOf(kCount).toString(QStringLiteral("dd/MM/yyyy")))));
        }
        for (const char* heading : {"STT", "Số, ký hiệu", "Tác giả văn", "Tờ", "Ghi chú", "(7)"})
            CHECK(text.contains(S(heading)));
        CHECK(text.contains(S("Trang %1/%2").arg(page + 1).arg(pages)));
        for (const QString& line : text.split(QLatin1Char('\n'))) {
            const auto match = row.match(line);
            if (!match.hasMatch())
                continue;
            const int position = match.captured(1).toInt();
            CHECK(match.captured(2).toInt() == position);
            CHECK(match.captured(4).toInt() == position);
            CHECK(match.captured(3) == dayOf(position).toString(QStringLiteral("dd/MM/yyyy")));
            CHECK(match.captured(5).toInt() == 2 * position - 1); // two pages each
            positions.push_back(position);
        }
    }
    REQUIRE(positions.size() == kCount);
    for (int i = 0; i < kCount; ++i)
        REQUIRE(positions[std::size_t(i)] == i + 1);
}

TEST_CASE("senctl print dossier refuses a wrong command line, an unknown UNID and a non-dossier",
          "[dossierprint][print]")
{
    test::TempDir dir;
    const QString home = dir.root() + QStringLiteral("/home");
    const Unid folder = dossierOf(home, 3);
    const QString pdf = dir.path(QStringLiteral("x.pdf"));
    const QStringList print{QStringLiteral("print"), QStringLiteral("dossier"), QStringLiteral("vanban")};
    CHECK(senctl(home, print + QStringList{folder.toHex()}) == 2); // no --out
    CHECK(senctl(home, print + QStringList{QStringLiteral("not-a-unid"), QStringLiteral("--out"), pdf}) == 2);
    CHECK(senctl(home, print + QStringList{folder.toHex(), QStringLiteral("--out"), pdf,
                                           QStringLiteral("--year"), QStringLiteral("2026")}) == 2);
    CHECK(senctl(home, print + QStringList{QStringLiteral("--out"), pdf}) == 2); // no UNID

    QString error;
    CHECK(senctl(home, print + QStringList{newUnid().toHex(), QStringLiteral("--out"), pdf}, nullptr,
                 &error) == 1);
    CHECK(error.contains(QStringLiteral("The dossier's table of contents in vanban could not be printed.")));
    CHECK(error.contains(QStringLiteral("NotFound")));

    QString list;
    REQUIRE(senctl(home, {QStringLiteral("doc"), QStringLiteral("list"), QStringLiteral("vanban")}, &list) ==
            0);
    const QRegularExpression letterLine(QStringLiteral("^([0-9a-f]{32})\\s.*VanBanDen"),
                                        QRegularExpression::MultilineOption);
    const auto letter = letterLine.match(list);
    INFO(list.toStdString());
    REQUIRE(letter.hasMatch());
    CHECK(senctl(home, print + QStringList{letter.captured(1), QStringLiteral("--out"), pdf}, nullptr,
                 &error) == 1);
    CHECK(error.contains(QStringLiteral("is not a dossier")));
    CHECK_FALSE(QFile::exists(pdf));

    // --office prints another name.
    QString output;
    REQUIRE(senctl(home,
                   print + QStringList{folder.toHex(), QStringLiteral("--out"), pdf,
                                       QStringLiteral("--office"), S("Ban Tổ chức Huyện ủy")},
                   &output) == 0);
    CHECK(output.endsWith(QStringLiteral(": 3 documents, 1 page\n")));
    const QString text =
        tool(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    CHECK(text.contains(S("BAN TỔ CHỨC HUYỆN ỦY")));
    CHECK(text.contains(S("Trang 1/1")));
}

TEST_CASE("the table of contents paints on a QPrinter as on a PDF writer (sen's print preview)",
          "[dossierprint][print]")
{
    test::TempDir dir;
    app::DossierReport report;
    report.office = S("Huyện ủy");
    report.dossierTitle = S("Hồ sơ không có số");
    report.first = QDate(2026, 2, 1);
    report.last = QDate(2026, 2, 1);
    report.columns = app::DossierReport::columnsOf();
    for (int i = 1; i <= 80; ++i)
        report.rows.push_back({QString::number(i),
                               QStringLiteral("%1-BC/HU").arg(i),
                               QStringLiteral("01/02/2026"),
                               S("Báo cáo tháng"),
                               S("Huyện ủy"),
                               {},
                               {}});
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    const QString pdf = dir.path(QStringLiteral("printer.pdf"));
    printer.setOutputFileName(pdf);
    const auto pages = print::paintDossier(report, printer);
    REQUIRE(pages);
    CHECK(*pages > 1);
    const QString info = tool(QStringLiteral("pdfinfo"), {pdf});
    CHECK(info.contains(QRegularExpression(QStringLiteral("Page size:\\s+595 x 842 pts \\(A4\\)"))));
    CHECK(info.contains(QRegularExpression(QStringLiteral("Pages:\\s+%1\\n").arg(*pages))));
    const QString text =
        tool(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    CHECK(text.contains(S("80-BC/HU")));
    CHECK(text.contains(S("Ngày 01/02/2026")));
    // Without a code, the running line of the later pages names the dossier by its title.
    CHECK(text.count(S("Hồ sơ không có số")) == *pages);
    CHECK(text.contains(S("Trang %1/%1").arg(*pages)));
}

TEST_CASE("a saved dossier's page offers Print table of contents, other documents' pages do not",
          "[dossierprint][print]")
{
    test::GuiFixture fx;
    auto fresh = fx.create(QStringLiteral("docs"), client::Dossiers::kForm);
    auto* action = fresh->findChild<QAction*>(QStringLiteral("printDossier"));
    REQUIRE(action);
    CHECK_FALSE(action->isVisible()); // nothing stored to print yet
    test::fill(*fresh, QStringLiteral("TieuDeHoSo"), S("Hồ sơ hội nghị"));
    test::fill(*fresh, QStringLiteral("SoKyHieuHoSo"), QStringLiteral("02.VP"));
    REQUIRE(fresh->save().isOk());
    CHECK(action->isVisible());
    fresh->resize(900, 600);
    test::shoot(*fresh, QStringLiteral("dossier-print-action"));

    auto saved = fx.store(QStringLiteral("docs"))
                     ->save(DocumentEdit::create(QStringLiteral("VanBanDen"))
                                .set(Item::text(QStringLiteral("TrichYeu"), S("Giấy mời"))));
    REQUIRE(saved.isOk());
    auto letter = fx.open(QStringLiteral("docs"), saved->unid);
    auto* none = letter->findChild<QAction*>(QStringLiteral("printDossier"));
    REQUIRE(none);
    CHECK_FALSE(none->isVisible());
}
