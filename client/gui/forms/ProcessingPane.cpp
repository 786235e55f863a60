#include "client/gui/forms/ProcessingPane.h"

#include "client/app/ReportCells.h"
#include "client/app/Workflow.h"
#include "client/gui/app/ErrorBox.h"
#include "client/gui/forms/StepDialogs.h"

#include <QCoreApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace sen::gui {

namespace {

QString day(const QDate& date)
{
    return date.toString(QStringLiteral("dd/MM/yyyy"));
}

QString commonNames(const QStringList& names)
{
    QStringList common;
    for (const QString& name : names)
        common << app::cells::commonName(name);
    return common.join(QStringLiteral(", "));
}

// The badge's colours: background, text.
std::pair<const char*, const char*> badgeColours(workflow::State state)
{
    switch (state) {
    case workflow::State::Registered:
        return {"#e2e3e5", "#41464b"};
    case workflow::State::Presented:
        return {"#cfe2ff", "#084298"};
    case workflow::State::Directed:
        return {"#e0cffc", "#3d0a91"};
    case workflow::State::InProgress:
        return {"#fff3cd", "#664d03"};
    case workflow::State::Done:
        return {"#d1e7dd", "#0f5132"};
    case workflow::State::Returned:
        return {"#f8d7da", "#842029"};
    }
    return {"#e2e3e5", "#41464b"};
}

QString statusText(workflow::ReportStatus status)
{
    switch (status) {
    case workflow::ReportStatus::InProgress:
        return ProcessingPane::tr("in progress");
    case workflow::ReportStatus::Done:
        return ProcessingPane::tr("done");
    case workflow::ReportStatus::Returned:
        return ProcessingPane::tr("returned");
    }
    return {};
}

// What a step says, for the timeline.
QString whatOf(const workflow::Step& step)
{
    QStringList lines;
    switch (step.kind) {
    case workflow::StepKind::Presentation:
        lines << ProcessingPane::tr("Presented to %1").arg(commonNames(step.presentedTo));
        if (!step.text.isEmpty())
            lines << step.text;
        break;
    case workflow::StepKind::Direction: {
        lines << (step.level == workflow::Level::Agency
                      ? ProcessingPane::tr("Direction of the agency's leadership: %1")
                      : ProcessingPane::tr("Direction of the unit's head: %1"))
                     .arg(step.text);
        QStringList who{ProcessingPane::tr("lead: %1").arg(commonNames(step.lead))};
        if (!step.coordinating.isEmpty())
            who << ProcessingPane::tr("co-ordinating: %1").arg(commonNames(step.coordinating));
        if (step.deadline.isValid())
            who << ProcessingPane::tr("deadline %1").arg(day(step.deadline));
        lines << who.join(QStringLiteral("; "));
        break;
    }
    case workflow::StepKind::Report:
        lines << (step.part == workflow::Part::Lead ? ProcessingPane::tr("Report as lead (%1): %2")
                                                    : ProcessingPane::tr("Report as co-ordinator (%1): %2"))
                     .arg(statusText(step.status), step.text);
        if (!step.reply.isEmpty())
            lines << ProcessingPane::tr("Reply: %1").arg(step.reply);
        break;
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

ProcessingPane::ProcessingPane(std::shared_ptr<app::DatabaseSession> session, QWidget* parent)
    : QGroupBox(tr("Processing"), parent), m_session(std::move(session))
{
    setObjectName(QStringLiteral("processingPane"));
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("processingState"));
    m_deadline = new QLabel(this);
    m_deadline->setObjectName(QStringLiteral("processingDeadline"));
    auto* top = new QHBoxLayout;
    top->addWidget(m_state);
    top->addWidget(m_deadline);
    top->addStretch(1);

    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->setVisible(false);

    m_timeline = new QTreeWidget(this);
    m_timeline->setObjectName(QStringLiteral("timeline"));
    m_timeline->setHeaderLabels({tr("When"), tr("Who"), tr("What")});
    m_timeline->setRootIsDecorated(false);
    m_timeline->setWordWrap(true);
    m_timeline->setUniformRowHeights(false);
    m_timeline->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_timeline->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_timeline->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_timeline->setMinimumHeight(110);

    auto button = [this](const QString& text, const QString& name, auto action) {
        auto* b = new QPushButton(text, this);
        b->setObjectName(name);
        connect(b, &QPushButton::clicked, this, action);
        return b;
    };
    m_present =
        button(tr("Present to the leaders…"), QStringLiteral("present"), [this] { presentDocument(); });
    m_direct = button(tr("Give direction…"), QStringLiteral("direct"),
                      [this] { giveDirection(workflow::Level::Agency); });
    m_assign = button(tr("Assign onward…"), QStringLiteral("assign"),
                      [this] { giveDirection(workflow::Level::Unit); });
    m_report = button(tr("Report progress…"), QStringLiteral("report"), [this] { reportProgress(); });
    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : {m_present, m_direct, m_assign, m_report})
        buttons->addWidget(b);
    buttons->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_problem);
    layout->addWidget(m_timeline);
    layout->addLayout(buttons);

    connect(m_session.get(), &app::DatabaseSession::changed, this, [this] {
        if (!m_incoming.isNull())
            refresh();
    });
}

void ProcessingPane::setDocument(const Unid& incoming)
{
    m_incoming = incoming;
    refresh();
}

void ProcessingPane::setToday(const QDate& today)
{
    m_today = today;
    refresh();
}

