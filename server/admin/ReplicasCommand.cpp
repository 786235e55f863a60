// sen-server replicas: every peer instance each database has replicated with.

#include "common/store/ReplicaStore.h"
#include "common/store/ReplicationLog.h"
#include "server/admin/AdminCommands.h"
#include "server/admin/TextTable.h"
#include "server/core/UserRegistry.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sen::server {

namespace {

struct PeerRow
{
    QString database;
    PeerRecord peer;
};

QString lastSyncText(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                  : QStringLiteral("never");
}

QJsonValue lastSyncJson(qint64 ms)
{
    return ms > 0 ? QJsonValue(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs))
                  : QJsonValue(QJsonValue::Null);
}

// What this server knows a peer's name to be: a server it issued an ID to (servers.json, at
// the hub), a registered user, or neither (empty: another server's peer, or the hub seen
// from a spoke).
class PeerKinds
{
public:
    static Result<PeerKinds> load(const DataDirectory& dir)
    {
        PeerKinds kinds;
        if (QFileInfo::exists(dir.serversPath())) {
            SEN_ASSIGN_OR_RETURN(kinds.m_servers, UserRegistry::load(dir.serversPath()));
        }
        SEN_ASSIGN_OR_RETURN(kinds.m_users, UserRegistry::load(dir.usersPath()));
        kinds.m_self = dir.serverName();
        return kinds;
    }
    QString of(const QString& peerName) const
    {
        const auto name = identity::HierarchicalName::parse(peerName);
        if (!name)
            return QString();
        if (*name == m_self || known(m_servers, *name))
            return QStringLiteral("server");
        return known(m_users, *name) ? QStringLiteral("user") : QString();
    }

private:
    static bool known(const std::optional<UserRegistry>& registry, const identity::HierarchicalName& name)
    {
        if (!registry)
            return false;
        for (const RegisteredUser& user : registry->users())
            if (user.name == name)
                return true;
        return false;
    }
    std::optional<UserRegistry> m_servers;
    std::optional<UserRegistry> m_users;
    identity::HierarchicalName m_self;
};

} // namespace

Status runReplicas(AdminContext& ctx)
{
    QStringList names;
    if (ctx.operands.isEmpty()) {
        names = ctx.dir->databaseNames();
    } else {
        SEN_ASSIGN_OR_RETURN(const QString name, ctx.dir->findDatabase(ctx.operands.constFirst()));
        names << name;
    }
    SEN_ASSIGN_OR_RETURN(const PeerKinds kinds, PeerKinds::load(*ctx.dir));
    QList<PeerRow> rows;
    for (const QString& name : names) {
        ReplicaOpenOptions options;
        options.readOnly = true;
        SEN_ASSIGN_OR_RETURN(auto store, ReplicaStore::open(ctx.dir->databasePath(name), options));
        SEN_ASSIGN_OR_RETURN(const std::vector<PeerRecord> peers, store->replication().log().peers());
        for (const PeerRecord& peer : peers)
            rows << PeerRow{name, peer};
    }

    SEN_ASSIGN_OR_RETURN(const DataDirectoryLock lock, lockForChange(ctx));
    SEN_TRY(ctx.dir->appendAudit(
        adminEvent(ctx, QStringLiteral("replicas"),
                   QStringLiteral("listed the replicas of %1 (%2 peers)")
                       .arg(ctx.operands.isEmpty() ? QStringLiteral("every database") : names.constFirst())
                       .arg(rows.size())),
        lock));

    if (ctx.args.has(QStringLiteral("--json"))) {
        QJsonArray array;
        for (const PeerRow& row : rows)
            array.append(QJsonObject{
                {QStringLiteral("database"), row.database},
                {QStringLiteral("instance"), row.peer.instance.toHex()},
                {QStringLiteral("name"), row.peer.name},
                {QStringLiteral("peerKind"), kinds.of(row.peer.name).isEmpty()
                                                 ? QJsonValue(QJsonValue::Null)
                                                 : QJsonValue(kinds.of(row.peer.name))},
                {QStringLiteral("lastSync"), lastSyncJson(row.peer.lastSyncMs)},
                {QStringLiteral("highestCounter"), static_cast<qint64>(row.peer.highestCounter)},
                {QStringLiteral("lastStatus"), QString::fromLatin1(errorCodeName(row.peer.lastStatus))}});
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Compact) << '\n';
        return Status::ok();
    }
    QList<QStringList> table = {{QStringLiteral("DATABASE"), QStringLiteral("INSTANCE"),
                                 QStringLiteral("NAME"), QStringLiteral("KIND"), QStringLiteral("LAST SYNC"),
                                 QStringLiteral("COUNTER"), QStringLiteral("STATUS")}};
    for (const PeerRow& row : rows)
        table << QStringList{row.database,
                             row.peer.instance.toHex(),
                             row.peer.name.isEmpty() ? QStringLiteral("-") : row.peer.name,
                             kinds.of(row.peer.name).isEmpty() ? QStringLiteral("-")
                                                               : kinds.of(row.peer.name),
                             lastSyncText(row.peer.lastSyncMs),
                             QString::number(row.peer.highestCounter),
                             QString::fromLatin1(errorCodeName(row.peer.lastStatus))};
    TextTable::print(ctx.out, table);
    return Status::ok();
}

} // namespace sen::server
