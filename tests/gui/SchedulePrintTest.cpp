// The printed week and the exported calendar of the work schedule (docs/schedule.md "Print",
// "iCalendar"), through senctl's own code path on a local calendar database: a published week
// with a postponed entry prints as an A4 landscape PDF in the customary columns, read back
// with poppler's pdftotext and pdfinfo; a draft week says so; senctl schedule week --json
// groups the week; two exports parsed by python3-icalendar keep their UIDs and mark the
// postponed entry CANCELLED. Needs a QGuiApplication (fonts): the widget tests' main.

#include "client/app/DatabaseSession.h"
#include "client/cli/Senctl.h"
#include "client/core/Workspace.h"
#include "tests/support/TempDir.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>

#include <catch2/catch.hpp>

using namespace sen;

namespace {

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

QString run(const QString& program, const QStringList& arguments)
{
    QProcess process;
    process.start(program, arguments);
    INFO(program.toStdString() << " (scripts/install-deps.sh)");
    REQUIRE(process.waitForFinished(60000));
    INFO(process.readAllStandardError().toStdString());
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

Document saved(app::DatabaseSession& session, const DocumentEdit& edit)
{
    auto doc = session.save(edit);
    REQUIRE(doc.isOk());
    return *doc;
}

DocumentEdit entry(const QDate& day, const QString& time, const QString& content, const QString& presiding)
{
    DocumentEdit edit = DocumentEdit::create(QStringLiteral("LichCongTac"));
    edit.set(Item::dateTime(QStringLiteral("Ngay"), QDateTime(day, QTime(0, 0), Qt::UTC)))
        .set(Item::text(QStringLiteral("Gio"), time))
        .set(Item::text(QStringLiteral("NoiDung"), content))
        .set(Item::text(QStringLiteral("ChuTri"), presiding))
        .set(Item::textList(QStringLiteral("ThanhPhan"),
                            {S("Thường trực Huyện ủy"), S("Ban Tổ chức Huyện ủy")}))
        .set(Item::text(QStringLiteral("DiaDiem"), S("Phòng họp số 1")))
        .set(Item::text(QStringLiteral("DonViChuanBi"), S("Văn phòng Huyện ủy")));
    return edit;
}

DocumentEdit action(const QString& week, const QString& word)
{
    DocumentEdit edit = DocumentEdit::create(QStringLiteral("DuyetLichTuan"));
    edit.set(Item::text(QStringLiteral("Tuan"), week))
        .set(Item::text(QStringLiteral("HanhDong"), word))
        .set(Item::names(QStringLiteral("NguoiThucHien"), ItemType::Names, {S("Lê Thị Chánh/VPTU/HaNoi")}))
        .set(Item::dateTime(QStringLiteral("ThoiGian"), QDateTime::currentDateTimeUtc()));
    return edit;
}

} // namespace

TEST_CASE("senctl prints a published week A4 landscape, shows it as JSON and exports it as iCalendar",
          "[scheduleprint][print]")
{
    test::TempDir dir;
    const QString home = dir.root() + QStringLiteral("/home");
    REQUIRE(senctl(home, {QStringLiteral("db"), QStringLiteral("create"), QStringLiteral("lich"),
                          QStringLiteral("--kind"), QStringLiteral("calendar"), QStringLiteral("--title"),
                          S("Huyện ủy Gia Lâm")}) == 0);
    Unid postponed;
    {
        auto workspace = client::Workspace::open(home);
        REQUIRE(workspace);
        auto opened = app::DatabaseSession::open(*workspace, QStringLiteral("lich"));
        REQUIRE(opened);
        app::DatabaseSession& session = **opened;
        saved(session, entry(QDate(2026, 12, 7), QStringLiteral("07:30"), S("Giao ban Thường trực Huyện ủy"),
                             S("Đồng chí Bí thư")));
        postponed = saved(session, entry(QDate(2026, 12, 7), QStringLiteral("14:00"),
                                         S("Làm việc với Đảng ủy xã Thanh Sơn"), S("Đồng chí Phó Bí thư")))
                        .unid;
        saved(session, entry(QDate(2026, 12, 10), QStringLiteral("08:00"), S("Hội nghị Ban Chấp hành"),
                             S("Đồng chí Bí thư")));
        saved(session,
              entry(QDate(2026, 12, 15), QStringLiteral("08:00"), S("Tuần sau"), S("Đồng chí Bí thư")));
        saved(session, action(QStringLiteral("2026-W50"), S("Duyệt")));
        saved(session, action(QStringLiteral("2026-W50"), S("Công bố")));
        saved(session, DocumentEdit::create(QStringLiteral("ThayDoiLich"), postponed)
                           .set(Item::text(QStringLiteral("LoaiThayDoi"), S("Hoãn/Hủy")))
                           .set(Item::text(QStringLiteral("LyDo"), S("Hoãn sang tuần sau")))
                           .set(Item::names(QStringLiteral("NguoiThayDoi"), ItemType::Names,
                                            {S("Phạm Thị Văn/VPTU/HaNoi")}))
                           .set(Item::dateTime(QStringLiteral("ThoiGian"), QDateTime::currentDateTimeUtc())));
    }

    // The week as JSON: by day and session, the state, the mark.
    QString json;
    REQUIRE(senctl(home,
                   {QStringLiteral("schedule"), QStringLiteral("week"), QStringLiteral("lich"),
                    QStringLiteral("--week"), QStringLiteral("2026-W50"), QStringLiteral("--json")},
                   &json) == 0);
    const QJsonObject week = QJsonDocument::fromJson(json.toUtf8()).object();
    CHECK(week.value(QStringLiteral("state")).toString() == QStringLiteral("published"));
    const QJsonArray days = week.value(QStringLiteral("days")).toArray();
    REQUIRE(days.size() == 7);
    CHECK(days[0].toObject().value(QStringLiteral("weekday")).toString() == S("Thứ Hai"));
    const QJsonArray afternoon = days[0].toObject().value(QStringLiteral("afternoon")).toArray();
    REQUIRE(afternoon.size() == 1);
    CHECK(afternoon[0].toObject().value(QStringLiteral("mark")).toString() == QStringLiteral("cancelled"));
    CHECK(days[3].toObject().value(QStringLiteral("morning")).toArray().size() == 1);

    // Printed: A4 landscape, the customary columns, the week, the mark.
    const QString pdf = dir.path(QStringLiteral("lich-tuan-50.pdf"));
    QString output;
    REQUIRE(senctl(home,
                   {QStringLiteral("print"), QStringLiteral("schedule"), QStringLiteral("lich"),
                    QStringLiteral("--week"), QStringLiteral("2026-W50"), QStringLiteral("--out"), pdf},
                   &output) == 0);
    CHECK(output.contains(QStringLiteral("3 entries, 1 page")));
    const QString info = run(QStringLiteral("pdfinfo"), {pdf});
    const QRegularExpressionMatch size =
        QRegularExpression(QStringLiteral("Page size:\\s+([\\d.]+) x ([\\d.]+) pts")).match(info);
    REQUIRE(size.hasMatch());
    CHECK(size.captured(1).toDouble() > size.captured(2).toDouble());
    const QString text =
        run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    for (const QString& expected :
         {S("HUYỆN ỦY GIA LÂM"), S("LỊCH CÔNG TÁC"), S("Tuần 50 (từ 07/12/2026 đến 13/12/2026)"),
          S("Thứ/ngày"), S("Nội dung"), S("Chủ trì"), S("Thành phần"), S("Địa điểm"), S("Thứ Hai"),
          S("07/12/2026"), S("Thứ Năm"), S("[Hoãn/Hủy] Hoãn sang tuần sau"),
          S("Giao ban Thường trực Huyện ủy"), S("(Đơn vị chuẩn bị: Văn phòng Huyện ủy)")}) {
        INFO(expected.toStdString());
        CHECK(text.contains(expected));
    }
    CHECK_FALSE(text.contains(S("Dự thảo")));
    CHECK_FALSE(text.contains(S("Tuần sau")));
    // Header rows then entries in order: the Monday morning before its afternoon, before Thursday.
    CHECK(text.indexOf(S("Giao ban")) < text.indexOf(S("Làm việc với")));
    CHECK(text.indexOf(S("Làm việc với")) < text.indexOf(S("Hội nghị Ban Chấp hành")));

    // A draft week says so; a week is required.
    const QString draft = dir.path(QStringLiteral("lich-tuan-51.pdf"));
    REQUIRE(senctl(home, {QStringLiteral("print"), QStringLiteral("schedule"), QStringLiteral("lich"),
                          QStringLiteral("--week"), QStringLiteral("2026-W51"), QStringLiteral("--out"),
                          draft}) == 0);
    CHECK(run(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), draft, QStringLiteral("-")})
              .contains(S("(Dự thảo)")));
    CHECK(senctl(home, {QStringLiteral("print"), QStringLiteral("schedule"), QStringLiteral("lich"),
                        QStringLiteral("--out"), draft}) == 2);

    // iCalendar, twice: python3-icalendar reads the same UIDs, the postponed entry cancelled.
    const QString python = QFile::exists(QStringLiteral("/usr/bin/python3"))
                               ? QStringLiteral("/usr/bin/python3")
                               : QStringLiteral("python3");
    const QString script = QStringLiteral(
        "import sys, icalendar\n"
        "cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
        "for e in sorted(cal.walk('VEVENT'), key=lambda e: str(e['UID'])):\n"
        "    print(str(e['UID']), str(e['STATUS']), int(e['SEQUENCE']), e.decoded('DTSTART').isoformat())\n");
    QStringList readings;
    for (int i = 0; i < 2; ++i) {
        const QString ics = dir.path(QStringLiteral("lich-%1.ics").arg(i));
        REQUIRE(senctl(home, {QStringLiteral("export"), QStringLiteral("ical"), QStringLiteral("lich"),
                              QStringLiteral("--from"), QStringLiteral("2026-12-07"), QStringLiteral("--to"),
                              QStringLiteral("2026-12-13"), QStringLiteral("--out"), ics}) == 0);
        readings << run(python, {QStringLiteral("-c"), script, ics});
    }
    CHECK(readings[0] == readings[1]);
    const QStringList events = readings[0].trimmed().split(u'\n');
    CHECK(events.size() == 3);
    CHECK(readings[0].contains(postponed.toHex() +
                               QStringLiteral("@sen CANCELLED 1 2026-12-07T14:00:00+07:00")));
    CHECK(readings[0].count(QStringLiteral("CONFIRMED 0")) == 2);
}
