// File ▸ Change password… (issue #11 point 19): the dialog re-seals the workspace's ID through
// client::UserIdentity::changePassword, the function `senctl password` uses, refusing a weak
// new password in words before anything is written.

#include "client/gui/app/ChangePasswordDialog.h"

#include "client/core/ErrorText.h"
#include "client/core/UserIdentity.h"
#include "tests/client/SyncTestOffice.h"

#include <QFile>
#include <QLineEdit>

#include <catch2/catch.hpp>

using namespace sen;
using test::ServerFixture;
using test::SyncTestOffice;

namespace {

const QString kCurrent = QStringLiteral("mật khẩu 2026"); // SyncTestOffice's

void type(gui::ChangePasswordDialog& dialog, const QString& current, const QString& chosen,
          const QString& repeated)
{
    dialog.findChild<QLineEdit*>(QStringLiteral("currentPassword"))->setText(current);
    dialog.findChild<QLineEdit*>(QStringLiteral("newPassword"))->setText(chosen);
    dialog.findChild<QLineEdit*>(QStringLiteral("repeatPassword"))->setText(repeated);
}

QByteArray idBytes(const client::Workspace& workspace)
{
    QFile file(client::UserIdentity::idPath(workspace));
    REQUIRE(file.open(QIODevice::ReadOnly));
    return file.readAll();
}

} // namespace

TEST_CASE(
    "Bad password: the Change password dialog refuses a weak, mistyped or wrongly confirmed password and "
    "takes a strong one",
    "[gui][password]")
{
    // A cadre changes the password of their ID: "abc12345" is too weak, two different new
    // passwords and a wrong current one are each said in words with the ID untouched; a strong
    // password is taken, after which the ID opens only with it.
    ServerFixture f;
    SyncTestOffice office(f, QStringLiteral("Nguyễn Văn An"));
    const QByteArray before = idBytes(office.workspace);
    gui::ChangePasswordDialog dialog(office.workspace, nullptr, identity::KdfCost::Test);

    type(dialog, kCurrent, QStringLiteral("abc12345"), QStringLiteral("abc12345"));
    dialog.attempt();
    const auto changing = client::ErrorContext::of(client::Situation::ChangingPassword);
    CHECK(dialog.errorText() ==
          client::ErrorText::tr("The new password is too weak: use at least %1 characters, or at least %2 "
                                "that mix three of lowercase letters, uppercase letters, digits and other "
                                "characters.")
              .arg(10)
              .arg(8));
    CHECK(dialog.result() != QDialog::Accepted);
    CHECK(idBytes(office.workspace) == before);

    type(dialog, kCurrent, QStringLiteral("Mật khẩu mới 2026"), QStringLiteral("Mật khẩu mới 2027"));
    dialog.attempt();
    CHECK(dialog.errorText() == gui::ChangePasswordDialog::tr(
                                    "The two new passwords differ. Type the new password twice the same."));
    CHECK(idBytes(office.workspace) == before);

    type(dialog, QStringLiteral("mật khẩu 2025"), QStringLiteral("Mật khẩu mới 2026"),
         QStringLiteral("Mật khẩu mới 2026"));
    dialog.attempt();
    CHECK(dialog.errorText() == client::ErrorText::sentence(ErrorCode::PermissionDenied, {}, changing));
    CHECK(dialog.errorText() == client::ErrorText::tr("The current password is wrong. Please try again."));
    CHECK(idBytes(office.workspace) == before);

    type(dialog, kCurrent, QStringLiteral("Mật khẩu mới 2026"), QStringLiteral("Mật khẩu mới 2026"));
    dialog.attempt();
    CHECK(dialog.result() == QDialog::Accepted);
    CHECK(dialog.errorText().isEmpty());
    CHECK(client::UserIdentity::unlock(office.workspace, kCurrent).code() == ErrorCode::PermissionDenied);
    const auto unlocked = client::UserIdentity::unlock(office.workspace, QStringLiteral("Mật khẩu mới 2026"));
    REQUIRE(unlocked.isOk());
    CHECK(unlocked->name.toString() == QStringLiteral("Nguyễn Văn An/VPTU/HaNoi"));
}
