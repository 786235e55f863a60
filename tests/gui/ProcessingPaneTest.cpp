// The processing pane of an incoming document's page (client/gui/forms/ProcessingPane.h;
// docs/workflow.md): it shows the derived state, the deadline and the timeline; its buttons
// open the small dialogs, which write the right step (checked in the stored documents); the
// buttons offered follow the roles the server reported (a real server over TLS); the print
// actions are where they belong.

#include "client/gui/forms/ProcessingPane.h"

#include "client/app/Workflow.h"
#include "client/gui/forms/StepDialogs.h"
#include "client/gui/print/FollowUpPrintDialog.h"
#include "tests/client/AppOffice.h"
#include "tests/gui/GuiFixture.h"

#include <QAction>
#include <QLabel>
#include <QPushButton>
#include <QThread>
#include <QTreeWidget>

#include <catch2/catch.hpp>
#include <functional>

using namespace sen;
using test::GuiFixture;

namespace {

const QString kUser = QStringLiteral("Nguyễn Văn A/VPHU/HaNam");

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

// Once a modal dialog of type T shows, hands it to `act` (which fills it and closes it); polls,
// as exec() runs its own event loop. `*seen` tells the test it was shown.
template <typename T>
void onNextDialog(std::function<void(T&)> act, bool* seen = nullptr)
{
    auto* timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, act, seen] {
        auto* dialog = qobject_cast<T*>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        timer->stop();
        timer->deleteLater();
        if (seen)
            *seen = true;
        act(*dialog);
    });
    timer->start();
}

Unid registerIncoming(GuiFixture& fx, const QDate& arrived)
{
    DocumentEdit edit = DocumentEdit::create(QStringLiteral("VanBanDen"));
    edit.set(Item::number(QStringLiteral("SoDen"), 7))
        .set(Item::dateTime(QStringLiteral("NgayDen"), QDateTime(arrived, QTime(0, 0), Qt::UTC)))
        .set(Item::text(QStringLiteral("SoKyHieu"), QStringLiteral("125-CV/TU")))
        .set(Item::text(QStringLiteral("TrichYeu"), S("Về việc tổng kết công tác năm 2026")));
    auto saved = fx.session(QStringLiteral("docs"))->save(edit);
    REQUIRE(saved);
    return saved->unid;
}

// The live responses of `parent` of form `form`, in the order they were made.
std::vector<Document> stepsOf(GuiFixture& fx, const Unid& parent, const char* form)
{
    auto responses = fx.session(QStringLiteral("docs"))->responses(parent);
    REQUIRE(responses);
    std::vector<Document> steps;
    for (const Document& doc : *responses)
        if (doc.form == QLatin1String(form))
            steps.push_back(doc);
    return steps;
}

QString day(const QDate& date)
{
    return date.toString(QStringLiteral("dd/MM/yyyy"));
}

} // namespace

