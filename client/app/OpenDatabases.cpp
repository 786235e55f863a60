#include "client/app/OpenDatabases.h"

#include "client/sync/SyncController.h"

namespace sen::app {

OpenDatabases::OpenDatabases(client::Workspace workspace, QString userName, QObject* parent)
    : QObject(parent), m_workspace(std::move(workspace)), m_userName(std::move(userName))
{}

OpenDatabases::~OpenDatabases() = default;

Result<std::shared_ptr<DatabaseSession>> OpenDatabases::session(const QString& name)
{
    if (const auto it = m_open.constFind(name); it != m_open.constEnd())
        return *it;
    SEN_ASSIGN_OR_RETURN(std::unique_ptr<DatabaseSession> opened,
                         DatabaseSession::open(m_workspace, name, m_userName));
    std::shared_ptr<DatabaseSession> shared = std::move(opened);
    DatabaseSession* session = shared.get();
    connect(session, &DatabaseSession::changed, this, [this, name] { Q_EMIT databaseChanged(name); });
    connect(session, &DatabaseSession::awaitingNumber, this, [this, name] { Q_EMIT awaitingNumber(name); });
    connect(session, &DatabaseSession::draftsChanged, this, [this](const QString& drafts) {
        if (const auto open = openSession(drafts))
            open->externalChange(); // not a sync, but the same news: another connection wrote
        else
            Q_EMIT databaseChanged(drafts);
    });
    m_open.insert(name, shared);
    return shared;
}

std::shared_ptr<DatabaseSession> OpenDatabases::openSession(const QString& name) const
{
    return m_open.value(name);
}

void OpenDatabases::watch(const client::SyncController& controller)
{
    connect(&controller, &client::SyncController::replicaChanged, this, &OpenDatabases::syncChanged);
}

void OpenDatabases::syncChanged(const QString& name)
{
    if (const auto open = openSession(name))
        open->externalChange();
    else
        Q_EMIT databaseChanged(name);
}

} // namespace sen::app
