// Invitations and their replies (common/schedule/Invitation.h, docs/schedule.md
// "Invitations"): who an entry invites (directory names, not free text), the newest reply of
// a respondent wins whatever order replies arrive in, a reply for a unit fills the unit's row,
// the counts, and malformed replies refused with the item named.

#include "common/schedule/Invitation.h"

#include "common/schedule/Schedule.h"

#include <QDateTime>

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>

using namespace sen;
using namespace sen::schedule;

namespace {

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

QDateTime at(int hour, int minute = 0)
{
    return QDateTime(QDate(2026, 12, 7), QTime(hour, minute), Qt::UTC);
}

const QString kAn = S("Nguyễn Văn An/VPTU/HaNoi");
const QString kBinh = S("Trần Thị Bình/VPTU/HaNoi");
const QString kChi = S("Lê Văn Chí/VPTU/HaNoi");

Document entry()
{
    Document doc;
    doc.unid = newUnid();
    doc.form = QLatin1String(kEntryForm);
    doc.putItem(Item::text(QLatin1String(kItemPresiding), kAn));
    doc.putItem(Item::textList(QLatin1String(kItemParticipants),
                               {kBinh, S("[LanhDao]"), S("Đại diện Sở Tài chính"), S("*/Phong/VPTU/HaNoi"),
                                S("nguyễn văn an/vptu/hanoi"), S("  ")}));
    return doc;
}

Reply reply(const Document& entry, const QString& author, Answer answer, const QDateTime& time,
            const QString& onBehalf = {})
{
    Reply r;
    r.unid = newUnid();
    r.entry = entry.unid;
    r.author = author;
    r.answer = answer;
    r.time = time;
    r.onBehalf = onBehalf;
    if (answer == Answer::Delegate)
        r.delegate = kChi;
    return r;
}

Document replyDocument(const Unid& entry)
{
    Document doc;
    doc.unid = newUnid();
    doc.form = QLatin1String(kReplyForm);
    doc.parent = entry;
    doc.putItem(Item::names(QLatin1String(kItemReplier), ItemType::Names, {kBinh}));
    doc.putItem(Item::text(QLatin1String(kItemAnswer), S("Tham dự")));
    doc.putItem(Item::dateTime(QLatin1String(kItemAt), at(8)));
    return doc;
}

void setItem(Document& doc, Item item)
{
    doc.putItem(std::move(item));
}

} // namespace

TEST_CASE("An entry invites its directory names, once each; free text is shown, not invited",
          "[schedule][invitation]")
{
    const Document doc = entry();
    const QStringList lines = invitationLines(doc);
    // The presiding first, the same name once however it is spelled, blank lines dropped.
    CHECK(lines ==
          QStringList{kAn, kBinh, S("[LanhDao]"), S("Đại diện Sở Tài chính"), S("*/Phong/VPTU/HaNoi")});
    const InvitationTally tally = tallyReplies(doc, {}, looksLikeDirectoryName);
    REQUIRE(tally.rows.size() == 4);
    CHECK(tally.freeText == QStringList{S("Đại diện Sở Tài chính")});
    CHECK(tally.unanswered == 4);
    CHECK(tally.invited() == 4);
    CHECK(tally.attending + tally.declining + tally.delegating == 0);
}

