// sen-server connection add / list / remove: the connection documents of connections.json
// (docs/server.md §connections.json), which the running daemon follows.

#include "server/admin/AdminCommands.h"
#include "server/admin/TextTable.h"
#include "server/peers/ConnectionsFile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sen::server {

namespace {

const QString kAddUsage =
    QStringLiteral("connection add HOST:PORT [--databases A,B] [--pull|--push] [--every MINUTES] "
                   "[--hours HH:MM-HH:MM] [--parallel N]");

// A whole number in [min, max] for `option`, or `fallback` when it is not given.
Result<int> boundedOption(const AdminContext& ctx, const QString& option, int min, int max, int fallback)
{
    if (!ctx.args.has(option))
        return fallback;
    bool ok = false;
    const QString text = ctx.args.value(option);
    const int value = text.toInt(&ok);
    if (!ok || value < min || value > max)
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("usage: %1 N with N a whole number from %2 to %3 (\"%4\")")
                          .arg(option)
                          .arg(min)
                          .arg(max)
                          .arg(text.left(100)));
    return value;
}

Result<Connection> connectionFromOptions(const AdminContext& ctx)
{
    Connection connection;
    SEN_ASSIGN_OR_RETURN(connection.address, Connection::normaliseAddress(ctx.operands.value(0)));
    if (ctx.args.has(QStringLiteral("--databases"))) {
        connection.databases = ctx.args.value(QStringLiteral("--databases")).split(u',', Qt::SkipEmptyParts);
        if (connection.databases.isEmpty())
            return usageError(kAddUsage);
    }
    const bool pullOnly = ctx.args.has(QStringLiteral("--pull"));
    const bool pushOnly = ctx.args.has(QStringLiteral("--push"));
    if (pullOnly && pushOnly)
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("usage: --pull or --push, not both (neither: both directions)"));
    connection.pull = !pushOnly;
    connection.push = !pullOnly;
    SEN_ASSIGN_OR_RETURN(connection.everyMinutes,
                         boundedOption(ctx, QStringLiteral("--every"), 1, Connection::kMaxEveryMinutes,
                                       Connection::kDefaultEveryMinutes));
    SEN_ASSIGN_OR_RETURN(connection.parallel,
                         boundedOption(ctx, QStringLiteral("--parallel"), 1, Connection::kMaxParallel, 1));
    if (ctx.args.has(QStringLiteral("--hours"))) {
        const auto hours = HourWindow::parse(ctx.args.value(QStringLiteral("--hours")));
        if (!hours)
            return Status(ErrorCode::InvalidArgument,
                          QStringLiteral("usage: --hours HH:MM-HH:MM (%1)").arg(hours.message()));
        connection.hours = *hours;
    }
    SEN_TRY(connection.validate());
    return connection;
}

QString timeText(const QDateTime& time, const QString& none)
{
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : none;
}

QJsonValue timeJson(const QDateTime& time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

} // namespace

Status runConnectionAdd(AdminContext& ctx)
{
    SEN_ASSIGN_OR_RETURN(const Connection connection, connectionFromOptions(ctx));
    SEN_ASSIGN_OR_RETURN(const DataDirectoryLock lock, lockForChange(ctx));
    SEN_ASSIGN_OR_RETURN(std::vector<Connection> connections, ConnectionsFile::load(ctx.dataPath));
    for (const Connection& existing : connections)
        if (existing.address == connection.address)
            return Status(
                ErrorCode::Conflict,
                QStringLiteral("a connection to %1 exists; remove it first").arg(connection.address));
    if (connections.size() >= size_t(ConnectionsFile::kMaxConnections))
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("at most %1 connections").arg(ConnectionsFile::kMaxConnections));
    connections.push_back(connection);
    SEN_TRY(ConnectionsFile::save(ctx.dataPath, connections));
    SEN_TRY(ctx.dir->appendAudit(
        adminEvent(
            ctx, QStringLiteral("connection_add"),
            QStringLiteral("added a connection to %1 (%2, %3, every %4 minutes, hours %5, %6 at a time)")
                .arg(connection.address,
                     connection.databases.isEmpty() ? QStringLiteral("every database")
                                                    : connection.databases.join(u','),
                     connection.directionText())
                .arg(connection.everyMinutes)
                .arg(connection.hours ? connection.hours->toString() : QStringLiteral("any"))
                .arg(connection.parallel)),
        lock));
    ctx.out << connection.address << '\n';
    return Status::ok();
}

