#include "common/acl/NameMatch.h"

#include "common/identity/HierarchicalName.h"

#include <QStringList>

#include <array>

namespace sen::acl {

namespace {
constexpr qsizetype kMaxRoleLength = 64;

QStringView stripLabel(QStringView component)
{
    static constexpr std::array<QStringView, 4> kLabels{u"cn=", u"ou=", u"o=", u"c="};
    for (QStringView label : kLabels) {
        if (component.startsWith(label, Qt::CaseInsensitive))
            return component.mid(label.size()).trimmed();
    }
    return component;
}
} // namespace

QString nameKey(QStringView name)
{
    const QString normalized = name.toString().normalized(QString::NormalizationForm_C);
    QString key;
    key.reserve(normalized.size());
    const auto components = QStringView(normalized).split(u'/');
    for (qsizetype i = 0; i < components.size(); ++i) {
        if (i > 0)
            key += u'/';
        key += stripLabel(components[i].trimmed()).toString().toCaseFolded();
    }
    return key;
}

bool namesEqual(QStringView a, QStringView b)
{
    return nameKey(a) == nameKey(b);
}

bool isWildcardName(QStringView name)
{
    const QStringView trimmed = name.trimmed();
    return trimmed.startsWith(u"*/") && trimmed.size() > 2 && !trimmed.endsWith(u'/');
}

bool wildcardMatches(QStringView wildcard, QStringView name)
{
    if (!isWildcardName(wildcard))
        return false;
    const QString suffix = nameKey(wildcard).mid(1); // "/vptu/hanoi"
    const QString key = nameKey(name);
    if (!key.endsWith(suffix))
        return false;
    // What comes before the suffix: one or more non-empty components, not a wildcard.
    const QStringView prefix = QStringView(key).left(key.size() - suffix.size());
    return !prefix.isEmpty() && !prefix.startsWith(u'*') && !prefix.startsWith(u'/') &&
           !prefix.endsWith(u'/');
}

bool isRoleName(QStringView role)
{
    if (role.size() < 3 || role.size() > kMaxRoleLength + 2 || !role.startsWith(u'[') || !role.endsWith(u']'))
        return false;
    for (QChar c : role.mid(1, role.size() - 2)) {
        if (c == u'[' || c == u']' || c == u';' || c.category() == QChar::Other_Control)
            return false;
    }
    return true;
}

bool isAccessName(const QString& value)
{
    if (value.isEmpty() || isRoleName(value))
        return true;
    const QString name = isWildcardName(value) ? value.trimmed().mid(2) : value;
    const auto parsed = identity::HierarchicalName::parse(name);
    return parsed.isOk() && parsed->checkRegistrable().isOk();
}

} // namespace sen::acl
