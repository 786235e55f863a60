// The conflict dialog on a real replication conflict: what it shows, a resolution chosen
// row by row and applied to the store, and the message when the conflict went elsewhere.

#include "client/gui/conflicts/ConflictDialog.h"

#include "common/store/ReplicaStore.h"
#include "tests/client/ConflictScenario.h"
#include "tests/gui/GuiScreenshot.h"

#include <QDir>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>

#include <catch2/catch.hpp>

using namespace sen;
using gui::ConflictDialog;
using test::ConflictScenario;

namespace {

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

std::unique_ptr<ConflictDialog> openDialog(ReplicaStore& store, const Unid& conflict)
{
    auto resolution = client::ConflictResolution::load(store, conflict);
    REQUIRE(resolution.isOk());
    // The dialog applies the choice to the scenario's store (in the client, the session's).
    auto dialog = std::make_unique<ConflictDialog>(
        std::move(resolution).value(),
        [&store](const client::ConflictResolution& r, client::ResolutionKind kind,
                 const QHash<QString, client::ConflictSide>& choices) {
            return r.resolve(store, kind, choices);
        },
        store.info().instanceId);
    dialog->setLabelFor([](const QString& form, const QString& item) {
        if (form == QStringLiteral("VanBanDen") && item == QStringLiteral("TrichYeu"))
            return S("Trích yếu");
        return QString();
    });
    return dialog;
}

QTableWidget& table(ConflictDialog& dialog)
{
    auto* t = dialog.findChild<QTableWidget*>(QStringLiteral("items"));
    REQUIRE(t);
    return *t;
}

QPushButton& button(ConflictDialog& dialog, const char* name)
{
    auto* b = dialog.findChild<QPushButton*>(QString::fromLatin1(name));
    REQUIRE(b);
    return *b;
}

// The row of an item by its name (column 0 keeps the name under Qt::UserRole).
int rowOf(QTableWidget& t, const QString& name)
{
    for (int r = 0; r < t.rowCount(); ++r) {
        if (t.item(r, 0)->data(Qt::UserRole).toString() == name)
            return r;
    }
    FAIL("no row for " << name.toStdString());
    return -1;
}

} // namespace

TEST_CASE("ConflictDialog shows both versions item by item with the differences to choose", "[gui][conflict]")
{
    // The dialog lists every item either version holds; only the four differing ones can be
    // switched to the other version, and labels come from the caller's hook.
    ConflictScenario s;
    auto dialog = openDialog(s.replica(0), s.conflict());
    dialog->show();
    QTableWidget& t = table(*dialog);

    REQUIRE(t.rowCount() == 5); // DoKhan, GhiChu, HanXuLy, SoKyHieu, TrichYeu (NoiNhan removed on both)
    const int subject = rowOf(t, QStringLiteral("TrichYeu"));
    REQUIRE(t.item(subject, 0)->text() == S("Trích yếu"));
    REQUIRE(t.item(subject, 1)->text() == ConflictScenario::winnerSubject());
    REQUIRE(t.item(subject, 4)->text() == ConflictScenario::otherSubject());
    REQUIRE(t.item(subject, 2)->text().contains(QStringLiteral("this replica")) == false); // replica 1 won
    REQUIRE(t.item(subject, 5)->text().contains(QStringLiteral("this replica")));
    REQUIRE(t.item(subject, 5)
                ->text()
                .contains(QRegularExpression(QStringLiteral("^\\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d"))));
    REQUIRE((t.item(subject, 3)->flags() & Qt::ItemIsUserCheckable));

    const int number = rowOf(t, QStringLiteral("SoKyHieu"));
    REQUIRE(t.item(number, 0)->text() == QStringLiteral("SoKyHieu")); // no label: the name
    REQUIRE_FALSE((t.item(number, 3)->flags() & Qt::ItemIsUserCheckable));

    REQUIRE(t.item(rowOf(t, QStringLiteral("HanXuLy")), 1)->text() == S("(removed)"));
    REQUIRE(t.item(rowOf(t, QStringLiteral("HanXuLy")), 4)->text() ==
            QStringLiteral("20/09/2024 ") +
                ConflictScenario::otherDeadline().toLocalTime().toString(QStringLiteral("HH:mm")));
    REQUIRE(t.item(rowOf(t, QStringLiteral("GhiChu")), 4)->text() == S("(none)"));

    test::shoot(*dialog, QStringLiteral("conflict-dialog"));
}

