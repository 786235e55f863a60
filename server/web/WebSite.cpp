#include "server/web/WebSite.h"

#include "common/acl/AccessCheck.h"
#include "common/attachments/AttachmentStore.h"
#include "common/catalogues/Catalogues.h"
#include "common/model/AttachmentName.h"
#include "common/model/AttachmentRef.h"
#include "server/web/NewsPages.h"
#include "server/web/WebLayout.h"
#include "server/web/WebPasswords.h"
#include "server/web/WebStyle.h"

#include <QCoreApplication>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QUrlQuery>

#include <algorithm>

namespace sen::server::web {

namespace {

constexpr const char* kCookieName = "sen_web";

QString cookie(const QHttpServerRequest& request, const QByteArray& name)
{
    for (const QByteArray& part : request.value(QByteArrayLiteral("Cookie")).split(';')) {
        const QByteArray trimmed = part.trimmed();
        if (trimmed.startsWith(QByteArray(name + '=')))
            return QString::fromLatin1(trimmed.mid(name.size() + 1));
    }
    return {};
}

QUrlQuery formOf(const QHttpServerRequest& request)
{
    QByteArray body = request.body();
    body.replace('+', ' ');
    return QUrlQuery(QString::fromUtf8(body));
}

QString formValue(const QUrlQuery& form, const QString& key)
{
    return form.queryItemValue(key, QUrl::FullyDecoded);
}

// The longest user name and password a sign-in form may carry; a longer one is refused
// as a wrong password without being looked up or hashed.
constexpr qsizetype kMaxSignInName = 200;
constexpr qsizetype kMaxSignInPassword = 1024;
constexpr qsizetype kMaxNext = 2000;

// A path of this site to return to after signing in; "/" for anything else (another site, a
// long path, control characters, which must never reach the Location header).
QString safeNext(const QString& next)
{
    const bool control = std::any_of(next.begin(), next.end(),
                                     [](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7f; });
    if (!next.startsWith(u'/') || next.startsWith(QStringLiteral("//")) || next.contains(u'\\') ||
        next.startsWith(QStringLiteral("/login")) || next.size() > kMaxNext || control)
        return QStringLiteral("/");
    return next;
}

} // namespace

WebSite::WebSite(WebContext context, QObject* parent)
    : QAbstractHttpServer(parent), m_context(std::move(context)), m_sessions(m_context.sessionSeconds)
{}

WebSite::~WebSite() = default;

Result<quint16> WebSite::start(const QHostAddress& address, quint16 port)
{
    m_directory = m_context.directory ? m_context.directory() : acl::Directory();
    if (!m_context.newsPath.isEmpty()) {
        SEN_ASSIGN_OR_RETURN(m_news, NewsIndex::open(m_context.newsPath));
        SEN_TRY(m_news->refresh().status());
    }
    if (!m_context.calendarPath.isEmpty()) {
        SEN_ASSIGN_OR_RETURN(m_calendar, ReplicaStore::open(m_context.calendarPath));
    }
    sslSetup(m_context.tls);
    const quint16 bound = listen(address, port);
    if (bound == 0)
        return Status(
            ErrorCode::IoError,
            QStringLiteral("cannot listen for the web site on %1:%2").arg(address.toString()).arg(port));
    return bound;
}

bool WebSite::handleRequest(const QHttpServerRequest& request, QTcpSocket* socket)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    send(responder, route(request), request.method() == QHttpServerRequest::Method::Head);
    return true;
}

void WebSite::missingHandler(const QHttpServerRequest& request, QTcpSocket* socket)
{
    QHttpServerResponder responder = makeResponder(request, socket);
    send(responder, notFound(Reader{}));
}

WebSite::Reader WebSite::reader(const QHttpServerRequest& request)
{
    Reader reader;
    const QString token = cookie(request, kCookieName);
    if (token.isEmpty())
        return reader;
    if (std::optional<QString> user = m_sessions.user(token, QDateTime::currentDateTimeUtc())) {
        reader.userName = *user;
        reader.sessionToken = token;
    }
    return reader;
}

