// The PDF attachment beside the form (client/gui/forms/PdfViewer.h, DocumentPage): opened in
// read mode, a document shows its first PDF with the right page count; another PDF chosen in
// the attachment list is shown instead; a damaged PDF and a file not downloaded yet show a
// message in plain words (the latter with a button asking for a sync), never a crash.

#include "client/gui/forms/PdfViewer.h"

#include "client/core/DocumentJson.h"
#include "client/gui/forms/AttachmentPanel.h"
#include "common/attachments/AttachmentStore.h"
#include "common/sql/SqlDatabase.h"
#include "tests/gui/GuiFixture.h"
#include "tests/pdf/PdfFixture.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QToolButton>
#include <QTreeWidget>

using namespace sen;
using sen::gui::PdfViewer;
using sen::test::GuiFixture;

namespace {

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

Unid saveWithFiles(GuiFixture& fx, const std::vector<std::pair<QString, QByteArray>>& files)
{
    ReplicaStore& store = *fx.store(QStringLiteral("docs"));
    DocumentEdit edit = DocumentEdit::create(QStringLiteral("VanBanDen"));
    edit.set(Item::text(QStringLiteral("TrichYeu"), S("Quyết định phê duyệt kế hoạch")));
    for (const auto& [name, bytes] : files) {
        auto ref = store.attachments().importBytes(bytes, name);
        REQUIRE(ref.isOk());
        edit.set(Item::withValue(client::attachmentItemName(name), ItemType::Attachment, ref->toCbor(), 0));
    }
    auto saved = store.save(edit);
    REQUIRE(saved.isOk());
    return saved->unid;
}

} // namespace

TEST_CASE("A document with PDF attachments opens with its first PDF beside the form")
{
    GuiFixture fx;
    const Unid unid =
        saveWithFiles(fx, {{S("a-quyết-định.pdf"), test::makePdf({S("Trang một"), S("Trang hai")})},
                           {S("b-phụ-lục.pdf"), test::makePdf({S("Phụ lục")})},
                           {S("c-ghi-chú.txt"), QByteArray("ghi chú")}});
    auto page = fx.open(QStringLiteral("docs"), unid);
    PdfViewer& viewer = page->pdfViewer();
    CHECK_FALSE(viewer.isHidden());
    CHECK(viewer.name() == S("a-quyết-định.pdf"));
    CHECK(viewer.pageCount() == 2);
    CHECK(viewer.message().isEmpty());
    auto* label = viewer.findChild<QLabel*>(QStringLiteral("pdfPage"));
    REQUIRE(label);
    CHECK(label->text() == QStringLiteral("Page 1 of 2"));
    viewer.nextPage();
    CHECK(viewer.currentPage() == 1);
    CHECK(label->text() == QStringLiteral("Page 2 of 2"));
    viewer.zoomIn();
    viewer.fitWidth();

    // Choosing the other PDF in the list shows it; a file that is no PDF leaves the viewer be.
    auto* list = page->form().attachments()->findChild<QTreeWidget*>(QStringLiteral("attachmentList"));
    REQUIRE(list);
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        if (list->topLevelItem(i)->text(0) == S("b-phụ-lục.pdf"))
            list->setCurrentItem(list->topLevelItem(i));
    }
    CHECK(viewer.name() == S("b-phụ-lục.pdf"));
    CHECK(viewer.pageCount() == 1);
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        if (list->topLevelItem(i)->text(0) == S("c-ghi-chú.txt"))
            list->setCurrentItem(list->topLevelItem(i));
    }
    CHECK(viewer.name() == S("b-phụ-lục.pdf"));

    // "Open with another program" asks the attachment list to open the file shown.
    page->form().attachments()->setOpener([](const QUrl&) { return true; });
    QSignalSpy openRequested(&viewer, &PdfViewer::openRequested);
    auto* open = viewer.findChild<QToolButton*>(QStringLiteral("pdfOpen"));
    REQUIRE(open);
    open->click();
    REQUIRE(openRequested.size() == 1);
    CHECK(openRequested.front().at(0).toString() == S("b-phụ-lục.pdf"));
}

TEST_CASE("A document without a PDF shows no viewer; a damaged PDF shows a message")
{
    GuiFixture fx;
    const Unid plain = saveWithFiles(fx, {{S("ghi-chu.txt"), QByteArray("x")}});
    auto page = fx.open(QStringLiteral("docs"), plain);
    CHECK(page->pdfViewer().isHidden());

    const QByteArray pdf = test::makePdf({S("Một trang")});
    const Unid damaged = saveWithFiles(fx, {{S("hong.pdf"), pdf.left(pdf.size() / 2)}});
    auto broken = fx.open(QStringLiteral("docs"), damaged);
    CHECK_FALSE(broken->pdfViewer().isHidden());
    CHECK(broken->pdfViewer().pageCount() == 0);
    CHECK(broken->pdfViewer().message().contains(QStringLiteral("damaged")));
}

TEST_CASE("A PDF not downloaded yet says so and offers a sync")
{
    GuiFixture fx;
    const Unid unid = saveWithFiles(fx, {{S("qd.pdf"), test::makePdf({S("Quyết định")})}});
    {
        auto db = sql::SqlDatabase::open(fx.store(QStringLiteral("docs"))->path(), {});
        REQUIRE(db.isOk());
        REQUIRE((*db)->exec("DELETE FROM chunks").isOk());
    }
    auto page = fx.open(QStringLiteral("docs"), unid);
    PdfViewer& viewer = page->pdfViewer();
    CHECK_FALSE(viewer.isHidden());
    CHECK(viewer.pageCount() == 0);
    CHECK(viewer.message().contains(QStringLiteral("not been downloaded")));
    auto* fetch = viewer.findChild<QPushButton*>(QStringLiteral("pdfFetch"));
    REQUIRE(fetch);
    CHECK_FALSE(fetch->isHidden());
    QSignalSpy sync(page.get(), &gui::DocumentPage::syncRequested);
    fetch->click();
    REQUIRE(sync.size() == 1);
    CHECK(sync.front().at(0).toString() == QStringLiteral("docs"));
}
