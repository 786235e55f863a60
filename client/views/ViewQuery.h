#pragma once

// Reading one view of a database from its cache file (docs/views.md): counts, pages of rows
// in any sortable order, categories, responses, and given documents (search results).
// Every call is a query on an index of the view table: a page of rows costs the same at
// the top, in the middle and at the end of 100,000 documents, and nothing is held in
// memory between calls but prepared statements.
//
// What a call returns is the state of the last batch the indexer committed (WAL read).
// Thread-safety: none; one ViewQuery per thread, each with its own connection.

#include "client/views/ViewDefinition.h"
#include "client/views/ViewRow.h"
#include "common/core/Result.h"

#include <QHash>

#include <memory>
#include <vector>

namespace sen::sql {
class SqlDatabase;
class SqlStatement;
} // namespace sen::sql

namespace sen::views {

class ViewQuery
{
public:
    // Opens `view` in the cache at `cachePath` for `userName` (as given to the ViewIndex).
    // NotFound when there is no cache or the view's index has not been built for this
    // definition yet (run ViewIndex::update first).
    static Result<std::unique_ptr<ViewQuery>> open(const QString& cachePath, ViewDefinition view,
                                                   const QString& userName);
    ~ViewQuery();

    const ViewDefinition& view() const { return m_view; }
    ViewSort defaultSort() const { return {m_view.defaultSortColumn, m_view.defaultDescending}; }
    // Whether `sort` names a sortable column (in a categorised view, not the category).
    bool canSort(const ViewSort& sort) const;

    // The feed position the view covers: changes when the indexer committed something.
    Result<std::int64_t> indexedSeq();

    // Main documents in the view (responses not counted).
    Result<std::int64_t> count();
    // Up to `limit` main documents from `offset` in `sort` order (ties: by cache row). In a
    // categorised view, ordered by category first.
    Result<std::vector<ViewRow>> rows(const ViewSort& sort, std::int64_t offset, int limit);
    // The position of a main document in rows(sort) (in categoryRows(category, sort) when
    // `category` is valid), or nullopt when it is not in the view or not in that category.
    Result<std::optional<std::int64_t>> position(const Unid& unid, const ViewSort& sort,
                                                 const QVariant& category = {});

    // A categorised view's categories in key order, each with its count.
    Result<std::vector<ViewCategory>> categories(bool descending = false);
    // The main documents of one category (key from categories()).
    Result<std::vector<ViewRow>> categoryRows(const QVariant& category, const ViewSort& sort,
                                              std::int64_t offset, int limit);
    // The category key of a main document, or nullopt when it is not in the view.
    Result<std::optional<QVariant>> categoryOf(const Unid& unid);

    // The responses in this view of `parent` (conflict documents flagged), oldest first.
    Result<std::vector<ViewRow>> responses(const Unid& parent);
    // The rows of the given documents in the given order, those not in the view left out:
    // search results (ReplicaStore::search hits) shown with this view's columns.
    Result<std::vector<ViewRow>> rowsFor(const std::vector<Unid>& unids);

private:
    ViewQuery(std::unique_ptr<sql::SqlDatabase> db, ViewDefinition view, std::int64_t tab,
              std::vector<QByteArray> shown);
    Result<sql::SqlStatement*> statement(const QByteArray& sql);
    QByteArray selectColumns() const;
    // For a sharedCategoriesOnly view, " AND <column> IN (the categories of two rows or more)".
    QByteArray sharedOnly(const char* column) const;
    QByteArray orderBy(const ViewSort& sort, bool withCategory) const;
    Result<std::vector<ViewRow>> readRows(sql::SqlStatement& stmt);
    void bindKey(sql::SqlStatement& stmt, int index, const QVariant& key) const;

    std::unique_ptr<sql::SqlDatabase> m_db;
    ViewDefinition m_view;
    QByteArray m_table;
    std::vector<QByteArray> m_shown; // per column: its `display` column, empty for a categorised one
    QHash<QByteArray, std::shared_ptr<sql::SqlStatement>> m_statements;
};

} // namespace sen::views
