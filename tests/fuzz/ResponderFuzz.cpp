#include "tests/fuzz/ResponderFuzz.h"

#include "common/acl/EffectiveAccess.h"
#include "common/acl/SecrecyRule.h"
#include "common/attachments/AttachmentStore.h"
#include "common/store/ReplicaBackup.h"
#include "common/store/ReplicaStore.h"
#include "replication/protocol/Frame.h"
#include "replication/protocol/Messages.h"
#include "replication/session/Session.h"
#include "replication/transport/MemoryTransport.h"
#include "server/net/AclAccessPolicy.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QTemporaryDir>

#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>

namespace sen::fuzz {

using namespace protocol;

namespace {

constexpr int kIntegrityEvery = 64;
constexpr int kMaxMessages = 24; // per case: enough for a push of two batches with chunks

const QString kPeerName = QStringLiteral("Kẻ Tò Mò/VPTU/HaNoi");
const QString kOtherName = QStringLiteral("Lãnh Đạo/VPTU/HaNoi");

[[noreturn]] void bug(const QString& what)
{
    std::fprintf(stderr, "sen_responder_fuzz: %s\n", qPrintable(what));
    std::abort();
}

// What every case starts from: a server replica with four documents — one restricted to
// another user with an attachment, one open, one classified register entry, one response.
struct Template
{
    QTemporaryDir dir;
    QString path;
    ReplicaInfo info;
    std::vector<Unid> unids;
    std::map<Unid, VersionVector> versions;
    Unid restricted;
    crypto::Sha256Digest restrictedChunk;
    InstanceId peerInstance = newInstanceId();
    InstanceId otherInstance = newInstanceId();
};

Template& theTemplate()
{
    static Template* t = [] {
        auto* made = new Template;
        made->path = QDir(made->dir.path()).filePath(QStringLiteral("template.sen"));
        ReplicaCreateOptions create;
        create.title = QStringLiteral("vanban");
        auto store = ReplicaStore::create(made->path, create);
        if (!store)
            bug(QStringLiteral("cannot create the template: ") + store.status().toString());
        ReplicaStore& s = **store;
        made->info = s.info();
        auto attachment = s.attachments().importBytes(QByteArray(QByteArray(5000, 'x') + "bí mật"),
                                                      QStringLiteral("mat.pdf"));
        if (!attachment)
            bug(QStringLiteral("cannot import: ") + attachment.status().toString());
        made->restrictedChunk = attachment->chunks.front().hash;
        const auto save = [&](DocumentEdit edit) {
            auto saved = s.save(edit);
            if (!saved)
                bug(QStringLiteral("cannot save the template: ") + saved.status().toString());
            made->unids.push_back(saved->unid);
            made->versions[saved->unid] = saved->versions;
            return saved->unid;
        };
        made->restricted =
            save(DocumentEdit::create(QStringLiteral("VanBanDen"))
                     .set(Item::text(QStringLiteral("TrichYeu"), QStringLiteral("Kế hoạch nhân sự")))
                     .set(Item::names(QStringLiteral("DocGia"), ItemType::Readers, {kOtherName}))
                     .set(Item::withValue(QStringLiteral("TepDinhKem"), ItemType::Attachment,
                                          attachment->toCbor(), 0)));
        const Unid open = save(DocumentEdit::create(QStringLiteral("VanBanDen"))
                                   .set(Item::text(QStringLiteral("TrichYeu"), QStringLiteral("Lịch họp"))));
        save(DocumentEdit::create(QStringLiteral("VanBanDen"))
                 .set(Item::text(QStringLiteral("TrichYeu"), QStringLiteral("Về công tác bảo vệ")))
                 .set(Item::text(QStringLiteral("DoMat"), QStringLiteral("Tối mật"))));
        save(DocumentEdit::create(QStringLiteral("YKien"), open)
                 .set(Item::text(QStringLiteral("NoiDung"), QStringLiteral("Đồng ý"))));
        return made;
    }();
    return *t;
}

// Reads the fuzz input; past its end every read is 0.
class Input
{
public:
    Input(const std::uint8_t* data, std::size_t size) : m_data(data), m_size(size) {}
    bool atEnd() const { return m_at >= m_size; }
    std::uint8_t byte() { return m_at < m_size ? m_data[m_at++] : 0; }
    bool flag() { return byte() & 1; }
    std::uint32_t small(std::uint32_t bound) { return bound == 0 ? 0 : byte() % bound; }
    template <typename T>
    const T& pick(const std::vector<T>& pool)
    {
        return pool[small(static_cast<std::uint32_t>(pool.size()))];
    }
    std::uint64_t number()
    {
        std::uint64_t n = 0;
        for (int i = 0; i < 8 && (i == 0 || flag()); ++i)
            n = (n << 8) | byte();
        return n;
    }
    QByteArray bytes(int max)
    {
        const int n = static_cast<int>(small(static_cast<std::uint32_t>(max) + 1));
        QByteArray out;
        for (int i = 0; i < n && !atEnd(); ++i)
            out += static_cast<char>(byte());
        return out;
    }

private:
    const std::uint8_t* m_data;
    std::size_t m_size;
    std::size_t m_at = 0;
};

// The server's CHANGES batches seen so far in a case (batch -> entries and last position),
// so the peer can answer them with WANT and ACK that fit, and get further into a session.
struct ServerBatches
{
    std::map<std::uint32_t, std::pair<std::size_t, std::int64_t>> seen;
};

// The peer's side of one case: builds messages from the input with pools of the values that
// matter (the template's UNIDs and instances, times near the edges, the restricted chunk).
// Most messages fit the session so far — DOCS for the batch just announced, WANT and ACK for
// a batch the server sent — so cases get past the first frame; the rest are anything.
class Peer
{
public:
    Peer(Input& in, const Template& t, const ServerBatches& server) : m_in(in), m_t(t), m_server(server)
    {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        m_unids = t.unids;
        m_unids.push_back(newUnid());
        m_instances = {t.peerInstance, t.info.instanceId, t.otherInstance, newInstanceId()};
        m_counters = {1, 2, 3, 7, 1000, 1ull << 53, (1ull << 63) - 1};
        m_times = {makeHlc(now, 0),
                   makeHlc(now + 10 * 60 * 1000, 0),
                   makeHlc(now - 86'400'000, 1),
                   1,
                   makeHlc(130'000'000'000'000LL, 0),
                   (1ull << 63) - 1};
        m_hashes = {t.restrictedChunk, crypto::Sha256::hash(QByteArrayView("không có"))};
    }

