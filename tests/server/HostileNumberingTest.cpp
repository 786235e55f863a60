// The server as the authority over its registers (issue #13; docs/registers.md §Numbering),
// whoever holds the certificate: an insider speaks the protocol by hand (HostilePeer.h) —
// NUMBER messages and pushes of registrations — against a real server over TLS. Every claim
// about a number is judged: a number the peer chose, a number changed after it was given, a
// register the peer may not write, a period, a count, a hand-typed number already taken.

#include "common/model/DocumentCodec.h"
#include "common/registers/DefaultRegisters.h"
#include "common/registers/Registers.h"
#include "common/store/ReplicaSync.h"
#include "replication/merge/Merge.h"
#include "replication/protocol/Numbers.h"
#include "tests/server/HostilePeer.h"
#include "tests/server/RequireOk.h"
#include "tests/server/ServerFixture.h"

#include <QDateTime>

#include <algorithm>
#include <catch2/catch.hpp>

using namespace sen;
using namespace sen::test;
using namespace sen::protocol;

namespace {

const QString kDb = QStringLiteral("vanban");
const QString kClerk = QStringLiteral("Trần Văn Bình");

QString fullName(const QString& name)
{
    return name + QStringLiteral("/VPTU/HaNoi");
}

struct Office
{
    ServerFixture f;
    ReplicaInfo info;
    registers::Register incoming;
    registers::Register secretIncoming;

    // `maxPending`: the server's bound on the numbers a user holds for documents it has not
    // received (`sen-server run --max-pending-numbers`).
    explicit Office(qint64 maxPending = server::kMaxPendingNumbers) : f(3000, maxPending)
    {
        info = f.createDatabase(kDb, acl::AccessLevel::Editor);
        auto store = ReplicaStore::open(f.serverPath(kDb));
        REQUIRE(store.isOk());
        requireOk(registers::createDefaultRegisters(**store));
        auto docs = (*store)->documentsOfForm(QLatin1String(registers::kRegisterForm));
        requireOk(docs.status());
        for (const registers::Register& r : registers::registersFrom(*docs)) {
            if (r.direction == registers::Direction::Incoming)
                (r.secret ? secretIncoming : incoming) = r;
        }
        REQUIRE(!incoming.unid.isNull());
        REQUIRE(!secretIncoming.unid.isNull());
    }

    std::unique_ptr<HostilePeer> connect(const InstanceId& instance, std::uint64_t counter,
                                         const QString& name = kClerk, int versionMax = protocol::kVersionMax)
    {
        auto peer = std::make_unique<HostilePeer>(f.port(), f.user(name));
        REQUIRE(peer->isConnected());
        requireOk(peer->hello(kDb, info.replicaId, fullName(name), instance, counter, versionMax).status());
        return peer;
    }

    std::unique_ptr<ReplicaStore> server()
    {
        auto store = ReplicaStore::open(f.serverPath(kDb));
        REQUIRE(store.isOk());
        return std::move(store).value();
    }
};

int thisYear()
{
    return registers::vietnamYear(QDateTime::currentMSecsSinceEpoch());
}

Result<std::vector<NumberAnswer>> ask(HostilePeer& peer, const std::vector<NumberRequest>& requests)
{
    peer.send(MessageType::Number, encodeNumberRequests(requests));
    SEN_ASSIGN_OR_RETURN(const Frame frame, peer.expect(MessageType::Numbers));
    return decodeNumberAnswers(frame.payload);
}

// An incoming registration in `book`, numbered `number` (0: awaiting), stamped by the peer.
Document registration(const Unid& book, const InstanceId& instance, std::uint64_t counter, qint64 number,
                      const QString& secrecy = {})
{
    std::vector<Item> items{Item::text(QStringLiteral("TrichYeu"), QStringLiteral("Công văn đến")),
                            Item::text(QStringLiteral("SoVanBan"), book.toHex())};
    if (number > 0)
        items.push_back(Item::number(QStringLiteral("SoDen"), double(number)));
    if (!secrecy.isEmpty())
        items.push_back(Item::text(QStringLiteral("DoMat"), secrecy));
    return forgedDocument(QStringLiteral("VanBanDen"), instance, counter, std::move(items));
}

// `doc` with its number item set to `number` by a later save of the same instance.
Document renumbered(Document doc, const InstanceId& instance, std::uint64_t counter, qint64 number)
{
    const HlcTime time = makeHlc(QDateTime::currentMSecsSinceEpoch() + 1, 0);
    doc.versions.set(instance, counter);
    for (Item& item : doc.items)
        if (item.name == QStringLiteral("SoDen")) {
            item.value = QCborValue(double(number));
            item.stamp = Stamp{Dot{instance, counter}, time};
        }
    return doc;
}

} // namespace

