#pragma once

// The intranet site (docs/web.md; issue #15): a read-only HTTPS site of the server's news
// database and published weekly schedule, answered by one QAbstractHttpServer that lives in a
// thread of its own (WebServer.h) — never a replication worker's — with its own SQLite
// connections to the replica files (WAL: the replication workers' writes go on meanwhile).
//
// Who may read follows each database's ACL (docs/web.md §Access): a reader who has not signed
// in is "Anonymous" and reads at the level of the ACL's Anonymous entry (No Access without
// one); a signed-in user's access is resolved as a replication session's (acl::resolve with
// the server's groups). Readers items are honoured on every list, page, file and feed. A
// refusal is a Vietnamese page: 401 (sign in), 403 (no access), 404 (no such page — also an
// article the reader may not read), 429 (too many failed sign-ins).
//
// Rendered pages are cached per path and per reader's effective access (PageCache.h), and
// dropped when the database's last sequence number moves, its ACL changes what the reader is,
// or after a minute (an article scheduled for later becomes published by the clock alone).
// The member functions are defined in WebSite.cpp (requests, access, sign-in), WebNews.cpp
// and WebSchedule.cpp.

#include "common/acl/Directory.h"
#include "common/acl/EffectiveAccess.h"
#include "server/audit/AuditEvent.h"
#include "server/web/NewsIndex.h"
#include "server/web/PageCache.h"
#include "server/web/WebReply.h"
#include "server/web/WebSessions.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QSslConfiguration>

#include <functional>
#include <memory>

namespace sen::server::web {

struct WebContext
{
    QSslConfiguration tls; // the server's certificate and key, no client certificate asked
    QString siteName;      // shown in every page's header
    QString newsPath;      // the news database's replica file; empty: none
    QString calendarPath;  // the calendar database's replica file; empty: none
    std::function<acl::Directory()> directory;
    // The names a typed user name may stand for (as typed; qualified with the organisation).
    std::function<QStringList(const QString& typed)> nameCandidates;
    QString webPasswordsPath;
    int sessionSeconds = kDefaultSessionSeconds;
    // Appends to the audit log (sign-ins and refused ones); callable from the site's thread.
    // Empty: none.
    std::function<void(const AuditEvent&)> audit;
};

class WebSite : public QAbstractHttpServer
{
    Q_OBJECT
public:
    explicit WebSite(WebContext context, QObject* parent = nullptr);
    ~WebSite() override;

    // Opens the databases, reads them once, and listens; to be called in the site's thread.
    Result<quint16> start(const QHostAddress& address, quint16 port);

protected:
    bool handleRequest(const QHttpServerRequest& request, QTcpSocket* socket) override;
    void missingHandler(const QHttpServerRequest& request, QTcpSocket* socket) override;

private:
    // A database's ACL as last read, for kAclLifetimeMs: the ACL is read at most once a
    // second per database (an `acl set` takes effect within a second), not at every request.
    struct AclCache
    {
        acl::Acl acl;
        qint64 readAtMs = -1;
    };
    static constexpr qint64 kAclLifetimeMs = 1000;

    struct Reader
    {
        QString userName; // empty: anonymous
        QString sessionToken;
    };
    WebReply route(const QHttpServerRequest& request);
    Reader reader(const QHttpServerRequest& request);
    Result<acl::Acl> aclOf(const ReplicaStore& store, AclCache& cache);
    // The reader's access to a database of `acl`.
    acl::EffectiveAccess accessOf(const Reader& reader, const acl::Acl& acl) const;
    // A refusal when `access` may not read the database at all.
    std::optional<WebReply> refuseUnlessReader(const Reader& reader,
                                               const acl::EffectiveAccess& access) const;

    WebReply signInForm(const QHttpServerRequest& request);
    WebReply signIn(const QHttpServerRequest& request);
    WebReply signOut(const Reader& reader);
    // WebNews.cpp: the front page, categories, articles, their files, the Atom feed.
    WebReply news(const Reader& reader, const QString& path, const QHttpServerRequest& request);
    WebReply newsFile(const acl::EffectiveAccess& access, const Unid& unid, const QString& name);
    WebReply newsFeed(const acl::EffectiveAccess& access, const QHttpServerRequest& request);
    QStringList newsCategories();
    // WebSchedule.cpp: the published week (this, previous, next) and /schedule.ics.
    WebReply schedule(const Reader& reader, const QString& path, const QHttpServerRequest& request);

    WebReply notFound(const Reader& reader) const;
    WebReply refusal(int status, const Reader& reader, const QString& heading, const QString& message,
                     bool offerSignIn) const;
    WebReply unreadable(const Reader& reader, const Status& status) const;
    // The key of a cached page: the reader's effective access and the request's URL.
    static QString cacheKey(const acl::EffectiveAccess& access, const Reader& reader,
                            const QHttpServerRequest& request);

    WebContext m_context;
    acl::Directory m_directory;
    WebSessions m_sessions;
    std::unique_ptr<NewsIndex> m_news;
    PageCache m_newsPages;
    AclCache m_newsAcl;
    QStringList m_categories;
    std::int64_t m_categoriesSeq = -1;
    std::unique_ptr<ReplicaStore> m_calendar;
    PageCache m_schedulePages;
    AclCache m_calendarAcl;
    QElapsedTimer m_clock;
    QString m_requestPath; // of the request being answered: where a sign-in returns to
};

} // namespace sen::server::web
