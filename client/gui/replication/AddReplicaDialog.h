#pragma once

// "Add a replica from a server": the server's address (HOST:PORT), the database's name there,
// summary-only (attachments fetched when opened) and which forms to copy (empty: all). The
// address is checked as typed; the server is asked only when the SyncController runs the
// request. The last server used is offered again (`<home>/sen.ini`). GUI thread.

#include "client/sync/Replicator.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace sen::gui {

class AddReplicaDialog : public QDialog
{
    Q_OBJECT
public:
    // `iniPath`: the workspace's sen.ini, for the last server used (empty: none).
    explicit AddReplicaDialog(const QString& iniPath, QWidget* parent = nullptr);

    void setSettings(const client::ReplicaSettings& settings);
    client::ReplicaSettings settings() const;
    // Empty when the fields make a valid request, else what is wrong, in words.
    QString problem() const;

    void accept() override;

private:
    void validate();

    QString m_iniPath;
    QLineEdit* m_server;
    QLineEdit* m_database;
    QLineEdit* m_forms;
    QCheckBox* m_summaryOnly;
    QLabel* m_problem;
    QDialogButtonBox* m_buttons;
};

} // namespace sen::gui
