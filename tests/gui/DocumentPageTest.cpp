// The document page around the form: responses, validation before saving, the secrecy
// rule, closing with unsaved changes, and a save that fails.

#include "tests/gui/GuiFixture.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QMenu>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>
#include <QWheelEvent>

#include <tuple>

using sen::Document;
using sen::ErrorCode;
using sen::Unid;
using sen::test::answerNextMessageBox;
using sen::test::fill;
using sen::test::GuiFixture;

namespace {

Unid saveIncoming(GuiFixture& fx, const QString& abstract = QStringLiteral("V/v chuẩn bị Hội nghị"))
{
    auto page = fx.create(QStringLiteral("docs"), QStringLiteral("VanBanDen"));
    fill(*page, QStringLiteral("SoDen"), QStringLiteral("7"));
    fill(*page, QStringLiteral("SoKyHieu"), QStringLiteral("312/UBND-VP"));
    fill(*page, QStringLiteral("NgayBanHanh"), QStringLiteral("17/11/2026"));
    fill(*page, QStringLiteral("CoQuanBanHanh"), QStringLiteral("UBND huyện Kim Bảng"));
    fill(*page, QStringLiteral("TrichYeu"), abstract);
    REQUIRE(page->save().isOk());
    return page->unid();
}

bool problemShown(sen::gui::DocumentPage& page, const QString& item)
{
    QWidget* editor = page.form().editor(item)->widget();
    const auto labels = editor->parentWidget()->findChildren<QLabel*>();
    return std::any_of(labels.begin(), labels.end(),
                       [](QLabel* l) { return !l->isHidden() && !l->text().isEmpty(); });
}

} // namespace

TEST_CASE("A processing slip and a comment are saved as responses and listed under the document")
{
    // The leader assigns the incoming document and a handler comments; both are responses
    // to it, listed on its page, and the slip fills in who assigned it.
    GuiFixture fx;
    const Unid parent = saveIncoming(fx);
    auto main = fx.open(QStringLiteral("docs"), parent);
    CHECK(main->responseUnids().empty());
    QSignalSpy requested(main.get(), &sen::gui::DocumentPage::createRequested);
    main->findChild<QAction*>(QStringLiteral("PhieuXuLy"))->trigger();
    REQUIRE(requested.size() == 1);
    CHECK(requested.front().at(1).toString() == QStringLiteral("PhieuXuLy"));

    auto slip = fx.create(QStringLiteral("docs"), QStringLiteral("PhieuXuLy"), parent);
    CHECK(slip->form().editor(QStringLiteral("NguoiGiao"))->text() ==
          QStringLiteral("Nguyễn Văn A/VPHU/HaNam"));
    fill(*slip, QStringLiteral("NguoiXuLy"), QStringLiteral("Trần Văn B/VPHU/HaNam"));
    fill(*slip, QStringLiteral("NguoiPhoiHop"), QStringLiteral("Lê Thị C/VPHU/HaNam"));
    fill(*slip, QStringLiteral("HanXuLy"), QStringLiteral("25/11/2026"));
    fill(*slip, QStringLiteral("NoiDungChiDao"),
         QStringLiteral("Đề nghị Văn phòng chủ trì chuẩn bị nội dung."));
    REQUIRE(slip->save().isOk());
    auto comment = fx.create(QStringLiteral("docs"), QStringLiteral("YKien"), parent);
    fill(*comment, QStringLiteral("NoiDung"), QStringLiteral("Đồng ý."));
    REQUIRE(comment->save().isOk());

    const Document slipDoc = fx.get(QStringLiteral("docs"), slip->unid());
    CHECK(slipDoc.parent == parent);
    CHECK(slipDoc.text(QStringLiteral("CapYKien")) == QStringLiteral("Lãnh đạo cơ quan")); // the first choice
    CHECK(slipDoc.item(QStringLiteral("NguoiGiao"))->toList() ==
          QStringList{QStringLiteral("Nguyễn Văn A/VPHU/HaNam")});
    CHECK(slipDoc.item(QStringLiteral("NgayGiao"))->toDateTime().isValid());
    CHECK(fx.get(QStringLiteral("docs"), comment->unid()).parent == parent);

    // The saves notified the replica's pages: the main document lists both responses.
    const std::vector<Unid> listed = main->responseUnids();
    CHECK(listed.size() == 2);
    CHECK(std::count(listed.begin(), listed.end(), slip->unid()) == 1);
    QSignalSpy opened(main.get(), &sen::gui::DocumentPage::openRequested);
    Q_EMIT main->responseList().itemActivated(main->responseList().topLevelItem(0), 0);
    CHECK(opened.size() == 1);

    // A direction is answered by its reports and nothing else (client/forms/ResponseForms.h); a
    // comment has no responses of its own, and the calendar offers none.
    QAction* respond = slip->findChild<QAction*>(QStringLiteral("newResponse"));
    CHECK(respond->isVisible());
    QStringList offered;
    for (const QAction* action : respond->menu()->actions())
        offered << action->objectName();
    CHECK(offered == QStringList{QStringLiteral("BaoCaoXuLy")});
    CHECK_FALSE(comment->findChild<QAction*>(QStringLiteral("newResponse"))->isVisible());
    CHECK(sen::gui::DocumentPage::create(*fx.replicas, QStringLiteral("docs"), QStringLiteral("BaoCaoXuLy"),
                                         parent)
              .code() == ErrorCode::InvalidArgument);
    CHECK(sen::gui::DocumentPage::create(*fx.replicas, QStringLiteral("docs"), QStringLiteral("YKien"))
              .code() == ErrorCode::InvalidArgument);
    CHECK(sen::gui::DocumentPage::create(*fx.replicas, QStringLiteral("cal"), QStringLiteral("VanBanDen"))
              .code() == ErrorCode::InvalidArgument);
}

