// The "new local database" dialog creates a database in the workspace and refuses a name
// that is taken or unusable as a file name, staying open with the reason.

#include "client/gui/workspace/NewDatabaseDialog.h"

#include "client/core/ErrorText.h"
#include "tests/support/TempDir.h"

#include <QComboBox>
#include <QLineEdit>

#include <catch2/catch.hpp>

using namespace sen;

TEST_CASE("The new local database dialog creates a calendar and refuses a taken or bad name",
          "[gui][workspace]")
{
    // A cadre makes a personal schedule "lich-rieng": it exists with its kind and title; the
    // same name again, and a name with a slash, are refused with the dialog still open.
    test::TempDir dir;
    auto workspace = client::Workspace::open(dir.path(QStringLiteral("home")));
    REQUIRE(workspace.isOk());

    gui::NewDatabaseDialog dialog(*workspace);
    dialog.nameField().setText(QStringLiteral("lich-rieng"));
    dialog.titleField().setText(QString::fromUtf8("Lịch cá nhân"));
    dialog.kindField().setCurrentIndex(dialog.kindField().findData(static_cast<int>(DatabaseKind::Calendar)));
    dialog.accept();
    REQUIRE(dialog.result() == QDialog::Accepted);
    REQUIRE(dialog.createdName() == QStringLiteral("lich-rieng"));
    auto store = workspace->openDatabase(QStringLiteral("lich-rieng"));
    REQUIRE(store.isOk());
    REQUIRE((*store)->info().kind == DatabaseKind::Calendar);
    REQUIRE((*store)->info().title == QString::fromUtf8("Lịch cá nhân"));

    gui::NewDatabaseDialog again(*workspace);
    again.nameField().setText(QStringLiteral("lich-rieng"));
    again.accept();
    REQUIRE(again.result() != QDialog::Accepted);
    REQUIRE(again.errorText() == client::ErrorText::tr("This workspace already has a database named %1.")
                                     .arg(QStringLiteral("lich-rieng")));
    again.nameField().setText(QStringLiteral("a/b"));
    again.accept();
    REQUIRE(again.result() != QDialog::Accepted);
    REQUIRE_FALSE(again.errorText().isEmpty());
}
