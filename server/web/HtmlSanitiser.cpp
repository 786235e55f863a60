#include "server/web/HtmlSanitiser.h"

#include "common/model/AttachmentName.h"

#include <QSet>
#include <QUrl>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

namespace sen::server::web {

namespace {

constexpr int kMaxDepth = 200; // deeper content is dropped: no recursion without bound

const QSet<QString>& keptElements()
{
    static const QSet<QString> kept = {
        QStringLiteral("p"),          QStringLiteral("br"),    QStringLiteral("b"),
        QStringLiteral("i"),          QStringLiteral("u"),     QStringLiteral("strong"),
        QStringLiteral("em"),         QStringLiteral("span"),  QStringLiteral("div"),
        QStringLiteral("h1"),         QStringLiteral("h2"),    QStringLiteral("h3"),
        QStringLiteral("h4"),         QStringLiteral("h5"),    QStringLiteral("h6"),
        QStringLiteral("ul"),         QStringLiteral("ol"),    QStringLiteral("li"),
        QStringLiteral("blockquote"), QStringLiteral("table"), QStringLiteral("thead"),
        QStringLiteral("tbody"),      QStringLiteral("tfoot"), QStringLiteral("tr"),
        QStringLiteral("th"),         QStringLiteral("td"),    QStringLiteral("caption"),
        QStringLiteral("a"),          QStringLiteral("img"),
    };
    return kept;
}

// Elements whose content is never shown: code, styles, embedded documents, forms.
const QSet<QString>& droppedElements()
{
    static const QSet<QString> dropped = {
        QStringLiteral("script"),   QStringLiteral("style"),    QStringLiteral("iframe"),
        QStringLiteral("frame"),    QStringLiteral("frameset"), QStringLiteral("object"),
        QStringLiteral("embed"),    QStringLiteral("applet"),   QStringLiteral("form"),
        QStringLiteral("input"),    QStringLiteral("button"),   QStringLiteral("select"),
        QStringLiteral("textarea"), QStringLiteral("option"),   QStringLiteral("svg"),
        QStringLiteral("math"),     QStringLiteral("template"), QStringLiteral("noscript"),
        QStringLiteral("head"),     QStringLiteral("title"),    QStringLiteral("meta"),
        QStringLiteral("link"),     QStringLiteral("base"),     QStringLiteral("audio"),
        QStringLiteral("video"),    QStringLiteral("source"),   QStringLiteral("canvas"),
    };
    return dropped;
}

QString fromXml(const xmlChar* text)
{
    return text ? QString::fromUtf8(reinterpret_cast<const char*>(text)) : QString();
}

QString attribute(xmlNode* node, const char* name)
{
    xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
    const QString result = fromXml(value);
    xmlFree(value);
    return result;
}

bool hasControlCharacters(const QString& text)
{
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return true;
    }
    return false;
}

// An absolute http, https or mailto URL, fully encoded; empty for anything else.
QString safeLink(const QString& href)
{
    const QString trimmed = href.trimmed();
    if (trimmed.isEmpty() || hasControlCharacters(trimmed))
        return {};
    const QUrl url(trimmed, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != u"http" && scheme != u"https" && scheme != u"mailto"))
        return {};
    if (scheme != u"mailto" && url.host().isEmpty())
        return {};
    return url.toString(QUrl::FullyEncoded);
}

class Writer
{
public:
    explicit Writer(const std::function<QString(const QString&)>& imageUrl) : m_imageUrl(imageUrl) {}

    void children(xmlNode* parent, int depth)
    {
        for (xmlNode* node = parent->children; node; node = node->next)
            this->node(node, depth);
    }

    QString out;

private:
    void node(xmlNode* node, int depth)
    {
        if (node->type == XML_TEXT_NODE) {
            out += fromXml(node->content).toHtmlEscaped();
            return;
        }
        if (node->type != XML_ELEMENT_NODE || depth > kMaxDepth)
            return;
        const QString name = fromXml(node->name).toLower();
        if (droppedElements().contains(name))
            return;
        if (!keptElements().contains(name)) {
            children(node, depth + 1); // unwrapped: the text stays, the element goes
            return;
        }
        if (name == u"img") {
            image(node);
            return;
        }
        if (name == u"br") {
            out += QStringLiteral("<br>");
            return;
        }
        out += u'<' + name;
        if (name == u"a") {
            const QString link = safeLink(attribute(node, "href"));
            if (!link.isEmpty())
                out += QStringLiteral(" href=\"%1\" rel=\"noopener noreferrer\"").arg(link.toHtmlEscaped());
        } else if (name == u"td" || name == u"th") {
            for (const char* span : {"colspan", "rowspan"}) {
                bool ok = false;
                const int n = attribute(node, span).trimmed().toInt(&ok);
                if (ok && n > 1 && n <= 100)
                    out += QStringLiteral(" %1=\"%2\"").arg(QLatin1String(span)).arg(n);
            }
        }
        out += u'>';
        children(node, depth + 1);
        out += QStringLiteral("</") + name + u'>';
    }

    void image(xmlNode* node)
    {
        const QString src = attribute(node, "src").trimmed();
        static const QString prefix = QStringLiteral("attachment:");
        if (!src.startsWith(prefix, Qt::CaseInsensitive))
            return;
        const QString name = QUrl::fromPercentEncoding(src.mid(prefix.size()).toUtf8());
        if (!isPlainFileName(name))
            return;
        const QString url = m_imageUrl(name);
        if (url.isEmpty())
            return;
        out += QStringLiteral("<img src=\"%1\" alt=\"%2\">")
                   .arg(url.toHtmlEscaped(), attribute(node, "alt").toHtmlEscaped());
    }

    const std::function<QString(const QString&)>& m_imageUrl;
};

xmlNode* findBody(xmlNode* node)
{
    for (; node; node = node->next) {
        if (node->type != XML_ELEMENT_NODE)
            continue;
        if (xmlStrcasecmp(node->name, reinterpret_cast<const xmlChar*>("body")) == 0)
            return node;
        if (xmlNode* inner = findBody(node->children))
            return inner;
    }
    return nullptr;
}

} // namespace

QString sanitiseHtml(const QString& html, const std::function<QString(const QString&)>& imageUrl)
{
    if (html.trimmed().isEmpty())
        return {};
    // A <body> of our own: a fragment's text is then never taken for the head's.
    const QByteArray bytes = QStringLiteral("<!DOCTYPE html><html><head></head><body>").toUtf8() +
                             html.toUtf8() + QByteArrayLiteral("</body></html>");
    htmlDocPtr doc = htmlReadMemory(bytes.constData(), static_cast<int>(bytes.size()), nullptr, "UTF-8",
                                    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    if (!doc)
        return html.toHtmlEscaped(); // unparseable: shown as text, never as markup
    Writer writer(imageUrl);
    if (xmlNode* body = findBody(xmlDocGetRootElement(doc)))
        writer.children(body, 0);
    xmlFreeDoc(doc);
    return writer.out;
}

} // namespace sen::server::web