TEST_CASE("Required fields left empty keep the document from being saved")
{
    // A new incoming document with only its abstract filled in: the save is refused, the
    // empty required fields say so, nothing is written; filled in, it saves.
    GuiFixture fx;
    auto page = fx.create(QStringLiteral("docs"), QStringLiteral("VanBanDen"));
    fill(*page, QStringLiteral("TrichYeu"), QStringLiteral("V/v kiểm tra"));
    const sen::Status status = page->save();
    CHECK(status.code() == ErrorCode::InvalidArgument);
    CHECK(problemShown(*page, QStringLiteral("SoKyHieu")));
    CHECK_FALSE(problemShown(*page, QStringLiteral("SoDen"))); // the server gives it (docs/registers.md)
    CHECK_FALSE(problemShown(*page, QStringLiteral("TrichYeu")));
    CHECK(page->isNew());
    CHECK(fx.store(QStringLiteral("docs"))->documentCount().valueOr(-1) == 0);

    fill(*page, QStringLiteral("SoDen"), QStringLiteral("3"));
    fill(*page, QStringLiteral("SoKyHieu"), QStringLiteral("07-HD/UBKTTU"));
    fill(*page, QStringLiteral("NgayBanHanh"), QStringLiteral("31/02/2026")); // no such day
    fill(*page, QStringLiteral("CoQuanBanHanh"), QStringLiteral("UBKT Tỉnh ủy"));
    CHECK_FALSE(page->save().isOk());
    CHECK(problemShown(*page, QStringLiteral("NgayBanHanh")));
    fill(*page, QStringLiteral("NgayBanHanh"), QStringLiteral("28/02/2026"));
    CHECK(page->save().isOk());
    CHECK_FALSE(problemShown(*page, QStringLiteral("SoKyHieu")));
}

