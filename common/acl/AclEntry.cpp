#include "common/acl/AclEntry.h"

#include "common/acl/NameMatch.h"

#include <algorithm>
#include <array>

namespace sen::acl {

namespace {
constexpr qsizetype kMaxNameLength = 255; // as Notes

struct LevelRights
{
    int mask;
    int forced;
    int defaults;
};
constexpr int kAll = kKnownAclRights;
// Indexed by AccessLevel; see the table in AclEntry.h.
constexpr std::array<LevelRights, 7> kLevelRights{{
    {0, 0, 0},                                            // NoAccess
    {CreateDocuments, CreateDocuments, CreateDocuments},  // Depositor
    {Replicate, 0, Replicate},                            // Reader
    {kAll, 0, CreateDocuments | Replicate},               // Author
    {kAll, CreateDocuments, CreateDocuments | Replicate}, // Editor
    {kAll, CreateDocuments, kAll},                        // Designer
    {kAll, CreateDocuments, kAll},                        // Manager
}};

const LevelRights& rightsOf(AccessLevel level)
{
    return kLevelRights.at(static_cast<std::size_t>(level));
}

constexpr std::array<const char16_t*, 4> kKindNames{u"unspecified", u"person", u"server", u"group"};
} // namespace

bool isValidEntryKind(int kind)
{
    return kind >= 0 && kind < static_cast<int>(kKindNames.size());
}

std::optional<EntryKind> entryKindFromInt(qint64 value)
{
    if (value < 0 || value >= static_cast<qint64>(kKindNames.size()))
        return std::nullopt;
    return static_cast<EntryKind>(value);
}

QString entryKindName(EntryKind kind)
{
    return QString::fromUtf16(kKindNames.at(static_cast<std::size_t>(kind)));
}

std::optional<EntryKind> entryKindFromName(QStringView name)
{
    for (std::size_t i = 0; i < kKindNames.size(); ++i) {
        if (name.trimmed().compare(QStringView(kKindNames[i]), Qt::CaseInsensitive) == 0)
            return static_cast<EntryKind>(i);
    }
    return std::nullopt;
}

int defaultRights(AccessLevel level)
{
    return rightsOf(level).defaults;
}

int rightsMask(AccessLevel level)
{
    return rightsOf(level).mask;
}

int forcedRights(AccessLevel level)
{
    return rightsOf(level).forced;
}

int normalizedRights(AccessLevel level, int rights)
{
    return (rights & rightsMask(level)) | forcedRights(level);
}

AclEntry AclEntry::make(const QString& name, AccessLevel level, EntryKind kind)
{
    return AclEntry{name, kind, level, defaultRights(level), {}};
}

bool AclEntry::isWildcard() const
{
    return isWildcardName(name);
}

bool AclEntry::isDefault() const
{
    return namesEqual(name, defaultEntryName());
}

QString defaultEntryName()
{
    return QStringLiteral("-Default-");
}

QString anonymousEntryName()
{
    return QStringLiteral("Anonymous");
}

Status validateEntry(const AclEntry& entry)
{
    const QString name = entry.name.trimmed();
    auto invalid = [&](const QString& why) {
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("ACL entry \"%1\": %2").arg(entry.name, why));
    };
    if (name.isEmpty())
        return invalid(QStringLiteral("the name is empty"));
    if (name.size() > kMaxNameLength)
        return invalid(QStringLiteral("the name is longer than %1 characters").arg(kMaxNameLength));
    for (QChar c : name) {
        if (c.category() == QChar::Other_Control)
            return invalid(QStringLiteral("the name contains a control character"));
    }
    if (name.contains(u'*')) {
        if (!isWildcardName(name) || name.lastIndexOf(u'*') != 0)
            return invalid(QStringLiteral("'*' may only be the whole first component, as in */VPTU/HaNoi"));
        if (entry.kind == EntryKind::Group || entry.kind == EntryKind::Server)
            return invalid(QStringLiteral("a wildcard entry must be of kind unspecified or person"));
    }
    if (!isValidEntryKind(static_cast<int>(entry.kind)))
        return invalid(QStringLiteral("unknown kind %1").arg(static_cast<int>(entry.kind)));
    if (!isValidAccessLevel(static_cast<int>(entry.level)))
        return invalid(QStringLiteral("unknown access level %1").arg(static_cast<int>(entry.level)));
    if (entry.rights & ~kKnownAclRights)
        return invalid(QStringLiteral("unknown right bits %1").arg(entry.rights & ~kKnownAclRights));
    for (const QString& role : entry.roles) {
        if (!isRoleName(role))
            return invalid(QStringLiteral("\"%1\" is not a role name like [Secretary]").arg(role));
    }
    return Status::ok();
}

QStringList normalizedRoles(const QStringList& roles)
{
    QStringList sorted = roles;
    std::sort(sorted.begin(), sorted.end(), [](const QString& a, const QString& b) {
        const int c = nameKey(a).compare(nameKey(b));
        return c != 0 ? c < 0 : a < b;
    });
    auto same = [](const QString& a, const QString& b) {
        return nameKey(a) == nameKey(b);
    };
    sorted.erase(std::unique(sorted.begin(), sorted.end(), same), sorted.end());
    return sorted;
}

} // namespace sen::acl
