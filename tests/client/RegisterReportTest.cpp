// The registers of ND 30 (client/app/RegisterReport.h) from a real documents database: which
// documents, in which order, and what each column shows.

#include "client/app/RegisterReport.h"

#include "client/app/DatabaseSession.h"
#include "client/core/Workspace.h"
#include "tests/support/TempDir.h"

#include <catch2/catch.hpp>

using namespace sen;
using app::RegisterDirection;
using app::RegisterPeriod;
using app::RegisterReport;

namespace {

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

// A list of UTF-8 texts (Qt's casts from char* are off).
QStringList L(std::initializer_list<const char*> texts)
{
    QStringList list;
    for (const char* text : texts)
        list << QString::fromUtf8(text);
    return list;
}

QDateTime at(int year, int month, int day)
{
    return QDateTime(QDate(year, month, day), QTime(9, 0));
}

struct Office
{
    test::TempDir dir;
    client::Workspace workspace = *client::Workspace::open(dir.root() + QStringLiteral("/home"));
    std::unique_ptr<app::DatabaseSession> session;

    explicit Office(DatabaseKind kind = DatabaseKind::Documents)
    {
        REQUIRE(workspace.createDatabase(QStringLiteral("vanban"), kind, S("Văn phòng Huyện ủy")));
        auto opened = app::DatabaseSession::open(workspace, QStringLiteral("vanban"));
        REQUIRE(opened);
        session = std::move(*opened);
    }

    void save(DocumentEdit edit) { REQUIRE(session->save(edit)); }

    void incoming(double number, QDateTime arrived, const QString& abstract,
                  const QString& form = QStringLiteral("VanBanDen"))
    {
        save(std::move(DocumentEdit::create(form)
                           .set(Item::number(QStringLiteral("SoDen"), number))
                           .set(Item::dateTime(QStringLiteral("NgayDen"), arrived))
                           .set(Item::text(QStringLiteral("TrichYeu"), abstract))));
    }
};

QStringList column(const RegisterReport& report, int index)
{
    QStringList cells;
    for (const QStringList& row : report.rows)
        cells << row[index];
    return cells;
}

} // namespace

TEST_CASE("the incoming register lists the period's VanBanDen by arrival number", "[register]")
{
    Office office;
    office.incoming(12, at(2026, 3, 2), S("Mười hai"));
    office.incoming(2, at(2026, 1, 5), S("Hai"));
    office.incoming(10, at(2026, 2, 20), S("Mười"));
    office.incoming(1, at(2025, 12, 30), S("Năm trước"));
    office.incoming(3, at(2026, 1, 6), S("Văn bản đi"), QStringLiteral("VanBanDi")); // another form
    office.save(std::move(DocumentEdit::create(QStringLiteral("VanBanDen"))
                              .set(Item::text(QStringLiteral("TrichYeu"), S("Chưa có ngày đến")))));
    office.save(std::move(DocumentEdit::create(QStringLiteral("VanBanDen"))
                              .set(Item::dateTime(QStringLiteral("NgayDen"), at(2026, 1, 1)))
                              .set(Item::text(QStringLiteral("TrichYeu"), S("Chờ cấp số")))));
    DocumentEdit removed = DocumentEdit::create(QStringLiteral("VanBanDen"));
    removed.set(Item::number(QStringLiteral("SoDen"), 5))
        .set(Item::dateTime(QStringLiteral("NgayDen"), at(2026, 1, 9)));
    office.save(removed);
    REQUIRE(office.session->remove(removed.unid()));

    auto year =
        RegisterReport::build(*office.session, RegisterDirection::Incoming, RegisterPeriod::ofYear(2026));
    REQUIRE(year);
    CHECK(year->title == S("SỔ ĐĂNG KÝ VĂN BẢN ĐẾN"));
    CHECK(year->office == S("Văn phòng Huyện ủy"));
    CHECK(year->period.text() == S("Năm 2026"));
    REQUIRE(year->columns.size() == 10);
    CHECK(year->columns[0].title == S("Ngày đến"));
    CHECK(year->columns[8].title == S("Ký nhận"));
    // By number; the one awaiting its number last; other years, forms, stubs and undated left out.
    CHECK(column(*year, 1) == L({"2", "10", "12", ""}));
    CHECK(column(*year, 5) == L({"Hai", "Mười", "Mười hai", "Chờ cấp số"}));
    CHECK(column(*year, 0) == L({"05/01/2026", "20/02/2026", "02/03/2026", "01/01/2026"}));

    auto range = RegisterReport::build(*office.session, RegisterDirection::Incoming,
                                       *RegisterPeriod::between(QDate(2025, 12, 30), QDate(2026, 2, 20)),
                                       S("Ban Tổ chức"));
    REQUIRE(range);
    CHECK(range->office == S("Ban Tổ chức"));
    CHECK(range->period.text() == S("Từ ngày 30/12/2025 đến ngày 20/02/2026"));
    // Both ends included; the years in order, each by number (awaiting a number: last of its year).
    CHECK(column(*range, 1) == L({"1", "2", "10", ""}));
}

