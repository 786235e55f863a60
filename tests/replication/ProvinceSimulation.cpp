#include "tests/replication/ProvinceSimulation.h"

#include "replication/session/PushCheck.h"

#include <QDir>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace sen::test {

namespace {

const QString kForm = QStringLiteral("VanBan");
const QString kItems[] = {QStringLiteral("TrichYeu"), QStringLiteral("NoiDung"), QStringLiteral("GhiChu")};

double seconds(const QElapsedTimer& timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e9;
}

double cpuSecondsSince(std::clock_t start)
{
    return static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
}

} // namespace

ProvinceSimulation::ProvinceSimulation(ProvinceConfig config)
    : m_config(std::move(config)), m_topology(m_config.shape), m_random(m_config.seed)
{
    if (m_config.operationsPerTick < 0)
        m_config.operationsPerTick = std::max(1, m_config.shape.clients / 8);
}

ProvinceSimulation::~ProvinceSimulation() = default;

Status ProvinceSimulation::setUp()
{
    QElapsedTimer timer;
    timer.start();
    ReplicaCreateOptions create;
    create.title = QStringLiteral("Văn bản của tỉnh");
    ReplicaOpenOptions open;
    open.clock = &m_clock;
    for (int node = 0; node < m_topology.nodes(); ++node) {
        const QString path =
            QDir(m_config.directory).filePath(m_topology.name(node) + QStringLiteral(".sen"));
        auto store = ReplicaStore::create(path, create, open);
        if (!store)
            return store.status().withContext(m_topology.name(node));
        create.replicaId = (*store)->info().replicaId;
        m_stores.push_back(std::move(store).value());
    }
    m_figures.setupSeconds = seconds(timer);
    return Status::ok();
}

SyncResult ProvinceSimulation::syncLink(int index)
{
    const ProvinceLink& link = m_topology.links().at(static_cast<std::size_t>(index));
    ReplicaStore& a = replica(link.initiator);
    ReplicaStore& b = replica(link.responder);

    SessionOptions initiator;
    initiator.localName = m_topology.name(link.initiator);
    initiator.dropAcknowledgedStubs = !m_topology.isServer(link.initiator);
    initiator.pushOwnEditsOnly = !m_topology.isServer(link.initiator); // as sen's Replicator
    // As a client or server that remembers its peer's instance from the last session.
    const auto pulled = a.replication().checkpoint(b.info().instanceId, ReplicaSync::Direction::Pull);
    if (pulled && *pulled > 0)
        initiator.expectedPeer = b.info().instanceId;

    SessionOptions responder;
    responder.localName = m_topology.name(link.responder);
    const auto counter = a.localCounter();
    responder.pushCheck =
        std::make_shared<PushCheck>(b,
                                    PushPeer{a.info().instanceId, initiator.localName, counter ? *counter : 0,
                                             m_topology.isServer(link.initiator)},
                                    &m_clock);

    SyncResult result = runMemorySession(a, b, {}, initiator, responder);
    m_figures.conflictsMade += result.stats.conflicts;
    m_figures.refused += result.stats.refused;
    m_figures.notOffered += result.stats.notOffered;
    m_figures.stubsDropped += result.stats.stubsDropped;
    return result;
}

Status ProvinceSimulation::syncOrFail(int index, qint64& frames, qint64* versions)
{
    const SyncResult result = syncLink(index);
    const ProvinceLink& link = m_topology.links()[static_cast<std::size_t>(index)];
    frames += result.stats.framesIn + result.stats.framesOut;
    if (versions)
        *versions += result.stats.sent + result.stats.received;
    if (m_config.trace)
        trace(QStringLiteral("sync %1 -> %2: received %3, sent %4, conflicts %5, refused %6")
                  .arg(m_topology.name(link.initiator), m_topology.name(link.responder))
                  .arg(result.stats.received)
                  .arg(result.stats.sent)
                  .arg(result.stats.conflicts)
                  .arg(result.stats.refused));
    if (!result.ok()) {
        const QString what = QStringLiteral("session %1 -> %2 at tick %3: %4 / %5%6")
                                 .arg(m_topology.name(link.initiator), m_topology.name(link.responder))
                                 .arg(m_tick)
                                 .arg(result.initiator.toString(), result.responder.toString(),
                                      result.timedOut ? QStringLiteral(" (timed out)") : QString());
        return Status(ErrorCode::Internal, what);
    }
    return Status::ok();
}

