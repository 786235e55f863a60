#include "client/forms/FormDefinition.h"

#include <QCoreApplication>
#include <QTimeZone>

namespace sen::forms {

namespace {
const char* const kContext = "sen::forms";
} // namespace

QString FieldDefinition::displayLabel() const
{
    return QCoreApplication::translate(kContext, label);
}

QString FormSection::displayTitle() const
{
    return QCoreApplication::translate(kContext, title);
}

QString FormDefinition::displayTitle() const
{
    return QCoreApplication::translate(kContext, title);
}

const FieldDefinition* FormDefinition::field(const QString& item) const
{
    for (const FormSection& section : sections) {
        for (const FieldDefinition& f : section.fields) {
            if (f.item == item)
                return &f;
        }
    }
    return nullptr;
}

std::vector<const FieldDefinition*> FormDefinition::fields() const
{
    std::vector<const FieldDefinition*> all;
    for (const FormSection& section : sections) {
        for (const FieldDefinition& f : section.fields)
            all.push_back(&f);
    }
    return all;
}

QString FormDefinition::documentTitle(const Document& doc, int maxLength) const
{
    QStringList parts;
    for (const QString& itemName : titleItems) {
        QString text;
        if (const FieldDefinition* f = field(itemName))
            text = fieldText(*f, doc);
        else if (const Item* item = doc.item(itemName))
            text = item->toList().join(QStringLiteral("; "));
        text = text.simplified();
        if (!text.isEmpty())
            parts << text;
    }
    QString text = parts.isEmpty() ? displayTitle() : parts.join(QStringLiteral(" — "));
    if (maxLength > 1 && text.size() > maxLength)
        text = text.left(maxLength - 1).trimmed() + QChar(0x2026);
    return text;
}

QString fieldText(const FieldDefinition& field, const Document& doc)
{
    const Item* item = doc.item(field.item);
    if (!item)
        return QString();
    switch (item->type) {
    case ItemType::DateTime: {
        const QDateTime when = item->toDateTime();
        if (!when.isValid())
            return QString();
        if (field.hint == EditorHint::Date)
            return when.toTimeZone(QTimeZone::utc()).date().toString(QStringLiteral("dd/MM/yyyy"));
        return when.toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm"));
    }
    case ItemType::Number: {
        const double value = item->toNumber();
        return QString::number(value, 'g', 15);
    }
    case ItemType::TextList:
    case ItemType::Names:
    case ItemType::Readers:
    case ItemType::Authors:
        return item->toList().join(QStringLiteral("; "));
    case ItemType::Text:
    case ItemType::RichText:
        return item->toText();
    case ItemType::Attachment:
        return QString();
    }
    return QString();
}

} // namespace sen::forms
