#include "client/app/FollowUpReport.h"

#include "client/app/SlipReport.h"
#include "client/app/Workflow.h"

#include <QRegularExpression>

#include <algorithm>
#include <limits>
#include <optional>
#include <tuple>

namespace sen::app {

using cells::dayText;

namespace {

constexpr int kMaxReportText = 300; // characters of a report quoted in "Tiến độ giải quyết"

// The arrival number a row is ordered by: SoDen, or the leading digits of its text.
std::optional<double> arrivalNumber(const Document& doc)
{
    if (const Item* item = doc.item(QStringLiteral("SoDen")); item && item->type == ItemType::Number)
        return item->toNumber();
    static const QRegularExpression leading(QStringLiteral("^\\s*(\\d+)"));
    if (const auto match = leading.match(cells::textOf(doc, QStringLiteral("SoDen"))); match.hasMatch())
        return match.captured(1).toDouble();
    return std::nullopt;
}

QString commonNames(const QStringList& names)
{
    QStringList common;
    for (const QString& name : names)
        if (const QString first = cells::commonName(name); !first.isEmpty() && !common.contains(first))
            common << first;
    return common.join(QStringLiteral(", "));
}

QString shortened(const QString& text)
{
    const QString simple = text.simplified();
    return simple.size() <= kMaxReportText ? simple : simple.left(kMaxReportText - 1) + QChar(0x2026);
}

// (2): "Công văn số 127-CV/TU ngày 10/11/2026 của Tỉnh ủy Hà Nam", then the trích yếu.
QString identification(const Document& doc)
{
    QStringList parts;
    if (const QString type = cells::textOf(doc, QStringLiteral("LoaiVanBan")); !type.isEmpty())
        parts << type;
    if (const QString number = cells::numberAndSymbol(doc); !number.isEmpty())
        parts << QStringLiteral("số ") + number;
    if (const QDate issued = cells::dateOf(doc, QStringLiteral("NgayBanHanh")); issued.isValid())
        parts << QStringLiteral("ngày ") + dayText(issued);
    if (const QString issuer = cells::textOf(doc, QStringLiteral("CoQuanBanHanh")); !issuer.isEmpty())
        parts << QStringLiteral("của ") + issuer;
    QString text = parts.join(QLatin1Char(' '));
    if (const QString abstract = cells::textOf(doc, QStringLiteral("TrichYeu")).simplified();
        !abstract.isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral("\n")) + abstract;
    return text;
}

// (3): the leads of the directions in force, then their co-ordinators.
QString receivers(const workflow::Processing& processing)
{
    QStringList lead, coordinating;
    for (const workflow::Step* direction : processing.directionsInForce()) {
        lead += direction->lead;
        coordinating += direction->coordinating;
    }
    QString text = commonNames(lead);
    if (const QString others = commonNames(coordinating); !others.isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral("\n")) + QStringLiteral("Phối hợp: ") + others;
    return text;
}

const workflow::Step* newestReport(const workflow::Processing& processing)
{
    for (auto it = processing.timeline.rbegin(); it != processing.timeline.rend(); ++it)
        if (it->kind == workflow::StepKind::Report)
            return &*it;
    return nullptr;
}

// (5): the state, then the newest report.
QString progress(const workflow::Processing& processing)
{
    const QString state = processingStateWord(processing.state);
    const workflow::Step* report = newestReport(processing);
    if (!report)
        return state;
    // "Nguyễn Văn An, 07/12/2026: ...", with the report's status when it is not the state (a
    // co-ordinator's part done, an older direction's report).
    QString by =
        cells::commonName(report->author) + QStringLiteral(", ") + dayText(report->time.toLocalTime().date());
    if (const QString status = workflow::statusWord(report->status); status != state)
        by += QStringLiteral(" (") + status + QLatin1Char(')');
    return state + QLatin1Char('\n') + by + QStringLiteral(": ") + shortened(report->text);
}

// (6): the reply named by the newest "done" report, else by the newest report naming one.
QString reply(const workflow::Processing& processing)
{
    QString any;
    for (auto it = processing.timeline.rbegin(); it != processing.timeline.rend(); ++it) {
        if (it->kind != workflow::StepKind::Report || it->reply.trimmed().isEmpty())
            continue;
        if (it->status == workflow::ReportStatus::Done)
            return it->reply.trimmed();
        if (any.isEmpty())
            any = it->reply.trimmed();
    }
    return any;
}

// (7): where the deadline stands on `asOf`.
QString note(const workflow::Processing& processing, const workdays::WorkCalendar& calendar,
             const QDate& asOf)
{
    if (processing.state == workflow::State::Done) {
        const workflow::Step* done = newestReport(processing);
        if (done && processing.deadline.isValid() && done->time.toLocalTime().date() > processing.deadline)
            return QStringLiteral("Hoàn thành sau hạn");
        return {};
    }
    const auto state = Workflow::deadlineState(processing, calendar, asOf);
    if (!state || *state == workdays::DeadlineState::OnTime)
        return {};
    QStringList lines;
    if (processing.deadline.isValid()) {
        const auto own = calendar.state(processing.deadline, asOf);
        if (own == workdays::DeadlineState::Overdue)
            lines << QStringLiteral("Quá hạn %1 ngày làm việc (hạn %2)")
                         .arg(std::max(1, calendar.workingDaysBetween(processing.deadline, asOf)))
                         .arg(dayText(processing.deadline));
        else if (own == workdays::DeadlineState::DueSoon)
            lines << QStringLiteral("Sắp đến hạn");
    }
    if (processing.state == workflow::State::Registered && processing.arrived.isValid()) {
        const QDate due = calendar.presentationDeadline(processing.arrived);
        if (calendar.state(due, asOf, 0) == workdays::DeadlineState::Overdue)
            lines << QStringLiteral("Chưa trình, quá hạn trình (%1)").arg(dayText(due));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

QString FollowUpReport::titleOf(bool overdueOnly)
{
    return overdueOnly ? QStringLiteral("BÁO CÁO VĂN BẢN ĐẾN QUÁ HẠN GIẢI QUYẾT")
                       : QStringLiteral("SỔ THEO DÕI GIẢI QUYẾT VĂN BẢN ĐẾN");
}

std::vector<ReportColumn> FollowUpReport::columnsOf()
{
    return {
        {QStringLiteral("Số đến"), 12, true},
        {QStringLiteral("Tên loại, số, ký hiệu, ngày, cơ quan ban hành"), 66, false},
        {QStringLiteral("Đơn vị hoặc người nhận"), 34, false},
        {QStringLiteral("Thời hạn giải quyết"), 18, true},
        {QStringLiteral("Tiến độ giải quyết"), 62, false},
        {QStringLiteral("Số, ký hiệu văn bản trả lời"), 24, false},
        {QStringLiteral("Ghi chú"), 28, false},
    };
}

QStringList FollowUpReport::subtitles() const
{
    return {period.text(), QStringLiteral("Tính đến ngày %1").arg(dayText(asOf))};
}

bool FollowUpReport::isOverdue(const workflow::Processing& processing, const workdays::WorkCalendar& calendar,
                               const QDate& asOf)
{
    const auto state = Workflow::deadlineState(processing, calendar, asOf);
    return state && *state == workdays::DeadlineState::Overdue;
}

QStringList FollowUpReport::cellsOf(const Document& incoming, const workflow::Processing& processing,
                                    const workdays::WorkCalendar& calendar, const QDate& asOf)
{
    return {cells::textOf(incoming, QStringLiteral("SoDen")),
            identification(incoming),
            receivers(processing),
            dayText(processing.deadline),
            progress(processing),
            reply(processing),
            note(processing, calendar, asOf)};
}

Result<FollowUpReport> FollowUpReport::build(DatabaseSession& session, const RegisterPeriod& period,
                                             const QDate& asOf, bool overdueOnly, const QString& office)
{
    if (session.kind() != DatabaseKind::Documents)
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("%1 is not a documents database: it keeps no follow-up register")
                          .arg(session.name()));
    if (!asOf.isValid())
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("the day to judge deadlines on is not a date"));
    SEN_ASSIGN_OR_RETURN(const workdays::WorkCalendar calendar, session.workCalendar());

    // The period's incoming documents first (a walk of the store), then each one's steps.
    struct Entry
    {
        int year;
        double number;
        QDate day;
        Document doc;
    };
    std::vector<Entry> entries;
    const QString form = QLatin1String(workflow::kIncomingForm);
    SEN_TRY(session.forEachDocument([&](const Document& doc) {
        if (doc.form != form || doc.isDeleted() || doc.isConflict())
            return true;
        const QDate day = cells::dateOf(doc, QStringLiteral("NgayDen"));
        if (day.isValid() && period.contains(day))
            entries.push_back(
                {day.year(), arrivalNumber(doc).value_or(std::numeric_limits<double>::infinity()), day, doc});
        return true;
    }));
    std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        return std::tie(a.year, a.number, a.day) < std::tie(b.year, b.number, b.day);
    });

    FollowUpReport report;
    report.period = period;
    report.asOf = asOf;
    report.overdueOnly = overdueOnly;
    report.office = office.trimmed().isEmpty() ? session.title() : office.trimmed();
    report.title = titleOf(overdueOnly);
    report.columns = columnsOf();
    Workflow workflow(session);
    for (const Entry& entry : entries) {
        SEN_ASSIGN_OR_RETURN(const workflow::Processing processing, workflow.processing(entry.doc.unid));
        if (overdueOnly && !isOverdue(processing, calendar, asOf))
            continue;
        report.rows.push_back(cellsOf(entry.doc, processing, calendar, asOf));
    }
    return report;
}

} // namespace sen::app