TEST_CASE("Hostile numbering: a number the server did not give is refused, one it gave is stored and "
          "never changes",
          "[server][hostile][numbering]")
{
    Office office;
    const InstanceId instance = newInstanceId();
    auto peer = office.connect(instance, 3);

    // A number chosen by the peer: refused in the ACK, not stored.
    const Document forged = registration(office.incoming.unid, instance, 1, 1250);
    auto ack = peer->push({forged}, 1, false);
    requireOk(ack.status());
    REQUIRE(ack->refused.size() == 1);
    REQUIRE(ack->refused[0].code == ErrorCode::PermissionDenied);
    REQUIRE(ack->refused[0].message.contains(QStringLiteral("not given")));
    REQUIRE_FALSE(office.server()->find(forged.unid)->has_value());

    // Asked for: number 1 of this year, the same when asked again; then stored with it.
    const Document awaiting = registration(office.incoming.unid, instance, 2, 0);
    const NumberRequest request{awaiting.unid, office.incoming.unid, thisYear(), std::nullopt};
    auto answers = ask(*peer, {request, request});
    requireOk(answers.status());
    REQUIRE(answers->size() == 2);
    REQUIRE((*answers)[0].number == 1);
    REQUIRE((*answers)[1].number == 1);
    Document numbered = registration(office.incoming.unid, instance, 2, 1);
    numbered.unid = awaiting.unid;
    ack = peer->push({numbered}, 2, false);
    requireOk(ack.status());
    REQUIRE(ack->refused.empty());

    // Changing it afterwards: refused (an Editor is not the register's Manager).
    ack = peer->push({renumbered(numbered, instance, 3, 2)}, 3, true);
    requireOk(ack.status());
    REQUIRE(ack->refused.size() == 1);
    REQUIRE(ack->refused[0].message.contains(QStringLiteral("never changes")));
    const auto stored = office.server()->find(awaiting.unid);
    REQUIRE(stored->has_value());
    REQUIRE((*stored)->item(QStringLiteral("SoDen"))->toNumber() == 1);
}

TEST_CASE("Hostile numbering: every request is judged — register, period, hand-typed number, rights, "
          "secret register",
          "[server][hostile][numbering]")
{
    Office office;
    const InstanceId instance = newInstanceId();
    auto peer = office.connect(instance, 1);
    const Unid a = newUnid(), b = newUnid(), c = newUnid();

    auto answers =
        ask(*peer, {
                       NumberRequest{a, newUnid(), thisYear(), std::nullopt},                // no register
                       NumberRequest{a, office.incoming.unid, thisYear() + 1, std::nullopt}, // next year
                       NumberRequest{a, office.incoming.unid, thisYear() - 2, std::nullopt}, // too old
                       NumberRequest{a, a, 0, std::nullopt},                                 // not a register
                       NumberRequest{b, office.incoming.unid, thisYear(), 1250},             // typed, free
                       NumberRequest{c, office.incoming.unid, thisYear(), 1250},             // typed, taken
                       NumberRequest{c, office.incoming.unid, thisYear(), std::nullopt},
                   });
    requireOk(answers.status());
    REQUIRE(answers->size() == 7);
    REQUIRE((*answers)[0].code == ErrorCode::NotFound);
    REQUIRE((*answers)[1].code == ErrorCode::InvalidArgument);
    REQUIRE((*answers)[2].code == ErrorCode::InvalidArgument);
    REQUIRE((*answers)[3].code == ErrorCode::NotFound); // a document that is not a register
    REQUIRE((*answers)[4].number == 1250);
    REQUIRE((*answers)[5].code == ErrorCode::Conflict);
    REQUIRE((*answers)[6].number == 1251); // the run goes on after the highest number

    // A secret registration numbered in the ordinary register is refused on push.
    const Unid secretUnid = newUnid();
    answers = ask(*peer, {NumberRequest{secretUnid, office.incoming.unid, thisYear(), std::nullopt}});
    requireOk(answers.status());
    Document secret =
        registration(office.incoming.unid, instance, 1, *(*answers)[0].number, QStringLiteral("Mật"));
    secret.unid = secretUnid;
    auto ack = peer->push({secret}, 1, true);
    requireOk(ack.status());
    REQUIRE(ack->refused.size() == 1);
    REQUIRE(ack->refused[0].message.contains(QStringLiteral("secret register")));
}

