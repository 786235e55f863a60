#include "common/schedule/Schedule.h"

#include "common/workflow/StepCheck.h"

#include <QRegularExpression>

#include <algorithm>

namespace sen::schedule {

namespace {

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

Status bad(const QString& why)
{
    return Status(ErrorCode::InvalidArgument, why);
}

// The single name of a Names item `name`, or a status saying what is wrong.
Result<QString> oneName(const Document& doc, const char* name)
{
    const Item* item = doc.item(QLatin1String(name));
    const QStringList names = item ? item->toList() : QStringList();
    if (names.size() != 1 || names.front().trimmed().isEmpty() || names.front().size() > 200)
        return bad(QStringLiteral("%1 must name exactly one person").arg(QLatin1String(name)));
    return names.front();
}

Result<QDateTime> timeOf(const Document& doc)
{
    const Item* item = doc.item(QLatin1String(kItemAt));
    if (!item || item->type != ItemType::DateTime)
        return bad(QStringLiteral("%1 must be a date and time").arg(QLatin1String(kItemAt)));
    return item->toDateTime().toUTC();
}

} // namespace

WeekId WeekId::of(const QDate& day)
{
    int year = 0;
    const int week = day.weekNumber(&year);
    return WeekId{year, week};
}

std::optional<WeekId> WeekId::parse(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})-W(\\d{2})$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const WeekId id{match.captured(1).toInt(), match.captured(2).toInt()};
    if (id.year < 1900 || id.week < 1 || id.week > 53 || of(id.monday()) != id)
        return std::nullopt;
    return id;
}

QString WeekId::toString() const
{
    return QStringLiteral("%1-W%2").arg(year, 4, 10, QLatin1Char('0')).arg(week, 2, 10, QLatin1Char('0'));
}

QDate WeekId::monday() const
{
    // 4 January is always in week 1.
    const QDate jan4(year, 1, 4);
    return jan4.addDays(1 - jan4.dayOfWeek() + 7 * (week - 1));
}

QString actionWord(WeekActionKind kind)
{
    return kind == WeekActionKind::Publish ? S("Công bố") : S("Duyệt");
}

QString changeWord(ChangeKind kind)
{
    return kind == ChangeKind::Cancelled ? S("Hoãn/Hủy") : S("Thay đổi");
}

const char* stateSourceName(WeekState state)
{
    switch (state) {
    case WeekState::Draft:
        return QT_TRANSLATE_NOOP("sen::schedule", "Draft");
    case WeekState::Approved:
        return QT_TRANSLATE_NOOP("sen::schedule", "Approved");
    case WeekState::Published:
        return QT_TRANSLATE_NOOP("sen::schedule", "Published");
    }
    return "";
}

const char* markSourceName(EntryMark mark)
{
    switch (mark) {
    case EntryMark::None:
        return "";
    case EntryMark::Changed:
        return QT_TRANSLATE_NOOP("sen::schedule", "Changed");
    case EntryMark::Cancelled:
        return QT_TRANSLATE_NOOP("sen::schedule", "Postponed/cancelled");
    }
    return "";
}

Result<WeekAction> weekActionFromDocument(const Document& doc)
{
    if (doc.form != QLatin1String(kWeekActionForm))
        return bad(QStringLiteral("not a week action"));
    if (doc.parent)
        return bad(QStringLiteral("a week action is not a response"));
    WeekAction action;
    action.unid = doc.unid;
    const std::optional<WeekId> week = WeekId::parse(doc.text(QLatin1String(kItemWeek)));
    if (!week)
        return bad(QStringLiteral("%1 must be an ISO week such as 2026-W50").arg(QLatin1String(kItemWeek)));
    action.week = *week;
    const QString word = doc.text(QLatin1String(kItemAction));
    if (word == actionWord(WeekActionKind::Approve))
        action.kind = WeekActionKind::Approve;
    else if (word == actionWord(WeekActionKind::Publish))
        action.kind = WeekActionKind::Publish;
    else
        return bad(QStringLiteral("%1 must be \"%2\" or \"%3\"")
                       .arg(QLatin1String(kItemAction), actionWord(WeekActionKind::Approve),
                            actionWord(WeekActionKind::Publish)));
    SEN_ASSIGN_OR_RETURN(action.actor, oneName(doc, kItemActor));
    SEN_ASSIGN_OR_RETURN(action.time, timeOf(doc));
    return action;
}

