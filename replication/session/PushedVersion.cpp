#include "replication/session/PushedVersion.h"

#include "common/store/StubReaders.h"
#include "replication/session/ChunkAccess.h"

namespace sen {

namespace {
// Whether the merge would store something other than the peer's version as received.
bool mergesOther(const merge::MergeResult& planned, const Document& remote)
{
    switch (planned.outcome) {
    case merge::Outcome::Inserted:
    case merge::Outcome::Unchanged:
    case merge::Outcome::FastForward:
        return false;
    case merge::Outcome::Merged:
    case merge::Outcome::Conflicted:
        return true;
    case merge::Outcome::Resurrected:
        return !(planned.merged == remote) || !planned.conflicts.empty();
    }
    return true;
}
} // namespace

Result<PushedVersion> receivePushedVersion(ReplicaStore& store, const AccessPolicy* access, PushCheck* check,
                                           const std::optional<store::StoredDocument>& current,
                                           const Document& remote, const QByteArray& remoteItems)
{
    const Document* local = current ? &current->doc : nullptr;
    if (local && (local->form != remote.form || local->parent != remote.parent))
        return Status(
            ErrorCode::ProtocolError,
            QStringLiteral("document %1 arrived with another form or parent").arg(remote.unid.toHex()));
    const std::optional<Document> stored = local ? std::optional<Document>(*local) : std::nullopt;
    PushedVersion outcome;
    if (check) {
        SEN_ASSIGN_OR_RETURN(const PushCheck::Outcome checked, check->checkVersion(stored, remote));
        if (checked.verdict != PushCheck::Verdict::Store) {
            outcome.verdict = checked.verdict == PushCheck::Verdict::Refuse
                                  ? PushedVersion::Verdict::Refused
                                  : PushedVersion::Verdict::Deferred;
            outcome.why = checked.status;
            return outcome;
        }
    }
    const merge::MergeResult planned = merge::merge(stored, remote);
    if (access) {
        Status allowed = access->mayStore(stored, remote);
        if (allowed.isOk())
            allowed = ChunkAccess(store, *access).mayReference(stored, remote);
        if (allowed.isOk() && mergesOther(planned, remote))
            allowed = access->mayStoreMerged(stored, remote, planned.merged, planned.conflicts);
        if (!allowed.isOk()) {
            if (allowed.code() != ErrorCode::PermissionDenied && allowed.code() != ErrorCode::InvalidArgument)
                return allowed; // not about this version: the batch is not committed
            access->noteRefused(stored, remote, allowed);
            outcome.verdict = PushedVersion::Verdict::Refused;
            outcome.why = allowed;
            return outcome;
        }
    }
    SEN_ASSIGN_OR_RETURN(outcome.applied, merge::applyMerge(store, remote, planned, current, remoteItems));
    const bool deletedLive = remote.isDeleted() && local && !local->isDeleted();
    if (outcome.applied.stored && access && deletedLive) {
        // A concurrent edit may have kept the document alive (docs/merge.md rule 5): only a
        // deletion that took effect is one.
        SEN_ASSIGN_OR_RETURN(const auto now, store.replication().findHeader(remote.unid));
        if (now && now->isDeleted())
            access->noteDeleted(*local);
    }
    // A server remembers who could read the live version a stub replaces: the stub's
    // tombstones name its items, so only they receive it (ChangeSender::entryFor).
    if (check && deletedLive)
        SEN_TRY(store.replication().stubReaders().noteDeletion(*local));
    return outcome;
}

} // namespace sen
