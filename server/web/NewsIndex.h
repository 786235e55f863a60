#pragma once

// The intranet site's view of one news database (docs/web.md §Caching): the published
// articles, newest first, with what the list pages show and the Readers/Authors items each
// is read under. Built once from the replica, then kept in step by following its change feed
// (ReplicaStore::forEachChange after the last sequence number seen), so an article that
// replicates to the server shows at the next request and an unchanged database costs one
// lastSeq query. Bodies are not kept: an article page reads its document.
//
// Owns its own connection to the replica file (WAL: readers do not block the replication
// workers' writes, nor they its reads). Used by the web thread only; not thread-safe.

#include "common/acl/EffectiveAccess.h"
#include "common/core/Result.h"
#include "common/news/Article.h"
#include "common/store/ReplicaStore.h"

#include <QHash>

#include <memory>
#include <vector>

namespace sen::server::web {

struct IndexedArticle
{
    news::Article article; // bodyHtml left empty
    Document access;       // the document's Readers and Authors items only, for acl::canRead
};

class NewsIndex
{
public:
    static Result<std::unique_ptr<NewsIndex>> open(const QString& path);

    ReplicaStore& store() { return *m_store; }
    // Follows the change feed up to now; returns the sequence number the index reflects.
    Result<std::int64_t> refresh();
    std::int64_t seq() const { return m_seq; }

    // Articles published by `now` that `access` may read, newest first; `category` (when not
    // empty) keeps those of that category (folded comparison); at most `limit` from `offset`.
    // `total` (optional) gets the count before the limit.
    std::vector<const IndexedArticle*> published(const acl::EffectiveAccess& access, const QDateTime& now,
                                                 const QString& category, int offset, int limit,
                                                 int* total = nullptr) const;
    // The article of `unid` if it is published by `now` and `access` may read it.
    const IndexedArticle* find(const Unid& unid, const acl::EffectiveAccess& access,
                               const QDateTime& now) const;

private:
    explicit NewsIndex(std::unique_ptr<ReplicaStore> store) : m_store(std::move(store)) {}
    void apply(const Document& doc);
    void sortIfNeeded() const;

    std::unique_ptr<ReplicaStore> m_store;
    std::int64_t m_seq = 0;
    QHash<Unid, IndexedArticle> m_articles;
    mutable std::vector<const IndexedArticle*> m_newestFirst;
    mutable bool m_sorted = false;
};

// Whether `access` may read the document `access` items were taken from (acl::canRead).
bool mayRead(const acl::EffectiveAccess& access, const IndexedArticle& article);

} // namespace sen::server::web
