#include "client/core/DocumentJson.h"

#include "client/core/ItemSpec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace sen::client {

namespace {
const QString kAttachmentPrefix = QStringLiteral("$File:");
}

QString attachmentItemName(const QString& fileName)
{
    return kAttachmentPrefix + fileName;
}

bool isAttachmentItem(const Item& item)
{
    return item.type == ItemType::Attachment;
}

QJsonObject documentToJson(const Document& doc)
{
    QJsonObject items;
    QJsonArray attachments;
    for (const Item& item : doc.items) {
        if (item.isTombstone())
            continue;
        if (isAttachmentItem(item)) {
            attachments.append(itemValueToJson(item));
            continue;
        }
        items.insert(item.name, QJsonObject{{QStringLiteral("type"), itemTypeName(item.type)},
                                            {QStringLiteral("value"), itemValueToJson(item)}});
    }
    QJsonObject object{
        {QStringLiteral("unid"), doc.unid.toHex()},
        {QStringLiteral("form"), doc.form},
        {QStringLiteral("parent"), doc.parent ? QJsonValue(doc.parent->toHex()) : QJsonValue()},
        {QStringLiteral("conflict"), doc.isConflict()},
        {QStringLiteral("deleted"), doc.isDeleted()},
        {QStringLiteral("items"), items},
        {QStringLiteral("attachments"), attachments},
    };
    return object;
}

QByteArray dumpLine(const Document& doc)
{
    QJsonObject object;
    object.insert(QStringLiteral("unid"), doc.unid.toHex());
    QJsonArray items;
    for (const Item& item : doc.items) {
        if (item.isTombstone())
            continue;
        items.append(QJsonObject{{QStringLiteral("name"), item.name},
                                 {QStringLiteral("type"), itemTypeName(item.type)},
                                 {QStringLiteral("value"), itemValueToJson(item)}});
    }
    if (doc.isDeleted()) {
        object.insert(QStringLiteral("deleted"), true);
        // The number a stub keeps (docs/merge.md rule 5).
        if (!items.isEmpty()) {
            object.insert(QStringLiteral("form"), doc.form);
            object.insert(QStringLiteral("items"), items);
        }
    } else {
        object.insert(QStringLiteral("form"), doc.form);
        object.insert(QStringLiteral("parent"), doc.parent ? QJsonValue(doc.parent->toHex()) : QJsonValue());
        object.insert(QStringLiteral("conflict"), doc.isConflict());
        object.insert(QStringLiteral("items"), items);
    }
    // QJsonObject keeps keys sorted; Compact has no whitespace to vary.
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

Result<DocumentEdit> editFromImportLine(const QByteArray& line)
{
    QJsonParseError error;
    const QJsonDocument json = QJsonDocument::fromJson(line, &error);
    if (error.error != QJsonParseError::NoError)
        return Status(ErrorCode::InvalidArgument, QStringLiteral("not JSON: ") + error.errorString());
    if (!json.isObject())
        return Status(ErrorCode::InvalidArgument, QStringLiteral("expected a JSON object"));
    const QJsonObject object = json.object();
    const QString form = object.value(QLatin1String("form")).toString();
    if (form.isEmpty())
        return Status(ErrorCode::InvalidArgument, QStringLiteral("\"form\" is missing"));
    std::optional<Unid> parent;
    if (object.contains(QLatin1String("parent")) && !object.value(QLatin1String("parent")).isNull()) {
        parent = Unid::fromHex(object.value(QLatin1String("parent")).toString());
        if (!parent)
            return Status(ErrorCode::InvalidArgument, QStringLiteral("\"parent\" is not a UNID"));
    }
    DocumentEdit edit = DocumentEdit::create(form, parent);
    const QJsonObject items = object.value(QLatin1String("items")).toObject();
    for (auto it = items.begin(); it != items.end(); ++it) {
        SEN_ASSIGN_OR_RETURN(Item item, itemFromJson(it.key(), it.value()));
        edit.set(std::move(item));
    }
    SEN_TRY(edit.validate());
    return edit;
}

QString documentSummary(const Document& doc)
{
    static const char* const kSubjects[] = {"TrichYeu", "TieuDe", "NoiDung", "Subject", "Title"};
    for (const char* name : kSubjects) {
        const QString text = doc.text(QLatin1String(name));
        if (!text.isEmpty())
            return text;
    }
    for (const Item& item : doc.items) {
        if (!item.isTombstone() && item.type == ItemType::Text && !item.toText().isEmpty())
            return item.toText();
    }
    return QString();
}

} // namespace sen::client
