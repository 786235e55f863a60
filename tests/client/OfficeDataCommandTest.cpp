// The office's own data through senctl and the application layer, on a real workspace on
// disk: the catalogues (docs/catalogues.md) — the default entries, an entry added and
// retired, an issuing body's mã định danh filled on save, the ký hiệu of an outgoing document
// composed from its register and its type's abbreviation, the party's way and the state's —
// and the working calendar (docs/workdays.md).

#include "client/forms/CatalogueFill.h"
#include "tests/server/SenctlRun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <catch2/catch.hpp>

using namespace sen;

namespace {

using Run = test::SenctlRun;

class Senctl : public test::Senctl
{
public:
    // The items of document `unid` of `db`, as `doc get --json` prints them.
    QJsonObject items(const QString& db, const QString& unid) const
    {
        const QString json =
            ok({QStringLiteral("doc"), QStringLiteral("get"), db, unid, QStringLiteral("--json")});
        return QJsonDocument::fromJson(json.toUtf8()).object().value(QStringLiteral("items")).toObject();
    }
};

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

QString text(const QJsonObject& items, const char* name)
{
    const QJsonValue value = items.value(QLatin1String(name));
    return value.isObject() ? value.toObject().value(QStringLiteral("value")).toString() : value.toString();
}

} // namespace

TEST_CASE("Catalogues: composeSymbol writes the party's way and the state's", "[client][catalogues]")
{
    CHECK(forms::composeSymbol(S("NQ"), S("HU"), true) == S("NQ/HU"));
    CHECK(forms::composeSymbol(S("QĐ"), S("UBND"), false) == S("QĐ-UBND"));
    CHECK(forms::composeSymbol(QString(), S("UBND"), false) == S("UBND"));
    CHECK(forms::composeSymbol(S(" CV "), S(" HU "), true) == S("CV/HU"));
}

TEST_CASE("Catalogues through senctl: defaults, add, retire, and what a save takes from them",
          "[client][catalogues][senctl]")
{
    Senctl senctl;
    senctl.ok({S("db"), S("create"), S("vanban"), S("--kind"), S("documents")});
    CHECK(senctl.ok({S("catalog"), S("list"), S("vanban")}).isEmpty());
    const int added = senctl.ok({S("catalog"), S("defaults"), S("vanban")}).toInt();
    CHECK(added >= 31);
    CHECK(senctl.ok({S("catalog"), S("defaults"), S("vanban")}) == S("0"));

    const QJsonArray types =
        QJsonDocument::fromJson(
            senctl
                .ok({S("catalog"), S("list"), S("vanban"), S("--catalogue"), S("Loại văn bản"), S("--json")})
                .toUtf8())
            .array();
    REQUIRE(types.size() >= 28);
    CHECK(types[0].toObject().value(S("name")).toString() == S("Nghị quyết"));

    // An issuing body with its mã định danh; the same name again, typed without marks, is refused.
    senctl.ok({S("catalog"), S("add"), S("vanban"), S("--catalogue"), S("CoQuanBanHanh"), S("--name"),
               S("Tỉnh ủy Hà Nam"), S("--abbreviation"), S("TU"), S("--code"), S("000.00.00.H35")});
    const Run again = senctl({S("catalog"), S("add"), S("vanban"), S("--catalogue"), S("CoQuanBanHanh"),
                              S("--name"), S("tinh uy ha nam")});
    CHECK(again.code == 1);
    CHECK(again.err.contains(S("Tỉnh ủy Hà Nam")));
    const Run unknown =
        senctl({S("catalog"), S("add"), S("vanban"), S("--catalogue"), S("DanhBa"), S("--name"), S("x")});
    CHECK(unknown.code != 0);

    // Saved with the issuer's name as typed (folded match): the code comes with it; a typed
    // code stays.
    const QString incoming = senctl.ok({S("doc"), S("create"), S("vanban"), S("--form"), S("VanBanDen"),
                                        S("--set"), S("TrichYeu=Về việc kiểm tra"), S("--set"),
                                        S("CoQuanBanHanh=tỉnh ủy hà nam"), S("--offline")});
    CHECK(text(senctl.items(S("vanban"), incoming), "OrganId") == S("000.00.00.H35"));
    const QString typedCode =
        senctl.ok({S("doc"), S("create"), S("vanban"), S("--form"), S("VanBanDen"), S("--set"),
                   S("TrichYeu=Về việc khác"), S("--set"), S("CoQuanBanHanh=Tỉnh ủy Hà Nam"), S("--set"),
                   S("OrganId=H35.1"), S("--offline")});
    CHECK(text(senctl.items(S("vanban"), typedCode), "OrganId") == S("H35.1"));

    // Two outgoing registers: the office's, the party's way with its abbreviation HU, and a
    // state-style one.
    senctl.ok({S("doc"), S("create"), S("vanban"), S("--form"), S("SoVanBan"), S("--set"),
               S("TenSo=Sổ văn bản đi"), S("--set"), S("Huong=Đi"), S("--set"), S("KyHieuCoQuan=HU")});
    const QString stateBook =
        senctl.ok({S("doc"), S("create"), S("vanban"), S("--form"), S("SoVanBan"), S("--set"),
                   S("TenSo=Sổ văn bản đi (chính quyền)"), S("--set"), S("Huong=Đi"), S("--set"),
                   S("KyHieuCoQuan=UBND"), S("--set"), S("KieuKyHieu=Nhà nước")});

    const auto outgoing = [&](const QString& type, const QStringList& more = {}) {
        QStringList words{S("doc"),
                          S("create"),
                          S("vanban"),
                          S("--form"),
                          S("VanBanDi"),
                          S("--set"),
                          S("TrichYeu=Văn bản đi"),
                          S("--set"),
                          S("LoaiVanBan=") + type,
                          S("--offline")};
        for (const QString& m : more)
            words << S("--set") << m;
        return senctl.items(S("vanban"), senctl.ok(words));
    };
    const QJsonObject resolution = outgoing(S("Nghị quyết"));
    CHECK(text(resolution, "KyHieu") == S("NQ/HU"));
    CHECK(text(resolution, "SoKyHieu") == S("NQ/HU"));
    CHECK(text(outgoing(S("Quy định")), "KyHieu") == S("QĐi/HU"));
    CHECK(text(outgoing(S("Công văn")), "KyHieu") == S("CV/HU"));
    CHECK(text(outgoing(S("Quy định"), {S("SoVanBan=") + stateBook}), "KyHieu") == S("QyĐ-UBND"));
    CHECK(text(outgoing(S("Công văn"), {S("SoVanBan=") + stateBook}), "KyHieu") == S("UBND"));
    // A ký hiệu the văn thư typed is never replaced.
    CHECK(text(outgoing(S("Nghị quyết"), {S("KyHieu=NQ/BTV")}), "KyHieu") == S("NQ/BTV"));

    // `doc list --form` leaves a database's own data out of a list of its documents.
    const QStringList outgoingOnly =
        senctl.ok({S("doc"), S("list"), S("vanban"), S("--form"), S("VanBanDi,VanBanNoiBo")}).split(u'\n');
    CHECK(outgoingOnly.size() == 6);
    for (const QString& line : outgoingOnly)
        CHECK(line.section(u'\t', 1, 1) == S("VanBanDi"));
    CHECK(senctl.ok({S("doc"), S("list"), S("vanban")}).split(u'\n').size() > 40);

    // Retired: no longer listed, still there with --all.
    senctl.ok({S("catalog"), S("retire"), S("vanban"), S("--catalogue"), S("LoaiVanBan"), S("--name"),
               S("Phiếu báo")});
    CHECK_FALSE(senctl.ok({S("catalog"), S("list"), S("vanban"), S("--catalogue"), S("LoaiVanBan")})
                    .contains(S("Phiếu báo")));
    CHECK(senctl.ok({S("catalog"), S("list"), S("vanban"), S("--catalogue"), S("LoaiVanBan"), S("--all")})
              .contains(S("Phiếu báo")));
}