    Hello hello() const
    {
        Hello h;
        h.replicaId = m_t.info.replicaId;
        h.instanceId = m_t.peerInstance;
        h.database = QStringLiteral("vanban");
        h.peerName = kPeerName;
        h.counter = 3;
        return h;
    }

    // The next message, or nothing when the input is spent.
    std::optional<std::pair<MessageType, QByteArray>> next()
    {
        if (m_in.atEnd())
            return std::nullopt;
        std::uint32_t choice = m_in.small(16);
        // What fits the session so far, most of the time: PULL first, DOCS after a CHANGES,
        // WANT and ACK once the server sent a batch.
        const bool strict = m_in.small(8) != 0;
        if (strict && m_sent == 0)
            choice = 0;
        else if (strict && choice <= 1 && (m_pulled || m_batch > 0))
            choice = 2;
        else if (strict && choice >= 5 && choice <= 7 && m_lastChanges.entries.empty())
            choice = 2;
        else if (strict && ((choice >= 8 && choice <= 12) || choice == 14) && !m_pulled)
            choice = 0;
        else if (strict && choice >= 8 && choice <= 11 && m_server.seen.empty())
            choice = 2;
        m_pulled = m_pulled || choice <= 1;
        ++m_sent;
        switch (choice) {
        case 0:
        case 1:
            return std::pair{
                MessageType::Pull,
                encode(Pull{static_cast<std::int64_t>(m_in.small(8)),
                            Filter{m_in.flag() ? QStringList{QStringLiteral("VanBanDen")} : QStringList{}, 0,
                                   m_in.flag()},
                            m_in.flag()})};
        case 2:
        case 3:
        case 4:
            return std::pair{MessageType::Changes, encode(changes())};
        case 5:
        case 6:
        case 7:
            return std::pair{MessageType::Docs, encode(docs())};
        case 8:
        case 9: {
            const auto [batch, size] = serverBatch();
            Want want{batch, {}};
            for (std::uint32_t i = 0, n = m_in.small(4); i < n && size > 0; ++i)
                want.entries.push_back({static_cast<std::uint32_t>(i % size),
                                        m_in.flag() ? std::optional(vector()) : std::nullopt});
            return std::pair{MessageType::Want, encode(want)};
        }
        case 10:
        case 11: {
            const auto [batch, size] = serverBatch();
            Ack ack{batch, m_server.seen.count(batch) ? m_server.seen.at(batch).second : 0, {}};
            if (m_in.small(8) == 0)
                ack.refused.push_back(
                    {m_in.pick(m_unids), ErrorCode::PermissionDenied, QStringLiteral("no")});
            return std::pair{MessageType::Ack, encode(ack)};
        }
        case 12: {
            ChunkWant want;
            for (std::uint32_t i = 0, n = 1 + m_in.small(kChunkWantMax + 4); i < n; ++i)
                want.hashes.push_back(m_in.pick(m_hashes));
            return std::pair{MessageType::ChunkWant, encode(want)};
        }
        case 13: {
            Chunks chunks;
            const QByteArray bytes = m_in.bytes(64);
            chunks.chunks.push_back({m_in.flag() ? crypto::Sha256::hash(bytes) : m_in.pick(m_hashes), bytes});
            return std::pair{MessageType::Chunks, encode(chunks)};
        }
        case 14: {
            if (m_in.small(4) == 0) {
                const ErrorMessage error{ErrorCode::Cancelled, QStringLiteral("dừng")};
                return std::pair{MessageType::Error, encode(error)};
            }
            ChunkWant want; // what an honest receiver asks for: the chunks it lacks
            want.hashes.push_back(m_in.pick(m_hashes));
            return std::pair{MessageType::ChunkWant, encode(want)};
        }
        default:
            // Garbage of a valid type: whatever the decoder makes of it.
            return std::pair{static_cast<MessageType>(1 + m_in.small(kMaxMessageType)), m_in.bytes(48)};
        }
    }

private:
    // A batch the server sent (usually the last), and its number of entries.
    std::pair<std::uint32_t, std::size_t> serverBatch()
    {
        if (m_server.seen.empty() || m_in.small(8) == 0)
            return {m_in.small(4), 1};
        auto it = std::prev(m_server.seen.end());
        if (m_in.small(4) == 0)
            it = m_server.seen.begin();
        return {it->first, it->second.first};
    }

