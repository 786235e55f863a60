#include "client/forms/CatalogueFill.h"

#include "client/forms/FormValidation.h"
#include "client/forms/Registration.h"

#include <QRegularExpression>

#include <algorithm>

namespace sen::forms {

namespace {

constexpr const char* kItemOrganId = "OrganId";
constexpr const char* kItemType = "LoaiVanBan";

QString resultingText(const Document& after, const char* name)
{
    const Item* item = after.item(QLatin1String(name));
    return item && !item->isTombstone() ? item->toText().trimmed() : QString();
}

bool fillOrganId(const Document& after, DocumentEdit& edit, const std::vector<catalogues::Entry>& entries)
{
    const QString issuer = resultingText(after, kItemIssuer);
    if (issuer.isEmpty() || !resultingText(after, kItemOrganId).isEmpty())
        return false;
    std::vector<catalogues::Entry> bodies;
    for (const catalogues::Entry& e : entries)
        if (e.catalogue == catalogues::Catalogue::IssuingBody)
            bodies.push_back(e);
    const catalogues::Entry* body = catalogues::findByName(bodies, issuer);
    if (!body || body->code.isEmpty())
        return false;
    edit.set(Item::text(QLatin1String(kItemOrganId), body->code));
    return true;
}

} // namespace

QString composeSymbol(const QString& typeAbbreviation, const QString& issuerCode, bool partyStyle)
{
    const QString type = typeAbbreviation.trimmed();
    const QString issuer = issuerCode.trimmed();
    if (type.isEmpty() || issuer.isEmpty())
        return type.isEmpty() ? issuer : type;
    return type + (partyStyle ? QLatin1Char('/') : QLatin1Char('-')) + issuer;
}

bool fillFromCatalogues(const Document& base, DocumentEdit& edit,
                        const std::vector<catalogues::Entry>& entries,
                        const std::vector<registers::Register>& registers)
{
    const QString form = edit.isCreate() ? edit.form() : base.form;
    const auto direction = registers::directionOfForm(form);
    if (!direction)
        return false;
    const Document after = applyEdit(base, edit);
    fillOrganId(after, edit, entries);
    if (*direction == registers::Direction::Incoming || !resultingText(after, kItemSymbol).isEmpty())
        return false;
    // A typed SoKyHieu with a ký hiệu of its own (an old way of entering it) stays too.
    const QString typed = resultingText(after, kItemComposed);
    if (!typed.isEmpty() && typed.contains(QRegularExpression(QStringLiteral("[^\\d\\s]"))))
        return false;
    const auto unid = Unid::fromHex(resultingText(after, registers::kItemRegister));
    const auto book = std::find_if(registers.begin(), registers.end(),
                                   [&](const registers::Register& r) { return unid && r.unid == *unid; });
    if (book == registers.end() || book->issuerCode.isEmpty())
        return false;
    QString type = book->typeCode;
    if (type.isEmpty()) {
        std::vector<catalogues::Entry> types;
        for (const catalogues::Entry& e : entries)
            if (e.catalogue == catalogues::Catalogue::DocumentType)
                types.push_back(e);
        if (const catalogues::Entry* entry = catalogues::findByName(types, resultingText(after, kItemType)))
            type = entry->abbreviationFor(book->partyStyle);
    }
    edit.set(Item::text(QLatin1String(kItemSymbol), composeSymbol(type, book->issuerCode, book->partyStyle)));
    return true;
}

} // namespace sen::forms
