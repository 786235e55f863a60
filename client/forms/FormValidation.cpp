#include "client/forms/FormValidation.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace sen::forms {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("sen::forms", text);
}

bool isEmptyValue(const Item* item)
{
    if (!item || item->isTombstone())
        return true;
    switch (item->type) {
    case ItemType::Text:
    case ItemType::RichText:
        return item->toText().trimmed().isEmpty();
    case ItemType::TextList:
    case ItemType::Names:
    case ItemType::Readers:
    case ItemType::Authors: {
        const QStringList values = item->toList();
        return std::all_of(values.cbegin(), values.cend(),
                           [](const QString& v) { return v.trimmed().isEmpty(); });
    }
    case ItemType::DateTime:
        return !item->toDateTime().isValid();
    case ItemType::Number:
    case ItemType::Attachment:
        return false;
    }
    return true;
}

// Rich text with no visible text can still be "<p></p>" markup: such a body counts as empty.
bool isEmptyRichText(const Item* item)
{
    if (!item || item->isTombstone())
        return true;
    const QString html = item->toText();
    if (html.contains(QLatin1String("<img"), Qt::CaseInsensitive))
        return false;
    QString text = html;
    text.remove(QRegularExpression(QStringLiteral("<style[^>]*>.*</style>"),
                                   QRegularExpression::DotMatchesEverythingOption |
                                       QRegularExpression::CaseInsensitiveOption));
    text.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
    text.replace(QLatin1String("&nbsp;"), QLatin1String(" "));
    return text.trimmed().isEmpty();
}

bool fieldIsEmpty(const FieldDefinition& field, const Document& doc)
{
    const Item* item = doc.item(field.item);
    return field.type == ItemType::RichText ? isEmptyRichText(item) : isEmptyValue(item);
}

// Whether the empty required `field` is SoKyHieu and the document gives So or KyHieu, from
// which the application layer composes it on save (client/forms/Registration.h).
bool composedOnSave(const FieldDefinition& field, const Document& doc)
{
    if (field.item != u"SoKyHieu")
        return false;
    const Item* number = doc.item(QStringLiteral("So"));
    const Item* symbol = doc.item(QStringLiteral("KyHieu"));
    return (number && !number->isTombstone() && number->type == ItemType::Number) ||
           (symbol && !symbol->toText().trimmed().isEmpty());
}

// The length Phụ lục VI allows `field` exceeded by `doc`: the problem's message, or empty.
QString lengthProblem(const FieldDefinition& field, const Document& doc)
{
    const Item* item = doc.item(field.item);
    if (field.maxLength <= 0 || !item || item->isTombstone())
        return {};
    if (item->type == ItemType::Number) {
        const double value = item->toNumber();
        if (value < 0 || value != static_cast<double>(static_cast<qint64>(value)))
            return QCoreApplication::translate("sen::forms", "Enter a whole number, 0 or more.");
        if (QString::number(static_cast<qint64>(value)).size() > field.maxLength)
            return QCoreApplication::translate("sen::forms", "At most %n digit(s).", nullptr,
                                               field.maxLength);
        return {};
    }
    QString text;
    switch (item->type) {
    case ItemType::Text:
        text = item->toText().trimmed();
        break;
    case ItemType::TextList:
    case ItemType::Names:
        text = item->toList().join(QStringLiteral("; "));
        break;
    default:
        return {};
    }
    if (text.size() > field.maxLength)
        return QCoreApplication::translate("sen::forms",
                                           "At most %n character(s) (ND 30 Phụ lục VI); this has %1.",
                                           nullptr, field.maxLength)
            .arg(text.size());
    return {};
}

} // namespace

QString attachmentsField()
{
    return QStringLiteral("$Attachments");
}

Document applyEdit(const Document& base, const DocumentEdit& edit)
{
    Document doc = base;
    if (edit.isCreate()) {
        doc.unid = edit.unid();
        doc.form = edit.form();
        doc.parent = edit.parent();
    }
    for (const Item& item : edit.sets())
        doc.putItem(item);
    for (const QString& name : edit.removes()) {
        if (const Item* old = doc.anyItem(name)) {
            Item tombstone = *old;
            tombstone.value = QCborValue();
            doc.putItem(std::move(tombstone));
        }
    }
    return doc;
}

bool blockedBySecrecy(const FieldDefinition& field)
{
    Item probe;
    probe.name = field.item;
    probe.type = field.type;
    return !acl::isRegisterField(probe);
}

std::vector<FieldProblem> validateDocument(const FormDefinition& form, const Document& doc)
{
    std::vector<FieldProblem> problems;
    const acl::Secrecy secrecy = acl::secrecyOf(doc);
    for (const FieldDefinition* field : form.fields()) {
        const bool empty = fieldIsEmpty(*field, doc);
        if (field->required && empty && !composedOnSave(*field, doc))
            problems.push_back({field->item, tr("This field is required.")});
        else if (const QString tooLong = lengthProblem(*field, doc); !tooLong.isEmpty())
            problems.push_back({field->item, tooLong});
        else if (secrecy != acl::Secrecy::Unclassified && !empty && blockedBySecrecy(*field))
            problems.push_back({field->item, tr("A document classified %1 may not hold this field: clear it, "
                                                "the content stays on paper.")
                                                 .arg(acl::secrecyDisplayName(secrecy))});
    }
    if (secrecy != acl::Secrecy::Unclassified) {
        const bool hasAttachment = std::any_of(doc.items.cbegin(), doc.items.cend(), [](const Item& item) {
            return item.type == ItemType::Attachment && !item.isTombstone();
        });
        if (hasAttachment)
            problems.push_back({attachmentsField(), tr("A document classified %1 may not have attachments: "
                                                       "remove them, the files stay on paper.")
                                                        .arg(acl::secrecyDisplayName(secrecy))});
    }
    return problems;
}

QString secrecyExplanation(acl::Secrecy secrecy)
{
    if (secrecy == acl::Secrecy::Unclassified)
        return QString();
    return tr("This document is classified %1. By the Law on Protection of State Secrets its content never "
              "travels over a network: Sen keeps only its register entry. The body, notes and attachments "
              "stay closed; the paper original (or the cryptographic channel) carries the content.")
        .arg(acl::secrecyDisplayName(secrecy));
}

} // namespace sen::forms
