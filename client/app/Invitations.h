#pragma once

// Invitations (giấy mời) as the application drives them (docs/schedule.md "Invitations";
// issue #15): the replies of a schedule entry — the effective reply of each invitee and the
// history — with the counts, the user's pending invitations, and the reply itself. A reply is
// saved through the DatabaseSession, so it is checked there as the server checks it
// (common/schedule/InvitationCheck.h), signed with the session's user and now.
//
// Which lines of an entry are directory names: with an address book (client/core/
// AddressBook.h), roles, wildcards and the names it lists exactly; without one, roles,
// wildcards and hierarchical names (schedule::looksLikeDirectoryName). Free text is shown,
// never invited.
//
// The user is invited by an entry when one of its lines names them, one of their groups or
// roles, or a unit (wildcard) they fall under — with the access the server last reported;
// without one, by their own name only. GUI-free; holds no state; `senctl invitation`, the
// week view and My work read this.

#include "client/app/DatabaseSession.h"
#include "common/schedule/Invitation.h"
#include "common/schedule/Schedule.h"

#include <QDate>

#include <optional>
#include <vector>

namespace sen::app {

// One entry seen as an invitation.
struct InvitationView
{
    Unid entry;
    QDate date;
    QString time; // "07:30", may be empty
    QString content;
    QString place;
    schedule::EntryMark mark = schedule::EntryMark::None;
    schedule::InvitationTally tally;      // effective replies and counts
    std::vector<schedule::Reply> history; // every reply, oldest first
    // How the user is invited: their own name (empty string) or the line naming their group,
    // role or unit; nullopt when not invited.
    std::optional<QString> invitedAs;
    // The effective reply answering for the user (their own, or for the line they are
    // invited as); nullopt: none yet.
    std::optional<schedule::Reply> mine;

    bool mayReply() const { return invitedAs && mark != schedule::EntryMark::Cancelled; }
};

class Invitations
{
public:
    explicit Invitations(DatabaseSession& session) : m_session(session) {}

    // The entry `entry` as an invitation; InvalidArgument when not a live schedule entry.
    Result<InvitationView> of(const Unid& entry) const;
    // The invitations dated from `from` on (every entry with at least one invitee), by date
    // and time; `pendingOnly`: those inviting the user, not cancelled, with no reply answering
    // for them. Three reads of the database whatever its size (entries, change records,
    // replies), no query per entry.
    Result<std::vector<InvitationView>> list(const QDate& from, bool pendingOnly) const;
    Result<std::vector<InvitationView>> pending(const QDate& from) const { return list(from, true); }

    // Writes the user's reply to `entry`. `delegate` is required when delegating (a name the
    // address book resolves), refused otherwise; `onBehalf` (empty: how the user is invited)
    // names the invited line the reply answers for. Refused: without a user
    // (PermissionDenied), a user the entry does not invite (PermissionDenied), a postponed or
    // cancelled entry (InvalidArgument), a note over schedule::kMaxReplyNote characters.
    Result<Document> reply(const Unid& entry, schedule::Answer answer, const QString& delegate = {},
                           const QString& note = {}, const QString& onBehalf = {});

    // The translated name of an answer ("Attending", ...).
    static QString answerName(schedule::Answer answer);

private:
    struct Context;
    Result<Context> context() const;
    InvitationView viewOf(const Document& entry, std::vector<schedule::Reply> replies,
                          std::vector<schedule::ChangeRecord> changes, const Context& context) const;

    DatabaseSession& m_session;
};

} // namespace sen::app
