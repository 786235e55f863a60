#include "client/app/WorkNotifier.h"

#include <QCoreApplication>
#include <QSet>
#include <QSettings>

namespace sen::app {

namespace {

const char* const kKey = "mywork/notified";

bool notifiable(const WorkRow& row)
{
    return row.section == WorkSection::Assigned || row.section == WorkSection::Awaiting ||
           row.section == WorkSection::Unpresented;
}

// The keys a row stands for: its presence ("a|db|unid|step|section") and its deadline state
// ("d|db|unid|due"), so each changes only when what it says does.
QString presenceKey(const WorkRow& row)
{
    return QStringLiteral("a|%1|%2|%3|%4")
        .arg(row.database, row.unid.toHex(), row.step.toHex(), MyWork::sectionId(row.section));
}

QString dueKey(const WorkRow& row)
{
    return QStringLiteral("d|%1|%2|%3").arg(row.database, row.unid.toHex()).arg(row.due ? int(*row.due) : -1);
}

} // namespace

std::vector<WorkNotice> WorkNotifier::update(const MyWorkReport& report)
{
    QSettings settings(m_settingsPath, QSettings::IniFormat);
    const bool first = !settings.contains(QLatin1String(kKey));
    const QStringList stored = settings.value(QLatin1String(kKey)).toStringList();
    const QSet<QString> before(stored.begin(), stored.end());

    std::vector<WorkNotice> notices;
    QStringList now;
    QSet<QString> seen;
    for (const WorkRow& row : report.rows) {
        if (!notifiable(row))
            continue;
        const QString presence = presenceKey(row);
        const QString due = dueKey(row);
        if (seen.contains(presence))
            continue;
        seen.insert(presence);
        now << presence << due;
        if (first)
            continue;
        if (!before.contains(presence))
            notices.push_back({WorkNotice::Kind::Assigned, row});
        else if (!before.contains(due) && row.due == workdays::DeadlineState::Overdue)
            notices.push_back({WorkNotice::Kind::Overdue, row});
        else if (!before.contains(due) && row.due == workdays::DeadlineState::DueSoon)
            notices.push_back({WorkNotice::Kind::DueSoon, row});
    }
    settings.setValue(QLatin1String(kKey), now);
    settings.sync();
    return notices;
}

QString WorkNotifier::text(const WorkNotice& notice)
{
    auto tr = [](const char* text) {
        return QCoreApplication::translate("sen::app::WorkNotifier", text);
    };
    switch (notice.kind) {
    case WorkNotice::Kind::Assigned:
        return tr("New: %1").arg(notice.row.title);
    case WorkNotice::Kind::DueSoon:
        return tr("Due soon: %1").arg(notice.row.title);
    case WorkNotice::Kind::Overdue:
        return tr("Overdue: %1").arg(notice.row.title);
    }
    return {};
}

} // namespace sen::app
