// The registers' rules shared by client and server (common/registers; docs/registers.md): what a
// registration is, its period in Vietnam time, the server's check of a pushed version, and
// the numbers' table in a real replica file.

#include "common/registers/Registers.h"

#include "common/registers/DefaultRegisters.h"
#include "common/registers/RegisterCheck.h"
#include "common/store/ReplicaStore.h"
#include "common/store/ReplicaSync.h"
#include "tests/support/TempDir.h"

#include <QDateTime>

#include <algorithm>
#include <catch2/catch.hpp>

using namespace sen;
using namespace sen::registers;

namespace {

Register incomingBook()
{
    Register r;
    r.unid = newUnid();
    r.name = QStringLiteral("Sổ đăng ký văn bản đến");
    return r;
}

Document registration(const Register& book, std::optional<qint64> number, const QString& secrecy = {})
{
    Document doc;
    doc.unid = newUnid();
    doc.form = QStringLiteral("VanBanDen");
    if (number)
        doc.items.push_back(Item::number(QStringLiteral("SoDen"), double(*number)));
    if (!secrecy.isEmpty())
        doc.items.push_back(Item::text(QStringLiteral("DoMat"), secrecy));
    doc.items.push_back(Item::text(QStringLiteral("SoVanBan"), book.unid.toHex()));
    std::sort(doc.items.begin(), doc.items.end(),
              [](const Item& a, const Item& b) { return a.name < b.name; });
    return doc;
}

RegisterLookup lookupOf(const Register& book, std::optional<NumberBinding> binding)
{
    RegisterLookup l;
    l.binding = [binding](const Unid& unid) -> Result<std::optional<NumberBinding>> {
        if (binding && binding->unid == unid)
            return binding;
        return std::optional<NumberBinding>();
    };
    l.registerOf = [book](const Unid& unid) -> Result<std::optional<Register>> {
        return unid == book.unid ? std::optional<Register>(book) : std::nullopt;
    };
    return l;
}

} // namespace

TEST_CASE("Registers: the Vietnam year turns at midnight UTC+7", "[registers]")
{
    const qint64 lastMomentVn =
        QDateTime(QDate(2026, 12, 31), QTime(16, 59, 59), Qt::UTC).toMSecsSinceEpoch();
    CHECK(vietnamYear(lastMomentVn) == 2026);
    CHECK(vietnamYear(lastMomentVn + 1000) == 2027); // 00:00 on 1 January in Hà Nội
    Register term = incomingBook();
    term.cycle = Cycle::Term;
    CHECK(periodOf(term, lastMomentVn, 0) == 0);
    CHECK(periodOf(incomingBook(), std::nullopt, lastMomentVn + 1000) == 2027);
}

TEST_CASE("Registers: the server's check of a pushed registration", "[registers]")
{
    const Register book = incomingBook();
    const RegisterRights editor{false, false};
    Document doc = registration(book, 7);
    const NumberBinding bound{book.unid, 2026, 7, doc.unid, QStringLiteral("a"), 0};

    // A number given by the server passes; one it did not give, or gave another document, not.
    CHECK(checkPushedVersion(std::nullopt, doc, editor, lookupOf(book, bound)).isOk());
    CHECK(checkPushedVersion(std::nullopt, doc, editor, lookupOf(book, std::nullopt)).code() ==
          ErrorCode::PermissionDenied);
    NumberBinding other = bound;
    other.number = 8;
    CHECK(checkPushedVersion(std::nullopt, doc, editor, lookupOf(book, other)).code() ==
          ErrorCode::PermissionDenied);

    // Awaiting (no number) passes; once numbered, a change is a Manager's only.
    CHECK(checkPushedVersion(std::nullopt, registration(book, std::nullopt), editor, lookupOf(book, {}))
              .isOk());
    Document changed = doc;
    for (Item& item : changed.items)
        if (item.name == QStringLiteral("SoDen"))
            item = Item::number(QStringLiteral("SoDen"), 8);
    CHECK(checkPushedVersion(doc, changed, editor, lookupOf(book, bound)).code() ==
          ErrorCode::PermissionDenied);
    NumberBinding rebound = bound;
    rebound.number = 8;
    CHECK(checkPushedVersion(doc, changed, RegisterRights{true, true}, lookupOf(book, rebound)).isOk());

    // A classified document belongs in the secret register only.
    Document secret = registration(book, 7, QStringLiteral("Mật"));
    NumberBinding secretBound = bound;
    secretBound.unid = secret.unid;
    CHECK(checkPushedVersion(std::nullopt, secret, editor, lookupOf(book, secretBound)).code() ==
          ErrorCode::PermissionDenied);

    // Registers are written by Designers and Managers.
    Document reg;
    reg.unid = newUnid();
    reg.form = QStringLiteral("SoVanBan");
    reg.items = {Item::text(QStringLiteral("Huong"), QStringLiteral("Den")),
                 Item::text(QStringLiteral("TenSo"), QStringLiteral("Sổ mới"))};
    CHECK(checkPushedVersion(std::nullopt, reg, editor, lookupOf(book, {})).code() ==
          ErrorCode::PermissionDenied);
    CHECK(checkPushedVersion(std::nullopt, reg, RegisterRights{true, false}, lookupOf(book, {})).isOk());
    reg.items[0] = Item::text(QStringLiteral("Huong"), QStringLiteral("Ngang"));
    CHECK(checkPushedVersion(std::nullopt, reg, RegisterRights{true, false}, lookupOf(book, {})).code() ==
          ErrorCode::InvalidArgument);
}

