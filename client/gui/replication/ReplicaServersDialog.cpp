#include "client/gui/replication/ReplicaServersDialog.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace sen::gui {

ReplicaServersDialog::ReplicaServersDialog(app::ReplicaServerList list, const QString& lastServer,
                                           QWidget* parent)
    : QDialog(parent), m_list(std::move(list))
{
    setWindowTitle(tr("Servers of the replica"));
    m_servers = new QListWidget(this);
    m_servers->setObjectName(QStringLiteral("servers"));
    m_address = new QLineEdit(this);
    m_address->setObjectName(QStringLiteral("address"));
    m_address->setPlaceholderText(tr("e.g. sen2.hanoi.gov.vn:1352"));
    m_add = new QPushButton(tr("Add"), this);
    m_remove = new QPushButton(tr("Remove"), this);
    m_up = new QPushButton(tr("Move up"), this);
    m_down = new QPushButton(tr("Move down"), this);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    auto* last = new QLabel(lastServer, this);
    last->setObjectName(QStringLiteral("lastServer"));
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);

    auto* grid = new QGridLayout;
    grid->addWidget(m_servers, 0, 0, 3, 1);
    grid->addWidget(m_up, 0, 1);
    grid->addWidget(m_down, 1, 1);
    grid->addWidget(m_remove, 2, 1);
    grid->addWidget(m_address, 3, 0);
    grid->addWidget(m_add, 3, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("A sync tries these servers in order: when one does not answer, the "
                                    "next. A server that refuses you is reported and the next one is not "
                                    "tried. The first is the home server, which gives register numbers."),
                                 this));
    layout->itemAt(0)->widget()->setProperty("wordWrap", true);
    layout->addLayout(grid);
    layout->addWidget(last);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_add, &QPushButton::clicked, this, &ReplicaServersDialog::addTyped);
    connect(m_address, &QLineEdit::returnPressed, this, &ReplicaServersDialog::addTyped);
    connect(m_remove, &QPushButton::clicked, this, &ReplicaServersDialog::removeSelected);
    connect(m_up, &QPushButton::clicked, this, [this] { moveSelected(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveSelected(+1); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ReplicaServersDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    show(Status::ok(), 0);
}

QString ReplicaServersDialog::problem() const
{
    return m_problem->text();
}

void ReplicaServersDialog::show(const Status& status, int select)
{
    m_problem->setText(status.isOk() ? QString() : status.message());
    m_servers->clear();
    const QStringList& servers = m_list.servers();
    for (int i = 0; i < servers.size(); ++i)
        m_servers->addItem(i == 0 ? tr("%1 (home server)").arg(servers.at(i)) : servers.at(i));
    m_servers->setCurrentRow(std::clamp(select, 0, int(servers.size()) - 1));
}

void ReplicaServersDialog::addTyped()
{
    const Status added = m_list.add(m_address->text().trimmed());
    if (added.isOk())
        m_address->clear();
    show(added, added.isOk() ? int(m_list.servers().size()) - 1 : m_servers->currentRow());
}

void ReplicaServersDialog::removeSelected()
{
    const int row = m_servers->currentRow();
    show(m_list.remove(row), row);
}

void ReplicaServersDialog::moveSelected(int delta)
{
    const int row = m_servers->currentRow();
    const Status moved = m_list.move(row, delta);
    show(moved, moved.isOk() ? row + delta : row);
}

void ReplicaServersDialog::accept()
{
    if (const Status saved = m_list.save(); !saved.isOk()) {
        m_problem->setText(saved.message());
        return;
    }
    QDialog::accept();
}

} // namespace sen::gui