Result<ChangeRecord> changeFromDocument(const Document& doc)
{
    if (doc.form != QLatin1String(kChangeForm))
        return bad(QStringLiteral("not a change record"));
    if (!doc.parent)
        return bad(QStringLiteral("a change record must be a response of a schedule entry"));
    ChangeRecord change;
    change.unid = doc.unid;
    change.entry = *doc.parent;
    const QString word = doc.text(QLatin1String(kItemChangeKind));
    if (word == changeWord(ChangeKind::Changed))
        change.kind = ChangeKind::Changed;
    else if (word == changeWord(ChangeKind::Cancelled))
        change.kind = ChangeKind::Cancelled;
    else
        return bad(QStringLiteral("%1 must be \"%2\" or \"%3\"")
                       .arg(QLatin1String(kItemChangeKind), changeWord(ChangeKind::Changed),
                            changeWord(ChangeKind::Cancelled)));
    change.reason = doc.text(QLatin1String(kItemReason));
    if (change.reason.trimmed().isEmpty() || change.reason.size() > kMaxText)
        return bad(QStringLiteral("%1 must say what changed, in at most %2 characters")
                       .arg(QLatin1String(kItemReason))
                       .arg(kMaxText));
    SEN_ASSIGN_OR_RETURN(change.author, oneName(doc, kItemChangedBy));
    SEN_ASSIGN_OR_RETURN(change.time, timeOf(doc));
    return change;
}

WeekStatus deriveWeek(const WeekId& week, const std::vector<WeekAction>& actions)
{
    WeekStatus status;
    auto earlier = [](const std::optional<WeekAction>& held, const WeekAction& action) {
        return !held || action.time < held->time ||
               (action.time == held->time && action.unid.toHex() < held->unid.toHex());
    };
    for (const WeekAction& action : actions) {
        if (action.week != week)
            continue;
        std::optional<WeekAction>& slot =
            action.kind == WeekActionKind::Publish ? status.publication : status.approval;
        if (earlier(slot, action))
            slot = action;
    }
    status.state = status.publication ? WeekState::Published
                   : status.approval  ? WeekState::Approved
                                      : WeekState::Draft;
    return status;
}

void sortChanges(std::vector<ChangeRecord>& changes)
{
    std::sort(changes.begin(), changes.end(), [](const ChangeRecord& a, const ChangeRecord& b) {
        if (a.time != b.time)
            return a.time < b.time;
        return a.unid.toHex() < b.unid.toHex();
    });
}

EntryMark deriveMark(const std::vector<ChangeRecord>& changes)
{
    if (changes.empty())
        return EntryMark::None;
    std::vector<ChangeRecord> sorted = changes;
    sortChanges(sorted);
    return sorted.back().kind == ChangeKind::Cancelled ? EntryMark::Cancelled : EntryMark::Changed;
}

QString changeItemName(const Unid& record)
{
    return QLatin1String(kItemChangePrefix) + record.toHex();
}

std::optional<Unid> changeItemRecord(const QString& itemName)
{
    if (!itemName.startsWith(QLatin1String(kItemChangePrefix)))
        return std::nullopt;
    const QString hex = itemName.mid(int(qstrlen(kItemChangePrefix)));
    if (hex.size() != 32)
        return std::nullopt;
    return Unid::fromHex(hex);
}

QDate entryDate(const Document& entry)
{
    const Item* item = entry.item(QLatin1String(kItemDate));
    if (!item || item->type != ItemType::DateTime)
        return {};
    return item->toDateTime().toUTC().date();
}

bool holdsAnyRole(const acl::EffectiveAccess& access, std::initializer_list<const char*> roles)
{
    return std::any_of(roles.begin(), roles.end(), [&access](const char* role) {
        return workflow::holdsRole(access, QLatin1String(role));
    });
}

} // namespace sen::schedule