    VersionVector vector()
    {
        VersionVector v;
        for (std::uint32_t i = 0, n = 1 + m_in.small(3); i < n; ++i)
            v.set(m_in.pick(m_instances), m_in.small(16) != 0 ? 1 + m_in.small(3) : m_in.pick(m_counters));
        return v;
    }

    Changes changes()
    {
        Changes c;
        c.batch = ++m_batch - (m_in.small(8) == 0 ? 1 : 0);
        for (std::uint32_t i = 0, n = m_in.small(5); i < n; ++i) {
            const Unid unid = m_in.pick(m_unids);
            VersionVector v = m_in.flag() ? m_t.versions.count(unid) ? m_t.versions.at(unid) : VersionVector()
                                          : VersionVector();
            v.mergeWith(vector());
            c.entries.push_back(
                {unid, v, static_cast<std::int64_t>(i + 1), m_in.small(8) == 0, m_in.small(32) == 0});
        }
        c.lastSeq = static_cast<std::int64_t>(c.entries.size());
        c.final = m_in.flag();
        m_lastChanges = c;
        return c;
    }

    Item item(const Dot& dot, HlcTime time)
    {
        Item made;
        switch (m_in.small(9)) {
        case 0:
            made = Item::text(QStringLiteral("TrichYeu"), QString(1 + m_in.small(4) * 200, u'à'));
            break;
        case 1:
            made =
                Item::text(QStringLiteral("DoMat"),
                           m_in.pick(std::vector<QString>{QStringLiteral("Mật"), QStringLiteral("Mật\u200b"),
                                                          QStringLiteral("Thường"), QStringLiteral("Mật.")}));
            break;
        case 2:
            made = Item::names(QStringLiteral("DoMat"), ItemType::Names, {QStringLiteral("Mật")});
            break;
        case 3:
            made = Item::names(QStringLiteral("DocGia"), ItemType::Readers,
                               {m_in.flag() ? kPeerName : QStringLiteral("nội dung không phải tên")});
            break;
        case 4:
            made = Item::names(QStringLiteral("TacGia"), ItemType::Authors, {kPeerName});
            break;
        case 5:
            made = Item::richText(QStringLiteral("NoiDung"), QStringLiteral("<img src=\"/dev/zero\">"));
            break;
        case 6: {
            AttachmentRef ref;
            ref.fileName = m_in.flag() ? QStringLiteral("../../.bashrc") : QStringLiteral("bao-cao.pdf");
            ref.chunks.push_back({m_in.pick(m_hashes), 5000 + 8});
            ref.size = 5000 + 8;
            ref.sha256 = m_in.pick(m_hashes);
            made = Item::withValue(QStringLiteral("TepDinhKem"), ItemType::Attachment, ref.toCbor(), 0);
            break;
        }
        case 7:
            made = Item::text(QStringLiteral("$Member:") + m_in.pick(m_unids).toHex(), QStringLiteral("1"));
            break;
        default:
            made.name = QStringLiteral("TrichYeu");
            made.type = ItemType::Text; // a tombstone
            break;
        }
        made.stamp = Stamp{dot, time};
        return made;
    }

