#include "client/sync/Replicator.h"

#include "client/sync/DirectoryUpdate.h"
#include "client/sync/NumberRequests.h"
#include "client/sync/SyncFollowUp.h"
#include "replication/transport/TlsConfiguration.h"

#include <QFile>

namespace sen::client {

namespace {

const QString kServer = QStringLiteral("replication.server");
const QString kDatabase = QStringLiteral("replication.database");
const QString kForms = QStringLiteral("replication.forms");
const QString kSummaryOnly = QStringLiteral("replication.summary_only");

constexpr int kSessionTimeoutMs = 30 * 60 * 1000; // a whole sync; the link's idle limit is shorter
constexpr int kDescribeTimeoutMs = 30'000;

} // namespace

Replicator::Replicator(Workspace& workspace, identity::Credentials credentials)
    : m_workspace(workspace), m_credentials(std::move(credentials))
{}

Result<ReplicaSettings> Replicator::settingsOf(const ReplicaStore& store)
{
    ReplicaSettings settings;
    SEN_ASSIGN_OR_RETURN(settings.server, store.setting(kServer));
    SEN_ASSIGN_OR_RETURN(settings.database, store.setting(kDatabase));
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
    SEN_ASSIGN_OR_RETURN(const RemoteEndpoint endpoint,
                         RemoteEndpoint::parse(settings.server, settings.database));
    SEN_ASSIGN_OR_RETURN(const QSslConfiguration tls,
                         makeTlsConfiguration(m_credentials, m_credentials.certifierDer()));
    SEN_ASSIGN_OR_RETURN(
        const protocol::DatabaseInfo info,
        describeRemoteDatabase(tls, endpoint, m_credentials.name.toString(), kDescribeTimeoutMs, cancelled));
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
        SEN_TRY(store->setSetting(kServer, endpoint.address()));
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

Result<Replicator::SessionPlan> Replicator::plan(const ReplicaSettings& settings) const
{
    SessionPlan plan;
    SEN_ASSIGN_OR_RETURN(plan.endpoint, RemoteEndpoint::parse(settings.server, settings.database));
    SEN_ASSIGN_OR_RETURN(plan.tls, makeTlsConfiguration(m_credentials, m_credentials.certifierDer()));
    plan.options.filter.forms = settings.forms;
    plan.options.filter.summaryOnly = settings.summaryOnly;
    plan.options.dropAcknowledgedStubs = true; // a client: the server keeps the record of deletions
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
    report.server = settings.server;
    auto planned = plan(settings);
    if (!planned) {
        report.status = planned.status();
        return report;
    }
    report.status = runSession(*store, *planned, report);
    if (!SyncFollowUp::needsNewInstance(report.status))
        return report;
    // A copy or a restored backup (docs/protocol.md §A session): a new instance ID, then once more.
    const QString path = store->path();
    store.reset();
    auto renewed = SyncFollowUp::renewInstance(path, settings.server);
    auto reopened = ReplicaStore::open(path);
    if (!renewed || !reopened) {
        report.status = !renewed ? renewed.status() : reopened.status();
        return report;
    }
    store = std::move(reopened).value();
    report.renewal = *renewed;
    report.status = runSession(*store, *planned, report);
    return report;
}

Status Replicator::runSession(ReplicaStore& store, const SessionPlan& plan, SyncReport& report)
{
    SessionOptions options = plan.options;
    // A first pull stores documents only; the search index is built after it, in bulk (the
    // desktop client's index worker, or `senctl search`; docs/search.md §"The first pull").
    options.deferFullText = true;
    options.numbering = std::make_shared<NumberRequests>(store);
    options.directory = std::make_shared<DirectoryUpdate>(m_workspace.home(), plan.endpoint.address(),
                                                          store.info().replicaId.toHex());
    RemoteSession session(store, plan.tls, plan.endpoint, options);
    const Status status = session.runBlocking(kSessionTimeoutMs);
    report.stats = session.stats();
    if (const Status kept = SyncFollowUp::keepReportedAccess(store, session, m_credentials.name.toString());
        !kept.isOk())
        qWarning("sen: could not store the access the server reported: %s", qPrintable(kept.toString()));
    return status;
}

} // namespace sen::client
