#pragma once

// Invitations (giấy mời) and their replies (docs/schedule.md "Invitations"; issue #15): a
// schedule entry (LichCongTac) invites the directory names among its presiding (ChuTri) and
// participants (ThanhPhan) — people, groups standing for units, roles, units as wildcards;
// free-text lines (outside bodies) are shown but invite nobody. Each reply is a record, a
// response of the entry (TraLoiMoi) written once by its author and never rewritten:
//
// - NguoiTraLoi: exactly the author; TraLoi: "Tham dự", "Không tham dự" or "Cử người thay";
// - NguoiThay: the delegate's name, present exactly when delegating;
// - DaiDien (optional): the invited group, unit or role the reply answers for;
// - GhiChu (optional, at most kMaxReplyNote characters); ThoiGian: when it was written.
//
// A reply answers for its *respondent*: DaiDien when given, else the author. The effective
// reply of a respondent is their newest (time, then UNID), so two replies written offline on
// two PCs are two documents that merge without conflict, and every replica holding the same
// replies derives the same list and counts. Pure functions, GUI-free; parsing fails with
// InvalidArgument naming the bad item.

#include "common/core/Result.h"
#include "common/model/Document.h"

#include <QDateTime>
#include <QStringList>

#include <functional>
#include <optional>
#include <vector>

namespace sen::schedule {

inline constexpr const char* kReplyForm = "TraLoiMoi";
inline constexpr const char* kItemReplier = "NguoiTraLoi"; // Names: exactly the author
inline constexpr const char* kItemAnswer = "TraLoi";       // the answer word
inline constexpr const char* kItemDelegate = "NguoiThay";  // Names: the delegate, when delegating
inline constexpr const char* kItemOnBehalf = "DaiDien";    // Names: the invited unit answered for
inline constexpr const char* kItemReplyNote = "GhiChu";    // a note (and kItemAt)

inline constexpr int kMaxReplyNote = 1000;
inline constexpr int kMaxName = 200;

enum class Answer
{
    Attend = 0,   // Tham dự
    Decline = 1,  // Không tham dự
    Delegate = 2, // Cử người thay
};

// The word stored in TraLoi, and the source (English) name for tr() in the client.
QString answerWord(Answer answer);
const char* answerSourceName(Answer answer);

struct Reply
{
    Unid unid;
    Unid entry;
    QString author;
    Answer answer = Answer::Attend;
    QString delegate; // when Delegate
    QString onBehalf; // the invited unit, group or role answered for; empty: the author
    QString note;
    QDateTime time; // UTC

    // Whom the reply answers for: onBehalf, else the author.
    const QString& respondent() const { return onBehalf.isEmpty() ? author : onBehalf; }
};

Result<Reply> replyFromDocument(const Document& doc);
// Orders replies oldest first (time, then UNID): an entry's history of replies.
void sortReplies(std::vector<Reply>& replies);
// Whether `a` is newer than `b` (time, then UNID).
bool isNewer(const Reply& a, const Reply& b);

// Every non-empty line of the entry's ChuTri and ThanhPhan, trimmed, the same name once
// (acl::namesEqual), presiding first. The server's rule takes them all as invitees (free text
// names no user); the list below separates directory names from free text.
QStringList invitationLines(const Document& entry);

// One row of an entry's list of replies: an invitee or a respondent.
struct InviteeRow
{
    QString name;               // the invited name, or a respondent not invited by name
    bool invited = true;        // a directory name of the entry; false: a respondent only
    std::optional<Reply> reply; // the effective reply answering for `name`; nullopt: none yet
};

struct InvitationTally
{
    std::vector<InviteeRow> rows; // invitees in the entry's order, then other respondents by name
    QStringList freeText;         // lines that are not directory names (shown, not invited)
    int attending = 0;            // tham dự
    int delegating = 0;           // cử người thay
    int declining = 0;            // không tham dự
    int unanswered = 0;           // chưa trả lời
    int invited() const { return attending + delegating + declining + unanswered; }
};

// The list and counts of an entry from its replies (any order; those of other entries are
// ignored). `isDirectoryName` says which lines are directory names (the client's address
// book); each respondent's effective reply fills the row of the invitee it names, or a row of
// its own (someone invited through a group or role replying for themselves).
InvitationTally tallyReplies(const Document& entry, const std::vector<Reply>& replies,
                             const std::function<bool(const QString&)>& isDirectoryName);

// Without an address book: roles ("[LanhDao]"), wildcards ("*/VPTU/HaNoi") and hierarchical
// names ("Nguyễn Văn An/VPTU/HaNoi") are directory names; other lines are free text.
bool looksLikeDirectoryName(const QString& line);

} // namespace sen::schedule
