#include "common/workflow/Processing.h"

#include <QCoreApplication>

#include <algorithm>

namespace sen::workflow {

QString stateId(State state)
{
    switch (state) {
    case State::Registered:
        return QStringLiteral("registered");
    case State::Presented:
        return QStringLiteral("presented");
    case State::Directed:
        return QStringLiteral("directed");
    case State::InProgress:
        return QStringLiteral("in-progress");
    case State::Done:
        return QStringLiteral("done");
    case State::Returned:
        return QStringLiteral("returned");
    }
    return {};
}

const char* stateSourceName(State state)
{
    switch (state) {
    case State::Registered:
        return QT_TRANSLATE_NOOP("sen::workflow", "Registered");
    case State::Presented:
        return QT_TRANSLATE_NOOP("sen::workflow", "Presented");
    case State::Directed:
        return QT_TRANSLATE_NOOP("sen::workflow", "Directed");
    case State::InProgress:
        return QT_TRANSLATE_NOOP("sen::workflow", "In progress");
    case State::Done:
        return QT_TRANSLATE_NOOP("sen::workflow", "Done");
    case State::Returned:
        return QT_TRANSLATE_NOOP("sen::workflow", "Returned");
    }
    return "";
}

std::vector<const Step*> Processing::directionsInForce() const
{
    std::vector<const Step*> result;
    const Step* top = governingDirection();
    if (!top)
        return result;
    result.push_back(top);
    for (const Step& step : timeline)
        if (step.kind == StepKind::Direction && step.level == Level::Unit && step.delegatedFrom &&
            *step.delegatedFrom == top->unid)
            result.push_back(&step);
    return result;
}

const Step* Processing::lastPresentation() const
{
    for (auto it = timeline.rbegin(); it != timeline.rend(); ++it)
        if (it->kind == StepKind::Presentation)
            return &*it;
    return nullptr;
}

Processing derive(const Document& incoming, std::vector<Step> steps)
{
    Processing result;
    std::sort(steps.begin(), steps.end(), [](const Step& a, const Step& b) {
        if (a.time != b.time)
            return a.time < b.time;
        if (a.stamped != b.stamped)
            return a.stamped < b.stamped;
        return a.unid.toBytes() < b.unid.toBytes();
    });
    result.timeline = std::move(steps);

    int newestAgency = -1;
    int newestUnit = -1;
    bool presented = false;
    for (int i = 0; i < int(result.timeline.size()); ++i) {
        const Step& step = result.timeline[i];
        if (step.kind == StepKind::Presentation && step.parent == incoming.unid)
            presented = true;
        if (step.kind != StepKind::Direction || step.parent != incoming.unid)
            continue;
        (step.level == Level::Agency ? newestAgency : newestUnit) = i;
    }
    result.governing = newestAgency >= 0 ? newestAgency : newestUnit;

    if (const Item* arrived = incoming.item(QStringLiteral("NgayDen"));
        arrived && arrived->toDateTime().isValid())
        result.arrived = arrived->toDateTime().toUTC().date();
    if (const Item* own = incoming.item(QStringLiteral("HanXuLy")); own && own->toDateTime().isValid())
        result.deadline = own->toDateTime().toUTC().date();
    const Step* top = result.governingDirection();
    if (!top) {
        result.state = presented ? State::Presented : State::Registered;
        return result;
    }
    if (top->deadline.isValid())
        result.deadline = top->deadline;

    const std::vector<const Step*> inForce = result.directionsInForce();
    auto inForceHas = [&inForce](const std::optional<Unid>& parent) {
        return parent && std::any_of(inForce.begin(), inForce.end(),
                                     [&parent](const Step* d) { return d->unid == *parent; });
    };
    result.state = State::Directed;
    for (const Step& step : result.timeline) {
        if (step.kind != StepKind::Report || !inForceHas(step.parent))
            continue;
        if (step.part == Part::Coordinating) {
            if (result.state == State::Directed)
                result.state = State::InProgress;
            continue;
        }
        switch (step.status) {
        case ReportStatus::InProgress:
            result.state = State::InProgress;
            break;
        case ReportStatus::Done:
            result.state = State::Done;
            break;
        case ReportStatus::Returned:
            result.state = State::Returned;
            break;
        }
    }
    return result;
}

} // namespace sen::workflow
