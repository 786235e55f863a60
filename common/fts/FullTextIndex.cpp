#include "fts/FullTextIndex.h"

#include "model/Document.h"
#include "sql/SqlDatabase.h"

#include <QHash>
#include <QStringList>

#include <algorithm>

namespace sen {

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

// ---- Document to indexed text -----------------------------------------------------------

QString indexedText(const Document& doc)
{
    QStringList parts;
    for (const Item& item : doc.items) {
        // Encrypted values are ciphertext: nothing to find, and the plaintext must not leak
        // into the index.
        if (item.isTombstone() || (item.flags & Encrypted))
            continue;
        switch (item.type) {
        case ItemType::Text:
            parts << item.toText();
            break;
        case ItemType::TextList:
        case ItemType::Names:
            parts << item.toList();
            break;
        case ItemType::RichText:
            parts << plainTextFromHtml(item.toText());
            break;
        case ItemType::Number:
        case ItemType::DateTime:
        case ItemType::Readers:
        case ItemType::Authors:
        case ItemType::Attachment:
            break;
        }
    }
    parts.removeAll(QString());
    return parts.join(u'\n');
}

// ---- User query to FTS5 MATCH expression --------------------------------------------------

QString quoted(const QString& text)
{
    QString escaped = text;
    escaped.replace(u'"', QLatin1String("\"\""));
    return u'"' + escaped + u'"';
}

bool isQuoteMark(char32_t c)
{
    // Straight quotes, and the curly ones word processors substitute.
    return c == U'"' || c == U'\u201C' || c == U'\u201D' || c == U'\u201E';
}

// Every user word becomes a quoted prefix term and every quoted run a quoted phrase, so FTS5
// operators (AND, NOT, NEAR, -, ^, :, *, parentheses) in the input are only ever text. Words
// are runs of letters, digits and combining marks; everything else separates them. An
// unclosed quote runs to the end of the query. Returns an empty string when there are no
// words.
QString matchExpression(const QString& query)
{
    QStringList terms;
    QStringList phrase;
    bool inPhrase = false;
    QString word;
    bool wordHasLetter = false; // a run of lone combining marks is no word

    const auto endWord = [&] {
        if (wordHasLetter) {
            if (inPhrase)
                phrase << word;
            else
                terms << quoted(word) + u'*';
        }
        word.clear();
        wordHasLetter = false;
    };
    const auto endPhrase = [&] {
        if (!phrase.isEmpty())
            terms << quoted(phrase.join(u' '));
        phrase.clear();
    };

    for (qsizetype i = 0; i < query.size();) {
        char32_t cp = query[i].unicode();
        qsizetype length = 1;
        if (query[i].isHighSurrogate() && i + 1 < query.size() && query[i + 1].isLowSurrogate()) {
            cp = QChar::surrogateToUcs4(query[i], query[i + 1]);
            length = 2;
        }
        if (isQuoteMark(cp)) {
            endWord();
            if (inPhrase)
                endPhrase();
            inPhrase = !inPhrase;
        } else if (QChar::isLetterOrNumber(cp) || QChar::isMark(cp)) {
            word.append(query.constData() + i, length);
            wordHasLetter = wordHasLetter || QChar::isLetterOrNumber(cp);
        } else {
            endWord();
        }
        i += length;
    }
    endWord();
    endPhrase();
    return terms.join(QLatin1String(" AND "));
}

// ---- Running a query -----------------------------------------------------------------------

// One page of hits, best first, without snippets. bm25() of every match is sorted by SQLite:
// FTS5's "ORDER BY rank" runs a nested statement per row and is slower. The join waits until
// the page is cut, since before it would cost a lookup per match. Ties go to the newer row,
// so pages are stable. A row without a document is dropped after the cut; that cannot
// happen while the index is written in the same transaction as the document, so pages are
// full in practice.
Status rankedPage(sql::SqlDatabase& db, const QString& match, const SearchOptions& options,
                  std::vector<SearchHit>& hits)
{
    SEN_ASSIGN_OR_RETURN(auto stmt,
                         db.cached("SELECT hit.id, documents.unid, hit.score"
                                   "  FROM (SELECT rowid AS id, bm25(fulltext) AS score FROM fulltext"
                                   "         WHERE fulltext MATCH ?1"
                                   "         ORDER BY score, rowid DESC LIMIT ?2 OFFSET ?3) AS hit"
                                   "  JOIN documents ON documents.id = hit.id"
                                   " ORDER BY hit.score, hit.id DESC"));
    stmt->bind(1, match).bind(2, options.limit).bind(3, std::max(options.offset, 0));
    for (;;) {
        SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
        if (!row)
            return Status::ok();
        const std::optional<Unid> unid = Unid::fromBytes(stmt->blobView(1));
        if (!unid)
            return Status(ErrorCode::Corruption,
                          QStringLiteral("document %1 has a malformed UNID").arg(stmt->int64(0)));
        SearchHit hit;
        hit.docId = stmt->int64(0);
        hit.unid = *unid;
        hit.rank = stmt->real(2);
        hits.push_back(std::move(hit));
    }
}

// Fills in the hits' snippets with one more pass over the matches that computes snippet()
// for the page's rows only. (A MATCH per row would rebuild every prefix term's merged
// doclist each time; the IN list is a filter, its '+' keeping it from FTS5, for the same
// reason.) A row that another connection deleted between the passes keeps an empty snippet.
Status addSnippets(sql::SqlDatabase& db, const QString& match, const SearchOptions& options,
                   std::vector<SearchHit>& hits)
{
    QHash<std::int64_t, std::size_t> byId;
    std::int64_t minId = hits.front().docId;
    std::int64_t maxId = minId;
    QStringList ids;
    for (std::size_t i = 0; i < hits.size(); ++i) {
        byId.insert(hits[i].docId, i);
        minId = std::min(minId, hits[i].docId);
        maxId = std::max(maxId, hits[i].docId);
        ids << QString::number(hits[i].docId);
    }
    SEN_ASSIGN_OR_RETURN(auto stmt, db.cached("SELECT rowid, snippet(fulltext, 0, ?2, ?3, '\xE2\x80\xA6', 12)"
                                              "  FROM fulltext"
                                              " WHERE fulltext MATCH ?1 AND rowid BETWEEN ?4 AND ?5"
                                              "   AND +rowid IN (SELECT value FROM json_each(?6))"));
    stmt->bind(1, match)
        .bind(2, options.highlightOpen)
        .bind(3, options.highlightClose)
        .bind(4, minId)
        .bind(5, maxId)
        .bind(6, u'[' + ids.join(u',') + u']');
    for (;;) {
        SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
        if (!row)
            return Status::ok();
        const auto it = byId.constFind(stmt->int64(0));
        if (it != byId.cend())
            hits[it.value()].snippet = stmt->text(1);
    }
}

} // namespace