Status runConnectionRemove(AdminContext& ctx)
{
    SEN_ASSIGN_OR_RETURN(const QString address, Connection::normaliseAddress(ctx.operands.value(0)));
    SEN_ASSIGN_OR_RETURN(const DataDirectoryLock lock, lockForChange(ctx));
    SEN_ASSIGN_OR_RETURN(std::vector<Connection> connections, ConnectionsFile::load(ctx.dataPath));
    const auto found = std::find_if(connections.begin(), connections.end(),
                                    [&](const Connection& c) { return c.address == address; });
    if (found == connections.end())
        return Status(ErrorCode::NotFound, QStringLiteral("no connection to %1").arg(address));
    connections.erase(found);
    SEN_TRY(ConnectionsFile::save(ctx.dataPath, connections));
    SEN_TRY(ctx.dir->appendAudit(adminEvent(ctx, QStringLiteral("connection_remove"),
                                            QStringLiteral("removed the connection to %1").arg(address)),
                                 lock));
    return Status::ok();
}

Status runConnectionList(AdminContext& ctx)
{
    SEN_ASSIGN_OR_RETURN(const std::vector<Connection> connections, ConnectionsFile::load(ctx.dataPath));
    const QHash<QString, ConnectionState> states = ConnectionStateFile::load(ctx.dataPath);
    SEN_ASSIGN_OR_RETURN(const DataDirectoryLock lock, lockForChange(ctx));
    SEN_TRY(ctx.dir->appendAudit(
        adminEvent(ctx, QStringLiteral("connection_list"),
                   QStringLiteral("listed the connections (%1)").arg(connections.size())),
        lock));

    if (ctx.args.has(QStringLiteral("--json"))) {
        QJsonArray array;
        for (const Connection& connection : connections) {
            QJsonObject object = connection.toJson();
            const ConnectionState state = states.value(connection.address);
            object.insert(QStringLiteral("lastRun"), timeJson(state.lastRun));
            object.insert(QStringLiteral("lastStatus"), state.lastStatus.isEmpty()
                                                            ? QJsonValue(QJsonValue::Null)
                                                            : QJsonValue(state.lastStatus));
            object.insert(QStringLiteral("lastError"), state.lastError);
            object.insert(QStringLiteral("failures"), state.failures);
            object.insert(QStringLiteral("nextRun"), timeJson(state.nextRun));
            array.append(object);
        }
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Compact) << '\n';
        return Status::ok();
    }
    QList<QStringList> table = {
        {QStringLiteral("ADDRESS"), QStringLiteral("DATABASES"), QStringLiteral("DIRECTION"),
         QStringLiteral("EVERY"), QStringLiteral("HOURS"), QStringLiteral("PARALLEL"),
         QStringLiteral("LAST RUN"), QStringLiteral("STATUS"), QStringLiteral("NEXT RUN")}};
    for (const Connection& connection : connections) {
        const ConnectionState state = states.value(connection.address);
        table << QStringList{connection.address,
                             connection.databases.isEmpty() ? QStringLiteral("*")
                                                            : connection.databases.join(u','),
                             connection.directionText(),
                             QStringLiteral("%1 min").arg(connection.everyMinutes),
                             connection.hours ? connection.hours->toString() : QStringLiteral("any"),
                             QString::number(connection.parallel),
                             timeText(state.lastRun, QStringLiteral("never")),
                             state.lastStatus.isEmpty() ? QStringLiteral("-") : state.lastStatus,
                             timeText(state.nextRun, QStringLiteral("when the server runs"))};
    }
    TextTable::print(ctx.out, table);
    return Status::ok();
}

} // namespace sen::server
