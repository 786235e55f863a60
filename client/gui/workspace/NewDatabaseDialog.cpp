#include "client/gui/workspace/NewDatabaseDialog.h"

#include "client/core/ErrorText.h"
#include "client/gui/workspace/KindIcon.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace sen::gui {

NewDatabaseDialog::NewDatabaseDialog(const client::Workspace& workspace, QWidget* parent)
    : QDialog(parent), m_workspace(workspace)
{
    setWindowTitle(tr("New local database"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setPlaceholderText(tr("letters, digits, - _ ."));
    m_title = new QLineEdit(this);
    m_title->setObjectName(QStringLiteral("title"));
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kind"));
    for (const DatabaseKind kind : {DatabaseKind::Documents, DatabaseKind::Calendar, DatabaseKind::News})
        m_kind->addItem(kindIcon(kind), kindTitle(kind), static_cast<int>(kind));

    auto* form = new QFormLayout;
    form->addRow(tr("File name:"), m_name);
    form->addRow(tr("Kind:"), m_kind);
    form->addRow(tr("Title:"), m_title);

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_error->hide();

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &NewDatabaseDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &NewDatabaseDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("A database kept only on this computer until it is replicated."), this));
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

QString NewDatabaseDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void NewDatabaseDialog::accept()
{
    const QString name = m_name->text().trimmed();
    if (!client::Workspace::isValidName(name)) {
        m_error->setText(
            tr("Choose a file name of letters, digits, '-', '_' and '.', not starting with '.'."));
        m_error->show();
        return;
    }
    const auto kind = static_cast<DatabaseKind>(m_kind->currentData().toInt());
    const QString title = m_title->text().trimmed().isEmpty() ? name : m_title->text().trimmed();
    auto created = m_workspace.createDatabase(name, kind, title);
    if (!created) {
        m_error->setText(client::ErrorText::sentence(
            created.status(), client::ErrorContext::forDatabase(client::Situation::CreatingDatabase, name)));
        m_error->show();
        return;
    }
    m_created = name;
    QDialog::accept();
}

} // namespace sen::gui
