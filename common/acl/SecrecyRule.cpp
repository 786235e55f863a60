#include "common/acl/SecrecyRule.h"

#include "common/acl/NameMatch.h"
#include "common/identity/HierarchicalName.h"

#include <algorithm>

namespace sen::acl {

namespace {
// Normalisation-insensitive, case-insensitive, mark-insensitive form without invisible
// characters: "Tối  mật", "ＴＯＩ MAT" and "Mật" + U+200B -> "toi mat", "toi mat", "mat".
QString foldVietnamese(const QString& text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString folded;
    folded.reserve(decomposed.size());
    for (QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing || c.category() == QChar::Other_Format)
            continue;
        if (c == u'đ' || c == u'Đ')
            c = u'd';
        folded += c;
    }
    return folded.toCaseFolded().simplified();
}

} // namespace

bool isRegisterField(const Item& item)
{
    switch (item.type) {
    case ItemType::Names:
    case ItemType::Readers:
    case ItemType::Authors:
        return true;
    case ItemType::Text:
    case ItemType::TextList:
    case ItemType::Number:
    case ItemType::DateTime: {
        const QStringList& allowed = registerItemNames();
        return std::any_of(allowed.cbegin(), allowed.cend(), [&](const QString& name) {
            return name.compare(item.name, Qt::CaseInsensitive) == 0;
        });
    }
    case ItemType::RichText:
    case ItemType::Attachment:
        return false;
    }
    return false;
}

namespace {

QString refusedWhat(const Item& item)
{
    switch (item.type) {
    case ItemType::RichText:
        return QStringLiteral("rich-text item");
    case ItemType::Attachment:
        return QStringLiteral("attachment item");
    default:
        return QStringLiteral("%1 item, which is not a register field,").arg(itemTypeName(item.type));
    }
}
} // namespace

QString secrecyItemName()
{
    return QStringLiteral("DoMat");
}

QString secrecyDisplayName(Secrecy secrecy)
{
    switch (secrecy) {
    case Secrecy::Mat:
        return QStringLiteral("Mật");
    case Secrecy::ToiMat:
        return QStringLiteral("Tối mật");
    case Secrecy::TuyetMat:
        return QStringLiteral("Tuyệt mật");
    case Secrecy::Unclassified:
        break;
    }
    return QString();
}

std::optional<Secrecy> knownSecrecy(const QString& text)
{
    const QString folded = foldVietnamese(text);
    if (folded == u"mat")
        return Secrecy::Mat;
    if (folded == u"toi mat")
        return Secrecy::ToiMat;
    if (folded == u"tuyet mat")
        return Secrecy::TuyetMat;
    // What the forms write for an ordinary document (FormCatalog::secrecyChoices), and an
    // empty choice.
    if (folded.isEmpty() || folded == u"thuong" || folded == u"khong mat")
        return Secrecy::Unclassified;
    return std::nullopt;
}

Secrecy secrecyFromText(const QString& text)
{
    return knownSecrecy(text).value_or(Secrecy::Unclassified);
}

Secrecy secrecyOf(const Document& doc)
{
    Secrecy highest = Secrecy::Unclassified;
    for (const Item& item : doc.items) {
        if (item.isTombstone() || item.name.compare(secrecyItemName(), Qt::CaseInsensitive) != 0)
            continue;
        if (item.type != ItemType::Text && item.type != ItemType::TextList)
            continue;
        const QStringList values = item.toList();
        for (const QString& value : values)
            highest = std::max(highest, secrecyFromText(value));
    }
    return highest;
}