TEST_CASE("The working calendar through senctl: holidays, the office's days, working days added",
          "[client][workdays][senctl]")
{
    Senctl senctl;
    senctl.ok({S("db"), S("create"), S("vanban"), S("--kind"), S("documents")});
    const QString year = senctl.ok({S("workdays"), S("vanban"), S("--year"), S("2026")});
    CHECK(year.contains(S("17/02/2026\tTết Nguyên đán")));
    CHECK(year.contains(S("27/04/2026\tNghỉ bù Giỗ Tổ Hùng Vương")));
    CHECK_FALSE(year.contains(S("Thứ Bảy")));
    CHECK(senctl.ok({S("workdays"), S("vanban"), S("--from"), S("2026-02-13"), S("--add"), S("1")}) ==
          S("2026-02-23"));

    // The office works Saturday 10/1/2026 and takes Friday 2/1 off.
    senctl.ok({S("doc"), S("create"), S("vanban"), S("--form"), S("LichNghi"), S("--set"),
               S("Ngay:datetime=2026-01-02"), S("--set"), S("Loai=Nghỉ"), S("--set"),
               S("Ten=Hoán đổi ngày làm việc")});
    senctl.ok({S("doc"), S("create"), S("vanban"), S("--form"), S("LichNghi"), S("--set"),
               S("Ngay:datetime=2026-01-10"), S("--set"), S("Loai=Làm việc"), S("--set"),
               S("Ten=Làm bù cho ngày 2/1")});
    CHECK(senctl.ok({S("workdays"), S("vanban"), S("--from"), S("2026-01-01"), S("--to"), S("2026-01-10")}) ==
          S("01/01/2026\tTết Dương lịch\n02/01/2026\tHoán đổi ngày làm việc"));
    const QJsonArray days =
        QJsonDocument::fromJson(senctl
                                    .ok({S("workdays"), S("vanban"), S("--from"), S("2026-01-01"), S("--to"),
                                         S("2026-01-11"), S("--json")})
                                    .toUtf8())
            .array();
    CHECK(days.size() == 5); // 1/1, 2/1, the weekend 3-4/1 and Sunday 11/1; not Saturday 10/1, worked
    CHECK(senctl.ok({S("workdays"), S("vanban"), S("--from"), S("2026-01-09"), S("--add"), S("1")}) ==
          S("2026-01-10"));
    CHECK(senctl({S("workdays"), S("vanban"), S("--from"), S("2026-13-01"), S("--add"), S("1")}).code == 1);
    CHECK(senctl({S("workdays"), S("vanban")}).code == 2);
}