void ProcessingPane::refresh()
{
    if (m_incoming.isNull())
        return;
    const Result<workflow::Processing> processing = app::Workflow(*m_session).processing(m_incoming);
    if (!processing) {
        m_processing.reset();
        ErrorBox::showIn(*m_problem, processing.status(),
                         client::ErrorContext::of(client::Situation::ReadingResponses));
        for (QPushButton* b : {m_present, m_direct, m_assign, m_report})
            b->setVisible(false);
        return;
    }
    m_problem->setVisible(false);
    m_processing = *processing;
    showState(*processing);
    showTimeline(*processing);
    const app::WorkflowOffers offers = app::Workflow(*m_session).offers(*processing);
    m_present->setVisible(offers.present);
    m_direct->setVisible(offers.directAgency);
    m_assign->setVisible(offers.directUnit);
    m_report->setVisible(!offers.reportOn.empty());
}

void ProcessingPane::showState(const workflow::Processing& processing)
{
    const auto [background, foreground] = badgeColours(processing.state);
    m_state->setText(
        QCoreApplication::translate("sen::workflow", workflow::stateSourceName(processing.state)));
    m_state->setStyleSheet(QStringLiteral("QLabel { background: %1; color: %2; border-radius: 8px; "
                                          "padding: 2px 10px; font-weight: bold; }")
                               .arg(QLatin1String(background), QLatin1String(foreground)));

    const Result<workdays::WorkCalendar> calendar = m_session->workCalendar();
    const workdays::WorkCalendar workdays = calendar ? *calendar : workdays::WorkCalendar();
    QStringList parts;
    if (processing.deadline.isValid())
        parts << tr("Deadline %1").arg(day(processing.deadline));
    if (processing.state == workflow::State::Registered && processing.arrived.isValid())
        parts << tr("to be presented by %1").arg(day(workdays.presentationDeadline(processing.arrived)));
    QString text = parts.join(QStringLiteral("; "));
    const QDate today = m_today.isValid() ? m_today : QDate::currentDate();
    const auto state = app::Workflow::deadlineState(processing, workdays, today);
    QString level;
    if (state == workdays::DeadlineState::Overdue) {
        text = tr("%1 — overdue").arg(text);
        level = QStringLiteral("overdue");
    } else if (state == workdays::DeadlineState::DueSoon) {
        text = tr("%1 — due soon").arg(text);
        level = QStringLiteral("due-soon");
    }
    m_deadline->setText(text);
    m_deadline->setProperty("deadlineLevel", level);
    m_deadline->setStyleSheet(
        level == u"overdue"    ? QStringLiteral("QLabel { background: #f8d7da; color: #842029; "
                                                   "border-radius: 4px; padding: 2px 6px; }")
        : level == u"due-soon" ? QStringLiteral("QLabel { background: #fff3cd; color: #664d03; "
                                                "border-radius: 4px; padding: 2px 6px; }")
                               : QString());
}

void ProcessingPane::showTimeline(const workflow::Processing& processing)
{
    m_timeline->clear();
    for (const workflow::Step& step : processing.timeline) {
        auto* row = new QTreeWidgetItem(m_timeline);
        row->setText(0, step.time.toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm")));
        row->setText(1, app::cells::commonName(step.author));
        row->setToolTip(1, step.author);
        const QString what = whatOf(step);
        row->setText(2, what);
        row->setToolTip(2, what);
        row->setData(0, Qt::UserRole, step.unid.toHex());
    }
    if (m_timeline->topLevelItemCount() == 0) {
        auto* row = new QTreeWidgetItem(m_timeline);
        row->setText(2, tr("Registered; not presented yet."));
        row->setFlags(Qt::NoItemFlags);
    }
}

QString ProcessingPane::stateText() const
{
    return m_state->text();
}

QString ProcessingPane::deadlineText() const
{
    return m_deadline->text();
}

QString ProcessingPane::deadlineLevel() const
{
    return m_deadline->property("deadlineLevel").toString();
}

void ProcessingPane::presentDocument()
{
    PresentDialog dialog(
        [this](const QStringList& to, const QString& note) -> Status {
            const Result<Document> saved = app::Workflow(*m_session).present(m_incoming, to, note);
            if (saved)
                Q_EMIT stepWritten(saved->unid);
            return saved.status();
        },
        this);
    dialog.exec();
}

void ProcessingPane::giveDirection(workflow::Level level)
{
    const workflow::Step* governing = m_processing ? m_processing->governingDirection() : nullptr;
    DirectDialog dialog(
        level, governing,
        [this](const app::DirectionRequest& request) -> Status {
            const Result<Document> saved = app::Workflow(*m_session).direct(m_incoming, request);
            if (saved)
                Q_EMIT stepWritten(saved->unid);
            return saved.status();
        },
        this);
    dialog.exec();
}

void ProcessingPane::reportProgress()
{
    if (!m_processing)
        return;
    const app::WorkflowOffers offers = app::Workflow(*m_session).offers(*m_processing);
    std::vector<workflow::Step> directions;
    for (const workflow::Step* step : m_processing->directionsInForce())
        if (std::find(offers.reportOn.begin(), offers.reportOn.end(), step->unid) != offers.reportOn.end())
            directions.push_back(*step);
    ReportDialog dialog(
        std::move(directions),
        [this](const Unid& direction, const app::ReportRequest& request) -> Status {
            const Result<Document> saved = app::Workflow(*m_session).report(direction, request);
            if (saved)
                Q_EMIT stepWritten(saved->unid);
            return saved.status();
        },
        this);
    dialog.exec();
}

} // namespace sen::gui
