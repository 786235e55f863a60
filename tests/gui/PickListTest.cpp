// The forms' pick lists (docs/catalogues.md): a field with a catalogue offers the database's
// entries — not a list compiled into sen — finds them typed without marks or by their
// abbreviation, hides retired ones, and keeps a value typed outside the list.

#include "client/gui/forms/PickList.h"

#include "tests/gui/GuiFixture.h"
#include "tests/gui/GuiScreenshot.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>

using sen::DocumentEdit;
using sen::Item;
using sen::test::fill;
using sen::test::GuiFixture;

namespace {

QComboBox* comboOf(sen::gui::DocumentPage& page, const QString& item)
{
    sen::gui::FieldEditor* editor = page.form().editor(item);
    REQUIRE(editor);
    auto* combo = qobject_cast<QComboBox*>(editor->widget());
    REQUIRE(combo);
    return combo;
}

QStringList completions(QComboBox* combo, const QString& typed)
{
    QCompleter* completer = combo->completer();
    REQUIRE(completer);
    completer->setCompletionPrefix(typed);
    QStringList found;
    for (int i = 0; completer->setCurrentRow(i); ++i)
        found << completer->currentCompletion();
    return found;
}

} // namespace

TEST_CASE("Pick lists offer the database's catalogue and find values without diacritics")
{
    GuiFixture fx;
    auto session = fx.session(QStringLiteral("docs"));
    REQUIRE(session->addDefaultCatalogueEntries().isOk());
    DocumentEdit body = DocumentEdit::create(QStringLiteral("DanhMuc"));
    body.set(Item::text(QStringLiteral("LoaiDanhMuc"), QStringLiteral("Cơ quan ban hành")))
        .set(Item::text(QStringLiteral("Ten"), QStringLiteral("Tỉnh ủy Hà Nam")))
        .set(Item::text(QStringLiteral("MaDinhDanh"), QStringLiteral("000.00.00.H35")));
    REQUIRE(session->save(body).isOk());
    DocumentEdit retired = DocumentEdit::create(QStringLiteral("DanhMuc"));
    retired.set(Item::text(QStringLiteral("LoaiDanhMuc"), QStringLiteral("LoaiVanBan")))
        .set(Item::text(QStringLiteral("Ten"), QStringLiteral("Điện mật")))
        .set(Item::text(QStringLiteral("NgungDung"), QStringLiteral("Có")));
    REQUIRE(session->save(retired).isOk());

    auto page = fx.create(QStringLiteral("docs"), QStringLiteral("VanBanDen"));
    QComboBox* types = comboOf(*page, QStringLiteral("LoaiVanBan"));
    CHECK(types->isEditable());
    CHECK(types->findText(QStringLiteral("Quyết định")) > 0);
    CHECK(types->findText(QStringLiteral("Kết luận")) > 0);
    CHECK(types->findText(QStringLiteral("Điện mật")) < 0); // retired: not offered
    const QStringList quyet = completions(types, QStringLiteral("quyet"));
    CHECK(quyet.contains(QStringLiteral("Quyết định")));
    CHECK(quyet.contains(QStringLiteral("Nghị quyết")));
    CHECK_FALSE(quyet.contains(QStringLiteral("Quy định")));
    CHECK(completions(types, QStringLiteral("QĐi")) == QStringList{QStringLiteral("Quy định")});
    CHECK(completions(types, QStringLiteral("dieu le dang")) == QStringList{QStringLiteral("Điều lệ Đảng")});

    // What the văn thư sees typing "quyet": the list drops down with the matching types.
    page->resize(900, 700);
    page->show();
    types->setFocus();
    types->completer()->setCompletionPrefix(QStringLiteral("quyet"));
    types->completer()->complete();
    REQUIRE(types->completer()->popup()->isVisible());
    sen::test::shoot(*types->completer()->popup(), QStringLiteral("picklist-quyet"));
    types->completer()->popup()->hide();

    QComboBox* bodies = comboOf(*page, QStringLiteral("CoQuanBanHanh"));
    CHECK(completions(bodies, QStringLiteral("tinh uy")) == QStringList{QStringLiteral("Tỉnh ủy Hà Nam")});
    CHECK(completions(bodies, QStringLiteral("H35")) == QStringList{QStringLiteral("Tỉnh ủy Hà Nam")});

    // A value outside the list is kept and saved; the chosen body brings its code.
    fill(*page, QStringLiteral("NgayDen"), QStringLiteral("16/11/2026"));
    fill(*page, QStringLiteral("SoKyHieu"), QStringLiteral("125-QĐ/TU"));
    fill(*page, QStringLiteral("NgayBanHanh"), QStringLiteral("12/11/2026"));
    fill(*page, QStringLiteral("CoQuanBanHanh"), QStringLiteral("Tỉnh ủy Hà Nam"));
    fill(*page, QStringLiteral("LoaiVanBan"), QStringLiteral("Điện báo"));
    fill(*page, QStringLiteral("TrichYeu"), QStringLiteral("Về việc kiểm tra"));
    REQUIRE(page->save().isOk());
    const sen::Document saved = fx.get(QStringLiteral("docs"), page->unid());
    CHECK(saved.text(QStringLiteral("LoaiVanBan")) == QStringLiteral("Điện báo"));
    CHECK(saved.text(QStringLiteral("OrganId")) == QStringLiteral("000.00.00.H35"));
    CHECK(comboOf(*page, QStringLiteral("LoaiVanBan"))->currentText() == QStringLiteral("Điện báo"));
}