TEST_CASE("Hostile numbering: a Reader gets no number and an Editor writes no register",
          "[server][hostile][numbering]")
{
    Office office;
    office.f.setAccess(kDb, fullName(QStringLiteral("Đọc Giả")), acl::AccessLevel::Reader);
    auto reader = office.connect(newInstanceId(), 0, QStringLiteral("Đọc Giả"));
    auto answers = ask(*reader, {NumberRequest{newUnid(), office.incoming.unid, thisYear(), std::nullopt}});
    requireOk(answers.status());
    REQUIRE((*answers)[0].code == ErrorCode::PermissionDenied);

    const InstanceId instance = newInstanceId();
    auto editor = office.connect(instance, 1);
    const Document book = forgedDocument(QStringLiteral("SoVanBan"), instance, 1,
                                         {Item::text(QStringLiteral("TenSo"), QStringLiteral("Sổ riêng")),
                                          Item::text(QStringLiteral("Huong"), QStringLiteral("Den"))});
    auto ack = editor->push({book}, 1, true);
    requireOk(ack.status());
    REQUIRE(ack->refused.size() == 1);
    REQUIRE(ack->refused[0].message.contains(QStringLiteral("Designer")));
}

TEST_CASE("Hostile numbering: asking for the number of a document the peer may not read tells nothing",
          "[server][hostile][numbering]")
{
    // Hoa's registration is for her eyes only (Readers); an Editor who learnt its UNID asks
    // the server for its number, then for a typed one.
    Office office;
    const InstanceId hoa = newInstanceId();
    auto owner = office.connect(hoa, 2, QStringLiteral("Lê Thị Hoa"));
    const Unid unid = newUnid();
    auto given = ask(*owner, {NumberRequest{unid, office.incoming.unid, thisYear(), std::nullopt}});
    requireOk(given.status());
    REQUIRE((*given)[0].number == 1);
    Document restricted = registration(office.incoming.unid, hoa, 1, 1);
    restricted.unid = unid;
    Item readers =
        Item::names(QStringLiteral("DocGia"), ItemType::Readers, {fullName(QStringLiteral("Lê Thị Hoa"))});
    readers.stamp = restricted.items.front().stamp;
    restricted.items.push_back(readers);
    std::sort(restricted.items.begin(), restricted.items.end(),
              [](const Item& a, const Item& b) { return a.name < b.name; });
    auto ack = owner->push({restricted}, 1, true);
    requireOk(ack.status());
    REQUIRE(ack->refused.empty());

    auto peer = office.connect(newInstanceId(), 0);
    auto answers = ask(*peer, {NumberRequest{restricted.unid, office.incoming.unid, thisYear(), std::nullopt},
                               NumberRequest{restricted.unid, office.incoming.unid, thisYear(), 7}});
    requireOk(answers.status());
    for (const NumberAnswer& a : *answers) {
        CHECK_FALSE(a.number.has_value());
        CHECK(a.code == ErrorCode::NotFound);
        CHECK_FALSE(a.message.contains(QStringLiteral("number 1")));
    }
    CHECK(office.server()->replication().numbers().find(restricted.unid).value()->number == 1);
}

