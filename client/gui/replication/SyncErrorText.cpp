#include "client/gui/replication/SyncErrorText.h"

namespace sen::gui {

namespace {

bool mentions(const QString& message, const char* words)
{
    return message.contains(QLatin1String(words), Qt::CaseInsensitive);
}

} // namespace

QString SyncErrorText::describe(ErrorCode code, const QString& message, const QString& server,
                                const QString& database)
{
    // The engine's messages are English and stable enough to tell apart the few cases a
    // user must act on differently; anything unrecognised falls back to the code.
    switch (code) {
    case ErrorCode::Ok:
        return tr("The last sync completed.");
    case ErrorCode::Cancelled:
        return tr("The sync was stopped on this computer. Everything received before the stop is kept; "
                  "the next sync resumes where it stopped.");
    case ErrorCode::IoError:
        if (mentions(message, "cannot connect") || mentions(message, "did not answer"))
            return tr("The server %1 cannot be reached. Check the network connection or ask the IT "
                      "office; nothing is lost, and Sen will try again at the next sync.")
                .arg(server);
        if (mentions(message, "no space") || mentions(message, "disk is full") ||
            mentions(message, "disk full"))
            return tr("The disk of this computer is full. Free some space, then sync again; what was "
                      "received so far is kept.");
        return tr("The connection to %1 was cut during the sync. What arrived is kept; the next sync "
                  "will resume where it stopped.")
            .arg(server);
    case ErrorCode::DiskFull:
        return tr("The disk of this computer is full. Free some space, then sync again; what was received "
                  "so far is kept.");
    case ErrorCode::PermissionDenied:
        if (mentions(message, "revoked"))
            return tr("Your ID has been revoked by the organisation's certifier. Ask the IT office for a new "
                      "ID file.");
        if (mentions(message, "expired"))
            return tr("Your ID has expired. Ask the IT office to renew it, then log in again.");
        if (mentions(message, "not a server certificate"))
            return tr("The computer at %1 is not a Sen server of your organisation; nothing was sent to it. "
                      "Check the server address.")
                .arg(server);
        if (mentions(message, "certificate") || mentions(message, "TLS"))
            return tr("The server %1 does not accept your ID (expired, revoked or from another "
                      "organisation). Ask the IT office.")
                .arg(server);
        return tr("You have no right to replicate the database %1 on %2. Ask the database's manager for "
                  "access.")
            .arg(database, server);
    case ErrorCode::NotFound:
        return tr("The server %1 has no database named %2. Check the name with the IT office.")
            .arg(server, database);
    case ErrorCode::Conflict:
        return tr("A database named %1 already exists on this computer.").arg(database);
    case ErrorCode::InvalidArgument:
        if (mentions(message, "local database"))
            return tr("%1 is a local database: it has no server to sync with.").arg(database);
        if (mentions(message, "not a replica"))
            return tr("The database %1 on %2 is not a copy of this one: they cannot sync.")
                .arg(database, server);
        return tr("The server address or database name is not valid: %1").arg(message);
    case ErrorCode::Corruption:
        return tr("The copy of %1 on this computer is damaged. Ask the IT office to restore it from the "
                  "server.")
            .arg(database);
    case ErrorCode::ProtocolError:
    case ErrorCode::Unsupported:
        return tr("The server %1 runs a version of Sen this one cannot talk to. Ask the IT office to "
                  "update Sen.")
            .arg(server);
    case ErrorCode::StaleInstance:
        if (mentions(message, "took the new instance ID")) // SyncFollowUp::describe: done, and synced again
            return tr("This copy of %1 had been restored from a backup or copied from another computer. Sen "
                      "gave it a new identity and synced it again; nothing written here was lost.")
                .arg(database);
        return tr("This copy of %1 was restored from a backup or copied from another computer. Sen gives "
                  "it a new identity; sync again and nothing written here is lost.")
            .arg(database);
    case ErrorCode::Busy:
        return tr("The database %1 was busy on this computer. Sync again in a moment.").arg(database);
    case ErrorCode::Internal:
        break;
    }
    return tr("The sync failed: %1").arg(message);
}

} // namespace sen::gui
