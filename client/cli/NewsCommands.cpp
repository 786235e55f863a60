// senctl news: the news of a news database read as articles (docs/news-reader.md) — the list of
// a category, newest first, with unread marks; an article as text, marked read; marking read;
// the categories with their unread counts — through the same application layer as sen's news
// reader (client/app/NewsReader.h). The read marks are this PC's, shared with sen.

#include "client/app/ArticleText.h"
#include "client/app/NewsReader.h"
#include "client/cli/CommandContext.h"
#include "client/views/ReadMarks.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace sen::cli {

namespace {

Status usage()
{
    return Status(ErrorCode::InvalidArgument,
                  QStringLiteral("usage: news list DB [--category NAME | --other] [--unread] [--drafts] "
                                 "[--page N --page-size N] [--json] | news read DB UNID [--json] | "
                                 "news mark-read DB (UNID | --all [--category NAME]) | "
                                 "news categories DB [--drafts] [--json]"));
}

QJsonObject itemJson(const app::NewsItem& item, bool withBody)
{
    const news::Article& article = item.article;
    QJsonObject object{{QStringLiteral("unid"), article.unid.toHex()},
                       {QStringLiteral("title"), article.title},
                       {QStringLiteral("summary"), article.summary},
                       {QStringLiteral("category"), item.category},
                       {QStringLiteral("other"), item.other},
                       {QStringLiteral("published"), article.published.isValid()
                                                         ? QJsonValue(article.published.toString(Qt::ISODate))
                                                         : QJsonValue()},
                       {QStringLiteral("author"), article.author},
                       {QStringLiteral("unread"), item.unread},
                       {QStringLiteral("draft"), item.draft},
                       {QStringLiteral("attachments"), QJsonArray::fromStringList(article.attachments)},
                       {QStringLiteral("images"), QJsonArray::fromStringList(article.images)}};
    if (withBody)
        object.insert(QStringLiteral("body"), app::articleBodyText(article.bodyHtml));
    return object;
}

// The filter of --category / --other / --unread / --drafts; the category must be listed.
Result<app::NewsFilter> filterOf(const Arguments& args, const app::NewsReader& reader)
{
    app::NewsFilter filter;
    filter.unreadOnly = args.has(QStringLiteral("--unread"));
    filter.drafts = args.has(QStringLiteral("--drafts"));
    filter.other = args.has(QStringLiteral("--other"));
    if (args.has(QStringLiteral("--category"))) {
        const QString name = args.value(QStringLiteral("--category"));
        SEN_ASSIGN_OR_RETURN(const std::vector<app::NewsCategory> categories,
                             reader.categories(filter.drafts));
        const auto found =
            std::find_if(categories.begin(), categories.end(), [&](const app::NewsCategory& c) {
                return catalogues::foldName(c.name) == catalogues::foldName(name);
            });
        if (found == categories.end()) {
            QStringList names;
            for (const app::NewsCategory& category : categories)
                names << category.name;
            return Status(ErrorCode::NotFound, QStringLiteral("no news category \"%1\" (categories: %2)")
                                                   .arg(name.left(60), names.join(QStringLiteral(", "))));
        }
        filter = app::NewsFilter::of(*found);
        filter.unreadOnly = args.has(QStringLiteral("--unread"));
        filter.drafts = args.has(QStringLiteral("--drafts"));
    }
    return filter;
}

Result<int> intOption(const Arguments& args, const QString& name, int fallback)
{
    if (!args.has(name))
        return fallback;
    bool ok = false;
    const int value = args.value(name).toInt(&ok);
    if (!ok || value < 1)
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("usage: %1 takes a number from 1").arg(name));
    return value;
}

Status list(CommandContext& ctx, app::NewsReader& reader)
{
    SEN_ASSIGN_OR_RETURN(const app::NewsFilter filter, filterOf(ctx.args, reader));
    std::vector<app::NewsItem> items;
    if (ctx.args.has(QStringLiteral("--page")) || ctx.args.has(QStringLiteral("--page-size"))) {
        SEN_ASSIGN_OR_RETURN(const int page, intOption(ctx.args, QStringLiteral("--page"), 1));
        SEN_ASSIGN_OR_RETURN(const int size, intOption(ctx.args, QStringLiteral("--page-size"), 20));
        SEN_ASSIGN_OR_RETURN(app::NewsPage shown, reader.page(filter, page - 1, size));
        if (shown.page != page - 1)
            shown.items.clear(); // past the last page: nothing, rather than the last page again
        items = std::move(shown.items);
    } else {
        SEN_ASSIGN_OR_RETURN(items, reader.articles(filter));
    }
    if (ctx.args.has(QStringLiteral("--json"))) {
        QJsonArray array;
        for (const app::NewsItem& item : items)
            array.append(itemJson(item, false));
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Compact) << '\n';
        return Status::ok();
    }
    // "* dd/MM/yyyy HH:mm  [Category]  Title  UNID"; the star marks an unread article.
    for (const app::NewsItem& item : items)
        ctx.out << (item.unread ? "* " : "  ") << app::articleDateText(item.article.published) << "  ["
                << item.category << "]  " << item.article.title << "  " << item.article.unid.toHex() << '\n';
    return Status::ok();
}

