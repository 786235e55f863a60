#include "client/app/ArticleText.h"

#include "common/fts/IndexedText.h"
#include "common/model/InlineImages.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace sen::app {

QString articleDateText(const QDateTime& published)
{
    if (!published.isValid())
        return QCoreApplication::translate("sen::app::ArticleText", "Draft");
    return published.toLocalTime().toString(QStringLiteral("dd/MM/yyyy HH:mm"));
}

QString articleBodyText(const QString& html)
{
    // Blocks end a paragraph; an image becomes its name in words, a list item a bullet.
    static const QRegularExpression blockEnd(
        QStringLiteral(R"(<br\s*/?>|</(?:p|div|h[1-6]|li|tr|blockquote|pre|table|ul|ol)\s*>)"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression image(QStringLiteral(R"(<img\b[^>]*>)"),
                                          QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression item(QStringLiteral(R"(<li\b[^>]*>)"),
                                         QRegularExpression::CaseInsensitiveOption);
    QString marked = html;
    // The image's words are text of the paragraph: escaped so the stripping keeps them.
    QString withImages;
    qsizetype from = 0;
    for (auto it = image.globalMatch(marked); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        withImages += QStringView(marked).mid(from, match.capturedStart() - from);
        const QStringList names = inlineImageNames(match.captured());
        if (!names.isEmpty())
            withImages += QCoreApplication::translate("sen::app::ArticleText", "[Image: %1]")
                              .arg(names.first())
                              .toHtmlEscaped();
        from = match.capturedEnd();
    }
    withImages += QStringView(marked).mid(from);
    withImages.replace(item, QStringLiteral("<li>\u2022 "));
    QStringList paragraphs;
    for (const QString& block : withImages.split(blockEnd)) {
        const QString text = fts::plainTextFromHtml(block).trimmed();
        if (!text.isEmpty())
            paragraphs << text;
    }
    // Paragraphs apart by a blank line; a list's items on lines of their own.
    const QString bullet = QStringLiteral("\u2022 ");
    QString text;
    for (qsizetype i = 0; i < paragraphs.size(); ++i) {
        if (i > 0)
            text += paragraphs[i].startsWith(bullet) && paragraphs[i - 1].startsWith(bullet)
                        ? QStringLiteral("\n")
                        : QStringLiteral("\n\n");
        text += paragraphs[i];
    }
    return text;
}

QString articleText(const NewsItem& item)
{
    const news::Article& article = item.article;
    QString out = article.title + u'\n';
    QStringList line{articleDateText(article.published), item.category};
    if (!article.author.trimmed().isEmpty())
        line << article.author.trimmed();
    out += line.join(QStringLiteral(" | ")) + u'\n';
    if (!article.summary.trimmed().isEmpty())
        out += u'\n' + article.summary.trimmed() + u'\n';
    const QString body = articleBodyText(article.bodyHtml);
    if (!body.isEmpty())
        out += u'\n' + body + u'\n';
    if (!article.attachments.isEmpty()) {
        out += u'\n' + QCoreApplication::translate("sen::app::ArticleText", "Attachments:") + u'\n';
        for (const QString& name : article.attachments)
            out += QStringLiteral("  - ") + name + u'\n';
    }
    return out;
}

} // namespace sen::app
