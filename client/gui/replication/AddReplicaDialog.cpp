#include "client/gui/replication/AddReplicaDialog.h"

#include "client/sync/ReplicaServers.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace sen::gui {

namespace {

const QString kLastServer = QStringLiteral("replication/last_server");

} // namespace

AddReplicaDialog::AddReplicaDialog(const QString& iniPath, QWidget* parent)
    : QDialog(parent), m_iniPath(iniPath)
{
    setWindowTitle(tr("Add a replica from a server"));
    m_server = new QLineEdit(this);
    m_server->setObjectName(QStringLiteral("server"));
    m_server->setPlaceholderText(tr("e.g. sen.hanoi.gov.vn:1352"));
    m_database = new QLineEdit(this);
    m_database->setObjectName(QStringLiteral("database"));
    m_database->setPlaceholderText(tr("e.g. vanban"));
    m_forms = new QLineEdit(this);
    m_forms->setObjectName(QStringLiteral("forms"));
    m_forms->setPlaceholderText(tr("all forms"));
    m_summaryOnly = new QCheckBox(tr("Summary only: fetch attachments when they are opened"), this);
    m_summaryOnly->setObjectName(QStringLiteral("summaryOnly"));
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Add and sync"));

    auto* form = new QFormLayout;
    form->addRow(tr("Server:"), m_server);
    form->addRow(tr("Database:"), m_database);
    form->addRow(tr("Only these forms:"), m_forms);
    form->addRow(QString(), m_summaryOnly);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Sen copies the database from the server to this computer, then keeps "
                                    "both in step at each sync."),
                                 this));
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    if (!m_iniPath.isEmpty())
        m_server->setText(QSettings(m_iniPath, QSettings::IniFormat).value(kLastServer).toString());
    connect(m_server, &QLineEdit::textChanged, this, &AddReplicaDialog::validate);
    connect(m_database, &QLineEdit::textChanged, this, &AddReplicaDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AddReplicaDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

void AddReplicaDialog::setSettings(const client::ReplicaSettings& settings)
{
    m_server->setText(settings.server);
    m_database->setText(settings.database);
    m_forms->setText(settings.forms.join(QStringLiteral(", ")));
    m_summaryOnly->setChecked(settings.summaryOnly);
}

client::ReplicaSettings AddReplicaDialog::settings() const
{
    client::ReplicaSettings settings;
    settings.server = m_server->text().trimmed();
    settings.database = m_database->text().trimmed();
    for (const QString& form : m_forms->text().split(u',', Qt::SkipEmptyParts))
        if (!form.trimmed().isEmpty())
            settings.forms << form.trimmed();
    settings.summaryOnly = m_summaryOnly->isChecked();
    return settings;
}

QString AddReplicaDialog::problem() const
{
    const client::ReplicaSettings s = settings();
    if (s.server.isEmpty() || s.database.isEmpty())
        return tr("Enter the server's address and the database's name.");
    if (!client::ReplicaServers::parse(s.server, s.database))
        return tr("The server address must look like NAME:PORT, for example sen.hanoi.gov.vn:1352; "
                  "several servers, tried in order, are separated by commas (at most %1).")
            .arg(client::ReplicaServers::kMaxServers);
    if (!client::Workspace::isValidName(s.database))
        return tr("A database name has only letters, digits, '-', '_' and '.'.");
    return {};
}

void AddReplicaDialog::validate()
{
    const QString problem = this->problem();
    m_problem->setText(problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
}

void AddReplicaDialog::accept()
{
    if (!problem().isEmpty())
        return;
    if (!m_iniPath.isEmpty())
        QSettings(m_iniPath, QSettings::IniFormat).setValue(kLastServer, settings().server);
    QDialog::accept();
}

} // namespace sen::gui
