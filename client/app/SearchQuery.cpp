#include "client/app/SearchQuery.h"

#include "client/forms/FormCatalog.h"
#include "client/forms/Registration.h"
#include "common/fts/SenTokenizer.h"
#include "common/model/Document.h"

#include <QDateTime>
#include <QRegularExpression>

#include <cmath>
#include <optional>

namespace sen::app {

namespace {

// Folded (case and diacritics), whitespace removed: how numbers are compared.
QString foldedNumber(const QString& text)
{
    QString folded = fts::foldForSearch(text);
    folded.removeIf([](QChar c) { return c.isSpace(); });
    return folded;
}

// The folded words of `text` (runs of letters and digits).
QStringList foldedWords(const QString& text)
{
    static const QRegularExpression separators(QStringLiteral("[^\\p{L}\\p{N}\\p{M}]+"));
    return fts::foldForSearch(text).split(separators, Qt::SkipEmptyParts);
}

bool isDigits(const QString& text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), [](QChar c) { return c.isDigit(); });
}

// The document's number: So, else the leading digits of SoKyHieu.
std::optional<qint64> leadingNumber(const Document& doc)
{
    if (const Item* item = doc.item(QLatin1String(forms::kItemNumber));
        item && item->type == ItemType::Number) {
        const double number = item->toNumber();
        if (number == std::floor(number) && std::abs(number) < 1e15)
            return static_cast<qint64>(number);
    }
    static const QRegularExpression leading(QStringLiteral("^\\s*(\\d+)"));
    const auto match = leading.match(doc.text(QLatin1String(forms::kItemComposed)));
    if (match.hasMatch())
        return match.captured(1).toLongLong();
    return std::nullopt;
}

// Whether `wanted` is a part of `number`, a part starting with a digit not cut out of a longer
// number: "15/qd" is in "15/qd-ubnd", not in "115/qd-ubnd".
bool containsNumber(const QString& number, const QString& wanted)
{
    for (qsizetype at = number.indexOf(wanted); at >= 0; at = number.indexOf(wanted, at + 1)) {
        if (at == 0 || !wanted.front().isDigit() || !number[at - 1].isDigit())
            return true;
    }
    return false;
}

bool matchesNumber(const Document& doc, const QString& wanted)
{
    const QString folded = foldedNumber(wanted);
    if (folded.isEmpty())
        return true;
    if (isDigits(folded)) {
        const auto number = leadingNumber(doc);
        return number && *number == folded.toLongLong();
    }
    return containsNumber(foldedNumber(doc.text(QLatin1String(forms::kItemComposed))), folded) ||
           containsNumber(foldedNumber(documentNumber(doc)), folded);
}

bool matchesIssuer(const Document& doc, const QString& wanted)
{
    const QStringList words = foldedWords(doc.text(QLatin1String(forms::kItemIssuer)));
    for (const QString& typed : foldedWords(wanted)) {
        if (std::none_of(words.begin(), words.end(),
                         [&](const QString& word) { return word.startsWith(typed); }))
            return false;
    }
    return true;
}

QDate localDate(const Document& doc, const char* item)
{
    const Item* value = doc.item(QLatin1String(item));
    if (!value || value->type != ItemType::DateTime)
        return {};
    const QDateTime time = value->toDateTime();
    return time.isValid() ? time.toLocalTime().date() : QDate();
}

} // namespace

bool SearchQuery::isEmpty() const
{
    return words.trimmed().isEmpty() && !hasFields();
}

bool SearchQuery::hasFields() const
{
    return !number.trimmed().isEmpty() || !issuer.trimmed().isEmpty() || from.isValid() || to.isValid();
}

QStringList SearchQuery::indexWords() const
{
    QStringList out = foldedWords(issuer);
    for (const QString& word : foldedWords(number)) {
        if (std::any_of(word.begin(), word.end(), [](QChar c) { return c.isLetter(); }))
            out << word;
    }
    return out;
}

bool SearchQuery::matchesFields(const Document& doc) const
{
    if (from.isValid() || to.isValid()) {
        const QDate day = documentDate(doc);
        if (!day.isValid() || (from.isValid() && day < from) || (to.isValid() && day > to))
            return false;
    }
    return matchesNumber(doc, number) && matchesIssuer(doc, issuer);
}

Result<QDate> SearchQuery::parseDay(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return QDate();
    for (const char* format : {"dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"}) {
        const QDate day = QDate::fromString(trimmed, QLatin1String(format));
        if (day.isValid())
            return day;
    }
    return Status(ErrorCode::InvalidArgument,
                  QStringLiteral("\"%1\" is not a date (dd/mm/yyyy or yyyy-mm-dd)").arg(trimmed));
}

Result<SearchQuery> SearchQuery::fromTexts(const QString& words, const QString& number, const QString& issuer,
                                           const QString& from, const QString& to)
{
    SearchQuery query;
    query.words = words.trimmed();
    query.number = number.trimmed();
    query.issuer = issuer.trimmed();
    SEN_ASSIGN_OR_RETURN(query.from, parseDay(from));
    SEN_ASSIGN_OR_RETURN(query.to, parseDay(to));
    if (query.from.isValid() && query.to.isValid() && query.to < query.from)
        return Status(ErrorCode::InvalidArgument, QStringLiteral("the date range ends before it starts"));
    return query;
}

QDate documentDate(const Document& doc)
{
    for (const char* item :
         {"NgayBanHanh", "NgayDen", "Ngay", "NgayDang", "NgayMoHoSo", "NgayGiao", "NgayGopY"}) {
        const QDate day = localDate(doc, item);
        if (day.isValid())
            return day;
    }
    return {};
}

QString documentNumber(const Document& doc)
{
    const QString composed = doc.text(QLatin1String(forms::kItemComposed)).trimmed();
    if (!composed.isEmpty())
        return composed;
    const QString symbol = doc.text(QLatin1String(forms::kItemSymbol)).trimmed();
    const Item* number = doc.item(QLatin1String(forms::kItemNumber));
    const double value = number && number->type == ItemType::Number ? number->toNumber() : 0;
    return forms::composeSoKyHieu(value >= 1 && value < 1e15 ? static_cast<qint64>(value) : 0, symbol);
}

SearchRecord recordOf(const Document& doc)
{
    SearchRecord record;
    record.number = documentNumber(doc);
    record.date = documentDate(doc);
    record.abstract = doc.text(QStringLiteral("TrichYeu")).simplified();
    if (record.abstract.isEmpty()) {
        if (const forms::FormDefinition* form = forms::FormCatalog::find(doc.form)) {
            if (std::any_of(form->titleItems.begin(), form->titleItems.end(),
                            [&](const QString& item) { return doc.item(item); }))
                record.abstract = form->documentTitle(doc, 200);
        }
    }
    return record;
}

} // namespace sen::app
