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

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QMimeDatabase>
#include <QSslServer>
#include <QUrlQuery>

namespace sen::server::web {

namespace {

constexpr const char* kCookieName = "sen_web";
constexpr qint64 kPageLifetimeMs = 60'000;
constexpr int kMaxCachedPages = 4096;

// Types a browser may show inline from an attachment; anything else is a download.
const QSet<QString>& inlineTypes()
{
    static const QSet<QString> types = {QStringLiteral("image/png"), QStringLiteral("image/jpeg"),
                                        QStringLiteral("image/gif"), QStringLiteral("image/webp"),
                                        QStringLiteral("application/pdf")};
    return types;
}

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

// A path of this site to return to after signing in; "/" for anything else.
QString safeNext(const QString& next)
{
    if (!next.startsWith(u'/') || next.startsWith(QStringLiteral("//")) || next.contains(u'\\') ||
        next.startsWith(QStringLiteral("/login")))
        return QStringLiteral("/");
    return next;
}

int pageNumber(const QUrlQuery& query)
{
    bool ok = false;
    const int n = query.queryItemValue(QStringLiteral("trang")).toInt(&ok);
    return ok && n >= 1 && n <= 100'000 ? n : 1;
}

} // namespace

WebSite::WebSite(WebContext context, QObject* parent)
    : QAbstractHttpServer(parent), m_context(std::move(context)), m_sessions(m_context.sessionSeconds)
{
    m_clock.start();
}

WebSite::~WebSite() = default;

Result<quint16> WebSite::start(const QHostAddress& address, quint16 port)
{
    m_directory = m_context.directory ? m_context.directory() : acl::Directory();
    if (!m_context.newsPath.isEmpty()) {
        SEN_ASSIGN_OR_RETURN(m_news, NewsIndex::open(m_context.newsPath));
        SEN_TRY(m_news->refresh().status());
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
    send(responder, route(request));
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
        return refusal(401, reader, QStringLiteral("Cần đăng nhập"),
                       QStringLiteral("Trang này chỉ dành cho người dùng đã đăng nhập."), true);
    return refusal(403, reader, QStringLiteral("Không có quyền truy cập"),
                   QStringLiteral("Tài khoản của bạn không được phép đọc cơ sở dữ liệu này. "
                                  "Hãy liên hệ Trung tâm CNTT nếu bạn cần quyền đọc."),
                   false);
}

WebReply WebSite::route(const QHttpServerRequest& request)
{
    const QString path = request.url().path();
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
        WebReply reply = refusal(405, viewer, QStringLiteral("Không hỗ trợ"),
                                 QStringLiteral("Trang tin chỉ cho phép đọc."), false);
        reply.headers.append({QByteArrayLiteral("Allow"), QByteArrayLiteral("GET, HEAD")});
        return reply;
    }
    if (path == u"/" || path.startsWith(QStringLiteral("/category/")) ||
        path.startsWith(QStringLiteral("/article/")))
        return news(viewer, path, request);
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
        return WebReply::html(429,
                              signInPage(m_context.siteName,
                                         QStringLiteral("Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau "
                                                        "15 phút."),
                                         next));
    }
    QString signedIn;
    const Result<WebPasswords> passwords = WebPasswords::load(m_context.webPasswordsPath);
    if (passwords && !typed.isEmpty()) {
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
    if (signedIn.isEmpty()) {
        m_sessions.recordFailure(typed, address, now);
        return WebReply::html(
            401,
            signInPage(m_context.siteName, QStringLiteral("Tên người dùng hoặc mật khẩu không đúng."), next));
    }
    m_sessions.recordSuccess(typed);
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

QStringList WebSite::newsCategories()
{
    if (m_categoriesSeq == m_news->seq())
        return m_categories;
    m_categories.clear();
    const Result<std::vector<Document>> docs =
        m_news->store().documentsOfForm(QLatin1String(catalogues::kEntryForm));
    if (docs) {
        for (const catalogues::Entry& entry :
             catalogues::entriesFrom(*docs, catalogues::Catalogue::NewsCategory)) {
            if (!entry.retired)
                m_categories << entry.name;
        }
    }
    m_categoriesSeq = m_news->seq();
    return m_categories;
}

WebReply WebSite::news(const Reader& reader, const QString& path, const QHttpServerRequest& request)
{
    if (!m_news)
        return notFound(reader);
    const Result<std::int64_t> seq = m_news->refresh();
    const Result<acl::Acl> acl = m_news->store().loadAcl();
    if (!seq || !acl) {
        qWarning("sen-server: web: cannot read the news database: %s",
                 qPrintable((seq ? acl.status() : seq.status()).toString()));
        return refusal(503, reader, QStringLiteral("Tạm thời không đọc được"),
                       QStringLiteral("Máy chủ chưa đọc được cơ sở dữ liệu tin tức. Vui lòng thử lại sau."),
                       false);
    }
    const acl::EffectiveAccess access = accessOf(reader, *acl);
    if (std::optional<WebReply> refused = refuseUnlessReader(reader, access))
        return *refused;

    static const QString articlePrefix = QStringLiteral("/article/");
    if (path.startsWith(articlePrefix)) {
        const QStringList parts = path.mid(articlePrefix.size()).split(u'/');
        const std::optional<Unid> unid = Unid::fromHex(parts.value(0));
        if (!unid)
            return notFound(reader);
        if (parts.size() == 3 && parts[1] == u"file")
            return newsFile(access, *unid, QUrl::fromPercentEncoding(parts[2].toUtf8()));
        if (parts.size() != 1)
            return notFound(reader);
    }

    if (m_pagesSeq != *seq || m_pages.size() > kMaxCachedPages) {
        m_pages.clear();
        m_pagesSeq = *seq;
    }
    const QString key = QString::number(static_cast<int>(access.level)) + u'|' +
                        access.identities().join(u',') + u'|' + reader.userName + u'|' +
                        request.url().toString(QUrl::FullyEncoded);
    const qint64 nowMs = m_clock.elapsed();
    if (const auto cached = m_pages.constFind(key);
        cached != m_pages.constEnd() && nowMs - cached->builtAtMs < kPageLifetimeMs)
        return WebReply{200, "text/html; charset=utf-8", cached->body, {}, "private, no-cache"};

    const QDateTime now = QDateTime::currentDateTimeUtc();
    const Viewer viewer{reader.userName};
    QString html;
    if (path.startsWith(articlePrefix)) {
        const Unid unid = *Unid::fromHex(path.mid(articlePrefix.size()));
        if (!m_news->find(unid, access, now))
            return notFound(reader);
        const Result<Document> doc = m_news->store().get(unid);
        const std::optional<news::Article> article = doc ? news::articleOf(*doc) : std::nullopt;
        if (!article || !acl::canRead(access, *doc).isOk())
            return notFound(reader);
        html = articlePage(m_context.siteName, viewer, *article);
    } else {
        ListPage list;
        list.categories = newsCategories();
        list.pageNumber = pageNumber(request.query());
        if (path != u"/") {
            list.category = QUrl::fromPercentEncoding(path.mid(QStringLiteral("/category/").size()).toUtf8());
            const auto known =
                std::find_if(list.categories.cbegin(), list.categories.cend(), [&](const QString& c) {
                    return catalogues::foldName(c) == catalogues::foldName(list.category);
                });
            if (known == list.categories.cend())
                return notFound(reader);
            list.category = *known;
            list.heading = list.category;
        } else {
            list.heading = QStringLiteral("Tin mới");
        }
        list.articles =
            m_news->published(access, now, list.category, (list.pageNumber - 1) * kArticlesPerPage,
                              kArticlesPerPage, &list.total);
        html = listPage(m_context.siteName, viewer, list);
    }
    const QByteArray body = html.toUtf8();
    m_pages.insert(key, CachedPage{body, nowMs});
    return WebReply{200, "text/html; charset=utf-8", body, {}, "private, no-cache"};
}

WebReply WebSite::newsFile(const acl::EffectiveAccess& access, const Unid& unid, const QString& name)
{
    const Reader none;
    if (!isPlainFileName(name) || !m_news->find(unid, access, QDateTime::currentDateTimeUtc()))
        return notFound(none);
    const Result<Document> doc = m_news->store().get(unid);
    if (!doc || !acl::canRead(access, *doc).isOk())
        return notFound(none);
    const Item* item = doc->item(QStringLiteral("$File:") + name);
    if (!item || item->type != ItemType::Attachment)
        return notFound(none);
    const Result<AttachmentRef> ref = AttachmentRef::fromCbor(item->value);
    if (!ref)
        return notFound(none);
    const Result<QByteArray> bytes = m_news->store().attachments().readAll(*ref);
    if (!bytes)
        return notFound(none); // a chunk not yet replicated to the server
    WebReply reply;
    const QString type = QMimeDatabase().mimeTypeForFile(name, QMimeDatabase::MatchExtension).name();
    const bool inlineType = inlineTypes().contains(type);
    reply.contentType = inlineType ? type.toLatin1() : QByteArrayLiteral("application/octet-stream");
    reply.body = *bytes;
    reply.cacheControl = "private, max-age=3600";
    reply.headers.append({QByteArrayLiteral("Content-Disposition"),
                          (inlineType ? QByteArrayLiteral("inline") : QByteArrayLiteral("attachment")) +
                              QByteArrayLiteral("; filename*=UTF-8''") + QUrl::toPercentEncoding(name)});
    return reply;
}

WebReply WebSite::notFound(const Reader& reader) const
{
    return refusal(404, reader, QStringLiteral("Không tìm thấy trang"),
                   QStringLiteral("Trang bạn tìm không có, đã bị gỡ, hoặc bạn không được phép xem."),
                   reader.userName.isEmpty());
}

WebReply WebSite::refusal(int status, const Reader& reader, const QString& heading, const QString& message,
                          bool offerSignIn) const
{
    return WebReply::html(
        status, refusalPage(m_context.siteName, Viewer{reader.userName}, heading, message, offerSignIn));
}

} // namespace sen::server::web