Status categories(CommandContext& ctx, app::NewsReader& reader)
{
    SEN_ASSIGN_OR_RETURN(const std::vector<app::NewsCategory> found,
                         reader.categories(ctx.args.has(QStringLiteral("--drafts"))));
    if (ctx.args.has(QStringLiteral("--json"))) {
        QJsonArray array;
        for (const app::NewsCategory& category : found)
            array.append(QJsonObject{{QStringLiteral("name"), category.name},
                                     {QStringLiteral("other"), category.other},
                                     {QStringLiteral("retired"), category.retired},
                                     {QStringLiteral("articles"), category.articles},
                                     {QStringLiteral("unread"), category.unread}});
        ctx.out << QJsonDocument(array).toJson(QJsonDocument::Compact) << '\n';
        return Status::ok();
    }
    // "Name  unread/articles"
    for (const app::NewsCategory& category : found)
        ctx.out << category.name << "  " << category.unread << '/' << category.articles << '\n';
    return Status::ok();
}

} // namespace

Status runNewsCommand(CommandContext& ctx)
{
    const QString verb = ctx.args.positional(1);
    if (verb == u"list")
        SEN_TRY(ctx.args.allowOnly({QStringLiteral("--home"), QStringLiteral("--category"),
                                    QStringLiteral("--other"), QStringLiteral("--unread"),
                                    QStringLiteral("--drafts"), QStringLiteral("--page"),
                                    QStringLiteral("--page-size"), QStringLiteral("--json")}));
    else if (verb == u"read")
        SEN_TRY(ctx.args.allowOnly({QStringLiteral("--home"), QStringLiteral("--json")}));
    else if (verb == u"mark-read")
        SEN_TRY(ctx.args.allowOnly({QStringLiteral("--home"), QStringLiteral("--all"),
                                    QStringLiteral("--category"), QStringLiteral("--other")}));
    else if (verb == u"categories")
        SEN_TRY(ctx.args.allowOnly(
            {QStringLiteral("--home"), QStringLiteral("--drafts"), QStringLiteral("--json")}));
    else
        return usage();
    const int words =
        verb == u"read" || (verb == u"mark-read" && !ctx.args.has(QStringLiteral("--all"))) ? 4 : 3;
    if (ctx.args.positional().size() != words)
        return usage();

    SEN_ASSIGN_OR_RETURN(auto session, ctx.openSession(ctx.args.positional(2)));
    if (session->kind() != DatabaseKind::News)
        return Status(ErrorCode::InvalidArgument,
                      QStringLiteral("%1 is not a news database").arg(ctx.args.positional(2)));
    SEN_ASSIGN_OR_RETURN(const std::unique_ptr<views::ReadMarks> marks, app::NewsReader::openMarks(*session));
    app::NewsReader reader(*session, marks.get());

    if (verb == u"list")
        return list(ctx, reader);
    if (verb == u"categories")
        return categories(ctx, reader);
    if (verb == u"read") {
        SEN_ASSIGN_OR_RETURN(const Unid unid, parseUnid(ctx.args.positional(3)));
        SEN_ASSIGN_OR_RETURN(const app::NewsItem item, reader.open(unid));
        if (ctx.args.has(QStringLiteral("--json")))
            ctx.out << QJsonDocument(itemJson(item, true)).toJson(QJsonDocument::Compact) << '\n';
        else
            ctx.out << app::articleText(item);
        return Status::ok();
    }
    // mark-read
    if (!ctx.args.has(QStringLiteral("--all"))) {
        SEN_ASSIGN_OR_RETURN(const Unid unid, parseUnid(ctx.args.positional(3)));
        SEN_TRY(reader.open(unid).status()); // a live article this user may read
        return Status::ok();
    }
    SEN_ASSIGN_OR_RETURN(app::NewsFilter filter, filterOf(ctx.args, reader));
    filter.drafts = true;
    SEN_ASSIGN_OR_RETURN(const int marked, reader.markAllRead(filter));
    ctx.out << marked << '\n';
    return Status::ok();
}

} // namespace sen::cli
