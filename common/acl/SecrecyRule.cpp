#include "acl/SecrecyRule.h"

#include <algorithm>

namespace sen::acl {

namespace {
// NFC-insensitive, case-insensitive, mark-insensitive form: "Tối  mật" -> "toi mat".
QString foldVietnamese(const QString& text)
{
    const QString decomposed = text.normalized(QString::NormalizationForm_D);
    QString folded;
    folded.reserve(decomposed.size());
    for (QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
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

Secrecy secrecyFromText(const QString& text)
{
    const QString folded = foldVietnamese(text);
    if (folded == u"mat")
        return Secrecy::Mat;
    if (folded == u"toi mat")
        return Secrecy::ToiMat;
    if (folded == u"tuyet mat")
        return Secrecy::TuyetMat;
    return Secrecy::Unclassified;
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
    };
    return kNames;
}

Status checkSecrecy(const Document& doc)
{
    if (doc.isDeleted())
        return Status::ok();
    const Secrecy secrecy = secrecyOf(doc);
    if (secrecy == Secrecy::Unclassified)
        return Status::ok();
    for (const Item& item : doc.items) {
        if (item.isTombstone() || isRegisterField(item))
            continue;
        return Status(ErrorCode::PermissionDenied,
                      QStringLiteral("document %1 is classified %2: its %3 \"%4\" is refused; a classified "
                                     "document may be kept only as a register entry")
                          .arg(doc.unid.toHex(), secrecyDisplayName(secrecy), refusedWhat(item), item.name));
    }
    return Status::ok();
}

} // namespace sen::acl
