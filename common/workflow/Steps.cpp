#include "common/workflow/Steps.h"

#include "common/acl/NameMatch.h"

namespace sen::workflow {

namespace {

Status invalid(const QString& what)
{
    return Status(ErrorCode::InvalidArgument, what);
}

// The values of a names item (a Text item holding one name is accepted as that name).
QStringList namesOf(const Document& doc, const char* item)
{
    const Item* found = doc.item(QLatin1String(item));
    if (!found)
        return {};
    QStringList values = found->toList();
    values.removeAll(QString());
    return values;
}

Result<QStringList> checkedNames(const Document& doc, const char* item)
{
    const QStringList values = namesOf(doc, item);
    if (values.size() > kMaxStepNames)
        return invalid(QStringLiteral("%1 names more than %2 people, groups or roles")
                           .arg(QLatin1String(item))
                           .arg(kMaxStepNames));
    for (const QString& value : values)
        if (!acl::isAccessName(value))
            return invalid(QStringLiteral("%1 holds \"%2\", which is not a name, group or role")
                               .arg(QLatin1String(item), value.left(80)));
    return values;
}

Result<QString> checkedAuthor(const Document& doc, const char* item)
{
    SEN_ASSIGN_OR_RETURN(const QStringList names, checkedNames(doc, item));
    if (names.size() != 1 || acl::isRoleName(names.front()) || acl::isWildcardName(names.front()))
        return invalid(
            QStringLiteral("%1 must name the one person who wrote the step").arg(QLatin1String(item)));
    return names.front();
}

Result<QDateTime> checkedTime(const Document& doc, const char* item)
{
    const Item* found = doc.item(QLatin1String(item));
    const QDateTime time = found ? found->toDateTime() : QDateTime();
    if (!time.isValid())
        return invalid(QStringLiteral("%1 must give the step's date and time").arg(QLatin1String(item)));
    return time.toUTC();
}

HlcTime stampOf(const Document& doc, const char* item)
{
    const Item* found = doc.item(QLatin1String(item));
    return found ? found->stamp.time : 0;
}

Result<QString> checkedText(const Document& doc, const char* item, int limit, bool required)
{
    const QString text = doc.text(QLatin1String(item));
    if (text.size() > limit)
        return invalid(QStringLiteral("%1 is longer than %2 characters").arg(QLatin1String(item)).arg(limit));
    if (required && text.trimmed().isEmpty())
        return invalid(QStringLiteral("%1 must not be empty").arg(QLatin1String(item)));
    return text;
}

Status presentation(const Document& doc, Step& step)
{
    SEN_ASSIGN_OR_RETURN(step.author, checkedAuthor(doc, kItemPresenter));
    SEN_ASSIGN_OR_RETURN(step.time, checkedTime(doc, kItemTime));
    step.stamped = stampOf(doc, kItemTime);
    SEN_ASSIGN_OR_RETURN(step.presentedTo, checkedNames(doc, kItemPresentedTo));
    if (step.presentedTo.isEmpty())
        return invalid(QStringLiteral("a presentation must name the leaders it goes to"));
    SEN_ASSIGN_OR_RETURN(step.text, checkedText(doc, kItemNote, kMaxStepText, false));
    return Status::ok();
}

Status direction(const Document& doc, Step& step)
{
    const std::optional<Level> level = levelFromWord(doc.text(QLatin1String(kItemLevel)));
    if (!level)
        return invalid(QStringLiteral("CapYKien must be \"%1\" or \"%2\"")
                           .arg(QString::fromUtf16(kLevelAgency), QString::fromUtf16(kLevelUnit)));
    step.level = *level;
    SEN_ASSIGN_OR_RETURN(step.author, checkedAuthor(doc, kItemDirector));
    SEN_ASSIGN_OR_RETURN(step.time, checkedTime(doc, kItemDirectedAt));
    step.stamped = stampOf(doc, kItemDirectedAt);
    SEN_ASSIGN_OR_RETURN(step.text, checkedText(doc, kItemDirection, kMaxStepText, true));
    SEN_ASSIGN_OR_RETURN(step.lead, checkedNames(doc, kItemLead));
    if (step.lead.isEmpty())
        return invalid(QStringLiteral("a direction must name who leads (NguoiXuLy)"));
    SEN_ASSIGN_OR_RETURN(step.coordinating, checkedNames(doc, kItemCoordinating));
    if (const Item* deadline = doc.item(QLatin1String(kItemDeadline))) {
        const QDateTime when = deadline->toDateTime();
        if (!when.isValid())
            return invalid(QStringLiteral("HanXuLy must be a date"));
        step.deadline = when.toUTC().date();
    }
    const QString from = doc.text(QLatin1String(kItemDelegatedFrom));
    if (!from.isEmpty()) {
        step.delegatedFrom = Unid::fromHex(from);
        if (!step.delegatedFrom)
            return invalid(QStringLiteral("GiaoTu must be the UNID of a direction"));
    }
    return Status::ok();
}

Status report(const Document& doc, Step& step)
{
    if (!doc.parent)
        return invalid(QStringLiteral("a report must be a response to a direction"));
    const std::optional<ReportStatus> status = statusFromWord(doc.text(QLatin1String(kItemStatus)));
    if (!status)
        return invalid(QStringLiteral("TrangThai must be \"%1\", \"%2\" or \"%3\"")
                           .arg(QString::fromUtf16(kStatusInProgress), QString::fromUtf16(kStatusDone),
                                QString::fromUtf16(kStatusReturned)));
    step.status = *status;
    const std::optional<Part> part = partFromWord(doc.text(QLatin1String(kItemPart)));
    if (!part)
        return invalid(QStringLiteral("VaiTro must be \"%1\" or \"%2\"")
                           .arg(QString::fromUtf16(kPartLead), QString::fromUtf16(kPartCoordinating)));
    step.part = *part;
    SEN_ASSIGN_OR_RETURN(step.author, checkedAuthor(doc, kItemReporter));
    SEN_ASSIGN_OR_RETURN(step.time, checkedTime(doc, kItemTime));
    step.stamped = stampOf(doc, kItemTime);
    SEN_ASSIGN_OR_RETURN(step.text, checkedText(doc, kItemText, kMaxStepText, true));
    SEN_ASSIGN_OR_RETURN(step.reply, checkedText(doc, kItemReply, kMaxReplyLength, false));
    return Status::ok();
}

} // namespace

bool isStepForm(const QString& form)
{
    return form == QLatin1String(kPresentationForm) || form == QLatin1String(kDirectionForm) ||
           form == QLatin1String(kReportForm);
}

Result<Step> stepFromDocument(const Document& doc)
{
    if (doc.isDeleted() || !isStepForm(doc.form))
        return invalid(QStringLiteral("not a live processing step"));
    Step step;
    step.unid = doc.unid;
    step.parent = doc.parent;
    if (!doc.parent)
        return invalid(QStringLiteral("a processing step must be a response"));
    if (doc.form == QLatin1String(kPresentationForm)) {
        step.kind = StepKind::Presentation;
        SEN_TRY(presentation(doc, step));
    } else if (doc.form == QLatin1String(kDirectionForm)) {
        step.kind = StepKind::Direction;
        SEN_TRY(direction(doc, step));
    } else {
        step.kind = StepKind::Report;
        SEN_TRY(report(doc, step));
    }
    return step;
}

QString levelWord(Level level)
{
    return QString::fromUtf16(level == Level::Agency ? kLevelAgency : kLevelUnit);
}

std::optional<Level> levelFromWord(const QString& word)
{
    if (word == QStringView(kLevelAgency))
        return Level::Agency;
    if (word == QStringView(kLevelUnit))
        return Level::Unit;
    return std::nullopt;
}

QString statusWord(ReportStatus status)
{
    switch (status) {
    case ReportStatus::InProgress:
        return QString::fromUtf16(kStatusInProgress);
    case ReportStatus::Done:
        return QString::fromUtf16(kStatusDone);
    case ReportStatus::Returned:
        return QString::fromUtf16(kStatusReturned);
    }
    return {};
}

std::optional<ReportStatus> statusFromWord(const QString& word)
{
    for (ReportStatus status : {ReportStatus::InProgress, ReportStatus::Done, ReportStatus::Returned})
        if (word == statusWord(status))
            return status;
    return std::nullopt;
}

QString partWord(Part part)
{
    return QString::fromUtf16(part == Part::Lead ? kPartLead : kPartCoordinating);
}

std::optional<Part> partFromWord(const QString& word)
{
    if (word == QStringView(kPartLead))
        return Part::Lead;
    if (word == QStringView(kPartCoordinating))
        return Part::Coordinating;
    return std::nullopt;
}

} // namespace sen::workflow
