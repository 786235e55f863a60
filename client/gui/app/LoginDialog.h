#pragma once

// Logging in (Notes' "switch ID"): choose an ID file, type its password. The ID is opened
// off the GUI thread (the password's key derivation takes a noticeable moment on an old PC);
// a wrong password says so and lets the user try again, a damaged or foreign file says that.
// On success the dialog is accepted and credentials() holds the unlocked ID, which also
// becomes the workspace's own copy (`user.id`).

#include "client/gui/app/UserSession.h"

#include <QDialog>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;

namespace sen::gui {

class LoginDialog : public QDialog
{
    Q_OBJECT
public:
    explicit LoginDialog(client::Workspace workspace, QWidget* parent = nullptr);
    ~LoginDialog() override;

    // Preset fields (the command line, tests).
    void setIdPath(const QString& path);
    void setPassword(const QString& password);

    // Set once accepted.
    const std::optional<UserSession>& session() const { return m_session; }
    // The last error shown, empty when none (tests).
    QString errorText() const;
    bool isBusy() const { return m_busy; }

public Q_SLOTS:
    // Opens the ID with the typed password (what the Log in button does).
    void attempt();

Q_SIGNALS:
    // An attempt ended: `ok` false leaves the dialog open with the error shown.
    void attemptFinished(bool ok);

protected:
    void reject() override;

private:
    void browse();
    void setBusy(bool busy);
    void showError(const QString& message);
    void updateButtons();

    client::Workspace m_workspace;
    QLineEdit* m_idPath;
    QLineEdit* m_password;
    QLabel* m_error;
    QPushButton* m_login;
    QPushButton* m_cancel;
    bool m_busy = false;
    std::optional<UserSession> m_session;
};

} // namespace sen::gui