Result<acl::Acl> WebSite::aclOf(const ReplicaStore& store, AclCache& cache)
{
    const qint64 now = m_clock.elapsed();
    if (cache.readAtMs < 0 || now - cache.readAtMs >= kAclLifetimeMs) {
        SEN_ASSIGN_OR_RETURN(cache.acl, store.loadAcl());
        cache.readAtMs = now;
    }
    return cache.acl;
}

acl::EffectiveAccess WebSite::accessOf(const Reader& reader, const acl::Acl& acl) const
{
    if (!reader.userName.isEmpty())
        return acl::resolve(acl, reader.userName, m_directory);
    if (acl.entry(acl::anonymousEntryName()))
        return acl::resolve(acl, acl::anonymousEntryName(), m_directory);
    acl::EffectiveAccess none;
    none.userName = acl::anonymousEntryName();
    return none;
}

std::optional<WebReply> WebSite::refuseUnlessReader(const Reader& reader,
                                                    const acl::EffectiveAccess& access) const
{
    if (access.level >= acl::AccessLevel::Reader)
        return std::nullopt;
    if (reader.userName.isEmpty())
        return refusal(401, reader, QCoreApplication::translate("sen::web", "Sign-in required"),
                       QCoreApplication::translate("sen::web", "This page is only for signed-in users."),
                       true);
    return refusal(403, reader, QCoreApplication::translate("sen::web", "No access"),
                   QCoreApplication::translate("sen::web", "Your account may not read this database. "
                                                           "Contact the IT centre if you need to read it."),
                   false);
}

WebReply WebSite::route(const QHttpServerRequest& request)
{
    const QString path = request.url().path();
    m_requestPath = request.url().toString(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::FullyEncoded);
    const bool get = request.method() == QHttpServerRequest::Method::Get ||
                     request.method() == QHttpServerRequest::Method::Head;
    const bool post = request.method() == QHttpServerRequest::Method::Post;
    if (path == u"/style.css" && get) {
        WebReply reply;
        reply.contentType = "text/css; charset=utf-8";
        reply.body = styleSheet();
        reply.cacheControl = "public, max-age=3600";
        return reply;
    }
    if (path == u"/login")
        return post ? signIn(request) : signInForm(request);
    Reader viewer = reader(request);
    if (path == u"/logout" && post)
        return signOut(viewer);
    if (!get) {
        WebReply reply = refusal(405, viewer, QCoreApplication::translate("sen::web", "Not supported"),
                                 QCoreApplication::translate("sen::web", "The site is read-only."), false);
        reply.headers.append({QByteArrayLiteral("Allow"), QByteArrayLiteral("GET, HEAD")});
        return reply;
    }
    if (path == u"/" || path.startsWith(QStringLiteral("/category/")) ||
        path.startsWith(QStringLiteral("/news/")))
        return news(viewer, path, request);
    if (path == u"/schedule" || path == u"/schedule.ics")
        return schedule(viewer, path, request);
    return notFound(viewer);
}

WebReply WebSite::signInForm(const QHttpServerRequest& request)
{
    return WebReply::html(200, signInPage(m_context.siteName, QString(),
                                          safeNext(request.query().queryItemValue(QStringLiteral("next"),
                                                                                  QUrl::FullyDecoded))));
}

