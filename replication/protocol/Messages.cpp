#include "replication/protocol/Messages.h"

#include "common/model/CborReader.h"
#include "common/model/CborWriter.h"
#include "common/model/DocumentCodec.h"
#include "common/registers/Registers.h"
#include "replication/protocol/BoundedCbor.h"

#include <QCborArray>
#include <QCborStreamWriter>

#include <algorithm>
#include <limits>

namespace sen::protocol {

namespace {

Status bad(const char* what)
{
    return Status(ErrorCode::ProtocolError, QStringLiteral("malformed message: ") + QLatin1String(what));
}

// An error code from the peer: a newer peer may send a code this build does not know, whose
// message still says what happened, so it reads as Internal rather than as a cast of any number.
ErrorCode wireCode(qint64 value)
{
    return errorCodeFromInt(value).value_or(ErrorCode::Internal);
}

void writeBytes(QCborStreamWriter& w, const void* data, std::size_t size)
{
    w.appendByteString(static_cast<const char*>(data), static_cast<qsizetype>(size));
}

void writeVersions(QCborStreamWriter& w, const VersionVector& vv)
{
    w.startArray(static_cast<quint64>(vv.entries().size()));
    for (const auto& [instance, counter] : vv.entries()) {
        w.startArray(2);
        writeBytes(w, instance.data(), InstanceId::size);
        w.append(static_cast<quint64>(counter));
        w.endArray();
    }
    w.endArray();
}

// Reads the top-level array of a payload with exactly `size` elements.
Result<QCborArray> topArray(QByteArrayView payload, qsizetype size)
{
    SEN_ASSIGN_OR_RETURN(const QCborValue value, parseBoundedCbor(payload));
    if (!value.isArray() || value.toArray().size() != size)
        return bad("wrong top-level shape");
    return value.toArray();
}

template <typename Id>
std::optional<Id> idFrom(const QCborValue& v)
{
    return v.isByteArray() ? Id::fromBytes(v.toByteArray()) : std::nullopt;
}

Result<VersionVector> versionsFrom(const QCborValue& v)
{
    if (!v.isArray())
        return bad("version vector is not an array");
    auto vv = VersionVector::fromCbor(v.toArray());
    if (!vv)
        return Status(ErrorCode::ProtocolError, vv.message());
    return vv;
}

bool isCount(const QCborValue& v, qint64 max = std::numeric_limits<qint64>::max())
{
    return v.isInteger() && v.toInteger() >= 0 && v.toInteger() <= max;
}

// Readers for the decoders that read bytes checkBoundedCbor() has walked (the messages that
// carry many entries: CHANGES, DOCS).
bool readCount(CborReader& r, quint64 max, quint64& out)
{
    quint8 major = 0;
    return r.head(major, out) && major == 0 && out <= max;
}

bool readBool(CborReader& r, bool& out)
{
    quint8 major = 0;
    quint64 value = 0;
    if (!r.head(major, value) || major != 7 || (value != 20 && value != 21))
        return false;
    out = value == 21;
    return true;
}

Result<VersionVector> readVersions(CborReader& r)
{
    const qsizetype start = r.position();
    if (!r.skip())
        return bad("version vector");
    auto vv = decodeVersions(r.readSince(start));
    if (!vv)
        return Status(ErrorCode::ProtocolError, vv.message());
    return vv;
}

} // namespace

QByteArray encode(const Hello& m)
{
    return QCborArray{m.versionMin, m.versionMax, m.replicaId.toBytes(),         m.instanceId.toBytes(),
                      m.database,   m.peerName,   static_cast<qint64>(m.counter)}
        .toCborValue()
        .toCbor();
}

Result<Hello> decodeHello(QByteArrayView payload)
{
    SEN_ASSIGN_OR_RETURN(const QCborArray a, topArray(payload, 7));
    Hello m;
    const auto replica = idFrom<ReplicaId>(a[2]);
    const auto instance = idFrom<InstanceId>(a[3]);
    if (!isCount(a[0], 1000) || !isCount(a[1], 1000) || !replica || !instance || !a[4].isString() ||
        !a[5].isString() || !isCount(a[6]))
        return bad("hello");
    m.counter = static_cast<std::uint64_t>(a[6].toInteger());
    m.versionMin = static_cast<int>(a[0].toInteger());
    m.versionMax = static_cast<int>(a[1].toInteger());
    m.replicaId = *replica;
    m.instanceId = *instance;
    m.database = a[4].toString();
    m.peerName = a[5].toString();
    return m;
}

QByteArray encode(const Welcome& m)
{
    QCborArray a{m.version, m.replicaId.toBytes(), m.instanceId.toBytes(), m.peerName};
    if (m.access) // optional (version 3): a WELCOME without it is the four-element one of before
        a.append(QCborArray{m.access->level, m.access->rights, QCborArray::fromStringList(m.access->roles),
                            QCborArray::fromStringList(m.access->groups)});
    return a.toCborValue().toCbor();
}

namespace {

// A list of at most kMaxAccessNames strings of at most kMaxAccessNameLength characters.
std::optional<QStringList> accessNames(const QCborValue& v)
{
    if (!v.isArray() || v.toArray().size() > kMaxAccessNames)
        return std::nullopt;
    QStringList names;
    for (const QCborValue& name : v.toArray()) {
        if (!name.isString() || name.toString().size() > kMaxAccessNameLength)
            return std::nullopt;
        names << name.toString();
    }
    return names;
}

} // namespace

Result<Welcome> decodeWelcome(QByteArrayView payload)
{
    SEN_ASSIGN_OR_RETURN(const QCborValue value, parseBoundedCbor(payload));
    const QCborArray a = value.toArray();
    if (!value.isArray() || (a.size() != 4 && a.size() != 5))
        return bad("wrong top-level shape");
    const auto replica = idFrom<ReplicaId>(a[1]);
    const auto instance = idFrom<InstanceId>(a[2]);
    if (!isCount(a[0], 1000) || !replica || !instance || !a[3].isString())
        return bad("welcome");
    Welcome m{static_cast<int>(a[0].toInteger()), *replica, *instance, a[3].toString(), std::nullopt};
    if (a.size() == 5) {
        const QCborArray access = a[4].toArray();
        if (!a[4].isArray() || access.size() != 4 || !isCount(access[0], kMaxAccessLevel) ||
            !isCount(access[1], kMaxAccessLevel))
            return bad("welcome access");
        const auto roles = accessNames(access[2]);
        const auto groups = accessNames(access[3]);
        if (!roles || !groups)
            return bad("welcome access names");
        m.access = WelcomeAccess{static_cast<int>(access[0].toInteger()),
                                 static_cast<int>(access[1].toInteger()), *roles, *groups};
    }
    return m;
}

QByteArray encode(const Pull& m)
{
    QCborArray a{static_cast<qint64>(m.since), QCborArray::fromStringList(m.filter.forms), m.filter.sinceMs,
                 m.filter.summaryOnly};
    if (m.whole)
        a.append(true); // optional: a PULL without it is the four-element one of before
    return a.toCborValue().toCbor();
}

Result<Pull> decodePull(QByteArrayView payload)
{
    SEN_ASSIGN_OR_RETURN(const QCborValue value, parseBoundedCbor(payload));
    const QCborArray a = value.toArray();
    if (!value.isArray() || (a.size() != 4 && a.size() != 5))
        return bad("wrong top-level shape");
    if (!isCount(a[0]) || !a[1].isArray() || !isCount(a[2]) || !a[3].isBool() ||
        (a.size() == 5 && !a[4].isBool()))
        return bad("pull");
    Pull m;
    m.since = a[0].toInteger();
    const QCborArray forms = a[1].toArray();
    if (forms.size() > kMaxFilterForms)
        return bad("pull filter names too many forms");
    for (const QCborValue& f : forms) {
        if (!f.isString() || f.toString().size() > kMaxFormNameLength)
            return bad("pull filter form");
        m.filter.forms << f.toString();
    }
    m.filter.sinceMs = a[2].toInteger();
    m.filter.summaryOnly = a[3].toBool();
    m.whole = a.size() == 5 && a[4].toBool();
    return m;
}

QByteArray encode(const Changes& m)
{
    QByteArray out;
    QCborStreamWriter w(&out);
    w.startArray(m.feedEnd > 0 ? 5 : 4);
    w.append(static_cast<quint64>(m.batch));
    w.append(static_cast<qint64>(m.lastSeq));
    w.append(m.final);
    w.startArray(static_cast<quint64>(m.entries.size()));
    for (const ChangeEntry& e : m.entries) {
        w.startArray(e.withdrawn ? 5 : 4);
        writeBytes(w, e.unid.data(), Unid::size);
        writeVersions(w, e.versions);
        w.append(static_cast<qint64>(e.seq));
        w.append(e.deleted);
        if (e.withdrawn)
            w.append(true);
        w.endArray();
    }
    w.endArray();
    if (m.feedEnd > 0)
        w.append(static_cast<qint64>(m.feedEnd)); // optional: version 2 and later
    w.endArray();
    return out;
}

Result<Changes> decodeChanges(QByteArrayView payload)
{
    SEN_TRY(checkBoundedCbor(payload));
    CborReader r(payload);
    quint8 major = 0;
    quint64 size = 0;
    quint64 count = 0;
    quint64 batch = 0;
    quint64 lastSeq = 0;
    constexpr auto kMaxSeq = static_cast<quint64>(std::numeric_limits<qint64>::max());
    quint64 topFields = 0; // 5 with the optional feed end (protocol version 2)
    if (!r.head(major, topFields) || major != 4 || (topFields != 4 && topFields != 5))
        return bad("wrong top-level shape");
    Changes m;
    if (!readCount(r, std::numeric_limits<std::uint32_t>::max(), batch) || !readCount(r, kMaxSeq, lastSeq) ||
        !readBool(r, m.final) || !r.head(major, count) || major != 4)
        return bad("changes");
    m.batch = static_cast<std::uint32_t>(batch);
    m.lastSeq = static_cast<std::int64_t>(lastSeq);
    m.entries.reserve(static_cast<std::size_t>(count));
    for (quint64 i = 0; i < count; ++i) {
        quint64 fields = 0;
        QByteArrayView unidBytes;
        if (!r.head(major, fields) || major != 4 || (fields != 4 && fields != 5) || !r.head(major, size) ||
            major != 2 || !r.take(size, unidBytes))
            return bad("change entry");
        const auto unid = Unid::fromBytes(unidBytes);
        if (!unid)
            return bad("change entry");
        ChangeEntry entry{*unid, {}, 0, false};
        SEN_ASSIGN_OR_RETURN(entry.versions, readVersions(r));
        quint64 seq = 0;
        if (!readCount(r, kMaxSeq, seq) || !readBool(r, entry.deleted) ||
            (fields == 5 && !readBool(r, entry.withdrawn)))
            return bad("change entry");
        entry.seq = static_cast<std::int64_t>(seq);
        m.entries.push_back(std::move(entry));
    }
    if (topFields == 5) {
        quint64 feedEnd = 0;
        if (!readCount(r, kMaxSeq, feedEnd))
            return bad("changes feed end");
        m.feedEnd = static_cast<std::int64_t>(feedEnd);
    }
    return m;
}

QByteArray encode(const Want& m)
{
    QByteArray out;
    QCborStreamWriter w(&out);
    w.startArray(2);
    w.append(static_cast<quint64>(m.batch));
    w.startArray(static_cast<quint64>(m.entries.size()));
    for (const WantEntry& e : m.entries) {
        w.startArray(2);
        w.append(static_cast<quint64>(e.index));
        if (e.have)
            writeVersions(w, *e.have);
        else
            w.append(nullptr);
        w.endArray();
    }
    w.endArray();
    w.endArray();
    return out;
}

Result<Want> decodeWant(QByteArrayView payload)
{
    SEN_ASSIGN_OR_RETURN(const QCborArray a, topArray(payload, 2));
    if (!isCount(a[0], std::numeric_limits<std::uint32_t>::max()) || !a[1].isArray())
        return bad("want");
    Want m;
    m.batch = static_cast<std::uint32_t>(a[0].toInteger());
    const QCborArray entries = a[1].toArray();
    for (const QCborValue& v : entries) {
        const QCborArray e = v.toArray();
        if (!v.isArray() || e.size() != 2 || !isCount(e[0], std::numeric_limits<std::uint32_t>::max()))
            return bad("want entry");
        WantEntry entry;
        entry.index = static_cast<std::uint32_t>(e[0].toInteger());
        if (!e[1].isNull()) {
            SEN_ASSIGN_OR_RETURN(VersionVector vv, versionsFrom(e[1]));
            entry.have = std::move(vv);
        }
        m.entries.push_back(std::move(entry));
    }
    return m;
}

QByteArray encode(const Docs& m)
{
    // Written with CborWriter (the same bytes as QCborStreamWriter): a stored version's items
    // go out as the bytes stored, without decoding and re-encoding them.
    QByteArray out;
    CborWriter w(out);
    w.header(4, 2);
    w.integer(m.batch);
    w.header(4, m.docs.size());
    for (const DocEntry& e : m.docs) {
        w.header(4, 7);
        w.integer(e.index);
        w.simple(e.delta ? 21 : 20);
        if (e.delta) {
            w.simple(22); // the receiver knows the form and parent
            w.simple(22);
        } else {
            w.text(e.doc.form);
            if (e.doc.parent)
                w.bytes(reinterpret_cast<const char*>(e.doc.parent->data()), Unid::size);
            else
                w.simple(22);
        }
        w.integer(e.doc.flags);
        w.header(4, e.doc.versions.entries().size());
        for (const auto& [instance, counter] : e.doc.versions.entries()) {
            w.header(4, 2);
            w.bytes(reinterpret_cast<const char*>(instance.data()), InstanceId::size);
            w.header(0, counter);
        }
        w.encoded(e.encodedItems.isEmpty() ? encodeItems(e.doc.items) : e.encodedItems);
    }
    w.finish();
    return out;
}

namespace {

Result<DocEntry> readDocEntry(CborReader& r)
{
    quint8 major = 0;
    quint64 size = 0;
    quint64 index = 0;
    quint64 flags = 0;
    DocEntry entry;
    if (!r.head(major, size) || major != 4 || size != 7 ||
        !readCount(r, std::numeric_limits<std::uint32_t>::max(), index) || !readBool(r, entry.delta))
        return bad("doc entry");
    entry.index = static_cast<std::uint32_t>(index);
    if (entry.delta) {
        if (!r.skip() || !r.skip()) // null: the receiver knows the form and parent
            return bad("doc entry");
    } else {
        const qsizetype formStart = r.position();
        if (!r.head(major, size) || major != 3 || !r.skipRest(major, size, 0))
            return bad("doc entry header");
        const auto form = decodeValue(r.readSince(formStart)); // UTF-8 checked as QCborValue does
        if (!form || !form->isString())
            return bad("doc entry header");
        entry.doc.form = form->toString();
        if (!r.head(major, size))
            return bad("doc entry header");
        if (major == 2) {
            QByteArrayView bytes;
            const auto parent = r.take(size, bytes) ? Unid::fromBytes(bytes) : std::nullopt;
            if (!parent)
                return bad("doc entry parent");
            entry.doc.parent = *parent;
        } else if (major != 7 || size != 22) {
            return bad("doc entry header");
        }
    }
    if (!readCount(r, Deleted | IsConflict, flags))
        return bad("doc entry");
    entry.doc.flags = static_cast<int>(flags);
    SEN_ASSIGN_OR_RETURN(entry.doc.versions, readVersions(r));
    const qsizetype itemsStart = r.position();
    if (!r.skip())
        return bad("doc entry");
    // Canonical, as every sender writes them: a whole version's items can then be stored as
    // the bytes received, without encoding them again.
    const QByteArrayView encodedItems = r.readSince(itemsStart);
    auto items = decodeCanonicalItems(encodedItems, entry.doc.versions);
    if (!items)
        return Status(ErrorCode::ProtocolError, items.message());
    entry.doc.items = std::move(items).value();
    entry.encodedItems = encodedItems.toByteArray();
    // A whole stub keeps nothing live but a registration's numbering (docs/merge.md rule 5). A
    // delta's form is the receiver's: ChangeReceiver checks the stub it rebuilds.
    if (entry.doc.isDeleted() && !entry.delta &&
        std::any_of(entry.doc.items.begin(), entry.doc.items.end(), [&](const Item& item) {
            return !item.isTombstone() && !registers::isNumberingItem(entry.doc.form, item.name);
        }))
        return bad("a deletion stub with a live item");
    return entry;
}

} // namespace

Result<Docs> decodeDocs(QByteArrayView payload)
{
    // Read from the bytes, not through a QCborValue tree: DOCS is most of what a pull
    // receives. The walk first checks the limits every message is held to.
    SEN_TRY(checkBoundedCbor(payload));
    CborReader r(payload);
    quint8 major = 0;
    quint64 size = 0;
    quint64 batch = 0;
    if (!r.head(major, size) || major != 4 || size != 2)
        return bad("wrong top-level shape");
    if (!readCount(r, std::numeric_limits<std::uint32_t>::max(), batch) || !r.head(major, size) || major != 4)
        return bad("docs");
    Docs m;
    m.batch = static_cast<std::uint32_t>(batch);
    m.docs.reserve(static_cast<std::size_t>(size));
    for (quint64 i = 0; i < size; ++i) {
        SEN_ASSIGN_OR_RETURN(DocEntry entry, readDocEntry(r));
        m.docs.push_back(std::move(entry));
    }
    return m;
}

QByteArray encode(const Ack& m)
{
    QCborArray a{static_cast<qint64>(m.batch), static_cast<qint64>(m.seq)};
    if (!m.refused.empty()) {
        QCborArray refused;
        for (const Refusal& r : m.refused)
            refused.append(QCborArray{r.unid.toBytes(), static_cast<int>(r.code), r.message});
        a.append(refused);
    }
    return a.toCborValue().toCbor();
}

Result<Ack> decodeAck(QByteArrayView payload)
{
    SEN_ASSIGN_OR_RETURN(const QCborValue value, parseBoundedCbor(payload));
    const QCborArray a = value.toArray();
    if (!value.isArray() || (a.size() != 2 && a.size() != 3) ||
        !isCount(a[0], std::numeric_limits<std::uint32_t>::max()) || !isCount(a[1]))
        return bad("ack");
    Ack ack{static_cast<std::uint32_t>(a[0].toInteger()), a[1].toInteger(), {}};
    if (a.size() == 3) {
        if (!a[2].isArray())
            return bad("ack refusals");
        for (const QCborValue& v : a[2].toArray()) {
            const QCborArray r = v.toArray();
            const auto unid = r.size() == 3 ? idFrom<Unid>(r[0]) : std::nullopt;
            if (!unid || !isCount(r[1], 1000) || !r[2].isString() || r[2].toString().size() > 4096)
                return bad("ack refusal");
            ack.refused.push_back({*unid, wireCode(r[1].toInteger()), r[2].toString()});
        }
    }
    return ack;
}

QByteArray encode(const ErrorMessage& m)
{
    return QCborArray{static_cast<int>(m.code), m.message}.toCborValue().toCbor();
}

Result<ErrorMessage> decodeError(QByteArrayView payload)
{
    SEN_ASSIGN_OR_RETURN(const QCborArray a, topArray(payload, 2));
    if (!isCount(a[0], 1000) || !a[1].isString())
        return bad("error");
    return ErrorMessage{wireCode(a[0].toInteger()), a[1].toString()};
}

QByteArray encode(const ChunkWant& m)
{
    QByteArray out;
    QCborStreamWriter w(&out);
    w.startArray(static_cast<quint64>(m.hashes.size()));
    for (const auto& h : m.hashes)
        writeBytes(w, h.data(), crypto::Sha256Digest::size);
    w.endArray();
    return out;
}

Result<ChunkWant> decodeChunkWant(QByteArrayView payload)
{
    SEN_ASSIGN_OR_RETURN(const QCborValue value, parseBoundedCbor(payload));
    if (!value.isArray() || value.toArray().size() > kChunkWantMax)
        return bad("chunk want");
    ChunkWant m;
    const QCborArray hashes = value.toArray();
    for (const QCborValue& v : hashes) {
        const auto h = idFrom<crypto::Sha256Digest>(v);
        if (!h)
            return bad("chunk want hash");
        m.hashes.push_back(*h);
    }
    return m;
}

QByteArray encode(const Chunks& m)
{
    QByteArray out;
    QCborStreamWriter w(&out);
    w.startArray(static_cast<quint64>(m.chunks.size()));
    for (const ChunkData& c : m.chunks) {
        w.startArray(2);
        writeBytes(w, c.hash.data(), crypto::Sha256Digest::size);
        if (c.bytes)
            w.appendByteString(c.bytes->constData(), c.bytes->size());
        else
            w.append(nullptr);
        w.endArray();
    }
    w.endArray();
    return out;
}

Result<Chunks> decodeChunks(QByteArrayView payload)
{
    SEN_ASSIGN_OR_RETURN(const QCborValue value, parseBoundedCbor(payload));
    if (!value.isArray())
        return bad("chunks");
    Chunks m;
    const QCborArray chunks = value.toArray();
    for (const QCborValue& v : chunks) {
        const QCborArray c = v.toArray();
        if (!v.isArray() || c.size() != 2)
            return bad("chunk entry");
        const auto h = idFrom<crypto::Sha256Digest>(c[0]);
        if (!h || !(c[1].isNull() || c[1].isByteArray()))
            return bad("chunk entry");
        ChunkData data{*h, std::nullopt};
        if (c[1].isByteArray())
            data.bytes = c[1].toByteArray();
        m.chunks.push_back(std::move(data));
    }
    return m;
}

} // namespace sen::protocol