TEST_CASE("The processing pane shows the state and timeline and its dialogs write the steps",
          "[gui][workflow]")
{
    GuiFixture fx;
    const QDate arrived = QDate::currentDate();
    const Unid unid = registerIncoming(fx, arrived);
    auto page = fx.open(QStringLiteral("docs"), unid);
    gui::ProcessingPane* pane = page->processingPane();
    REQUIRE(pane);
    CHECK_FALSE(pane->isHidden());
    QAction* printSlip = page->findChild<QAction*>(QStringLiteral("printSlip"));
    REQUIRE(printSlip);
    CHECK(printSlip->isVisible());
    CHECK(printSlip->shortcut() == QKeySequence(QKeySequence::Print));

    // Registered: to be presented by the next working day; a week later that is overdue.
    CHECK(pane->stateText() == QStringLiteral("Registered"));
    CHECK(pane->deadlineText().startsWith(QStringLiteral("to be presented by ")));
    CHECK(pane->timeline().topLevelItemCount() == 1); // "not presented yet"
    pane->setToday(arrived.addDays(10));
    CHECK(pane->deadlineLevel() == QStringLiteral("overdue"));
    CHECK(pane->deadlineText().endsWith(QStringLiteral("— overdue")));
    // A local database: every button is offered (the server decides at the next sync).
    CHECK_FALSE(pane->presentButton().isHidden());
    CHECK_FALSE(pane->directButton().isHidden());
    CHECK_FALSE(pane->assignButton().isHidden());
    CHECK(pane->reportButton().isHidden()); // no direction names anyone yet

    // Present: without names the dialog says so and stays; with them the step is written.
    bool asked = false;
    onNextDialog<gui::PresentDialog>(
        [](gui::PresentDialog& dialog) {
            dialog.fill(QStringLiteral(" ; "), QString());
            QMetaObject::invokeMethod(&dialog, "accept");
            CHECK(dialog.isVisible());
            CHECK_FALSE(dialog.problem().isEmpty());
            dialog.fill(QStringLiteral("[LanhDao]; Lê Văn Lãnh/VPHU/HaNam"), S("Kính trình đồng chí Bí thư"));
            QMetaObject::invokeMethod(&dialog, "accept");
        },
        &asked);
    pane->presentButton().click();
    CHECK(asked);
    const auto presentations = stepsOf(fx, unid, workflow::kPresentationForm);
    REQUIRE(presentations.size() == 1);
    CHECK(presentations[0].item(QStringLiteral("TrinhCho"))->toList() ==
          QStringList{QStringLiteral("[LanhDao]"), S("Lê Văn Lãnh/VPHU/HaNam")});
    CHECK(presentations[0].item(QStringLiteral("NguoiTrinh"))->toList() == QStringList{kUser});
    CHECK(presentations[0].text(QStringLiteral("GhiChu")) == S("Kính trình đồng chí Bí thư"));
    // The pane followed the save: state, timeline (who, what, when).
    CHECK(pane->stateText() == QStringLiteral("Presented"));
    REQUIRE(pane->timeline().topLevelItemCount() == 1);
    QTreeWidgetItem* row = pane->timeline().topLevelItem(0);
    CHECK(row->text(1) == S("Nguyễn Văn A"));
    CHECK(row->text(2).startsWith(S("Presented to [LanhDao], Lê Văn Lãnh")));
    CHECK(row->text(0).startsWith(day(QDate::currentDate())));

    // A leader's direction: level 1, lead, co-ordinating, deadline.
    const QDate deadline = QDate::currentDate().addDays(20);
    onNextDialog<gui::DirectDialog>([&](gui::DirectDialog& dialog) {
        dialog.fill(S("Giao Văn phòng chủ trì"), kUser + QStringLiteral(";Trần Văn B/VPHU/HaNam"),
                    QStringLiteral("[KeToan]"), deadline);
        QMetaObject::invokeMethod(&dialog, "accept");
    });
    pane->directButton().click();
    auto directions = stepsOf(fx, unid, workflow::kDirectionForm);
    REQUIRE(directions.size() == 1);
    const Document first = directions[0];
    CHECK(first.text(QStringLiteral("CapYKien")) == S("Lãnh đạo cơ quan"));
    CHECK(first.text(QStringLiteral("NoiDungChiDao")) == S("Giao Văn phòng chủ trì"));
    CHECK(first.item(QStringLiteral("NguoiXuLy"))->toList() ==
          QStringList{kUser, QStringLiteral("Trần Văn B/VPHU/HaNam")});
    CHECK(first.item(QStringLiteral("NguoiPhoiHop"))->toList() == QStringList{QStringLiteral("[KeToan]")});
    CHECK(first.item(QStringLiteral("HanXuLy"))->toDateTime().toUTC().date() == deadline);
    CHECK(first.item(QStringLiteral("NguoiGiao"))->toList() == QStringList{kUser});
    CHECK(pane->stateText() == QStringLiteral("Directed"));
    CHECK(pane->deadlineText().startsWith(QStringLiteral("Deadline %1").arg(day(deadline))));
    pane->setToday(deadline.addDays(-1));
    CHECK(pane->deadlineLevel() == QStringLiteral("due-soon"));
    pane->setToday(QDate::currentDate());
    CHECK(pane->deadlineLevel().isEmpty());
    CHECK_FALSE(pane->reportButton().isHidden()); // the direction names the user

    // A unit head assigns onward, carrying out the leader's direction.
    onNextDialog<gui::DirectDialog>([&](gui::DirectDialog& dialog) {
        CHECK(dialog.findChild<QLabel*>(QStringLiteral("carriedOut")) != nullptr);
        dialog.fill(S("Đồng chí A dự thảo"), kUser, QString(), QDate());
        QMetaObject::invokeMethod(&dialog, "accept");
    });
    pane->assignButton().click();
    directions = stepsOf(fx, unid, workflow::kDirectionForm);
    REQUIRE(directions.size() == 2);
    const Document& onward = directions[1];
    CHECK(onward.text(QStringLiteral("CapYKien")) == S("Lãnh đạo đơn vị"));
    CHECK(onward.text(QStringLiteral("GiaoTu")) == first.unid.toHex());
    CHECK(onward.item(QStringLiteral("HanXuLy")) == nullptr);

    // A report on the leader's direction (the first the dialog lists): done, with the reply.
    onNextDialog<gui::ReportDialog>([](gui::ReportDialog& dialog) {
        dialog.fill(0, workflow::ReportStatus::Done, S("Đã ban hành báo cáo"), QStringLiteral("15-BC/VP"));
        QMetaObject::invokeMethod(&dialog, "accept");
    });
    pane->reportButton().click();
    const auto reports = stepsOf(fx, first.unid, workflow::kReportForm);
    REQUIRE(reports.size() == 1);
    CHECK(reports[0].text(QStringLiteral("TrangThai")) == S("Hoàn thành"));
    CHECK(reports[0].text(QStringLiteral("VaiTro")) == S("Chủ trì"));
    CHECK(reports[0].text(QStringLiteral("VanBanTraLoi")) == QStringLiteral("15-BC/VP"));
    CHECK(reports[0].item(QStringLiteral("NguoiBaoCao"))->toList() == QStringList{kUser});
    CHECK(pane->stateText() == QStringLiteral("Done"));
    REQUIRE(pane->timeline().topLevelItemCount() == 4);
    CHECK(pane->timeline().topLevelItem(3)->text(2) ==
          S("Report as lead (done): Đã ban hành báo cáo\nReply: 15-BC/VP"));
    CHECK(pane->deadlineLevel().isEmpty()); // a done document has no deadline state

    // Cancelling a dialog writes nothing.
    onNextDialog<gui::PresentDialog>([](gui::PresentDialog& dialog) { dialog.reject(); });
    pane->presentButton().click();
    CHECK(stepsOf(fx, unid, workflow::kPresentationForm).size() == 1);

    // Other documents have no pane and no slip to print.
    DocumentEdit outgoing = DocumentEdit::create(QStringLiteral("VanBanDi"));
    outgoing.set(Item::text(QStringLiteral("TrichYeu"), S("Báo cáo")));
    const auto other = fx.session(QStringLiteral("docs"))->save(outgoing);
    REQUIRE(other);
    auto otherPage = fx.open(QStringLiteral("docs"), other->unid);
    CHECK(otherPage->processingPane() == nullptr);
    CHECK_FALSE(otherPage->findChild<QAction*>(QStringLiteral("printSlip"))->isVisible());
    // A new incoming document shows its pane once it is stored.
    auto fresh = fx.create(QStringLiteral("docs"), QStringLiteral("VanBanDen"));
    REQUIRE(fresh->processingPane());
    CHECK(fresh->processingPane()->isHidden());
}

