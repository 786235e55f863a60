#include "common/identity/HierarchicalName.h"

#include <QRegularExpression>

namespace sen::identity {

namespace {

Status checkPart(const QString& part)
{
    if (part.isEmpty())
        return {ErrorCode::InvalidArgument, QStringLiteral("a hierarchical name has an empty part")};
    if (part.size() > HierarchicalName::kMaxPartLength)
        return {ErrorCode::InvalidArgument,
                QStringLiteral("the name part \"%1…\" is longer than %2 characters")
                    .arg(part.left(16))
                    .arg(HierarchicalName::kMaxPartLength)};
    for (qsizetype i = 0; i < part.size(); ++i) {
        const QChar c = part.at(i);
        if (c.category() == QChar::Other_Control)
            return {ErrorCode::InvalidArgument,
                    QStringLiteral("a hierarchical name contains a control character")};
        if (c.isHighSurrogate() && i + 1 < part.size() && part.at(i + 1).isLowSurrogate()) {
            ++i;
            continue;
        }
        if (c.isSurrogate())
            return {ErrorCode::InvalidArgument,
                    QStringLiteral("a hierarchical name contains invalid UTF-16")};
    }
    return Status::ok();
}

} // namespace

Result<HierarchicalName> HierarchicalName::parse(const QString& text)
{
    if (text.trimmed().isEmpty())
        return Status(ErrorCode::InvalidArgument, QStringLiteral("a hierarchical name cannot be empty"));
    return fromParts(text.split(u'/'));
}

Result<HierarchicalName> HierarchicalName::fromParts(const QStringList& parts)
{
    if (parts.isEmpty())
        return Status(ErrorCode::InvalidArgument, QStringLiteral("a hierarchical name cannot be empty"));
    if (parts.size() > kMaxParts)
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("a hierarchical name has at most %1 parts").arg(kMaxParts));
    QStringList normalised;
    normalised.reserve(parts.size());
    for (const QString& raw : parts) {
        if (raw.contains(u'/'))
            return Status(ErrorCode::InvalidArgument, QStringLiteral("a name part cannot contain '/'"));
        QString part = raw.trimmed().normalized(QString::NormalizationForm_C);
        SEN_TRY(checkPart(part));
        normalised.append(std::move(part));
    }
    return HierarchicalName(std::move(normalised));
}

Status HierarchicalName::checkRegistrable() const
{
    static const QRegularExpression kLabel(QStringLiteral("^\\s*(cn|ou|o|c)\\s*="),
                                           QRegularExpression::CaseInsensitiveOption);
    for (const QString& part : m_parts) {
        if (kLabel.match(part).hasMatch())
            return Status(ErrorCode::InvalidArgument,
                          QStringLiteral("the name part \"%1\" starts with a label (CN=, OU=, O=, C=), which "
                                         "would make it another user's name")
                              .arg(part));
        if (part != part.trimmed())
            return Status(ErrorCode::InvalidArgument,
                          QStringLiteral("the name part \"%1\" starts or ends with a space").arg(part));
        for (const QChar c : part) {
            if (c.category() == QChar::Other_Format || c.category() == QChar::Other_Control)
                return Status(ErrorCode::InvalidArgument,
                              QStringLiteral("the name part \"%1\" holds an invisible character (U+%2)")
                                  .arg(part)
                                  .arg(c.unicode(), 4, 16, QLatin1Char('0')));
        }
    }
    return Status::ok();
}

QStringList HierarchicalName::organisationalUnits() const
{
    if (m_parts.size() < 3)
        return {};
    return m_parts.mid(1, m_parts.size() - 2);
}

int HierarchicalName::compareText(const QString& a, const QString& b)
{
    return QString::compare(a.normalized(QString::NormalizationForm_C),
                            b.normalized(QString::NormalizationForm_C), Qt::CaseInsensitive);
}

int HierarchicalName::compare(const HierarchicalName& other) const
{
    // Part by part, so "A/B" and "A" order before "A/B/C" regardless of the '/' code point.
    const qsizetype common = std::min(m_parts.size(), other.m_parts.size());
    for (qsizetype i = 0; i < common; ++i) {
        if (const int c = compareText(m_parts.at(i), other.m_parts.at(i)); c != 0)
            return c;
    }
    return m_parts.size() < other.m_parts.size() ? -1 : (m_parts.size() > other.m_parts.size() ? 1 : 0);
}

} // namespace sen::identity
