#pragma once

// The name picker of a names field (issue #14; docs/directory.md): attached to the line edit
// of a NameList field, it offers — while the user types the value after the last ';' — the
// address book's matching people, groups, roles and units in a pop-up list (chosen, the entry's
// name replaces what was typed), and adds a "…" button to the field that opens
// NamePickerDialog to tick several entries. Widgets only draw and forward: searching is
// client::AddressBook's.
//
// GUI thread only. Owned by the line edit it serves.

#include "client/core/AddressBook.h"

#include <QObject>

#include <memory>

class QAction;
class QCompleter;
class QLineEdit;
class QStandardItemModel;

namespace sen::gui {

class NamePicker : public QObject
{
    Q_OBJECT
public:
    static constexpr int kSuggestions = 12;
    // `book` is shared by the pickers of one form.
    NamePicker(QLineEdit* edit, std::shared_ptr<const client::AddressBook> book);

    // The pop-up list (for tests): its model holds the suggestions, the name in Qt::UserRole.
    QCompleter* completer() const { return m_completer; }
    // Puts `name` in place of the value being typed (what choosing a suggestion does).
    void choose(const QString& name);
    // Opens the dialog; the names ticked are added to the field.
    void openDialog();

    // How an entry reads in a list: "Nguyễn Văn An — VPTU/HaNoi", "Lãnh đạo (nhóm)".
    static QString describe(const client::DirectoryEntry& entry);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void suggest(const QString& text);

    QLineEdit* m_edit;
    std::shared_ptr<const client::AddressBook> m_book;
    QCompleter* m_completer;
    QStandardItemModel* m_model;
    QAction* m_pick = nullptr; // the "…" button
};

} // namespace sen::gui
