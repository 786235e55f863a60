#include "client/sync/Replicator.h"

#include "client/sync/DirectoryUpdate.h"
#include "client/sync/NumberRequests.h"
#include "client/sync/ReplicaServers.h"
#include "client/sync/SyncFollowUp.h"
#include "replication/transport/TlsConfiguration.h"

#include <QFile>

namespace sen::client {

namespace {

const QString kServer = QStringLiteral("replication.server");
const QString kDatabase = QStringLiteral("replication.database");
const QString kForms = QStringLiteral("replication.forms");
const QString kSummaryOnly = QStringLiteral("replication.summary_only");
const QString kLastServer = QStringLiteral("replication.last_server");
const QString kLastServerName = QStringLiteral("replication.last_server_name");

constexpr int kSessionTimeoutMs = 30 * 60 * 1000; // a whole sync; the link's idle limit is shorter
constexpr int kDescribeTimeoutMs = 30'000;

} // namespace

Replicator::Replicator(Workspace& workspace, identity::Credentials credentials)
    : m_workspace(workspace), m_credentials(std::move(credentials))
{}

Result<ReplicaSettings> Replicator::settingsOf(const ReplicaStore& store)
{
    ReplicaSettings settings;
    SEN_ASSIGN_OR_RETURN(const QString servers, store.setting(kServer));
    SEN_ASSIGN_OR_RETURN(settings.database, store.setting(kDatabase));
    if (!servers.isEmpty()) {
        // One address (a replica of an older Sen) is a list of one. A value the rules refuse
        // (written by hand, or by a Sen that checked less) is kept whole as one server: the
        // replica still opens and lists, and its sync says what is wrong with the address.
        auto parsed = ReplicaServers::parse(servers, settings.database);
        settings.servers = parsed ? *parsed : QStringList{servers};
        settings.server = settings.servers.constFirst();
    }
    SEN_ASSIGN_OR_RETURN(const QString forms, store.setting(kForms));
    settings.forms = forms.split(u';', Qt::SkipEmptyParts);
    SEN_ASSIGN_OR_RETURN(const QString summaryOnly, store.setting(kSummaryOnly));
    settings.summaryOnly = summaryOnly == u"1";
    return settings;
}

Result<SyncReport> Replicator::addReplica(const ReplicaSettings& settings)
{
    SEN_ASSIGN_OR_RETURN(std::unique_ptr<ReplicaStore> store, createReplica(settings));
    SEN_ASSIGN_OR_RETURN(const ReplicaSettings stored, settingsOf(*store));
    return syncOne(settings.database, store, stored);
}

Result<std::unique_ptr<ReplicaStore>> Replicator::createReplica(const ReplicaSettings& settings,
                                                                const std::function<bool()>& cancelled)
{
    if (!Workspace::isValidName(settings.database))
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("\"%1\" cannot name a local replica (letters, digits, '-', '_', '.')")
                          .arg(settings.database));
    SEN_ASSIGN_OR_RETURN(
        const QStringList servers,
        settings.servers.isEmpty()
            ? ReplicaServers::parse(settings.server, settings.database)
            : ReplicaServers::parse(ReplicaServers::join(settings.servers), settings.database));
    SEN_ASSIGN_OR_RETURN(const QSslConfiguration tls,
                         makeTlsConfiguration(m_credentials, m_credentials.certifierDer()));
    // The first server that answers describes the database; a later one holding another
    // database under that name is refused at its first session (Session: replica IDs).
    Result<protocol::DatabaseInfo> described = Status(ErrorCode::Internal, QStringLiteral("no server"));
    for (const QString& server : servers) {
        SEN_ASSIGN_OR_RETURN(const RemoteEndpoint endpoint, RemoteEndpoint::parse(server, settings.database));
        described = describeRemoteDatabase(tls, endpoint, m_credentials.name.toString(), kDescribeTimeoutMs,
                                           cancelled);
        if (described || !ReplicaServers::movesOn(described.status()))
            break;
    }
    SEN_ASSIGN_OR_RETURN(const protocol::DatabaseInfo info, std::move(described));
    const std::optional<DatabaseKind> kind = databaseKindFromInt(info.kind);
    if (!kind)
        return Status(
            ErrorCode::Unsupported,
            QStringLiteral("%1 is a kind of database this version does not know").arg(settings.database));

