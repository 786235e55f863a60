#pragma once

// The replication page's bundle actions for an office with no link (docs/client.md §Bundles):
// "Export change bundle…" writes the selected replica's unsent changes to a file signed by the
// user's ID; "Import bundle…" imports the server's answer. Both only forward to the
// application layer (client/app/OfficeBundle.h), the same functions `senctl bundle` calls,
// then say what happened in one translated sentence (or the error's, ErrorBox). "Create
// replica from bundle…" makes a new replica from a first bundle the server's administrator
// wrote for the user (`sen-server bundle export --for`), for an office with no link at all; it
// needs no selected replica.
//
// GUI thread only. The file is chosen with a file dialog unless a chooser is set (tests).

#include "client/app/OfficeBundle.h"
#include "common/core/Result.h"
#include "common/identity/Credentials.h"
#include "replication/bundle/Bundle.h"

#include <QObject>
#include <QString>

#include <functional>

class QMenu;
class QWidget;

namespace sen::app {
class OpenDatabases;
}

namespace sen::gui {

class BundleActions : public QObject
{
    Q_OBJECT
public:
    BundleActions(app::OpenDatabases& databases, QWidget* parent);

    // The user's unlocked ID, which signs exports (kept by the main window's session; must
    // outlive this object). Without it an export fails with NotFound.
    void setIdentity(const identity::Credentials* credentials) { m_identity = credentials; }
    // Which replica the actions work on (empty: none; the actions are disabled).
    void setReplica(const QString& name);

    QMenu* menu() const { return m_menu; }

    // The file to write (`save`) or read; empty when the user cancelled (`replica` is empty
    // when choosing a first bundle).
    using Chooser = std::function<QString(bool save, const QString& replica)>;
    void setChooser(Chooser chooser) { m_choose = std::move(chooser); }
    // What to show the user afterwards: a message box unless replaced (tests).
    using Notifier = std::function<void(const QString& title, const Status& status, const QString& text)>;
    void setNotifier(Notifier notify) { m_notify = std::move(notify); }

    // The two actions with the file already chosen.
    Result<BundleInfo> exportBundle(const QString& replica, const QString& path);
    Result<BundleInfo> importBundle(const QString& replica, const QString& path);
    // A new replica, named as the server names the database, from the first bundle at `path`.
    Result<app::OfficeBundle::CreatedReplica> createFromBundle(const QString& path);

    // The menu's actions run these: choose the file, work, tell the user.
    void exportChosen();
    void importChosen();
    void createChosen();

Q_SIGNALS:
    // An import stored something in `replica` (its pages re-read through its session).
    void imported(const QString& replica);
    // A first bundle made the new replica `replica`.
    void created(const QString& replica);

private:
    app::OpenDatabases& m_databases;
    QWidget* m_parent;
    QMenu* m_menu;
    QString m_replica;
    const identity::Credentials* m_identity = nullptr;
    Chooser m_choose;
    Notifier m_notify;
};

} // namespace sen::gui
