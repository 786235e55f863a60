// A dossier's page lists the documents filed in it and takes one out; the documents stay.

#include "client/core/Dossiers.h"
#include "tests/gui/GuiFixture.h"

#include <QPushButton>
#include <QTreeWidget>

using sen::Unid;
using sen::client::Dossiers;
using sen::test::fill;
using sen::test::GuiFixture;

TEST_CASE("A dossier page lists its documents and takes one out of the dossier")
{
    // A dossier is made through its form; two letters are filed in it; its page lists both
    // (oldest filing first); "take out" removes the selected one from the dossier only.
    GuiFixture fx;
    auto folderPage = fx.create(QStringLiteral("docs"), Dossiers::kForm);
    fill(*folderPage, QStringLiteral("SoKyHieuHoSo"), QStringLiteral("01.TCCB"));
    fill(*folderPage, QStringLiteral("TieuDeHoSo"),
         QString::fromUtf8("Hồ sơ Hội nghị Ban Chấp hành lần thứ 15"));
    REQUIRE(folderPage->save().isOk());
    const Unid folder = folderPage->unid();

    auto store = fx.store(QStringLiteral("docs"));
    std::vector<Unid> letters;
    for (const char* subject : {"Kế hoạch tổ chức Hội nghị", "Báo cáo chính trị"}) {
        auto saved =
            store->save(sen::DocumentEdit::create(QStringLiteral("VanBanDen"))
                            .set(sen::Item::text(QStringLiteral("TrichYeu"), QString::fromUtf8(subject))));
        REQUIRE(saved.isOk());
        letters.push_back(saved->unid);
        REQUIRE(Dossiers::file(*store, folder, saved->unid).isOk());
    }

    auto page = fx.open(QStringLiteral("docs"), folder);
    auto* list = page->findChild<QTreeWidget*>(QStringLiteral("responses"));
    REQUIRE(list);
    REQUIRE(list->topLevelItemCount() == 2);
    QStringList shown;
    for (int i = 0; i < 2; ++i)
        shown << list->topLevelItem(i)->text(1);
    CHECK(shown.join(u'|').contains(QString::fromUtf8("Kế hoạch tổ chức Hội nghị")));
    CHECK(shown.join(u'|').contains(QString::fromUtf8("Báo cáo chính trị")));

    auto* unfile = page->findChild<QPushButton*>(QStringLiteral("unfile"));
    REQUIRE(unfile);
    list->setCurrentItem(list->topLevelItem(0));
    REQUIRE(unfile->isEnabled());
    const QString takenOut = list->topLevelItem(0)->data(0, Qt::UserRole).toString();
    unfile->click();
    REQUIRE(list->topLevelItemCount() == 1);
    auto members = Dossiers::members(*store, folder);
    REQUIRE(members.isOk());
    REQUIRE(members->size() == 1);
    CHECK(members->front().document.toHex() != takenOut);
    // The document taken out is still in the database.
    CHECK(store->get(*Unid::fromHex(takenOut)).isOk());
}
