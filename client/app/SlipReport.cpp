#include "client/app/SlipReport.h"

#include "client/app/ReportCells.h"
#include "client/app/Workflow.h"

namespace sen::app {

namespace {

QString names(const QStringList& list)
{
    QStringList common;
    for (const QString& name : list)
        if (const QString first = cells::commonName(name); !first.isEmpty())
            common << first;
    return common.join(QStringLiteral(", "));
}

SlipOpinion opinionOf(const workflow::Step& step)
{
    SlipOpinion opinion;
    opinion.text = step.text;
    opinion.author = cells::commonName(step.author);
    opinion.time = step.time.toLocalTime();
    if (step.kind == workflow::StepKind::Direction) {
        opinion.lead = names(step.lead);
        opinion.coordinating = names(step.coordinating);
        opinion.deadline = step.deadline;
    } else if (step.kind == workflow::StepKind::Report) {
        opinion.part = workflow::partWord(step.part);
        opinion.status = workflow::statusWord(step.status);
        opinion.reply = step.reply;
    }
    return opinion;
}

} // namespace

QString processingStateWord(workflow::State state)
{
    switch (state) {
    case workflow::State::Registered:
        return QStringLiteral("Đã vào sổ");
    case workflow::State::Presented:
        return QStringLiteral("Đã trình");
    case workflow::State::Directed:
        return QStringLiteral("Đã cho ý kiến");
    case workflow::State::InProgress:
        return QStringLiteral("Đang xử lý");
    case workflow::State::Done:
        return QStringLiteral("Hoàn thành");
    case workflow::State::Returned:
        return QStringLiteral("Trả lại");
    }
    return {};
}

SlipReport SlipReport::of(const Document& incoming, const workflow::Processing& processing,
                          const QString& office)
{
    SlipReport slip;
    slip.office = office;
    slip.title = QStringLiteral("PHIẾU GIẢI QUYẾT VĂN BẢN ĐẾN");
    slip.type = cells::textOf(incoming, QStringLiteral("LoaiVanBan"));
    slip.number = cells::numberAndSymbol(incoming);
    slip.issued = cells::dateOf(incoming, QStringLiteral("NgayBanHanh"));
    slip.issuer = cells::textOf(incoming, QStringLiteral("CoQuanBanHanh"));
    slip.abstract = cells::textOf(incoming, QStringLiteral("TrichYeu"));
    slip.arrivalNumber = cells::textOf(incoming, QStringLiteral("SoDen"));
    slip.arrived = cells::dateOf(incoming, QStringLiteral("NgayDen"));
    slip.state = processingStateWord(processing.state);
    slip.deadline = processing.deadline;
    for (const workflow::Step& step : processing.timeline) {
        if (step.kind == workflow::StepKind::Direction)
            (step.level == workflow::Level::Agency ? slip.agency : slip.unit).push_back(opinionOf(step));
        else if (step.kind == workflow::StepKind::Report)
            slip.handler.push_back(opinionOf(step));
    }
    return slip;
}

Result<SlipReport> SlipReport::build(DatabaseSession& session, const Unid& incoming, const QString& office)
{
    SEN_ASSIGN_OR_RETURN(const workflow::Processing processing, Workflow(session).processing(incoming));
    SEN_ASSIGN_OR_RETURN(const Document doc, session.document(incoming));
    return of(doc, processing, office.trimmed().isEmpty() ? session.title() : office.trimmed());
}

} // namespace sen::app
