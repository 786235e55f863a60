#include "client/gui/replication/BundleActions.h"

#include "client/app/OfficeBundle.h"
#include "client/app/OpenDatabases.h"
#include "client/core/ErrorText.h"
#include "client/gui/app/ErrorBox.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>

namespace sen::gui {

BundleActions::BundleActions(app::OpenDatabases& databases, QWidget* parent)
    : QObject(parent), m_databases(databases), m_parent(parent), m_menu(new QMenu(parent))
{
    QAction* exporting = m_menu->addAction(tr("Export change bundle…"), this, &BundleActions::exportChosen);
    exporting->setObjectName(QStringLiteral("exportBundle"));
    exporting->setToolTip(tr("Write this replica's unsent changes to a file to carry to the server"));
    QAction* importing = m_menu->addAction(tr("Import bundle…"), this, &BundleActions::importChosen);
    importing->setObjectName(QStringLiteral("importBundle"));
    importing->setToolTip(tr("Import the answer bundle the server's administrator wrote"));
    m_menu->addSeparator();
    QAction* creating =
        m_menu->addAction(tr("Create replica from bundle…"), this, &BundleActions::createChosen);
    creating->setObjectName(QStringLiteral("createFromBundle"));
    creating->setToolTip(tr("Make a new replica from the first bundle the server's administrator wrote for "
                            "you, when this office has no link at all"));
    m_choose = [this](bool save, const QString& replica) {
        const QString filter = tr("Sen bundles (*.senbundle);;All files (*)");
        if (save)
            return QFileDialog::getSaveFileName(m_parent, tr("Export change bundle"),
                                                QDir::home().filePath(replica + QStringLiteral(".senbundle")),
                                                filter);
        return QFileDialog::getOpenFileName(m_parent, tr("Import bundle"), QDir::homePath(), filter);
    };
    m_notify = [this](const QString& title, const Status& status, const QString& text) {
        if (status.isOk())
            QMessageBox::information(m_parent, title, text);
        else
            QMessageBox::warning(m_parent, title, text);
    };
    setReplica(QString());
}

void BundleActions::setReplica(const QString& name)
{
    m_replica = name;
    for (QAction* action : m_menu->actions()) {
        if (action->objectName() != u"createFromBundle") // needs no replica
            action->setEnabled(!name.isEmpty());
    }
}

Result<BundleInfo> BundleActions::exportBundle(const QString& replica, const QString& path)
{
    if (!m_identity)
        return Status(ErrorCode::NotFound, QStringLiteral("no unlocked ID to sign the bundle with"));
    return app::OfficeBundle::exportReplica(m_databases.workspace(), replica, *m_identity, path);
}

Result<app::OfficeBundle::CreatedReplica> BundleActions::createFromBundle(const QString& path)
{
    QByteArray certifier;
    if (m_identity) {
        certifier = m_identity->certifierDer();
    } else {
        SEN_ASSIGN_OR_RETURN(certifier, app::OfficeBundle::workspaceCertifier(m_databases.workspace()));
    }
    SEN_ASSIGN_OR_RETURN(
        app::OfficeBundle::CreatedReplica made,
        app::OfficeBundle::createReplica(m_databases.workspace(), QString(), certifier, path));
    Q_EMIT created(made.name);
    return made;
}

Result<BundleInfo> BundleActions::importBundle(const QString& replica, const QString& path)
{
    QByteArray certifier;
    if (m_identity) {
        certifier = m_identity->certifierDer();
    } else {
        SEN_ASSIGN_OR_RETURN(certifier, app::OfficeBundle::workspaceCertifier(m_databases.workspace()));
    }
    SEN_ASSIGN_OR_RETURN(const BundleInfo info,
                         app::OfficeBundle::importReplica(m_databases.workspace(), replica, certifier, path));
    // Written on a connection of its own, like a sync: the database's pages hear it the same way.
    m_databases.announceChange(replica);
    Q_EMIT imported(replica);
    return info;
}

void BundleActions::exportChosen()
{
    const QString replica = m_replica;
    const QString path = replica.isEmpty() ? QString() : m_choose(true, replica);
    if (path.isEmpty())
        return;
    const auto done = exportBundle(replica, path);
    const QString title = tr("Export change bundle");
    m_notify(title, done.status(),
             done ? app::OfficeBundle::describeExport(*done)
                  : client::ErrorText::sentence(
                        done.status(),
                        client::ErrorContext::forFile(client::Situation::ExportingBundle, replica, path)));
}

void BundleActions::importChosen()
{
    const QString replica = m_replica;
    const QString path = replica.isEmpty() ? QString() : m_choose(false, replica);
    if (path.isEmpty())
        return;
    const auto done = importBundle(replica, path);
    const QString title = tr("Import bundle");
    m_notify(title, done.status(),
             done ? app::OfficeBundle::describeImport(*done)
                  : client::ErrorText::sentence(
                        done.status(),
                        client::ErrorContext::forFile(client::Situation::ImportingBundle, replica, path)));
}

void BundleActions::createChosen()
{
    const QString path = m_choose(false, QString());
    if (path.isEmpty())
        return;
    const auto done = createFromBundle(path);
    const QString title = tr("Create replica from bundle");
    m_notify(title, done.status(),
             done ? app::OfficeBundle::describeCreated(*done)
                  : client::ErrorText::sentence(
                        done.status(),
                        client::ErrorContext::forFile(client::Situation::ImportingBundle, QString(), path)));
}

} // namespace sen::gui
