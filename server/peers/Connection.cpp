#include "server/peers/Connection.h"

#include "replication/session/RemoteSession.h"
#include "server/core/DataDirectory.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace sen::server {

namespace {

const QString kAddress = QStringLiteral("address");
const QString kDatabases = QStringLiteral("databases");
const QString kDirection = QStringLiteral("direction");
const QString kEvery = QStringLiteral("everyMinutes");
const QString kHours = QStringLiteral("hours");
const QString kParallel = QStringLiteral("parallel");

bool isReplicaIdHex(const QString& text)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-fA-F]{32}$"));
    return hex.match(text).hasMatch();
}

Status invalid(const QString& message)
{
    return Status(ErrorCode::InvalidArgument, message);
}

} // namespace

Result<HourWindow> HourWindow::parse(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d\\d):(\\d\\d)-(\\d\\d):(\\d\\d)$"));
    const auto match = pattern.match(text);
    const auto minute = [&](int h, int m) {
        const int hours = match.captured(h).toInt();
        const int minutes = match.captured(m).toInt();
        return hours < 24 && minutes < 60 ? hours * 60 + minutes : -1;
    };
    HourWindow window;
    if (match.hasMatch()) {
        window.fromMinute = minute(1, 2);
        window.toMinute = minute(3, 4);
    }
    if (!match.hasMatch() || window.fromMinute < 0 || window.toMinute < 0 ||
        window.fromMinute == window.toMinute)
        return invalid(
            QStringLiteral("hours \"%1\" are not HH:MM-HH:MM with two different times of day").arg(text));
    return window;
}

QString HourWindow::toString() const
{
    const auto hhmm = [](int minute) {
        return QStringLiteral("%1:%2")
            .arg(minute / 60, 2, 10, QLatin1Char('0'))
            .arg(minute % 60, 2, 10, QLatin1Char('0'));
    };
    return hhmm(fromMinute) + u'-' + hhmm(toMinute);
}

bool HourWindow::contains(const QTime& time) const
{
    const int minute = time.hour() * 60 + time.minute();
    return fromMinute < toMinute ? minute >= fromMinute && minute < toMinute
                                 : minute >= fromMinute || minute < toMinute;
}

QDateTime HourWindow::nextOpening(const QDateTime& now) const
{
    if (contains(now.time()))
        return now;
    QDateTime opening(now.date(), QTime(fromMinute / 60, fromMinute % 60));
    if (opening <= now)
        opening = opening.addDays(1);
    return opening;
}

Result<QString> Connection::normaliseAddress(const QString& text)
{
    if (text.isEmpty() || text.size() > 300)
        return invalid(QStringLiteral("\"%1\" is not HOST:PORT").arg(text.left(300)));
    SEN_ASSIGN_OR_RETURN(const RemoteEndpoint endpoint, RemoteEndpoint::parse(text, QStringLiteral("-")));
    for (const QChar c : endpoint.host)
        if (c.isSpace() || c.category() == QChar::Other_Control || c == u'/' || c == u'@')
            return invalid(QStringLiteral("\"%1\" is not HOST:PORT").arg(text));
    return endpoint.address();
}

Status Connection::validate() const
{
    SEN_ASSIGN_OR_RETURN(const QString normal, normaliseAddress(address));
    if (normal != address)
        return invalid(QStringLiteral("address \"%1\" is not in the form %2").arg(address, normal));
    if (databases.size() > kMaxDatabases)
        return invalid(QStringLiteral("at most %1 databases per connection").arg(kMaxDatabases));
    for (const QString& database : databases)
        if (!DataDirectory::isValidDatabaseName(database) && !isReplicaIdHex(database))
            return invalid(
                QStringLiteral("\"%1\" is neither a database name nor a replica ID").arg(database));
    if (QStringList unique = databases; unique.removeDuplicates() != 0)
        return invalid(QStringLiteral("a database is named twice"));
    if (!pull && !push)
        return invalid(QStringLiteral("a connection pulls, pushes or both"));
    if (everyMinutes < 1 || everyMinutes > kMaxEveryMinutes)
        return invalid(QStringLiteral("--every is 1 to %1 minutes").arg(kMaxEveryMinutes));
    if (hours && (hours->fromMinute < 0 || hours->fromMinute >= 1440 || hours->toMinute < 0 ||
                  hours->toMinute >= 1440 || hours->fromMinute == hours->toMinute))
        return invalid(QStringLiteral("hours out of range"));
    if (parallel < 1 || parallel > kMaxParallel)
        return invalid(QStringLiteral("--parallel is 1 to %1").arg(kMaxParallel));
    return Status::ok();
}

QString Connection::directionText() const
{
    return pull && push ? QStringLiteral("pull and push")
           : pull       ? QStringLiteral("pull")
                        : QStringLiteral("push");
}

QJsonObject Connection::toJson() const
{
    return QJsonObject{{kAddress, address},
                       {kDatabases, QJsonArray::fromStringList(databases)},
                       {kDirection, pull && push ? QStringLiteral("both")
                                    : pull       ? QStringLiteral("pull")
                                                 : QStringLiteral("push")},
                       {kEvery, everyMinutes},
                       {kHours, hours ? QJsonValue(hours->toString()) : QJsonValue(QJsonValue::Null)},
                       {kParallel, parallel}};
}

Result<Connection> Connection::fromJson(const QJsonObject& object)
{
    const auto corrupt = [&](const QString& why) {
        return Status(
            ErrorCode::Corruption,
            QStringLiteral("connection %1: %2").arg(object.value(kAddress).toString().left(300), why));
    };
    Connection connection;
    if (!object.value(kAddress).isString())
        return corrupt(QStringLiteral("no address"));
    connection.address = object.value(kAddress).toString();
    if (!object.value(kDatabases).isArray())
        return corrupt(QStringLiteral("\"databases\" is not an array"));
    for (const QJsonValue& database : object.value(kDatabases).toArray()) {
        if (!database.isString())
            return corrupt(QStringLiteral("a database is not a string"));
        connection.databases << database.toString();
    }
    const QString direction = object.value(kDirection).toString();
    if (direction != u"both" && direction != u"pull" && direction != u"push")
        return corrupt(QStringLiteral("\"direction\" is not both, pull or push"));
    connection.pull = direction != u"push";
    connection.push = direction != u"pull";
    const auto integer = [&](const QString& key, int* out) {
        const QJsonValue value = object.value(key);
        const double number = value.toDouble(-1);
        if (!value.isDouble() || number != double(qint64(number)) || number < 0 || number > 1e6)
            return false;
        *out = int(number);
        return true;
    };
    if (!integer(kEvery, &connection.everyMinutes) || !integer(kParallel, &connection.parallel))
        return corrupt(QStringLiteral("\"everyMinutes\" and \"parallel\" are whole numbers"));
    const QJsonValue hours = object.value(kHours);
    if (hours.isString()) {
        auto window = HourWindow::parse(hours.toString());
        if (!window)
            return corrupt(window.message());
        connection.hours = *window;
    } else if (!hours.isNull() && !hours.isUndefined()) {
        return corrupt(QStringLiteral("\"hours\" is not HH:MM-HH:MM or null"));
    }
    if (const Status valid = connection.validate(); !valid.isOk())
        return corrupt(valid.message());
    return connection;
}

} // namespace sen::server
