#include "client/forms/Registration.h"

#include "client/forms/FormValidation.h"
#include "common/fts/SenTokenizer.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimeZone>

namespace sen::forms {

namespace {

QString itemText(const Document& doc, const char* name)
{
    const Item* item = doc.item(QLatin1String(name));
    return item ? item->toText().trimmed() : QString();
}

qint64 itemNumber(const Document& doc, const char* name)
{
    const Item* item = doc.item(QLatin1String(name));
    if (!item || item->type != ItemType::Number)
        return 0;
    return static_cast<qint64>(item->toNumber());
}

// Before the ID in a documentIdKey: a duplicateKey starts with a folded issuer, never this.
constexpr const char* kDocumentIdPrefix = "edxml:";

bool isRegisteredForm(const QString& form)
{
    return form == u"VanBanDen" || form == u"VanBanDi" || form == u"VanBanNoiBo";
}

// The số and ký hiệu of `doc`: its So and KyHieu, or its SoKyHieu split ("125-QĐ/TU" gives
// 125 and "QĐ/TU", "15/QĐ-UBND" gives 15 and "QĐ-UBND").
std::pair<qint64, QString> numberAndSymbol(const Document& doc)
{
    qint64 number = itemNumber(doc, kItemNumber);
    QString symbol = itemText(doc, kItemSymbol);
    if (number > 0 || !symbol.isEmpty())
        return {number, symbol};
    QString composed = itemText(doc, kItemComposed);
    static const QRegularExpression kLeading(
        QStringLiteral("^\\s*(?:s[ốo]\\s*:?\\s*)?(\\d+)\\s*[-/]?\\s*(.*)$"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = kLeading.match(composed);
    if (m.hasMatch())
        return {m.captured(1).toLongLong(), m.captured(2).trimmed()};
    return {0, composed};
}

} // namespace

QString composeSoKyHieu(qint64 number, const QString& symbol)
{
    QString kyHieu = symbol.trimmed();
    while (kyHieu.startsWith(u'-') || kyHieu.startsWith(u'/'))
        kyHieu = kyHieu.mid(1).trimmed();
    if (number <= 0)
        return kyHieu;
    const QString so = QStringLiteral("%1").arg(number, 2, 10, QLatin1Char('0'));
    if (kyHieu.isEmpty())
        return so;
    // The party style names type and issuer with a slash inside the ký hiệu (NQ/TW); the
    // state style with a hyphen (QĐ-UBND).
    return so + (kyHieu.contains(u'/') ? QLatin1Char('-') : QLatin1Char('/')) + kyHieu;
}

void completeRegistration(const Document& base, DocumentEdit& edit)
{
    const QString form = edit.isCreate() ? edit.form() : base.form;
    if (!isRegisteredForm(form))
        return;
    const QString numberName = QLatin1String(kItemNumber);
    const QString symbolName = QLatin1String(kItemSymbol);
    bool touched = false;
    for (const Item& item : edit.sets())
        touched = touched || item.name == numberName || item.name == symbolName;
    for (const QString& name : edit.removes())
        touched = touched || name == numberName || name == symbolName;
    if (!touched)
        return;
    const Document after = applyEdit(base, edit);
    const QString composed = composeSoKyHieu(itemNumber(after, kItemNumber), itemText(after, kItemSymbol));
    if (!composed.isEmpty())
        edit.set(Item::text(QLatin1String(kItemComposed), composed));
}

QString foldForCompare(const QString& text)
{
    return fts::foldForSearch(text).toLower().simplified();
}

QString duplicateKey(const Document& doc)
{
    const QString issuer = foldForCompare(itemText(doc, kItemIssuer));
    const auto [number, symbol] = numberAndSymbol(doc);
    const Item* issued = doc.item(QLatin1String(kItemIssued));
    if (issuer.isEmpty() || (number <= 0 && symbol.isEmpty()) || !issued || !issued->toDateTime().isValid())
        return {};
    QString folded = foldForCompare(symbol);
    folded.remove(u' ');
    return issuer + u'|' + QString::number(number) + u'|' + folded + u'|' +
           issued->toDateTime().toUTC().date().toString(Qt::ISODate);
}

QString documentIdKey(const Document& doc)
{
    const QString id = itemText(doc, kItemDocumentId);
    return id.isEmpty() ? QString() : QLatin1String(kDocumentIdPrefix) + id.toCaseFolded();
}

QString duplicateCategory(const Document& doc)
{
    QString key = documentIdKey(doc);
    return key.isEmpty() ? duplicateKey(doc) : key;
}

const QStringList& duplicateKeyItems()
{
    static const QStringList kItems = [] {
        QStringList items{QLatin1String(kItemIssuer), QLatin1String(kItemIssued),
                          QLatin1String(kItemNumber), QLatin1String(kItemComposed),
                          QLatin1String(kItemSymbol), QLatin1String(kItemDocumentId)};
        items.sort();
        return items;
    }();
    return kItems;
}

QString duplicateKeyTitle(const QString& key)
{
    if (key.startsWith(QLatin1String(kDocumentIdPrefix)))
        return QStringLiteral("edXML ") + key.mid(int(qstrlen(kDocumentIdPrefix))).toUpper();
    const QStringList parts = key.split(u'|');
    if (parts.size() != 4)
        return key;
    const QDate day = QDate::fromString(parts[3], Qt::ISODate);
    return QStringList{composeSoKyHieu(parts[1].toLongLong(), parts[2].toUpper()), parts[0].toUpper(),
                       day.toString(u"dd/MM/yyyy")}
        .join(QStringLiteral(" · "));
}

QString duplicateTitle(const Document& doc)
{
    const auto [number, symbol] = numberAndSymbol(doc);
    QString shown = itemText(doc, kItemComposed);
    if (shown.isEmpty())
        shown = composeSoKyHieu(number, symbol);
    const Item* issued = doc.item(QLatin1String(kItemIssued));
    const QString day = issued && issued->toDateTime().isValid()
                            ? issued->toDateTime().toUTC().date().toString(u"dd/MM/yyyy")
                            : QString();
    QStringList parts{itemText(doc, kItemIssuer), shown, day};
    if (const QString id = itemText(doc, kItemDocumentId); !id.isEmpty())
        parts << QStringLiteral("edXML ") + id;
    parts.removeAll(QString());
    return parts.join(QStringLiteral(" · "));
}

} // namespace sen::forms
