#include "client/gui/app/ChangePasswordDialog.h"

#include "client/core/ErrorText.h"
#include "client/core/UserIdentity.h"
#include "common/identity/PasswordPolicy.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace sen::gui {

namespace {

QLineEdit* passwordField(const QString& objectName, QWidget* parent)
{
    auto* field = new QLineEdit(parent);
    field->setObjectName(objectName);
    field->setEchoMode(QLineEdit::Password);
    field->setMinimumWidth(260);
    return field;
}

} // namespace

ChangePasswordDialog::ChangePasswordDialog(client::Workspace workspace, QWidget* parent,
                                           identity::KdfCost cost)
    : QDialog(parent), m_workspace(std::move(workspace)), m_cost(cost)
{
    setWindowTitle(tr("Change password"));
    setModal(true);

    auto* rule =
        new QLabel(tr("The new password needs at least %1 characters, or at least %2 that mix three of: "
                      "lowercase letters, uppercase letters, digits, other characters.")
                       .arg(identity::kMinPasswordLength)
                       .arg(identity::kMinShortPasswordLength),
                   this);
    rule->setWordWrap(true);

    m_current = passwordField(QStringLiteral("currentPassword"), this);
    m_new = passwordField(QStringLiteral("newPassword"), this);
    m_repeat = passwordField(QStringLiteral("repeatPassword"), this);
    auto* form = new QFormLayout;
    form->addRow(tr("Current password:"), m_current);
    form->addRow(tr("New password:"), m_new);
    form->addRow(tr("New password again:"), m_repeat);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();

    auto* buttons = new QDialogButtonBox(this);
    QPushButton* change = buttons->addButton(tr("Change"), QDialogButtonBox::AcceptRole);
    change->setObjectName(QStringLiteral("change"));
    change->setDefault(true);
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(change, &QPushButton::clicked, this, &ChangePasswordDialog::attempt);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(rule);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

QString ChangePasswordDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void ChangePasswordDialog::showError(const QString& message)
{
    m_error->setText(message);
    m_error->show();
}

void ChangePasswordDialog::attempt()
{
    if (m_new->text() != m_repeat->text()) {
        showError(tr("The two new passwords differ. Type the new password twice the same."));
        return;
    }
    // The rule is checked here too so that a weak password is said before the ID is opened.
    if (const Status strength = identity::checkPasswordStrength(m_new->text()); !strength.isOk()) {
        showError(client::ErrorText::sentence(strength,
                                              client::ErrorContext::of(client::Situation::ChangingPassword)));
        return;
    }
    QGuiApplication::setOverrideCursor(Qt::WaitCursor); // the key derivation takes a moment
    const Status changed =
        client::UserIdentity::changePassword(m_workspace, m_current->text(), m_new->text(), m_cost);
    QGuiApplication::restoreOverrideCursor();
    if (!changed.isOk()) {
        showError(client::ErrorText::sentence(changed,
                                              client::ErrorContext::of(client::Situation::ChangingPassword)));
        return;
    }
    m_error->hide();
    accept();
}

} // namespace sen::gui
