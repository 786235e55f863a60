#include "client/gui/schedule/InvitationDialogs.h"

#include "client/core/ErrorText.h"
#include "client/gui/forms/NamePicker.h"
#include "common/acl/NameMatch.h"

#include <QButtonGroup>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace sen::gui {

namespace {

using schedule::Answer;

QString heading(const app::InvitationView& view)
{
    QString text = view.date.toString(QStringLiteral("dd/MM/yyyy"));
    if (!view.time.isEmpty())
        text += QStringLiteral(" ") + view.time;
    text += QStringLiteral(" — ") + view.content.section(u'\n', 0, 0);
    if (!view.place.isEmpty())
        text += QStringLiteral(" (") + view.place + u')';
    return text;
}

// "Nguyễn Văn An" of "Nguyễn Văn An/VPTU/HaNoi"; roles and groups as they are.
QString shortName(const QString& name)
{
    return name.startsWith(u'[') || name.startsWith(u'*') ? name : name.section(u'/', 0, 0);
}

QTableWidgetItem* cell(const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return item;
}

} // namespace

QString countsText(const schedule::InvitationTally& tally)
{
    if (tally.rows.empty())
        return {};
    return InvitationDetailsDialog::tr("Attending %1 · Delegating %2 · Not attending %3 · No reply %4")
        .arg(tally.attending)
        .arg(tally.delegating)
        .arg(tally.declining)
        .arg(tally.unanswered);
}

// ---- ReplyDialog ---------------------------------------------------------------------------

ReplyDialog::ReplyDialog(const app::InvitationView& view, std::shared_ptr<const client::AddressBook> book,
                         Submit submit, QWidget* parent)
    : StepDialog(tr("Reply to the invitation"), parent), m_submit(std::move(submit))
{
    auto* what = new QLabel(heading(view), this);
    what->setWordWrap(true);
    QFont bold = what->font();
    bold.setBold(true);
    what->setFont(bold);
    m_attend = new QRadioButton(tr("I will attend"), this);
    m_decline = new QRadioButton(tr("I will not attend"), this);
    m_send = new QRadioButton(tr("I send a delegate:"), this);
    m_attend->setChecked(true);
    auto* group = new QButtonGroup(this);
    for (QRadioButton* button : {m_attend, m_decline, m_send})
        group->addButton(button);
    m_delegate = new QLineEdit(this);
    m_delegate->setObjectName(QStringLiteral("delegate"));
    m_delegate->setPlaceholderText(tr("The person who attends in your place"));
    m_delegate->setEnabled(false);
    if (book && !book->isEmpty())
        new NamePicker(m_delegate, std::move(book));
    connect(m_send, &QRadioButton::toggled, m_delegate, &QLineEdit::setEnabled);
    m_note = new QPlainTextEdit(this);
    m_note->setObjectName(QStringLiteral("note"));
    m_note->setPlaceholderText(tr("Optional, e.g. arriving late"));
    m_note->setMaximumHeight(90);

    auto* form = new QFormLayout(this);
    form->addRow(what);
    if (view.invitedAs && !view.invitedAs->isEmpty())
        form->addRow(new QLabel(
            tr("You are invited as a member of %1; your reply answers for it.").arg(*view.invitedAs), this));
    auto* delegateRow = new QHBoxLayout;
    delegateRow->addWidget(m_send);
    delegateRow->addWidget(m_delegate, 1);
    form->addRow(tr("Answer:"), m_attend);
    form->addRow(QString(), m_decline);
    form->addRow(QString(), delegateRow);
    form->addRow(tr("Note:"), m_note);
    finish(form, tr("Send reply"));
    connect(m_delegate, &QLineEdit::textChanged, this, [this] { showProblem({}); });
}

void ReplyDialog::fill(Answer answer, const QString& delegate, const QString& note)
{
    (answer == Answer::Attend ? m_attend : answer == Answer::Decline ? m_decline : m_send)->setChecked(true);
    m_delegate->setText(delegate);
    m_note->setPlainText(note);
}

Answer ReplyDialog::answer() const
{
    return m_attend->isChecked()    ? Answer::Attend
           : m_decline->isChecked() ? Answer::Decline
                                    : Answer::Delegate;
}

Status ReplyDialog::submitRequest()
{
    const Answer chosen = answer();
    const QString delegate = chosen == Answer::Delegate ? m_delegate->text().trimmed() : QString();
    if (chosen == Answer::Delegate && delegate.isEmpty()) {
        showProblem(tr("Name the person you send in your place."));
        return Status(ErrorCode::InvalidArgument, problem());
    }
    return m_submit(chosen, delegate, m_note->toPlainText().trimmed());
}

// ---- InvitationDetailsDialog ---------------------------------------------------------------

