#include "client/forms/Numbering.h"

#include "common/acl/SecrecyRule.h"

#include <algorithm>

namespace sen::forms {

using namespace registers;

namespace {

// The item as the saved version will hold it: the edit's, else the stored one (none when the
// edit removes it or neither has it). A copy: later sets move the edit's items.
std::optional<Item> resulting(const Document& base, const DocumentEdit& edit, const QString& name)
{
    for (const Item& item : edit.sets())
        if (item.name == name)
            return item;
    if (std::find(edit.removes().begin(), edit.removes().end(), name) != edit.removes().end())
        return std::nullopt;
    if (const Item* stored = base.item(name))
        return *stored;
    return std::nullopt;
}

bool classified(const Document& base, const DocumentEdit& edit)
{
    const std::optional<Item> level = resulting(base, edit, acl::secrecyItemName());
    return level && acl::secrecyFromText(level->toText()) != acl::Secrecy::Unclassified;
}

} // namespace

bool isAwaitingNumber(const Document& doc)
{
    return !doc.isDeleted() && directionOfForm(doc.form) && doc.item(QLatin1String(kItemRegister)) &&
           !doc.item(numberItem(doc.form));
}

Status prepareNumbering(const Document& base, DocumentEdit& edit, const std::vector<Register>& registers,
                        bool mayRenumber)
{
    const QString form = edit.isCreate() ? edit.form() : base.form;
    const auto direction = directionOfForm(form);
    if (!direction)
        return Status::ok();
    const QString numberName = numberItem(form);
    const QString registerName = QLatin1String(kItemRegister);
    const Item* storedNumber = base.item(numberName);
    const std::optional<Item> newNumber = resulting(base, edit, numberName);
    const Item* storedRegister = base.item(registerName);
    const std::optional<Item> newRegister = resulting(base, edit, registerName);

    if (storedNumber) {
        const bool numberChanged = !newNumber || !newNumber->sameContent(*storedNumber);
        const bool registerChanged =
            storedRegister && (!newRegister || !newRegister->sameContent(*storedRegister));
        if (!numberChanged && !registerChanged)
            return Status::ok(); // numbered (or an old document numbered before registers)
        if (!mayRenumber)
            return Status(
                ErrorCode::PermissionDenied,
                QStringLiteral("the number %1 of a registered document never changes; only a Manager "
                               "of the database may correct it")
                    .arg(qint64(storedNumber->toNumber())));
    }

    // The register: the one named, else the default of the direction and secrecy; an awaiting
    // registration follows its secrecy.
    const bool secret = classified(base, edit);
    bool keep = false;
    if (newRegister) {
        const auto unid = Unid::fromHex(newRegister->toText().trimmed());
        const auto named = std::find_if(registers.begin(), registers.end(),
                                        [&](const Register& r) { return unid && r.unid == *unid; });
        // A register this replica does not hold stays (the server judges it); an awaiting
        // registration in the register of the other secrecy moves.
        keep = named == registers.end() || newNumber || named->secret == secret;
    }
    if (!keep) {
        const std::optional<Register> chosen = defaultRegister(registers, *direction, secret);
        if (!chosen)
            return Status::ok(); // no register of this kind: the document stays as typed
        edit.set(Item::text(registerName, chosen->unid.toHex()));
    }

    // A number typed (or changed by a Manager) becomes a request the server must grant.
    if (newNumber && newNumber->type == ItemType::Number) {
        const double value = newNumber->toNumber();
        edit.remove(numberName);
        edit.set(Item::number(QLatin1String(kItemRequested), value));
    }
    return Status::ok();
}

} // namespace sen::forms