Status ProvinceSimulation::runRandomPhase()
{
    QElapsedTimer timer;
    timer.start();
    const std::clock_t cpu = std::clock();
    auto& links = m_topology.links();
    const int linkCount = static_cast<int>(links.size());
    // The spoke that goes offline for half the phase (its clients' links with it).
    const int offline = m_topology.servers() > 1 ? m_random.bounded(1, m_topology.servers()) : -1;
    std::vector<int> order(static_cast<std::size_t>(linkCount));
    for (m_tick = 0; m_tick < m_config.ticks; ++m_tick) {
        m_clock.advanceMs(m_random.bounded(500, 5000));
        if (offline >= 0 && m_tick == m_config.ticks / 5) {
            trace(QStringLiteral("tick %1: %2 goes offline").arg(m_tick).arg(m_topology.name(offline)));
            for (int i : m_topology.linksOf(offline))
                links[static_cast<std::size_t>(i)].downUntil = m_tick + m_config.ticks / 2;
        }
        // Random partitions: about one link in 40 goes down at each tick for 2 to 10 ticks.
        for (int k = 0; k < std::max(1, linkCount / 40); ++k) {
            ProvinceLink& link = links[static_cast<std::size_t>(m_random.bounded(linkCount))];
            link.downUntil = std::max(link.downUntil, m_tick + m_random.bounded(2, 11));
            ++m_figures.partitions;
        }
        for (int op = 0; op < m_config.operationsPerTick; ++op) {
            if (Status s = operate(randomClient()); !s.isOk())
                return s;
        }
        for (int i = 0; i < linkCount; ++i)
            order[static_cast<std::size_t>(i)] = i;
        std::shuffle(order.begin(), order.end(), m_random);
        for (int i : order) {
            const ProvinceLink& link = links[static_cast<std::size_t>(i)];
            const int percent = link.betweenServers ? m_config.serverSyncPercent : m_config.clientSyncPercent;
            if (link.downUntil > m_tick || m_random.bounded(100) >= percent)
                continue;
            ++m_figures.randomSessions;
            if (Status s = syncOrFail(i, m_figures.randomFrames, nullptr); !s.isOk())
                return s;
        }
    }
    m_figures.randomSeconds = seconds(timer);
    m_figures.randomCpuSeconds = cpuSecondsSince(cpu);
    return Status::ok();
}