TEST_CASE("Hostile numbering: a user holds at most the server's bound of numbers for documents it has "
          "not sent",
          "[server][hostile][numbering]")
{
    // A clerk's certificate asks for numbers for made-up document IDs, to empty the register.
    // The server runs with --max-pending-numbers 5 (the default, 10,000, is the same code).
    Office office(5);
    const InstanceId instance = newInstanceId();
    auto peer = office.connect(instance, 1);
    std::vector<NumberRequest> made;
    for (int i = 0; i < 6; ++i)
        made.push_back(NumberRequest{newUnid(), office.incoming.unid, thisYear(), std::nullopt});
    auto answers = ask(*peer, made);
    requireOk(answers.status());
    REQUIRE(answers->size() == 6);
    for (int i = 0; i < 5; ++i)
        REQUIRE((*answers)[i].number == i + 1);
    REQUIRE_FALSE((*answers)[5].number.has_value());
    REQUIRE((*answers)[5].code == ErrorCode::Busy);
    REQUIRE((*answers)[5].message.contains(QStringLiteral("5 numbers")));

    // The count is the server's, not the session's: a new session is held back the same, a
    // typed number as well; a document already numbered is told its number again.
    auto again = office.connect(newInstanceId(), 0);
    answers = ask(*again, {NumberRequest{newUnid(), office.incoming.unid, thisYear(), std::nullopt},
                           NumberRequest{newUnid(), office.incoming.unid, thisYear(), 900}, made[0]});
    requireOk(answers.status());
    REQUIRE((*answers)[0].code == ErrorCode::Busy);
    REQUIRE((*answers)[1].code == ErrorCode::Busy);
    REQUIRE((*answers)[2].number == 1);

    // Another user's requests are not held back by the clerk's.
    auto other = office.connect(newInstanceId(), 0, QStringLiteral("Lê Thị Hoa"));
    answers = ask(*other, {NumberRequest{newUnid(), office.incoming.unid, thisYear(), std::nullopt}});
    requireOk(answers.status());
    REQUIRE((*answers)[0].number == 6);

    // A registration that reaches the server frees its place: one more number, then Busy.
    Document sent = registration(office.incoming.unid, instance, 1, 1);
    sent.unid = made[0].unid;
    auto ack = peer->push({sent}, 1, false);
    requireOk(ack.status());
    REQUIRE(ack->refused.empty());
    answers = ask(*peer, {NumberRequest{newUnid(), office.incoming.unid, thisYear(), std::nullopt},
                          NumberRequest{newUnid(), office.incoming.unid, thisYear(), std::nullopt}});
    requireOk(answers.status());
    REQUIRE((*answers)[0].number == 7);
    REQUIRE((*answers)[1].code == ErrorCode::Busy);
    CHECK(office.server()->replication().numbers().pendingBy(fullName(kClerk)).value() == 5);
}

TEST_CASE("Hostile numbering: malformed NUMBER messages end the session", "[server][hostile][numbering]")
{
    Office office;
    SECTION("more than 256 requests")
    {
        auto peer = office.connect(newInstanceId(), 0);
        std::vector<NumberRequest> many(
            kMaxNumberRequests + 1, NumberRequest{newUnid(), office.incoming.unid, thisYear(), std::nullopt});
        peer->send(MessageType::Number, encodeNumberRequests(many));
        requireError(peer->waitError(), ErrorCode::ProtocolError, QStringLiteral("numbers"));
    }
    SECTION("a number out of range")
    {
        auto peer = office.connect(newInstanceId(), 0);
        peer->send(MessageType::Number,
                   encodeNumberRequests({NumberRequest{newUnid(), office.incoming.unid, thisYear(), 0}}));
        requireError(peer->waitError(), ErrorCode::ProtocolError, QStringLiteral("number request"));
    }
    SECTION("a period beyond the year 9999")
    {
        auto peer = office.connect(newInstanceId(), 0);
        peer->send(MessageType::Number, encodeNumberRequests({NumberRequest{newUnid(), office.incoming.unid,
                                                                            10000, std::nullopt}}));
        requireError(peer->waitError(), ErrorCode::ProtocolError, QStringLiteral("number request"));
    }
    SECTION("NUMBERS sent to the server")
    {
        auto peer = office.connect(newInstanceId(), 0);
        peer->send(MessageType::Numbers,
                   encodeNumberAnswers({NumberAnswer{newUnid(), 1, ErrorCode::Ok, {}}}));
        requireError(peer->waitError(), ErrorCode::ProtocolError, QStringLiteral("unexpected"));
    }
}