    Docs docs()
    {
        Docs d;
        d.batch = m_in.small(8) == 0 ? m_in.small(4) : m_lastChanges.batch;
        const std::size_t announced = m_lastChanges.entries.size();
        for (std::uint32_t i = 0, n = m_in.small(4); i < n; ++i) {
            DocEntry entry;
            const bool fits = announced > 0 && m_in.small(8) != 0;
            entry.index = fits ? static_cast<std::uint32_t>(i % announced) : m_in.small(5);
            entry.delta = m_in.flag() && m_in.flag();
            Document& doc = entry.doc;
            doc.form = m_in.flag() ? QStringLiteral("VanBanDen") : QStringLiteral("YKien");
            if (m_in.small(4) == 0)
                doc.parent = m_in.pick(m_unids);
            doc.flags = m_in.small(6) == 0 ? static_cast<int>(m_in.small(4)) : 0;
            // Usually the vector the CHANGES entry announced, the items stamped with one of its
            // dots, so the version decodes and reaches the access checks.
            doc.versions = fits ? m_lastChanges.entries[entry.index].versions : vector();
            if (fits && doc.isDeleted() != m_lastChanges.entries[entry.index].deleted)
                doc.flags ^= Deleted;
            Dot dot{m_in.pick(m_instances), m_in.pick(m_counters)};
            if (!doc.versions.isEmpty() && m_in.small(4) != 0) {
                const auto& entries = doc.versions.entries();
                const auto& chosen = entries[m_in.small(static_cast<std::uint32_t>(entries.size()))];
                dot = Dot{chosen.first, chosen.second};
            } else if (!doc.versions.knows(dot) && m_in.flag()) {
                doc.versions.set(dot.instance, dot.counter);
            }
            const HlcTime time = m_in.small(8) != 0 ? m_times.front() : m_in.pick(m_times);
            std::map<QString, Item> items; // sorted by name, unique, as the codec requires
            for (std::uint32_t k = 0, m = doc.isDeleted() ? 0 : 1 + m_in.small(4); k < m; ++k) {
                Item made = item(dot, time);
                items[made.name] = std::move(made);
            }
            for (auto& [name, made] : items)
                doc.items.push_back(std::move(made));
            d.docs.push_back(std::move(entry));
        }
        return d;
    }

    Input& m_in;
    const Template& m_t;
    const ServerBatches& m_server;
    Changes m_lastChanges;
    int m_sent = 0;
    bool m_pulled = false;
    std::uint32_t m_batch = 0;
    std::vector<Unid> m_unids;
    std::vector<InstanceId> m_instances;
    std::vector<std::uint64_t> m_counters;
    std::vector<HlcTime> m_times;
    std::vector<crypto::Sha256Digest> m_hashes;
};

// What the responder sent, checked as it arrives: the restricted document and its
// attachment's bytes must never be among it.
class Watcher
{
public:
    Watcher(const Template& t, ServerBatches& batches) : m_t(t), m_seen(batches) {}

    void onBytes(const QByteArray& bytes)
    {
        if (!m_decoder.feed(bytes).isOk())
            bug(QStringLiteral("the responder sent bytes its own decoder refuses"));
        while (auto frame = m_decoder.next())
            check(*frame);
        if (!m_decoder.error().isOk())
            bug(QStringLiteral("the responder sent a frame its own decoder refuses"));
    }

private:
    void check(const Frame& frame)
    {
        if (frame.type == MessageType::Changes) {
            auto changes = decodeChanges(frame.payload);
            if (!changes)
                bug(QStringLiteral("the responder sent a CHANGES it cannot decode"));
            std::vector<Unid> unids;
            for (const ChangeEntry& entry : changes->entries) {
                if (entry.unid == m_t.restricted && !entry.withdrawn)
                    bug(QStringLiteral("the restricted document was announced without the withdrawn flag"));
                unids.push_back(entry.unid);
            }
            m_seen.seen[changes->batch] = {unids.size(), changes->lastSeq};
            m_batches[changes->batch] = std::move(unids);
        } else if (frame.type == MessageType::Docs) {
            auto docs = decodeDocs(frame.payload);
            if (!docs)
                bug(QStringLiteral("the responder sent a DOCS it cannot decode"));
            const std::vector<Unid>& unids = m_batches[docs->batch];
            for (const DocEntry& entry : docs->docs) {
                if (entry.index < unids.size() && unids[entry.index] == m_t.restricted)
                    bug(QStringLiteral(
                        "the restricted document was sent to a peer not named in its Readers"));
            }
        } else if (frame.type == MessageType::Chunks) {
            auto chunks = decodeChunks(frame.payload);
            if (!chunks)
                bug(QStringLiteral("the responder sent a CHUNKS it cannot decode"));
            for (const ChunkData& chunk : chunks->chunks) {
                if (chunk.hash == m_t.restrictedChunk && chunk.bytes)
                    bug(QStringLiteral(
                        "the restricted attachment's chunk was served to a peer that may not read it"));
            }
        }
    }

