// sen-server replicas: every peer instance each database has replicated with.

#include "common/store/ReplicaStore.h"
#include "common/store/ReplicationLog.h"
#include "server/admin/AdminCommands.h"
#include "server/admin/TextTable.h"

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
                {QStringLiteral("lastSync"), lastSyncJson(row.peer.lastSyncMs)},
                {QStringLiteral("highestCounter"), static_cast<qint64>(row.peer.highestCounter)},
                {QStringLiteral("lastStatus"), QString::fromLatin1(errorCodeName(row.peer.lastStatus))}});
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Compact) << '\n';
        return Status::ok();
    }
    QList<QStringList> table = {{QStringLiteral("DATABASE"), QStringLiteral("INSTANCE"),
                                 QStringLiteral("NAME"), QStringLiteral("LAST SYNC"),
                                 QStringLiteral("COUNTER"), QStringLiteral("STATUS")}};
    for (const PeerRow& row : rows)
        table << QStringList{row.database,
                             row.peer.instance.toHex(),
                             row.peer.name.isEmpty() ? QStringLiteral("-") : row.peer.name,
                             lastSyncText(row.peer.lastSyncMs),
                             QString::number(row.peer.highestCounter),
                             QString::fromLatin1(errorCodeName(row.peer.lastStatus))};
    TextTable::print(ctx.out, table);
    return Status::ok();
}

} // namespace sen::server