TEST_CASE("A document marked Mật refuses a body and attachments")
{
    // Marking a document with a body Mật: the form explains the secrecy rule, the save is
    // refused next to the body, and the attachment list takes no file; once the body is
    // cleared the register entry saves, and its empty body field is closed.
    GuiFixture fx;
    auto page = fx.create(QStringLiteral("docs"), QStringLiteral("VanBanDen"));
    fill(*page, QStringLiteral("SoDen"), QStringLiteral("9"));
    fill(*page, QStringLiteral("SoKyHieu"), QStringLiteral("12-CV/TU"));
    fill(*page, QStringLiteral("NgayBanHanh"), QStringLiteral("10/11/2026"));
    fill(*page, QStringLiteral("CoQuanBanHanh"), QStringLiteral("Tỉnh ủy Hà Nam"));
    fill(*page, QStringLiteral("TrichYeu"), QStringLiteral("V/v công tác bảo vệ chính trị nội bộ"));
    fill(*page, QStringLiteral("NoiDung"), QStringLiteral("<p>Nội dung mật</p>"));
    auto* banner = page->findChild<QLabel*>(QStringLiteral("secrecyBanner"));
    CHECK(banner->isHidden());
    fill(*page, QStringLiteral("DoMat"), QStringLiteral("Mật"));
    CHECK_FALSE(banner->isHidden());
    CHECK(banner->text().contains(QStringLiteral("Mật")));
    CHECK(page->form().editor(QStringLiteral("NoiDung"))->widget()->isEnabled()); // so it can be cleared
    CHECK_FALSE(page->form().editor(QStringLiteral("GhiChu"))->widget()->isEnabled());

    CHECK_FALSE(page->save().isOk());
    CHECK(problemShown(*page, QStringLiteral("NoiDung")));
    CHECK(fx.store(QStringLiteral("docs"))->documentCount().valueOr(-1) == 0);

    QSignalSpy refused(page->form().attachments(), &sen::gui::AttachmentPanel::failed);
    const QString file = fx.dir.path(QStringLiteral("scan.pdf"));
    REQUIRE(sen::test::writeFile(file, "%PDF-1.4"));
    page->form().attachments()->addFiles({file});
    CHECK(refused.size() == 1);
    CHECK_FALSE(page->form().attachments()->isBusy());

    fill(*page, QStringLiteral("NoiDung"), QString());
    CHECK_FALSE(page->form().editor(QStringLiteral("NoiDung"))->widget()->isEnabled());
    REQUIRE(page->save().isOk());
    const Document doc = fx.get(QStringLiteral("docs"), page->unid());
    CHECK(doc.text(QStringLiteral("DoMat")) == QStringLiteral("Mật"));
    CHECK(doc.item(QStringLiteral("NoiDung")) == nullptr);
}

TEST_CASE("Closing a page with unsaved changes asks to save, discard or cancel")
{
    // Cancel keeps the page open (close() returns false, MainWindow relies on it); Save
    // saves and closes; Discard closes without writing; an untouched new page closes quietly.
    GuiFixture fx;
    const Unid unid = saveIncoming(fx);
    auto page = fx.open(QStringLiteral("docs"), unid);
    page->setEditing(true);
    fill(*page, QStringLiteral("NoiLuuBanGiay"), QStringLiteral("Tủ 1"));
    CHECK(page->title().endsWith(QStringLiteral(" *")));

    bool asked = false;
    answerNextMessageBox(QMessageBox::Cancel, &asked);
    CHECK_FALSE(page->close());
    CHECK(asked);

    asked = false;
    answerNextMessageBox(QMessageBox::Save, &asked);
    CHECK(page->close());
    CHECK(asked);
    CHECK(fx.get(QStringLiteral("docs"), unid).text(QStringLiteral("NoiLuuBanGiay")) ==
          QStringLiteral("Tủ 1"));

    auto again = fx.open(QStringLiteral("docs"), unid);
    again->setEditing(true);
    fill(*again, QStringLiteral("NoiLuuBanGiay"), QStringLiteral("Tủ 2"));
    answerNextMessageBox(QMessageBox::Discard);
    CHECK(again->close());
    CHECK(fx.get(QStringLiteral("docs"), unid).text(QStringLiteral("NoiLuuBanGiay")) ==
          QStringLiteral("Tủ 1"));

    auto fresh = fx.create(QStringLiteral("docs"), QStringLiteral("VanBanDi"));
    CHECK(fresh->close()); // only defaults: nothing to ask about
}

TEST_CASE("A save after the document was deleted elsewhere explains it and keeps the input")
{
    // While the user edits, another connection (as replication would) deletes the document:
    // the save fails with NotFound, the form says what happened, and the typed text stays.
    GuiFixture fx;
    const Unid unid = saveIncoming(fx);
    auto page = fx.open(QStringLiteral("docs"), unid);
    page->setEditing(true);
    fill(*page, QStringLiteral("TrichYeu"), QStringLiteral("Trích yếu đã sửa"));

    auto other = fx.workspace->openDatabase(QStringLiteral("docs"));
    REQUIRE(other.isOk());
    REQUIRE((*other)->remove(unid).isOk());

    const sen::Status status = page->save();
    CHECK(status.code() == ErrorCode::NotFound);
    auto* problem = page->findChild<QLabel*>(QStringLiteral("formProblem"));
    CHECK_FALSE(problem->isHidden());
    CHECK(problem->text().contains(QStringLiteral("deleted")));
    CHECK(page->form().editor(QStringLiteral("TrichYeu"))->text() == QStringLiteral("Trích yếu đã sửa"));
    CHECK(page->isEditing());
}

