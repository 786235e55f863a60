#include "client/views/ViewRowBuilder.h"

#include "client/forms/Numbering.h"
#include "client/forms/Registration.h"
#include "client/views/ViewValueMemo.h"
#include "common/fts/SenTokenizer.h"
#include "common/model/Document.h"
#include "common/registers/Registers.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>

#include <algorithm>
#include <limits>

namespace sen::views {

namespace {

QString commonName(const QString& name)
{
    QString first = name.section(u'/', 0, 0).trimmed();
    if (first.startsWith(QLatin1String("CN="), Qt::CaseInsensitive))
        first = first.mid(3);
    return first;
}

// The key and the shown text of a text. Without a memo, the plain functions; a key is
// made only when asked for.
ColumnValue textValue(const QString& text, ViewValueMemo* memo = nullptr, bool withKey = true)
{
    ColumnValue v;
    v.type = ColumnValue::Type::Text;
    if (withKey)
        v.text = memo ? memo->textKey(text) : ViewRowBuilder::textKey(text);
    v.display = text.size() > ViewRowBuilder::kMaxDisplay
                    ? text.left(ViewRowBuilder::kMaxDisplay - 1) + QChar(0x2026)
                    : text;
    return v;
}

ColumnValue dateValue(const ViewColumn& column, std::optional<std::int64_t> ms, ViewValueMemo* memo = nullptr)
{
    ColumnValue v;
    v.type = ColumnValue::Type::Integer;
    v.integer = ViewRowBuilder::kMissingInteger;
    if (!ms)
        return v;
    if (!column.categorised || column.bucket == DateBucket::None) {
        v.integer = *ms;
        v.display = memo ? memo->formatDate(*ms) : ViewRowBuilder::formatDate(*ms);
        return v;
    }
    const QDate day = memo ? memo->localDate(*ms) : ViewValueMemo::plainLocalDate(*ms);
    switch (column.bucket) {
    case DateBucket::Day:
    case DateBucket::None:
        v.integer = day.toJulianDay();
        break;
    case DateBucket::Week:
        v.integer = day.toJulianDay() - (day.dayOfWeek() - 1);
        break;
    case DateBucket::Month:
        v.integer = day.year() * 100 + day.month();
        break;
    }
    return v;
}

std::optional<std::int64_t> itemDate(const Document& doc, const QString& name)
{
    const Item* item = doc.item(name);
    if (!item || item->type != ItemType::DateTime || !item->value.isInteger())
        return std::nullopt;
    return item->value.toInteger();
}

// ViewRowBuilder::value, with or without a memo.
ColumnValue compute(const ViewColumn& column, const Document& doc, ViewValueMemo* memo, bool withKey)
{
    if (column.item == QLatin1String(kColumnForm))
        return textValue(doc.form, memo, withKey);
    if (column.item == QLatin1String(kColumnDuplicateKey))
        return ViewRowBuilder::duplicateKeyValue(column, forms::duplicateCategory(doc), withKey);
    if (column.item == QLatin1String(kColumnModified))
        return dateValue(column,
                         doc.items.empty() ? std::nullopt : std::optional(hlcPhysicalMs(doc.modifiedTime())),
                         memo);
    if (column.item == QLatin1String(kColumnCreated)) {
        std::optional<std::int64_t> oldest;
        for (const Item& item : doc.items)
            oldest = std::min<std::int64_t>(oldest.value_or(std::numeric_limits<std::int64_t>::max()),
                                            hlcPhysicalMs(item.stamp.time));
        return dateValue(column, oldest, memo);
    }

    switch (column.kind) {
    case ColumnKind::Date:
        return dateValue(column, itemDate(doc, column.item), memo);
    case ColumnKind::Number: {
        ColumnValue v;
        v.type = ColumnValue::Type::Real;
        v.real = -std::numeric_limits<double>::infinity();
        const Item* item = doc.item(column.item);
        if (item && item->type == ItemType::Number) {
            v.real = item->toNumber();
            v.display = QString::number(v.real, 'g', 15);
        } else if (!item && column.item == registers::numberItem(doc.form) && forms::isAwaitingNumber(doc)) {
            // A registration whose number the server has not given yet (docs/registers.md).
            v.display = QCoreApplication::translate("sen::views", "awaiting number");
        }
        return v;
    }
    case ColumnKind::Names: {
        const Item* item = doc.item(column.item);
        if (!item)
            return textValue({}, memo, withKey);
        QStringList names = item->toList();
        for (QString& name : names)
            name = commonName(name);
        return textValue(names.join(QStringLiteral(", ")), memo, withKey);
    }
    case ColumnKind::Text:
        break;
    }
    const Item* item = doc.item(column.item);
    if (!item)
        return textValue({}, memo, withKey);
    switch (item->type) {
    case ItemType::Number:
        return textValue(QString::number(item->toNumber(), 'g', 15), memo, withKey);
    case ItemType::DateTime:
        return textValue(item->value.isInteger()
                             ? (memo ? memo->formatDate(item->value.toInteger())
                                     : ViewRowBuilder::formatDate(item->value.toInteger()))
                             : QString(),
                         memo, withKey);
    case ItemType::Attachment:
        return textValue({}, memo, withKey);
    default:
        return textValue(item->type == ItemType::Text || item->type == ItemType::RichText
                             ? item->toText()
                             : item->toList().join(QStringLiteral(", ")),
                         memo, withKey);
    }
}

} // namespace

QString ViewRowBuilder::textKey(const QString& text)
{
    if (text.isEmpty())
        return text;
    const QString head = text.left(kMaxKey);
    return fts::foldForSearch(head) + QChar(1) + head;
}

QString ViewRowBuilder::formatDate(std::int64_t ms)
{
    return ViewValueMemo::plainLocalDate(ms).toString(QStringLiteral("dd/MM/yyyy"));
}

ColumnValue ViewRowBuilder::value(const ViewColumn& column, const Document& doc)
{
    return compute(column, doc, nullptr, true);
}

ColumnValue ViewRowBuilder::value(const ViewColumn& column, const Document& doc, ViewValueMemo& memo,
                                  bool withKey)
{
    return compute(column, doc, &memo, withKey);
}

std::vector<ColumnValue> ViewRowBuilder::row(const ViewDefinition& view, const Document& doc)
{
    std::vector<ColumnValue> values;
    values.reserve(view.columns.size());
    for (const ViewColumn& column : view.columns)
        values.push_back(value(column, doc));
    return values;
}

ColumnValue ViewRowBuilder::duplicateKeyValue(const ViewColumn& column, const QString& key, bool withKey)
{
    // The key alone: one category per key, whatever each document's spelling. Categorised,
    // it has no display, as a date bucket: the title is made from the key when shown
    // (categoryDisplay), not for every document indexed.
    ColumnValue v =
        column.categorised ? ColumnValue() : textValue(forms::duplicateKeyTitle(key), nullptr, false);
    if (withKey)
        v.text = key;
    return v;
}

QString ViewRowBuilder::categoryDisplay(const ViewColumn& column, const QString& key)
{
    if (column.item == QLatin1String(kColumnDuplicateKey))
        return forms::duplicateKeyTitle(key);
    return key.section(QChar(1), 1);
}

QString ViewRowBuilder::categoryTitle(const ViewColumn& column, const QVariant& key, const QString& display)
{
    const auto missing = [] {
        return QCoreApplication::translate("sen::views", "(Not categorised)");
    };
    if (column.kind != ColumnKind::Date || column.bucket == DateBucket::None)
        return display.isEmpty() ? missing() : display;
    const std::int64_t k = key.toLongLong();
    if (k == kMissingInteger)
        return missing();
    const QString format = QStringLiteral("dd/MM/yyyy");
    switch (column.bucket) {
    case DateBucket::Week: {
        const QDate monday = QDate::fromJulianDay(k);
        return QCoreApplication::translate("sen::views", "Week %1: %2 – %3")
            .arg(monday.weekNumber())
            .arg(monday.toString(format), monday.addDays(6).toString(format));
    }
    case DateBucket::Month:
        return QCoreApplication::translate("sen::views", "Month %1/%2")
            .arg(k % 100, 2, 10, QLatin1Char('0'))
            .arg(k / 100);
    case DateBucket::Day:
    case DateBucket::None:
        break;
    }
    return QDate::fromJulianDay(k).toString(format);
}

} // namespace sen::views
