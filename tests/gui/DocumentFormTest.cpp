// The document forms of the three databases driven through their editors: create, save,
// reopen, edit one field and check that only that item got a new stamp.

#include "client/gui/forms/DocumentPreview.h"
#include "tests/gui/GuiFixture.h"

#include <QTimeZone>

using sen::Document;
using sen::Item;
using sen::ItemType;
using sen::Unid;
using sen::test::fill;
using sen::test::GuiFixture;

namespace {

// Items whose stamps differ between two versions.
QStringList restamped(const Document& before, const Document& after)
{
    QStringList names;
    for (const Item& item : after.items) {
        const Item* old = before.anyItem(item.name);
        if (!old || !(old->stamp == item.stamp))
            names << item.name;
    }
    return names;
}

QDateTime utcDay(int y, int m, int d)
{
    return QDateTime(QDate(y, m, d), QTime(0, 0), QTimeZone::utc());
}

} // namespace

TEST_CASE("An incoming document is registered through its form and edited field by field")
{
    // A clerk fills in a new incoming document, saves it, reopens it, changes only where
    // its paper original is kept: every field reads back with its type, and only that item
    // gets a new stamp.
    GuiFixture fx;
    auto page = fx.create(QStringLiteral("docs"), QStringLiteral("VanBanDen"));
    CHECK(page->isNew());
    CHECK(page->isEditing());
    fill(*page, QStringLiteral("SoDen"), QStringLiteral("1245"));
    fill(*page, QStringLiteral("NgayDen"), QStringLiteral("16/11/2026"));
    fill(*page, QStringLiteral("SoKyHieu"), QStringLiteral("125-QĐ/TU"));
    fill(*page, QStringLiteral("NgayBanHanh"), QStringLiteral("12/11/2026"));
    fill(*page, QStringLiteral("CoQuanBanHanh"), QStringLiteral("Tỉnh ủy Hà Nam"));
    fill(*page, QStringLiteral("LoaiVanBan"), QStringLiteral("Quyết định"));
    fill(*page, QStringLiteral("TrichYeu"), QStringLiteral("Quyết định về việc thành lập Đoàn kiểm tra"));
    fill(*page, QStringLiteral("DoKhan"), QStringLiteral("Khẩn"));
    fill(*page, QStringLiteral("NoiNhan"), QStringLiteral("Ban Thường vụ Huyện ủy\nVăn phòng Huyện ủy\n"));
    fill(*page, QStringLiteral("HanXuLy"), QStringLiteral("30/11/2026"));
    REQUIRE(page->save().isOk());
    CHECK_FALSE(page->isNew());
    const Unid unid = page->unid();
    page.reset();

    const Document saved = fx.get(QStringLiteral("docs"), unid);
    CHECK(saved.form == QStringLiteral("VanBanDen"));
    CHECK(saved.item(QStringLiteral("SoDen"))->toNumber() == 1245);
    CHECK(saved.item(QStringLiteral("NgayDen"))->toDateTime() == utcDay(2026, 11, 16));
    CHECK(saved.text(QStringLiteral("SoKyHieu")) == QStringLiteral("125-QĐ/TU"));
    CHECK(saved.text(QStringLiteral("DoKhan")) == QStringLiteral("Khẩn"));
    CHECK(saved.text(QStringLiteral("DoMat")) == QStringLiteral("Thường")); // the default
    CHECK(saved.item(QStringLiteral("NoiNhan"))->type == ItemType::TextList);
    CHECK(saved.item(QStringLiteral("NoiNhan"))->toList() ==
          QStringList{QStringLiteral("Ban Thường vụ Huyện ủy"), QStringLiteral("Văn phòng Huyện ủy")});
    CHECK(saved.item(QStringLiteral("SoKyHieu"))->flags & sen::Summary);
    CHECK(saved.item(QStringLiteral("NoiDung")) == nullptr); // left empty: not written

    auto reopened = fx.open(QStringLiteral("docs"), unid);
    CHECK_FALSE(reopened->isEditing());
    CHECK(reopened->title() == QStringLiteral("125-QĐ/TU — Quyết định về việc thành lập Đoàn kiểm tra"));
    CHECK(reopened->form().editor(QStringLiteral("NgayDen"))->text() == QStringLiteral("16/11/2026"));
    CHECK_FALSE(reopened->form().isModified());
    reopened->setEditing(true);
    fill(*reopened, QStringLiteral("NoiLuuBanGiay"), QStringLiteral("Tủ hồ sơ số 2"));
    CHECK(reopened->form().changedItems() == QStringList{QStringLiteral("NoiLuuBanGiay")});
    REQUIRE(reopened->save().isOk());
    const Document edited = fx.get(QStringLiteral("docs"), unid);
    CHECK(restamped(saved, edited) == QStringList{QStringLiteral("NoiLuuBanGiay")});
    CHECK(edited.text(QStringLiteral("NoiLuuBanGiay")) == QStringLiteral("Tủ hồ sơ số 2"));

    // Clearing a field removes its item (a tombstone, so the removal replicates).
    fill(*reopened, QStringLiteral("NguoiKy"), QString());
    fill(*reopened, QStringLiteral("HanXuLy"), QString());
    REQUIRE(reopened->save().isOk());
    const Document cleared = fx.get(QStringLiteral("docs"), unid);
    CHECK(cleared.item(QStringLiteral("HanXuLy")) == nullptr);
    CHECK(cleared.anyItem(QStringLiteral("HanXuLy"))->isTombstone());
    CHECK(restamped(edited, cleared) == QStringList{QStringLiteral("HanXuLy")});
}

