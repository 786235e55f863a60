#pragma once

// What to tell the user after a sync (docs/workflow.md "Notifications"; issue #14): the work
// newly assigned to them (a row of "assigned", "awaiting my opinion" or, for the văn thư,
// "to present" that was not there when they were last told) and the deadlines newly reached
// (a row that became due soon, or overdue, since). Computed GUI-free from two MyWork reports'
// worth of rows: what is in the report now, against what was already notified, which is kept
// in the workspace's settings file (`sen.ini`, group "mywork"), so a notice is given once,
// across restarts, and a row that leaves and comes back (a new direction) is told again.
//
// The first call for a workspace notifies nothing: it records what is there (the user sees
// it on the home page anyway), so logging in does not bring a flood of old work.
//
// Not thread-safe; one per window (`sen`), or per command.

#include "client/app/MyWork.h"

#include <QString>

namespace sen::app {

struct WorkNotice
{
    enum class Kind
    {
        Assigned, // newly assigned or awaiting the user
        DueSoon,  // its deadline is now near
        Overdue,  // its deadline has now passed
    };
    Kind kind = Kind::Assigned;
    WorkRow row;
};

class WorkNotifier
{
public:
    // `settingsPath`: the workspace's settings file (Workspace::home() + "/sen.ini").
    explicit WorkNotifier(QString settingsPath) : m_settingsPath(std::move(settingsPath)) {}

    // The notices `report` gives against what was notified before, oldest concern first;
    // records the report's rows as notified.
    std::vector<WorkNotice> update(const MyWorkReport& report);
    // One line for a tray message ("Assigned: 12/UBND — Về việc ...").
    static QString text(const WorkNotice& notice);

private:
    QString m_settingsPath;
};

} // namespace sen::app
