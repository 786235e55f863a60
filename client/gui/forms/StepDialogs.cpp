#include "client/gui/forms/StepDialogs.h"

#include "client/app/ReportCells.h"
#include "client/gui/app/ErrorBox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>

namespace sen::gui {

namespace {

QPlainTextEdit* textEdit(QWidget* parent)
{
    auto* edit = new QPlainTextEdit(parent);
    edit->setTabChangesFocus(true);
    edit->setMinimumHeight(80);
    return edit;
}

QLineEdit* namesEdit(QWidget* parent, const QString& name)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(name);
    edit->setPlaceholderText(StepDialog::tr("Names separated by ';'"));
    edit->setToolTip(StepDialog::tr("People, groups or roles, e.g. Nguyễn Văn A/VPHU/HaNoi; [LanhDao]"));
    return edit;
}

// "Lê Văn Lãnh, 16/11/2026: Giao Văn phòng chủ trì…"
QString describe(const workflow::Step& direction)
{
    QString text = direction.text.simplified();
    if (text.size() > 80)
        text = text.left(79) + QChar(0x2026);
    return QStringLiteral("%1, %2: %3")
        .arg(app::cells::commonName(direction.author),
             direction.time.toLocalTime().toString(QStringLiteral("dd/MM/yyyy")), text);
}

} // namespace

QStringList splitNames(const QString& text)
{
    QStringList names;
    for (const QString& part : text.split(QLatin1Char(';'))) {
        const QString name = part.trimmed();
        if (!name.isEmpty())
            names << name;
    }
    return names;
}

// ---- StepDialog ----------------------------------------------------------------------------

StepDialog::StepDialog(const QString& title, QWidget* parent) : QDialog(parent)
{
    setWindowTitle(title);
    setMinimumWidth(460);
}