    const QString path = m_workspace.replicaPath(settings.database);
    if (QFile::exists(path))
        return Status(ErrorCode::Conflict,
                      QStringLiteral("a database %1 exists in this workspace").arg(settings.database));
    ReplicaCreateOptions create;
    create.replicaId = info.replicaId;
    create.title = info.title;
    create.kind = *kind;
    SEN_ASSIGN_OR_RETURN(std::unique_ptr<ReplicaStore> store, ReplicaStore::create(path, create));
    const Status configured = store->batch([&]() -> Status {
        SEN_TRY(store->setSetting(kServer, ReplicaServers::join(servers)));
        SEN_TRY(store->setSetting(kDatabase, settings.database));
        SEN_TRY(store->setSetting(kForms, settings.forms.join(u';')));
        return store->setSetting(kSummaryOnly, settings.summaryOnly ? QStringLiteral("1") : QString());
    });
    if (!configured.isOk()) {
        store.reset();
        QFile::remove(path);
        return configured;
    }
    return store;
}

Status Replicator::setServers(ReplicaStore& store, const QString& servers)
{
    SEN_ASSIGN_OR_RETURN(const ReplicaSettings settings, settingsOf(store));
    if (settings.server.isEmpty())
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("%1 is a local database: it has no servers").arg(store.info().title));
    SEN_ASSIGN_OR_RETURN(const QStringList parsed, ReplicaServers::parse(servers, settings.database));
    return store.setSetting(kServer, ReplicaServers::join(parsed));
}

Status Replicator::recordServerUsed(ReplicaStore& store, const QString& server, const QString& serverName)
{
    return store.batch([&]() -> Status {
        SEN_TRY(store.setSetting(kLastServer, server));
        return store.setSetting(kLastServerName, serverName);
    });
}

Status Replicator::recordBundleOrigin(ReplicaStore& store, const QString& database, const QString& serverName)
{
    return store.batch([&]() -> Status {
        SEN_TRY(store.setSetting(kDatabase, database));
        return store.setSetting(kLastServerName, serverName);
    });
}

Result<std::pair<QString, QString>> Replicator::lastServerOf(const ReplicaStore& store)
{
    SEN_ASSIGN_OR_RETURN(const QString server, store.setting(kLastServer));
    SEN_ASSIGN_OR_RETURN(const QString name, store.setting(kLastServerName));
    return std::pair{server, name};
}

Result<Replicator::SessionPlan> Replicator::plan(const ReplicaSettings& settings, const QString& server) const
{
    SessionPlan plan;
    SEN_ASSIGN_OR_RETURN(
        plan.endpoint, RemoteEndpoint::parse(server.isEmpty() ? settings.server : server, settings.database));
    if (auto home = RemoteEndpoint::parse(settings.server, settings.database))
        plan.homeServer = home->address();
    SEN_ASSIGN_OR_RETURN(plan.tls, makeTlsConfiguration(m_credentials, m_credentials.certifierDer()));
    plan.options.filter.forms = settings.forms;
    plan.options.filter.summaryOnly = settings.summaryOnly;
    plan.options.dropAcknowledgedStubs = true; // a client: the server keeps the record of deletions
    plan.options.pushOwnEditsOnly = true;      // a user: others' edits reach the server from their own
    return plan;
}

Result<std::vector<SyncReport>> Replicator::sync(const QString& nameOrReplicaId)
{
    std::vector<SyncReport> reports;
    SEN_ASSIGN_OR_RETURN(const std::vector<ReplicaEntry> entries, m_workspace.list());
    bool matched = nameOrReplicaId.isEmpty();
    for (const ReplicaEntry& entry : entries) {
        if (!nameOrReplicaId.isEmpty() && entry.name != nameOrReplicaId &&
            entry.info.replicaId.toHex() != nameOrReplicaId.toLower())
            continue;
        matched = true;
        SEN_ASSIGN_OR_RETURN(std::unique_ptr<ReplicaStore> store, ReplicaStore::open(entry.path));
        SEN_ASSIGN_OR_RETURN(const ReplicaSettings settings, settingsOf(*store));
        if (settings.server.isEmpty()) {
            if (!nameOrReplicaId.isEmpty())
                return Status(
                    ErrorCode::InvalidArgument,
                    QStringLiteral("%1 is a local database: it has no server to sync with").arg(entry.name));
            continue;
        }
        reports.push_back(syncOne(entry.name, store, settings));
    }
    if (!matched)
        return Status(ErrorCode::NotFound,
                      QStringLiteral("no database %1 in %2").arg(nameOrReplicaId, m_workspace.home()));
    return reports;
}

