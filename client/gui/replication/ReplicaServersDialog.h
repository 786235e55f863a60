#pragma once

// The replica's servers (issue #16, docs/client.md §Failover): an ordered list editor — the
// servers in the order a sync tries them, the first the home server; add one, remove one,
// move one up or down, and save. Every rule and the writing are app::ReplicaServerList's;
// this widget shows its list and its messages. GUI thread only.

#include "client/app/ReplicaServerList.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace sen::gui {

class ReplicaServersDialog : public QDialog
{
    Q_OBJECT
public:
    // `lastServer`: ReplicaServerList::lastServerText() of the replica, shown under the list.
    ReplicaServersDialog(app::ReplicaServerList list, const QString& lastServer, QWidget* parent = nullptr);

    const app::ReplicaServerList& list() const { return m_list; }
    // What the last action said (empty when it worked).
    QString problem() const;

    // The buttons' actions, for tests as for the user.
    void addTyped();
    void removeSelected();
    void moveSelected(int delta);
    void accept() override;

private:
    void show(const Status& status, int select);

    app::ReplicaServerList m_list;
    QListWidget* m_servers = nullptr;
    QLineEdit* m_address = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_remove = nullptr;
    QPushButton* m_up = nullptr;
    QPushButton* m_down = nullptr;
    QLabel* m_problem = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace sen::gui
