#pragma once

// What a server holds a pushed version to, as the authority over its registers
// (docs/registers.md §Numbering; issue #13). Pure: the caller looks up what is stored.
//
// - A register (form SoVanBan) is written only by a Designer or Manager of the database, and
//   must describe a register (registerFromDocument).
// - A registration's number never changes once given: a version that changes or removes the
//   number item (SoDen / So), or moves a numbered document to another register, is refused
//   unless the peer is a Manager of the database.
// - A number appearing in a registration must be the one the server bound to that document
//   in that register (RegisterNumbers): a number the peer chose itself, a number of another
//   document or of another register is refused, as is a number without a register. A
//   binding holds only in a register of the document's direction, the secret register for a
//   classified document (and only for it), and a yearly register's year of the document's
//   date. Pushed by another server where a third numbers the registers, a number not bound
//   here is taken as relayed (the register's rules still hold) unless it is bound here to
//   another registration.
// - A conflict document (docs/merge.md) keeps a losing version of its parent: the number it
//   shows is its parent's, never one of its own. It must be the number bound here to the
//   parent, or — where the parent's number was relayed from the numbering server — the
//   number the parent stored here holds, in the same register; the register's rules hold
//   as for the parent.
// - A deletion stub may keep a registration's number live (merge rule 5: a deletion wins over
//   the numbering that met it, docs/merge.md): the number must be the one stored here, or
//   bound here to the document, or — pushed where another server numbers the registers —
//   relayed. A stub's number shows nowhere; it stays bound, so it is never given again.
// - A registration awaiting its number (no number item), and an old document whose number is
//   unchanged, pass.
//
// Refusals are PermissionDenied (a policy refusal of a well-formed version) or
// InvalidArgument (a malformed register or registration), each with an English message the
// client shows in Vietnamese (client/core/ErrorText.h).

#include "common/model/Document.h"
#include "common/registers/Registers.h"
#include "common/store/RegisterNumbers.h"

#include <functional>
#include <optional>

namespace sen::registers {

struct RegisterLookup
{
    // The number bound to a registration (RegisterNumbers::find).
    std::function<Result<std::optional<NumberBinding>>(const Unid&)> binding;
    // The register a UNID names, if the replica holds it live.
    std::function<Result<std::optional<Register>>(const Unid&)> registerOf;
    // The registration holding a number in a register and period (RegisterNumbers::holder);
    // asked only for relayed numbers (RegisterRights::acceptsRelayedNumbers).
    std::function<Result<std::optional<Unid>>(const Unid& registerUnid, qint64 period, qint64 number)> holder;
    // The document stored under a UNID, if any (a conflict document's parent).
    std::function<Result<std::optional<Document>>(const Unid&)> stored;
};

struct RegisterRights
{
    bool mayEditRegisters = false; // Designer or above
    bool mayRenumber = false;      // Manager
    // The peer is a server of the organisation and another server numbers this database's
    // registers (docs/servers.md): a number this server did not bind is taken as relayed from
    // the numbering server, unless this server knows it bound to another registration.
    bool acceptsRelayedNumbers = false;
};

Status checkPushedVersion(const std::optional<Document>& stored, const Document& incoming,
                          const RegisterRights& rights, const RegisterLookup& lookup);

} // namespace sen::registers
