#pragma once

// One connection document (Domino's): when and how this server replicates with another server
// of the organisation on its own (docs/servers.md §Connections, docs/server.md
// §connections.json). A value type; every field is bounded, and parse()/fromJson() refuse
// anything outside the bounds, so what the daemon schedules was validated once.

#include "common/core/Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace sen::server {

// A daily window of local time, "HH:MM-HH:MM"; it may wrap past midnight (22:00-06:00).
struct HourWindow
{
    int fromMinute = 0; // minutes since midnight, 0..1439
    int toMinute = 0;   // exclusive; never equal to fromMinute

    [[nodiscard]] static Result<HourWindow> parse(const QString& text);
    QString toString() const;
    bool contains(const QTime& time) const;
    // The first moment at or after `now` (local time) inside the window.
    QDateTime nextOpening(const QDateTime& now) const;
};

struct Connection
{
    static constexpr int kDefaultEveryMinutes = 60;
    static constexpr int kMaxEveryMinutes = 7 * 24 * 60; // a week
    static constexpr int kMaxParallel = 8;
    static constexpr int kMaxDatabases = 256;

    QString address;       // HOST:PORT as RemoteEndpoint::address() spells it
    QStringList databases; // names or replica IDs of this server; empty: every database both hold
    bool pull = true;
    bool push = true;
    int everyMinutes = kDefaultEveryMinutes; // 1..kMaxEveryMinutes
    std::optional<HourWindow> hours;         // unset: any hour
    int parallel = 1;                        // databases at a time, 1..kMaxParallel

    // Normalises HOST:PORT (port 1352 when none); InvalidArgument for a bad one.
    [[nodiscard]] static Result<QString> normaliseAddress(const QString& text);
    // InvalidArgument naming the first field out of bounds.
    [[nodiscard]] Status validate() const;

    QJsonObject toJson() const;
    // Corruption naming the field when `object` is not a valid connection.
    [[nodiscard]] static Result<Connection> fromJson(const QJsonObject& object);
    // "pull and push", "pull", "push".
    QString directionText() const;
};

} // namespace sen::server