Result<SyncReport> Replicator::number(const QString& name)
{
    SEN_ASSIGN_OR_RETURN(std::unique_ptr<ReplicaStore> store, m_workspace.openDatabase(name));
    SEN_ASSIGN_OR_RETURN(const ReplicaSettings settings, settingsOf(*store));
    if (settings.server.isEmpty())
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("%1 is a local database: it has no server to give numbers").arg(name));
    SEN_ASSIGN_OR_RETURN(SessionPlan planned, plan(settings));
    planned.options.pull = false;
    SyncReport report;
    report.replica = name;
    report.server = settings.server;
    report.status = runSession(*store, planned, report);
    return report;
}

SyncReport Replicator::syncOne(const QString& name, std::unique_ptr<ReplicaStore>& store,
                               const ReplicaSettings& settings)
{
    SyncReport report;
    report.replica = name;
    const QStringList servers = settings.servers.isEmpty() ? QStringList{settings.server} : settings.servers;
    for (const QString& server : servers) {
        if (!report.status.isOk())
            report.passedOver.push_back({report.server, report.status});
        report.server = server;
        report.stats = {};
        syncWith(server, store, settings, report);
        if (report.status.isOk()) {
            if (const Status kept = recordServerUsed(*store, server, report.serverName); !kept.isOk())
                qWarning("sen: could not record the server used: %s", qPrintable(kept.toString()));
            return report;
        }
        if (!ReplicaServers::movesOn(report.status))
            return report; // an answer (a refusal of us, another database): reported, never skipped
    }
    return report;
}

void Replicator::syncWith(const QString& server, std::unique_ptr<ReplicaStore>& store,
                          const ReplicaSettings& settings, SyncReport& report)
{
    auto planned = plan(settings, server);
    if (!planned) {
        report.status = planned.status();
        return;
    }
    report.status = runSession(*store, *planned, report);
    if (!SyncFollowUp::needsNewInstance(report.status))
        return;
    // A copy or a restored backup (docs/protocol.md §A session): a new instance ID, then once more.
    const QString path = store->path();
    store.reset();
    auto renewed = SyncFollowUp::renewInstance(path, server);
    auto reopened = ReplicaStore::open(path);
    if (!renewed || !reopened) {
        report.status = !renewed ? renewed.status() : reopened.status();
        if (reopened)
            store = std::move(reopened).value();
        return;
    }
    store = std::move(reopened).value();
    report.renewal = *renewed;
    report.status = runSession(*store, *planned, report);
}

Status Replicator::runSession(ReplicaStore& store, const SessionPlan& plan, SyncReport& report)
{
    SessionOptions options = plan.options;
    // A first pull stores documents only; the search index is built after it, in bulk (the
    // desktop client's index worker, or `senctl search`; docs/search.md §"The first pull").
    options.deferFullText = true;
    if (plan.isHome()) // the home server is the registers' numbering authority (docs/client.md §Failover)
        options.numbering = std::make_shared<NumberRequests>(store);
    options.directory = std::make_shared<DirectoryUpdate>(m_workspace.home(), plan.homeServer,
                                                          store.info().replicaId.toHex());
    RemoteSession session(store, plan.tls, plan.endpoint, options);
    const Status status = session.runBlocking(kSessionTimeoutMs);
    report.stats = session.stats();
    report.serverName = session.peerName();
    if (const Status kept = SyncFollowUp::keepReportedAccess(store, session, m_credentials.name.toString());
        !kept.isOk())
        qWarning("sen: could not store the access the server reported: %s", qPrintable(kept.toString()));
    return status;
}

} // namespace sen::client
