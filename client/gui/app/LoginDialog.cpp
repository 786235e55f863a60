#include "client/gui/app/LoginDialog.h"

#include "client/core/ErrorText.h"
#include "client/core/UserIdentity.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QThread>
#include <QVBoxLayout>

#include <memory>

namespace sen::gui {

LoginDialog::LoginDialog(client::Workspace workspace, QWidget* parent)
    : QDialog(parent), m_workspace(std::move(workspace))
{
    setWindowTitle(tr("Sen — Log in"));
    setModal(true);

    auto* intro = new QLabel(tr("Open your ID file with its password."), this);
    intro->setWordWrap(true);

    m_idPath = new QLineEdit(this);
    m_idPath->setObjectName(QStringLiteral("idPath"));
    m_idPath->setMinimumWidth(320);
    auto* browseButton = new QPushButton(tr("Browse…"), this);
    connect(browseButton, &QPushButton::clicked, this, &LoginDialog::browse);
    auto* idRow = new QHBoxLayout;
    idRow->addWidget(m_idPath, 1);
    idRow->addWidget(browseButton);

    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);

    auto* form = new QFormLayout;
    form->addRow(tr("ID file:"), idRow);
    form->addRow(tr("Password:"), m_password);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();

    m_login = new QPushButton(tr("Log in"), this);
    m_login->setObjectName(QStringLiteral("login"));
    m_login->setDefault(true);
    m_cancel = new QPushButton(tr("Cancel"), this);
    connect(m_login, &QPushButton::clicked, this, &LoginDialog::attempt);
    connect(m_cancel, &QPushButton::clicked, this, &LoginDialog::reject);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_login);
    buttons->addWidget(m_cancel);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addLayout(buttons);

    connect(m_idPath, &QLineEdit::textChanged, this, &LoginDialog::updateButtons);
    connect(m_password, &QLineEdit::textChanged, this, &LoginDialog::updateButtons);

    const QString own = client::UserIdentity::idPath(m_workspace);
    if (QFileInfo::exists(own)) {
        m_idPath->setText(own);
        m_password->setFocus();
    }
    updateButtons();
}

LoginDialog::~LoginDialog() = default;

void LoginDialog::setIdPath(const QString& path)
{
    m_idPath->setText(path);
}

void LoginDialog::setPassword(const QString& password)
{
    m_password->setText(password);
}

QString LoginDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void LoginDialog::browse()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose your ID file"), m_idPath->text(),
                                                      tr("ID files (*.id);;All files (*)"));
    if (!path.isEmpty())
        m_idPath->setText(path);
}

void LoginDialog::updateButtons()
{
    m_login->setEnabled(!m_busy && !m_idPath->text().trimmed().isEmpty() && !m_password->text().isEmpty());
}

void LoginDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_idPath->setEnabled(!busy);
    m_password->setEnabled(!busy);
    m_login->setText(busy ? tr("Opening the ID…") : tr("Log in"));
    updateButtons();
    if (busy)
        QGuiApplication::setOverrideCursor(Qt::BusyCursor);
    else
        QGuiApplication::restoreOverrideCursor();
}

void LoginDialog::showError(const QString& message)
{
    m_error->setText(message);
    m_error->show();
}

void LoginDialog::attempt()
{
    if (m_busy)
        return;
    const QString idPath = m_idPath->text().trimmed();
    const QString password = m_password->text();
    if (idPath.isEmpty() || password.isEmpty()) {
        showError(tr("Choose an ID file and type its password."));
        Q_EMIT attemptFinished(false);
        return;
    }
    m_error->hide();
    setBusy(true);

    // The key derivation runs on its own thread; the result comes back through the event
    // loop. If the dialog is gone by then, the result is simply dropped.
    auto result = std::make_shared<Result<identity::Credentials>>(Status(ErrorCode::Internal, QString()));
    const client::Workspace workspace = m_workspace;
    QThread* worker = QThread::create([result, workspace, idPath, password] {
        *result = client::UserIdentity::signIn(workspace, idPath, password);
    });
    QPointer<LoginDialog> self(this);
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &QThread::finished, this, [self, result] {
        if (!self)
            return;
        self->setBusy(false);
        if (!*result) {
            self->showError(client::ErrorText::sentence(
                result->status(), client::ErrorContext::of(client::Situation::LoggingIn)));
            self->m_password->clear();
            self->m_password->setFocus();
            Q_EMIT self->attemptFinished(false);
            return;
        }
        self->m_session = UserSession{self->m_workspace, std::move(**result)};
        Q_EMIT self->attemptFinished(true);
        self->accept();
    });
    worker->start();
}

void LoginDialog::reject()
{
    if (m_busy)
        return; // the ID is being opened: let it finish
    QDialog::reject();
}

} // namespace sen::gui