TEST_CASE("Hostile numbering across servers: where another server numbers the registers, no number is "
          "given here, a server's relayed number is taken and a user's is not",
          "[server][hostile][numbering][servers]")
{
    // The hub holds a district's documents database, numbered by the district's server
    // "Quan 1" (db create --numbered-by, docs/servers.md).
    Office office;
    requireOk(office.server()->setSetting(QString::fromUtf16(registers::kNumberedBySetting),
                                          QStringLiteral("Quan 1/VPTU/HaNoi")));
    const InstanceId instance = newInstanceId();
    auto clerk = office.connect(instance, 2);

    // A user asks the hub for a number: refused, naming the numbering server; nothing bound.
    const Unid awaiting = newUnid();
    auto answers = ask(*clerk, {NumberRequest{awaiting, office.incoming.unid, thisYear(), std::nullopt}});
    requireOk(answers.status());
    REQUIRE(answers->size() == 1);
    REQUIRE_FALSE((*answers)[0].number.has_value());
    REQUIRE((*answers)[0].code == ErrorCode::Unsupported);
    REQUIRE((*answers)[0].message.contains(QStringLiteral("Quan 1/VPTU/HaNoi")));
    REQUIRE_FALSE(office.server()->replication().numbers().find(awaiting)->has_value());

    // The user pushes a number of his own making: still refused (only a server relays).
    auto ack = clerk->push({registration(office.incoming.unid, instance, 1, 41)}, 1, false);
    requireOk(ack.status());
    REQUIRE(ack->refused.size() == 1);
    REQUIRE(ack->refused[0].message.contains(QStringLiteral("not given")));

    // The district's server relays a registration it numbered: taken.
    office.f.setAccess(kDb, QStringLiteral("Quan 1/VPTU/HaNoi"), acl::AccessLevel::Manager);
    const InstanceId spokeInstance = newInstanceId();
    HostilePeer spoke(office.f.port(), office.f.otherServer(QStringLiteral("Quan 1")));
    REQUIRE(spoke.isConnected());
    requireOk(spoke.hello(kDb, office.info.replicaId, QStringLiteral("Quan 1/VPTU/HaNoi"), spokeInstance, 1)
                  .status());
    const Document relayed = registration(office.incoming.unid, spokeInstance, 1, 7);
    ack = spoke.push({relayed}, 1, true);
    requireOk(ack.status());
    REQUIRE(ack->refused.empty());
    const auto stored = office.server()->find(relayed.unid);
    REQUIRE(stored->has_value());
    REQUIRE((*stored)->item(QStringLiteral("SoDen"))->toNumber() == 7);
}