TEST_CASE("a register row shows the Phụ lục IV columns from the form's items", "[register]")
{
    Office office;
    office.save(
        std::move(DocumentEdit::create(QStringLiteral("VanBanDen"))
                      .set(Item::number(QStringLiteral("SoDen"), 125))
                      .set(Item::dateTime(QStringLiteral("NgayDen"), at(2026, 11, 16)))
                      .set(Item::text(QStringLiteral("CoQuanBanHanh"), S("Tỉnh ủy Hà Nam")))
                      .set(Item::text(QStringLiteral("SoKyHieu"), S("127-CV/TU")))
                      .set(Item::dateTime(QStringLiteral("NgayBanHanh"), at(2026, 11, 10)))
                      .set(Item::text(QStringLiteral("LoaiVanBan"), S("Công văn")))
                      .set(Item::text(QStringLiteral("TrichYeu"), S("Về việc tổng kết năm")))
                      .set(Item::textList(QStringLiteral("NoiNhan"), {S("Văn phòng"), S("Ban Tổ chức")}))
                      .set(Item::text(QStringLiteral("GhiChu"), S("Bản chụp")))));
    // Outgoing, numbered by So and KyHieu as separate items, and by SoKyHieu's digits.
    office.save(std::move(DocumentEdit::create(QStringLiteral("VanBanDi"))
                              .set(Item::number(QStringLiteral("So"), 9))
                              .set(Item::text(QStringLiteral("KyHieu"), S("BC/HU")))
                              .set(Item::dateTime(QStringLiteral("NgayBanHanh"), at(2026, 4, 1)))
                              .set(Item::text(QStringLiteral("TrichYeu"), S("Báo cáo quý I")))
                              .set(Item::text(QStringLiteral("NguoiKy"), S("Nguyễn Văn A")))
                              .set(Item::textList(QStringLiteral("NoiNhan"), {S("Tỉnh ủy"), S("Lưu VP")}))
                              .set(Item::text(QStringLiteral("NoiLuuBanGiay"), S("Văn thư")))
                              .set(Item::number(QStringLiteral("SoBan"), 15))));
    office.save(std::move(DocumentEdit::create(QStringLiteral("VanBanDi"))
                              .set(Item::text(QStringLiteral("SoKyHieu"), S("10-TB/HU")))
                              .set(Item::dateTime(QStringLiteral("NgayBanHanh"), at(2026, 3, 1)))));

    auto in =
        RegisterReport::build(*office.session, RegisterDirection::Incoming, RegisterPeriod::ofYear(2026));
    REQUIRE(in);
    REQUIRE(in->rows.size() == 1);
    CHECK(in->rows[0] ==
          L({"16/11/2026", "125", "Tỉnh ủy Hà Nam", "127-CV/TU", "10/11/2026",
             "Công văn – Về việc tổng kết năm", "Văn phòng\nBan Tổ chức", "", "", "Bản chụp"}));

    auto out =
        RegisterReport::build(*office.session, RegisterDirection::Outgoing, RegisterPeriod::ofYear(2026));
    REQUIRE(out);
    CHECK(out->title == S("SỔ ĐĂNG KÝ VĂN BẢN ĐI"));
    REQUIRE(out->rows.size() == 2);
    // So 9 and KyHieu BC/HU: SoKyHieu is composed on save, the number padded to two digits as
    // ND 30 Phụ lục I writes it (client/forms/Registration.h).
    CHECK(out->rows[0] == L({"09-BC/HU", "01/04/2026", "Báo cáo quý I", "Nguyễn Văn A", "Tỉnh ủy\nLưu VP",
                             "Văn thư", "15", "", "", ""}));
    CHECK(out->rows[1][0] == S("10-TB/HU"));
}

TEST_CASE("a register needs a documents database and a period that ends after it starts", "[register]")
{
    CHECK_FALSE(RegisterPeriod::between(QDate(2026, 2, 1), QDate(2026, 1, 31)));
    CHECK(RegisterPeriod::between(QDate(2026, 2, 1), QDate(2026, 2, 1)));
    Office calendar(DatabaseKind::Calendar);
    const auto report =
        RegisterReport::build(*calendar.session, RegisterDirection::Incoming, RegisterPeriod::ofYear(2026));
    REQUIRE_FALSE(report);
    CHECK(report.status().code() == ErrorCode::InvalidArgument);
}
