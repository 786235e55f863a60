#pragma once

// Changes the server refused (ReplicaSync::refusals), and restoring the server's version of a
// refused document in one action (docs/access-control.md, "Refused changes"). GUI-free: the
// desktop client (the document's banner, the replication page) and `senctl refused` share it.
//
// Restoring keeps what the user typed and makes the replica converge:
// 1. a refused *edit* is first copied, as a new document, into the database's local drafts
//    database (`<name>-nhap`, created on first use, never replicated): every live item, the
//    attachments with their bytes, and two items saying what it is a draft of ($DraftOf, the
//    UNID) and why it was refused ($DraftReason, the server's message). A refused deletion
//    needs no draft: nothing was typed.
// 2. then the replica gives up its version (ReplicaSync::dropForRefetch): the row, the
//    refusal record and the pull checkpoints, in one transaction. The local version's vector
//    dominates the server's, so an ordinary pull would never replace it; with the row gone the
//    next pull walks the server's feed again and brings exactly the server's current version
//    (or nothing, when the server never had the document).
// The caller syncs after it (the GUI asks its scheduler; senctl restore syncs when the replica
// has a server). If the draft cannot be written, nothing is dropped.

#include "common/core/Result.h"
#include "common/store/ReplicaStore.h"

#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace sen::client {

class Workspace;

struct RefusedChange
{
    Unid unid;
    QString label;         // the subject line (TrichYeu, Subject, ...) or empty
    QString form;          // the form of the refused version (empty for a deletion)
    bool deletion = false; // the refused version is a deletion stub
    bool current = false;  // the replica still holds the version refused
    QString peer;          // who refused it
    ErrorCode code = ErrorCode::PermissionDenied;
    QString serverMessage; // the server's words (English)
    QString reason;        // ErrorText (RefusedByServer): one plain sentence, translated
    qint64 atMs = 0;
};

struct RestoredChange
{
    bool deletion = false;     // a refused deletion was undone
    std::optional<Unid> draft; // the draft copy's UNID in the drafts database (edits only)
    QString draftsPath;        // the drafts database's file (edits only)
};

class RefusedChanges
{
public:
    // Every refusal recorded in `store`, oldest first.
    static Result<std::vector<RefusedChange>> list(ReplicaStore& store);
    // The refusal of `unid`, or nullopt.
    static Result<std::optional<RefusedChange>> find(ReplicaStore& store, const Unid& unid);

    // Restores the server's version of `unid` (see above); `drafts` receives the refused edit.
    // NotFound when no refusal of `unid` is recorded.
    static Result<RestoredChange> restore(ReplicaStore& store, const Unid& unid, ReplicaStore& drafts);
    // The same with the drafts database of the replica named `name` in `workspace`, created
    // when missing (kind of `store`, title "Drafts: <title>", translated).
    static Result<RestoredChange> restore(const Workspace& workspace, const QString& name,
                                          ReplicaStore& store, const Unid& unid);

    // "<name>-nhap": the drafts database's name for the replica `name` (cut to a valid length).
    static QString draftsName(const QString& name);
    // Item names of a draft copy.
    static QString draftOfItem();     // "$DraftOf": the refused document's UNID (hex)
    static QString draftReasonItem(); // "$DraftReason": the server's message
};

} // namespace sen::client
