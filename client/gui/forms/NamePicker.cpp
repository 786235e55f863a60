#include "client/gui/forms/NamePicker.h"

#include "client/gui/forms/NamePickerDialog.h"

#include <QAbstractItemView>
#include <QAction>
#include <QCompleter>
#include <QEvent>
#include <QLineEdit>
#include <QStandardItemModel>
#include <QStyle>

namespace sen::gui {

namespace {

// The text before the value being typed (up to and including the last ';') and that value.
std::pair<QString, QString> splitLast(const QString& text)
{
    const qsizetype at = text.lastIndexOf(u';');
    if (at < 0)
        return {QString(), text.trimmed()};
    return {text.left(at + 1), text.mid(at + 1).trimmed()};
}

} // namespace

NamePicker::NamePicker(QLineEdit* edit, std::shared_ptr<const client::AddressBook> book)
    : QObject(edit), m_edit(edit), m_book(std::move(book)), m_completer(new QCompleter(this)),
      m_model(new QStandardItemModel(this))
{
    setObjectName(QStringLiteral("namePicker"));
    // Not the line edit's own completer: that one would put the whole line in place of the
    // text; this one replaces only the value being typed.
    m_completer->setWidget(edit);
    m_completer->setModel(m_model);
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->popup()->setObjectName(QStringLiteral("nameSuggestions"));
    connect(m_completer, qOverload<const QModelIndex&>(&QCompleter::activated), this,
            [this](const QModelIndex& index) { choose(index.data(Qt::UserRole).toString()); });
    connect(edit, &QLineEdit::textEdited, this, &NamePicker::suggest);

    // Without an icon theme (Windows), the style's own "contents" icon: an action in a line
    // edit shows only its icon.
    const QIcon icon = QIcon::fromTheme(QStringLiteral("x-office-address-book"),
                                        edit->style()->standardIcon(QStyle::SP_FileDialogContentsView));
    QAction* pick = edit->addAction(icon, QLineEdit::TrailingPosition);
    pick->setObjectName(QStringLiteral("pickNames"));
    pick->setText(tr("Choose from the address book…"));
    pick->setToolTip(tr("Choose from the address book"));
    connect(pick, &QAction::triggered, this, &NamePicker::openDialog);
    m_pick = pick;
    m_pick->setVisible(!edit->isReadOnly());
    edit->installEventFilter(this); // read mode hides the button
}

bool NamePicker::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_edit && event->type() == QEvent::ReadOnlyChange)
        m_pick->setVisible(!m_edit->isReadOnly());
    return QObject::eventFilter(watched, event);
}

QString NamePicker::describe(const client::DirectoryEntry& entry)
{
    switch (entry.kind) {
    case client::DirectoryEntry::Kind::Person:
        return entry.unit.isEmpty() ? entry.label : tr("%1 — %2").arg(entry.label, entry.unit);
    case client::DirectoryEntry::Kind::Group:
        return tr("%1 (group)").arg(entry.label);
    case client::DirectoryEntry::Kind::Role:
        return tr("%1 (role)").arg(entry.label);
    case client::DirectoryEntry::Kind::Unit:
        return tr("%1 (everyone in the unit)").arg(entry.label);
    }
    return entry.label;
}

void NamePicker::suggest(const QString& text)
{
    const QString typed = splitLast(text).second;
    m_model->clear();
    if (typed.isEmpty() || m_edit->isReadOnly()) {
        m_completer->popup()->hide();
        return;
    }
    for (const client::DirectoryEntry& entry : m_book->search(typed, kSuggestions)) {
        auto* item = new QStandardItem(describe(entry));
        item->setData(entry.name, Qt::UserRole);
        item->setToolTip(entry.name);
        m_model->appendRow(item);
    }
    if (m_model->rowCount() == 0) {
        m_completer->popup()->hide();
        return;
    }
    m_completer->complete();
}

void NamePicker::choose(const QString& name)
{
    if (name.isEmpty())
        return;
    const QString before = splitLast(m_edit->text()).first;
    m_edit->setText(before.isEmpty() ? name : before + u' ' + name);
    m_completer->popup()->hide();
}

void NamePicker::openDialog()
{
    if (m_edit->isReadOnly() || !m_edit->isEnabled())
        return;
    NamePickerDialog dialog(*m_book, m_edit->window());
    if (dialog.exec() != QDialog::Accepted)
        return;
    QStringList values;
    for (const QString& part : m_edit->text().split(u';')) {
        if (!part.trimmed().isEmpty())
            values.append(part.trimmed());
    }
    for (const QString& name : dialog.chosen()) {
        if (!values.contains(name))
            values.append(name);
    }
    m_edit->setText(values.join(QStringLiteral("; ")));
}

} // namespace sen::gui