void StepDialog::finish(QFormLayout* form, const QString& okText)
{
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_problem->setVisible(false);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(okText);
    connect(buttons, &QDialogButtonBox::accepted, this, &StepDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(m_problem);
    form->addRow(buttons);
}

QString StepDialog::problem() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

void StepDialog::showProblem(const QString& text)
{
    m_problem->setText(text);
    m_problem->setToolTip(QString());
    m_problem->setVisible(!text.isEmpty());
}

void StepDialog::accept()
{
    const Status status = submitRequest();
    if (status.isOk()) {
        QDialog::accept();
        return;
    }
    if (status.code() == ErrorCode::InvalidArgument && !problem().isEmpty())
        return; // a field left empty, already said
    ErrorBox::showIn(*m_problem, status, client::ErrorContext::of(client::Situation::SavingDocument));
}

// ---- PresentDialog -------------------------------------------------------------------------

PresentDialog::PresentDialog(Submit submit, QWidget* parent)
    : StepDialog(tr("Present to the leaders"), parent), m_submit(std::move(submit))
{
    m_to = namesEdit(this, QStringLiteral("presentTo"));
    m_to->setText(QLatin1String(workflow::kRoleLeader));
    m_note = textEdit(this);
    m_note->setObjectName(QStringLiteral("note"));
    auto* form = new QFormLayout(this);
    form->addRow(tr("Present to:"), m_to);
    form->addRow(tr("Note:"), m_note);
    finish(form, tr("Present"));
}

void PresentDialog::fill(const QString& to, const QString& note)
{
    m_to->setText(to);
    m_note->setPlainText(note);
}

Status PresentDialog::submitRequest()
{
    const QStringList to = splitNames(m_to->text());
    if (to.isEmpty()) {
        showProblem(tr("Name the leaders the document is presented to."));
        return Status(ErrorCode::InvalidArgument, problem());
    }
    showProblem(QString());
    return m_submit(to, m_note->toPlainText().trimmed());
}

// ---- DirectDialog --------------------------------------------------------------------------

DirectDialog::DirectDialog(workflow::Level level, const workflow::Step* governing, Submit submit,
                           QWidget* parent)
    : StepDialog(level == workflow::Level::Agency ? tr("Give direction") : tr("Assign onward"), parent),
      m_submit(std::move(submit)), m_level(level)
{
    auto* form = new QFormLayout(this);
    form->addRow(
        tr("Opinion of:"),
        new QLabel(level == workflow::Level::Agency ? tr("the agency's leadership") : tr("the unit's head"),
                   this));
    QDate deadline = QDate::currentDate().addDays(7);
    if (level == workflow::Level::Unit && governing && governing->level == workflow::Level::Agency) {
        m_from = governing->unid;
        auto* carried = new QLabel(describe(*governing), this);
        carried->setObjectName(QStringLiteral("carriedOut"));
        carried->setWordWrap(true);
        form->addRow(tr("Carrying out:"), carried);
        if (governing->deadline.isValid())
            deadline = governing->deadline;
    }
    m_text = textEdit(this);
    m_text->setObjectName(QStringLiteral("direction"));
    m_lead = namesEdit(this, QStringLiteral("lead"));
    m_coordinating = namesEdit(this, QStringLiteral("coordinating"));
    m_hasDeadline = new QCheckBox(tr("Deadline:"), this);
    m_hasDeadline->setChecked(true);
    m_deadline = new QDateEdit(deadline, this);
    m_deadline->setObjectName(QStringLiteral("deadline"));
    m_deadline->setDisplayFormat(QStringLiteral("dd/MM/yyyy"));
    m_deadline->setCalendarPopup(true);
    connect(m_hasDeadline, &QCheckBox::toggled, m_deadline, &QWidget::setEnabled);
    form->addRow(tr("Direction:"), m_text);
    form->addRow(tr("Lead (chủ trì):"), m_lead);
    form->addRow(tr("Co-ordinating (phối hợp):"), m_coordinating);
    form->addRow(m_hasDeadline, m_deadline);
    finish(form, level == workflow::Level::Agency ? tr("Give direction") : tr("Assign"));
}

void DirectDialog::fill(const QString& text, const QString& lead, const QString& coordinating,
                        const QDate& deadline)
{
    m_text->setPlainText(text);
    m_lead->setText(lead);
    m_coordinating->setText(coordinating);
    m_hasDeadline->setChecked(deadline.isValid());
    if (deadline.isValid())
        m_deadline->setDate(deadline);
}

Status DirectDialog::submitRequest()
{
    app::DirectionRequest request;
    request.level = m_level;
    request.text = m_text->toPlainText().trimmed();
    request.lead = splitNames(m_lead->text());
    request.coordinating = splitNames(m_coordinating->text());
    request.deadline = m_hasDeadline->isChecked() ? m_deadline->date() : QDate();
    request.delegatedFrom = m_from;
    if (request.text.isEmpty())
        showProblem(tr("Write the direction."));
    else if (request.lead.isEmpty())
        showProblem(tr("Name who leads the handling."));
    else
        showProblem(QString());
    if (!problem().isEmpty())
        return Status(ErrorCode::InvalidArgument, problem());
    return m_submit(request);
}

// ---- ReportDialog --------------------------------------------------------------------------

ReportDialog::ReportDialog(std::vector<workflow::Step> directions, Submit submit, QWidget* parent)
    : StepDialog(tr("Report progress"), parent), m_submit(std::move(submit)),
      m_directions(std::move(directions))
{
    m_direction = new QComboBox(this);
    m_direction->setObjectName(QStringLiteral("onDirection"));
    for (const workflow::Step& direction : m_directions)
        m_direction->addItem(describe(direction));
    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->addItem(tr("In progress"), int(workflow::ReportStatus::InProgress));
    m_status->addItem(tr("Done"), int(workflow::ReportStatus::Done));
    m_status->addItem(tr("Returned"), int(workflow::ReportStatus::Returned));
    m_text = textEdit(this);
    m_text->setObjectName(QStringLiteral("report"));
    m_reply = new QLineEdit(this);
    m_reply->setObjectName(QStringLiteral("reply"));
    m_reply->setMaxLength(workflow::kMaxReplyLength);
    m_reply->setPlaceholderText(tr("Number and symbol of the reply, if any"));
    auto* form = new QFormLayout(this);
    form->addRow(tr("On the direction:"), m_direction);
    form->addRow(tr("Status:"), m_status);
    form->addRow(tr("Report or proposal:"), m_text);
    form->addRow(tr("Reply:"), m_reply);
    finish(form, tr("Report"));
}

void ReportDialog::fill(int direction, workflow::ReportStatus status, const QString& text,
                        const QString& reply)
{
    m_direction->setCurrentIndex(direction);
    m_status->setCurrentIndex(m_status->findData(int(status)));
    m_text->setPlainText(text);
    m_reply->setText(reply);
}

Status ReportDialog::submitRequest()
{
    const int index = m_direction->currentIndex();
    app::ReportRequest request;
    request.status = workflow::ReportStatus(m_status->currentData().toInt());
    request.text = m_text->toPlainText().trimmed();
    request.reply = m_reply->text().trimmed();
    if (index < 0 || index >= int(m_directions.size()))
        showProblem(tr("Choose the direction the report is on."));
    else if (request.text.isEmpty())
        showProblem(tr("Write the report."));
    else
        showProblem(QString());
    if (!problem().isEmpty())
        return Status(ErrorCode::InvalidArgument, problem());
    return m_submit(m_directions[std::size_t(index)].unid, request);
}

} // namespace sen::gui
