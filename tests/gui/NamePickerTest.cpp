// The name picker of names fields (issue #14; docs/directory.md): over an address book as a sync
// would have stored it, typing in a names field suggests entries without diacritics and choosing
// one puts its hierarchical name in place of what was typed; the "…" button's dialog ticks
// several entries; a save meeting an ambiguous short name asks who is meant (Cancel writes
// nothing), and an unknown one is refused with the message. Offscreen, with screenshots.

#include "client/gui/forms/NamePicker.h"

#include "client/core/DirectoryFile.h"
#include "client/gui/forms/NameChoiceDialog.h"
#include "client/gui/forms/NamePickerDialog.h"
#include "tests/gui/GuiFixture.h"
#include "tests/gui/GuiScreenshot.h"

#include <QAbstractItemView>
#include <QAction>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QTest>

#include <functional>

using namespace sen;
using sen::test::fill;
using sen::test::GuiFixture;

namespace {

const QString kServer = QStringLiteral("127.0.0.1:7443");

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

QString full(const char* name)
{
    return S(name) + QStringLiteral("/VPTU/HaNoi");
}

// The workspace's "docs" as a replica of a server whose directory the last sync brought.
struct PickerFixture : GuiFixture
{
    PickerFixture()
    {
        REQUIRE(
            store(QStringLiteral("docs"))->setSetting(QStringLiteral("replication.server"), kServer).isOk());
        protocol::DirectoryListing listing;
        listing.people = {full("Nguyễn Văn An"), full("Trần Thị An"), full("Lê Văn Cường"),
                          S("Đỗ Đức Dũng/PhongHC/VPTU/HaNoi")};
        listing.groups = {{S("Lãnh đạo VPTU"), {full("Nguyễn Văn An"), full("Lê Văn Cường")}}};
        listing.roles = {{QStringLiteral("[LanhDao]"), {S("Lãnh đạo VPTU")}}};
        const client::DirectoryFile file(client::DirectoryFile::pathIn(workspace->home()));
        REQUIRE(file.store(kServer, store(QStringLiteral("docs"))->info().replicaId.toHex(), listing).isOk());
    }

    Unid letter()
    {
        auto page = create(QStringLiteral("docs"), QStringLiteral("VanBanDen"));
        fill(*page, QStringLiteral("SoDen"), QStringLiteral("7"));
        fill(*page, QStringLiteral("SoKyHieu"), QStringLiteral("312/UBND-VP"));
        fill(*page, QStringLiteral("NgayBanHanh"), QStringLiteral("17/11/2026"));
        fill(*page, QStringLiteral("CoQuanBanHanh"), QStringLiteral("UBND huyện Kim Bảng"));
        fill(*page, QStringLiteral("TrichYeu"), QStringLiteral("V/v chuẩn bị Hội nghị"));
        REQUIRE(page->save().isOk());
        return page->unid();
    }

    std::unique_ptr<gui::DocumentPage> slip(const Unid& parent, const QString& handler)
    {
        auto page = create(QStringLiteral("docs"), QStringLiteral("PhieuXuLy"), parent);
        fill(*page, QStringLiteral("NguoiXuLy"), handler);
        fill(*page, QStringLiteral("HanXuLy"), QStringLiteral("25/11/2026"));
        fill(*page, QStringLiteral("NoiDungChiDao"), S("Đề nghị chủ trì chuẩn bị nội dung."));
        return page;
    }
};

QLineEdit* namesField(gui::DocumentPage& page, const QString& item)
{
    auto* edit = qobject_cast<QLineEdit*>(page.form().editor(item)->widget());
    REQUIRE(edit != nullptr);
    return edit;
}

// Runs `act` on the next modal dialog of type T once it shows (exec() runs its own loop).
template <typename T>
void onNextDialog(std::function<void(T&)> act, bool* shown)
{
    auto* timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, act, shown] {
        auto* dialog = qobject_cast<T*>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        *shown = true;
        timer->stop();
        timer->deleteLater();
        act(*dialog);
    });
    timer->start();
}

} // namespace

