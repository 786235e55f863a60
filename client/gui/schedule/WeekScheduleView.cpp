#include "client/gui/schedule/WeekScheduleView.h"

#include "client/core/ErrorText.h"
#include "client/gui/schedule/EntryChangeDialogs.h"
#include "client/gui/schedule/InvitationDialogs.h"

#include <QDateEdit>
#include <QDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace sen::gui {

namespace {

enum Column
{
    DayColumn,
    SessionColumn,
    TimeColumn,
    ContentColumn,
    PresidingColumn,
    ParticipantsColumn,
    PlaceColumn,
    MarkColumn,
    RepliesColumn,
    ColumnCount
};

constexpr int kUnidRole = Qt::UserRole + 1;

QTableWidgetItem* cell(const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return item;
}

QString changeLog(const app::ScheduleEntry& entry)
{
    QStringList lines;
    for (const schedule::ChangeRecord& change : entry.changes)
        lines << QStringLiteral("%1 %2 — %3: %4")
                     .arg(change.time.toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm")),
                          change.author.section(u'/', 0, 0), schedule::changeWord(change.kind),
                          change.reason);
    return lines.join(u'\n');
}

// The counts of an invitation that are not zero, one a line ("Attending 2", "No reply 1").
QStringList shortCounts(const schedule::InvitationTally& tally)
{
    QStringList lines;
    if (tally.rows.empty())
        return lines;
    if (tally.attending > 0)
        lines << WeekScheduleView::tr("Attending %1").arg(tally.attending);
    if (tally.delegating > 0)
        lines << WeekScheduleView::tr("Delegating %1").arg(tally.delegating);
    if (tally.declining > 0)
        lines << WeekScheduleView::tr("Not attending %1").arg(tally.declining);
    if (tally.unanswered > 0)
        lines << WeekScheduleView::tr("No reply %1").arg(tally.unanswered);
    return lines;
}

} // namespace

