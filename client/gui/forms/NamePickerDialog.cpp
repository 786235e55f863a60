#include "client/gui/forms/NamePickerDialog.h"

#include "client/gui/forms/NamePicker.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

namespace sen::gui {

NamePickerDialog::NamePickerDialog(const client::AddressBook& book, QWidget* parent)
    : QDialog(parent), m_book(book), m_search(new QLineEdit(this)), m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("namePickerDialog"));
    setWindowTitle(tr("Address book"));
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setPlaceholderText(tr("Search people, groups, roles and units (no accents needed)"));
    m_search->setClearButtonEnabled(true);
    m_list->setObjectName(QStringLiteral("entries"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Tick the people, groups, roles or units to add:"), this));
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(520, 420);

    connect(m_search, &QLineEdit::textChanged, this, &NamePickerDialog::search);
    connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        const QString name = item->data(Qt::UserRole).toString();
        const bool ticked = item->checkState() == Qt::Checked;
        if (ticked && !m_chosen.contains(name))
            m_chosen.append(name);
        else if (!ticked)
            m_chosen.removeAll(name);
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    search(QString());
}

void NamePickerDialog::search(const QString& query)
{
    if (m_search->text() != query) {
        const QSignalBlocker typing(m_search);
        m_search->setText(query);
    }
    const QSignalBlocker quiet(m_list);
    m_list->clear();
    for (const client::DirectoryEntry& entry : m_book.search(query, kShown)) {
        auto* item = new QListWidgetItem(NamePicker::describe(entry), m_list);
        item->setData(Qt::UserRole, entry.name);
        item->setToolTip(entry.members.isEmpty()
                             ? entry.name
                             : entry.name + u'\n' + entry.members.join(QStringLiteral("; ")));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(m_chosen.contains(entry.name) ? Qt::Checked : Qt::Unchecked);
    }
}

void NamePickerDialog::setTicked(const QString& name, bool ticked)
{
    for (int row = 0; row < m_list->count(); ++row) {
        QListWidgetItem* item = m_list->item(row);
        if (item->data(Qt::UserRole).toString() == name)
            item->setCheckState(ticked ? Qt::Checked : Qt::Unchecked);
    }
}

} // namespace sen::gui