TEST_CASE("An outgoing and an internal document are saved from their forms")
{
    // Both share the document fields; the outgoing one also records copies issued.
    GuiFixture fx;
    for (const QString& form : {QStringLiteral("VanBanDi"), QStringLiteral("VanBanNoiBo")}) {
        auto page = fx.create(QStringLiteral("docs"), form);
        fill(*page, QStringLiteral("SoKyHieu"), QStringLiteral("45-CV/HU"));
        fill(*page, QStringLiteral("NgayBanHanh"), QStringLiteral("20/11/2026"));
        fill(*page, QStringLiteral("CoQuanBanHanh"), QStringLiteral("Huyện ủy Kim Bảng"));
        fill(*page, QStringLiteral("TrichYeu"), QStringLiteral("V/v báo cáo công tác tháng 11"));
        fill(*page, QStringLiteral("NoiNhan"), QStringLiteral("Tỉnh ủy Hà Nam"));
        if (form == QStringLiteral("VanBanDi"))
            fill(*page, QStringLiteral("SoBan"), QStringLiteral("5"));
        REQUIRE(page->save().isOk());
        const Document doc = fx.get(QStringLiteral("docs"), page->unid());
        CHECK(doc.form == form);
        CHECK(doc.text(QStringLiteral("LoaiVanBan")) == QStringLiteral("Công văn")); // the initial type
        CHECK(doc.item(QStringLiteral("NgayBanHanh"))->toDateTime() == utcDay(2026, 11, 20));
        if (form == QStringLiteral("VanBanDi"))
            CHECK(doc.item(QStringLiteral("SoBan"))->toNumber() == 5);
        else
            CHECK(page->form().editor(QStringLiteral("SoBan")) == nullptr);
    }
}

