#include "client/forms/TimeText.h"

#include <QRegularExpression>

namespace sen::forms {

std::optional<QTime> parseTimeText(const QString& text)
{
    // Hours, then an optional separator (":", "h", "g" for giờ, "."), then optional minutes;
    // without a separator, three or four digits are hours and minutes ("930", "1400").
    static const QRegularExpression kSeparated(QStringLiteral("^(\\d{1,2})\\s*[:hHgG.]\\s*(\\d{2})?$"));
    static const QRegularExpression kDigits(QStringLiteral("^(\\d{1,4})$"));
    const QString value = text.trimmed();
    int hours = -1;
    int minutes = 0;
    if (const QRegularExpressionMatch m = kSeparated.match(value); m.hasMatch()) {
        hours = m.captured(1).toInt();
        minutes = m.captured(2).isEmpty() ? 0 : m.captured(2).toInt();
    } else if (const QRegularExpressionMatch d = kDigits.match(value); d.hasMatch()) {
        const QString digits = d.captured(1);
        if (digits.size() <= 2) {
            hours = digits.toInt();
        } else {
            hours = digits.left(digits.size() - 2).toInt();
            minutes = digits.right(2).toInt();
        }
    } else {
        return std::nullopt;
    }
    const QTime time(hours, minutes);
    if (!time.isValid())
        return std::nullopt;
    return time;
}

std::optional<QString> normalizeTimeText(const QString& text)
{
    const std::optional<QTime> time = parseTimeText(text);
    if (!time)
        return std::nullopt;
    return time->toString(QStringLiteral("HH:mm"));
}

} // namespace sen::forms
