#pragma once

// The address book as a list to tick (docs/directory.md): a search box (no diacritics needed)
// over the people, groups, roles and units of client::AddressBook; each ticked entry stays
// ticked while the search changes, and chosen() gives their names in the order ticked. Used by
// NamePicker's "…" button.
//
// GUI thread only.

#include "client/core/AddressBook.h"

#include <QDialog>
#include <QStringList>

class QLineEdit;
class QListWidget;

namespace sen::gui {

class NamePickerDialog : public QDialog
{
    Q_OBJECT
public:
    static constexpr int kShown = 200;
    NamePickerDialog(const client::AddressBook& book, QWidget* parent = nullptr);

    // Shows the entries matching `query` (what typing in the search box does).
    void search(const QString& query);
    // Ticks or unticks an entry by name (what a click on its box does).
    void setTicked(const QString& name, bool ticked);
    QStringList chosen() const { return m_chosen; }
    QListWidget* list() const { return m_list; }

private:
    const client::AddressBook& m_book;
    QLineEdit* m_search;
    QListWidget* m_list;
    QStringList m_chosen;
};

} // namespace sen::gui