TEST_CASE("The follow-up dialog asks for a period, the overdue variant and the day", "[gui][workflow][print]")
{
    gui::FollowUpPrintDialog dialog;
    REQUIRE(dialog.period());
    CHECK(dialog.period()->to == QDate::currentDate());
    CHECK_FALSE(dialog.overdueOnly());
    dialog.choose(QDate(2026, 11, 1), QDate(2026, 11, 30), true, QDate(2026, 12, 7));
    CHECK(dialog.period()->text() == S("Từ ngày 01/11/2026 đến ngày 30/11/2026"));
    CHECK(dialog.overdueOnly());
    CHECK(dialog.asOf() == QDate(2026, 12, 7));
    dialog.choose(QDate(2026, 12, 1), QDate(2026, 11, 30), false, QDate(2026, 12, 7));
    CHECK_FALSE(dialog.period());
}

namespace {

const QString kVanBan = QStringLiteral("vanban");

struct Office : test::AppOffice
{
    Office(test::ServerFixture& f, const QString& user) : AppOffice(f, user, kVanBan) {}

    void sync()
    {
        const std::size_t before = log.finished.size();
        controller.sync(kVanBan);
        REQUIRE(log.waitFinished(before + 1));
        INFO(log.finished.back().status.toString().toStdString());
        REQUIRE(log.finished.back().status.isOk());
        REQUIRE(log.finished.back().stats.refused == 0);
    }