WeekScheduleView::WeekScheduleView(std::shared_ptr<app::DatabaseSession> session, QWidget* parent)
    : QWidget(parent), m_session(std::move(session)), m_schedule(*m_session),
      m_week(schedule::WeekId::of(QDate::currentDate()))
{
    auto* layout = new QVBoxLayout(this);
    auto* bar = new QHBoxLayout;
    auto* previous = new QPushButton(tr("◀ Previous week"), this);
    auto* current = new QPushButton(tr("This week"), this);
    auto* next = new QPushButton(tr("Next week ▶"), this);
    m_jump = new QDateEdit(QDate::currentDate(), this);
    m_jump->setCalendarPopup(true);
    m_jump->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    m_jump->setToolTip(tr("Go to the week of this date"));
    m_heading = new QLabel(this);
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    m_approve = new QPushButton(tr("Approve"), this);
    m_publish = new QPushButton(tr("Publish"), this);
    for (QWidget* widget : std::initializer_list<QWidget*>{previous, current, next, m_jump})
        bar->addWidget(widget);
    bar->addSpacing(12);
    bar->addWidget(m_heading, 1);
    bar->addWidget(m_approve);
    bar->addWidget(m_publish);
    layout->addLayout(bar);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->hide();
    layout->addWidget(m_message);

    m_grid = new QTableWidget(0, ColumnCount, this);
    m_grid->setHorizontalHeaderLabels({tr("Day"), tr("Session"), tr("Time"), tr("Content"), tr("Presiding"),
                                       tr("Participants"), tr("Place"), tr("Change"), tr("Replies")});
    m_grid->verticalHeader()->hide();
    m_grid->setWordWrap(true);
    m_grid->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_grid->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_grid->horizontalHeader()->setSectionResizeMode(ContentColumn, QHeaderView::Stretch);
    m_grid->setColumnWidth(DayColumn, 95);
    m_grid->setColumnWidth(SessionColumn, 60);
    m_grid->setColumnWidth(TimeColumn, 55);
    m_grid->setColumnWidth(ParticipantsColumn, 180);
    m_grid->setColumnWidth(RepliesColumn, 150);
    layout->addWidget(m_grid, 1);
    auto* actions = new QHBoxLayout;
    m_replies = new QPushButton(tr("Replies…"), this);
    m_replies->setToolTip(tr("The invitees of the selected entry and their replies"));
    m_reply = new QPushButton(tr("Reply…"), this);
    m_reply->setToolTip(tr("Answer the invitation: attend, decline or send a delegate"));
    m_change = new QPushButton(tr("Change…"), this);
    m_change->setToolTip(tr("Change the selected entry of the published week (the change is logged)"));
    m_cancel = new QPushButton(tr("Postpone/Cancel…"), this);
    m_cancel->setToolTip(tr("Postpone or cancel the selected entry (it stays in the week, marked)"));
    actions->addWidget(m_replies);
    actions->addWidget(m_reply);
    actions->addStretch(1);
    actions->addWidget(m_change);
    actions->addWidget(m_cancel);
    layout->addLayout(actions);
    connect(m_replies, &QPushButton::clicked, this, [this] { openReplies(); });
    connect(m_reply, &QPushButton::clicked, this, [this] { openReply(); });
    connect(m_change, &QPushButton::clicked, this, [this] { openChange(); });
    connect(m_cancel, &QPushButton::clicked, this, [this] { openCancel(); });
    connect(m_grid, &QTableWidget::itemSelectionChanged, this, &WeekScheduleView::updateButtons);

    connect(previous, &QPushButton::clicked, this, [this] { showWeek(m_week.previous()); });
    connect(next, &QPushButton::clicked, this, [this] { showWeek(m_week.next()); });
    connect(current, &QPushButton::clicked, this, [this] { showDate(QDate::currentDate()); });
    connect(m_jump, &QDateEdit::dateChanged, this, [this](const QDate& day) { showDate(day); });
    connect(m_approve, &QPushButton::clicked, this, [this] { act(false); });
    connect(m_publish, &QPushButton::clicked, this, [this] { act(true); });
    connect(m_grid, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        const QTableWidgetItem* item = m_grid->item(row, ContentColumn);
        if (const auto unid = item ? Unid::fromHex(item->data(kUnidRole).toString()) : std::nullopt)
            Q_EMIT openRequested(*unid);
    });
    connect(m_session.get(), &app::DatabaseSession::changed, this, &WeekScheduleView::reload);
    reload();
}

