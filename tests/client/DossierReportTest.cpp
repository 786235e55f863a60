// A dossier's table of contents (client/app/DossierReport.h) from a real documents database:
// which documents, in which order, and what each column shows.

#include "client/app/DossierReport.h"

#include "client/app/DatabaseSession.h"
#include "client/core/Workspace.h"
#include "tests/support/TempDir.h"

#include <QThread>

#include <catch2/catch.hpp>

using namespace sen;
using app::DossierReport;

namespace {

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

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

    Office()
    {
        REQUIRE(workspace.createDatabase(QStringLiteral("vanban"), DatabaseKind::Documents,
                                         S("Văn phòng Huyện ủy")));
        auto opened = app::DatabaseSession::open(workspace, QStringLiteral("vanban"));
        REQUIRE(opened);
        session = std::move(*opened);
    }

    Unid save(DocumentEdit edit)
    {
        auto saved = session->save(edit);
        REQUIRE(saved);
        return saved->unid;
    }

    Unid dossier(const QString& code, const QString& title)
    {
        DocumentEdit edit = DocumentEdit::create(QStringLiteral("HoSo"));
        if (!code.isEmpty())
            edit.set(Item::text(QStringLiteral("SoKyHieuHoSo"), code));
        return save(std::move(edit.set(Item::text(QStringLiteral("TieuDeHoSo"), title))));
    }

    // Files `document` in `folder`, a few milliseconds after the previous filing so that the
    // filings have an order of their own.
    void file(const Unid& folder, const Unid& document)
    {
        QThread::msleep(3);
        REQUIRE(session->file(folder, document).isOk());
    }
};

QStringList column(const DossierReport& report, int index)
{
    QStringList cells;
    for (const QStringList& row : report.rows)
        cells << row[index];
    return cells;
}

} // namespace

