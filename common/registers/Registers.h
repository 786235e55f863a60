#pragma once

// The office's registers (sổ đăng ký văn bản) and the numbers they give (docs/registers.md
// §Numbering; ND 30/2020 Art. 15, 22; issue #13). Shared, GUI-free, by the client that asks
// for numbers and the server that gives them and holds every pushed version to them.
//
// - A register is a document of form `SoVanBan` in the documents database, replicated like
//   any other and written by Designers and Managers: its name (`TenSo`), direction (`Huong`:
//   "Đến", "Đi", "Nội bộ" — or the codes "Den", "Di", "NoiBo"; compared without marks, case
//   or spaces), whether it is the separate register of classified documents (`Mat`: "Có", or
//   the number 1), and its cycle (`ChuKy`: "Năm", numbers start at 1 on 1 January, Vietnam
//   time; "Nhiệm kỳ", one run of numbers for the register's whole life, as a party series numbers
//   through its term — e.g. the series of `NQ/TW` of one Central Committee). A series names
//   the type and issuer abbreviations it numbers (`KyHieuLoai`, `KyHieuCoQuan`), empty for a
//   register of every type; the office's register of outgoing documents names the office's
//   own abbreviation (`KyHieuCoQuan`) so that the ký hiệu of what it issues is composed
//   (`KieuKyHieu`: the party's or the state's way, client/forms/CatalogueFill.h).
// - A registration is an incoming (`VanBanDen`, number item `SoDen`), outgoing (`VanBanDi`,
//   `So`) or internal (`VanBanNoiBo`, `So`) document whose item `SoVanBan` names its register
//   (the register's UNID in hex). Without its number item it is *awaiting a number*
//   ("chờ cấp số"). Its period is the Vietnam year of its date (`NgayDen` for an incoming
//   document, `NgayBanHanh` otherwise) in a yearly register, 0 in a register of a term.
// - Numbers are given by one authority, the server (server/net/RegisterAuthority.h), unique
//   and gap-free in each register and period; a number in a document must be the one the
//   server bound to that document (RegisterCheck.h).

#include "common/core/Ids.h"
#include "common/model/Document.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace sen::registers {

inline constexpr const char* kRegisterForm = "SoVanBan";
inline constexpr const char* kItemRegister = "SoVanBan"; // in a registration: its register's UNID
inline constexpr const char* kItemName = "TenSo";
inline constexpr const char* kItemDirection = "Huong";
inline constexpr const char* kItemSecret = "Mat";
inline constexpr const char* kItemCycle = "ChuKy";
inline constexpr const char* kItemTypeCode = "KyHieuLoai";
inline constexpr const char* kItemIssuerCode = "KyHieuCoQuan";
// How the register's ký hiệu are written: "Đảng" (HD 36: 36-NQ/TW, the default) or "Nhà nước"
// (ND 30: 15/QĐ-UBND); compared folded, the codes "Dang" and "NhaNuoc" too.
inline constexpr const char* kItemSymbolStyle = "KieuKyHieu";
// In a registration awaiting its number: the number typed by hand (re-registering paper),
// which the server gives only if it is free in the register.
inline constexpr const char* kItemRequested = "SoDeNghi";
// The replica setting naming the server that numbers this database's registers; empty: the
// organisation's hub (docs/servers.md, server/net/NumberingServer.h).
inline constexpr char16_t kNumberedBySetting[] = u"registers.numbered_by";

// The largest number a register gives or accepts typed (the number items hold at most 10
// digits, Phụ lục VI; a register of an office reaches a few thousand a year).
inline constexpr qint64 kMaxNumber = 999'999'999;
// Vietnam's civil time is UTC+7 all year (no daylight saving).
inline constexpr qint64 kVietnamOffsetMs = 7 * 3600 * 1000;

enum class Direction
{
    Incoming, // "Den"
    Outgoing, // "Di"
    Internal, // "NoiBo"
};

enum class Cycle
{
    Year, // "Nam": a run of numbers per calendar year
    Term, // "NhiemKy": one run for the register's life
};

struct Register
{
    Unid unid;
    QString name;
    Direction direction = Direction::Incoming;
    bool secret = false;
    Cycle cycle = Cycle::Year;
    QString typeCode;       // e.g. "NQ"; empty: every type
    QString issuerCode;     // e.g. "TW"; empty: any
    bool partyStyle = true; // KieuKyHieu: the party's way of writing a ký hiệu, else the state's
};

// The register a live document of form SoVanBan describes; InvalidArgument naming the item
// for a missing name, an unknown direction or cycle.
Result<Register> registerFromDocument(const Document& doc);
// The registers among `docs` (documents of form SoVanBan), in their order; documents that do
// not describe a register are left out.
std::vector<Register> registersFrom(const std::vector<Document>& docs);
// The register a registration of `direction` takes by default: the first of `registers` of
// that direction whose secrecy matches (the secret register for a classified document).
std::optional<Register> defaultRegister(const std::vector<Register>& registers, Direction direction,
                                        bool classified);

// The codes of a direction and a cycle ("Den", "Di", "NoiBo"; "Nam", "NhiemKy"), as senctl
// prints them.
QString directionCode(Direction direction);
// The word the register form stores for a direction ("Đến", "Đi", "Nội bộ").
QString directionWord(Direction direction);
QString cycleCode(Cycle cycle);
std::optional<Direction> directionFromCode(const QString& code);

// The registration forms: VanBanDen, VanBanDi, VanBanNoiBo.
const QStringList& registrationForms();
// The direction a form registers in, or nothing for a form that is not a registration.
std::optional<Direction> directionOfForm(const QString& form);
// The item holding the number a register gives, for a registration form ("SoDen", "So").
QString numberItem(const QString& form);
// The item whose date decides a registration's year ("NgayDen", "NgayBanHanh").
QString dateItem(const QString& form);
// Whether `item` of a document of `form` is what a numbering writes: a registration's number
// item, and for an outgoing or internal document the SoKyHieu composed with it. A deletion
// wins over an edit of these alone, and its stub may keep them live (docs/merge.md, rule 5).
bool isNumberingItem(const QString& form, const QString& item);

// What a registration says of its number.
struct Registration
{
    Unid registerUnid;               // its SoVanBan
    std::optional<qint64> number;    // its number item; nothing: awaiting a number
    std::optional<qint64> dateMs;    // its date item
    std::optional<qint64> requested; // SoDeNghi: a number typed by hand, awaiting the server
};
// The registration a live document is, or nothing: not a registration form, or no register
// named (an old document, registered before registers were data). InvalidArgument for a
// register item that is not a UNID in hex, a number item that is not a whole number in
// 1..kMaxNumber.
Result<std::optional<Registration>> registrationOf(const Document& doc);

// The Vietnam calendar year of a time (ms since the epoch).
int vietnamYear(qint64 ms);
// The period a registration dated `dateMs` (or, without a date, made at `nowMs`) takes in
// `reg`: its Vietnam year in a yearly register, 0 in a register of a term.
qint64 periodOf(const Register& reg, std::optional<qint64> dateMs, qint64 nowMs);

} // namespace sen::registers
