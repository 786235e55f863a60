#include "common/acl/AccessLevel.h"

#include <array>

namespace sen::acl {

namespace {
struct LevelNames
{
    AccessLevel level;
    const char16_t* name;
    const char16_t* display;
};
constexpr std::array<LevelNames, 7> kLevels{{
    {AccessLevel::NoAccess, u"noaccess", u"No Access"},
    {AccessLevel::Depositor, u"depositor", u"Depositor"},
    {AccessLevel::Reader, u"reader", u"Reader"},
    {AccessLevel::Author, u"author", u"Author"},
    {AccessLevel::Editor, u"editor", u"Editor"},
    {AccessLevel::Designer, u"designer", u"Designer"},
    {AccessLevel::Manager, u"manager", u"Manager"},
}};
} // namespace

bool isValidAccessLevel(int level)
{
    return level >= static_cast<int>(AccessLevel::NoAccess) &&
           level <= static_cast<int>(AccessLevel::Manager);
}

std::optional<AccessLevel> accessLevelFromInt(qint64 value)
{
    if (value < static_cast<int>(AccessLevel::NoAccess) || value > static_cast<int>(AccessLevel::Manager))
        return std::nullopt;
    return static_cast<AccessLevel>(value);
}

QString accessLevelName(AccessLevel level)
{
    return QString::fromUtf16(kLevels.at(static_cast<std::size_t>(level)).name);
}

QString accessLevelDisplayName(AccessLevel level)
{
    return QString::fromUtf16(kLevels.at(static_cast<std::size_t>(level)).display);
}

std::optional<AccessLevel> accessLevelFromName(QStringView name)
{
    const QStringView trimmed = name.trimmed();
    for (const LevelNames& entry : kLevels) {
        if (trimmed.compare(QStringView(entry.name), Qt::CaseInsensitive) == 0 ||
            trimmed.compare(QStringView(entry.display), Qt::CaseInsensitive) == 0)
            return entry.level;
    }
    return std::nullopt;
}

} // namespace sen::acl
