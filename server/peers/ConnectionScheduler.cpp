#include "server/peers/ConnectionScheduler.h"

#include "server/core/AtomicFile.h"
#include "server/core/DataDirectory.h"
#include "server/peers/PeerReplication.h"
#include "server/peers/RetryDelay.h"

#include <QFileInfo>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSet>
#include <QThread>

namespace sen::server {

namespace {

const QString kRun = QString::fromUtf16(audit::kConnectionRun);
const QString kRetry = QString::fromUtf16(audit::kConnectionRetry);

// One run's outcome: Ok when every database the peer holds replicated and it holds at least one.
Status outcome(const Result<std::vector<PeerDatabaseResult>>& results, const QString& address,
               QString* summary)
{
    if (!results)
        return results.status();
    int replicated = 0;
    int failed = 0;
    Status first;
    SessionStats total;
    for (const PeerDatabaseResult& result : *results) {
        total.received += result.stats.received;
        total.sent += result.stats.sent;
        total.conflicts += result.stats.conflicts;
        total.refused += result.stats.refused;
        if (result.absent)
            continue;
        if (result.status.isOk()) {
            ++replicated;
        } else if (++failed == 1) {
            first = result.status.withContext(QStringLiteral("database %1").arg(result.database));
        }
    }
    *summary =
        QStringLiteral("%1 databases, %2 failed; %3").arg(replicated).arg(failed).arg(describeStats(total));
    if (failed > 0)
        return first;
    if (replicated == 0)
        return Status(ErrorCode::NotFound,
                      QStringLiteral("%1 holds none of this server's databases").arg(address));
    return Status::ok();
}

} // namespace

ConnectionScheduler::ConnectionScheduler(const DataDirectory& dir, QSslConfiguration tls,
                                         std::function<void(const AuditEvent&)> audit, SchedulerTiming timing,
                                         QObject* parent)
    : QObject(parent), m_dir(dir), m_tls(std::move(tls)), m_audit(std::move(audit)), m_timing(timing)
{
    m_timer.setInterval(m_timing.tickMs);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionScheduler::tick);
}

ConnectionScheduler::~ConnectionScheduler()
{
    stop();
}

void ConnectionScheduler::start()
{
    m_states = ConnectionStateFile::load(m_dir.path());
    tick();
    m_timer.start();
}

void ConnectionScheduler::stop()
{
    m_timer.stop();
    m_stopping->store(true);
    for (QThread* thread : std::as_const(m_running)) {
        thread->wait();
        delete thread;
    }
    m_running.clear();
}

void ConnectionScheduler::reloadIfChanged()
{
    const QString path = ConnectionsFile::path(m_dir.path());
    const auto bytes = QFileInfo::exists(path) ? AtomicFile::read(path, AtomicFile::kMaxJsonSize)
                                               : Result<QByteArray>(QByteArray());
    if (!bytes || (m_fileRead && *bytes == m_fileBytes))
        return;
    m_fileBytes = *bytes;
    m_fileRead = true;
    auto loaded = ConnectionsFile::load(m_dir.path());
    if (!loaded) {
        // Keep following the connections as they were: a half-edited file must not stop them.
        qWarning("sen-server: %s not followed: %s", qPrintable(path), qPrintable(loaded.status().toString()));
        audit(kRetry, QString(),
              QStringLiteral("connections.json not followed: %1").arg(loaded.status().toString()));
        return;
    }
    const bool wasFollowing = !m_connections.empty();
    QHash<QString, QJsonObject> before;
    for (const Connection& connection : m_connections)
        before.insert(connection.address, connection.toJson());
    m_connections = std::move(loaded).value();
    QSet<QString> addresses;
    for (const Connection& connection : m_connections) {
        addresses.insert(connection.address);
        // A connection edited (removed and added again otherwise) is due at once: its old
        // hours or interval no longer say when.
        if (before.contains(connection.address) && before.value(connection.address) != connection.toJson() &&
            m_states.contains(connection.address))
            m_states[connection.address].nextRun = QDateTime();
    }
    for (auto it = m_states.begin(); it != m_states.end();)
        it = addresses.contains(it.key()) ? std::next(it) : m_states.erase(it);
    if (wasFollowing || !m_connections.empty())
        qInfo("sen-server: following %d connections", int(m_connections.size()));
}