    QString name() const { return office.credentials.name.toString(); }

    // The buttons the pane of `unid` offers: present, direct, assign, report.
    std::vector<bool> offered(const Unid& unid)
    {
        auto page = gui::DocumentPage::open(databases, kVanBan, unid);
        INFO(page.status().toString().toStdString());
        REQUIRE(page);
        std::unique_ptr<gui::DocumentPage> owned(*page);
        gui::ProcessingPane* pane = owned->processingPane();
        REQUIRE(pane);
        return {!pane->presentButton().isHidden(), !pane->directButton().isHidden(),
                !pane->assignButton().isHidden(), !pane->reportButton().isHidden()};
    }
};

void grant(test::ServerFixture& f, const QString& name, acl::AccessLevel level, const QStringList& roles)
{
    acl::AclEntry entry = acl::AclEntry::make(name + u'/' + f.orgName(), level);
    entry.rights |= acl::CreateDocuments;
    entry.roles = roles;
    f.setEntry(kVanBan, entry);
}

} // namespace

TEST_CASE("The processing pane offers each person the steps their roles allow", "[gui][workflow][access]")
{
    test::ServerFixture f;
    f.createDatabase(kVanBan, acl::AccessLevel::NoAccess);
    grant(f, S("Phạm Thị Thư"), acl::AccessLevel::Editor, {QStringLiteral("[VanThu]")});
    grant(f, S("Lê Văn Lãnh"), acl::AccessLevel::Editor, {QStringLiteral("[LanhDao]")});
    grant(f, S("Đỗ Văn Trưởng"), acl::AccessLevel::Editor, {QStringLiteral("[TruongPhong]")});
    grant(f, S("Nguyễn Văn An"), acl::AccessLevel::Author, {});
    Office clerk(f, S("Phạm Thị Thư"));
    Office leader(f, S("Lê Văn Lãnh"));
    Office head(f, S("Đỗ Văn Trưởng"));
    Office an(f, S("Nguyễn Văn An"));

    DocumentEdit letter = DocumentEdit::create(QStringLiteral("VanBanDen"));
    letter.set(Item::text(QStringLiteral("TrichYeu"), S("Về việc tổng kết công tác năm 2026")))
        .set(
            Item::dateTime(QStringLiteral("NgayDen"), QDateTime(QDate::currentDate(), QTime(0, 0), Qt::UTC)));
    const auto registered = clerk.session->save(letter);
    REQUIRE(registered);
    const Unid unid = registered->unid;
    REQUIRE(app::Workflow(*clerk.session).present(unid, {QStringLiteral("[LanhDao]")}).isOk());
    clerk.sync();
    for (Office* office : {&leader, &head, &an})
        office->sync();

    // present, direct, assign, report
    CHECK(clerk.offered(unid) == std::vector<bool>{true, false, false, false});
    CHECK(leader.offered(unid) == std::vector<bool>{false, true, false, false});
    CHECK(head.offered(unid) == std::vector<bool>{false, false, true, false});
    CHECK(an.offered(unid) == std::vector<bool>{false, false, false, false});

    // Once the leader's direction names An as lead, An is offered a report on it.
    app::DirectionRequest direction;
    direction.lead = {an.name()};
    direction.text = S("Giao đồng chí An chủ trì");
    REQUIRE(app::Workflow(*leader.session).direct(unid, direction).isOk());
    leader.sync();
    an.sync();
    CHECK(an.offered(unid) == std::vector<bool>{false, false, false, true});
}
