#include "common/workflow/WorkflowIndexer.h"

#include "common/store/ReplicaStore.h"
#include "common/workflow/WorkflowIndex.h"

#include <set>

namespace sen::workflow {

namespace {

bool isLiveStep(const Document& doc)
{
    return !doc.isDeleted() && !doc.isConflict() && isStepForm(doc.form);
}

bool isLiveIncoming(const Document& doc)
{
    return !doc.isDeleted() && !doc.isConflict() && doc.form == QLatin1String(kIncomingForm);
}

void addStep(const Document& doc, std::vector<Step>& steps)
{
    if (!isLiveStep(doc))
        return;
    if (Result<Step> step = stepFromDocument(doc))
        steps.push_back(std::move(*step));
}

// The incoming documents the changes after `since` concern.
Status affectedSince(const ReplicaStore& store, std::int64_t since, std::set<Unid>& incoming)
{
    std::set<Unid> directions; // parents of changed reports
    SEN_TRY(store.forEachChange(since, QStringList(), [&](const store::StoredDocument& stored) {
        const Document& doc = stored.doc;
        if (doc.form == QLatin1String(kIncomingForm))
            incoming.insert(doc.unid);
        else if ((doc.form == QLatin1String(kPresentationForm) ||
                  doc.form == QLatin1String(kDirectionForm)) &&
                 doc.parent)
            incoming.insert(*doc.parent);
        else if (doc.form == QLatin1String(kReportForm) && doc.parent)
            directions.insert(*doc.parent);
        return true;
    }));
    for (const Unid& unid : directions) {
        SEN_ASSIGN_OR_RETURN(const std::optional<Document> direction, store.find(unid));
        if (direction && direction->form == QLatin1String(kDirectionForm) && direction->parent)
            incoming.insert(*direction->parent);
    }
    return Status::ok();
}

Status reindex(ReplicaStore& store, const Unid& unid)
{
    WorkflowIndexTable& table = store.workflowIndex();
    SEN_ASSIGN_OR_RETURN(const std::optional<Document> doc, store.find(unid));
    if (!doc || !isLiveIncoming(*doc))
        return table.remove(unid);
    SEN_ASSIGN_OR_RETURN(const Processing processing, storedProcessing(store, *doc));
    return table.put(entryFor(*doc, processing));
}

} // namespace

Result<std::vector<Step>> storedSteps(const ReplicaStore& store, const Unid& incoming)
{
    std::vector<Step> steps;
    SEN_ASSIGN_OR_RETURN(const std::vector<Document> children, store.responses(incoming));
    for (const Document& child : children) {
        addStep(child, steps);
        if (child.form != QLatin1String(kDirectionForm) || !isLiveStep(child))
            continue;
        SEN_ASSIGN_OR_RETURN(const std::vector<Document> reports, store.responses(child.unid));
        for (const Document& report : reports)
            if (report.form == QLatin1String(kReportForm))
                addStep(report, steps);
    }
    return steps;
}

Result<Processing> storedProcessing(const ReplicaStore& store, const Document& incoming)
{
    SEN_ASSIGN_OR_RETURN(std::vector<Step> steps, storedSteps(store, incoming.unid));
    return derive(incoming, std::move(steps));
}

Result<WorkflowIndexer::Outcome> WorkflowIndexer::catchUp(ReplicaStore& store)
{
    WorkflowIndexTable& table = store.workflowIndex();
    // Outside any transaction first: with nothing new, no write lock is taken.
    {
        SEN_ASSIGN_OR_RETURN(const std::optional<std::int64_t> checkpoint, table.checkpoint());
        SEN_ASSIGN_OR_RETURN(const std::int64_t last, store.lastSeq());
        if (checkpoint && *checkpoint == last)
            return Outcome{};
    }
    Outcome outcome;
    SEN_TRY(store.batch([&]() -> Status {
        // Read again under the write lock: another connection may have caught up meanwhile.
        SEN_ASSIGN_OR_RETURN(const std::optional<std::int64_t> checkpoint, table.checkpoint());
        SEN_ASSIGN_OR_RETURN(const std::int64_t last, store.lastSeq());
        if (checkpoint && *checkpoint == last)
            return Status::ok();
        std::int64_t since = checkpoint.value_or(0);
        if (!checkpoint || *checkpoint > last) {
            SEN_TRY(table.clear());
            since = 0;
            outcome.rebuilt = true;
        }
        std::set<Unid> incoming;
        SEN_TRY(affectedSince(store, since, incoming));
        for (const Unid& unid : incoming)
            SEN_TRY(reindex(store, unid));
        outcome.documents = int(incoming.size());
        return table.setCheckpoint(last);
    }));
    return outcome;
}

Status WorkflowIndexer::invalidate(ReplicaStore& store)
{
    return store.batch([&store]() { return store.workflowIndex().clear(); });
}

} // namespace sen::workflow
