#include "common/model/Item.h"

#include "common/model/AttachmentRef.h"

#include <QCborArray>

#include <cmath>

namespace sen {

bool isValidItemType(int type)
{
    return type >= static_cast<int>(ItemType::Text) && type <= static_cast<int>(ItemType::Attachment);
}

std::optional<ItemType> itemTypeFromInt(qint64 value)
{
    if (value < static_cast<int>(ItemType::Text) || value > static_cast<int>(ItemType::Attachment))
        return std::nullopt;
    return static_cast<ItemType>(value);
}

QString itemTypeName(ItemType type)
{
    switch (type) {
    case ItemType::Text:
        return QStringLiteral("text");
    case ItemType::TextList:
        return QStringLiteral("textlist");
    case ItemType::Number:
        return QStringLiteral("number");
    case ItemType::DateTime:
        return QStringLiteral("datetime");
    case ItemType::Names:
        return QStringLiteral("names");
    case ItemType::Readers:
        return QStringLiteral("readers");
    case ItemType::Authors:
        return QStringLiteral("authors");
    case ItemType::RichText:
        return QStringLiteral("richtext");
    case ItemType::Attachment:
        return QStringLiteral("attachment");
    }
    return QStringLiteral("unknown");
}

namespace {
bool isStringArray(const QCborValue& value)
{
    if (!value.isArray())
        return false;
    const QCborArray array = value.toArray();
    for (const QCborValue& v : array) {
        if (!v.isString())
            return false;
    }
    return true;
}
} // namespace

bool isValidValue(ItemType type, const QCborValue& value)
{
    switch (type) {
    case ItemType::Text:
    case ItemType::RichText:
        return value.isString();
    case ItemType::TextList:
    case ItemType::Names:
    case ItemType::Readers:
    case ItemType::Authors:
        return isStringArray(value);
    case ItemType::Number:
        return value.isDouble() && std::isfinite(value.toDouble());
    case ItemType::DateTime:
        return value.isInteger() && value.toInteger() >= kMinDateTimeMs &&
               value.toInteger() <= kMaxDateTimeMs;
    case ItemType::Attachment:
        return AttachmentRef::fromCbor(value).isOk();
    }
    return false;
}

bool isValidItemName(const QString& name)
{
    if (name.isEmpty() || name.size() > 256)
        return false;
    for (QChar c : name) {
        if (c.category() == QChar::Other_Control)
            return false;
    }
    return true;
}

bool Item::sameContent(const Item& other) const
{
    return type == other.type && flags == other.flags && value == other.value;
}

QString Item::toText() const
{
    return value.isString() ? value.toString() : QString();
}

QStringList Item::toList() const
{
    if (value.isString())
        return {value.toString()};
    QStringList list;
    if (value.isArray()) {
        const QCborArray array = value.toArray();
        for (const QCborValue& v : array)
            list << v.toString();
    }
    return list;
}

double Item::toNumber() const
{
    return value.isDouble() ? value.toDouble() : 0.0;
}

QDateTime Item::toDateTime() const
{
    if (type != ItemType::DateTime || !value.isInteger())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toInteger(), Qt::UTC);
}

Item Item::withValue(const QString& name, ItemType type, QCborValue value, int flags)
{
    Item item;
    item.name = name;
    item.type = type;
    item.flags = flags;
    item.value = std::move(value);
    return item;
}

Item Item::text(const QString& name, const QString& value, int flags)
{
    return withValue(name, ItemType::Text, QCborValue(value), flags);
}

Item Item::textList(const QString& name, const QStringList& values, int flags)
{
    return withValue(name, ItemType::TextList, QCborArray::fromStringList(values), flags);
}

Item Item::number(const QString& name, double value, int flags)
{
    return withValue(name, ItemType::Number, QCborValue(value), flags);
}

Item Item::dateTime(const QString& name, const QDateTime& value, int flags)
{
    return withValue(name, ItemType::DateTime, QCborValue(value.toMSecsSinceEpoch()), flags);
}

Item Item::names(const QString& name, ItemType namesType, const QStringList& values, int flags)
{
    return withValue(name, namesType, QCborArray::fromStringList(values), flags);
}

Item Item::richText(const QString& name, const QString& html, int flags)
{
    return withValue(name, ItemType::RichText, QCborValue(html), flags);
}

} // namespace sen