TEST_CASE("Hostile numbering across servers: a server's relayed number is refused where this server numbers "
          "the register or bound the number to another registration",
          "[server][hostile][numbering][servers]")
{
    // The hub numbers its own database (no setting): a number a spoke relays must be one the
    // hub gave, and a number the hub gave to one registration cannot be relayed for another.
    Office office;
    office.f.setAccess(kDb, QStringLiteral("Quan 1/VPTU/HaNoi"), acl::AccessLevel::Manager);
    const InstanceId clerkInstance = newInstanceId();
    auto clerk = office.connect(clerkInstance, 1);
    const Unid first = newUnid();
    auto answers = ask(*clerk, {NumberRequest{first, office.incoming.unid, thisYear(), std::nullopt}});
    requireOk(answers.status());
    REQUIRE((*answers)[0].number == 1);

    const InstanceId spokeInstance = newInstanceId();
    HostilePeer spoke(office.f.port(), office.f.otherServer(QStringLiteral("Quan 1")));
    requireOk(spoke.hello(kDb, office.info.replicaId, QStringLiteral("Quan 1/VPTU/HaNoi"), spokeInstance, 2)
                  .status());
    auto ack = spoke.push({registration(office.incoming.unid, spokeInstance, 1, 5)}, 1, false);
    requireOk(ack.status());
    REQUIRE(ack->refused.size() == 1);
    REQUIRE(ack->refused[0].message.contains(QStringLiteral("not given")));

    // Where a third server numbers the register, a number this hub bound to `first` is not
    // taken for another registration.
    requireOk(office.server()->setSetting(QString::fromUtf16(registers::kNumberedBySetting),
                                          QStringLiteral("Quan 2/VPTU/HaNoi")));
    HostilePeer again(office.f.port(), office.f.otherServer(QStringLiteral("Quan 1")));
    requireOk(again.hello(kDb, office.info.replicaId, QStringLiteral("Quan 1/VPTU/HaNoi"), spokeInstance, 2)
                  .status());
    const Document taken =
        forgedDocument(QStringLiteral("VanBanDen"), spokeInstance, 2,
                       {Item::text(QStringLiteral("SoVanBan"), office.incoming.unid.toHex()),
                        Item::number(QStringLiteral("SoDen"), 1.0),
                        Item::dateTime(QStringLiteral("NgayDen"), QDateTime::currentDateTimeUtc())});
    ack = again.push({taken}, 2, true);
    requireOk(ack.status());
    REQUIRE(ack->refused.size() == 1);
    REQUIRE(ack->refused[0].message.contains(QStringLiteral("not given")));
}

namespace {

// `doc` deleted by a save of `instance`: every item a tombstone of that dot (as
// ReplicaStore::remove makes it).
Document deletedBy(Document doc, const InstanceId& instance, std::uint64_t counter)
{
    const Stamp stamp{Dot{instance, counter}, makeHlc(QDateTime::currentMSecsSinceEpoch() + 5, 0)};
    doc.flags |= Deleted;
    for (Item& item : doc.items) {
        item.value = QCborValue();
        item.stamp = stamp;
    }
    doc.versions.set(instance, counter);
    return doc;
}

// The clerk, an Editor, may also delete documents.
void letClerkDelete(Office& office)
{
    acl::AclEntry clerk = acl::AclEntry::make(fullName(kClerk), acl::AccessLevel::Editor);
    clerk.rights |= acl::DeleteDocuments;
    office.f.setEntry(kDb, clerk);
}

// `doc` given `number` by a save of `instance` that had seen it (NumberRequests::apply).
Document numberedBy(Document doc, const InstanceId& instance, std::uint64_t counter, qint64 number)
{
    Item item = Item::number(QStringLiteral("SoDen"), double(number));
    item.stamp = Stamp{Dot{instance, counter}, makeHlc(QDateTime::currentMSecsSinceEpoch() + 1, 0)};
    doc.putItem(item);
    doc.versions.set(instance, counter);
    return doc;
}

} // namespace

