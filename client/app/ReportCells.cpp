#include "client/app/ReportCells.h"

#include "common/model/Document.h"

#include <QDateTime>

#include <cmath>

namespace sen::app::cells {

QString dayText(const QDate& day)
{
    return day.isValid() ? day.toString(QStringLiteral("dd/MM/yyyy")) : QString();
}

QDate dateOf(const Document& doc, const QString& item)
{
    const Item* value = doc.item(item);
    if (!value)
        return {};
    const QDateTime time = value->toDateTime();
    return time.isValid() ? time.toLocalTime().date() : QDate();
}

QString textOf(const Document& doc, const QString& name)
{
    const Item* item = doc.item(name);
    if (!item)
        return {};
    if (item->type == ItemType::Number) {
        const double number = item->toNumber();
        return number == std::floor(number) && std::abs(number) < 1e15
                   ? QString::number(static_cast<qint64>(number))
                   : QString::number(number);
    }
    return item->toList().join(QLatin1Char('\n')).trimmed();
}

QString commonName(const QString& name)
{
    QString first = name.section(QLatin1Char('/'), 0, 0).trimmed();
    if (first.startsWith(QLatin1String("CN="), Qt::CaseInsensitive))
        first = first.mid(3);
    return first;
}

QString commonNames(const Document& doc, const QString& name)
{
    const Item* item = doc.item(name);
    if (!item)
        return {};
    QStringList names;
    for (const QString& full : item->toList()) {
        const QString first = commonName(full);
        if (!first.isEmpty())
            names << first;
    }
    return names.join(QLatin1Char('\n'));
}

QString typeAndAbstract(const Document& doc)
{
    const QString type = doc.text(QStringLiteral("LoaiVanBan")).trimmed();
    const QString abstract = doc.text(QStringLiteral("TrichYeu")).trimmed();
    if (type.isEmpty() || abstract.isEmpty())
        return type + abstract;
    return type + QStringLiteral(" – ") + abstract;
}

QString numberAndSymbol(const Document& doc)
{
    const QString composed = doc.text(QStringLiteral("SoKyHieu")).trimmed();
    if (!composed.isEmpty())
        return composed;
    const QString number = textOf(doc, QStringLiteral("So"));
    const QString symbol = textOf(doc, QStringLiteral("KyHieu"));
    if (number.isEmpty() || symbol.isEmpty())
        return number + symbol;
    return number + QLatin1Char('-') + symbol;
}

} // namespace sen::app::cells