TEST_CASE("Name picker: typing suggests without diacritics, choosing puts the hierarchical name",
          "[gui][directory]")
{
    PickerFixture fx;
    const Unid parent = fx.letter();
    auto page = fx.create(QStringLiteral("docs"), QStringLiteral("PhieuXuLy"), parent);
    page->resize(900, 700);
    page->show();
    QLineEdit* edit = namesField(*page, QStringLiteral("NguoiXuLy"));
    auto* picker = edit->findChild<gui::NamePicker*>();
    REQUIRE(picker != nullptr);

    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("cuong"));
    QAbstractItemModel* suggestions = picker->completer()->model();
    REQUIRE(suggestions->rowCount() == 1);
    CHECK(suggestions->index(0, 0).data(Qt::UserRole).toString() == full("Lê Văn Cường"));
    CHECK(suggestions->index(0, 0).data().toString() == S("Lê Văn Cường — VPTU/HaNoi"));
    test::shoot(*page, QStringLiteral("name-picker-field"));
    if (picker->completer()->popup()->isVisible())
        test::shoot(*picker->completer()->popup(), QStringLiteral("name-picker-suggestions"));
    Q_EMIT picker->completer()->activated(suggestions->index(0, 0));
    CHECK(edit->text() == full("Lê Văn Cường"));

    // The next value, after ';': "an" offers both An (and the group whose words match).
    QTest::keyClicks(edit, QStringLiteral("; an"));
    QStringList offered;
    for (int row = 0; row < suggestions->rowCount(); ++row)
        offered << suggestions->index(row, 0).data(Qt::UserRole).toString();
    CHECK(offered.contains(full("Nguyễn Văn An")));
    CHECK(offered.contains(full("Trần Thị An")));
    picker->choose(full("Trần Thị An"));
    CHECK(edit->text() == full("Lê Văn Cường") + QStringLiteral("; ") + full("Trần Thị An"));

    // The dialog: search "phong", tick the unit and the role; both are added.
    bool shown = false;
    onNextDialog<gui::NamePickerDialog>(
        [](gui::NamePickerDialog& dialog) {
            dialog.search(QStringLiteral("lanh dao"));
            CHECK(dialog.list()->count() == 2);
            dialog.setTicked(QStringLiteral("[LanhDao]"), true);
            dialog.search(QStringLiteral("phonghc"));
            dialog.setTicked(QStringLiteral("*/PhongHC/VPTU/HaNoi"), true);
            dialog.search(QString());
            test::shoot(dialog, QStringLiteral("name-picker-dialog"));
            dialog.accept();
        },
        &shown);
    edit->findChild<QAction*>(QStringLiteral("pickNames"))->trigger();
    REQUIRE(shown);
    CHECK(edit->text() == full("Lê Văn Cường") + QStringLiteral("; ") + full("Trần Thị An") +
                              QStringLiteral("; [LanhDao]; */PhongHC/VPTU/HaNoi"));
    // Read mode: no button, no suggestions.
    page->form().setEditing(false);
    CHECK_FALSE(edit->findChild<QAction*>(QStringLiteral("pickNames"))->isVisible());
}

TEST_CASE("Name picker: a save meeting an ambiguous short name asks who is meant; Cancel writes nothing",
          "[gui][directory]")
{
    PickerFixture fx;
    const Unid parent = fx.letter();
    auto page = fx.slip(parent, QStringLiteral("An"));
    page->resize(900, 700);
    page->show();

    bool shown = false;
    onNextDialog<gui::NameChoiceDialog>([](gui::NameChoiceDialog& dialog) { dialog.reject(); }, &shown);
    CHECK(page->save().code() == ErrorCode::Cancelled);
    CHECK(shown);
    CHECK(fx.store(QStringLiteral("docs"))->get(page->unid()).code() == ErrorCode::NotFound);

    shown = false;
    onNextDialog<gui::NameChoiceDialog>(
        [](gui::NameChoiceDialog& dialog) {
            REQUIRE(dialog.list()->count() == 2);
            dialog.list()->setCurrentRow(1);
            CHECK(dialog.chosen() == full("Trần Thị An"));
            test::shoot(dialog, QStringLiteral("name-choice-dialog"));
            dialog.accept();
        },
        &shown);
    REQUIRE(page->save().isOk());
    CHECK(shown);
    const Document saved = fx.get(QStringLiteral("docs"), page->unid());
    CHECK(saved.item(QStringLiteral("NguoiXuLy"))->toList() == QStringList{full("Trần Thị An")});
    CHECK(saved.item(QStringLiteral("QuyenSua"))->toList().contains(full("Trần Thị An")));
    CHECK(page->form().editor(QStringLiteral("NguoiXuLy"))->text() == full("Trần Thị An"));
}

TEST_CASE("Name picker: an unknown name is refused with the message, nothing written", "[gui][directory]")
{
    PickerFixture fx;
    const Unid parent = fx.letter();
    auto page = fx.slip(parent, S("Hùng"));
    const Status refused = page->save();
    CHECK(refused.code() == ErrorCode::InvalidArgument);
    CHECK(refused.message().contains(S("\"Hùng\"")));
    CHECK(fx.store(QStringLiteral("docs"))->get(page->unid()).code() == ErrorCode::NotFound);
    const auto labels = page->findChildren<QLabel*>();
    CHECK(std::any_of(labels.begin(), labels.end(),
                      [](QLabel* l) { return !l->isHidden() && l->text().contains(S("Hùng")); }));
}