Status ProvinceSimulation::runToQuiescence()
{
    QElapsedTimer timer;
    timer.start();
    const std::clock_t cpu = std::clock();
    auto& links = m_topology.links();
    for (ProvinceLink& link : links)
        link.downUntil = -1;
    std::vector<int> order(links.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = static_cast<int>(i);
    while (true) {
        if (m_figures.rounds >= m_config.maxRounds)
            return Status(ErrorCode::Internal,
                          QStringLiteral("no quiescence after %1 rounds").arg(m_config.maxRounds));
        ++m_figures.rounds;
        m_clock.advanceMs(1000);
        std::shuffle(order.begin(), order.end(), m_random);
        qint64 versions = 0;
        for (int i : order) {
            ++m_figures.healSessions;
            if (Status s = syncOrFail(i, m_figures.healFrames, &versions); !s.isOk())
                return s;
        }
        trace(QStringLiteral("round %1: %2 versions").arg(m_figures.rounds).arg(versions));
        m_figures.healVersions += versions;
        if (versions == 0)
            break;
    }
    m_figures.healSeconds = seconds(timer);
    m_figures.healCpuSeconds = cpuSecondsSince(cpu);
    return Status::ok();
}

int ProvinceSimulation::randomClient()
{
    return m_topology.servers() + m_random.bounded(m_topology.nodes() - m_topology.servers());
}

Status ProvinceSimulation::operate(int client)
{
    const int kind = m_random.bounded(100);
    if (kind < 20 || m_unids.empty())
        return create(client);
    if (kind < 60)
        return edit(client);
    if (kind < 70)
        return editConcurrently();
    if (kind < 82)
        return remove(client);
    if (kind < 90)
        return resolveConflict(client);
    return Status::ok(); // the user only reads
}

std::optional<Document> ProvinceSimulation::pickLive(int node)
{
    for (int attempt = 0; attempt < 20 && !m_unids.empty(); ++attempt) {
        const Unid& unid =
            m_unids[static_cast<std::size_t>(m_random.bounded(static_cast<int>(m_unids.size())))];
        auto found = replica(node).find(unid);
        if (found && found->has_value() && !(*found)->isDeleted())
            return **found;
    }
    return std::nullopt;
}

Status ProvinceSimulation::create(int node)
{
    m_clock.advanceMs(m_random.bounded(1, 50));
    const int serial = m_serial++;
    auto saved = replica(node).save(
        DocumentEdit::create(kForm)
            .set(Item::text(kItems[0], QStringLiteral("Công văn %1").arg(serial)))
            .set(Item::text(kItems[1], QStringLiteral("Nội dung công văn %1").arg(serial))));
    if (!saved)
        return saved.status().withContext(QStringLiteral("create"));
    m_unids.push_back(saved->unid);
    m_edits.push_back({saved->unid, saved->item(kItems[0])->stamp.dot});
    ++m_figures.creates;
    if (m_config.trace)
        trace(QStringLiteral("create on %1: %2").arg(m_topology.name(node), saved->unid.toHex()));
    return Status::ok();
}

Status ProvinceSimulation::edit(int node)
{
    const auto current = pickLive(node);
    if (!current)
        return create(node);
    m_clock.advanceMs(m_random.bounded(1, 50));
    const QString& name = kItems[m_random.bounded(3)];
    auto saved = replica(node).save(
        DocumentEdit::update(current->unid).set(Item::text(name, QStringLiteral("Sửa %1").arg(m_serial++))));
    if (!saved)
        return saved.status().withContext(QStringLiteral("edit"));
    m_edits.push_back({saved->unid, saved->item(name)->stamp.dot});
    ++m_figures.edits;
    if (m_config.trace)
        trace(QStringLiteral("edit on %1: %2 %3").arg(m_topology.name(node), saved->unid.toHex(), name));
    return Status::ok();
}

Status ProvinceSimulation::editConcurrently()
{
    // Two clients holding the same live document edit the same item before either syncs.
    const int first = randomClient();
    const auto doc = pickLive(first);
    if (!doc)
        return Status::ok();
    for (int attempt = 0; attempt < 30; ++attempt) {
        const int second = randomClient();
        if (second == first)
            continue;
        auto there = replica(second).find(doc->unid);
        if (!there || !there->has_value() || (*there)->isDeleted())
            continue;
        for (int node : {first, second}) {
            m_clock.advanceMs(m_random.bounded(1, 50));
            auto saved = replica(node).save(DocumentEdit::update(doc->unid).set(Item::text(
                kItems[0], QStringLiteral("Cùng sửa %1 tại %2").arg(m_serial++).arg(m_topology.name(node)))));
            if (!saved)
                return saved.status().withContext(QStringLiteral("concurrent edit"));
            m_edits.push_back({saved->unid, saved->item(kItems[0])->stamp.dot});
        }
        ++m_figures.concurrentEdits;
        if (m_config.trace)
            trace(QStringLiteral("concurrent edit on %1 and %2: %3")
                      .arg(m_topology.name(first), m_topology.name(second), doc->unid.toHex()));
        return Status::ok();
    }
    return Status::ok();
}

Status ProvinceSimulation::remove(int node)
{
    const auto current = pickLive(node);
    if (!current)
        return Status::ok();
    m_clock.advanceMs(m_random.bounded(1, 50));
    auto stub = replica(node).remove(current->unid);
    if (!stub)
        return stub.status().withContext(QStringLiteral("delete"));
    m_deletes.push_back({stub->unid, stub->versions});
    ++m_figures.deletes;
    if (m_config.trace)
        trace(QStringLiteral("delete on %1: %2").arg(m_topology.name(node), stub->unid.toHex()));
    return Status::ok();
}

Status ProvinceSimulation::resolveConflict(int node)
{
    // A user resolves a conflict by deleting the conflict document (docs/merge.md).
    std::vector<Unid> conflicts;
    SEN_TRY(replica(node).forEachDocument([&](const Document& doc) {
        if (doc.isConflict())
            conflicts.push_back(doc.unid);
        return true;
    }));
    if (conflicts.empty())
        return edit(node);
    const Unid& unid =
        conflicts[static_cast<std::size_t>(m_random.bounded(static_cast<int>(conflicts.size())))];
    m_clock.advanceMs(m_random.bounded(1, 50));
    auto stub = replica(node).remove(unid);
    if (!stub)
        return stub.status().withContext(QStringLiteral("resolve"));
    ++m_figures.resolutions;
    if (m_config.trace)
        trace(QStringLiteral("resolve on %1: %2").arg(m_topology.name(node), unid.toHex()));
    return Status::ok();
}

void ProvinceSimulation::trace(const QString& line) const
{
    if (m_config.trace)
        std::fprintf(stderr, "%s\n", qPrintable(line));
}

} // namespace sen::test
