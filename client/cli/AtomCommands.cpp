// senctl export atom: the Atom feed of a news database's published articles
// (docs/news.md "The Atom feed"), from the workspace's replica, written by the same code as the
// server's /news/feed.atom (common/news/AtomFeed.h). The entries hold the summary, no body:
// the body's HTML is sanitised only by the server's site.

#include "client/cli/CommandContext.h"
#include "common/news/AtomFeed.h"

#include <QCoreApplication>
#include <QSaveFile>
#include <QUrl>

namespace sen::cli {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("sen::cli::AtomCommands", text);
}

} // namespace

Status runAtomExport(CommandContext& ctx)
{
    // Untranslated: senctl tells a usage error (status 2) by its "usage:".
    const Status bad(ErrorCode::InvalidArgument,
                     QStringLiteral("usage: export atom DB --out FILE.atom [--base-url URL] [--limit N]"));
    if (ctx.args.positional().size() != 3)
        return bad;
    SEN_TRY(ctx.args.allowOnly({QStringLiteral("--home"), QStringLiteral("--out"),
                                QStringLiteral("--base-url"), QStringLiteral("--limit")}));
    const QString path = ctx.args.value(QStringLiteral("--out"));
    if (path.isEmpty())
        return bad;
    QString base = ctx.args.value(QStringLiteral("--base-url")).trimmed();
    while (base.endsWith(u'/'))
        base.chop(1);
    if (!base.isEmpty()) {
        const QUrl url(base, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"https" && url.scheme() != u"http") || url.host().isEmpty())
            return Status(ErrorCode::InvalidArgument,
                          tr("--base-url takes the site's address, such as https://intranet.example.vn"));
    }
    int limit = 50;
    if (ctx.args.has(QStringLiteral("--limit"))) {
        bool ok = false;
        limit = ctx.args.value(QStringLiteral("--limit")).toInt(&ok);
        if (!ok || limit < 1)
            return Status(ErrorCode::InvalidArgument, tr("--limit takes a number of articles, 1 or more"));
    }
    SEN_ASSIGN_OR_RETURN(auto session, ctx.openSession(ctx.args.positional(2)));
    if (session->kind() != DatabaseKind::News)
        return Status(ErrorCode::InvalidArgument,
                      tr("%1 is not a news database").arg(ctx.args.positional(2)));
    SEN_ASSIGN_OR_RETURN(const std::vector<Document> docs,
                         session->documentsOfForm(QLatin1String(news::kArticleForm)));
    std::vector<news::Article> articles;
    for (const Document& doc : docs)
        if (std::optional<news::Article> article = news::articleOf(doc))
            articles.push_back(std::move(*article));
    news::AtomFeedOptions options;
    options.title = session->title();
    options.replicaId = session->info().replicaId.toHex();
    options.base = base;
    options.now = QDateTime::currentDateTimeUtc();
    options.limit = limit;
    const std::size_t count = news::feedArticles(articles, options.now, limit).size();
    const QByteArray text = news::writeAtomFeed(std::move(articles), options);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit())
        return Status(ErrorCode::IoError, tr("cannot write %1: %2").arg(path, file.errorString()));
    ctx.out << path << ": " << count << (count == 1 ? " article\n" : " articles\n");
    return Status::ok();
}

} // namespace sen::cli
