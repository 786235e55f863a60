#include "client/gui/schedule/WeekScheduleView.h"

#include "client/core/ErrorText.h"

#include <QDateEdit>
#include <QDialog>
#include <QHBoxLayout>
#include <QHeaderView>
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
                                       tr("Participants"), tr("Place"), tr("Change")});
    m_grid->verticalHeader()->hide();
    m_grid->setWordWrap(true);
    m_grid->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_grid->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_grid->horizontalHeader()->setSectionResizeMode(ContentColumn, QHeaderView::Stretch);
    layout->addWidget(m_grid, 1);

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
    m_grid->clearSpans();
    m_grid->setRowCount(0);
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
                    cell(QCoreApplication::translate("sen::schedule", schedule::markSourceName(entry.mark)))};
                const QString log = changeLog(entry);
                for (int column = TimeColumn; column < ColumnCount; ++column) {
                    QTableWidgetItem* item = items[column - TimeColumn];
                    if (entry.mark == schedule::EntryMark::Cancelled) {
                        QFont font = item->font();
                        font.setStrikeOut(column != MarkColumn);
                        item->setFont(font);
                    }
                    if (!log.isEmpty())
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