TEST_CASE("Numbering meets a deletion: the deletion wins and its stub keeps the number, whichever the "
          "server met first",
          "[server][numbering]")
{
    // The clerk who registered it deletes it; meanwhile another office had asked its number and
    // writes it. A deletion wins over an edit of the number alone (merge rule 5): the server
    // stores a stub that keeps the number, still bound to the registration, whether the
    // deletion or the number reached it first — and whoever pushed the number, an Editor who
    // may not delete the registration included. Before, the registration came back with its
    // number alone, and a hub refused that (the province test of issue #16, seed 31).
    const bool deletionFirst = GENERATE(false, true);
    INFO((deletionFirst ? "the deletion reaches the server first" : "the number reaches the server first"));
    Office office;
    letClerkDelete(office);
    const QString other = QStringLiteral("Phạm Thu Hà");
    office.f.setAccess(kDb, fullName(other), acl::AccessLevel::Editor);

    const InstanceId maker = newInstanceId(), numberer = newInstanceId();
    auto makerPeer = office.connect(maker, 3);
    const Document awaiting = registration(office.incoming.unid, maker, 1, 0);
    requireOk(makerPeer->push({awaiting}, 1, false).status());
    auto numbererPeer = office.connect(numberer, 3, other);
    auto answers =
        ask(*numbererPeer, {NumberRequest{awaiting.unid, office.incoming.unid, thisYear(), std::nullopt}});
    requireOk(answers.status());
    REQUIRE((*answers)[0].number == 1);

    const Document stub = deletedBy(awaiting, maker, 2);
    const Document numbered = numberedBy(awaiting, numberer, 1, 1);
    auto first = deletionFirst ? makerPeer->push({stub}, 2, true) : numbererPeer->push({numbered}, 1, true);
    requireOk(first.status());
    CHECK(first->refused.empty());
    auto second = deletionFirst ? numbererPeer->push({numbered}, 1, true) : makerPeer->push({stub}, 2, true);
    requireOk(second.status());
    for (const auto& refusal : second->refused)
        FAIL_CHECK(refusal.message.toStdString());

    const auto stored = office.server()->find(awaiting.unid);
    requireOk(stored.status());
    REQUIRE(stored->has_value());
    const Document& doc = **stored;
    CHECK(doc.isDeleted());
    REQUIRE(doc.item(QStringLiteral("SoDen")));
    CHECK(doc.item(QStringLiteral("SoDen"))->toNumber() == 1);
    CHECK(doc.anyItem(QStringLiteral("TrichYeu"))->isTombstone());
    CHECK(doc.anyItem(QStringLiteral("SoVanBan"))->isTombstone());
    CHECK(doc.versions.dominatesOrEquals(stub.versions));
    CHECK(doc.versions.dominatesOrEquals(numbered.versions));
    CHECK(office.server()->replication().numbers().find(awaiting.unid).value()->number == 1);

    // The numbering office's replica merges the two itself and pushes that: the same stub.
    const merge::MergeResult merged = merge::merge(numbered, stub);
    REQUIRE(merged.merged.isDeleted());
    auto again = office.connect(numberer, 3, other)->push({merged.merged});
    requireOk(again.status());
    CHECK(again->refused.empty());
    CHECK(encodeDocument(*office.server()->find(awaiting.unid).value()) == encodeDocument(merged.merged));
    // A replica pulls the stub with its number; one of protocol 6, which refuses a stub with
    // a live item, pulls it as a plain stub of the same vector.
    for (const int version : {protocol::kVersionMax, protocol::kVersionNumberedStubs - 1}) {
        INFO("protocol " << version);
        auto reader = office.connect(newInstanceId(), 0, kClerk, version);
        const auto pulled = reader->pull();
        requireOk(pulled.status());
        const auto it = std::find_if(pulled->begin(), pulled->end(),
                                     [&](const Document& d) { return d.unid == awaiting.unid; });
        REQUIRE(it != pulled->end());
        CHECK(it->isDeleted());
        CHECK(it->versions == merged.merged.versions);
        if (version >= protocol::kVersionNumberedStubs)
            CHECK(encodeDocument(*it) == encodeDocument(merged.merged));
        else
            CHECK(std::all_of(it->items.begin(), it->items.end(),
                              [](const Item& i) { return i.isTombstone(); }));
    }
    // The number stays given: another registration is never given it.
    const Document next = registration(office.incoming.unid, maker, 4, 0);
    auto nextPeer = office.connect(maker, 3);
    requireOk(nextPeer->push({next}, 1, false).status());
    auto nextAnswer =
        ask(*nextPeer, {NumberRequest{next.unid, office.incoming.unid, thisYear(), std::nullopt}});
    requireOk(nextAnswer.status());
    CHECK((*nextAnswer)[0].number == 2);
}

