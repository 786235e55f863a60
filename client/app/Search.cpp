#include "client/app/Search.h"

#include "client/app/DatabaseSession.h"
#include "client/core/Workspace.h"
#include "client/forms/FormCatalog.h"
#include "common/fts/FullTextIndex.h"
#include "common/model/Document.h"

#include <algorithm>
#include <tuple>

namespace sen::app {

namespace {

// Hits read from the index at a time while fields are checked.
constexpr int kMinPage = 200;
constexpr int kMaxPage = 12800;

SearchResult resultOf(const DatabaseSession& session, const Document& doc, double rank, QString snippet)
{
    SearchResult result;
    result.database = session.name();
    result.databaseTitle = session.title();
    result.unid = doc.unid;
    result.rank = rank;
    result.form = doc.form;
    result.formTitle = Search::formTitle(doc.form);
    result.record = recordOf(doc);
    result.snippet = std::move(snippet);
    return result;
}

// Best first: the lower rank, then the later date, then the database, then the UNID (stable).
bool before(const SearchResult& a, const SearchResult& b)
{
    if (a.rank != b.rank)
        return a.rank < b.rank;
    if (a.record.date != b.record.date)
        return a.record.date > b.record.date;
    return std::tie(a.databaseTitle, a.database) < std::tie(b.databaseTitle, b.database);
}

// With words, or with fields that have words of their own: pages of the index's hits.
Result<std::vector<SearchResult>> fromIndex(const DatabaseSession& session, const SearchQuery& query,
                                            int limit)
{
    std::vector<SearchResult> results;
    const bool withWords = !query.words.trimmed().isEmpty();
    SearchOptions options;
    options.filterWords = query.indexWords();
    // Without fields to check, the index's page is the answer.
    options.limit = query.hasFields() ? std::max(limit, kMinPage) : limit;
    for (;;) {
        SEN_ASSIGN_OR_RETURN(const auto hits, session.search(query.words, options));
        for (const SearchHit& hit : hits) {
            auto doc = session.document(hit.unid);
            if (!doc) {
                if (doc.status().code() == ErrorCode::NotFound)
                    continue;
                return doc.status();
            }
            if (doc->isDeleted() || !query.matchesFields(*doc))
                continue;
            // Without words the index's snippet is only the text's start: none is shown.
            results.push_back(resultOf(session, *doc, hit.rank, withWords ? hit.snippet : QString()));
            if (static_cast<int>(results.size()) >= limit)
                return results;
        }
        if (static_cast<int>(hits.size()) < options.limit)
            return results;
        // Each page ranks every match again: pages twice as large each time keep a rare
        // field among common words to a few index queries, not one per 200 hits.
        options.offset += options.limit;
        options.limit = std::min(options.limit * 2, kMaxPage);
    }
}

// Only a date range: every live document is read; the newest dates first.
Result<std::vector<SearchResult>> byDate(const DatabaseSession& session, const SearchQuery& query, int limit)
{
    std::vector<SearchResult> results;
    const Status walked = session.forEachDocument([&](const Document& doc) {
        if (query.matchesFields(doc))
            results.push_back(resultOf(session, doc, 0, {}));
        return true;
    });
    if (!walked.isOk())
        return walked;
    const auto cut =
        results.begin() + std::min<std::ptrdiff_t>(limit, static_cast<std::ptrdiff_t>(results.size()));
    std::partial_sort(results.begin(), cut, results.end(), before);
    results.erase(cut, results.end());
    return results;
}

} // namespace

QString Search::formTitle(const QString& form)
{
    if (const forms::FormDefinition* definition = forms::FormCatalog::find(form))
        return definition->displayTitle();
    return tr("Document");
}

Result<std::vector<SearchResult>> Search::run(const DatabaseSession& session, const SearchQuery& query,
                                              int limit)
{
    if (query.isEmpty() || limit <= 0)
        return std::vector<SearchResult>{};
    if (query.words.trimmed().isEmpty() && query.indexWords().isEmpty())
        return byDate(session, query, limit);
    return fromIndex(session, query, limit);
}

SearchOutcome Search::runAll(const std::vector<const DatabaseSession*>& sessions, const SearchQuery& query,
                             int limit)
{
    SearchOutcome outcome;
    for (const DatabaseSession* session : sessions) {
        auto hits = run(*session, query, limit);
        if (!hits) {
            outcome.failures.push_back({session->name(), hits.status()});
            continue;
        }
        std::move(hits->begin(), hits->end(), std::back_inserter(outcome.hits));
    }
    outcome.building = building(sessions);
    std::stable_sort(outcome.hits.begin(), outcome.hits.end(), before);
    if (static_cast<int>(outcome.hits.size()) > limit)
        outcome.hits.resize(static_cast<std::size_t>(std::max(limit, 0)));
    return outcome;
}

std::vector<SearchBuilding> Search::building(const std::vector<const DatabaseSession*>& sessions)
{
    std::vector<SearchBuilding> building;
    for (const DatabaseSession* session : sessions) {
        const auto progress = session->store().searchIndexProgress();
        if (progress && progress->has_value())
            building.push_back({session->name(), (*progress)->percent()});
    }
    return building;
}

QString Search::buildingNotice(const std::vector<SearchBuilding>& building)
{
    if (building.empty())
        return {};
    const auto lowest = std::min_element(
        building.begin(), building.end(),
        [](const SearchBuilding& a, const SearchBuilding& b) { return a.percent < b.percent; });
    return tr("Search index being built: %1 %; the results are incomplete.").arg(lowest->percent);
}

Result<SearchOutcome> Search::runWorkspace(const client::Workspace& workspace, const QString& userName,
                                           const SearchQuery& query, int limit)
{
    SEN_ASSIGN_OR_RETURN(const auto entries, workspace.list());
    std::vector<std::unique_ptr<DatabaseSession>> sessions;
    std::vector<SearchFailure> failures;
    for (const client::ReplicaEntry& entry : entries) {
        auto session = DatabaseSession::open(workspace, entry.name, userName);
        if (!session) {
            failures.push_back({entry.name, session.status()});
            continue;
        }
        sessions.push_back(std::move(*session));
    }
    std::vector<const DatabaseSession*> pointers;
    for (const auto& session : sessions)
        pointers.push_back(session.get());
    SearchOutcome outcome = runAll(pointers, query, limit);
    outcome.failures.insert(outcome.failures.begin(), failures.begin(), failures.end());
    return outcome;
}

} // namespace sen::app
