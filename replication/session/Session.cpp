#include "replication/session/Session.h"

#include "common/core/Check.h"
#include "common/store/ReplicationLog.h"
#include "replication/protocol/DirectoryListing.h"
#include "replication/protocol/Numbers.h"

#include <QDateTime>

#include <limits>

namespace sen {

using namespace protocol;

namespace {

// What the pull checkpoint remembers of a filter: which versions it hides. Summary-only
// hides chunks, not versions (those are fetched later from the wanted list), so it is left out.
QByteArray filterRecord(const Filter& filter)
{
    if (filter.forms.isEmpty() && filter.sinceMs == 0)
        return {};
    return encode(Pull{0, Filter{filter.forms, filter.sinceMs, false}});
}

// Whether `now` admits a version `before` hid: then the feed must be walked again.
bool admitsMore(const Filter& now, const Filter& before)
{
    if (!before.forms.isEmpty()) {
        if (now.forms.isEmpty())
            return true;
        for (const QString& form : now.forms)
            if (!before.forms.contains(form))
                return true;
    }
    return before.sinceMs > 0 && now.sinceMs < before.sinceMs;
}

} // namespace

Session::Session(Role role, ReplicaStore& store, Transport& transport, SessionOptions options,
                 QObject* parent)
    : QObject(parent), m_role(role), m_store(store), m_options(std::move(options)),
      m_connection(transport, this), m_startedMs(QDateTime::currentMSecsSinceEpoch())
{
    connect(&m_connection, &Connection::frameReceived, this, &Session::onFrame);
    connect(&m_connection, &Connection::ended, this, &Session::onEnded);
    // A sender held back by the transport's backlog (docs/protocol.md §Limits) goes on.
    connect(&m_connection, &Connection::written, this, [this] {
        if (m_finished || !m_sender)
            return;
        if (const Status resumed = m_sender->resume(); !resumed.isOk()) {
            m_connection.fail(resumed);
            finish(resumed);
        }
    });
}

Session::~Session() = default;

void Session::send(MessageType type, const QByteArray& payload, bool compress)
{
    m_connection.send(type, payload, compress);
}

void Session::start()
{
    if (m_role != Role::Initiator)
        return; // the responder waits for HELLO
    Hello hello;
    hello.replicaId = m_store.info().replicaId;
    hello.instanceId = m_store.info().instanceId;
    hello.database = m_options.database.isEmpty() ? hello.replicaId.toHex() : m_options.database;
    hello.peerName = m_options.localName;
    const auto counter = m_store.localCounter();
    if (!counter) {
        finish(counter.status());
        return;
    }
    std::vector<NumberRequest> requests;
    if (m_options.numbering) {
        auto asked = m_options.numbering->requests();
        if (!asked) {
            finish(asked.status());
            return;
        }
        requests = std::move(asked).value();
    }
    // Each number given is one local save before the push: the HELLO declares those counters
    // too, so the server stores the numbered versions in this session (docs/protocol.md
    // §Instances: a version beyond the declared counter waits for the next session).
    hello.counter = *counter + requests.size();
    send(MessageType::Hello, encode(hello));
    sendNumberRequests(std::move(requests));
    if (const Status early = sendEarlyPull(); !early.isOk()) {
        m_connection.fail(early);
        finish(early);
    }
}

void Session::sendNumberRequests(std::vector<NumberRequest> all)
{
    // Sent with HELLO, before WELCOME names the version: a responder of this build speaks
    // version 4, and one that chose an older version refuses NUMBER (ProtocolError).
    for (std::size_t at = 0; at < all.size(); at += kMaxNumberRequests) {
        const auto end = all.begin() + std::min(all.size(), at + kMaxNumberRequests);
        std::vector<NumberRequest> part(all.begin() + at, end);
        send(MessageType::Number, encodeNumberRequests(part));
        m_numberRequests.push_back(std::move(part));
    }
}

Status Session::onNumbers(const Frame& frame)
{
    if (m_numberRequests.empty())
        return Status(ErrorCode::ProtocolError, QStringLiteral("NUMBERS that answer no NUMBER"));
    SEN_ASSIGN_OR_RETURN(const std::vector<NumberAnswer> answers, decodeNumberAnswers(frame.payload));
    const std::vector<NumberRequest> asked = std::move(m_numberRequests.front());
    m_numberRequests.pop_front();
    if (answers.size() != asked.size())
        return Status(ErrorCode::ProtocolError,
                      QStringLiteral("NUMBERS answers %1 requests, not the %2 asked")
                          .arg(answers.size())
                          .arg(asked.size()));
    for (std::size_t i = 0; i < answers.size(); ++i) {
        if (answers[i].unid != asked[i].unid)
            return Status(ErrorCode::ProtocolError,
                          QStringLiteral("NUMBERS answers another document than asked"));
        if (answers[i].number)
            ++m_numbered;
        else
            ++m_numberRefused;
    }
    SEN_TRY(m_options.numbering->apply(asked, answers));
    return pushIfAnswered();
}

Status Session::pushIfAnswered()
{
    if (m_numberRequests.empty() && !m_directoryPending && !(m_authority && m_authority->isPending()) &&
        std::exchange(m_pushWaiting, false))
        return startPush();
    return Status::ok();
}

void Session::requestDirectory()
{
    // After WELCOME: only a responder of version 5 knows the request (an older one would end
    // the session on it).
    if (!m_options.directory || m_version < kVersionDirectory)
        return;
    send(MessageType::DirectoryRequest, encodeDirectoryRequest());
    m_directoryPending = true;
}

Status Session::onDirectory(const Frame& frame)
{
    if (!m_directoryPending)
        return Status(ErrorCode::ProtocolError, QStringLiteral("DIRECTORY that answers no request"));
    SEN_ASSIGN_OR_RETURN(const DirectoryListing listing, decodeDirectory(frame.payload));
    SEN_TRY(m_options.directory->apply(listing));
    m_directoryPending = false;
    m_directory = true;
    return pushIfAnswered();
}

Status Session::answerDirectory(const Frame& frame)
{
    if (m_version < kVersionDirectory)
        return Status(ErrorCode::ProtocolError,
                      QStringLiteral("DIRECTORY_REQUEST in a session of protocol version %1").arg(m_version));
    SEN_TRY(decodeDirectoryRequest(frame.payload));
    if (!m_options.directoryProvider)
        return Status(ErrorCode::Unsupported, QStringLiteral("this replica keeps no directory"));
    SEN_ASSIGN_OR_RETURN(const DirectoryListing listing, m_options.directoryProvider->directory());
    send(MessageType::Directory, encodeDirectory(listing));
    m_directory = true;
    return Status::ok();
}

Status Session::startAuthority()
{
    // After WELCOME: only a responder of version 6 knows the messages.
    if (!m_options.authority || m_version < kVersionAuthority)
        return Status::ok();
    m_authority = std::make_unique<AuthorityExchange>(
        m_options.authority, true, [this](MessageType t, const QByteArray& p) { send(t, p); });
    return m_authority->begin();
}

Status Session::onAuthority(const Frame& frame)
{
    if (m_role == Role::Responder) {
        if (m_phase == Phase::Handshake)
            return Status(ErrorCode::ProtocolError,
                          QStringLiteral("AUTHORITY_SERIAL or AUTHORITY before HELLO"));
        if (m_version < kVersionAuthority)
            return Status(
                ErrorCode::ProtocolError,
                QStringLiteral("an authority message in a session of protocol version %1").arg(m_version));
        if (!m_options.authority)
            return Status(ErrorCode::ProtocolError,
                          QStringLiteral("authority records travel only between the organisation's servers"));
        if (!m_authority)
            m_authority = std::make_unique<AuthorityExchange>(
                m_options.authority, false, [this](MessageType t, const QByteArray& p) { send(t, p); });
    } else if (!m_authority) {
        return Status(ErrorCode::ProtocolError, QStringLiteral("an authority message that answers nothing"));
    }
    if (frame.type == MessageType::AuthoritySerial)
        SEN_TRY(m_authority->onSerial(frame.payload));
    else
        SEN_TRY(m_authority->onRecord(frame.payload));
    return m_role == Role::Initiator ? pushIfAnswered() : Status::ok();
}

Status Session::answerNumbers(const Frame& frame)
{
    if (m_version < kVersionNumbers)
        return Status(ErrorCode::ProtocolError,
                      QStringLiteral("NUMBER in a session of protocol version %1").arg(m_version));
    if (!m_options.numberingAuthority)
        return Status(ErrorCode::Unsupported, QStringLiteral("this replica gives no numbers"));
    SEN_ASSIGN_OR_RETURN(const std::vector<NumberRequest> requests, decodeNumberRequests(frame.payload));
    SEN_ASSIGN_OR_RETURN(const std::vector<NumberAnswer> answers,
                         m_options.numberingAuthority->answer(requests));
    SEN_CHECK(answers.size() == requests.size(), "one answer per number request");
    for (const NumberAnswer& a : answers)
        ++(a.number ? m_numbered : m_numberRefused);
    send(MessageType::Numbers, encodeNumberAnswers(answers));
    return Status::ok();
}

Status Session::sendEarlyPull()
{
    if (!m_options.pull)
        return Status::ok();
    const InstanceId& expected = m_options.expectedPeer;
    if (expected.isNull()) {
        SEN_ASSIGN_OR_RETURN(const bool pulled, m_store.replication().hasPulled());
        if (pulled)
            return Status::ok(); // `since` depends on who answers: wait for WELCOME
    }
    SEN_TRY(notePullStart());
    std::int64_t since = 0;
    if (!expected.isNull()) {
        SEN_TRY(checkPullFilter(expected));
        SEN_ASSIGN_OR_RETURN(since, m_store.replication().checkpoint(expected, ReplicaSync::Direction::Pull));
    }
    // The responder reads frames in order: it serves this only once it has accepted HELLO,
    // and its WELCOME reaches us before any CHANGES, so nothing is applied unverified.
    m_pullWhole = since == 0 && m_seqBeforePull == 0;
    send(MessageType::Pull, encode(Pull{since, m_options.filter, m_pullWhole}));
    m_earlyPullSince = since;
    m_pullFrom = since;
    return Status::ok();
}

Status Session::notePullStart()
{
    SEN_ASSIGN_OR_RETURN(m_counterBeforePull, m_store.localCounter());
    SEN_ASSIGN_OR_RETURN(m_seqBeforePull, m_store.lastSeq());
    return Status::ok();
}

SessionStats Session::stats() const
{
    SessionStats s = m_connection.counters();
    s.sent = m_sent + (m_sender ? m_sender->sent() : 0);
    s.received = m_received + (m_receiver ? m_receiver->received() : 0);
    s.conflicts = m_conflicts + (m_receiver ? m_receiver->conflicts() : 0);
    s.stubsDropped = m_stubsDropped;
    // Initiator: what the peer refused of our push; responder: what we refused of theirs.
    s.refused = (m_sender ? m_sender->refused() : 0) + (m_receiver ? m_receiver->refused() : 0);
    s.notOffered = m_sender ? m_sender->notOffered() : 0;
    s.withdrawn = m_receiver ? m_receiver->withdrawn() : 0;
    s.numbered = m_numbered;
    s.numberRefused = m_numberRefused;
    s.directory = m_directory;
    s.authorityReceived = m_authority && m_authority->received();
    s.authoritySent = m_authority && m_authority->sent();
    return s;
}

void Session::onFrame(const Frame& frame)
{
    if (m_finished)
        return;
    if (const Status status = handle(frame); !status.isOk()) {
        m_connection.fail(status);
        finish(status);
    }
}

void Session::onEnded(const Status& reason)
{
    if (m_finished)
        return;
    // A pull-only initiator closes once it has everything: for the responder that is the
    // orderly end of a session whose pull it served completely.
    if (reason.isOk() && m_role == Role::Responder && m_sender && m_sender->isDone() && !m_receiver) {
        finish(Status::ok());
        return;
    }
    finish(reason.isOk()
               ? Status(ErrorCode::IoError, QStringLiteral("the peer closed the connection before the "
                                                           "session completed"))
               : reason);
}

Status Session::handle(const Frame& frame)
{
    if (frame.type == MessageType::Error) {
        SEN_ASSIGN_OR_RETURN(const ErrorMessage error, decodeError(frame.payload));
        finish(Status(error.code, QStringLiteral("the peer refused: ") + error.message));
        m_connection.close();
        return Status::ok();
    }
    return m_role == Role::Initiator ? handleAsInitiator(frame) : handleAsResponder(frame);
}

Status Session::handleAsInitiator(const Frame& frame)
{
    switch (frame.type) {
    case MessageType::Welcome: {
        if (m_phase != Phase::Handshake)
            return Status(ErrorCode::ProtocolError, QStringLiteral("unexpected WELCOME"));
        SEN_ASSIGN_OR_RETURN(const Welcome welcome, decodeWelcome(frame.payload));
        if (welcome.version < kVersionMin || welcome.version > kVersionMax)
            return Status(ErrorCode::Unsupported,
                          QStringLiteral("the peer chose protocol version %1").arg(welcome.version));
        if (welcome.replicaId != m_store.info().replicaId)
            return Status(
                ErrorCode::InvalidArgument,
                QStringLiteral("the peer's database is not a replica of ours (another replica ID under that "
                               "name); nothing was exchanged"));
        m_peerInstance = welcome.instanceId;
        m_peerName = welcome.peerName;
        m_version = welcome.version;
        if (m_version >= kVersionWelcomeAccess)
            m_reportedAccess = welcome.access;
        requestDirectory();
        SEN_TRY(startAuthority());
        SEN_TRY(startPull());
        reportProgress(true);
        return Status::ok();
    }
    case MessageType::Changes:
    case MessageType::Docs:
    case MessageType::Chunks: {
        if (m_phase != Phase::Pulling || !m_receiver)
            return Status(ErrorCode::ProtocolError, QStringLiteral("unexpected CHANGES, DOCS or CHUNKS"));
        SEN_TRY(feedReceiver(frame));
        if (m_receiver->isDone())
            return startPush();
        return Status::ok();
    }
    case MessageType::Numbers:
        return onNumbers(frame);
    case MessageType::Directory:
        return onDirectory(frame);
    case MessageType::AuthoritySerial:
    case MessageType::Authority:
        return onAuthority(frame);
    case MessageType::Want:
    case MessageType::Ack:
    case MessageType::ChunkWant: {
        if (m_phase != Phase::Pushing || !m_sender)
            return Status(ErrorCode::ProtocolError, QStringLiteral("unexpected WANT, ACK or CHUNK_WANT"));
        SEN_TRY(feedSender(frame));
        if (m_sender->isDone())
            return completePush();
        return Status::ok();
    }
    default:
        return Status(ErrorCode::ProtocolError,
                      QStringLiteral("unexpected message type %1").arg(static_cast<int>(frame.type)));
    }
}

Status Session::startPull()
{
    m_phase = Phase::Pulling;
    if (!m_options.pull)
        return startPush();
    if (!m_earlyPullSince)
        SEN_TRY(notePullStart());
    SEN_TRY(checkPullFilter(m_peerInstance));
    SEN_ASSIGN_OR_RETURN(const std::int64_t since,
                         m_store.replication().checkpoint(m_peerInstance, ReplicaSync::Direction::Pull));
    m_receiver = std::make_unique<ChangeReceiver>(
        m_store, [this](MessageType t, const QByteArray& p, bool c) { send(t, p, c); }, m_peerInstance,
        !m_options.filter.summaryOnly);
    m_receiver->settleRefusalsOf(m_peerName);
    if (!m_earlyPullSince)
        m_pullWhole = since == 0 && m_seqBeforePull == 0;
    if (m_pullWhole)
        m_receiver->receiveWhole();
    if (m_pullWhole && m_options.deferFullText)
        SEN_TRY(m_store.replication().deferFullText());
    if (m_earlyPullSince) {
        // PULL went with HELLO. If it asked from further on than we hold from the instance
        // that answered (another than expected), the versions still merge, but the
        // checkpoint stays where it is: the next session brings what lies between.
        if (*m_earlyPullSince > since)
            m_receiver->limitCheckpoint(since);
        return Status::ok();
    }
    send(MessageType::Pull, encode(Pull{since, m_options.filter, m_pullWhole}));
    m_pullFrom = since;
    return Status::ok();
}

Status Session::checkPullFilter(const InstanceId& peer)
{
    SEN_ASSIGN_OR_RETURN(const QByteArray recorded, m_store.replication().pullFilter(peer));
    const QByteArray current = filterRecord(m_options.filter);
    if (recorded == current)
        return Status::ok();
    Filter before;
    if (!recorded.isEmpty()) {
        auto decoded = decodePull(recorded);
        if (decoded.isOk())
            before = decoded->filter;
        else
            before.sinceMs = std::numeric_limits<qint64>::max(); // unreadable: assume it hid everything
    }
    return m_store.replication().setPullFilter(peer, current, admitsMore(m_options.filter, before));
}

Status Session::startPush()
{
    if (!m_numberRequests.empty() || m_directoryPending || (m_authority && m_authority->isPending())) {
        // The numbers go into the registrations before they are pushed; the directory and
        // the authority record are in before the session can complete.
        m_pushWaiting = true;
        return Status::ok();
    }
    m_phase = Phase::Pushing;
    if (!m_options.push) {
        finish(Status::ok());
        m_connection.close(); // the responder would otherwise wait for a push
        return Status::ok();
    }
    SEN_ASSIGN_OR_RETURN(m_counterAtPush, m_store.localCounter());
    SEN_ASSIGN_OR_RETURN(std::int64_t pushed,
                         m_store.replication().checkpoint(m_peerInstance, ReplicaSync::Direction::Push));
    SEN_ASSIGN_OR_RETURN(const std::int64_t lastSeq, m_store.lastSeq());
    // What the pull just stored is the peer's own versions: offering them back would cost a
    // round trip for nothing. When the pull stored only those, no local save slipped in
    // (same counter), nothing else was stored meanwhile (every change since the pull began
    // is one the pull wrote: a server's other sessions store versions without a local save)
    // and we had pushed everything before it, the push checkpoint moves past them. (A
    // filtered pull never moves it: the peer may lack what the filter hid.)
    if (m_receiver && m_receiver->storedOnlyPeerVersions() && m_options.filter.isEmpty() &&
        pushed == m_seqBeforePull && lastSeq - m_seqBeforePull == m_receiver->received()) {
        SEN_ASSIGN_OR_RETURN(const std::uint64_t counter, m_store.localCounter());
        if (counter == m_counterBeforePull) {
            SEN_TRY(
                m_store.replication().setCheckpoint(m_peerInstance, ReplicaSync::Direction::Push, lastSeq));
            pushed = lastSeq;
        }
    }
    m_sender = std::make_unique<ChangeSender>(
        m_store, [this](MessageType t, const QByteArray& p, bool c) { send(t, p, c); },
        [this](std::function<void()> f) {
            QMetaObject::invokeMethod(this, std::move(f), Qt::QueuedConnection);
        },
        m_peerInstance, m_options.batchSize, m_options.window);
    m_sender->setBacklog([this] { return m_connection.unsentBytes(); });
    m_sender->setPeerName(m_peerName);
    m_sender->setAnnounceFeedEnd(m_version >= kVersionFeedEnd);
    m_sender->setNumberedStubs(m_version >= kVersionNumberedStubs);
    if (m_options.pushOwnEditsOnly)
        m_sender->setOwnEditsOnly(m_store.info().instanceId);
    SEN_TRY(m_sender->start(pushed, {}));
    reportProgress(true);
    if (lastSeq <= pushed)
        return completePush(); // nothing to push: the final empty batch is on its way, no answer needed
    return Status::ok();
}

Status Session::completePush()
{
    SEN_TRY(m_store.replication().log().noteAckedCounter(m_counterAtPush));
    if (m_options.dropAcknowledgedStubs) {
        SEN_ASSIGN_OR_RETURN(m_stubsDropped, m_store.replication().dropAcknowledgedStubs());
    }
    finish(Status::ok());
    return Status::ok();
}

Status Session::handleAsResponder(const Frame& frame)
{
    switch (frame.type) {
    case MessageType::Hello: {
        if (m_phase != Phase::Handshake)
            return Status(ErrorCode::ProtocolError, QStringLiteral("unexpected HELLO"));
        SEN_ASSIGN_OR_RETURN(const Hello hello, decodeHello(frame.payload));
        const int version = std::min(hello.versionMax, kVersionMax);
        if (version < std::max(hello.versionMin, kVersionMin))
            return Status(ErrorCode::Unsupported,
                          QStringLiteral("no common protocol version (peer speaks %1 to %2, we %3 to %4)")
                              .arg(hello.versionMin)
                              .arg(hello.versionMax)
                              .arg(kVersionMin)
                              .arg(kVersionMax));
        if (hello.replicaId != m_store.info().replicaId)
            return Status(
                ErrorCode::InvalidArgument,
                QStringLiteral("the peer's database is not a replica of ours (another replica ID under that "
                               "name); nothing was exchanged"));
        if (hello.instanceId == m_store.info().instanceId)
            return Status(ErrorCode::InvalidArgument,
                          QStringLiteral("the peer is a copy of this very replica file"));
        // A copy or a restored backup must take a new instance ID (session/PushCheck.h).
        SEN_TRY(checkDeclaredCounter(m_store, hello.instanceId, hello.counter, hello.peerName));
        m_peerInstance = hello.instanceId;
        m_peerName = hello.peerName;
        m_version = version;
        Welcome welcome{version, m_store.info().replicaId, m_store.info().instanceId, m_options.localName,
                        std::nullopt};
        if (version >= kVersionWelcomeAccess) // a version 2 peer refuses a five-element WELCOME
            welcome.access = m_options.reportAccess;
        send(MessageType::Welcome, encode(welcome));
        m_phase = Phase::Pulling;
        return Status::ok();
    }
    case MessageType::Number:
        if (m_phase == Phase::Handshake)
            return Status(ErrorCode::ProtocolError, QStringLiteral("NUMBER before HELLO"));
        return answerNumbers(frame);
    case MessageType::DirectoryRequest:
        if (m_phase == Phase::Handshake)
            return Status(ErrorCode::ProtocolError, QStringLiteral("DIRECTORY_REQUEST before HELLO"));
        return answerDirectory(frame);
    case MessageType::AuthoritySerial:
    case MessageType::Authority:
        return onAuthority(frame);
    case MessageType::Pull: {
        if (m_phase != Phase::Pulling || m_sender)
            return Status(ErrorCode::ProtocolError, QStringLiteral("unexpected PULL"));
        SEN_ASSIGN_OR_RETURN(const Pull pull, decodePull(frame.payload));
        m_sender = std::make_unique<ChangeSender>(
            m_store, [this](MessageType t, const QByteArray& p, bool c) { send(t, p, c); },
            [this](std::function<void()> f) {
                QMetaObject::invokeMethod(this, std::move(f), Qt::QueuedConnection);
            },
            m_peerInstance, m_options.batchSize, m_options.window);
        m_sender->setBacklog([this] { return m_connection.unsentBytes(); });
        m_sender->setAccessPolicy(m_options.access);
        m_sender->setPeerName(m_peerName);
        m_sender->setAnnounceFeedEnd(m_version >= kVersionFeedEnd);
        m_sender->setNumberedStubs(m_version >= kVersionNumberedStubs);
        return m_sender->start(pull.since, pull.filter, pull.whole);
    }
    case MessageType::Want:
    case MessageType::Ack:
    case MessageType::ChunkWant: {
        if (!m_sender)
            return Status(ErrorCode::ProtocolError, QStringLiteral("unexpected WANT, ACK or CHUNK_WANT"));
        return feedSender(frame);
    }
    case MessageType::Changes:
    case MessageType::Docs:
    case MessageType::Chunks: {
        if (m_phase == Phase::Handshake)
            return Status(ErrorCode::ProtocolError, QStringLiteral("CHANGES before HELLO"));
        if (!m_receiver) {
            m_phase = Phase::Pushing;
            m_receiver = std::make_unique<ChangeReceiver>(
                m_store, [this](MessageType t, const QByteArray& p, bool c) { send(t, p, c); },
                m_peerInstance);
            m_receiver->setAccessPolicy(m_options.access);
            // Issue #11: only a server withdraws, towards a client; a responder never purges
            // on a peer's word. The server's limits on pushed versions come with the options.
            m_receiver->refuseWithdrawn();
            m_receiver->setPushCheck(m_options.pushCheck);
        }
        SEN_TRY(feedReceiver(frame));
        if (m_receiver->isDone())
            finish(Status::ok());
        return Status::ok();
    }
    default:
        return Status(ErrorCode::ProtocolError,
                      QStringLiteral("unexpected message type %1").arg(static_cast<int>(frame.type)));
    }
}

Status Session::feedReceiver(const Frame& frame)
{
    switch (frame.type) {
    case MessageType::Changes: {
        SEN_ASSIGN_OR_RETURN(const Changes changes, decodeChanges(frame.payload));
        SEN_TRY(m_receiver->onChanges(changes));
        break;
    }
    case MessageType::Docs: {
        SEN_ASSIGN_OR_RETURN(const Docs docs, decodeDocs(frame.payload));
        SEN_TRY(m_receiver->onDocs(docs));
        break;
    }
    default: {
        SEN_ASSIGN_OR_RETURN(const Chunks chunks, decodeChunks(frame.payload));
        SEN_TRY(m_receiver->onChunks(chunks));
        break;
    }
    }
    reportProgress();
    return Status::ok();
}

Status Session::feedSender(const Frame& frame)
{
    switch (frame.type) {
    case MessageType::Want: {
        SEN_ASSIGN_OR_RETURN(const Want want, decodeWant(frame.payload));
        return m_sender->onWant(want);
    }
    case MessageType::Ack: {
        SEN_ASSIGN_OR_RETURN(const Ack ack, decodeAck(frame.payload));
        SEN_TRY(m_sender->onAck(ack));
        reportProgress();
        return Status::ok();
    }
    default: {
        SEN_ASSIGN_OR_RETURN(const ChunkWant want, decodeChunkWant(frame.payload));
        return m_sender->onChunkWant(want);
    }
    }
}

SessionProgress Session::progress() const
{
    SessionProgress p;
    const SessionStats s = stats();
    p.received = s.received;
    p.sent = s.sent;
    p.bytesIn = s.bytesIn;
    p.bytesOut = s.bytesOut;
    if (m_phase == Phase::Handshake)
        return p;
    const bool pulling = m_phase == Phase::Pulling || (m_phase == Phase::Done && !m_sender && m_receiver);
    p.phase = pulling ? SessionProgress::Phase::Pulling : SessionProgress::Phase::Pushing;
    // The direction in which this side receives in this phase, or the one in which it sends.
    const bool receiving = (m_role == Role::Initiator) == pulling;
    if (receiving && m_receiver) {
        p.from = m_role == Role::Initiator ? m_pullFrom : 0;
        p.position = std::max(p.from, m_receiver->position());
        p.end = m_receiver->feedEnd();
    } else if (!receiving && m_sender) {
        p.from = m_sender->startedAfter();
        p.position = m_sender->acknowledged();
        p.end = m_sender->feedEnd();
    } else if (receiving) {
        p.from = p.position = m_pullFrom;
    }
    return p;
}

void Session::reportProgress(bool force)
{
    const qint64 batches = m_receiver ? m_receiver->batchesApplied() : 0;
    const std::int64_t acked = m_sender ? m_sender->acknowledged() : 0;
    if (!force && batches == m_reportedBatches && acked == m_reportedAck)
        return;
    m_reportedBatches = batches;
    m_reportedAck = acked;
    Q_EMIT progressed(progress());
}

void Session::abort(const Status& reason)
{
    if (m_finished)
        return;
    m_connection.fail(reason);
    finish(reason);
}

void Session::finish(const Status& status)
{
    if (m_finished)
        return;
    m_finished = true;
    m_phase = Phase::Done;
    m_result = status;
    if (!m_peerInstance.isNull()) {
        const SessionStats s = stats();
        HistoryEntry entry;
        entry.peer = m_peerInstance;
        entry.peerName = m_peerName;
        entry.startedMs = m_startedMs;
        entry.finishedMs = QDateTime::currentMSecsSinceEpoch();
        entry.received = s.received;
        entry.sent = s.sent;
        entry.conflicts = s.conflicts;
        entry.refused = s.refused;
        entry.bytesIn = s.bytesIn;
        entry.bytesOut = s.bytesOut;
        entry.status = status.code();
        entry.message = status.message();
        // The history is for people; failing to write it must not change the outcome.
        if (const Status logged = m_store.replication().log().record(entry); !logged.isOk())
            qWarning("sen: could not record replication history: %s", qPrintable(logged.toString()));
    }
    Q_EMIT finished(status);
}

} // namespace sen