TEST_CASE("Hostile peer: a deletion stub keeps only the number the register gave the registration",
          "[server][hostile][numbering]")
{
    // A stub may keep a registration's number live (merge rule 5). A peer that may delete the
    // registration forges stubs keeping another number: refused, and the server keeps what it
    // held. The number it was given passes.
    Office office;
    letClerkDelete(office);
    const InstanceId instance = newInstanceId();
    auto peer = office.connect(instance, 5);
    const Document awaiting = registration(office.incoming.unid, instance, 1, 0);
    requireOk(peer->push({awaiting}, 1, false).status());
    const Document unnumbered = registration(office.incoming.unid, instance, 2, 0);
    requireOk(peer->push({unnumbered}, 2, false).status());
    auto answers = ask(*peer, {NumberRequest{awaiting.unid, office.incoming.unid, thisYear(), std::nullopt}});
    requireOk(answers.status());
    REQUIRE((*answers)[0].number == 1);

    const auto keeping = [&](const Document& doc, std::uint64_t counter, qint64 number) {
        Document stub = deletedBy(doc, instance, counter);
        Item item = Item::number(QStringLiteral("SoDen"), double(number));
        item.stamp = stub.items.front().stamp;
        stub.putItem(item);
        return stub;
    };
    // Another number than the one given, and a number for a registration never given one.
    for (const Document& forged : {keeping(awaiting, 3, 2), keeping(unnumbered, 3, 1)}) {
        auto ack = office.connect(instance, 3)->push({forged});
        requireOk(ack.status());
        REQUIRE(ack->refused.size() == 1);
        CHECK(ack->refused[0].code == ErrorCode::PermissionDenied);
        CHECK(ack->refused[0].message.contains(QStringLiteral("was not given")));
        CHECK_FALSE(office.server()->find(forged.unid).value()->isDeleted());
    }
    // The number given passes: the registration is deleted, the number still bound to it.
    auto ack = office.connect(instance, 4)->push({keeping(awaiting, 4, 1)});
    requireOk(ack.status());
    CHECK(ack->refused.empty());
    const Document stored = *office.server()->find(awaiting.unid).value();
    CHECK(stored.isDeleted());
    CHECK(stored.item(QStringLiteral("SoDen"))->toNumber() == 1);
}

TEST_CASE("Hostile peer: a registration stripped of everything but its number is refused, whatever the "
          "peer may delete",
          "[server][hostile][numbering]")
{
    // A live version that keeps the number and removes the register: leaving the register is
    // a Manager's correction. Deleting the registration is a deletion, not this.
    const bool mayDelete = GENERATE(false, true);
    INFO((mayDelete ? "the peer may delete documents" : "the peer may not delete documents"));
    Office office;
    if (mayDelete)
        letClerkDelete(office);
    const InstanceId instance = newInstanceId();
    auto peer = office.connect(instance, 4);
    const Document awaiting = registration(office.incoming.unid, instance, 1, 0);
    requireOk(peer->push({awaiting}, 1, false).status());
    auto answers = ask(*peer, {NumberRequest{awaiting.unid, office.incoming.unid, thisYear(), std::nullopt}});
    requireOk(answers.status());
    const Document numbered = numberedBy(awaiting, instance, 2, 1);
    requireOk(peer->push({numbered}, 2, false).status());
    Document stripped = deletedBy(numbered, instance, 3);
    stripped.flags &= ~Deleted;
    for (Item& item : stripped.items)
        if (item.name == QStringLiteral("SoDen"))
            item = numbered.items[size_t(&item - stripped.items.data())];
    auto ack = peer->push({stripped}, 3, true);
    requireOk(ack.status());
    REQUIRE(ack->refused.size() == 1);
    CHECK(ack->refused[0].code == ErrorCode::PermissionDenied);
    CHECK(office.server()->find(awaiting.unid).value()->text(QStringLiteral("SoVanBan")) ==
          office.incoming.unid.toHex());
}
