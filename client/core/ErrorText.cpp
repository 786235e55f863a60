#include "client/core/ErrorText.h"

#include "common/identity/PasswordPolicy.h"

#include <optional>

namespace sen::client {

namespace {

bool mentions(const QString& message, const char* words)
{
    return message.contains(QLatin1String(words), Qt::CaseInsensitive);
}

bool saysDiskFull(const QString& message)
{
    return mentions(message, "no space") || mentions(message, "disk is full") ||
           mentions(message, "disk full");
}

// An access refusal in the words of common/acl (AccessCheck, PushDecision, SecrecyRule: stable
// English sentences, the same whether this computer's store or the server refused), most
// specific first (a secrecy refusal also names a document). Nothing when not recognised.
std::optional<QString> accessRule(const QString& message)
{
    if (mentions(message, "is classified"))
        return ErrorText::tr(
            "A classified document (Mật, Tối mật, Tuyệt mật) may be kept only as a register entry, "
            "without a body or attachments.");
    if (mentions(message, "may delete only own documents"))
        return ErrorText::tr("You may delete only the documents that name you as an author.");
    if (mentions(message, "right to delete documents"))
        return ErrorText::tr("You do not have the right to delete documents in this database.");
    if (mentions(message, "may not create documents"))
        return ErrorText::tr("You may not create documents in this database.");
    if (mentions(message, "may not change documents"))
        return ErrorText::tr("Your access to this database lets you read documents but not change them.");
    if (mentions(message, "is not named in an Authors item"))
        return ErrorText::tr("You may change only the documents that name you as an author.");
    if (mentions(message, "is not named in the Readers"))
        return ErrorText::tr("You are not among the readers of this document.");
    // The application layer's own check (client/app/DatabaseSession.h), before writing.
    if (mentions(message, "does not let this user change"))
        return ErrorText::tr("Your access to this database does not let you change this document.");
    if (mentions(message, "does not let this user delete"))
        return ErrorText::tr("Your access to this database does not let you delete this document.");
    if (mentions(message, "cannot read documents"))
        return ErrorText::tr("You have no access to the documents of this database.");
    return std::nullopt;
}

// What failed, as the first sentence of a general message.
QString lead(const ErrorContext& c)
{
    switch (c.situation) {
    case Situation::Other:
        return ErrorText::tr("The operation could not be completed.");
    case Situation::OpeningWorkspace:
        return ErrorText::tr("The workspace %1 cannot be opened.").arg(c.name);
    case Situation::OpeningDatabase:
        return c.database.isEmpty() ? ErrorText::tr("The database cannot be opened.")
                                    : ErrorText::tr("The database %1 cannot be opened.").arg(c.database);
    case Situation::CreatingDatabase:
        return c.database.isEmpty() ? ErrorText::tr("The database could not be created.")
                                    : ErrorText::tr("The database %1 could not be created.").arg(c.database);
    case Situation::OpeningDocument:
        return ErrorText::tr("The document cannot be opened.");
    case Situation::SavingDocument:
        return ErrorText::tr("The document could not be saved; your changes are still here.");
    case Situation::DeletingDocument:
        return ErrorText::tr("The document could not be deleted.");
    case Situation::LoadingConflict:
        return ErrorText::tr("The replication conflict cannot be shown.");
    case Situation::ResolvingConflict:
        return ErrorText::tr("Your choice could not be saved.");
    case Situation::ImportingAttachment:
        return ErrorText::tr("“%1” could not be attached.").arg(c.name);
    case Situation::ExportingAttachment:
        return ErrorText::tr("“%1” could not be taken out of the document.").arg(c.name);
    case Situation::Syncing:
        return ErrorText::tr("The sync of %1 with %2 failed.").arg(c.database, c.server);
    case Situation::RefusedByServer:
        return ErrorText::tr("The server refused this change.");
    case Situation::RestoringRefused:
        return ErrorText::tr("The server's version could not be restored.");
    case Situation::LoggingIn:
        return ErrorText::tr("The ID file could not be opened.");
    case Situation::ChangingPassword:
        return ErrorText::tr(
            "The password could not be changed; the ID still opens with the current password.");
    case Situation::CreatingDocument:
        return ErrorText::tr("The new document cannot be created.");
    case Situation::ReadingResponses:
        return ErrorText::tr("The responses to this document cannot be shown.");
    case Situation::ReadingDossier:
        return ErrorText::tr("The documents in this dossier cannot be shown.");
    case Situation::FilingInDossier:
        return ErrorText::tr("The document could not be filed in the dossier.");
    case Situation::UnfilingFromDossier:
        return ErrorText::tr("The document could not be taken out of the dossier.");
    case Situation::OpeningView:
        return ErrorText::tr("The view cannot be shown.");
    case Situation::UpdatingViews:
        return ErrorText::tr("The views could not be brought up to date with the latest changes.");
    case Situation::Searching:
        return ErrorText::tr("The search could not be done.");
    case Situation::MarkingRead:
        return ErrorText::tr("Which documents you have read could not be recorded.");
    case Situation::InsertingImage:
        return ErrorText::tr("The image “%1” could not be inserted.").arg(c.name);
    case Situation::SavingSchedule:
        return c.database.isEmpty()
                   ? ErrorText::tr("The sync schedule could not be saved.")
                   : ErrorText::tr("The sync schedule of %1 could not be saved.").arg(c.database);
    case Situation::SelfTest:
        return ErrorText::tr("Sen cannot start.");
    case Situation::PrintingRegister:
        return c.database.isEmpty()
                   ? ErrorText::tr("The register could not be printed.")
                   : ErrorText::tr("The register of %1 could not be printed.").arg(c.database);
    case Situation::PrintingDossier:
        return c.database.isEmpty()
                   ? ErrorText::tr("The dossier's table of contents could not be printed.")
                   : ErrorText::tr("The dossier's table of contents in %1 could not be printed.")
                         .arg(c.database);
    case Situation::PrintingSlip:
        return c.database.isEmpty()
                   ? ErrorText::tr("The processing slip could not be printed.")
                   : ErrorText::tr("The processing slip of a document in %1 could not be printed.")
                         .arg(c.database);
    case Situation::ExportingBundle:
        return ErrorText::tr("The bundle of changes of %1 could not be written to “%2”.")
            .arg(c.database, c.name);
    case Situation::ImportingBundle:
        return ErrorText::tr("The bundle “%1” could not be imported into %2; nothing was changed.")
            .arg(c.name, c.database);
    }
    return ErrorText::tr("The operation could not be completed.");
}

// Why, and what to do, in any situation: the second sentence of a general message.
QString cause(ErrorCode code, const QString& message)
{
    switch (code) {
    case ErrorCode::Ok:
        break;
    case ErrorCode::NotFound:
        return ErrorText::tr("What it needs was not found: it may have been deleted or moved.");
    case ErrorCode::Corruption:
        return ErrorText::tr(
            "The data on this computer is damaged. Ask the IT office to restore it from the server or "
            "from a backup.");
    case ErrorCode::IoError:
        if (saysDiskFull(message))
            break;
        return ErrorText::tr(
            "A file could not be read or written. Check that the disk or the network folder is "
            "available, then try again.");
    case ErrorCode::DiskFull:
        break;
    case ErrorCode::InvalidArgument:
        return ErrorText::tr("What was entered is not valid. Check it and try again.");
    case ErrorCode::Conflict:
        return ErrorText::tr("Something of the same name already exists.");
    case ErrorCode::PermissionDenied:
        return accessRule(message).value_or(
            ErrorText::tr("You do not have the right to do this. Ask the database's manager for access."));
    case ErrorCode::ProtocolError:
        return ErrorText::tr(
            "The other side answered in a way this version of Sen does not understand. Ask the IT "
            "office to update Sen.");
    case ErrorCode::Unsupported:
        return ErrorText::tr("This needs a newer version of Sen. Ask the IT office to update Sen.");
    case ErrorCode::Busy:
        return ErrorText::tr(
            "The database is busy (a synchronisation may be writing to it). Try again in a moment.");
    case ErrorCode::Cancelled:
        return ErrorText::tr("It was cancelled.");
    case ErrorCode::Internal:
        return ErrorText::tr(
            "An unexpected error occurred in Sen. Try again; if it happens again, tell the IT office "
            "and give them the technical details.");
    case ErrorCode::StaleInstance:
        return ErrorText::tr(
            "This copy of the database was restored from a backup or copied from another computer; "
            "Sen gives it a new identity at the next sync.");
    }
    return ErrorText::tr("The disk of this computer is full. Free some space and try again.");
}

// The sentences written for one situation and code, where the general "what failed. why."
// would say less. Nothing: the general message.
std::optional<QString> syncing(ErrorCode code, const QString& message, const ErrorContext& c)
{
    const QString& server = c.server;
    const QString& database = c.database;
    // The engine's messages are English and stable enough to tell apart the few cases a user
    // must act on differently.
    switch (code) {
    case ErrorCode::Ok:
        return ErrorText::tr("The last sync completed.");
    case ErrorCode::Cancelled:
        return ErrorText::tr(
            "The sync was stopped on this computer. Everything received before the stop is kept; the "
            "next sync resumes where it stopped.");
    case ErrorCode::IoError:
        if (mentions(message, "cannot connect") || mentions(message, "did not answer"))
            return ErrorText::tr(
                       "The server %1 cannot be reached. Check the network connection or ask the IT office; "
                       "nothing is lost, and Sen will try again at the next sync.")
                .arg(server);
        if (saysDiskFull(message))
            return ErrorText::tr(
                "The disk of this computer is full. Free some space, then sync again; what was "
                "received so far is kept.");
        return ErrorText::tr(
                   "The connection to %1 was cut during the sync. What arrived is kept; the next sync will "
                   "resume where it stopped.")
            .arg(server);
    case ErrorCode::DiskFull:
        return ErrorText::tr(
            "The disk of this computer is full. Free some space, then sync again; what was received "
            "so far is kept.");
    case ErrorCode::PermissionDenied:
        if (mentions(message, "revoked"))
            return ErrorText::tr(
                "Your ID has been revoked by the organisation's certifier. Ask the IT office for a new "
                "ID file.");
        if (mentions(message, "expired"))
            return ErrorText::tr("Your ID has expired. Ask the IT office to renew it, then log in again.");
        if (mentions(message, "not a server certificate"))
            return ErrorText::tr(
                       "The computer at %1 is not a Sen server of your organisation; nothing was sent to it. "
                       "Check the server address.")
                .arg(server);
        if (mentions(message, "certificate") || mentions(message, "TLS"))
            return ErrorText::tr("The server %1 does not accept your ID (expired, revoked or from another "
                                 "organisation). Ask the IT office.")
                .arg(server);
        return ErrorText::tr(
                   "You have no right to replicate the database %1 on %2. Ask the database's manager for "
                   "access.")
            .arg(database, server);
    case ErrorCode::NotFound:
        return ErrorText::tr("The server %1 has no database named %2. Check the name with the IT office.")
            .arg(server, database);
    case ErrorCode::Conflict:
        return ErrorText::tr("A database named %1 already exists on this computer.").arg(database);
    case ErrorCode::InvalidArgument:
        if (mentions(message, "local database"))
            return ErrorText::tr("%1 is a local database: it has no server to sync with.").arg(database);
        if (mentions(message, "not a replica"))
            return ErrorText::tr("The database %1 on %2 is not a copy of this one: they cannot sync.")
                .arg(database, server);
        return ErrorText::tr(
                   "The server address %1 or the database name %2 is not valid. Check them with the IT "
                   "office.")
            .arg(server, database);
    case ErrorCode::Corruption:
        return ErrorText::tr(
                   "The copy of %1 on this computer is damaged. Ask the IT office to restore it from the "
                   "server.")
            .arg(database);
    case ErrorCode::ProtocolError:
    case ErrorCode::Unsupported:
        return ErrorText::tr(
                   "The server %1 runs a version of Sen this one cannot talk to. Ask the IT office to update "
                   "Sen.")
            .arg(server);
    case ErrorCode::StaleInstance:
        if (mentions(message, "took the new instance ID")) // SyncFollowUp::describe: done, and synced again
            return ErrorText::tr(
                       "This copy of %1 had been restored from a backup or copied from another computer. Sen "
                       "gave it a new identity and synced it again; nothing written here was lost.")
                .arg(database);
        return ErrorText::tr(
                   "This copy of %1 was restored from a backup or copied from another computer. Sen gives it "
                   "a new identity; sync again and nothing written here is lost.")
            .arg(database);
    case ErrorCode::Busy:
        return ErrorText::tr("The database %1 was busy on this computer. Sync again in a moment.")
            .arg(database);
    case ErrorCode::Internal:
        break;
    }
    return std::nullopt;
}

std::optional<QString> documentWork(ErrorCode code, const QString& message, const ErrorContext& c)
{
    switch (c.situation) {
    case Situation::OpeningDocument:
        if (code == ErrorCode::NotFound)
            return ErrorText::tr("This document is not in this database: it may have been deleted, here or "
                                 "on another computer.");
        break;
    case Situation::SavingDocument:
        if (code == ErrorCode::NotFound)
            return ErrorText::tr(
                "This document was deleted while you were editing it — perhaps on another computer, and "
                "replication brought the deletion here. Your changes are still in the form: copy what "
                "you need before closing it.");
        if (code == ErrorCode::PermissionDenied)
            return ErrorText::tr("The database refused to save this document. %1")
                .arg(accessRule(message).value_or(ErrorText::tr("Ask the database's manager for access.")));
        if (code == ErrorCode::DiskFull || (code == ErrorCode::IoError && saysDiskFull(message)))
            return ErrorText::tr(
                "The disk is full, so nothing was saved. Free some space and save again; your changes "
                "are still here.");
        if (code == ErrorCode::Busy)
            return ErrorText::tr(
                "The database is busy (a synchronisation is writing to it). Save again in a moment; "
                "your changes are still here.");
        break;
    case Situation::DeletingDocument:
        if (code == ErrorCode::NotFound && mentions(message, "already deleted"))
            return ErrorText::tr("This document was already deleted, here or on another computer.");
        if (code == ErrorCode::NotFound)
            return ErrorText::tr("This document is not in this database: it may have been deleted, here or "
                                 "on another computer.");
        break;
    case Situation::LoadingConflict:
    case Situation::ResolvingConflict:
        if (code == ErrorCode::NotFound)
            return ErrorText::tr(
                "This conflict was already resolved, here or on another replica. Close this window to "
                "see the document as it is now.");
        if (code == ErrorCode::PermissionDenied)
            return ErrorText::tr("You may not change this document. %1")
                .arg(accessRule(message).value_or(ErrorText::tr("Ask the database's manager for access.")));
        if (code == ErrorCode::InvalidArgument && c.situation == Situation::LoadingConflict)
            return ErrorText::tr("This document is not a replication conflict.");
        break;
    case Situation::RestoringRefused:
        if (code == ErrorCode::NotFound)
            return ErrorText::tr(
                "No refused change of this document is recorded any more: it may have been restored "
                "already.");
        break;
    default:
        break;
    }
    return std::nullopt;
}

std::optional<QString> attachment(ErrorCode code, const QString& message, const ErrorContext& c)
{
    const bool exporting = c.situation == Situation::ExportingAttachment;
    switch (code) {
    case ErrorCode::NotFound:
        if (exporting)
            return ErrorText::tr("“%1” has not been downloaded to this computer yet: this replica holds "
                                 "summaries only. Synchronise the database with attachments to fetch it.")
                .arg(c.name);
        return ErrorText::tr("“%1” was not found: it may have been moved or deleted.").arg(c.name);
    case ErrorCode::Corruption:
        if (exporting)
            return ErrorText::tr("“%1” is damaged in this copy of the database. Ask the IT office to "
                                 "restore it from the server.")
                .arg(c.name);
        break;
    case ErrorCode::IoError:
        if (!saysDiskFull(message))
            break;
        [[fallthrough]];
    case ErrorCode::DiskFull:
        return ErrorText::tr("The disk is full: “%1” could not be stored.").arg(c.name);
    case ErrorCode::Cancelled:
        return ErrorText::tr("“%1”: cancelled.").arg(c.name);
    default:
        break;
    }
    return std::nullopt;
}

std::optional<QString> identityWork(ErrorCode code, const QString& message, const ErrorContext& c)
{
    if (c.situation == Situation::LoggingIn) {
        switch (code) {
        case ErrorCode::PermissionDenied:
            return ErrorText::tr("The password is wrong. Please try again.");
        case ErrorCode::Corruption:
            return ErrorText::tr("This ID file is damaged. Ask the IT office for a new copy.");
        case ErrorCode::NotFound:
            return ErrorText::tr("The ID file was not found.");
        case ErrorCode::InvalidArgument:
            if (mentions(message, "not a user's ID"))
                return ErrorText::tr("This file is not a user's ID file.");
            return std::nullopt;
        default:
            return std::nullopt;
        }
    }
    if (code == ErrorCode::PermissionDenied)
        return ErrorText::tr("The current password is wrong. Please try again.");
    if (code == ErrorCode::InvalidArgument && mentions(message, "too weak"))
        return ErrorText::tr(
                   "The new password is too weak: use at least %1 characters, or at least %2 that "
                   "mix three of lowercase letters, uppercase letters, digits and other characters.")
            .arg(identity::kMinPasswordLength)
            .arg(identity::kMinShortPasswordLength);
    return std::nullopt;
}

std::optional<QString> databaseWork(ErrorCode code, const ErrorContext& c)
{
    const QString& database = c.database;
    if (database.isEmpty())
        return std::nullopt;
    if (c.situation == Situation::CreatingDatabase && code == ErrorCode::Conflict)
        return ErrorText::tr("This workspace already has a database named %1.").arg(database);
    if (c.situation != Situation::OpeningDatabase)
        return std::nullopt;
    switch (code) {
    case ErrorCode::NotFound:
        return ErrorText::tr("This workspace has no database named %1.").arg(database);
    case ErrorCode::Corruption:
        return ErrorText::tr(
                   "The database %1 on this computer is damaged. Ask the IT office to restore it from the "
                   "server or from a backup.")
            .arg(database);
    case ErrorCode::Unsupported:
        return ErrorText::tr(
                   "The database %1 was written by a newer version of Sen. Ask the IT office to update Sen.")
            .arg(database);
    default:
        return std::nullopt;
    }
}

// Why the server refused a change (the refused-changes list): one sentence, no "what failed".
QString refusal(ErrorCode code, const QString& message)
{
    if (const auto rule = accessRule(message))
        return *rule;
    if (code == ErrorCode::PermissionDenied)
        return ErrorText::tr("The server does not allow this change.");
    return ErrorText::tr("The server could not store this change.");
}

// A bundle carried on a USB stick (docs/protocol.md §Bundles): why its import was refused.
std::optional<QString> bundleWork(ErrorCode code, const QString& message, const ErrorContext& c)
{
    if (c.situation != Situation::ImportingBundle)
        return std::nullopt;
    const QString lead = ErrorText::tr("The bundle “%1” was not imported; nothing was changed.").arg(c.name);
    if (code == ErrorCode::Corruption)
        return lead + u' ' +
               ErrorText::tr("The file is damaged or incomplete: copy it from the server's computer again.");
    if (code == ErrorCode::Unsupported && mentions(message, "not signed"))
        return lead + u' ' +
               ErrorText::tr("It is not signed (it was written by an older version of Sen): ask for a new "
                             "bundle.");
    if (code == ErrorCode::Unsupported)
        return lead + u' ' + ErrorText::tr("It was written by a newer version of Sen: update Sen first.");
    if (code == ErrorCode::PermissionDenied && mentions(message, "signature does not match"))
        return lead + u' ' +
               ErrorText::tr("It was altered after it was signed: do not use it, and tell the IT office.");
    if (code == ErrorCode::PermissionDenied && mentions(message, "signer is not trusted"))
        return lead + u' ' +
               ErrorText::tr(
                   "It was not signed by an ID of your organisation that is still valid (the ID may "
                   "have been revoked): do not use it, and tell the IT office.");
    if (code == ErrorCode::PermissionDenied)
        return lead + u' ' +
               ErrorText::tr("Who made it cannot be checked: do not use it, and tell the IT office.");
    if (code == ErrorCode::InvalidArgument && mentions(message, "another database"))
        return lead + u' ' + ErrorText::tr("It belongs to another database.");
    if (code == ErrorCode::InvalidArgument && mentions(message, "written by this replica"))
        return lead + u' ' +
               ErrorText::tr("It was written by this computer: import the server's answer instead.");
    // A first bundle, to make a new replica (client/app/OfficeBundle.h).
    if (code == ErrorCode::InvalidArgument && mentions(message, "not a first bundle"))
        return lead + u' ' +
               ErrorText::tr("It is not a first bundle, so it cannot make a new database: ask the server's "
                             "administrator for a first bundle written for you.");
    if (code == ErrorCode::InvalidArgument && mentions(message, "was written for"))
        return lead + u' ' +
               ErrorText::tr("It was written for another user: ask for a bundle written for you.");
    if (code == ErrorCode::Conflict && mentions(message, "in this workspace already"))
        return lead + u' ' +
               ErrorText::tr(
                   "This database is in this workspace already: import the bundle into it instead.");
    if (code == ErrorCode::Conflict)
        return lead + u' ' + ErrorText::tr("A database of that name is in this workspace already.");
    return std::nullopt;
}

std::optional<QString> written(ErrorCode code, const QString& message, const ErrorContext& c)
{
    switch (c.situation) {
    case Situation::Syncing:
        return syncing(code, message, c);
    case Situation::RefusedByServer:
        if (code == ErrorCode::Ok)
            return std::nullopt;
        return refusal(code, message);
    case Situation::ImportingAttachment:
    case Situation::ExportingAttachment:
        return attachment(code, message, c);
    case Situation::LoggingIn:
    case Situation::ChangingPassword:
        return identityWork(code, message, c);
    case Situation::OpeningDatabase:
    case Situation::CreatingDatabase:
        return databaseWork(code, c);
    case Situation::SelfTest:
        if (code == ErrorCode::Ok)
            return std::nullopt;
        // Whatever the code: the encryption this computer would use cannot be trusted.
        return ErrorText::tr(
            "Sen cannot start: the check of its encryption failed, so documents and passwords would not "
            "be safe. Ask the IT office to reinstall Sen.");
    case Situation::InsertingImage:
        if (code == ErrorCode::InvalidArgument)
            return ErrorText::tr(
                       "“%1” could not be inserted: it is not a picture Sen can read. Use a PNG, JPEG, GIF, "
                       "BMP or WebP image.")
                .arg(c.name);
        return std::nullopt;
    case Situation::ImportingBundle:
        if (code == ErrorCode::Ok)
            return std::nullopt;
        return bundleWork(code, message, c);
    case Situation::UpdatingViews:
        if (code == ErrorCode::Busy)
            return ErrorText::tr(
                "The views could not be brought up to date: the database is busy (a synchronisation may "
                "be writing to it). Sen tries again in a moment.");
        return std::nullopt;
    default:
        return documentWork(code, message, c);
    }
}

} // namespace

QString ErrorText::sentence(const Status& status, const ErrorContext& context)
{
    if (auto words = written(status.code(), status.message(), context))
        return *words;
    if (status.isOk())
        return tr("Done.");
    return lead(context) + u' ' + cause(status.code(), status.message());
}

QString ErrorText::details(const Status& status)
{
    if (status.isOk())
        return {};
    QString text = status.toString();
    text.replace(u'\n', u' ');
    return text;
}

QString ErrorText::line(const Status& status, const ErrorContext& context)
{
    QString text = sentence(status, context);
    if (const QString more = details(status); !more.isEmpty())
        text += QStringLiteral(" (") + more + u')';
    return text;
}

} // namespace sen::client