WeekScheduleView* WeekScheduleView::openWindow(QWidget* parent, std::shared_ptr<app::DatabaseSession> session,
                                               std::function<void(const Unid&)> open)
{
    auto* dialog = new QDialog(parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Work schedule — %1").arg(session->title()));
    auto* layout = new QVBoxLayout(dialog);
    auto* view = new WeekScheduleView(std::move(session), dialog);
    layout->addWidget(view);
    connect(view, &WeekScheduleView::openRequested, dialog, [open](const Unid& unid) { open(unid); });
    dialog->resize(1100, 700);
    dialog->show();
    return view;
}

void WeekScheduleView::showWeek(const schedule::WeekId& week)
{
    m_week = week;
    m_message->hide();
    reload();
}

void WeekScheduleView::reload()
{
    const Result<app::ScheduleWeek> shown = m_schedule.week(m_week);
    std::optional<Unid> wasSelected;
    if (const app::ScheduleEntry* entry = selected())
        wasSelected = entry->unid;
    m_entries.clear();
    m_invitations.clear();
    m_grid->clearSpans();
    m_grid->setRowCount(0);
    updateButtons();
    if (!shown) {
        m_message->setText(
            client::ErrorText::line(shown.status(), client::ErrorContext::of(client::Situation::Other)));
        m_message->show();
        return;
    }
    m_heading->setText(tr("Week %1 (%2 – %3) — %4")
                           .arg(m_week.week)
                           .arg(m_week.monday().toString(QStringLiteral("dd/MM/yyyy")),
                                m_week.sunday().toString(QStringLiteral("dd/MM/yyyy")),
                                QCoreApplication::translate("sen::schedule",
                                                            schedule::stateSourceName(shown->status.state))));
    const app::ScheduleOffers offers = m_schedule.offers(*shown);
    m_approve->setEnabled(offers.approve);
    m_publish->setEnabled(offers.publish);
    m_mayChange = offers.change && shown->status.state == schedule::WeekState::Published;
    const app::Invitations invitations(*m_session);
    const QSignalBlocker blocker(m_jump);
    if (schedule::WeekId::of(m_jump->date()) != m_week)
        m_jump->setDate(m_week.monday());

    for (const app::ScheduleDay& day : shown->days) {
        const int dayStart = m_grid->rowCount();
        for (const bool morning : {true, false}) {
            const std::vector<app::ScheduleEntry>& entries = morning ? day.morning : day.afternoon;
            const int sessionStart = m_grid->rowCount();
            const int rows = std::max<int>(1, int(entries.size()));
            m_grid->setRowCount(sessionStart + rows);
            m_grid->setItem(sessionStart, SessionColumn,
                            cell(morning ? QString::fromUtf8("Sáng") : QString::fromUtf8("Chiều")));
            if (rows > 1)
                m_grid->setSpan(sessionStart, SessionColumn, rows, 1);
            for (int i = 0; i < int(entries.size()); ++i) {
                const app::ScheduleEntry& entry = entries[std::size_t(i)];
                const int row = sessionStart + i;
                QTableWidgetItem* content = cell(entry.content);
                content->setData(kUnidRole, entry.unid.toHex());
                QList<QTableWidgetItem*> items = {
                    cell(entry.time),
                    content,
                    cell(entry.presiding),
                    cell(entry.participants.join(u'\n')),
                    cell(entry.place),
                    cell(QCoreApplication::translate("sen::schedule", schedule::markSourceName(entry.mark))),
                    cell(QString())};
                m_entries.emplace(entry.unid, entry);
                if (Result<app::InvitationView> invitation = invitations.of(entry.unid)) {
                    QTableWidgetItem* replies = items.back();
                    QStringList lines = shortCounts(invitation->tally);
                    if (invitation->mayReply() && !invitation->mine) {
                        lines << tr("Awaiting your reply");
                        replies->setForeground(QColor(0xb2, 0x6a, 0x00));
                        QFont font = replies->font();
                        font.setBold(true);
                        replies->setFont(font);
                    } else if (invitation->mine) {
                        lines << tr("You: %1").arg(app::Invitations::answerName(invitation->mine->answer));
                    }
                    replies->setText(lines.join(u'\n'));
                    replies->setToolTip(countsText(invitation->tally));
                    m_invitations.emplace(entry.unid, std::move(*invitation));
                }
                const QString log = changeLog(entry);
                for (int column = TimeColumn; column < ColumnCount; ++column) {
                    QTableWidgetItem* item = items[column - TimeColumn];
                    if (entry.mark == schedule::EntryMark::Cancelled) {
                        QFont font = item->font();
                        font.setStrikeOut(column != MarkColumn);
                        item->setFont(font);
                    }
                    if (!log.isEmpty() && column != RepliesColumn)
                        item->setToolTip(log);
                    m_grid->setItem(row, column, item);
                }
            }
        }
        m_grid->setItem(dayStart, DayColumn,
                        cell(day.weekday + u'\n' + day.date.toString(QStringLiteral("dd/MM/yyyy"))));
        if (m_grid->rowCount() - dayStart > 1)
            m_grid->setSpan(dayStart, DayColumn, m_grid->rowCount() - dayStart, 1);
    }
    m_grid->resizeRowsToContents();
    if (wasSelected)
        selectEntry(*wasSelected);
    updateButtons();
}

const app::ScheduleEntry* WeekScheduleView::selected() const
{
    const QList<QTableWidgetItem*> items = m_grid->selectedItems();
    for (const QTableWidgetItem* item : items) {
        const QTableWidgetItem* content = m_grid->item(item->row(), ContentColumn);
        if (const auto unid = content ? Unid::fromHex(content->data(kUnidRole).toString()) : std::nullopt) {
            const auto found = m_entries.find(*unid);
            if (found != m_entries.end())
                return &found->second;
        }
    }
    return nullptr;
}

bool WeekScheduleView::selectEntry(const Unid& entry)
{
    for (int row = 0; row < m_grid->rowCount(); ++row) {
        const QTableWidgetItem* content = m_grid->item(row, ContentColumn);
        if (content && content->data(kUnidRole).toString() == entry.toHex()) {
            // Through the selection model with explicit flags: the grid's setCurrentCell() and
            // selectRow() follow the keys held (Ctrl toggles, Shift extends), so a reload that
            // restores the selection while the user holds Ctrl took the entry out of it.
            m_grid->selectionModel()->setCurrentIndex(m_grid->model()->index(row, ContentColumn),
                                                      QItemSelectionModel::ClearAndSelect |
                                                          QItemSelectionModel::Rows);
            return true;
        }
    }
    return false;
}

void WeekScheduleView::updateButtons()
{
    const app::ScheduleEntry* entry = selected();
    const auto invitation = entry ? m_invitations.find(entry->unid) : m_invitations.end();
    const bool invites = invitation != m_invitations.end() && !invitation->second.tally.rows.empty();
    m_replies->setEnabled(invites);
    m_reply->setEnabled(invitation != m_invitations.end() && invitation->second.mayReply());
    m_change->setEnabled(entry && m_mayChange);
    m_cancel->setEnabled(entry && m_mayChange && entry->mark != schedule::EntryMark::Cancelled);
}

QDialog* WeekScheduleView::openReplies()
{
    const app::ScheduleEntry* entry = selected();
    if (!entry)
        return nullptr;
    auto* dialog = new InvitationDetailsDialog(m_session, entry->unid, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

QDialog* WeekScheduleView::openReply()
{
    const app::ScheduleEntry* entry = selected();
    const auto invitation = entry ? m_invitations.find(entry->unid) : m_invitations.end();
    if (invitation == m_invitations.end() || !invitation->second.mayReply())
        return nullptr;
    std::shared_ptr<const client::AddressBook> book;
    if (Result<client::AddressBook> read = m_session->addressBook())
        book = std::make_shared<const client::AddressBook>(std::move(*read));
    std::shared_ptr<app::DatabaseSession> session = m_session;
    const Unid unid = entry->unid;
    auto* dialog = new ReplyDialog(
        invitation->second, std::move(book),
        [session, unid](schedule::Answer answer, const QString& delegate, const QString& note) {
            return app::Invitations(*session).reply(unid, answer, delegate, note).status();
        },
        this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

QDialog* WeekScheduleView::openChange()
{
    const app::ScheduleEntry* entry = selected();
    if (!entry || !m_mayChange)
        return nullptr;
    const Unid unid = entry->unid;
    auto* dialog = new ChangeEntryDialog(
        *entry,
        [this, unid](const DocumentEdit& edit, const QString& reason) {
            return m_schedule.change(unid, edit, reason).status();
        },
        this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

QDialog* WeekScheduleView::openCancel()
{
    const app::ScheduleEntry* entry = selected();
    if (!entry || !m_mayChange)
        return nullptr;
    const Unid unid = entry->unid;
    auto* dialog = new CancelEntryDialog(
        *entry, [this, unid](const QString& reason) { return m_schedule.cancel(unid, reason).status(); },
        this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void WeekScheduleView::act(bool publish)
{
    const Result<Document> done = publish ? m_schedule.publish(m_week) : m_schedule.approve(m_week);
    if (!done) {
        m_message->setText(client::ErrorText::line(
            done.status(), client::ErrorContext::of(client::Situation::SavingDocument)));
        m_message->show();
        return;
    }
    m_message->hide();
    reload(); // the session's changed() has re-read too; harmless
}

} // namespace sen::gui