TEST_CASE("a dossier's table of contents lists its live members by date, then by filing", "[dossierreport]")
{
    Office office;
    const Unid folder = office.dossier(QStringLiteral("01.TCCB"), S("Hồ sơ tuyển dụng năm 2020"));
    // Issued 5 March: ordered by its issue date.
    const Unid decision =
        office.save(std::move(DocumentEdit::create(QStringLiteral("VanBanDi"))
                                  .set(Item::text(QStringLiteral("SoKyHieu"), S("12-QĐ/HU")))
                                  .set(Item::dateTime(QStringLiteral("NgayBanHanh"), at(2020, 3, 5)))
                                  .set(Item::text(QStringLiteral("TrichYeu"), S("Quyết định")))));
    // Issued 10 January, arrived 12 January: the issue date counts.
    const Unid letter =
        office.save(std::move(DocumentEdit::create(QStringLiteral("VanBanDen"))
                                  .set(Item::text(QStringLiteral("SoKyHieu"), S("5-CV/TU")))
                                  .set(Item::dateTime(QStringLiteral("NgayBanHanh"), at(2020, 1, 10)))
                                  .set(Item::dateTime(QStringLiteral("NgayDen"), at(2020, 1, 12)))
                                  .set(Item::text(QStringLiteral("TrichYeu"), S("Công văn")))));
    // No issue date, arrived 1 February: the arrival date counts.
    const Unid notice =
        office.save(std::move(DocumentEdit::create(QStringLiteral("VanBanDen"))
                                  .set(Item::text(QStringLiteral("SoKyHieu"), S("7-TB/TU")))
                                  .set(Item::dateTime(QStringLiteral("NgayDen"), at(2020, 2, 1)))
                                  .set(Item::text(QStringLiteral("TrichYeu"), S("Thông báo")))));
    // Issued on 5 March too, filed after the decision: after it.
    const Unid report =
        office.save(std::move(DocumentEdit::create(QStringLiteral("VanBanDi"))
                                  .set(Item::text(QStringLiteral("SoKyHieu"), S("13-BC/HU")))
                                  .set(Item::dateTime(QStringLiteral("NgayBanHanh"), at(2020, 3, 5)))
                                  .set(Item::text(QStringLiteral("TrichYeu"), S("Báo cáo")))));
    // No date at all: the day it was created (today).
    const Unid draft = office.save(std::move(DocumentEdit::create(QStringLiteral("VanBanNoiBo"))
                                                 .set(Item::text(QStringLiteral("TrichYeu"), S("Dự thảo")))));
    // Filed, then deleted: left out. Not filed: left out.
    const Unid removed =
        office.save(std::move(DocumentEdit::create(QStringLiteral("VanBanDen"))
                                  .set(Item::dateTime(QStringLiteral("NgayDen"), at(2019, 1, 1)))
                                  .set(Item::text(QStringLiteral("TrichYeu"), S("Đã xóa")))));
    office.save(std::move(DocumentEdit::create(QStringLiteral("VanBanDen"))
                              .set(Item::dateTime(QStringLiteral("NgayDen"), at(2020, 1, 1)))
                              .set(Item::text(QStringLiteral("TrichYeu"), S("Không lưu vào hồ sơ")))));
    for (const Unid& unid : {draft, report, removed, notice, letter})
        office.file(folder, unid);
    office.file(folder, decision); // filed after the report, of the same day: after it
    REQUIRE(office.session->remove(removed));

    auto toc = DossierReport::build(*office.session, folder);
    REQUIRE(toc);
    CHECK(toc->office == S("Văn phòng Huyện ủy"));
    CHECK(toc->code == QStringLiteral("01.TCCB"));
    CHECK(toc->dossierTitle == S("Hồ sơ tuyển dụng năm 2020"));
    CHECK(toc->codeText() == S("Hồ sơ số: 01.TCCB"));
    REQUIRE(toc->columns.size() == 7);
    CHECK(toc->columns[0].title == QStringLiteral("STT"));
    CHECK(toc->columns[3].title == S("Tên loại và trích yếu nội dung văn bản"));
    CHECK(toc->columns[5].title == S("Tờ số"));
    // Chronological; the report and the decision are of one day, in the order they were filed.
    CHECK(column(*toc, 3) == L({"Công văn", "Thông báo", "Báo cáo", "Quyết định", "Dự thảo"}));
    CHECK(column(*toc, 0) == L({"1", "2", "3", "4", "5"}));
    const QString today = QDate::currentDate().toString(QStringLiteral("dd/MM/yyyy"));
    CHECK(column(*toc, 2) == QStringList{QStringLiteral("10/01/2020"), QStringLiteral("01/02/2020"),
                                         QStringLiteral("05/03/2020"), QStringLiteral("05/03/2020"), today});
    CHECK(toc->first == QDate(2020, 1, 10));
    CHECK(toc->last == QDate::currentDate());
    CHECK(toc->periodText() == S("Từ ngày 10/01/2020 đến ngày %1").arg(today));

    auto other = DossierReport::build(*office.session, folder, S("Ban Tổ chức"));
    REQUIRE(other);
    CHECK(other->office == S("Ban Tổ chức"));
}

