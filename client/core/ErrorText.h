#pragma once

// Every error a user sees, in plain words (issue #12 point 4): the one place that turns a
// Status (an ErrorCode and the engine's English message) and the situation the user was in
// (saving a document, logging in, syncing with server S, attaching a file named N...) into
// one translated sentence saying what happened and what to do. The desktop client and senctl
// both report through it, so the same failure reads the same everywhere.
//
// Contract:
// - sentence() is always a non-empty sentence through Qt's translation system (context
//   "ErrorText"; Vietnamese in client/translations/sen_vi.ts; without a translator, as in
//   senctl, the English source text). The engine's English message never appears in it: the
//   message is only read to tell apart cases a user acts on differently (a revoked ID and an
//   unreachable server are both failures of a sync), and the details a sentence needs (a
//   file name, a server address, a database) come from the ErrorContext, inside a translated
//   sentence.
// - details() is the engine's own words ("NotFound: no database vanban"), English and never
//   translated, for the IT office: a UI offers it apart from the sentence (a tooltip, a
//   "technical details" disclosure; senctl prints it in parentheses after the sentence),
//   never as the message itself.
// GUI-free (Qt Core only), any thread: it reads the installed translators.

#include "common/core/Result.h"

#include <QCoreApplication>
#include <QString>

namespace sen::client {

// What the user was doing when the error happened.
enum class Situation
{
    Other,               // no better description (senctl's listing commands)
    OpeningWorkspace,    // `name`: the workspace folder
    OpeningDatabase,     // `database`
    CreatingDatabase,    // `database`
    OpeningDocument,     // reading a document to show or edit it
    SavingDocument,      // creating or changing a document
    DeletingDocument,    //
    LoadingConflict,     // showing a replication conflict to resolve
    ResolvingConflict,   // saving the choice made in a replication conflict
    ImportingAttachment, // `name`: the file being attached
    ExportingAttachment, // `name`: the attachment being opened or saved to a file
    Syncing,             // `server` (HOST:PORT) and `database` (the server's database)
    RefusedByServer,     // why the server refused a change sent to it (the refused-changes list)
    RestoringRefused,    // restoring the server's version of a refused change
    LoggingIn,           // opening the user's ID file with its password
    ChangingPassword,    // the ID file's password
    CreatingDocument,    // making a new document (and its form) to fill in
    ReadingResponses,    // listing the responses under a document
    ReadingDossier,      // listing the documents filed in a dossier
    FilingInDossier,     // filing a document in a dossier
    UnfilingFromDossier, // taking a document out of a dossier
    OpeningView,         // reading a view's rows from the view index
    UpdatingViews,       // bringing the view index up to the database's changes
    Searching,           // a full-text search of the database
    MarkingRead,         // storing which documents the user has read
    InsertingImage,      // `name`: the image file inserted into a rich text field
    SavingSchedule,      // `database`: its automatic sync interval
    SelfTest,            // the cryptographic self-test sen and senctl run when they start
    PrintingRegister,    // `database`: printing its register (sổ đăng ký, docs/registers.md)
    PrintingDossier,     // `database`: printing a dossier's table of contents (mục lục văn bản)
    PrintingSlip,        // `database`: printing an incoming document's phiếu giải quyết
    ExportingBundle,     // `database`, `name`: the bundle file written (client/app/OfficeBundle.h)
    ImportingBundle,     // `database`, `name`: the bundle file read
};
inline constexpr int kSituationCount = static_cast<int>(Situation::ImportingBundle) + 1;

struct ErrorContext
{
    Situation situation = Situation::Other;
    QString server;   // Syncing: HOST:PORT
    QString database; // the database's name as the user knows it
    QString name;     // an attachment's file name, the workspace folder

    static ErrorContext of(Situation situation) { return {situation, {}, {}, {}}; }
    static ErrorContext syncing(const QString& server, const QString& database)
    {
        return {Situation::Syncing, server, database, {}};
    }
    static ErrorContext forDatabase(Situation situation, const QString& database)
    {
        return {situation, {}, database, {}};
    }
    static ErrorContext forName(Situation situation, const QString& name)
    {
        return {situation, {}, {}, name};
    }
    static ErrorContext forFile(Situation situation, const QString& database, const QString& name)
    {
        return {situation, {}, database, name};
    }
};

class ErrorText
{
    Q_DECLARE_TR_FUNCTIONS(ErrorText)
public:
    // The sentence for `status` in `context` (see the header comment). An Ok status gives a
    // sentence that says it worked ("The last sync completed.").
    static QString sentence(const Status& status, const ErrorContext& context);
    static QString sentence(ErrorCode code, const QString& message, const ErrorContext& context)
    {
        return sentence(Status(code, message), context);
    }

    // The engine's words, "Code: message" on one line; empty for Ok.
    static QString details(const Status& status);

    // "sentence (details)" on one line, for senctl's stderr.
    static QString line(const Status& status, const ErrorContext& context);
};

} // namespace sen::client
