#include "common/schedule/Invitation.h"

#include "common/acl/NameMatch.h"
#include "common/schedule/Schedule.h"

#include <QCoreApplication>

#include <algorithm>

namespace sen::schedule {

namespace {

Status bad(const QString& why)
{
    return Status(ErrorCode::InvalidArgument, why);
}

// The values of the Names item `name`, trimmed, empty ones dropped.
QStringList namesOf(const Document& doc, const char* name)
{
    QStringList out;
    if (const Item* item = doc.item(QLatin1String(name)))
        for (const QString& value : item->toList())
            if (!value.trimmed().isEmpty())
                out.append(value.trimmed());
    return out;
}

// A name item holding at most one person's or unit's name; `required` when it must hold one.
Result<QString> singleName(const Document& doc, const char* name, bool required)
{
    const QStringList names = namesOf(doc, name);
    if (names.isEmpty() && !required)
        return QString();
    if (names.size() != 1 || names.front().size() > kMaxName)
        return bad(QStringLiteral("%1 must hold exactly one name of at most %2 characters")
                       .arg(QLatin1String(name))
                       .arg(kMaxName));
    return names.front();
}

} // namespace

QString answerWord(Answer answer)
{
    switch (answer) {
    case Answer::Attend:
        return QString::fromUtf8("Tham dự");
    case Answer::Decline:
        return QString::fromUtf8("Không tham dự");
    case Answer::Delegate:
        return QString::fromUtf8("Cử người thay");
    }
    return {};
}

const char* answerSourceName(Answer answer)
{
    switch (answer) {
    case Answer::Attend:
        return QT_TRANSLATE_NOOP("sen::schedule", "Attending");
    case Answer::Decline:
        return QT_TRANSLATE_NOOP("sen::schedule", "Not attending");
    case Answer::Delegate:
        return QT_TRANSLATE_NOOP("sen::schedule", "Sending a delegate");
    }
    return "";
}

Result<Reply> replyFromDocument(const Document& doc)
{
    if (doc.form != QLatin1String(kReplyForm))
        return bad(QStringLiteral("not a reply to an invitation"));
    if (!doc.parent)
        return bad(QStringLiteral("a reply must be a response of a schedule entry"));
    Reply reply;
    reply.unid = doc.unid;
    reply.entry = *doc.parent;
    SEN_ASSIGN_OR_RETURN(reply.author, singleName(doc, kItemReplier, true));
    const QString word = doc.text(QLatin1String(kItemAnswer));
    bool known = false;
    for (Answer answer : {Answer::Attend, Answer::Decline, Answer::Delegate})
        if (word == answerWord(answer)) {
            reply.answer = answer;
            known = true;
        }
    if (!known)
        return bad(QStringLiteral("%1 must be \"%2\", \"%3\" or \"%4\"")
                       .arg(QLatin1String(kItemAnswer), answerWord(Answer::Attend),
                            answerWord(Answer::Decline), answerWord(Answer::Delegate)));
    const bool delegating = reply.answer == Answer::Delegate;
    SEN_ASSIGN_OR_RETURN(reply.delegate, singleName(doc, kItemDelegate, delegating));
    if (!delegating && !reply.delegate.isEmpty())
        return bad(QStringLiteral("%1 names a delegate only when the answer is \"%2\"")
                       .arg(QLatin1String(kItemDelegate), answerWord(Answer::Delegate)));
    if (delegating && (!acl::isAccessName(reply.delegate) || acl::isRoleName(reply.delegate) ||
                       acl::isWildcardName(reply.delegate)))
        return bad(QStringLiteral("%1 must be a person's name").arg(QLatin1String(kItemDelegate)));
    SEN_ASSIGN_OR_RETURN(reply.onBehalf, singleName(doc, kItemOnBehalf, false));
    reply.note = doc.text(QLatin1String(kItemReplyNote));
    if (reply.note.size() > kMaxReplyNote)
        return bad(QStringLiteral("%1 is longer than %2 characters")
                       .arg(QLatin1String(kItemReplyNote))
                       .arg(kMaxReplyNote));
    const Item* at = doc.item(QLatin1String(kItemAt));
    if (!at || at->type != ItemType::DateTime)
        return bad(QStringLiteral("%1 must be a date and time").arg(QLatin1String(kItemAt)));
    reply.time = at->toDateTime().toUTC();
    return reply;
}

bool isNewer(const Reply& a, const Reply& b)
{
    if (a.time != b.time)
        return a.time > b.time;
    return a.unid.toHex() > b.unid.toHex();
}

void sortReplies(std::vector<Reply>& replies)
{
    std::sort(replies.begin(), replies.end(), [](const Reply& a, const Reply& b) { return isNewer(b, a); });
}

QStringList invitationLines(const Document& entry)
{
    QStringList lines;
    auto add = [&lines](const QString& raw) {
        const QString line = raw.trimmed();
        if (line.isEmpty())
            return;
        for (const QString& held : lines)
            if (acl::namesEqual(held, line))
                return;
        lines.append(line);
    };
    for (const char* name : {kItemPresiding, kItemParticipants})
        if (const Item* item = entry.item(QLatin1String(name)))
            for (const QString& value : item->toList())
                for (const QString& line : value.split(QLatin1Char('\n')))
                    add(line);
    return lines;
}

bool looksLikeDirectoryName(const QString& line)
{
    const QString name = line.trimmed();
    if (acl::isRoleName(name) || acl::isWildcardName(name))
        return true;
    return name.contains(QLatin1Char('/')) && acl::isAccessName(name);
}

InvitationTally tallyReplies(const Document& entry, const std::vector<Reply>& replies,
                             const std::function<bool(const QString&)>& isDirectoryName)
{
    InvitationTally tally;
    for (const QString& line : invitationLines(entry)) {
        if (isDirectoryName(line))
            tally.rows.push_back(InviteeRow{line, true, std::nullopt});
        else
            tally.freeText.append(line);
    }
    // The effective reply of each respondent: its newest.
    std::vector<Reply> effective;
    for (const Reply& reply : replies) {
        if (reply.entry != entry.unid)
            continue;
        auto held = std::find_if(effective.begin(), effective.end(), [&reply](const Reply& other) {
            return acl::namesEqual(other.respondent(), reply.respondent());
        });
        if (held == effective.end())
            effective.push_back(reply);
        else if (isNewer(reply, *held))
            *held = reply;
    }
    std::vector<InviteeRow> others;
    for (const Reply& reply : effective) {
        auto row = std::find_if(tally.rows.begin(), tally.rows.end(), [&reply](const InviteeRow& r) {
            return acl::namesEqual(r.name, reply.respondent());
        });
        if (row != tally.rows.end())
            row->reply = reply;
        else
            others.push_back(InviteeRow{reply.respondent(), false, reply});
    }
    std::sort(others.begin(), others.end(), [](const InviteeRow& a, const InviteeRow& b) {
        return acl::nameKey(a.name) < acl::nameKey(b.name);
    });
    tally.rows.insert(tally.rows.end(), others.begin(), others.end());
    for (const InviteeRow& row : tally.rows) {
        if (!row.reply) {
            ++tally.unanswered;
            continue;
        }
        switch (row.reply->answer) {
        case Answer::Attend:
            ++tally.attending;
            break;
        case Answer::Decline:
            ++tally.declining;
            break;
        case Answer::Delegate:
            ++tally.delegating;
            break;
        }
    }
    return tally;
}

} // namespace sen::schedule