const QStringList& registerItemNames()
{
    static const QStringList kNames{
        QStringLiteral("SoKyHieu"),      // number and symbol ("125/QĐ-UBND")
        QStringLiteral("SoDen"),         // arrival number
        QStringLiteral("NgayBanHanh"),   // date issued
        QStringLiteral("NgayDen"),       // arrival date
        QStringLiteral("CoQuanBanHanh"), // issuer
        QStringLiteral("LoaiVanBan"),    // document type
        QStringLiteral("TrichYeu"),      // trích yếu: the one-line abstract
        QStringLiteral("NguoiKy"),       // signer
        QStringLiteral("NguoiXuLy"),     // handler
        QStringLiteral("DoKhan"),        // urgency
        QStringLiteral("DoMat"),         // secrecy
        QStringLiteral("HanXuLy"),       // deadline
        QStringLiteral("NoiNhan"),       // recipients
        QStringLiteral("SoBan"),         // copies issued (a column of the outgoing register)
        QStringLiteral("TrangThai"),     // status
        QStringLiteral("NoiLuuBanGiay"), // where the paper original is kept
        QStringLiteral("So"),            // the number alone (CodeNumber)
        QStringLiteral("KyHieu"),        // the symbol alone (CodeNotation)
        QStringLiteral("OrganId"),       // the issuer's identifier code (mã định danh)
        QStringLiteral("NgonNgu"),       // language
        QStringLiteral("SoTrang"),       // page count
        QStringLiteral("ChucVuNguoiKy"), // the signer's position
        QStringLiteral("DocOrdinal"),    // position in the dossier
        QStringLiteral("SoVanBan"),      // the register that numbers it (a document ID)
        QStringLiteral("SoDeNghi"),      // a number typed by hand, awaiting the server
        QStringLiteral("LoaiBanSao"),    // copy type (sao y, trích sao, sao lục)
        // The edXML DocumentId of a document received through the exchange (QCVN 102:2016).
        QStringLiteral("MaVanBanDienTu"),
    };
    return kNames;
}

int registerFieldLength(const QString& itemName)
{
    // ND 30/2020 Phụ lục VI (docs/access-control.md §The secrecy rule has the same table).
    struct Field
    {
        const char16_t* name;
        int length;
    };
    static constexpr Field kFields[] = {
        {u"SoKyHieu", 42},       // CodeNumber (String 11) + "/" + CodeNotation (String 30)
        {u"SoDen", 10},          // ArrivalNumber (Number 10)
        {u"NgayBanHanh", 10},    // IssuedDate (Date 10)
        {u"NgayDen", 10},        // ArrivalDate (Date 10)
        {u"CoQuanBanHanh", 200}, // OrganName (String 200)
        {u"LoaiVanBan", 100},    // TypeName (String 100)
        {u"TrichYeu", 500},      // Subject (String 500)
        {u"NguoiKy", 150},       // SignerInfo: Position (100) + FullName (50)
        {u"NguoiXuLy", 1000},    // ToPlaces (String 1000)
        {u"DoKhan", 30},         // Priority (Number 1), written as a word of the form's choice
        {u"DoMat", 30},          // Priority (Number 1), written as a word of the form's choice
        {u"HanXuLy", 10},        // DueDate (Date 10)
        {u"NoiNhan", 1000},      // To / ToPlaces (String 1000)
        {u"SoBan", 3},           // IssuedAmount (Number 3)
        {u"TrangThai", 100},     // a status word of the form's choice
        {u"NoiLuuBanGiay", 500}, // Description (String 500)
        {u"So", 11},             // CodeNumber (String 11)
        {u"KyHieu", 30},         // CodeNotation (String 30)
        {u"OrganId", 13},        // OrganId (String 13)
        {u"NgonNgu", 30},        // Language (String 30)
        {u"SoTrang", 3},         // PageAmount (Number 3)
        {u"ChucVuNguoiKy", 100}, // SignerInfo: Position (String 100)
        {u"DocOrdinal", 3},      // DocOrdinal (Number 3)
        {u"SoVanBan", 32},       // the register's document ID in hex (Sen's own)
        {u"SoDeNghi", 10},       // as ArrivalNumber (Number 10)
        {u"LoaiBanSao", 100},    // as TypeName (String 100): a copy type of the catalogue
        // edXML DocumentId (QCVN 102:2016): Sen's bound, beyond any ID the exchange makes.
        {u"MaVanBanDienTu", 100},
    };
    for (const Field& field : kFields) {
        if (QStringView(field.name).compare(itemName, Qt::CaseInsensitive) == 0)
            return field.length;
    }
    return 0;
}

