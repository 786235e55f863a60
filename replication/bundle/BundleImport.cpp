#include "common/acl/ParentSecrecy.h"
#include "common/attachments/AttachmentStore.h"
#include "common/model/DocumentCodec.h"
#include "common/store/ReplicationLog.h"
#include "replication/bundle/Bundle.h"
#include "replication/protocol/BoundedCbor.h"
#include "replication/session/PushCheck.h"
#include "replication/session/PushedVersion.h"

#include <QCborArray>
#include <QDateTime>

namespace sen {

using namespace protocol;

namespace {

Status bad(const QString& what)
{
    return Status(ErrorCode::Corruption, QStringLiteral("not a valid bundle: ") + what);
}

// Without an access policy a bundle is still nobody's authenticated push into this replica:
// the secrecy rule with the classification of the version's ancestors (issue #11).
Status checkSecrecy(const ReplicaStore& store, const Document& remote)
{
    if (remote.isDeleted())
        return Status::ok();
    SEN_ASSIGN_OR_RETURN(const acl::Secrecy inherited, acl::parentSecrecy(store, remote));
    return acl::checkSecrecy(remote, inherited);
}

class Importer
{
public:
    Importer(ReplicaStore& store, const SignedBundle& bundle, const BundleImportOptions& options)
        : m_store(store), m_bundle(bundle), m_options(options), m_info(bundle.info)
    {}

    Result<BundleInfo> run()
    {
        const qint64 started = QDateTime::currentMSecsSinceEpoch();
        SEN_TRY(m_store.batch([this] { return importAll(); }));
        HistoryEntry entry;
        entry.peer = m_info.author;
        entry.peerName = m_info.signer;
        entry.startedMs = started;
        entry.finishedMs = QDateTime::currentMSecsSinceEpoch();
        entry.received = m_info.stored;
        entry.conflicts = m_info.conflicts;
        entry.refused = m_info.refused;
        entry.message = QStringLiteral("bundle");
        // The history is for people; failing to write it must not change the outcome.
        if (const Status logged = m_store.replication().log().record(entry); !logged.isOk())
            qWarning("sen: could not record the bundle in the replication history: %s",
                     qPrintable(logged.toString()));
        return m_info;
    }

private:
    Status importAll()
    {
        SEN_ASSIGN_OR_RETURN(const std::int64_t pulled,
                             m_store.replication().checkpoint(m_info.author, ReplicaSync::Direction::Pull));
        SEN_ASSIGN_OR_RETURN(const std::int64_t seqBefore, m_store.lastSeq());
        // Everything up to lastSeq came here before (this bundle, or a session since), from a
        // replica no older than the one that wrote it: a version refused then is not judged,
        // nor recorded, again. A file restored from a backup goes back in its feed too, so the
        // counter tells them apart: behind what we received, it is a copy or a restored
        // backup, refused as a session's HELLO is (its new edits would reuse dots) — and so
        // is a bundle older than one imported since.
        SEN_ASSIGN_OR_RETURN(const auto known, m_store.replication().log().peer(m_info.author));
        const std::uint64_t received = known ? known->highestCounter : 0;
        m_info.alreadyImported = m_info.lastSeq <= pulled && m_info.lastSeq > 0 && m_info.counter >= received;
        if (!m_info.alreadyImported)
            SEN_TRY(checkDeclaredCounter(m_store, m_info.author, m_info.counter, m_info.signer));
        std::uint64_t authorCounter = 0;
        for (const Frame& frame : m_bundle.frames) {
            if (frame.type == MessageType::BundleDocs)
                SEN_TRY(importDocuments(frame, authorCounter));
            else if (frame.type == MessageType::Chunks)
                SEN_TRY(importChunks(frame));
        }
        if (authorCounter > 0)
            SEN_TRY(m_store.replication().log().noteReceivedCounter(m_info.author, authorCounter));
        // The author's feed is ours up to lastSeq only if the bundle continues where we were
        // and nothing was deferred: after a lost bundle, its versions are merged but the
        // checkpoint waits.
        if (m_info.since <= pulled && m_info.lastSeq > pulled && m_info.deferred == 0)
            SEN_TRY(m_store.replication().setCheckpoint(m_info.author, ReplicaSync::Direction::Pull,
                                                        m_info.lastSeq));
        if (m_info.recipient == m_store.info().instanceId)
            SEN_TRY(noteAnswer());
        return skipEcho(seqBefore);
    }

    // What this import stored is the author's own versions: a bundle back would carry them for
    // nothing. When it stored only those and the author had everything of ours before it, our
    // push checkpoint moves past them (as a session's push after its pull, Session.cpp).
    Status skipEcho(std::int64_t seqBefore)
    {
        if (!m_onlyAuthorVersions || m_info.stored == 0)
            return Status::ok();
        SEN_ASSIGN_OR_RETURN(const std::int64_t pushed,
                             m_store.replication().checkpoint(m_info.author, ReplicaSync::Direction::Push));
        if (pushed != seqBefore)
            return Status::ok();
        SEN_ASSIGN_OR_RETURN(const std::int64_t lastSeq, m_store.lastSeq());
        return m_store.replication().setCheckpoint(m_info.author, ReplicaSync::Direction::Push, lastSeq);
    }