InvitationDetailsDialog::InvitationDetailsDialog(std::shared_ptr<app::DatabaseSession> session,
                                                 const Unid& entry, QWidget* parent)
    : QDialog(parent), m_session(std::move(session)), m_entry(entry)
{
    setWindowTitle(tr("Invitation and replies"));
    m_heading = new QLabel(this);
    m_heading->setWordWrap(true);
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    m_counts = new QLabel(this);
    m_freeText = new QLabel(this);
    m_freeText->setWordWrap(true);
    m_table = new QTableWidget(0, 5, this);
    m_table->setHorizontalHeaderLabels(
        {tr("Invitee"), tr("Reply"), tr("Replied by"), tr("Note"), tr("When")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(true);
    m_table->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_table->setColumnWidth(0, 190);
    m_table->setColumnWidth(1, 220);
    m_table->setColumnWidth(2, 150);
    m_table->setColumnWidth(4, 120);
    m_reply = new QPushButton(tr("Reply…"), this);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_reply, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_reply, &QPushButton::clicked, this, [this] { openReply(); });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_counts);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_freeText);
    layout->addWidget(buttons);
    resize(820, 420);
    connect(m_session.get(), &app::DatabaseSession::changed, this, &InvitationDetailsDialog::reload);
    reload();
}

void InvitationDetailsDialog::reload()
{
    const Result<app::InvitationView> view = app::Invitations(*m_session).of(m_entry);
    m_table->setRowCount(0);
    if (!view) {
        m_view.reset();
        m_heading->setText(client::ErrorText::line(
            view.status(), client::ErrorContext::of(client::Situation::OpeningDocument)));
        m_reply->setEnabled(false);
        return;
    }
    m_view = *view;
    QString head = heading(*view);
    if (view->mark == schedule::EntryMark::Cancelled)
        head += QStringLiteral("  [") +
                QCoreApplication::translate("sen::schedule", schedule::markSourceName(view->mark)) + u']';
    m_heading->setText(head);
    m_counts->setText(view->tally.rows.empty() ? tr("This entry invites nobody from the directory.")
                                               : countsText(view->tally));
    for (const schedule::InviteeRow& row : view->tally.rows) {
        const int r = m_table->rowCount();
        m_table->insertRow(r);
        QTableWidgetItem* name = cell(shortName(row.name));
        name->setToolTip(row.name);
        if (!row.invited)
            name->setText(name->text() + QStringLiteral(" *"));
        m_table->setItem(r, 0, name);
        if (!row.reply) {
            QTableWidgetItem* none = cell(tr("No reply yet"));
            none->setForeground(QColor(0x75, 0x75, 0x75));
            m_table->setItem(r, 1, none);
            continue;
        }
        const schedule::Reply& reply = *row.reply;
        QString answer = app::Invitations::answerName(reply.answer);
        if (reply.answer == Answer::Delegate)
            answer += QStringLiteral(": ") + shortName(reply.delegate);
        QTableWidgetItem* answerCell = cell(answer);
        if (reply.answer == Answer::Decline)
            answerCell->setForeground(QColor(0xc6, 0x28, 0x28));
        else
            answerCell->setForeground(QColor(0x2e, 0x7d, 0x32));
        m_table->setItem(r, 1, answerCell);
        m_table->setItem(r, 2, cell(shortName(reply.author)));
        m_table->setItem(r, 3, cell(reply.note));
        m_table->setItem(r, 4, cell(reply.time.toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm"))));
        // Every reply answering for this row, oldest first.
        QStringList history;
        for (const schedule::Reply& earlier : view->history)
            if (acl::namesEqual(earlier.respondent(), row.name))
                history << QStringLiteral("%1 %2: %3")
                               .arg(earlier.time.toLocalTime().toString(QStringLiteral("dd/MM HH:mm")),
                                    shortName(earlier.author), app::Invitations::answerName(earlier.answer));
        for (int c = 0; c < m_table->columnCount(); ++c)
            if (QTableWidgetItem* item = m_table->item(r, c))
                item->setToolTip(history.join(u'\n'));
    }
    m_table->resizeRowsToContents();
    m_freeText->setText(view->tally.freeText.isEmpty()
                            ? QString()
                            : tr("Also named (not in the directory, not asked to reply): %1")
                                  .arg(view->tally.freeText.join(QStringLiteral("; "))));
    m_freeText->setVisible(!view->tally.freeText.isEmpty());
    m_reply->setEnabled(view->mayReply());
    m_reply->setToolTip(view->invitedAs ? QString() : tr("Only those the entry invites reply."));
}

ReplyDialog* InvitationDetailsDialog::openReply()
{
    if (!m_view || !m_view->mayReply())
        return nullptr;
    std::shared_ptr<const client::AddressBook> book;
    if (Result<client::AddressBook> read = m_session->addressBook())
        book = std::make_shared<const client::AddressBook>(std::move(*read));
    std::shared_ptr<app::DatabaseSession> session = m_session;
    const Unid entry = m_entry;
    auto* dialog = new ReplyDialog(
        *m_view, std::move(book),
        [session, entry](Answer answer, const QString& delegate, const QString& note) {
            return app::Invitations(*session).reply(entry, answer, delegate, note).status();
        },
        this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

} // namespace sen::gui
