#include "tests/golden/GoldenMessages.h"

#include "replication/protocol/AuthorityMessages.h"
#include "tests/golden/GoldenData.h"
#include "tests/golden/GoldenInputs.h"

#include <QCborArray>

namespace sen::golden {

using namespace protocol;

Hello hello()
{
    Hello m;
    m.versionMin = 1;
    m.versionMax = 3;
    m.replicaId = replicaId();
    m.instanceId = clientInstance();
    m.database = QStringLiteral("vanban");
    m.peerName = userName();
    m.counter = 3;
    return m;
}

Welcome welcome()
{
    Welcome m = welcomeVersion2();
    m.version = 3;
    m.access = WelcomeAccess{3, 1 | 4, {QStringLiteral("[Văn thư]")}, {QStringLiteral("VPTU Staff")}};
    return m;
}

Welcome welcomeVersion2()
{
    Welcome m;
    m.version = 2;
    m.replicaId = replicaId();
    m.instanceId = serverInstance();
    m.peerName = serverName();
    return m;
}

Pull pull()
{
    Pull m;
    m.since = 41;
    m.filter.forms = {QStringLiteral("VanBanDen"), QStringLiteral("VanBanDi")};
    m.filter.sinceMs = kBaseMs - 30LL * 24 * 3600 * 1000;
    m.filter.summaryOnly = true;
    m.whole = true;
    return m;
}

Changes changes()
{
    Changes m = changesVersion1();
    m.feedEnd = 57;
    return m;
}

Changes changesVersion1()
{
    Changes m;
    m.batch = 2;
    m.lastSeq = 44;
    m.final = true;
    const Document doc = everyItemTypeDocument();
    const Document stub = deletionStub();
    const Document conflict = conflictResponseDocument();
    m.entries.push_back({doc.unid, doc.versions, 42, false, false});
    m.entries.push_back({stub.unid, stub.versions, 43, true, false});
    m.entries.push_back({conflict.unid, conflict.versions, 44, false, true});
    return m;
}

Want want()
{
    Want m;
    m.batch = 2;
    VersionVector have;
    have.set(serverInstance(), 1);
    m.entries.push_back({0, have});
    m.entries.push_back({1, std::nullopt});
    return m;
}

Docs docs()
{
    Docs m;
    m.batch = 2;
    // Entry 0 as a delta against {server: 1}: only the items that vector does not know.
    DocEntry delta;
    delta.index = 0;
    delta.delta = true;
    delta.doc = everyItemTypeDocument();
    std::erase_if(delta.doc.items, [](const Item& item) {
        return item.stamp.dot.counter <= 1 && item.stamp.dot.instance == serverInstance();
    });
    delta.doc.form.clear();
    DocEntry stub;
    stub.index = 1;
    stub.doc = deletionStub();
    DocEntry whole;
    whole.index = 2;
    whole.doc = conflictResponseDocument();
    m.docs = {delta, stub, whole};
    return m;
}

Ack ack()
{
    Ack m;
    m.batch = 2;
    m.seq = 44;
    m.refused.push_back({conflictResponseDocument().unid, ErrorCode::PermissionDenied,
                         QStringLiteral("Nguyễn Văn A/VPTU/HaNoi may not edit this document")});
    return m;
}

ErrorMessage error()
{
    return {ErrorCode::StaleInstance,
            QStringLiteral("this replica is a copy or a restored backup: it must take a new instance ID")};
}

Chunks chunks()
{
    Chunks m;
    m.chunks.push_back({binaryAttachment().chunks[0].hash, binaryAttachmentBytes()});
    m.chunks.push_back({textAttachment().chunks[0].hash, std::nullopt});
    return m;
}

ChunkWant chunkWant()
{
    return {{textAttachment().chunks[0].hash, binaryAttachment().chunks[0].hash}};
}

DatabaseInfo databaseInfo()
{
    return {replicaId(), 1, replicaTitle()};
}

std::vector<NumberRequest> numberRequests()
{
    return {NumberRequest{localDocumentUnid(), everyItemTypeDocument().unid, 2026, std::nullopt},
            NumberRequest{conflictResponseDocument().unid, everyItemTypeDocument().unid, 2026, 1250}};
}

std::vector<NumberAnswer> numberAnswers()
{
    return {NumberAnswer{localDocumentUnid(), 1251, ErrorCode::Ok, {}},
            NumberAnswer{
                conflictResponseDocument().unid, std::nullopt, ErrorCode::Conflict,
                QStringLiteral("number 1250 is already taken in the register \"Sổ đăng ký văn bản đến\"")}};
}

DirectoryListing directoryListing()
{
    DirectoryListing m;
    m.people = {QStringLiteral("Lê Văn Cường/VPTU/HaNoi"), QStringLiteral("Nguyễn Văn An/PhongHC/VPTU/HaNoi"),
                userName()};
    m.groups = {{QStringLiteral("Lãnh đạo VPTU"),
                 {QStringLiteral("Lê Văn Cường/VPTU/HaNoi"), QStringLiteral("*/PhongHC/VPTU/HaNoi"),
                  QStringLiteral("VPTU Staff")}}};
    m.roles = {{QStringLiteral("[LanhDao]"), {QStringLiteral("Lãnh đạo VPTU")}},
               {QStringLiteral("[Văn thư]"), {userName()}}};
    return m;
}

std::vector<GoldenFrame> directoryFrames()
{
    return {
        {QStringLiteral("frames/17-directory-request.frame"), MessageType::DirectoryRequest,
         encodeDirectoryRequest()},
        {QStringLiteral("frames/18-directory.frame"), MessageType::Directory,
         encodeDirectory(directoryListing())},
    };
}

AuthorityContent authorityContent()
{
    AuthorityContent c;
    c.org = QStringLiteral("VPTU/HaNoi");
    c.serial = kAuthoritySerial;
    c.crlDer = readFixture(QStringLiteral("identity/certifier.crl"));
    c.people = {{QStringLiteral("Lê Văn Cường/VPTU/HaNoi"), 1767225600000, {}},
                {userName(), 1767225600001, {{QStringLiteral("0f1e2d3c"), 1767225600001, 1830297600000}}}};
    c.groups = {{QStringLiteral("Lãnh đạo VPTU"),
                 {QStringLiteral("Lê Văn Cường/VPTU/HaNoi"), QStringLiteral("*/PhongHC/VPTU/HaNoi")}}};
    AuthorityDatabase db;
    db.replicaId = ReplicaId::fromHex(u"00112233445566778899aabbccddeeff").value();
    db.numberingServer = QStringLiteral("QuanBaDinh/VPTU/HaNoi");
    acl::AclEntry clerk = acl::AclEntry::make(userName(), acl::AccessLevel::Editor, acl::EntryKind::Person);
    clerk.roles = {QStringLiteral("[Văn thư]")};
    clerk.rights |= acl::DeleteDocuments;
    db.acl = {acl::AclEntry::make(QStringLiteral("-Default-"), acl::AccessLevel::Reader), clerk};
    c.databases = {db};
    return c;
}

QByteArray authorityRecord()
{
    return QCborValue(QCborArray{1, encodeAuthorityContent(authorityContent()), QByteArray(64, '\x5a')})
        .toCbor();
}

std::vector<GoldenFrame> authorityFrames()
{
    return {
        {QStringLiteral("frames/19-authority-serial.frame"), MessageType::AuthoritySerial,
         encodeAuthoritySerial(kAuthoritySerial)},
        {QStringLiteral("frames/20-authority.frame"), MessageType::Authority,
         encodeAuthority(authorityRecord())},
    };
}

std::vector<GoldenFrame> goldenFrames()
{
    const auto file = [](const char* name) -> QString {
        return QStringLiteral("frames/") + QLatin1String(name);
    };
    return {
        {file("01-hello.frame"), MessageType::Hello, encode(hello())},
        {file("02-welcome.frame"), MessageType::Welcome, encode(welcome())},
        {file("02-welcome-version2.frame"), MessageType::Welcome, encode(welcomeVersion2())},
        {file("03-pull.frame"), MessageType::Pull, encode(pull())},
        {file("04-changes.frame"), MessageType::Changes, encode(changes())},
        {file("04-changes-version1.frame"), MessageType::Changes, encode(changesVersion1())},
        {file("05-want.frame"), MessageType::Want, encode(want())},
        {file("06-docs.frame"), MessageType::Docs, encode(docs())},
        {file("07-ack.frame"), MessageType::Ack, encode(ack())},
        {file("08-error.frame"), MessageType::Error, encode(error())},
        {file("09-chunks.frame"), MessageType::Chunks, encode(chunks())},
        {file("10-chunk-want.frame"), MessageType::ChunkWant, encode(chunkWant())},
        {file("14-database-info.frame"), MessageType::DatabaseInfo, encode(databaseInfo())},
        {file("15-number.frame"), MessageType::Number, encodeNumberRequests(numberRequests())},
        {file("16-numbers.frame"), MessageType::Numbers, encodeNumberAnswers(numberAnswers())},
    };
}

} // namespace sen::golden
