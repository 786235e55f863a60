#pragma once

// The published weekly schedule's page (lịch công tác tuần; docs/web.md §Routes): the week
// grid Thứ/ngày × Sáng/Chiều with each entry's time, content, presiding, participants, place,
// preparing unit, serving office leader and note, entries changed or cancelled after
// publication marked (a cancelled one struck through), and links to the previous, this and the
// next week. A week that is not published shows that it is not. Every value escaped. Pure.

#include "common/schedule/WeekView.h"
#include "server/web/WebLayout.h"

#include <optional>

namespace sen::server::web {

struct WeekPage
{
    schedule::WeekId week;
    schedule::WeekId current;                        // the week of today, in Vietnam
    std::optional<schedule::ScheduleWeek> published; // nullopt: the week is not published
};

QString weekUrl(const schedule::WeekId& week);
QString weekPage(const QString& siteName, const Viewer& viewer, const WeekPage& shown);

} // namespace sen::server::web