TEST_CASE("A calendar entry is created and its time changed alone")
{
    // A schedule entry with date, session, time, content, presiding, participants, place and
    // preparing unit; moving it to 14:00 restamps only Gio.
    GuiFixture fx;
    auto page = fx.create(QStringLiteral("cal"), QStringLiteral("LichCongTac"));
    fill(*page, QStringLiteral("Ngay"), QStringLiteral("23/11/2026"));
    fill(*page, QStringLiteral("Buoi"), QStringLiteral("Sáng"));
    fill(*page, QStringLiteral("Gio"), QStringLiteral("07:30"));
    fill(*page, QStringLiteral("NoiDung"), QStringLiteral("Giao ban Thường trực Huyện ủy"));
    fill(*page, QStringLiteral("ChuTri"), QStringLiteral("Đồng chí Bí thư Huyện ủy"));
    fill(*page, QStringLiteral("ThanhPhan"),
         QStringLiteral("Thường trực Huyện ủy\nChánh Văn phòng Huyện ủy"));
    fill(*page, QStringLiteral("DiaDiem"), QStringLiteral("Phòng họp số 1"));
    fill(*page, QStringLiteral("DonViChuanBi"), QStringLiteral("Văn phòng Huyện ủy"));
    REQUIRE(page->save().isOk());
    CHECK(page->title() == QStringLiteral("23/11/2026 — Sáng — Giao ban Thường trực Huyện ủy"));
    const Document saved = fx.get(QStringLiteral("cal"), page->unid());
    CHECK(saved.text(QStringLiteral("Gio")) == QStringLiteral("07:30"));
    CHECK(saved.item(QStringLiteral("ThanhPhan"))->toList().size() == 2);

    fill(*page, QStringLiteral("Gio"), QStringLiteral("14:00"));
    fill(*page, QStringLiteral("Buoi"), QStringLiteral("Chiều"));
    REQUIRE(page->save().isOk());
    const Document moved = fx.get(QStringLiteral("cal"), page->unid());
    QStringList changed = restamped(saved, moved);
    changed.sort();
    CHECK(changed == QStringList{QStringLiteral("Buoi"), QStringLiteral("Gio")});

    // A time that is not hh:mm is refused next to the field.
    fill(*page, QStringLiteral("Gio"), QStringLiteral("25:99"));
    CHECK_FALSE(page->save().isOk());
    CHECK(fx.get(QStringLiteral("cal"), page->unid()).text(QStringLiteral("Gio")) == QStringLiteral("14:00"));
}

TEST_CASE("A news article keeps its formatted body through a save and a reopen")
{
    // Title, summary, category and a body with bold text: the body is stored as rich text
    // and the preview renders it with the form's labels.
    GuiFixture fx;
    auto page = fx.create(QStringLiteral("news"), QStringLiteral("TinTuc"));
    fill(*page, QStringLiteral("TieuDe"), QStringLiteral("Hội nghị Ban Chấp hành Đảng bộ huyện"));
    fill(*page, QStringLiteral("TomTat"), QStringLiteral("Sáng 24/11, Hội nghị lần thứ 15."));
    fill(*page, QStringLiteral("ChuyenMuc"), QStringLiteral("Xây dựng Đảng"));
    fill(*page, QStringLiteral("NoiDung"),
         QStringLiteral("<p>Hội nghị đã thảo luận <b>dự thảo Báo cáo</b>.</p>"));
    REQUIRE(page->save().isOk());
    const Document saved = fx.get(QStringLiteral("news"), page->unid());
    const Item* body = saved.item(QStringLiteral("NoiDung"));
    REQUIRE(body != nullptr);
    CHECK(body->type == ItemType::RichText);
    CHECK(body->toText().contains(QStringLiteral("font-weight:700")));
    CHECK(body->toText().contains(QStringLiteral("dự thảo Báo cáo")));
    CHECK(saved.item(QStringLiteral("NgayDang")) != nullptr); // defaults to now

    auto reopened = fx.open(QStringLiteral("news"), page->unid());
    CHECK(reopened->title() == QStringLiteral("Hội nghị Ban Chấp hành Đảng bộ huyện"));
    CHECK_FALSE(reopened->form().isModified());

    sen::gui::DocumentPreview preview;
    preview.show(*fx.session(QStringLiteral("news")), saved);
    CHECK(preview.html().contains(QStringLiteral("Hội nghị Ban Chấp hành Đảng bộ huyện")));
    CHECK(preview.html().contains(QStringLiteral("Category")));
    CHECK(preview.toPlainText().contains(QStringLiteral("dự thảo Báo cáo")));
    preview.clear();
    CHECK(preview.toPlainText().isEmpty());
}
