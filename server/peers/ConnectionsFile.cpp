#include "server/peers/ConnectionsFile.h"

#include "server/core/AtomicFile.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QSet>

namespace sen::server {

namespace {

const QString kFormat = QStringLiteral("format");
const QString kConnections = QStringLiteral("connections");

Status checkFormat(const QJsonObject& root, const QString& path)
{
    const int format = root.value(kFormat).toInt(-1);
    if (format > ConnectionsFile::kFormatVersion)
        return Status(ErrorCode::Unsupported,
                      QStringLiteral("%1 has format %2; this sen-server reads up to %3")
                          .arg(path)
                          .arg(format)
                          .arg(ConnectionsFile::kFormatVersion));
    if (format < 1 || !root.value(kConnections).isArray())
        return Status(ErrorCode::Corruption, QStringLiteral("%1 is not a connections file").arg(path));
    return Status::ok();
}

QJsonValue timeJson(const QDateTime& time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QString ConnectionsFile::path(const QString& dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("connections.json"));
}

Result<std::vector<Connection>> ConnectionsFile::load(const QString& dataDir)
{
    const QString file = path(dataDir);
    if (!QFileInfo::exists(file))
        return std::vector<Connection>{};
    SEN_ASSIGN_OR_RETURN(const QJsonObject root, AtomicFile::readJson(file));
    SEN_TRY(checkFormat(root, file));
    const QJsonArray array = root.value(kConnections).toArray();
    if (array.size() > kMaxConnections)
        return Status(ErrorCode::Corruption,
                      QStringLiteral("%1 lists more than %2 connections").arg(file).arg(kMaxConnections));
    std::vector<Connection> connections;
    QSet<QString> addresses;
    for (const QJsonValue& value : array) {
        SEN_ASSIGN_OR_RETURN(Connection connection, Connection::fromJson(value.toObject()));
        if (addresses.contains(connection.address))
            return Status(ErrorCode::Corruption,
                          QStringLiteral("%1 lists %2 twice").arg(file, connection.address));
        addresses.insert(connection.address);
        connections.push_back(std::move(connection));
    }
    return connections;
}

Status ConnectionsFile::save(const QString& dataDir, const std::vector<Connection>& connections)
{
    QJsonArray array;
    for (const Connection& connection : connections)
        array.append(connection.toJson());
    return AtomicFile::writeJson(path(dataDir),
                                 QJsonObject{{kFormat, kFormatVersion}, {kConnections, array}});
}

QString ConnectionStateFile::path(const QString& dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("connections-state.json"));
}

QHash<QString, ConnectionState> ConnectionStateFile::load(const QString& dataDir)
{
    QHash<QString, ConnectionState> states;
    const QString file = path(dataDir);
    if (!QFileInfo::exists(file))
        return states;
    const auto root = AtomicFile::readJson(file);
    if (!root || !checkFormat(*root, file).isOk())
        return states;
    for (const QJsonValue& value : root->value(kConnections).toArray()) {
        const QJsonObject object = value.toObject();
        ConnectionState state;
        state.lastRun =
            QDateTime::fromString(object.value(QStringLiteral("lastRun")).toString(), Qt::ISODate);
        state.lastStatus = object.value(QStringLiteral("lastStatus")).toString().left(64);
        state.lastError = object.value(QStringLiteral("lastError")).toString().left(1024);
        state.failures = std::clamp(object.value(QStringLiteral("failures")).toInt(), 0, 1000);
        state.nextRun =
            QDateTime::fromString(object.value(QStringLiteral("nextRun")).toString(), Qt::ISODate);
        states.insert(object.value(QStringLiteral("address")).toString(), state);
    }
    return states;
}

Status ConnectionStateFile::save(const QString& dataDir, const QHash<QString, ConnectionState>& states)
{
    QJsonArray array;
    QStringList addresses = states.keys();
    addresses.sort();
    for (const QString& address : addresses) {
        const ConnectionState& state = states.value(address);
        array.append(QJsonObject{{QStringLiteral("address"), address},
                                 {QStringLiteral("lastRun"), timeJson(state.lastRun)},
                                 {QStringLiteral("lastStatus"), state.lastStatus},
                                 {QStringLiteral("lastError"), state.lastError},
                                 {QStringLiteral("failures"), state.failures},
                                 {QStringLiteral("nextRun"), timeJson(state.nextRun)}});
    }
    return AtomicFile::writeJson(
        path(dataDir), QJsonObject{{kFormat, ConnectionsFile::kFormatVersion}, {kConnections, array}});
}

} // namespace sen::server