    Status importDocuments(const Frame& frame, std::uint64_t& authorCounter)
    {
        SEN_ASSIGN_OR_RETURN(const QCborValue value, parseBoundedCbor(frame.payload));
        if (!value.isArray())
            return bad(QStringLiteral("malformed documents"));
        for (const QCborValue& encoded : value.toArray()) {
            if (!encoded.isByteArray())
                return bad(QStringLiteral("malformed documents"));
            auto remote = decodeDocument(encoded.toByteArray());
            if (!remote)
                return bad(remote.message());
            ++m_info.documents;
            if (m_info.alreadyImported)
                continue;
            // Only what this replica does not already include is judged (merge rule 2), as a
            // session wants only those: a version held since is neither stored nor refused.
            SEN_ASSIGN_OR_RETURN(const auto header, m_store.replication().findHeader(remote->unid));
            if (header && header->versions.dominatesOrEquals(remote->versions))
                continue;
            SEN_ASSIGN_OR_RETURN(const auto current, m_store.replication().findStored(remote->unid));
            if (!m_options.access) {
                if (const Status allowed = checkSecrecy(m_store, *remote); !allowed.isOk()) {
                    if (allowed.code() != ErrorCode::PermissionDenied)
                        return allowed;
                    refuse(remote->unid, allowed);
                    continue;
                }
            }
            SEN_ASSIGN_OR_RETURN(
                const PushedVersion outcome,
                receivePushedVersion(m_store, m_options.access, m_options.check, current, *remote));
            if (outcome.verdict == PushedVersion::Verdict::Refused) {
                refuse(remote->unid, outcome.why);
                continue;
            }
            if (outcome.verdict == PushedVersion::Verdict::Deferred) {
                ++m_info.deferred;
                continue;
            }
            m_info.stored += outcome.applied.stored ? 1 : 0;
            if (outcome.applied.stored && !outcome.applied.peerVersion)
                m_onlyAuthorVersions = false;
            m_info.conflicts += outcome.applied.conflictStored ? 1 : 0;
            authorCounter = std::max(authorCounter, remote->versions.get(m_info.author));
        }
        return Status::ok();
    }

    Status importChunks(const Frame& frame)
    {
        SEN_ASSIGN_OR_RETURN(const Chunks chunks, decodeChunks(frame.payload));
        for (const ChunkData& c : chunks.chunks) {
            if (!c.bytes || m_store.attachments().hasChunk(c.hash))
                continue;
            // Only a chunk a document stored here names (a refused version's are not wanted);
            // putChunk checks the bytes against the name.
            bool named = false;
            SEN_TRY(m_store.replication().forEachDocumentReferencing(c.hash, [&named](const Document&) {
                named = true;
                return false;
            }));
            if (!named)
                continue;
            SEN_TRY(m_store.attachments().putChunk(c.hash, *c.bytes));
            ++m_info.chunks;
        }
        return Status::ok();
    }

    // The bundle answers ours: what its author has imported of our feed, and what it refused.
    Status noteAnswer()
    {
        for (const Refusal& refusal : m_bundle.refusals) {
            SEN_TRY(m_store.replication().noteRefused(refusal.unid, m_info.signer, refusal.code,
                                                      refusal.message));
            ++m_info.noted;
        }
        SEN_ASSIGN_OR_RETURN(const std::int64_t pushed,
                             m_store.replication().checkpoint(m_info.author, ReplicaSync::Direction::Push));
        if (m_info.ack > pushed)
            SEN_TRY(
                m_store.replication().setCheckpoint(m_info.author, ReplicaSync::Direction::Push, m_info.ack));
        return Status::ok();
    }

    void refuse(const Unid& unid, const Status& why)
    {
        ++m_info.refused;
        m_info.refusals.push_back({unid, why.code(), why.message()});
    }

    ReplicaStore& m_store;
    const SignedBundle& m_bundle;
    const BundleImportOptions& m_options;
    BundleInfo m_info;
    bool m_onlyAuthorVersions = true; // every version stored was the author's as written
};

} // namespace

Result<BundleInfo> importBundle(ReplicaStore& store, const SignedBundle& bundle,
                                const BundleImportOptions& options)
{
    if (bundle.info.replicaId != store.info().replicaId)
        return Status(ErrorCode::InvalidArgument, QStringLiteral("the bundle is for another database"));
    if (bundle.info.author == store.info().instanceId)
        return Status(ErrorCode::InvalidArgument, QStringLiteral("the bundle was written by this replica"));
    return Importer(store, bundle, options).run();
}

} // namespace sen