TEST_CASE("a table of contents row shows the mục lục columns, Tờ số counted from SoTrang", "[dossierreport]")
{
    Office office;
    const Unid folder = office.dossier({}, S("Hồ sơ hội nghị"));
    auto document = [&](const char* number, int day, std::optional<double> pages) {
        DocumentEdit edit = DocumentEdit::create(QStringLiteral("VanBanDen"));
        edit.set(Item::text(QStringLiteral("SoKyHieu"), S(number)))
            .set(Item::dateTime(QStringLiteral("NgayBanHanh"), at(2026, 4, day)));
        if (pages)
            edit.set(Item::number(QStringLiteral("SoTrang"), *pages));
        return office.save(std::move(edit));
    };
    const Unid first =
        office.save(std::move(DocumentEdit::create(QStringLiteral("VanBanDen"))
                                  .set(Item::number(QStringLiteral("So"), 127))
                                  .set(Item::text(QStringLiteral("KyHieu"), S("CV/TU")))
                                  .set(Item::dateTime(QStringLiteral("NgayBanHanh"), at(2026, 4, 1)))
                                  .set(Item::text(QStringLiteral("CoQuanBanHanh"), S("Tỉnh ủy Hà Nam")))
                                  .set(Item::text(QStringLiteral("LoaiVanBan"), S("Công văn")))
                                  .set(Item::text(QStringLiteral("TrichYeu"), S("Về việc tổ chức hội nghị")))
                                  .set(Item::number(QStringLiteral("SoTrang"), 3))
                                  .set(Item::text(QStringLiteral("GhiChu"), S("Bản chính")))));
    const Unid signedOnly =
        office.save(std::move(DocumentEdit::create(QStringLiteral("VanBanDi"))
                                  .set(Item::text(QStringLiteral("SoKyHieu"), S("20-BC/HU")))
                                  .set(Item::dateTime(QStringLiteral("NgayBanHanh"), at(2026, 4, 2)))
                                  .set(Item::text(QStringLiteral("NguoiKy"), S("Nguyễn Văn A")))
                                  .set(Item::number(QStringLiteral("SoTrang"), 2))));
    const Unid uncounted = document("21-TB/HU", 3, std::nullopt);
    const Unid after = document("22-TB/HU", 4, 5);
    for (const Unid& unid : {after, uncounted, signedOnly, first})
        office.file(folder, unid);

    auto toc = DossierReport::build(*office.session, folder);
    REQUIRE(toc);
    REQUIRE(toc->rows.size() == 4);
    CHECK(toc->rows[0] == L({"1", "127-CV/TU", "01/04/2026", "Công văn – Về việc tổ chức hội nghị",
                             "Tỉnh ủy Hà Nam", "1", "Bản chính"}));
    // No issuing body: the signer is the author; it starts on sheet 1 + 3.
    CHECK(toc->rows[1] == L({"2", "20-BC/HU", "02/04/2026", "", "Nguyễn Văn A", "4", ""}));
    // Its page count missing: it starts on sheet 6, and where the next starts is unknown.
    CHECK(column(*toc, 5) == L({"1", "4", "6", ""}));
    CHECK(toc->code.isEmpty());
    CHECK(toc->codeText().isEmpty());
    CHECK(toc->periodText() == S("Từ ngày 01/04/2026 đến ngày 04/04/2026"));
}

TEST_CASE("a table of contents needs a dossier; an empty dossier has no rows", "[dossierreport]")
{
    Office office;
    const Unid letter = office.save(std::move(DocumentEdit::create(QStringLiteral("VanBanDen"))
                                                  .set(Item::text(QStringLiteral("TrichYeu"), S("Thư")))));
    const auto notDossier = DossierReport::build(*office.session, letter);
    REQUIRE_FALSE(notDossier);
    CHECK(notDossier.status().code() == ErrorCode::InvalidArgument);
    CHECK(notDossier.status().message().contains(QStringLiteral("not a dossier")));

    const auto unknown = DossierReport::build(*office.session, newUnid());
    REQUIRE_FALSE(unknown);
    CHECK(unknown.status().code() == ErrorCode::NotFound);

    const Unid folder = office.dossier(QStringLiteral("02.VP"), S("Hồ sơ trống"));
    const auto empty = DossierReport::build(*office.session, folder);
    REQUIRE(empty);
    CHECK(empty->rows.empty());
    CHECK(empty->periodText().isEmpty());

    REQUIRE(office.session->remove(folder));
    const auto deleted = DossierReport::build(*office.session, folder);
    REQUIRE_FALSE(deleted);
    CHECK(deleted.status().code() == ErrorCode::NotFound);
}
