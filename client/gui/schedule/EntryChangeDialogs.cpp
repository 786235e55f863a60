#include "client/gui/schedule/EntryChangeDialogs.h"

#include "common/schedule/Schedule.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace sen::gui {

namespace {

using namespace sen::schedule;

QString S(const char* utf8)
{
    return QString::fromUtf8(utf8);
}

QPlainTextEdit* textBox(QWidget* parent, const QString& text, int height)
{
    auto* edit = new QPlainTextEdit(text, parent);
    edit->setMaximumHeight(height);
    edit->setTabChangesFocus(true);
    return edit;
}

QString heading(const app::ScheduleEntry& entry)
{
    QString text =
        app::WeekSchedule::weekdayName(entry.date) + u' ' + entry.date.toString(QStringLiteral("dd/MM/yyyy"));
    if (!entry.time.isEmpty())
        text += u' ' + entry.time;
    return text + QStringLiteral(" — ") + entry.content.section(u'\n', 0, 0);
}

QStringList lines(const QString& text)
{
    QStringList out;
    for (const QString& line : text.split(u'\n'))
        if (!line.trimmed().isEmpty())
            out << line.trimmed();
    return out;
}

} // namespace

// ---- ChangeEntryDialog -----------------------------------------------------------------------

ChangeEntryDialog::ChangeEntryDialog(const app::ScheduleEntry& entry, Submit submit, QWidget* parent)
    : StepDialog(tr("Change the entry"), parent), m_entry(entry), m_submit(std::move(submit))
{
    setMinimumWidth(560);
    m_day = new QDateEdit(entry.date, this);
    m_day->setCalendarPopup(true);
    m_day->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    m_session = new QComboBox(this);
    m_session->addItems({S("Sáng"), S("Chiều")});
    m_session->setCurrentIndex(entry.morning ? 0 : 1);
    m_time = new QLineEdit(entry.time, this);
    m_time->setPlaceholderText(QStringLiteral("07:30"));
    m_time->setMaximumWidth(80);
    m_content = textBox(this, entry.content, 80);
    m_presiding = new QLineEdit(entry.presiding, this);
    m_participants = textBox(this, entry.participants.join(u'\n'), 90);
    m_participants->setToolTip(tr("One a line: names from the directory, or an outside body"));
    m_place = new QLineEdit(entry.place, this);
    m_preparing = new QLineEdit(entry.preparing, this);
    m_serving = new QLineEdit(entry.serving, this);
    m_note = textBox(this, entry.note, 60);
    m_reason = textBox(this, QString(), 60);
    m_reason->setObjectName(QStringLiteral("reason"));
    m_reason->setPlaceholderText(tr("What changes and why, e.g. moved to 9:00 at the leader's request"));

    auto* form = new QFormLayout(this);
    auto* what = new QLabel(heading(entry), this);
    what->setWordWrap(true);
    QFont bold = what->font();
    bold.setBold(true);
    what->setFont(bold);
    form->addRow(what);
    form->addRow(
        new QLabel(tr("The week is published: the change is logged and shown as “Thay đổi”."), this));
    auto* when = new QHBoxLayout;
    when->addWidget(m_day);
    when->addWidget(m_session);
    when->addWidget(m_time);
    when->addStretch(1);
    form->addRow(tr("Day, session, time:"), when);
    form->addRow(tr("Content:"), m_content);
    form->addRow(tr("Presiding:"), m_presiding);
    form->addRow(tr("Participants:"), m_participants);
    form->addRow(tr("Place:"), m_place);
    form->addRow(tr("Preparing unit:"), m_preparing);
    form->addRow(tr("Serving office leader:"), m_serving);
    form->addRow(tr("Note:"), m_note);
    form->addRow(tr("Reason for the change:"), m_reason);
    finish(form, tr("Save change"));
    connect(m_reason, &QPlainTextEdit::textChanged, this, [this] { showProblem({}); });
}

void ChangeEntryDialog::setReason(const QString& reason)
{
    m_reason->setPlainText(reason);
}

DocumentEdit ChangeEntryDialog::edit() const
{
    DocumentEdit edit = DocumentEdit::update(m_entry.unid);
    auto text = [&edit](const char* name, const QString& now, const QString& before) {
        if (now != before)
            edit.set(Item::text(QLatin1String(name), now));
    };
    if (m_day->date() != m_entry.date)
        edit.set(Item::dateTime(QLatin1String(kItemDate), QDateTime(m_day->date(), QTime(0, 0), Qt::UTC)));
    const bool morning = m_session->currentIndex() == 0;
    if (morning != m_entry.morning)
        edit.set(Item::text(QLatin1String(kItemSession), m_session->currentText()));
    text(kItemTime, m_time->text().trimmed(), m_entry.time);
    text(kItemContent, m_content->toPlainText().trimmed(), m_entry.content);
    text(kItemPresiding, m_presiding->text().trimmed(), m_entry.presiding);
    const QStringList participants = lines(m_participants->toPlainText());
    if (participants != m_entry.participants)
        edit.set(Item::textList(QLatin1String(kItemParticipants), participants));
    text(kItemPlace, m_place->text().trimmed(), m_entry.place);
    text(kItemPreparing, m_preparing->text().trimmed(), m_entry.preparing);
    text(kItemServing, m_serving->text().trimmed(), m_entry.serving);
    text(kItemNote, m_note->toPlainText().trimmed(), m_entry.note);
    return edit;
}

Status ChangeEntryDialog::submitRequest()
{
    const DocumentEdit changed = edit();
    if (changed.sets().empty()) {
        showProblem(tr("Nothing has changed."));
        return Status(ErrorCode::InvalidArgument, problem());
    }
    if (m_content->toPlainText().trimmed().isEmpty()) {
        showProblem(tr("The content may not be empty."));
        return Status(ErrorCode::InvalidArgument, problem());
    }
    const QString reason = m_reason->toPlainText().trimmed();
    if (reason.isEmpty()) {
        showProblem(tr("Say what changes and why."));
        return Status(ErrorCode::InvalidArgument, problem());
    }
    return m_submit(changed, reason);
}

// ---- CancelEntryDialog -----------------------------------------------------------------------

CancelEntryDialog::CancelEntryDialog(const app::ScheduleEntry& entry, Submit submit, QWidget* parent)
    : StepDialog(tr("Postpone or cancel the entry"), parent), m_submit(std::move(submit))
{
    setMinimumWidth(620);
    auto* what = new QLabel(heading(entry), this);
    what->setWordWrap(true);
    QFont bold = what->font();
    bold.setBold(true);
    what->setFont(bold);
    m_reason = textBox(this, QString(), 80);
    m_reason->setObjectName(QStringLiteral("reason"));
    m_reason->setPlaceholderText(tr("e.g. postponed to next week"));
    auto* form = new QFormLayout(this);
    form->addRow(what);
    form->addRow(new QLabel(
        tr("The entry stays in the week, struck through and marked “Hoãn/Hủy”; the log keeps why."), this));
    form->addRow(tr("Reason:"), m_reason);
    finish(form, tr("Postpone/cancel"));
    connect(m_reason, &QPlainTextEdit::textChanged, this, [this] { showProblem({}); });
}

void CancelEntryDialog::setReason(const QString& reason)
{
    m_reason->setPlainText(reason);
}

Status CancelEntryDialog::submitRequest()
{
    const QString reason = m_reason->toPlainText().trimmed();
    if (reason.isEmpty()) {
        showProblem(tr("Say why the entry is postponed or cancelled."));
        return Status(ErrorCode::InvalidArgument, problem());
    }
    return m_submit(reason);
}

} // namespace sen::gui