const char* FullTextIndex::createTableSql()
{
    return "CREATE VIRTUAL TABLE fulltext USING fts5(body, tokenize='sen')";
}

Status FullTextIndex::remove(std::int64_t docId)
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.cached("DELETE FROM fulltext WHERE rowid = ?1"));
    return stmt->bind(1, docId).exec();
}

Status FullTextIndex::index(std::int64_t docId, const Document& doc)
{
    SEN_TRY(remove(docId));
    if (doc.isDeleted())
        return Status::ok();
    const QString body = indexedText(doc);
    if (body.isEmpty())
        return Status::ok(); // nothing to find; no row keeps the index smaller
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.cached("INSERT INTO fulltext(rowid, body) VALUES (?1, ?2)"));
    return stmt->bind(1, docId).bind(2, body).exec();
}

Result<std::vector<SearchHit>> FullTextIndex::search(const QString& query, const SearchOptions& options) const
{
    std::vector<SearchHit> hits;
    const QString match = matchExpression(query);
    if (match.isEmpty() || options.limit <= 0)
        return hits;
    // Two passes, because ranking costs per match and snippets per hit. The obvious single
    // statement (FTS5's "ORDER BY rank" with snippet()) measured ~30% slower on 100,000
    // documents (bench/FullTextBench.cpp).
    SEN_TRY(rankedPage(m_db, match, options, hits));
    if (!hits.empty())
        SEN_TRY(addSnippets(m_db, match, options, hits));
    return hits;
}

} // namespace sen