TEST_CASE("ConflictDialog combines the rows the user switched and deletes the conflict", "[gui][conflict]")
{
    // The user ticks "use the other" for the subject and the deadline and combines: the store
    // holds those two values from the other version, the rest from this one.
    ConflictScenario s;
    auto dialog = openDialog(s.replica(0), s.conflict());
    dialog->show();
    QSignalSpy resolved(dialog.get(), &ConflictDialog::resolved);

    QTableWidget& t = table(*dialog);
    t.item(rowOf(t, QStringLiteral("TrichYeu")), 3)->setCheckState(Qt::Checked);
    dialog->setUseOther(QStringLiteral("HanXuLy"), true);
    dialog->setUseOther(QStringLiteral("SoKyHieu"), true); // not a difference: ignored
    REQUIRE(dialog->usesOther(QStringLiteral("TrichYeu")));
    REQUIRE_FALSE(dialog->usesOther(QStringLiteral("SoKyHieu")));
    REQUIRE(dialog->choices().size() == 2);

    test::shoot(*dialog, QStringLiteral("conflict-dialog-chosen"));

    button(*dialog, "combine").click();
    REQUIRE(dialog->result() == QDialog::Accepted);
    REQUIRE(resolved.count() == 1);
    REQUIRE(dialog->outcome().has_value());
    REQUIRE(dialog->outcome()->kind == client::ResolutionKind::Combine);
    REQUIRE(dialog->outcome()->itemsChanged == 2);

    const auto winner = s.replica(0).get(s.winner());
    REQUIRE(winner.isOk());
    REQUIRE(winner->text(QStringLiteral("TrichYeu")) == ConflictScenario::otherSubject());
    REQUIRE(winner->item(QStringLiteral("HanXuLy"))->toDateTime() == ConflictScenario::otherDeadline());
    REQUIRE(winner->text(QStringLiteral("DoKhan")) == S("Hỏa tốc"));
    REQUIRE(s.liveConflicts(0).empty());
}

TEST_CASE("ConflictDialog keeps the other version with one button", "[gui][conflict]")
{
    // "Keep the other version" gives the winner every differing value of the other version.
    ConflictScenario s;
    auto dialog = openDialog(s.replica(0), s.conflict());
    button(*dialog, "keepOther").click();
    REQUIRE(dialog->result() == QDialog::Accepted);
    const auto winner = s.replica(0).get(s.winner());
    REQUIRE(winner->text(QStringLiteral("DoKhan")) == S("Khẩn"));
    REQUIRE(winner->item(QStringLiteral("GhiChu")) == nullptr);
    REQUIRE(s.liveConflicts(0).empty());
}

TEST_CASE("ConflictDialog says so when the conflict was resolved on another replica", "[gui][conflict]")
{
    // Replica 1 resolved the conflict and synced while the dialog was open on replica 0: the
    // apply fails, the dialog explains it in plain words and offers only Close.
    ConflictScenario s;
    auto dialog = openDialog(s.replica(0), s.conflict());
    dialog->show();
    auto elsewhere = client::ConflictResolution::load(s.replica(1), s.conflict());
    REQUIRE(elsewhere.isOk());
    REQUIRE(elsewhere->keepOther(s.replica(1)).isOk());
    s.sync(1, 0);

    button(*dialog, "keepThis").click();
    REQUIRE(dialog->isVisible());
    REQUIRE_FALSE(dialog->outcome().has_value());
    REQUIRE(dialog->errorText().contains(QStringLiteral("already resolved")));
    REQUIRE_FALSE(button(*dialog, "keepThis").isEnabled());
    REQUIRE_FALSE(button(*dialog, "combine").isEnabled());
    REQUIRE(button(*dialog, "cancel").text() == QStringLiteral("Close"));
}