void ConnectionScheduler::tick()
{
    if (m_stopping->load())
        return;
    reloadIfChanged();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    bool changed = false;
    for (const Connection& connection : m_connections) {
        if (m_running.contains(connection.address))
            continue;
        ConnectionState& state = m_states[connection.address];
        if (state.nextRun.isValid() && now < state.nextRun)
            continue;
        if (connection.hours && !connection.hours->contains(now.toLocalTime().time())) {
            state.nextRun = connection.hours->nextOpening(now.toLocalTime()).toUTC();
            changed = true;
            continue;
        }
        launch(connection);
    }
    if (changed)
        saveStates();
}

void ConnectionScheduler::launch(const Connection& connection)
{
    PeerRunOptions options;
    options.address = connection.address;
    options.databases = connection.databases;
    options.pull = connection.pull;
    options.push = connection.push;
    options.parallel = connection.parallel;
    options.cancelled = [stopping = m_stopping] {
        return stopping->load();
    };
    options.audit = m_audit;
    options.authority = m_authority;
    audit(
        kRun, connection.address,
        QStringLiteral("connection to %1 started (%2)").arg(connection.address, connection.directionText()));
    QThread* thread = QThread::create([this, options, tls = m_tls, &dir = m_dir] {
        const auto results = replicateWithPeer(dir, tls, options);
        QString summary;
        const Status status = outcome(results, options.address, &summary);
        QMetaObject::invokeMethod(
            this, [this, address = options.address, status, summary] { finished(address, status, summary); },
            Qt::QueuedConnection);
    });
    m_running.insert(connection.address, thread);
    thread->start();
}

void ConnectionScheduler::finished(const QString& address, const Status& status, const QString& summary)
{
    if (QThread* thread = m_running.take(address)) {
        thread->wait();
        delete thread;
    }
    const auto connection = std::find_if(m_connections.begin(), m_connections.end(),
                                         [&](const Connection& c) { return c.address == address; });
    if (connection == m_connections.end() || m_stopping->load())
        return; // removed meanwhile, or the server is stopping
    const QDateTime now = QDateTime::currentDateTimeUtc();
    ConnectionState& state = m_states[address];
    state.lastRun = now;
    state.lastStatus = QString::fromLatin1(errorCodeName(status.code()));
    state.lastError = status.isOk() ? QString() : status.message().left(1024);
    const qint64 intervalMs = qint64(connection->everyMinutes) * m_timing.minuteMs;
    if (status.isOk()) {
        state.failures = 0;
        state.nextRun = now.addMSecs(intervalMs);
        audit(kRun, address, QStringLiteral("connection to %1 done: %2").arg(address, summary));
    } else {
        state.failures = std::min(state.failures + 1, 1000);
        const double jitter = QRandomGenerator::global()->generateDouble() * 2.0 - 1.0;
        const qint64 delay = retryDelayMs(state.failures, intervalMs, m_timing.minuteMs, jitter);
        state.nextRun = now.addMSecs(delay);
        const QString detail = QStringLiteral("connection to %1 failed (%2 in a row): %3; next try in %4 s")
                                   .arg(address)
                                   .arg(state.failures)
                                   .arg(status.toString())
                                   .arg((delay + 999) / 1000);
        qWarning("sen-server: %s", qPrintable(detail));
        audit(kRetry, address, detail);
    }
    saveStates();
}

void ConnectionScheduler::saveStates()
{
    if (const Status saved = ConnectionStateFile::save(m_dir.path(), m_states); !saved.isOk())
        qWarning("sen-server: %s", qPrintable(saved.toString()));
}

void ConnectionScheduler::audit(const QString& kind, const QString& address, const QString& detail)
{
    if (m_audit)
        m_audit(AuditEvent{kind, QString(), address, detail});
}

} // namespace sen::server