TEST_CASE("Read mode is read-only: the wheel, keys and clicks over a drop-down change nothing, and Edit then "
          "Save stores nothing")
{
    // A cadre opens a saved document and turns the mouse wheel over Độ mật (and presses keys on
    // it and on Độ khẩn); the fields keep their values, and after Edit + Save the document is
    // unchanged. A save asked for in read mode writes nothing.
    GuiFixture fx;
    const Unid unid = saveIncoming(fx);
    const Document before = fx.get(QStringLiteral("docs"), unid);
    REQUIRE(before.text(QStringLiteral("DoMat")) == QStringLiteral("Thường"));
    auto page = fx.open(QStringLiteral("docs"), unid);
    page->show();
    REQUIRE_FALSE(page->isEditing());
    for (const QString& item : {QStringLiteral("DoMat"), QStringLiteral("DoKhan")}) {
        auto* combo = qobject_cast<QComboBox*>(page->form().editor(item)->widget());
        REQUIRE(combo);
        const QString shown = combo->currentText();
        for (int turn = 0; turn < 3; ++turn) {
            const QPointF at(combo->width() / 2.0, combo->height() / 2.0);
            QWheelEvent wheel(at, combo->mapToGlobal(at), QPoint(), QPoint(0, -120), Qt::NoButton,
                              Qt::NoModifier, Qt::NoScrollPhase, false);
            QApplication::sendEvent(combo, &wheel);
        }
        QTest::keyClick(combo, Qt::Key_Down);
        QTest::keyClick(combo, Qt::Key_End);
        QTest::mouseClick(combo, Qt::LeftButton);
        CHECK(combo->currentText() == shown);
        CHECK_FALSE(page->form().editor(item)->isChanged());
    }
    CHECK_FALSE(page->form().isModified());
    CHECK(page->save().code() == ErrorCode::InvalidArgument);

    page->findChild<QAction*>(QStringLiteral("edit"))->trigger();
    REQUIRE(page->isEditing());
    REQUIRE(page->save().isOk());
    const Document after = fx.get(QStringLiteral("docs"), unid);
    CHECK(after.versions == before.versions);
    CHECK(after.text(QStringLiteral("DoMat")) == QStringLiteral("Thường"));
}

TEST_CASE("Registering the same công văn again asks first: Cancel writes nothing, Register anyway saves")
{
    // The rule is DatabaseSession's (a Conflict naming the registration); the page only asks.
    GuiFixture fx;
    const Unid first = saveIncoming(fx);
    const auto fillAgain = [&](sen::gui::DocumentPage& page) {
        fill(page, QStringLiteral("SoDen"), QStringLiteral("8"));
        fill(page, QStringLiteral("SoKyHieu"), QStringLiteral("312/ubnd-vp"));
        fill(page, QStringLiteral("NgayBanHanh"), QStringLiteral("17/11/2026"));
        fill(page, QStringLiteral("CoQuanBanHanh"), QStringLiteral("UBND huyen Kim Bang"));
        fill(page, QStringLiteral("TrichYeu"), QStringLiteral("V/v chuẩn bị Hội nghị"));
    };
    auto page = fx.create(QStringLiteral("docs"), QStringLiteral("VanBanDen"));
    fillAgain(*page);
    bool asked = false;
    answerNextMessageBox(QMessageBox::Cancel, &asked);
    CHECK(page->save().code() == ErrorCode::Cancelled);
    CHECK(asked);
    CHECK(fx.store(QStringLiteral("docs"))->get(page->unid()).code() == ErrorCode::NotFound);

    asked = false;
    answerNextMessageBox(QMessageBox::Save, &asked);
    REQUIRE(page->save().isOk());
    CHECK(asked);
    CHECK(fx.get(QStringLiteral("docs"), page->unid()).text(QStringLiteral("SoKyHieu")) ==
          QStringLiteral("312/ubnd-vp"));
    CHECK(fx.get(QStringLiteral("docs"), first).text(QStringLiteral("SoKyHieu")) ==
          QStringLiteral("312/UBND-VP"));
}
