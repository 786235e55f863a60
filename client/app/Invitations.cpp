#include "client/app/Invitations.h"

#include "common/acl/NameMatch.h"

#include <QCoreApplication>
#include <QTime>

#include <algorithm>
#include <map>

namespace sen::app {

using namespace sen::schedule;

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("sen::app::Invitations", text);
}

bool byDateAndTime(const InvitationView& a, const InvitationView& b)
{
    if (a.date != b.date)
        return a.date < b.date;
    const QTime ta = QTime::fromString(a.time, QStringLiteral("H:mm"));
    const QTime tb = QTime::fromString(b.time, QStringLiteral("H:mm"));
    if (ta != tb)
        return ta.isValid() && (!tb.isValid() || ta < tb);
    return a.content < b.content;
}

} // namespace

struct Invitations::Context
{
    acl::EffectiveAccess access;
    std::vector<QString> bookNames; // name keys of the address book's entries, sorted; empty: none

    bool isDirectoryName(const QString& line) const
    {
        if (acl::isRoleName(line) || acl::isWildcardName(line))
            return true;
        if (bookNames.empty())
            return looksLikeDirectoryName(line);
        return std::binary_search(bookNames.begin(), bookNames.end(), acl::nameKey(line));
    }

    // How `lines` invite the user: their own name (""), else the first line naming a group,
    // role or unit of theirs.
    std::optional<QString> invitedAs(const QStringList& lines) const
    {
        for (const QString& line : lines)
            if (acl::namesEqual(line, access.userName))
                return QString();
        for (const QString& line : lines)
            if (access.isNamedIn({line}))
                return line;
        return std::nullopt;
    }
};

QString Invitations::answerName(Answer answer)
{
    return QCoreApplication::translate("sen::schedule", answerSourceName(answer));
}

Result<Invitations::Context> Invitations::context() const
{
    Context context;
    if (const auto reported = m_session.access())
        context.access = *reported;
    context.access.userName = m_session.userName();
    SEN_ASSIGN_OR_RETURN(const client::AddressBook book, m_session.addressBook());
    for (const client::DirectoryEntry& entry : book.entries())
        context.bookNames.push_back(acl::nameKey(entry.name));
    std::sort(context.bookNames.begin(), context.bookNames.end());
    return context;
}

InvitationView Invitations::viewOf(const Document& entry, std::vector<Reply> replies,
                                   std::vector<ChangeRecord> changes, const Context& context) const
{
    InvitationView view;
    view.entry = entry.unid;
    view.date = entryDate(entry);
    view.time = entry.text(QLatin1String(kItemTime)).trimmed();
    view.content = entry.text(QLatin1String(kItemContent));
    view.place = entry.text(QLatin1String(kItemPlace));
    view.mark = deriveMark(changes);
    sortReplies(replies);
    view.tally = tallyReplies(entry, replies,
                              [&context](const QString& line) { return context.isDirectoryName(line); });
    view.history = std::move(replies);
    view.invitedAs = context.invitedAs(invitationLines(entry));
    // The user's answer: the newest reply answering for them or for the line they are invited as.
    for (const Reply& reply : view.history) {
        const bool forMe = acl::namesEqual(reply.respondent(), context.access.userName) ||
                           (view.invitedAs && !view.invitedAs->isEmpty() &&
                            acl::namesEqual(reply.respondent(), *view.invitedAs));
        if (forMe)
            view.mine = reply; // history is oldest first: the last one wins
    }
    return view;
}

Result<InvitationView> Invitations::of(const Unid& unid) const
{
    SEN_ASSIGN_OR_RETURN(const Document entry, m_session.document(unid));
    if (entry.isDeleted() || entry.form != QLatin1String(kEntryForm))
        return Status(ErrorCode::InvalidArgument, tr("not an entry of the work schedule"));
    SEN_ASSIGN_OR_RETURN(const Context context, this->context());
    SEN_ASSIGN_OR_RETURN(const std::vector<Document> responses, m_session.responses(unid));
    std::vector<Reply> replies;
    std::vector<ChangeRecord> changes;
    for (const Document& response : responses) {
        if (response.isConflict())
            continue;
        if (response.form == QLatin1String(kReplyForm)) {
            if (Result<Reply> reply = replyFromDocument(response))
                replies.push_back(*reply);
        } else if (response.form == QLatin1String(kChangeForm)) {
            if (Result<ChangeRecord> change = changeFromDocument(response))
                changes.push_back(*change);
        }
    }
    return viewOf(entry, std::move(replies), std::move(changes), context);
}

