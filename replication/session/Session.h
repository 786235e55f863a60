#pragma once

// One replication session between two replicas of a database over a transport (docs/protocol.md
// §A session): handshake, then pull (the responder's changes to the initiator), then
// push (the initiator's changes to the responder). Each direction is a ChangeSender on one
// side and a ChangeReceiver on the other.
//
// Driven entirely by the event loop of the thread it lives in; never blocks on the peer, and
// every public function must be called from that thread. finished() is emitted exactly once:
// Ok when every direction completed, the reason otherwise (whatever was applied before stays
// applied and checkpointed). progressed() is emitted when the handshake is done, when a
// direction starts and after each batch committed (pull) or acknowledged (push) — at most once
// per batch, so a listener may do a little work for each.

#include "replication/protocol/Numbers.h"
#include "replication/session/ChangeReceiver.h"
#include "replication/session/ChangeSender.h"
#include "replication/session/Connection.h"
#include "replication/session/SessionTypes.h"

#include <QObject>

#include <deque>
#include <memory>

namespace sen {

class Session : public QObject
{
    Q_OBJECT
public:
    enum class Role
    {
        Initiator, // the client side: says hello, pulls, then pushes
        Responder, // the server side: answers
    };

    // `store` and `transport` must outlive the session.
    Session(Role role, ReplicaStore& store, Transport& transport, SessionOptions options,
            QObject* parent = nullptr);
    ~Session() override;

    void start();
    // Ends the session now with `reason` (e.g. Cancelled): tells the peer with an ERROR frame,
    // closes the link and finishes. Between two events nothing is half-applied — each batch
    // was merged and checkpointed in one transaction — so the next session resumes after the
    // last committed batch. Does nothing once finished.
    void abort(const Status& reason);
    bool isFinished() const { return m_finished; }
    const Status& result() const { return m_result; }
    SessionStats stats() const;
    SessionProgress progress() const;
    // The protocol version the handshake chose (kVersionMin before it).
    int protocolVersion() const { return m_version; }
    // The peer's identity, once the handshake is done.
    const InstanceId& peerInstance() const { return m_peerInstance; }
    // The peer's name from the handshake (empty before it).
    const QString& peerName() const { return m_peerName; }
    // Initiator: the access the responder reported in WELCOME (version 3 or later), once the
    // handshake is done; unset before it or when the peer reported none.
    const std::optional<protocol::WelcomeAccess>& reportedAccess() const { return m_reportedAccess; }

Q_SIGNALS:
    void finished(const sen::Status& status);
    void progressed(const sen::SessionProgress& progress);

private:
    void onFrame(const protocol::Frame& frame);
    void onEnded(const Status& reason);
    Status handle(const protocol::Frame& frame);
    Status handleAsInitiator(const protocol::Frame& frame);
    Status handleAsResponder(const protocol::Frame& frame);
    // Initiator: sends NUMBER with HELLO for the registrations awaiting a number; applies each
    // NUMBERS; the push waits until every NUMBER is answered. Responder: answers NUMBER.
    void sendNumberRequests(std::vector<protocol::NumberRequest> all);
    Status onNumbers(const protocol::Frame& frame);
    Status answerNumbers(const protocol::Frame& frame);
    // Initiator: asks for the directory after WELCOME (version 5) and hands it to the
    // DirectoryClient; the push waits for it. Responder: answers DIRECTORY_REQUEST.
    void requestDirectory();
    Status onDirectory(const protocol::Frame& frame);
    Status answerDirectory(const protocol::Frame& frame);
    // Both (version 6, between servers): the authority exchange (session/AuthorityExchange.h).
    Status startAuthority();
    Status onAuthority(const protocol::Frame& frame);
    // Initiator: starts the push held back by NUMBER, DIRECTORY_REQUEST or the authority
    // exchange once all are answered.
    Status pushIfAnswered();
    // Initiator: sends PULL with HELLO when its `since` does not wait on WELCOME.
    Status sendEarlyPull();
    // Notes what the pull may store over (for skipping its echo in startPush).
    Status notePullStart();
    Status startPull();
    // Records the pull filter for `peer`; one that admits more than the last restarts the
    // pull from 0.
    Status checkPullFilter(const InstanceId& peer);
    Status startPush();
    // The push is acknowledged: note what reached the peer, drop acknowledged stubs, finish.
    Status completePush();
    void finish(const Status& status);
    void send(protocol::MessageType type, const QByteArray& payload, bool compress = true);
    Status feedReceiver(const protocol::Frame& frame);
    Status feedSender(const protocol::Frame& frame);
    // Emits progressed() when a batch was committed or acknowledged since the last report
    // (or always, with `force`: a new phase).
    void reportProgress(bool force = false);

    enum class Phase
    {
        Handshake,
        Pulling,
        Pushing,
        Done,
    };

    Role m_role;
    ReplicaStore& m_store;
    SessionOptions m_options;
    Connection m_connection;
    Phase m_phase = Phase::Handshake;
    InstanceId m_peerInstance;
    std::unique_ptr<ChangeSender> m_sender;
    std::unique_ptr<ChangeReceiver> m_receiver;
    bool m_pullPending = false; // responder: serving a pull
    bool m_finished = false;
    Status m_result;
    // Initiator, for skipping the echo of what the pull stored (see startPush).
    std::optional<std::int64_t> m_earlyPullSince; // PULL sent with HELLO, from this position
    std::uint64_t m_counterBeforePull = 0;
    std::int64_t m_seqBeforePull = 0;  // 0: this replica held no document when the pull began
    bool m_pullWhole = false;          // the PULL asked for whole documents (we held none)
    std::uint64_t m_counterAtPush = 0; // our counter when the push started: what the peer then has
    qint64 m_startedMs = 0;
    QString m_peerName;
    std::optional<protocol::WelcomeAccess> m_reportedAccess;
    int m_version = protocol::kVersionMin;
    std::int64_t m_pullFrom = 0; // initiator: the `since` of our PULL
    qint64 m_reportedBatches = -1;
    std::int64_t m_reportedAck = -1;
    qint64 m_sent = 0;
    qint64 m_received = 0;
    qint64 m_conflicts = 0;
    qint64 m_stubsDropped = 0;
    // Numbers (protocol version 4): the NUMBER messages sent and not yet answered, in order.
    std::deque<std::vector<protocol::NumberRequest>> m_numberRequests;
    bool m_pushWaiting = false; // the push waits for NUMBERS or DIRECTORY
    bool m_directoryPending = false;
    bool m_directory = false; // the directory went across
    std::unique_ptr<AuthorityExchange> m_authority;
    qint64 m_numbered = 0;
    qint64 m_numberRefused = 0;
};

} // namespace sen
