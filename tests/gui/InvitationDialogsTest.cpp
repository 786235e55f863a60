// sen's invitation and change dialogs of the week schedule (client/gui/schedule/
// InvitationDialogs.h, EntryChangeDialogs.h, WeekScheduleView.h), offscreen on a local calendar
// database whose user is invited: the grid shows each entry's reply counts and "awaiting your
// reply"; Reply… asks the answer — a delegate without a name is refused in the dialog, with
// one it is saved and the grid says so; Replies… lists the invitees, the delegate, the free
// text; in the published week Change… edits a field and requires a reason (the entry is then
// marked), Postpone/Cancel… requires one too, after which Reply… is no longer offered.

#include "client/gui/schedule/InvitationDialogs.h"

#include "client/app/DatabaseSession.h"
#include "client/gui/schedule/EntryChangeDialogs.h"
#include "client/gui/schedule/WeekScheduleView.h"
#include "tests/gui/CalendarSession.h"
#include "tests/gui/GuiScreenshot.h"

#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>

#include <catch2/catch.hpp>

using namespace sen;
using schedule::Answer;

namespace {

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

const QString kAn = S("Nguyễn Văn An/VPTU/HaNoi");

} // namespace

TEST_CASE("The week's invitations: reply, replies, change and postpone dialogs",
          "[gui][schedule][invitation]")
{
    test::CalendarSession calendar(kAn);
    const std::shared_ptr<app::DatabaseSession>& session = calendar.session;
    const auto save = [&calendar](const DocumentEdit& edit) {
        return calendar.save(edit);
    };
    const QDate monday = QDate::currentDate().addDays(7 + 1 - QDate::currentDate().dayOfWeek());
    const schedule::WeekId week = schedule::WeekId::of(monday);
    const Unid meeting = save(
        DocumentEdit::create(QStringLiteral("LichCongTac"))
            .set(Item::dateTime(QStringLiteral("Ngay"), QDateTime(monday.addDays(1), QTime(0, 0), Qt::UTC)))
            .set(Item::text(QStringLiteral("Gio"), QStringLiteral("08:00")))
            .set(Item::text(QStringLiteral("NoiDung"), S("Họp giao ban Văn phòng")))
            .set(Item::text(QStringLiteral("ChuTri"), S("Trần Văn Lãnh/VPTU/HaNoi")))
            .set(Item::textList(QStringLiteral("ThanhPhan"),
                                {kAn, S("[LanhDao]"), S("Đại diện Sở Tài chính")}))
            .set(Item::text(QStringLiteral("DiaDiem"), S("Phòng họp số 2"))));
    save(DocumentEdit::create(QStringLiteral("LichCongTac"))
             .set(Item::dateTime(QStringLiteral("Ngay"), QDateTime(monday.addDays(2), QTime(0, 0), Qt::UTC)))
             .set(Item::text(QStringLiteral("Gio"), QStringLiteral("14:00")))
             .set(Item::text(QStringLiteral("NoiDung"), S("Tiếp công dân")))
             .set(Item::textList(QStringLiteral("ThanhPhan"), {S("Ban Tiếp công dân")})));
    for (const char* word : {"Duyệt", "Công bố"})
        save(DocumentEdit::create(QStringLiteral("DuyetLichTuan"))
                 .set(Item::text(QStringLiteral("Tuan"), week.toString()))
                 .set(Item::text(QStringLiteral("HanhDong"), S(word)))
                 .set(Item::names(QStringLiteral("NguoiThucHien"), ItemType::Names,
                                  {S("Lê Thị Chánh/VPTU/HaNoi")}))
                 .set(Item::dateTime(QStringLiteral("ThoiGian"), QDateTime::currentDateTimeUtc())));

    gui::WeekScheduleView view(session);
    view.resize(1250, 720);
    view.showWeek(week);
    QTableWidget* grid = view.grid();
    CHECK_FALSE(view.replyButton()->isEnabled()); // nothing selected
    REQUIRE(view.selectEntry(meeting));
    const int row = grid->currentRow();
    const QString counts = grid->item(row, 8)->text();
    CHECK(counts.contains(QStringLiteral("No reply 3")));
    CHECK(counts.contains(QStringLiteral("Awaiting your reply")));
    CHECK(view.replyButton()->isEnabled());
    CHECK(view.repliesButton()->isEnabled());
    CHECK(view.changeButton()->isEnabled());
    CHECK(view.cancelButton()->isEnabled());
    test::shoot(view, QStringLiteral("week-invitations"));

    // Reply…: a delegate without a name is refused in the dialog; with one, saved.
    {
        auto* dialog = qobject_cast<gui::ReplyDialog*>(view.openReply());
        REQUIRE(dialog);
        dialog->fill(Answer::Delegate, {}, S("Bận công tác"));
        CHECK(dialog->delegateEdit()->isEnabled());
        static_cast<QDialog*>(dialog)->accept();
        CHECK(dialog->isVisible());
        CHECK(dialog->problem().contains(QStringLiteral("Name the person")));
        dialog->fill(Answer::Delegate, S("Lê Văn Cường/VPTU/HaNoi"), S("Bận công tác"));
        test::shoot(*dialog, QStringLiteral("invitation-reply"));
        static_cast<QDialog*>(dialog)->accept();
        CHECK(dialog->result() == QDialog::Accepted);
        dialog->close();
    }
    REQUIRE(view.selectEntry(meeting));
    CHECK(grid->item(grid->currentRow(), 8)->text().contains(QStringLiteral("Delegating 1")));
    CHECK(grid->item(grid->currentRow(), 8)->text().contains(QStringLiteral("You: Sending a delegate")));

    // Replies…: one row per invitee; the delegate; the outside body apart.
    {
        auto* details = qobject_cast<gui::InvitationDetailsDialog*>(view.openReplies());
        REQUIRE(details);
        QTableWidget* table = details->table();
        REQUIRE(table->rowCount() == 3);
        CHECK(table->item(0, 0)->text() == S("Trần Văn Lãnh"));
        CHECK(table->item(0, 1)->text() == QStringLiteral("No reply yet"));
        CHECK(table->item(1, 0)->text() == S("Nguyễn Văn An"));
        CHECK(table->item(1, 1)->text() == S("Sending a delegate: Lê Văn Cường"));
        CHECK(table->item(1, 3)->text() == S("Bận công tác"));
        CHECK(table->item(2, 0)->text() == QStringLiteral("[LanhDao]"));
        CHECK(details->counts()->text().contains(QStringLiteral("Delegating 1")));
        CHECK(details->replyButton()->isEnabled());
        test::shoot(*details, QStringLiteral("invitation-replies"));
        // A second reply from the details: An will attend after all; the newest wins.
        auto* again = details->openReply();
        REQUIRE(again);
        again->fill(Answer::Attend, {}, {});
        static_cast<QDialog*>(again)->accept();
        CHECK(table->item(1, 1)->text() == QStringLiteral("Attending"));
        CHECK(details->counts()->text().contains(QStringLiteral("Attending 1")));
        details->close();
    }

    // Change…: nothing changed or no reason is refused; then the time moves and the entry is marked.
    {
        REQUIRE(view.selectEntry(meeting));
        auto* change = qobject_cast<gui::ChangeEntryDialog*>(view.openChange());
        REQUIRE(change);
        static_cast<QDialog*>(change)->accept();
        CHECK(change->problem().contains(QStringLiteral("Nothing has changed")));
        change->timeEdit()->setText(QStringLiteral("09:00"));
        change->placeEdit()->setText(S("Hội trường"));
        static_cast<QDialog*>(change)->accept();
        CHECK(change->problem().contains(QStringLiteral("what changes")));
        change->setReason(S("Đổi giờ và địa điểm theo ý kiến Lãnh đạo"));
        test::shoot(*change, QStringLiteral("schedule-change"));
        static_cast<QDialog*>(change)->accept();
        CHECK(change->result() == QDialog::Accepted);
        change->close();
    }
    const Document changed = *session->document(meeting);
    CHECK(changed.text(QStringLiteral("Gio")) == QStringLiteral("09:00"));
    CHECK(changed.text(QStringLiteral("DiaDiem")) == S("Hội trường"));
    REQUIRE(view.selectEntry(meeting));
    CHECK(grid->item(grid->currentRow(), 7)->text() == QStringLiteral("Changed"));

    // Postpone/Cancel…: a reason is required; then the entry is struck through, no reply offered.
    {
        auto* cancel = qobject_cast<gui::CancelEntryDialog*>(view.openCancel());
        REQUIRE(cancel);
        static_cast<QDialog*>(cancel)->accept();
        CHECK(cancel->problem().contains(QStringLiteral("why")));
        cancel->setReason(S("Hoãn sang tuần sau"));
        test::shoot(*cancel, QStringLiteral("schedule-cancel"));
        static_cast<QDialog*>(cancel)->accept();
        CHECK(cancel->result() == QDialog::Accepted);
        cancel->close();
    }
    REQUIRE(view.selectEntry(meeting));
    CHECK(grid->item(grid->currentRow(), 7)->text() == QStringLiteral("Postponed/cancelled"));
    CHECK(grid->item(grid->currentRow(), 3)->font().strikeOut());
    CHECK_FALSE(view.replyButton()->isEnabled());
    CHECK_FALSE(view.cancelButton()->isEnabled());
    CHECK(view.repliesButton()->isEnabled());
}
