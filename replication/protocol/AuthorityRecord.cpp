#include "replication/protocol/AuthorityRecord.h"

#include "common/acl/Acl.h"
#include "common/acl/NameMatch.h"
#include "common/crypto/Signature.h"
#include "common/identity/HierarchicalName.h"
#include "common/identity/PeerVerifier.h"
#include "replication/protocol/BoundedCbor.h"

#include <QCborArray>
#include <QSet>

namespace sen::protocol {

namespace {

// Times stay within what every decoder of Sen accepts (about the year 6400).
constexpr qint64 kMaxTimeMs = 139'797'273'600'000;
// A record's CBOR items: each takes at least a byte, so the byte limit bounds them too; this
// keeps the decoded value within a few tens of megabytes.
constexpr std::uint32_t kMaxAuthorityItems = 2u << 20;
// Serials are integers CBOR and a double both hold exactly.
constexpr qint64 kMaxSerial = qint64(1) << 53;

Status bad(const QString& what)
{
    return Status(ErrorCode::ProtocolError, QStringLiteral("malformed authority record: ") + what);
}

QByteArray signedMessage(QByteArrayView content)
{
    QByteArray message(kAuthoritySignedPrefix, sizeof kAuthoritySignedPrefix); // with its NUL
    message.append(content);
    return message;
}

bool isString(const QCborValue& v, int maxLength)
{
    return v.isString() && !v.toString().isEmpty() && v.toString().size() <= maxLength &&
           v.toString().trimmed() == v.toString();
}

bool isTime(const QCborValue& v)
{
    return v.isInteger() && v.toInteger() >= 0 && v.toInteger() <= kMaxTimeMs;
}

const QCborArray* arrayOf(const QCborValue& v, qsizetype max, QCborArray& holder)
{
    if (!v.isArray() || v.toArray().size() > max)
        return nullptr;
    holder = v.toArray();
    return &holder;
}

Result<std::vector<AuthorityPerson>> decodePeople(const QCborValue& v)
{
    QCborArray list;
    if (!arrayOf(v, kMaxAuthorityPeople, list))
        return bad(QStringLiteral("people: not a list of at most %1").arg(kMaxAuthorityPeople));
    std::vector<AuthorityPerson> out;
    out.reserve(list.size());
    QSet<QString> seen;
    for (const QCborValue& e : list) {
        const QCborArray p = e.toArray();
        if (!e.isArray() || p.size() != 3 || !isString(p[0], kMaxAuthorityNameLength) ||
            !isDirectoryPerson(p[0].toString()) || !isTime(p[1]))
            return bad(QStringLiteral("people: not [name, registered, certificates]"));
        AuthorityPerson person{p[0].toString(), p[1].toInteger(), {}};
        const QString key = acl::nameKey(person.name);
        if (seen.contains(key))
            return bad(QStringLiteral("people: \"%1\" twice").arg(person.name));
        seen.insert(key);
        QCborArray certificates;
        if (!arrayOf(p[2], kMaxAuthorityCertificates, certificates))
            return bad(QStringLiteral("certificates of %1: not a list of at most %2")
                           .arg(person.name)
                           .arg(kMaxAuthorityCertificates));
        for (const QCborValue& c : certificates) {
            const QCborArray a = c.toArray();
            if (!c.isArray() || a.size() != 3 || !isString(a[0], kMaxAuthoritySerialHexLength) ||
                !isTime(a[1]) || !isTime(a[2]))
                return bad(
                    QStringLiteral("certificates of %1: not [serial, issued, notAfter]").arg(person.name));
            const QString serial = a[0].toString();
            if (serial.size() % 2 != 0)
                return bad(QStringLiteral("certificates of %1: a serial of odd length").arg(person.name));
            for (const QChar ch : serial)
                if (!((ch >= u'0' && ch <= u'9') || (ch >= u'a' && ch <= u'f')))
                    return bad(QStringLiteral("certificates of %1: a serial that is not lower-case hex")
                                   .arg(person.name));
            person.certificates.push_back({serial, a[1].toInteger(), a[2].toInteger()});
        }
        out.push_back(std::move(person));
    }
    return out;
}

Result<std::vector<DirectoryGroup>> decodeGroups(const QCborValue& v)
{
    QCborArray list;
    if (!arrayOf(v, kMaxAuthorityGroups, list))
        return bad(QStringLiteral("groups: not a list of at most %1").arg(kMaxAuthorityGroups));
    std::vector<DirectoryGroup> out;
    out.reserve(list.size());
    QSet<QString> seen;
    qint64 members = 0;
    for (const QCborValue& e : list) {
        const QCborArray g = e.toArray();
        if (!e.isArray() || g.size() != 2 || !isString(g[0], kMaxAuthorityNameLength) ||
            !acl::isAccessName(g[0].toString()) || acl::isRoleName(g[0].toString()) ||
            acl::isWildcardName(g[0].toString()) || !g[1].isArray())
            return bad(QStringLiteral("groups: not [name, members]"));
        DirectoryGroup group{g[0].toString(), {}};
        if (seen.contains(acl::nameKey(group.name)))
            return bad(QStringLiteral("groups: \"%1\" twice").arg(group.name));
        seen.insert(acl::nameKey(group.name));
        const QCborArray list2 = g[1].toArray();
        members += list2.size();
        if (members > kMaxAuthorityMembers)
            return bad(QStringLiteral("more than %1 group members").arg(kMaxAuthorityMembers));
        for (const QCborValue& m : list2) {
            if (!isString(m, kMaxAuthorityNameLength) || !acl::isAccessName(m.toString()))
                return bad(QStringLiteral("members of %1: a malformed name").arg(group.name));
            group.members.append(m.toString());
        }
        out.push_back(std::move(group));
    }
    return out;
}

Result<acl::AclEntry> decodeEntry(const QCborValue& v)
{
    const QCborArray e = v.toArray();
    if (!v.isArray() || e.size() != 5 || !isString(e[0], kMaxAuthorityNameLength) || !e[1].isInteger() ||
        !e[2].isInteger() || !e[3].isInteger() || !e[4].isArray() ||
        e[4].toArray().size() > kMaxAuthorityRoles)
        return bad(QStringLiteral("an ACL entry: not [name, kind, level, rights, roles]"));
    const auto level = acl::accessLevelFromInt(e[2].toInteger());
    if (!acl::isValidEntryKind(static_cast<int>(std::clamp<qint64>(e[1].toInteger(), -1, 1 << 20))) ||
        !level || e[3].toInteger() < 0 || e[3].toInteger() > acl::kKnownAclRights)
        return bad(QStringLiteral("the ACL entry %1: an unknown kind, level or right").arg(e[0].toString()));
    acl::AclEntry entry;
    entry.name = e[0].toString();
    entry.kind = static_cast<acl::EntryKind>(e[1].toInteger());
    entry.level = *level;
    entry.rights = static_cast<int>(e[3].toInteger());
    for (const QCborValue& role : e[4].toArray()) {
        if (!role.isString() || role.toString().size() > kMaxAuthorityNameLength ||
            !acl::isRoleName(role.toString()))
            return bad(QStringLiteral("the ACL entry %1: a malformed role").arg(entry.name));
        entry.roles.append(role.toString());
    }
    return entry;
}

Result<std::vector<AuthorityDatabase>> decodeDatabases(const QCborValue& v)
{
    QCborArray list;
    if (!arrayOf(v, kMaxAuthorityDatabases, list))
        return bad(QStringLiteral("databases: not a list of at most %1").arg(kMaxAuthorityDatabases));
    std::vector<AuthorityDatabase> out;
    out.reserve(list.size());
    QSet<QByteArray> seen;
    qint64 entries = 0;
    for (const QCborValue& e : list) {
        const QCborArray d = e.toArray();
        if (!e.isArray() || d.size() != 3 || !d[0].isByteArray() || !d[1].isString() || !d[2].isArray())
            return bad(QStringLiteral("databases: not [replica, numbering server, acl]"));
        const auto id = ReplicaId::fromBytes(d[0].toByteArray());
        if (!id || id->isNull() || seen.contains(d[0].toByteArray()))
            return bad(QStringLiteral("databases: a malformed or repeated replica ID"));
        seen.insert(d[0].toByteArray());
        const QString numbering = d[1].toString();
        if (!numbering.isEmpty()) {
            const auto name = identity::HierarchicalName::parse(numbering);
            if (numbering.size() > kMaxAuthorityNameLength || !name || name->toString() != numbering)
                return bad(QStringLiteral("databases: a malformed numbering server"));
        }
        const QCborArray aclList = d[2].toArray();
        entries += aclList.size();
        if (entries > kMaxAuthorityAclEntries)
            return bad(QStringLiteral("more than %1 ACL entries").arg(kMaxAuthorityAclEntries));
        acl::Acl acl;
        for (const QCborValue& entryValue : aclList) {
            SEN_ASSIGN_OR_RETURN(acl::AclEntry entry, decodeEntry(entryValue));
            if (acl.entry(entry.name))
                return bad(QStringLiteral("the ACL entry %1 twice").arg(entry.name));
            if (const Status set = acl.setEntry(std::move(entry)); !set.isOk())
                return bad(set.message());
        }
        out.push_back({*id, numbering, acl.entries()});
    }
    return out;
}

Result<AuthorityContent> decodeContent(QByteArrayView bytes)
{
    SEN_ASSIGN_OR_RETURN(const QCborValue value,
                         parseBoundedCbor(bytes, CborLimits{kMaxCborDepth, kMaxAuthorityItems}));
    const QCborArray top = value.toArray();
    if (!value.isArray() || top.size() != 7)
        return bad(QStringLiteral("not [format, org, serial, crl, people, groups, databases]"));
    if (!top[0].isInteger() || top[0].toInteger() != kAuthorityFormat)
        return Status(ErrorCode::Unsupported, QStringLiteral("authority record of an unknown format"));
    AuthorityContent out;
    if (!isString(top[1], kMaxAuthorityNameLength) || !identity::HierarchicalName::parse(top[1].toString()))
        return bad(QStringLiteral("the organisation"));
    out.org = top[1].toString();
    if (!top[2].isInteger() || top[2].toInteger() < 1 || top[2].toInteger() > kMaxSerial)
        return bad(QStringLiteral("the serial"));
    out.serial = static_cast<std::uint64_t>(top[2].toInteger());
    if (!top[3].isByteArray() || top[3].toByteArray().isEmpty() ||
        top[3].toByteArray().size() > kMaxAuthorityCrlBytes)
        return bad(QStringLiteral("the CRL: not bytes of at most %1").arg(kMaxAuthorityCrlBytes));
    out.crlDer = top[3].toByteArray();
    SEN_ASSIGN_OR_RETURN(out.people, decodePeople(top[4]));
    SEN_ASSIGN_OR_RETURN(out.groups, decodeGroups(top[5]));
    SEN_ASSIGN_OR_RETURN(out.databases, decodeDatabases(top[6]));
    return out;
}

// [1, content, signature], each checked for shape.
Result<std::pair<QByteArray, QByteArray>> splitRecord(QByteArrayView bytes)
{
    if (bytes.size() > kMaxAuthorityRecordBytes)
        return bad(QStringLiteral("more than %1 bytes").arg(kMaxAuthorityRecordBytes));
    SEN_ASSIGN_OR_RETURN(const QCborValue value, parseBoundedCbor(bytes, CborLimits{2, 4}));
    const QCborArray top = value.toArray();
    if (!value.isArray() || top.size() != 3 || !top[0].isInteger() || !top[1].isByteArray() ||
        !top[2].isByteArray() || top[2].toByteArray().size() != crypto::kSignatureSize)
        return bad(QStringLiteral("not [1, content, signature]"));
    if (top[0].toInteger() != 1)
        return Status(ErrorCode::Unsupported, QStringLiteral("authority record of an unknown envelope"));
    return std::pair{top[1].toByteArray(), top[2].toByteArray()};
}

} // namespace

const AuthorityDatabase* AuthorityContent::database(const ReplicaId& id) const
{
    for (const AuthorityDatabase& d : databases)
        if (d.replicaId == id)
            return &d;
    return nullptr;
}

QByteArray encodeAuthorityContent(const AuthorityContent& content)
{
    QCborArray people;
    for (const AuthorityPerson& p : content.people) {
        QCborArray certificates;
        for (const AuthorityCertificate& c : p.certificates)
            certificates.append(QCborArray{c.serialHex, c.issuedMs, c.notAfterMs});
        people.append(QCborArray{p.name, p.registeredMs, certificates});
    }
    QCborArray groups;
    for (const DirectoryGroup& g : content.groups)
        groups.append(QCborArray{g.name, QCborArray::fromStringList(g.members)});
    QCborArray databases;
    for (const AuthorityDatabase& d : content.databases) {
        QCborArray entries;
        for (const acl::AclEntry& e : d.acl)
            entries.append(QCborArray{e.name, static_cast<int>(e.kind), static_cast<int>(e.level), e.rights,
                                      QCborArray::fromStringList(e.roles)});
        databases.append(QCborArray{d.replicaId.toBytes(), d.numberingServer, entries});
    }
    return QCborValue(QCborArray{content.format, content.org, static_cast<qint64>(content.serial),
                                 content.crlDer, people, groups, databases})
        .toCbor();
}

Result<AuthorityRecord> signAuthorityRecord(const AuthorityContent& content,
                                            const QByteArray& certifierKeyPem)
{
    const QByteArray encoded = encodeAuthorityContent(content);
    // What the hub signs must pass every server's decoder.
    SEN_ASSIGN_OR_RETURN(AuthorityContent checked, decodeContent(encoded));
    SEN_ASSIGN_OR_RETURN(const QByteArray signature, crypto::sign(certifierKeyPem, signedMessage(encoded)));
    AuthorityRecord record{std::move(checked), QCborValue(QCborArray{1, encoded, signature}).toCbor()};
    if (record.bytes.size() > kMaxAuthorityRecordBytes)
        return Status(
            ErrorCode::InvalidArgument,
            QStringLiteral("the authority record would exceed %1 bytes").arg(kMaxAuthorityRecordBytes));
    return record;
}

Result<AuthorityRecord> decodeAuthorityRecord(QByteArrayView bytes)
{
    SEN_ASSIGN_OR_RETURN(const auto parts, splitRecord(bytes));
    SEN_ASSIGN_OR_RETURN(AuthorityContent content, decodeContent(parts.first));
    return AuthorityRecord{std::move(content), bytes.toByteArray()};
}

Result<std::uint64_t> authoritySerial(QByteArrayView bytes)
{
    SEN_ASSIGN_OR_RETURN(const AuthorityRecord record, decodeAuthorityRecord(bytes));
    return record.content.serial;
}

Result<AuthorityRecord> acceptAuthorityRecord(QByteArrayView bytes, const QByteArray& certifierDer,
                                              const QString& org, std::uint64_t heldSerial)
{
    SEN_ASSIGN_OR_RETURN(const auto parts, splitRecord(bytes));
    // The signature before the content is parsed: a stranger's bytes cost one check.
    if (const Status verified =
            crypto::verifySignature(certifierDer, signedMessage(parts.first), parts.second);
        !verified.isOk())
        return Status(verified.code(),
                      QStringLiteral("the authority record is not signed by the organisation's certifier"));
    SEN_ASSIGN_OR_RETURN(AuthorityContent content, decodeContent(parts.first));
    const auto ours = identity::HierarchicalName::parse(org);
    const auto theirs = identity::HierarchicalName::parse(content.org);
    if (!ours || !theirs || *ours != *theirs)
        return Status(
            ErrorCode::PermissionDenied,
            QStringLiteral("the authority record is for the organisation %1, not %2").arg(content.org, org));
    if (const auto crl = identity::PeerVerifier::create(certifierDer, content.crlDer); !crl)
        return Status(ErrorCode::Corruption,
                      QStringLiteral("the authority record's revocation list: ") + crl.status().message());
    if (content.serial <= heldSerial)
        return Status(ErrorCode::Conflict,
                      QStringLiteral("the authority record %1 is older than or the same as the one held (%2)")
                          .arg(content.serial)
                          .arg(heldSerial));
    return AuthorityRecord{std::move(content), bytes.toByteArray()};
}

} // namespace sen::protocol