namespace {

Status refuse(const Document& doc, const QString& why)
{
    return Status(ErrorCode::PermissionDenied, QStringLiteral("document %1: %2").arg(doc.unid.toHex(), why));
}

// The classification items decide alone, and only in a form the rule knows.
Result<Secrecy> classification(const Document& doc)
{
    Secrecy highest = Secrecy::Unclassified;
    for (const Item& item : doc.items) {
        if (item.isTombstone() || item.name.compare(secrecyItemName(), Qt::CaseInsensitive) != 0)
            continue;
        if (item.type != ItemType::Text)
            return refuse(doc, QStringLiteral("its classification item \"%1\" is a %2 item, not text")
                                   .arg(item.name, itemTypeName(item.type)));
        const QString value = item.value.toString();
        const std::optional<Secrecy> known = knownSecrecy(value);
        if (!known)
            return refuse(doc, QStringLiteral("its classification \"%1\" is not one of Thường, Mật, Tối mật, "
                                              "Tuyệt mật")
                                   .arg(value.left(40)));
        highest = std::max(highest, *known);
    }
    return highest;
}

Status checkRegisterValue(const Document& doc, Secrecy secrecy, const Item& item)
{
    const QString classified = secrecyDisplayName(secrecy);
    switch (item.type) {
    case ItemType::Names:
    case ItemType::Readers:
    case ItemType::Authors: {
        const QStringList names = item.toList();
        if (names.size() > kMaxNamesInItem)
            return refuse(doc, QStringLiteral("it is classified %1 and its %2 item \"%3\" holds %4 names (at "
                                              "most %5)")
                                   .arg(classified, itemTypeName(item.type), item.name)
                                   .arg(names.size())
                                   .arg(kMaxNamesInItem));
        for (const QString& name : names) {
            if (!isAccessName(name))
                return refuse(doc, QStringLiteral("it is classified %1 and its %2 item \"%3\" holds \"%4…\", "
                                                  "which is not a name")
                                       .arg(classified, itemTypeName(item.type), item.name, name.left(24)));
        }
        return Status::ok();
    }
    case ItemType::Text:
    case ItemType::TextList: {
        const int limit = registerFieldLength(item.name);
        qsizetype length = 0;
        for (const QString& value : item.toList())
            length += value.size();
        if (length > limit)
            return refuse(doc, QStringLiteral("it is classified %1 and its register field \"%2\" holds %3 "
                                              "characters (at most %4)")
                                   .arg(classified, item.name)
                                   .arg(length)
                                   .arg(limit));
        return Status::ok();
    }
    default:
        return Status::ok();
    }
}

} // namespace

Status checkSecrecy(const Document& doc, Secrecy inherited)
{
    if (doc.isDeleted())
        return Status::ok();
    SEN_ASSIGN_OR_RETURN(const Secrecy own, classification(doc));
    const Secrecy secrecy = std::max(own, inherited);
    if (secrecy == Secrecy::Unclassified)
        return Status::ok();
    for (const Item& item : doc.items) {
        if (item.isTombstone())
            continue;
        if (!isRegisterField(item)) {
            const QString under =
                own == secrecy ? QString() : QStringLiteral(" (it answers a document classified so)");
            return Status(
                ErrorCode::PermissionDenied,
                QStringLiteral("document %1 is classified %2%3: its %4 \"%5\" is refused; a "
                               "classified document may be kept only as a register entry")
                    .arg(doc.unid.toHex(), secrecyDisplayName(secrecy), under, refusedWhat(item), item.name));
        }
        SEN_TRY(checkRegisterValue(doc, secrecy, item));
    }
    return Status::ok();
}

} // namespace sen::acl
