#pragma once

// Rendered pages of one database (docs/web.md §Threads and caching): kept by a key the caller
// builds from the path, the query and the reader's effective access, and dropped all at once
// when the database's last sequence number moves, one by one after kLifetimeMs (a page can
// change with the clock alone: an article scheduled for later, the current week), and all at
// once beyond kMaxPages. Used by the web thread only; not thread-safe.

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QString>

#include <optional>

namespace sen::server::web {

class PageCache
{
public:
    static constexpr qint64 kLifetimeMs = 60'000;
    static constexpr int kMaxPages = 4096;

    PageCache() { m_clock.start(); }

    // Forgets everything when `seq` is not the sequence number the pages were built at.
    void sync(std::int64_t seq)
    {
        if (seq != m_seq || m_pages.size() > kMaxPages) {
            m_pages.clear();
            m_seq = seq;
        }
    }
    std::optional<QByteArray> find(const QString& key) const
    {
        const auto it = m_pages.constFind(key);
        if (it == m_pages.constEnd() || m_clock.elapsed() - it->builtAtMs >= kLifetimeMs)
            return std::nullopt;
        return it->body;
    }
    void insert(const QString& key, const QByteArray& body)
    {
        m_pages.insert(key, Page{body, m_clock.elapsed()});
    }

private:
    struct Page
    {
        QByteArray body;
        qint64 builtAtMs = 0;
    };
    QHash<QString, Page> m_pages;
    std::int64_t m_seq = -1;
    QElapsedTimer m_clock;
};

} // namespace sen::server::web
