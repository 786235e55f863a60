#include "common/model/AttachmentName.h"

#include <QStringList>

namespace sen {

namespace {

bool isInvisible(char32_t c)
{
    switch (QChar::category(c)) {
    case QChar::Other_Control:
    case QChar::Other_Format:
    case QChar::Other_Surrogate:
    case QChar::Separator_Line:
    case QChar::Separator_Paragraph:
        return true;
    default:
        return false;
    }
}

bool isForbidden(char32_t c)
{
    return c == u'<' || c == u'>' || c == u':' || c == u'"' || c == u'|' || c == u'?' || c == u'*';
}

// CON, PRN, AUX, NUL, COM1–9, LPT1–9 (any case), alone or before an extension: Windows
// opens the device whatever follows the first dot.
bool isDeviceName(const QString& name)
{
    QString base = name.section(u'.', 0, 0).trimmed().toUpper();
    static const QStringList kDevices = {QStringLiteral("CON"), QStringLiteral("PRN"), QStringLiteral("AUX"),
                                         QStringLiteral("NUL")};
    if (kDevices.contains(base))
        return true;
    return base.size() == 4 &&
           (base.startsWith(QLatin1String("COM")) || base.startsWith(QLatin1String("LPT"))) &&
           base.at(3) >= u'1' && base.at(3) <= u'9';
}

void dropTrailingDotsAndSpaces(QString& name)
{
    while (!name.isEmpty() && (name.back() == u'.' || name.back() == u' '))
        name.chop(1);
}

// Cuts `name` to `limit` UTF-16 units, never inside a surrogate pair.
QString cut(const QString& name, qsizetype limit)
{
    if (name.size() <= limit)
        return name;
    if (limit > 0 && name.at(limit - 1).isHighSurrogate())
        --limit;
    return name.left(limit);
}

} // namespace

QString plainFileName(const QString& name)
{
    // The last path component, whichever separator the peer used.
    const qsizetype slash = std::max(name.lastIndexOf(u'/'), name.lastIndexOf(u'\\'));
    const QString last = name.mid(slash + 1);

    QString plain;
    plain.reserve(last.size());
    for (const char32_t c : last.toUcs4()) {
        if (isInvisible(c))
            continue;
        if (isForbidden(c)) {
            plain += u'_';
            continue;
        }
        plain += QString::fromUcs4(&c, 1);
    }
    plain = plain.trimmed();
    dropTrailingDotsAndSpaces(plain);
    if (plain.isEmpty())
        return QStringLiteral("attachment");
    if (isDeviceName(plain))
        plain.prepend(u'_');
    if (plain.size() > kMaxAttachmentNameLength) {
        // Keep a short extension ("….pdf"), cut the rest.
        const qsizetype dot = plain.lastIndexOf(u'.');
        const QString suffix = dot > 0 && plain.size() - dot <= 16 ? plain.mid(dot) : QString();
        plain = cut(plain.left(plain.size() - suffix.size()), kMaxAttachmentNameLength - suffix.size());
        dropTrailingDotsAndSpaces(plain);
        plain += suffix;
    }
    return plain;
}

bool isPlainFileName(const QString& name)
{
    return !name.isEmpty() && plainFileName(name) == name;
}

} // namespace sen