    const Template& m_t;
    ServerBatches& m_seen;
    FrameDecoder m_decoder;
    std::map<std::uint32_t, std::vector<Unid>> m_batches;
};

void settle(const Session& session)
{
    // Bytes cross the in-memory link through the event loop; a few rounds deliver them and
    // the answers they cause.
    for (int i = 0; i < 8 && !session.isFinished(); ++i)
        QCoreApplication::processEvents(QEventLoop::AllEvents);
}

void checkStore(ReplicaStore& store, const Template& t, bool integrity)
{
    for (const Unid& unid : t.unids) {
        auto doc = store.replication().findHeader(unid);
        if (!doc || !doc->has_value())
            bug(QStringLiteral("template document %1 disappeared").arg(unid.toHex()));
        if ((*doc)->isDeleted() || (*doc)->versions != t.versions.at(unid))
            bug(QStringLiteral("template document %1 was changed by a peer with no right to")
                    .arg(unid.toHex()));
    }
    const Status walked = store.forEachDocument([&](const Document& doc) {
        if (!acl::checkSecrecy(doc).isOk())
            bug(QStringLiteral("stored document %1 breaks the secrecy rule").arg(doc.unid.toHex()));
        return true;
    });
    if (!walked.isOk())
        bug(QStringLiteral("cannot read the replica back: ") + walked.toString());
    if (integrity) {
        if (const Status ok = store.integrityCheck(); !ok.isOk())
            bug(QStringLiteral("integrity_check failed: ") + ok.toString());
    }
}

ResponderFuzzStats g_stats;

} // namespace

const ResponderFuzzStats& responderFuzzStats()
{
    return g_stats;
}

void runResponderCase(const std::uint8_t* data, std::size_t size)
{
    Template& t = theTemplate();
    const QString path = QDir(t.dir.path()).filePath(QStringLiteral("case.sen"));
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
    if (auto copied = store::backupReplica(t.path, path); !copied)
        bug(QStringLiteral("cannot copy the template: ") + copied.status().toString());
    auto opened = ReplicaStore::open(path);
    if (!opened)
        bug(QStringLiteral("cannot open the case replica: ") + opened.status().toString());
    ReplicaStore& store = **opened;

    acl::EffectiveAccess access;
    access.userName = kPeerName;
    access.level = acl::AccessLevel::Author;
    access.rights = acl::CreateDocuments | acl::Replicate;
    SessionOptions options;
    options.localName = QStringLiteral("sen-server/VPTU/HaNoi");
    options.access = std::make_shared<server::AclAccessPolicy>(
        access, server::AclAccessPolicy::Context{&store, {}, {}, QStringLiteral("vanban"), {}});

    ServerBatches batches;
    Watcher watcher(t, batches); // before the link, whose end it listens to
    MemoryLink link;
    QObject::connect(&link.a(), &Transport::received, &link.a(),
                     [&](const QByteArray& b) { watcher.onBytes(b); });
    Session session(Session::Role::Responder, store, link.b(), options);
    session.start();

    Input in(data, size);
    Peer peer(in, t, batches);
    FrameEncoder encoder;
    link.a().send(encoder.encode(MessageType::Hello, 0, encode(peer.hello())));
    settle(session);
    for (int i = 0; i < kMaxMessages && !session.isFinished(); ++i) {
        auto message = peer.next();
        if (!message)
            break;
        link.a().send(encoder.encode(message->first, 0, message->second, in.flag()));
        ++g_stats.framesIn;
        settle(session);
    }
    link.a().close();
    settle(session);
    if (session.isFinished() && !session.result().isOk()) {
        ++g_stats.refused;
        if (qEnvironmentVariableIsSet("SEN_FUZZ_VERBOSE"))
            std::fprintf(stderr, "case %lld: %s\n", g_stats.cases, qPrintable(session.result().toString()));
    }
    ++g_stats.cases;
    checkStore(store, t, g_stats.cases % kIntegrityEvery == 0);
}

} // namespace sen::fuzz