TEST_CASE("Registers: a conflict document shows its parent's number, never one of its own", "[registers]")
{
    const Register book = incomingBook();
    const RegisterRights editor{false, false};
    const Document parent = registration(book, 7);
    Document conflict = registration(book, 7);
    conflict.flags = IsConflict;
    conflict.parent = parent.unid;
    const NumberBinding bound{book.unid, 2026, 7, parent.unid, QStringLiteral("a"), 0};

    // Bound here to its parent: it passes, though nothing is bound to the conflict's UNID.
    CHECK(checkPushedVersion(std::nullopt, conflict, editor, lookupOf(book, bound)).isOk());
    // Another number than the parent's, or a parent with none bound and none stored: refused.
    Document other = registration(book, 8);
    other.unid = conflict.unid;
    other.flags = IsConflict;
    other.parent = parent.unid;
    const Status wrong = checkPushedVersion(std::nullopt, other, editor, lookupOf(book, bound));
    CHECK(wrong.code() == ErrorCode::PermissionDenied);
    CHECK(wrong.message().contains(QStringLiteral("conflict document")));
    CHECK(checkPushedVersion(std::nullopt, conflict, editor, lookupOf(book, std::nullopt)).code() ==
          ErrorCode::PermissionDenied);
    // A number bound to the conflict's own UNID is not the parent's.
    NumberBinding own = bound;
    own.unid = conflict.unid;
    CHECK(checkPushedVersion(std::nullopt, conflict, editor, lookupOf(book, own)).code() ==
          ErrorCode::PermissionDenied);

    // Where the parent's number was relayed (not bound here), the parent stored here holds it.
    RegisterLookup relayed = lookupOf(book, std::nullopt);
    std::optional<Document> storedParent = parent;
    relayed.stored = [&storedParent](const Unid& unid) -> Result<std::optional<Document>> {
        return storedParent && storedParent->unid == unid ? storedParent : std::nullopt;
    };
    CHECK(checkPushedVersion(std::nullopt, conflict, editor, relayed).isOk());
    CHECK(checkPushedVersion(std::nullopt, other, editor, relayed).code() == ErrorCode::PermissionDenied);
    storedParent->flags = Deleted; // a parent deleted here shows no number
    CHECK(checkPushedVersion(std::nullopt, conflict, editor, relayed).code() == ErrorCode::PermissionDenied);
    // A document that is not a conflict takes nothing from a parent.
    storedParent = parent;
    Document plain = conflict;
    plain.flags = 0;
    CHECK(checkPushedVersion(std::nullopt, plain, editor, relayed).code() == ErrorCode::PermissionDenied);
}

TEST_CASE("Registers: numbers are bound once in a real replica file", "[registers][store]")
{
    test::TempDir dir;
    ReplicaCreateOptions options;
    auto store = ReplicaStore::create(dir.path(QStringLiteral("so.sen")), options);
    REQUIRE(store.isOk());
    REQUIRE(createDefaultRegisters(**store).isOk());
    const auto books = registersFrom((*store)->documentsOfForm(QStringLiteral("SoVanBan")).value());
    REQUIRE(books.size() == 5);
    REQUIRE(defaultRegister(books, Direction::Incoming, true)->secret);

    RegisterNumbers& numbers = (*store)->replication().numbers();
    const Unid a = newUnid(), b = newUnid();
    REQUIRE(numbers.bind({books[0].unid, 2026, 1, a, QStringLiteral("x"), 1}).isOk());
    CHECK(numbers.bind({books[0].unid, 2026, 1, b, QStringLiteral("x"), 1}).code() == ErrorCode::Conflict);
    CHECK(numbers.bind({books[0].unid, 2026, 2, a, QStringLiteral("x"), 1}).code() == ErrorCode::Conflict);
    REQUIRE(numbers.bind({books[0].unid, 2026, 2, b, QStringLiteral("x"), 1}).isOk());
    CHECK(numbers.last(books[0].unid, 2026).value() == 2);
    CHECK(numbers.last(books[0].unid, 2027).value() == 0);
    CHECK(numbers.find(b).value()->number == 2);
    CHECK(numbers.pendingBy(QStringLiteral("x")).value() == 2); // neither document is in the file
    const auto tallies = numbers.tallies().value();
    REQUIRE(tallies.size() == 1);
    CHECK(tallies[0].count == 2);
}
