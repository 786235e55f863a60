#pragma once

// File ▸ Change password…: the workspace's ID re-sealed under a new password
// (client::UserIdentity::changePassword, the same function as `senctl password`). The new
// password is typed twice and must meet the password policy (docs/id-file.md, "Password
// policy"); a weak one, a wrong current password or a mismatch is said in words and leaves
// the dialog open with the ID unchanged. On success the dialog is accepted.

#include "client/core/Workspace.h"
#include "common/identity/IdFile.h"

#include <QDialog>

class QLabel;
class QLineEdit;

namespace sen::gui {

class ChangePasswordDialog : public QDialog
{
    Q_OBJECT
public:
    // `cost`: the KDF cost of the new sealing (tests pass KdfCost::Test).
    explicit ChangePasswordDialog(client::Workspace workspace, QWidget* parent = nullptr,
                                  identity::KdfCost cost = identity::KdfCost::Interactive);

    // The last error shown, empty when none (tests).
    QString errorText() const;

public Q_SLOTS:
    // Changes the password as typed (what the Change button does).
    void attempt();

private:
    void showError(const QString& message);

    client::Workspace m_workspace;
    identity::KdfCost m_cost;
    QLineEdit* m_current;
    QLineEdit* m_new;
    QLineEdit* m_repeat;
    QLabel* m_error;
};

} // namespace sen::gui
