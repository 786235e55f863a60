// The schedule routes of the intranet site (WebSite.h; docs/web.md §Routes): /schedule
// (?tuan=YYYY-Www: the previous, this or the next week) and /schedule.ics (those three weeks'
// published entries). Only published weeks are shown; Readers items of entries are honoured.

#include "common/acl/AccessCheck.h"
#include "common/schedule/ICalendar.h"
#include "server/web/SchedulePages.h"
#include "server/web/WebSite.h"

#include <QCoreApplication>
#include <QHttpServerRequest>
#include <QUrlQuery>

namespace sen::server::web {

namespace {

schedule::WeekId currentWeek()
{
    return schedule::WeekId::of(inVietnam(QDateTime::currentDateTimeUtc()).date());
}

// The entries of `days` that `access` may read.
Status keepReadable(const ReplicaStore& store, const acl::EffectiveAccess& access,
                    std::vector<schedule::ScheduleEntry>& entries)
{
    std::vector<schedule::ScheduleEntry> kept;
    for (schedule::ScheduleEntry& entry : entries) {
        SEN_ASSIGN_OR_RETURN(const Document doc, store.get(entry.unid));
        if (acl::canRead(access, doc).isOk())
            kept.push_back(std::move(entry));
    }
    entries = std::move(kept);
    return Status::ok();
}

} // namespace

WebReply WebSite::schedule(const Reader& reader, const QString& path, const QHttpServerRequest& request)
{
    if (!m_calendar)
        return notFound(reader);
    const Result<std::int64_t> seq = m_calendar->lastSeq();
    const Result<acl::Acl> acl = aclOf(*m_calendar, m_calendarAcl);
    if (!seq || !acl)
        return unreadable(reader, seq ? acl.status() : seq.status());
    const acl::EffectiveAccess access = accessOf(reader, *acl);
    if (std::optional<WebReply> refused = refuseUnlessReader(reader, access))
        return *refused;

    const schedule::WeekId current = currentWeek();
    schedule::WeekId week = current;
    if (const QString asked = request.query().queryItemValue(QStringLiteral("tuan")); !asked.isEmpty()) {
        const std::optional<schedule::WeekId> parsed = schedule::WeekId::parse(asked);
        if (!parsed || !(*parsed == current || *parsed == current.previous() || *parsed == current.next()))
            return notFound(reader);
        week = *parsed;
    }

    m_schedulePages.sync(*seq);
    const QString key = cacheKey(access, reader, request) + u'|' + current.toString();
    if (const std::optional<QByteArray> cached = m_schedulePages.find(key)) {
        WebReply reply{200, "text/html; charset=utf-8", *cached, {}, "private, no-cache"};
        if (path == u"/schedule.ics")
            reply.contentType = "text/calendar; charset=utf-8";
        return reply;
    }

    const schedule::WeekView view(*m_calendar);
    WebReply reply;
    if (path == u"/schedule.ics") {
        const Result<std::vector<schedule::ICalEntry>> entries =
            schedule::icalEntries(view, current.previous().monday(), current.next().sunday());
        if (!entries)
            return unreadable(reader, entries.status());
        std::vector<schedule::ICalEntry> published;
        for (const schedule::ICalEntry& entry : *entries) {
            if (!entry.published)
                continue;
            const Result<Document> doc = m_calendar->get(entry.entry.unid);
            if (doc && acl::canRead(access, *doc).isOk())
                published.push_back(entry);
        }
        reply.contentType = "text/calendar; charset=utf-8";
        reply.body = schedule::writeICalendar(published,
                                              QCoreApplication::translate("sen::web", "Weekly work schedule"),
                                              QDateTime::currentDateTimeUtc());
    } else {
        WeekPage shown{week, current, std::nullopt};
        Result<schedule::ScheduleWeek> read = view.week(week);
        if (!read)
            return unreadable(reader, read.status());
        if (read->status.state == schedule::WeekState::Published) {
            for (schedule::ScheduleDay& day : read->days) {
                for (auto* session : {&day.morning, &day.afternoon}) {
                    if (const Status kept = keepReadable(*m_calendar, access, *session); !kept.isOk())
                        return unreadable(reader, kept);
                }
            }
            shown.published = std::move(*read);
        }
        reply.body = weekPage(m_context.siteName, Viewer{reader.userName}, shown).toUtf8();
    }
    m_schedulePages.insert(key, reply.body);
    return reply;
}

} // namespace sen::server::web
