#pragma once

// "New local database": a database that lives only in this workspace until someone
// replicates it (a personal register, a draft schedule). Asks for its file name, kind and
// title, and creates it through client::Workspace; a name already taken or not usable as a
// file name is explained in the dialog, which stays open.

#include "client/core/Workspace.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace sen::gui {

class NewDatabaseDialog : public QDialog
{
    Q_OBJECT
public:
    explicit NewDatabaseDialog(const client::Workspace& workspace, QWidget* parent = nullptr);

    // Set after a successful create: the new database's local name.
    const QString& createdName() const { return m_created; }
    QLineEdit& nameField() const { return *m_name; }
    QLineEdit& titleField() const { return *m_title; }
    QComboBox& kindField() const { return *m_kind; }
    QString errorText() const;

public Q_SLOTS:
    void accept() override;

private:
    client::Workspace m_workspace; // a value: the home directory
    QLineEdit* m_name;
    QLineEdit* m_title;
    QComboBox* m_kind;
    QLabel* m_error;
    QString m_created;
};

} // namespace sen::gui