Result<std::vector<InvitationView>> Invitations::list(const QDate& from, bool pendingOnly) const
{
    SEN_ASSIGN_OR_RETURN(const Context context, this->context());
    SEN_ASSIGN_OR_RETURN(const std::vector<Document> entries,
                         m_session.documentsOfForm(QLatin1String(kEntryForm)));
    std::map<Unid, const Document*> wanted;
    for (const Document& entry : entries) {
        if (entry.isConflict())
            continue;
        const QDate day = entryDate(entry);
        if (!day.isValid() || day < from)
            continue;
        const QStringList lines = invitationLines(entry);
        if (pendingOnly ? !context.invitedAs(lines)
                        : std::none_of(lines.begin(), lines.end(),
                                       [&context](const QString& l) { return context.isDirectoryName(l); }))
            continue;
        wanted.emplace(entry.unid, &entry);
    }
    std::map<Unid, std::vector<Reply>> replies;
    SEN_ASSIGN_OR_RETURN(const std::vector<Document> replyDocs,
                         m_session.documentsOfForm(QLatin1String(kReplyForm)));
    for (const Document& doc : replyDocs)
        if (!doc.isConflict() && doc.parent && wanted.count(*doc.parent))
            if (Result<Reply> reply = replyFromDocument(doc))
                replies[*doc.parent].push_back(*reply);
    std::map<Unid, std::vector<ChangeRecord>> changes;
    SEN_ASSIGN_OR_RETURN(const std::vector<Document> changeDocs,
                         m_session.documentsOfForm(QLatin1String(kChangeForm)));
    for (const Document& doc : changeDocs)
        if (!doc.isConflict() && doc.parent && wanted.count(*doc.parent))
            if (Result<ChangeRecord> change = changeFromDocument(doc))
                changes[*doc.parent].push_back(*change);
    std::vector<InvitationView> out;
    for (const auto& [unid, entry] : wanted) {
        InvitationView view = viewOf(*entry, std::move(replies[unid]), std::move(changes[unid]), context);
        // Pending: invited, not cancelled, and no reply of the user's or for their line.
        if (pendingOnly && (!view.mayReply() || view.mine))
            continue;
        out.push_back(std::move(view));
    }
    std::stable_sort(out.begin(), out.end(), byDateAndTime);
    return out;
}

Result<Document> Invitations::reply(const Unid& entry, Answer answer, const QString& delegate,
                                    const QString& note, const QString& onBehalf)
{
    if (m_session.userName().isEmpty())
        return Status(ErrorCode::PermissionDenied, tr("log in first: the reply is signed with your name"));
    SEN_ASSIGN_OR_RETURN(const InvitationView view, of(entry));
    if (!view.invitedAs)
        return Status(ErrorCode::PermissionDenied, tr("this entry does not invite you"));
    if (view.mark == EntryMark::Cancelled)
        return Status(ErrorCode::InvalidArgument, tr("the meeting is postponed or cancelled"));
    const bool delegating = answer == Answer::Delegate;
    if (delegating && delegate.trimmed().isEmpty())
        return Status(ErrorCode::InvalidArgument, tr("name the person you send in your place"));
    if (!delegating && !delegate.trimmed().isEmpty())
        return Status(ErrorCode::InvalidArgument, tr("a delegate is named only when you send one"));
    if (note.size() > kMaxReplyNote)
        return Status(ErrorCode::InvalidArgument,
                      tr("the note is longer than %1 characters").arg(kMaxReplyNote));
    const QString forWhom = onBehalf.trimmed().isEmpty() ? *view.invitedAs : onBehalf.trimmed();
    DocumentEdit edit = DocumentEdit::create(QLatin1String(kReplyForm), entry);
    edit.set(Item::names(QLatin1String(kItemReplier), ItemType::Names, {m_session.userName()}))
        .set(Item::text(QLatin1String(kItemAnswer), answerWord(answer)))
        .set(Item::dateTime(QLatin1String(kItemAt), QDateTime::currentDateTimeUtc()));
    if (delegating)
        edit.set(Item::names(QLatin1String(kItemDelegate), ItemType::Names, {delegate.trimmed()}));
    if (!forWhom.isEmpty())
        edit.set(Item::text(QLatin1String(kItemOnBehalf), forWhom));
    if (!note.trimmed().isEmpty())
        edit.set(Item::text(QLatin1String(kItemReplyNote), note.trimmed()));
    return m_session.save(edit);
}

} // namespace sen::app
