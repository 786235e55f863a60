#pragma once

// Running a SearchQuery (client/app/SearchQuery.h) on one database or on every database of
// the workspace, for `sen`'s search box and `senctl search` alike (docs/client.md "Search").
//
// On one database:
// - With words: the full-text index ranks the hits (words standing together in the order
//   typed first, then relevance; FullTextIndex::search), and each hit's fields are checked;
//   the fields' own words (SearchQuery::indexWords) go to the index as filter words, so it
//   hands over only documents that can match. Pages of hits are read until `limit` match.
// - Fields alone: the index finds the documents holding the issuer's and the number's words,
//   newest first; with only a date range (nothing to look up), every document is read and
//   the matches come newest date first.
// Deletion stubs are never hits.
//
// Across databases: each database is searched for `limit` hits and the lists are merged by
// rank (a lower rank first; then the later date, then the database's title), cut to
// `limit`. Ranks compare across databases: word order decides first everywhere, and the
// relevance scores are of the same scale. A database that cannot be searched (a damaged
// file) is named in `failures` and the others still answer.
//
// A database whose full-text index a first pull deferred (docs/search.md §"The first pull")
// answers from the part built so far: the outcome names it with the percentage built, and
// callers show buildingNotice() with the hits, never incomplete hits silently.
//
// Every hit names its database (workspace name and title) and its form (the internal name,
// to open it, and the translated title, to show it: never "VanBanDen" on screen).
//
// Thread-safety: runs on the thread of the sessions it is given.

#include "client/app/SearchQuery.h"
#include "common/core/Ids.h"
#include "common/core/Result.h"

#include <QCoreApplication>
#include <QString>

#include <memory>
#include <vector>

namespace sen::client {
class Workspace;
}

namespace sen::app {

class DatabaseSession;

struct SearchResult
{
    QString database;      // the workspace name, to open it
    QString databaseTitle; // its title (or name), to show
    Unid unid;
    double rank = 0;   // FullTextIndex's: lower is better; 0 for a search by fields alone
    QString form;      // the document's form ("VanBanDen"), to open it
    QString formTitle; // the form's title in the interface language ("Incoming document")
    SearchRecord record;
    QString snippet; // the words around the matches, marked "[" "]"; empty without words
};

struct SearchFailure
{
    QString database;
    Status status;
};

// A database whose full-text index is being built: its hits are those of the part built.
struct SearchBuilding
{
    QString database;
    int percent = 0;
};

struct SearchOutcome
{
    std::vector<SearchResult> hits;
    std::vector<SearchFailure> failures;
    std::vector<SearchBuilding> building;
};

class Search
{
    Q_DECLARE_TR_FUNCTIONS(sen::app::Search)
public:
    // The hits of `query` in `session`'s database, best first, at most `limit`.
    static Result<std::vector<SearchResult>> run(const DatabaseSession& session, const SearchQuery& query,
                                                 int limit);
    // The hits of `query` in every given database, merged (see above).
    static SearchOutcome runAll(const std::vector<const DatabaseSession*>& sessions, const SearchQuery& query,
                                int limit);
    // Every database of `workspace`, each opened for the time of the search (senctl).
    static Result<SearchOutcome> runWorkspace(const client::Workspace& workspace, const QString& userName,
                                              const SearchQuery& query, int limit);

    // The given databases whose full-text index is still being built (a failure to tell
    // counts as built: the search itself reports a damaged file).
    static std::vector<SearchBuilding> building(const std::vector<const DatabaseSession*>& sessions);
    // "Search index being built: 40 %; the results are incomplete." (the lowest percentage);
    // empty when `building` is.
    static QString buildingNotice(const std::vector<SearchBuilding>& building);
    // The form's title in the interface language; an unknown form reads "Document".
    static QString formTitle(const QString& form);
};

} // namespace sen::app
