#include "client/core/ItemSpec.h"

#include "common/model/AttachmentRef.h"

#include <QCborArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QTimeZone>

namespace sen::client {

std::optional<ItemType> itemTypeFromName(const QString& name)
{
    for (ItemType t : {ItemType::Text, ItemType::TextList, ItemType::Number, ItemType::DateTime,
                       ItemType::Names, ItemType::Readers, ItemType::Authors, ItemType::RichText}) {
        if (name.compare(itemTypeName(t), Qt::CaseInsensitive) == 0)
            return t;
    }
    return std::nullopt;
}

namespace {

QStringList splitList(const QString& text)
{
    QStringList parts = text.split(u';');
    for (QString& p : parts)
        p = p.trimmed();
    parts.removeAll(QString());
    return parts;
}

Result<QDateTime> parseDateTime(const QString& text)
{
    QDateTime dt = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!dt.isValid())
        dt = QDateTime::fromString(text, Qt::ISODate);
    if (!dt.isValid()) {
        // A plain date means midnight UTC of that day.
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (date.isValid())
            dt = date.startOfDay(QTimeZone::utc());
    }
    if (!dt.isValid())
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("\"%1\" is not an ISO 8601 date or date-time").arg(text));
    return dt;
}

} // namespace

Result<QCborValue> parseItemValue(ItemType type, const QString& text)
{
    switch (type) {
    case ItemType::Text:
    case ItemType::RichText:
        return QCborValue(text);
    case ItemType::TextList:
    case ItemType::Names:
    case ItemType::Readers:
    case ItemType::Authors:
        return QCborValue(QCborArray::fromStringList(splitList(text)));
    case ItemType::Number: {
        bool ok = false;
        const double value = text.trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(value))
            return Status(ErrorCode::InvalidArgument, QStringLiteral("\"%1\" is not a number").arg(text));
        return QCborValue(value);
    }
    case ItemType::DateTime: {
        SEN_ASSIGN_OR_RETURN(const QDateTime dt, parseDateTime(text.trimmed()));
        return QCborValue(dt.toMSecsSinceEpoch());
    }
    case ItemType::Attachment:
        break;
    }
    return Status(ErrorCode::InvalidArgument, QStringLiteral("attachments are added with --attach"));
}

Result<Item> parseItemSpec(const QString& spec)
{
    const qsizetype eq = spec.indexOf(u'=');
    if (eq <= 0)
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("\"%1\": expected NAME=TEXT or NAME:TYPE=VALUE").arg(spec));
    QString name = spec.left(eq);
    const QString valueText = spec.mid(eq + 1);
    ItemType type = ItemType::Text;
    if (const qsizetype colon = name.lastIndexOf(u':'); colon > 0) {
        const auto parsed = itemTypeFromName(name.mid(colon + 1));
        if (!parsed)
            return Status(ErrorCode::InvalidArgument,
                          QStringLiteral("\"%1\": unknown item type \"%2\"").arg(spec, name.mid(colon + 1)));
        type = *parsed;
        name = name.left(colon);
    }
    if (!isValidItemName(name))
        return Status(ErrorCode::InvalidArgument, QStringLiteral("\"%1\": invalid item name").arg(spec));
    SEN_ASSIGN_OR_RETURN(QCborValue value, parseItemValue(type, valueText));
    return Item::withValue(name, type, std::move(value), ItemFlag::Summary);
}

Result<Item> itemFromJson(const QString& name, const QJsonValue& json)
{
    if (!isValidItemName(name))
        return Status(ErrorCode::InvalidArgument, QStringLiteral("invalid item name \"%1\"").arg(name));
    if (json.isString())
        return Item::text(name, json.toString());
    if (json.isDouble())
        return Item::number(name, json.toDouble());
    if (json.isArray()) {
        QStringList list;
        const QJsonArray array = json.toArray();
        for (const QJsonValue& v : array) {
            if (!v.isString())
                return Status(ErrorCode::InvalidArgument,
                              QStringLiteral("item %1: a list may hold only strings").arg(name));
            list << v.toString();
        }
        return Item::textList(name, list);
    }
    if (json.isObject()) {
        const QJsonObject object = json.toObject();
        const auto type = itemTypeFromName(object.value(QLatin1String("type")).toString());
        if (!type)
            return Status(ErrorCode::InvalidArgument,
                          QStringLiteral("item %1: unknown type \"%2\"")
                              .arg(name, object.value(QLatin1String("type")).toString()));
        const QJsonValue value = object.value(QLatin1String("value"));
        QCborValue cbor;
        if (value.isString()) {
            SEN_ASSIGN_OR_RETURN(cbor, parseItemValue(*type, value.toString()));
        } else {
            cbor = QCborValue::fromJsonValue(value);
            if (*type == ItemType::Number && cbor.isInteger())
                cbor = QCborValue(static_cast<double>(cbor.toInteger()));
        }
        if (!isValidValue(*type, cbor))
            return Status(
                ErrorCode::InvalidArgument,
                QStringLiteral("item %1: the value does not fit type %2").arg(name, itemTypeName(*type)));
        return Item::withValue(name, *type, std::move(cbor), ItemFlag::Summary);
    }
    return Status(ErrorCode::InvalidArgument, QStringLiteral("item %1: unsupported JSON value").arg(name));
}

QJsonValue itemValueToJson(const Item& item)
{
    switch (item.type) {
    case ItemType::Text:
    case ItemType::RichText:
        return item.toText();
    case ItemType::TextList:
    case ItemType::Names:
    case ItemType::Readers:
    case ItemType::Authors:
        return QJsonArray::fromStringList(item.toList());
    case ItemType::Number:
        return item.toNumber();
    case ItemType::DateTime:
        return item.toDateTime().toString(Qt::ISODateWithMs);
    case ItemType::Attachment: {
        const auto ref = AttachmentRef::fromCbor(item.value);
        if (!ref)
            return QJsonValue();
        return QJsonObject{{QStringLiteral("name"), ref->fileName},
                           {QStringLiteral("size"), static_cast<qint64>(ref->size)},
                           {QStringLiteral("sha256"), ref->sha256.toHex()}};
    }
    }
    return QJsonValue();
}

QString itemValueToText(const Item& item)
{
    switch (item.type) {
    case ItemType::Text:
    case ItemType::RichText:
        return item.toText();
    case ItemType::TextList:
    case ItemType::Names:
    case ItemType::Readers:
    case ItemType::Authors:
        return item.toList().join(QStringLiteral("; "));
    case ItemType::Number:
        return QString::number(item.toNumber(), 'g', 15);
    case ItemType::DateTime:
        return item.toDateTime().toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm"));
    case ItemType::Attachment: {
        const auto ref = AttachmentRef::fromCbor(item.value);
        return ref ? QStringLiteral("%1 (%2 bytes)").arg(ref->fileName).arg(ref->size) : QString();
    }
    }
    return QString();
}

} // namespace sen::client
