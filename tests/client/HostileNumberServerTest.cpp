// The client against a hostile server (issue #13; docs/protocol.md §Numbers): the server is
// a peer, and a peer is a suspect. A listener with the office's real server certificate
// (HostileNumberServer.h) answers the clerk's NUMBER with what each case forges; the client's
// real session code and NumberRequests apply it to a real replica file. Nothing forged is
// written: the registrations stay awaiting their numbers, with the reason, and lose nothing.

#include "tests/client/HostileNumberServer.h"

#include "client/sync/NumberRequests.h"
#include "common/registers/DefaultRegisters.h"
#include "common/registers/Registers.h"
#include "replication/session/RemoteSession.h"
#include "replication/transport/TlsConfiguration.h"
#include "tests/server/RequireOk.h"
#include "tests/server/ServerFixture.h"

#include <QDateTime>

#include <catch2/catch.hpp>

using namespace sen;
using namespace sen::test;
using namespace sen::protocol;

namespace {

const QString kDb = QStringLiteral("vanban");
const QString kClerk = QStringLiteral("Trần Văn Bình");
const QString kAbstract = QStringLiteral("Về việc tổ chức hội nghị");

struct Office
{
    ServerFixture f;
    QSslConfiguration clerk;
    std::unique_ptr<ReplicaStore> store;
    registers::Register incoming;
    registers::Register secretIncoming;

    Office()
    {
        f.createDatabase(kDb, acl::AccessLevel::Editor);
        {
            auto server = ReplicaStore::open(f.serverPath(kDb));
            REQUIRE(server.isOk());
            requireOk(registers::createDefaultRegisters(**server));
        }
        clerk = f.user(kClerk);
        store = f.clientReplica(QStringLiteral("clerk.sen"), kDb, clerk);
        requireOk(f.sync(*store, kDb, clerk));
        auto docs = store->documentsOfForm(QLatin1String(registers::kRegisterForm));
        requireOk(docs.status());
        for (const registers::Register& r : registers::registersFrom(*docs))
            if (r.direction == registers::Direction::Incoming)
                (r.secret ? secretIncoming : incoming) = r;
        REQUIRE(!incoming.unid.isNull());
        REQUIRE(!secretIncoming.unid.isNull());
    }

    // An incoming registration in the ordinary register, arrived today: awaiting a number, or
    // with the number `typed` by hand, or showing `number` (0: none).
    Unid registration(std::optional<qint64> typed = std::nullopt, qint64 number = 0)
    {
        DocumentEdit edit = DocumentEdit::create(QStringLiteral("VanBanDen"));
        edit.set(Item::text(QStringLiteral("TrichYeu"), kAbstract));
        edit.set(Item::text(QStringLiteral("SoVanBan"), incoming.unid.toHex()));
        edit.set(Item::dateTime(QStringLiteral("NgayDen"), QDateTime::currentDateTimeUtc()));
        if (typed)
            edit.set(Item::number(QStringLiteral("SoDeNghi"), double(*typed)));
        if (number > 0)
            edit.set(Item::number(QStringLiteral("SoDen"), double(number)));
        auto saved = store->save(edit);
        requireOk(saved.status());
        return saved->unid;
    }

