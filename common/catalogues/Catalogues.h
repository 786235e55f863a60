#pragma once

// The office's catalogues (danh mục, docs/catalogues.md; issue #13): the lists the forms offer
// — document types (ND 30 Phụ lục III and 66-QĐ/TW), copy types, issuing bodies with their
// identifier codes (mã định danh), the office's units, news categories — kept as data,
// replicated with their database and written by its Designers and Managers (as Notes kept
// keyword documents read by @DbColumn). Shared, GUI-free, by the client that offers them and
// the server that holds pushed entries to the rule.
//
// - An entry is a document of form `DanhMuc`: its catalogue (`LoaiDanhMuc`: the catalogue's
//   Vietnamese name as the form writes it, "Loại văn bản", or its code "LoaiVanBan"; compared
//   without marks, case or spaces), the value documents store (`Ten`), an abbreviation used
//   in ký hiệu (`VietTat`, Phụ lục III: "QĐ", "QyĐ"), the party's abbreviation where it
//   differs (`VietTatDang`, HD 36: "QĐi"), an identifier code (`MaDinhDanh`, an issuing
//   body's or a unit's mã định danh, at most 13 characters), an order (`ThuTu`) and whether it
//   is retired (`NgungDung`: "Có" — kept so old documents read, no longer offered).
// - Entries of one catalogue are told apart by their name, folded: two live entries with the
//   same folded name are one value (the first in order wins).

#include "common/core/Ids.h"
#include "common/model/Document.h"

#include <QString>

#include <optional>
#include <vector>

namespace sen::catalogues {

inline constexpr const char* kEntryForm = "DanhMuc";
inline constexpr const char* kItemCatalogue = "LoaiDanhMuc";
inline constexpr const char* kItemName = "Ten";
inline constexpr const char* kItemAbbreviation = "VietTat";
inline constexpr const char* kItemPartyAbbreviation = "VietTatDang";
inline constexpr const char* kItemCode = "MaDinhDanh";
inline constexpr const char* kItemOrder = "ThuTu";
inline constexpr const char* kItemRetired = "NgungDung";

// Lengths an entry is held to (characters): a name as the longest field that stores it
// (CoQuanBanHanh, Phụ lục VI), an abbreviation as a ký hiệu's part, a mã định danh as
// QĐ 20/2020/TT-BTTTT writes it ("000.00.00.H41").
inline constexpr int kMaxName = 200;
inline constexpr int kMaxAbbreviation = 30;
inline constexpr int kMaxCode = 13;

enum class Catalogue
{
    DocumentType, // "LoaiVanBan": loại văn bản
    CopyType,     // "LoaiBanSao": sao y, trích sao, sao lục
    IssuingBody,  // "CoQuanBanHanh": bodies that send the office documents, with mã định danh
    Unit,         // "DonVi": the office's own units (phòng, ban)
    NewsCategory, // "ChuyenMuc": the news site's categories
};

// Every catalogue, in the order the form offers them.
const std::vector<Catalogue>& allCatalogues();
// "LoaiVanBan", "LoaiBanSao", "CoQuanBanHanh", "DonVi", "ChuyenMuc": what senctl prints and accepts.
QString catalogueCode(Catalogue catalogue);
// The words the entry form stores ("Loại văn bản", "Loại bản sao", "Cơ quan ban hành",
// "Đơn vị", "Chuyên mục tin").
QString catalogueWord(Catalogue catalogue);
// The catalogue a code or a word names (folded), or nothing.
std::optional<Catalogue> catalogueFromText(const QString& text);

struct Entry
{
    Unid unid;
    Catalogue catalogue = Catalogue::DocumentType;
    QString name;
    QString abbreviation;
    QString partyAbbreviation; // empty: the same as `abbreviation`
    QString code;
    double order = 0;
    bool retired = false;

    // The abbreviation a ký hiệu of the party's style (HD 36) or the state's (ND 30) uses.
    QString abbreviationFor(bool partyStyle) const;
};

// The entry a live document of form DanhMuc describes; InvalidArgument naming the item for an
// unknown catalogue, a missing name, or a value longer than its bound.
Result<Entry> entryFromDocument(const Document& doc);
// The entries among `docs` of `catalogue` (every catalogue when none), sorted by order, then
// by folded name; documents that are not entries, and later entries with an earlier one's
// folded name, left out. Retired entries are kept (they have `retired` set).
std::vector<Entry> entriesFrom(const std::vector<Document>& docs,
                               std::optional<Catalogue> catalogue = std::nullopt);
// The entry of `entries` whose folded name is the folded `name`, or null.
const Entry* findByName(const std::vector<Entry>& entries, const QString& name);

// A name folded as entries are compared: without marks (đ as d), lower case, spaces simplified.
QString foldName(const QString& name);

// What a server holds a pushed version to: an entry is created, changed or deleted only by a
// Designer or Manager of the database (`mayEdit`), and must describe an entry. Versions of
// other forms pass. PermissionDenied / InvalidArgument with an English message.
Status checkPushedEntry(const std::optional<Document>& stored, const Document& incoming, bool mayEdit);

} // namespace sen::catalogues
