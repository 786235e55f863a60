#include "server/web/NewsIndex.h"

#include "common/acl/AccessCheck.h"
#include "common/catalogues/Catalogues.h"

#include <algorithm>

namespace sen::server::web {

Result<std::unique_ptr<NewsIndex>> NewsIndex::open(const QString& path)
{
    SEN_ASSIGN_OR_RETURN(std::unique_ptr<ReplicaStore> store, ReplicaStore::open(path));
    return std::unique_ptr<NewsIndex>(new NewsIndex(std::move(store)));
}

Result<std::int64_t> NewsIndex::refresh()
{
    SEN_ASSIGN_OR_RETURN(const std::int64_t last, m_store->lastSeq());
    if (last == m_seq)
        return m_seq;
    std::int64_t seen = m_seq;
    SEN_TRY(m_store->readSnapshot([&]() -> Status {
        return m_store->forEachChange(m_seq, [&](const store::StoredDocument& stored) {
            apply(stored.doc);
            seen = std::max(seen, stored.seq);
            return true;
        });
    }));
    m_seq = seen;
    m_sorted = false;
    return m_seq;
}

void NewsIndex::apply(const Document& doc)
{
    std::optional<news::Article> article = news::articleOf(doc);
    if (!article) {
        m_articles.remove(doc.unid);
        return;
    }
    article->bodyHtml.clear();
    IndexedArticle indexed{std::move(*article), Document{}};
    indexed.access.unid = doc.unid;
    indexed.access.form = doc.form;
    for (const Item& item : doc.items) {
        if ((item.type == ItemType::Readers || item.type == ItemType::Authors) && !item.isTombstone())
            indexed.access.items.push_back(item);
    }
    m_articles.insert(doc.unid, std::move(indexed));
}

void NewsIndex::sortIfNeeded() const
{
    if (m_sorted)
        return;
    m_newestFirst.clear();
    m_newestFirst.reserve(m_articles.size());
    for (const IndexedArticle& article : m_articles) {
        if (article.article.published.isValid())
            m_newestFirst.push_back(&article);
    }
    std::sort(m_newestFirst.begin(), m_newestFirst.end(),
              [](const IndexedArticle* a, const IndexedArticle* b) {
                  if (a->article.published != b->article.published)
                      return a->article.published > b->article.published;
                  return a->article.unid.toHex() < b->article.unid.toHex();
              });
    m_sorted = true;
}

bool mayRead(const acl::EffectiveAccess& access, const IndexedArticle& article)
{
    return acl::canRead(access, article.access).isOk();
}

std::vector<const IndexedArticle*> NewsIndex::published(const acl::EffectiveAccess& access,
                                                        const QDateTime& now, const QString& category,
                                                        int offset, int limit, int* total) const
{
    sortIfNeeded();
    const QString folded = category.isEmpty() ? QString() : catalogues::foldName(category);
    std::vector<const IndexedArticle*> page;
    int count = 0;
    for (const IndexedArticle* article : m_newestFirst) {
        if (!article->article.isPublishedAt(now) || !mayRead(access, *article))
            continue;
        if (!folded.isEmpty() && catalogues::foldName(article->article.category) != folded)
            continue;
        if (count >= offset && static_cast<int>(page.size()) < limit)
            page.push_back(article);
        ++count;
        if (!total && static_cast<int>(page.size()) >= limit)
            break;
    }
    if (total)
        *total = count;
    return page;
}

const IndexedArticle* NewsIndex::find(const Unid& unid, const acl::EffectiveAccess& access,
                                      const QDateTime& now) const
{
    const auto it = m_articles.constFind(unid);
    if (it == m_articles.constEnd() || !it->article.isPublishedAt(now) || !mayRead(access, *it))
        return nullptr;
    return &*it;
}

} // namespace sen::server::web
