#include "common/registers/RegisterCheck.h"

#include "common/acl/SecrecyRule.h"

#include <algorithm>

namespace sen::registers {

namespace {

Status refuse(const QString& why)
{
    return Status(ErrorCode::PermissionDenied, why);
}

// The number item's value and the register item's text, compared as stored.
struct NumberState
{
    std::optional<double> number;
    QString registerText;
    friend bool operator==(const NumberState&, const NumberState&) = default;
};

NumberState stateOf(const Document& doc)
{
    NumberState state;
    if (const Item* n = doc.item(numberItem(doc.form)))
        state.number = n->type == ItemType::Number ? n->toNumber() : -1.0;
    state.registerText = doc.text(QLatin1String(kItemRegister)).trimmed();
    return state;
}

Status checkRegister(const std::optional<Document>& stored, const Document& incoming,
                     const RegisterRights& rights)
{
    if (incoming.isDeleted() && (!stored || stored->isDeleted()))
        return Status::ok();
    if (!rights.mayEditRegisters)
        return refuse(
            QStringLiteral("only a Designer or Manager of the database may create, change or delete a "
                           "register"));
    if (incoming.isDeleted())
        return Status::ok();
    return registerFromDocument(incoming).status();
}

// A deletion stub that keeps a registration's number live: what merge rule 5 makes of a
// deletion and the numbering that met it (docs/merge.md). Its number shows nowhere, yet it
// must be the document's: the one stored here, the one bound here, or — where another server
// numbers the registers and none is bound here — a relayed one.
Status checkDeletedNumber(const std::optional<Document>& stored, const Document& incoming,
                          const RegisterRights& rights, const RegisterLookup& lookup)
{
    const Item* item = incoming.item(numberItem(incoming.form));
    if (!item)
        return Status::ok();
    const double number = item->type == ItemType::Number ? item->toNumber() : -1.0;
    if (stored) {
        const Item* held = stored->item(numberItem(stored->form));
        if (held && held->type == ItemType::Number && held->toNumber() == number)
            return Status::ok();
    }
    SEN_ASSIGN_OR_RETURN(const std::optional<NumberBinding> binding, lookup.binding(incoming.unid));
    if (binding ? double(binding->number) == number : rights.acceptsRelayedNumbers)
        return Status::ok();
    return refuse(
        QStringLiteral("the number %1 was not given to this document by the register").arg(qint64(number)));
}

// The number a conflict document may show: its parent's, bound here or held by the parent
// stored here (a number relayed from the numbering server).
Result<std::optional<NumberBinding>> parentBinding(const Document& conflict, const Registration& reg,
                                                   const std::optional<Register>& book,
                                                   const RegisterLookup& lookup)
{
    const Unid parent = *conflict.parent;
    SEN_ASSIGN_OR_RETURN(std::optional<NumberBinding> binding, lookup.binding(parent));
    if (binding || !lookup.stored)
        return binding;
    SEN_ASSIGN_OR_RETURN(const std::optional<Document> stored, lookup.stored(parent));
    if (!stored || stored->isDeleted() || stored->form != conflict.form)
        return std::optional<NumberBinding>();
    const Result<std::optional<Registration>> held = registrationOf(*stored);
    if (!held.isOk() || !*held || !(*held)->number || (*held)->registerUnid != reg.registerUnid)
        return std::optional<NumberBinding>();
    const std::optional<qint64> dateMs = (*held)->dateMs ? (*held)->dateMs : reg.dateMs;
    const qint64 period = book && dateMs ? periodOf(*book, *dateMs, 0) : 0;
    return std::optional<NumberBinding>(
        NumberBinding{reg.registerUnid, period, *(*held)->number, parent, {}, 0});
}

} // namespace

Status checkPushedVersion(const std::optional<Document>& stored, const Document& incoming,
                          const RegisterRights& rights, const RegisterLookup& lookup)
{
    if (incoming.form == QLatin1String(kRegisterForm))
        return checkRegister(stored, incoming, rights);
    const auto direction = directionOfForm(incoming.form);
    if (!direction)
        return Status::ok();
    if (incoming.isDeleted())
        return checkDeletedNumber(stored, incoming, rights, lookup);

    const NumberState now = stateOf(incoming);
    const NumberState before = stored && !stored->isDeleted() ? stateOf(*stored) : NumberState{};
    if (now == before)
        return Status::ok();
    if (before.number && !rights.mayRenumber)
        return refuse(
            QStringLiteral("the number %1 of a registered document never changes; only a Manager of "
                           "the database may correct it")
                .arg(qint64(*before.number)));
    if (!now.number)
        return Status::ok(); // awaiting its number
    SEN_ASSIGN_OR_RETURN(const std::optional<Registration> reg, registrationOf(incoming));
    if (!reg)
        return refuse(QStringLiteral("a number is given by a register: the document names none"));
    SEN_ASSIGN_OR_RETURN(const std::optional<Register> book, lookup.registerOf(reg->registerUnid));
    std::optional<NumberBinding> binding;
    if (incoming.isConflict() && incoming.parent) {
        SEN_ASSIGN_OR_RETURN(binding, parentBinding(incoming, *reg, book, lookup));
    } else {
        SEN_ASSIGN_OR_RETURN(binding, lookup.binding(incoming.unid));
    }
    if (!binding && book && rights.acceptsRelayedNumbers && !incoming.isConflict()) {
        const qint64 period = reg->dateMs ? periodOf(*book, reg->dateMs, 0) : 0;
        const bool periodKnown = reg->dateMs || book->cycle == Cycle::Term;
        std::optional<Unid> holder;
        if (periodKnown) {
            SEN_ASSIGN_OR_RETURN(holder, lookup.holder(reg->registerUnid, period, *reg->number));
        }
        if (!holder || *holder == incoming.unid)
            binding = NumberBinding{reg->registerUnid, period, *reg->number, incoming.unid, {}, 0};
    }
    if (!binding || binding->registerUnid != reg->registerUnid || binding->number != *reg->number)
        return refuse(
            incoming.isConflict()
                ? QStringLiteral("the number %1 of a conflict document is not its parent's").arg(*reg->number)
                : QStringLiteral("the number %1 was not given to this document by the register")
                      .arg(*reg->number));
    if (!book)
        return refuse(QStringLiteral("the register %1 does not exist").arg(reg->registerUnid.toHex()));
    if (book->direction != *direction)
        return refuse(
            QStringLiteral("the register \"%1\" is not a register of this kind of document").arg(book->name));
    const bool classified = acl::secrecyOf(incoming) != acl::Secrecy::Unclassified;
    if (book->secret != classified)
        return refuse(classified ? QStringLiteral("a classified document is numbered in the secret register")
                                 : QStringLiteral("the secret register numbers classified documents only"));
    if (reg->dateMs && periodOf(*book, reg->dateMs, 0) != binding->period)
        return refuse(QStringLiteral("the document's date is not in the year its number was given for (%1)")
                          .arg(binding->period));
    return Status::ok();
}

} // namespace sen::registers