TEST_CASE("The newest reply of a respondent wins whatever order the replies arrive in",
          "[schedule][invitation]")
{
    const Document doc = entry();
    std::vector<Reply> replies = {
        reply(doc, kBinh, Answer::Attend, at(8)),
        reply(doc, kBinh, Answer::Decline, at(9)), // Bình changes her mind: newest wins
        reply(doc, kAn, Answer::Delegate, at(8)),
        reply(doc, kChi, Answer::Attend, at(8), S("[LanhDao]")), // for the role
        reply(doc, kChi, Answer::Attend, at(8, 30)),             // Chí himself, invited via the unit
        reply(Document{}, kAn, Answer::Decline, at(10)),         // another entry: ignored
    };
    // Two replies at the same second: the greater UNID is the newer, on every replica.
    Reply tieA = reply(doc, S("[X]"), Answer::Attend, at(11));
    tieA.author = kBinh;
    tieA.onBehalf = S("*/Phong/VPTU/HaNoi");
    Reply tieB = tieA;
    tieB.unid = newUnid();
    tieB.answer = Answer::Decline;
    replies.push_back(tieA);
    replies.push_back(tieB);
    const Answer tieWinner = tieA.unid.toHex() > tieB.unid.toHex() ? tieA.answer : tieB.answer;

    std::mt19937 random(7);
    for (int round = 0; round < 20; ++round) {
        std::shuffle(replies.begin(), replies.end(), random);
        const InvitationTally tally = tallyReplies(doc, replies, looksLikeDirectoryName);
        REQUIRE(tally.rows.size() == 5);
        CHECK(tally.rows[0].name == kAn);
        REQUIRE(tally.rows[0].reply);
        CHECK(tally.rows[0].reply->answer == Answer::Delegate);
        CHECK(tally.rows[0].reply->delegate == kChi);
        CHECK(tally.rows[1].reply->answer == Answer::Decline);
        CHECK(tally.rows[2].name == S("[LanhDao]"));
        CHECK(tally.rows[2].reply->author == kChi);
        CHECK(tally.rows[3].reply->answer == tieWinner);
        // Chí replied for himself, invited through the unit: a row of his own after the invitees.
        CHECK(tally.rows[4].name == kChi);
        CHECK_FALSE(tally.rows[4].invited);
        CHECK(tally.unanswered == 0);
        CHECK(tally.attending == 2 + (tieWinner == Answer::Attend ? 1 : 0));
        CHECK(tally.declining == 1 + (tieWinner == Answer::Decline ? 1 : 0));
        CHECK(tally.delegating == 1);
    }
    std::vector<Reply> history = replies;
    sortReplies(history);
    CHECK(std::is_sorted(history.begin(), history.end(),
                         [](const Reply& a, const Reply& b) { return isNewer(b, a); }));
}

TEST_CASE("Which lines are directory names is the caller's: an address book decides",
          "[schedule][invitation]")
{
    Document doc = entry();
    setItem(doc, Item::textList(QLatin1String(kItemParticipants), {S("Phòng Tổng hợp"), S("Báo Nhân Dân")}));
    const InvitationTally guessed = tallyReplies(doc, {}, looksLikeDirectoryName);
    CHECK(guessed.rows.size() == 1); // the presiding only: flat lines look like free text
    const InvitationTally known =
        tallyReplies(doc, {}, [](const QString& line) { return line == S("Phòng Tổng hợp") || line == kAn; });
    CHECK(known.rows.size() == 2);
    CHECK(known.freeText == QStringList{S("Báo Nhân Dân")});
}

TEST_CASE("A reply document is read, and a malformed one refused naming the item", "[schedule][invitation]")
{
    const Unid parent = newUnid();
    const Document good = replyDocument(parent);
    const Result<Reply> read = replyFromDocument(good);
    REQUIRE(read.isOk());
    CHECK(read->author == kBinh);
    CHECK(read->answer == Answer::Attend);
    CHECK(read->entry == parent);
    CHECK(read->respondent() == kBinh);

    auto refused = [](const Document& doc, const char* item) {
        const Result<Reply> result = replyFromDocument(doc);
        REQUIRE_FALSE(result.isOk());
        CHECK(result.status().code() == ErrorCode::InvalidArgument);
        CHECK(result.status().message().contains(QLatin1String(item)));
    };
    Document doc = good;
    setItem(doc, Item::text(QLatin1String(kItemAnswer), S("Có lẽ")));
    refused(doc, kItemAnswer);
    doc = good;
    setItem(doc, Item::text(QLatin1String(kItemAnswer), answerWord(Answer::Delegate)));
    refused(doc, kItemDelegate); // delegating without a delegate
    setItem(doc, Item::names(QLatin1String(kItemDelegate), ItemType::Names, {S("[LanhDao]")}));
    refused(doc, kItemDelegate); // a role is not a person
    setItem(doc, Item::names(QLatin1String(kItemDelegate), ItemType::Names, {kChi}));
    CHECK(replyFromDocument(doc).isOk());
    doc = good;
    setItem(doc, Item::names(QLatin1String(kItemDelegate), ItemType::Names, {kChi}));
    refused(doc, kItemDelegate); // a delegate without delegating
    doc = good;
    setItem(doc, Item::names(QLatin1String(kItemReplier), ItemType::Names, {kBinh, kChi}));
    refused(doc, kItemReplier);
    doc = good;
    setItem(doc, Item::text(QLatin1String(kItemReplyNote), QString(kMaxReplyNote + 1, QLatin1Char('x'))));
    refused(doc, kItemReplyNote);
    doc = good;
    setItem(doc, Item::text(QLatin1String(kItemAt), S("hôm nay")));
    refused(doc, kItemAt);
    doc = good;
    doc.parent.reset();
    CHECK_FALSE(replyFromDocument(doc).isOk());
}
