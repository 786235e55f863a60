// How a registration is prepared before its save while its number belongs to the server
// (client/forms/Numbering.h; docs/registers.md §Numbering): the register it takes, a typed
// number turned into a request, a given number that only a Manager may change.

#include "client/forms/Numbering.h"

#include <catch2/catch.hpp>

using namespace sen;
using namespace sen::registers;

namespace {

std::vector<Register> books()
{
    std::vector<Register> out;
    for (const auto& [direction, secret] :
         {std::pair{Direction::Incoming, false}, std::pair{Direction::Outgoing, false},
          std::pair{Direction::Incoming, true}}) {
        Register r;
        r.unid = newUnid();
        r.name = QStringLiteral("Sổ");
        r.direction = direction;
        r.secret = secret;
        out.push_back(r);
    }
    return out;
}

const Item* setItem(const DocumentEdit& edit, const QString& name)
{
    for (const Item& item : edit.sets())
        if (item.name == name)
            return &item;
    return nullptr;
}

} // namespace

TEST_CASE("Numbering: a new registration takes its register and a typed number becomes a request",
          "[client][numbering]")
{
    const auto registers = books();
    DocumentEdit edit = DocumentEdit::create(QStringLiteral("VanBanDen"));
    edit.set(Item::text(QStringLiteral("TrichYeu"), QStringLiteral("Công văn")))
        .set(Item::number(QStringLiteral("SoDen"), 1245));
    REQUIRE(forms::prepareNumbering(Document{}, edit, registers, false).isOk());
    REQUIRE(setItem(edit, QStringLiteral("SoVanBan")));
    CHECK(setItem(edit, QStringLiteral("SoVanBan"))->toText() == registers[0].unid.toHex());
    CHECK_FALSE(setItem(edit, QStringLiteral("SoDen")));
    REQUIRE(setItem(edit, QStringLiteral("SoDeNghi")));
    CHECK(setItem(edit, QStringLiteral("SoDeNghi"))->toNumber() == 1245);

    // A classified one takes the secret register; an outgoing one the outgoing register.
    DocumentEdit secret = DocumentEdit::create(QStringLiteral("VanBanDen"));
    secret.set(Item::text(QStringLiteral("DoMat"), QStringLiteral("Mật")));
    REQUIRE(forms::prepareNumbering(Document{}, secret, registers, false).isOk());
    CHECK(setItem(secret, QStringLiteral("SoVanBan"))->toText() == registers[2].unid.toHex());
    DocumentEdit outgoing = DocumentEdit::create(QStringLiteral("VanBanDi"));
    REQUIRE(forms::prepareNumbering(Document{}, outgoing, registers, false).isOk());
    CHECK(setItem(outgoing, QStringLiteral("SoVanBan"))->toText() == registers[1].unid.toHex());
}

TEST_CASE("Numbering: a given number changes only by a Manager, and then as a request", "[client][numbering]")
{
    const auto registers = books();
    Document numbered;
    numbered.unid = newUnid();
    numbered.form = QStringLiteral("VanBanDen");
    numbered.items = {Item::number(QStringLiteral("SoDen"), 7),
                      Item::text(QStringLiteral("SoVanBan"), registers[0].unid.toHex())};
    CHECK_FALSE(forms::isAwaitingNumber(numbered));

    DocumentEdit other = DocumentEdit::update(numbered.unid);
    other.set(Item::text(QStringLiteral("TrichYeu"), QStringLiteral("Sửa trích yếu")));
    REQUIRE(forms::prepareNumbering(numbered, other, registers, false).isOk());
    CHECK(other.sets().size() == 1); // nothing about the number

    DocumentEdit renumber = DocumentEdit::update(numbered.unid);
    renumber.set(Item::number(QStringLiteral("SoDen"), 8));
    CHECK(forms::prepareNumbering(numbered, renumber, registers, false).code() ==
          ErrorCode::PermissionDenied);
    REQUIRE(forms::prepareNumbering(numbered, renumber, registers, true).isOk());
    CHECK(setItem(renumber, QStringLiteral("SoDeNghi"))->toNumber() == 8);

    // An awaiting registration classified later moves to the secret register.
    Document awaiting = numbered;
    awaiting.items = {Item::text(QStringLiteral("SoVanBan"), registers[0].unid.toHex())};
    CHECK(forms::isAwaitingNumber(awaiting));
    DocumentEdit classify = DocumentEdit::update(awaiting.unid);
    classify.set(Item::text(QStringLiteral("DoMat"), QStringLiteral("Tối mật")));
    REQUIRE(forms::prepareNumbering(awaiting, classify, registers, false).isOk());
    CHECK(setItem(classify, QStringLiteral("SoVanBan"))->toText() == registers[2].unid.toHex());
}