WebReply WebSite::signIn(const QHttpServerRequest& request)
{
    const QUrlQuery form = formOf(request);
    const QString typed = formValue(form, QStringLiteral("user")).trimmed();
    const QString password = formValue(form, QStringLiteral("password"));
    const QString next = safeNext(formValue(form, QStringLiteral("next")));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QHostAddress address = request.remoteAddress();
    if (!m_sessions.mayTry(typed, address, now)) {
        const int minutes = kFailureWindowSeconds / 60; // a variable: lupdate misreads "a / b" here
        return WebReply::html(
            429, signInPage(m_context.siteName,
                            QCoreApplication::translate(
                                "sen::web", "Too many failed sign-ins. Please try again in %n minute(s).",
                                nullptr, minutes),
                            next));
    }
    QString signedIn;
    const Result<WebPasswords> passwords = WebPasswords::load(m_context.webPasswordsPath);
    const bool bounded = typed.size() <= kMaxSignInName && password.size() <= kMaxSignInPassword;
    if (passwords && !typed.isEmpty() && bounded) {
        const QStringList candidates =
            m_context.nameCandidates ? m_context.nameCandidates(typed) : QStringList{typed};
        for (const QString& name : candidates) {
            const QString stored = passwords->storedName(name);
            if (!stored.isEmpty()) {
                if (passwords->check(stored, password))
                    signedIn = stored;
                break;
            }
        }
    } else if (!passwords) {
        qWarning("sen-server: web passwords unreadable: %s", qPrintable(passwords.status().toString()));
    }
    const QString peer = address.toString();
    if (signedIn.isEmpty()) {
        m_sessions.recordFailure(typed, address, now);
        if (m_context.audit)
            m_context.audit(
                AuditEvent{QString::fromUtf16(audit::kWebLoginRefused), QString(), peer,
                           QStringLiteral("intranet site: \"%1\": wrong password or no web password")
                               .arg(typed.left(200))});
        return WebReply::html(401, signInPage(m_context.siteName,
                                              QCoreApplication::translate(
                                                  "sen::web", "The user name or the password is wrong."),
                                              next));
    }
    m_sessions.recordSuccess(typed);
    if (m_context.audit)
        m_context.audit(AuditEvent{QString::fromUtf16(audit::kWebLogin), signedIn, peer,
                                   QStringLiteral("intranet site")});
    const QString token = m_sessions.create(signedIn, now);
    WebReply reply = WebReply::redirect(next.toUtf8());
    reply.headers.append({QByteArrayLiteral("Set-Cookie"),
                          QByteArray(kCookieName) + '=' + token.toLatin1() +
                              QByteArrayLiteral("; Path=/; HttpOnly; Secure; SameSite=Strict")});
    return reply;
}

WebReply WebSite::signOut(const Reader& reader)
{
    if (!reader.sessionToken.isEmpty())
        m_sessions.end(reader.sessionToken);
    WebReply reply = WebReply::redirect(QByteArrayLiteral("/"));
    reply.headers.append({QByteArrayLiteral("Set-Cookie"),
                          QByteArray(kCookieName) +
                              QByteArrayLiteral("=; Path=/; Max-Age=0; HttpOnly; Secure; SameSite=Strict")});
    return reply;
}

QString WebSite::cacheKey(const acl::EffectiveAccess& access, const Reader& reader,
                          const QHttpServerRequest& request)
{
    return QString::number(static_cast<int>(access.level)) + u'|' + access.identities().join(u',') + u'|' +
           reader.userName + u'|' + request.url().toString(QUrl::FullyEncoded);
}

WebReply WebSite::unreadable(const Reader& reader, const Status& status) const
{
    qWarning("sen-server: web: cannot read a database: %s", qPrintable(status.toString()));
    return refusal(503, reader, QCoreApplication::translate("sen::web", "Temporarily unreadable"),
                   QCoreApplication::translate(
                       "sen::web", "The server could not read the database yet. Please try again later."),
                   false);
}

WebReply WebSite::notFound(const Reader& reader) const
{
    return refusal(404, reader, QCoreApplication::translate("sen::web", "Page not found"),
                   QCoreApplication::translate(
                       "sen::web", "The page you are looking for does not exist, has been removed, "
                                   "or you may not see it."),
                   reader.userName.isEmpty());
}

WebReply WebSite::refusal(int status, const Reader& reader, const QString& heading, const QString& message,
                          bool offerSignIn) const
{
    return WebReply::html(status, refusalPage(m_context.siteName, Viewer{reader.userName}, heading, message,
                                              offerSignIn ? m_requestPath : QString()));
}

} // namespace sen::server::web
