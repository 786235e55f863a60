#include "common/fts/IndexedText.h"

#include "common/model/CborReader.h"
#include "common/model/Item.h"

namespace sen::fts {

namespace {

// ---- Rich text to plain text ------------------------------------------------------------
//
// Rich text items hold HTML in Qt's rich-text subset (QTextDocument::toHtml), whose <head>
// carries a <style> sheet. Only the words a reader sees are indexed: tags, comments, and the
// content of head/style/script go; entities are decoded. QTextDocumentFragment would do this
// but lives in Qt Gui, and common/ links Qt Core only.

bool startsWithAt(QStringView text, qsizetype at, QLatin1String what)
{
    return text.mid(at).startsWith(what, Qt::CaseInsensitive);
}

// Tags that sit inside a word ("<b>Đ</b>ảng" is one word); every other tag separates words.
bool isInlineTag(QStringView name)
{
    static const char* const kInline[] = {"a",   "abbr", "b",  "big",   "code", "em",     "font",
                                          "i",   "kbd",  "s",  "small", "span", "strike", "strong",
                                          "sub", "sup",  "tt", "u",     "var",  "mark"};
    for (const char* tag : kInline) {
        if (name.compare(QLatin1String(tag), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// Tags whose content is not text a reader sees.
bool isHiddenContentTag(QStringView name)
{
    return name.compare(QLatin1String("head"), Qt::CaseInsensitive) == 0 ||
           name.compare(QLatin1String("style"), Qt::CaseInsensitive) == 0 ||
           name.compare(QLatin1String("script"), Qt::CaseInsensitive) == 0;
}

// The index just past the '>' closing the tag that starts at `at` ('<'), quotes respected;
// the end of the text for an unterminated tag.
qsizetype skipTag(QStringView html, qsizetype at)
{
    QChar quote;
    for (qsizetype i = at + 1; i < html.size(); ++i) {
        const QChar c = html[i];
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == u'"' || c == u'\'') {
            quote = c;
        } else if (c == u'>') {
            return i + 1;
        }
    }
    return html.size();
}

// Decodes the entity starting at `at` ('&') into `out`; returns the index after it, or `at`
// when there is no entity there (the '&' is then literal text).
qsizetype decodeEntity(QStringView html, qsizetype at, QString& out)
{
    const qsizetype semicolon = html.indexOf(u';', at + 1);
    if (semicolon < 0 || semicolon - at > 12)
        return at;
    const QStringView name = html.sliced(at + 1, semicolon - at - 1);
    if (name.startsWith(u'#')) {
        bool ok = false;
        const uint code = name.startsWith(QLatin1String("#x"), Qt::CaseInsensitive)
                              ? name.sliced(2).toUInt(&ok, 16)
                              : name.sliced(1).toUInt(&ok, 10);
        if (!ok)
            return at;
        const auto cp = static_cast<char32_t>(code);
        if (cp == 0 || cp > 0x10FFFF || QChar::isSurrogate(cp))
            out.append(QChar::ReplacementCharacter);
        else
            out.append(QString::fromUcs4(&cp, 1));
        return semicolon + 1;
    }
    struct Named
    {
        const char* name;
        char16_t ch;
    };
    static const Named kNamed[] = {
        {"amp", u'&'},         {"lt", u'<'},         {"gt", u'>'},         {"quot", u'"'},
        {"apos", u'\''},       {"nbsp", u' '},       {"ndash", u'\u2013'}, {"mdash", u'\u2014'},
        {"hellip", u'\u2026'}, {"laquo", u'\u00AB'}, {"raquo", u'\u00BB'}, {"lsquo", u'\u2018'},
        {"rsquo", u'\u2019'},  {"ldquo", u'\u201C'}, {"rdquo", u'\u201D'}, {"copy", u'\u00A9'},
        {"reg", u'\u00AE'},
    };
    for (const Named& entity : kNamed) {
        // Entity names are case-sensitive.
        if (name == QLatin1String(entity.name)) {
            out.append(QChar(entity.ch));
            return semicolon + 1;
        }
    }
    return at;
}

} // namespace

QString plainTextFromHtml(QStringView html)
{
    QString out;
    out.reserve(html.size());
    qsizetype i = 0;
    while (i < html.size()) {
        const QChar c = html[i];
        if (c == u'&') {
            const qsizetype next = decodeEntity(html, i, out);
            if (next == i) {
                out.append(c);
                ++i;
            } else {
                i = next;
            }
            continue;
        }
        if (c != u'<') {
            out.append(c);
            ++i;
            continue;
        }
        if (startsWithAt(html, i, QLatin1String("<!--"))) {
            const qsizetype end = html.indexOf(QLatin1String("-->"), i + 4);
            i = end < 0 ? html.size() : end + 3;
            out.append(u' ');
            continue;
        }
        // A '<' that opens no tag ("a < b" in hand-written HTML) is text.
        const qsizetype nameStart = (i + 1 < html.size() && html[i + 1] == u'/') ? i + 2 : i + 1;
        if (nameStart >= html.size() ||
            !(html[nameStart].isLetter() || html[nameStart] == u'!' || html[nameStart] == u'?')) {
            out.append(c);
            ++i;
            continue;
        }
        qsizetype nameEnd = nameStart;
        while (nameEnd < html.size() && html[nameEnd].isLetterOrNumber())
            ++nameEnd;
        const QStringView name = html.sliced(nameStart, nameEnd - nameStart);
        const bool closing = nameStart == i + 2;
        i = skipTag(html, i);
        if (!closing && isHiddenContentTag(name)) {
            // Skip to the matching end tag (these do not nest in Qt's HTML).
            const QString endTag = QLatin1String("</") + name.toString();
            const qsizetype end = html.indexOf(endTag, i, Qt::CaseInsensitive);
            i = end < 0 ? html.size() : skipTag(html, end);
        }
        if (!isInlineTag(name))
            out.append(u' ');
    }
    return out.simplified();
}

namespace {

// ---- Document to indexed text -----------------------------------------------------------

// Appends a part to the indexed text, after a newline unless it is the first.
void appendPart(QByteArray& text, QByteArrayView utf8)
{
    if (utf8.isEmpty())
        return;
    if (!text.isEmpty())
        text += '\n';
    text += utf8;
}

// Appends a text item's value (a string), or a list item's (an array of strings).
bool appendValue(CborReader& reader, ItemType type, QByteArray& text)
{
    quint8 major = 0;
    quint64 argument = 0;
    if (!reader.head(major, argument))
        return false;
    QByteArrayView utf8;
    if (major == 3) {
        if (!reader.take(argument, utf8))
            return false;
        if (type == ItemType::RichText)
            appendPart(text, plainTextFromHtml(QString::fromUtf8(utf8)).toUtf8());
        else
            appendPart(text, utf8);
        return true;
    }
    if (major == 4 && type != ItemType::RichText && type != ItemType::Text) {
        for (quint64 i = 0; i < argument; ++i) {
            quint8 elementMajor = 0;
            quint64 elementArgument = 0;
            if (!reader.head(elementMajor, elementArgument))
                return false;
            if (elementMajor != 3) {
                if (!reader.skipRest(elementMajor, elementArgument, 1))
                    return false;
                continue;
            }
            if (!reader.take(elementArgument, utf8))
                return false;
            appendPart(text, utf8);
        }
        return true;
    }
    return reader.skipRest(major, argument, 0); // a tombstone's null, or a value of no text
}

// The text the index holds for a document, in UTF-8: the text of its live items of text,
// text list, names and rich text types (rich text stripped of markup, encrypted items left
// out), joined by newlines, empty parts left out. Read from the canonical CBOR of the items
// (encodeItems), the very bytes stored in the document's row: the index is contentless, so
// update() and remove() recompute from the stored bytes the text they were indexed with,
// and snippets read the same bytes. Nullopt when the bytes are not an items array.
} // namespace

std::optional<QByteArray> indexedText(QByteArrayView items)
{
    QByteArray text;
    text.reserve(items.size()); // the text is part of the items
    CborReader reader(items);
    quint8 major = 0;
    quint64 count = 0;
    if (!reader.head(major, count) || major != 4)
        return std::nullopt;
    for (quint64 i = 0; i < count; ++i) {
        // [name, type, flags, value-or-null, stamp instance, stamp counter, stamp time]
        quint64 fields = 0;
        quint64 type = 0;
        quint64 flags = 0;
        quint8 typeMajor = 0;
        quint8 flagsMajor = 0;
        if (!reader.head(major, fields) || major != 4 || fields != 7 || !reader.skip() ||
            !reader.head(typeMajor, type) || typeMajor != 0 || !reader.head(flagsMajor, flags) ||
            flagsMajor != 0)
            return std::nullopt;
        // A type no version has is damage (decodeItems refuses it too), not an item without text.
        const std::optional<ItemType> known = itemTypeFromInt(static_cast<qint64>(type));
        if (!known)
            return std::nullopt;
        const ItemType itemType = *known;
        const bool hasText = itemType == ItemType::Text || itemType == ItemType::TextList ||
                             itemType == ItemType::Names || itemType == ItemType::RichText;
        // Encrypted values are ciphertext: nothing to find, and the plaintext must not leak
        // into the index.
        const bool indexed = hasText && !(flags & Encrypted);
        if (!(indexed ? appendValue(reader, itemType, text) : reader.skip()))
            return std::nullopt;
        for (int k = 0; k < 3; ++k) {
            if (!reader.skip())
                return std::nullopt;
        }
    }
    return text;
}

Result<QByteArray> indexedTextOf(QByteArrayView items)
{
    std::optional<QByteArray> text = indexedText(items);
    if (!text)
        return Status(ErrorCode::Corruption, QStringLiteral("full-text index: items are not canonical CBOR"));
    return std::move(*text);
}

QByteArrayView indexedItems(bool deleted, QByteArrayView items)
{
    static const char kNoItems[] = {'\x80'}; // an empty CBOR array
    return deleted ? QByteArrayView(kNoItems, 1) : items;
}

} // namespace sen::fts