    // One session of the client's numbering code (as `senctl doc create` runs it, without the
    // push) against a hostile server answering with `answer`.
    Status numberAgainst(const HostileNumberServer::Answer& answer)
    {
        auto tls = makeTlsConfiguration(f.serverCredentials(), f.serverCredentials().certifierDer());
        requireOk(tls.status());
        HostileNumberServer hostile(*tls, answer);
        REQUIRE(hostile.isListening());
        auto endpoint = RemoteEndpoint::parse(QStringLiteral("127.0.0.1:%1").arg(hostile.serverPort()), kDb);
        requireOk(endpoint.status());
        SessionOptions options;
        options.pull = false;
        options.push = false;
        options.numbering = std::make_shared<client::NumberRequests>(*store);
        RemoteSession session(*store, clerk, *endpoint, options);
        const Status status = session.runBlocking(20'000);
        REQUIRE_FALSE(hostile.asked().empty()); // the client did ask this server
        return status;
    }

    // The registration's number, or nothing while it awaits one; its abstract is intact.
    std::optional<qint64> numberOf(const Unid& unid)
    {
        auto doc = store->get(unid);
        requireOk(doc.status());
        REQUIRE(doc->item(QStringLiteral("TrichYeu"))->toText() == kAbstract);
        const Item* n = doc->item(QStringLiteral("SoDen"));
        return n ? std::optional<qint64>(qint64(n->toNumber())) : std::nullopt;
    }

    QString refusalOf(const Unid& unid)
    {
        auto refusals = client::NumberRequests::refusals(*store);
        requireOk(refusals.status());
        return refusals->value(unid.toHex()).toString();
    }
};

// The honest answer: numbers from `first` on, in order.
HostileNumberServer::Answer inOrder(qint64 first)
{
    return [first](const std::vector<NumberRequest>& asked) {
        std::vector<NumberAnswer> out;
        for (std::size_t i = 0; i < asked.size(); ++i)
            out.push_back(NumberAnswer{asked[i].unid, first + qint64(i), ErrorCode::Ok, {}});
        return out;
    };
}

} // namespace

TEST_CASE("Hostile server: an honest answer through the same code is written", "[client][hostile][numbering]")
{
    // The control for the cases below: the same server, answering right, numbers both.
    Office office;
    const Unid a = office.registration();
    const Unid b = office.registration(std::optional<qint64>(900));
    requireOk(office.numberAgainst([](const std::vector<NumberRequest>& asked) {
        std::vector<NumberAnswer> out;
        for (const NumberRequest& r : asked)
            out.push_back(NumberAnswer{r.unid, r.requested.value_or(1), ErrorCode::Ok, {}});
        return out;
    }));
    CHECK(office.numberOf(a) == 1);
    CHECK(office.numberOf(b) == 900);
    CHECK(office.store->get(b)->item(QStringLiteral("SoDeNghi")) == nullptr);
}

TEST_CASE("Hostile server: an answer for other documents or another count ends the session and writes "
          "nothing",
          "[client][hostile][numbering]")
{
    Office office;
    const Unid a = office.registration();
    const Unid b = office.registration();
    const Unid c = office.registration();
    HostileNumberServer::Answer forged;
    QString said;
    SECTION("a document never asked about")
    {
        forged = [](const std::vector<NumberRequest>& asked) {
            std::vector<NumberAnswer> out = inOrder(1)(asked);
            out[1].unid = newUnid();
            return out;
        };
        said = QStringLiteral("another document");
    }
    SECTION("more entries than requests")
    {
        forged = [](const std::vector<NumberRequest>& asked) {
            std::vector<NumberAnswer> out = inOrder(1)(asked);
            out.push_back(NumberAnswer{newUnid(), 4, ErrorCode::Ok, {}});
            return out;
        };
        said = QStringLiteral("not the 3 asked");
    }
    SECTION("fewer entries than requests")
    {
        forged = [](const std::vector<NumberRequest>& asked) {
            std::vector<NumberAnswer> out = inOrder(1)(asked);
            out.pop_back();
            return out;
        };
        said = QStringLiteral("not the 3 asked");
    }
    SECTION("the same entry twice")
    {
        forged = [](const std::vector<NumberRequest>& asked) {
            std::vector<NumberAnswer> out = inOrder(1)(asked);
            out[1] = out[0];
            return out;
        };
        said = QStringLiteral("another document");
    }
    requireError(office.numberAgainst(forged), ErrorCode::ProtocolError, said);
    for (const Unid& unid : {a, b, c})
        CHECK_FALSE(office.numberOf(unid).has_value());
}

TEST_CASE("Hostile server: a number 0, negative or beyond the largest ends the session and writes nothing",
          "[client][hostile][numbering]")
{
    Office office;
    const Unid a = office.registration();
    const Unid b = office.registration();
    for (const qint64 bad : {qint64(0), qint64(-7), registers::kMaxNumber + 1}) {
        requireError(office.numberAgainst([bad](const std::vector<NumberRequest>& asked) {
            std::vector<NumberAnswer> out = inOrder(1)(asked);
            out[1].number = bad;
            return out;
        }),
                     ErrorCode::ProtocolError, QStringLiteral("number answer"));
        CHECK_FALSE(office.numberOf(a).has_value());
        CHECK_FALSE(office.numberOf(b).has_value());
    }
}

TEST_CASE("Hostile server: a number other than the typed one, one number for two documents — the "
          "registrations wait, with the reason",
          "[client][hostile][numbering]")
{
    Office office;
    const Unid typed = office.registration(std::optional<qint64>(900));
    const Unid twiceA = office.registration();
    const Unid twiceB = office.registration();
    const Unid fine = office.registration();
    const Unid refused = office.registration();
    requireOk(office.numberAgainst([&](const std::vector<NumberRequest>& asked) {
        std::vector<NumberAnswer> out;
        for (const NumberRequest& r : asked) {
            NumberAnswer a{r.unid, std::nullopt, ErrorCode::Ok, {}};
            if (r.unid == typed)
                a.number = 901;
            else if (r.unid == twiceA || r.unid == twiceB)
                a.number = 5;
            else if (r.unid == fine)
                a.number = 7;
            else
                a = NumberAnswer{r.unid, std::nullopt, ErrorCode::Busy,
                                 QStringLiteral("full\nFAKE: line\x01")};
            out.push_back(a);
        }
        return out;
    }));
    CHECK(office.numberOf(fine) == 7);
    for (const Unid& unid : {typed, twiceA, twiceB, refused}) {
        CHECK_FALSE(office.numberOf(unid).has_value());
        CHECK_FALSE(office.refusalOf(unid).isEmpty());
    }
    CHECK(office.refusalOf(typed).contains(QStringLiteral("901 for the number 900 typed")));
    CHECK(office.store->get(typed)->item(QStringLiteral("SoDeNghi"))->toNumber() == 900);
    CHECK(office.refusalOf(twiceA).contains(QStringLiteral("more than one registration")));
    CHECK(office.refusalOf(twiceB).contains(QStringLiteral("more than one registration")));
    CHECK(office.refusalOf(refused) == QStringLiteral("full FAKE: line "));
    CHECK(office.refusalOf(fine).isEmpty());

    // The next session asks again for every one still waiting, and takes honest numbers.
    requireOk(office.numberAgainst(inOrder(10)));
    for (const Unid& unid : {twiceA, twiceB, refused}) {
        CHECK(office.numberOf(unid).has_value());
        CHECK(office.refusalOf(unid).isEmpty());
    }
}

TEST_CASE("Hostile server: a number the session already wrote into another registration is not written "
          "again",
          "[client][hostile][numbering]")
{
    // 260 registrations go in two NUMBER messages (256 a message); the second answer starts
    // again from 1.
    Office office;
    std::vector<Unid> all;
    requireOk(office.store->batch([&] {
        for (int i = 0; i < kMaxNumberRequests + 4; ++i)
            all.push_back(office.registration());
        return Status::ok();
    }));
    requireOk(office.numberAgainst(inOrder(1)));
    for (int i = 0; i < kMaxNumberRequests; ++i)
        REQUIRE(office.numberOf(all[i]) == i + 1);
    for (int i = kMaxNumberRequests; i < int(all.size()); ++i) {
        CHECK_FALSE(office.numberOf(all[i]).has_value());
        CHECK(office.refusalOf(all[i]).contains(QStringLiteral("another registration in this session")));
    }
}

TEST_CASE("Hostile server: a number for a registration that shows one, or whose register changed meanwhile, "
          "is not written",
          "[client][hostile][numbering]")
{
    // While the answer is on its way, another sync (here: another connection to the file)
    // numbers one registration and moves another to the secret register.
    Office office;
    const Unid numbered = office.registration();
    const Unid moved = office.registration();
    requireOk(office.numberAgainst([&](const std::vector<NumberRequest>& asked) {
        auto other = ReplicaStore::open(office.store->path());
        REQUIRE(other.isOk());
        DocumentEdit number = DocumentEdit::update(numbered);
        number.set(Item::number(QStringLiteral("SoDen"), 4));
        requireOk((*other)->save(number).status());
        DocumentEdit move = DocumentEdit::update(moved);
        move.set(Item::text(QStringLiteral("SoVanBan"), office.secretIncoming.unid.toHex()));
        requireOk((*other)->save(move).status());
        return inOrder(8)(asked);
    }));
    CHECK(office.numberOf(numbered) == 4);
    CHECK(office.refusalOf(numbered).isEmpty());
    CHECK_FALSE(office.numberOf(moved).has_value());
    CHECK(office.refusalOf(moved).contains(QStringLiteral("changed while its number was asked")));
}
