#include "common/fts/FullTextIndex.h"

#include "common/fts/IndexedText.h"
#include "common/fts/SenTokenizer.h"
#include "common/model/Document.h"
#include "common/sql/SqlDatabase.h"

#include <QStringList>

#include <algorithm>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sen {

namespace {

using fts::indexedTextOf;

// A document's text as its row holds it: the items' text, then the text of its attachments
// (fulltext_attachments), after a newline.
QByteArray joined(QByteArray items, const QByteArray& attachments)
{
    if (attachments.isEmpty())
        return items;
    if (!items.isEmpty())
        items += '\n';
    return items + attachments;
}

// ---- User query ---------------------------------------------------------------------------

// A query word, or a quoted run of them, that every hit must contain.
struct Phrase
{
    QStringList words;
    bool quoted = false;
    bool prefix = false; // the last word matches as a prefix
};

bool isQuoteMark(char32_t c)
{
    // Straight quotes, and the curly ones word processors substitute.
    return c == U'"' || c == U'\u201C' || c == U'\u201D' || c == U'\u201E';
}

// Words are runs of letters, digits and combining marks, as for the tokenizer; everything
// else separates them. An unclosed quote runs to the end of the query. The last word typed
// is taken as unfinished (a prefix) unless a closing quote ended it.
std::vector<Phrase> parseQuery(const QString& query)
{
    std::vector<Phrase> phrases;
    Phrase quoted{{}, true, false};
    bool inQuote = false;
    QString word;
    bool wordHasLetter = false; // a run of lone combining marks is no word

    const auto endWord = [&] {
        if (wordHasLetter) {
            if (inQuote)
                quoted.words << word;
            else
                phrases.push_back(Phrase{{word}, false, false});
        }
        word.clear();
        wordHasLetter = false;
    };
    const auto endQuote = [&] {
        if (!quoted.words.isEmpty())
            phrases.push_back(quoted);
        quoted.words.clear();
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
            if (inQuote)
                endQuote();
            inQuote = !inQuote;
        } else if (QChar::isLetterOrNumber(cp) || QChar::isMark(cp)) {
            word.append(query.constData() + i, length);
            wordHasLetter = wordHasLetter || QChar::isLetterOrNumber(cp);
        } else {
            endWord();
        }
        i += length;
    }
    endWord();
    const bool unclosed = inQuote && !quoted.words.isEmpty();
    endQuote();
    if (!phrases.empty() && (!phrases.back().quoted || unclosed))
        phrases.back().prefix = true;
    return phrases;
}

QString quoted(const QString& text)
{
    QString escaped = text;
    escaped.replace(u'"', QLatin1String("\"\""));
    return u'"' + escaped + u'"';
}

// Every phrase becomes a quoted FTS5 string, so FTS5 operators in the input (AND, NOT, NEAR,
// -, ^, :, *, parentheses) are only ever text; the tokenizer folds the words inside. Empty
// when there are no words.
QString matchExpression(const std::vector<Phrase>& phrases)
{
    QStringList terms;
    for (const Phrase& phrase : phrases)
        terms << quoted(phrase.words.join(u' ')) + (phrase.prefix ? QStringLiteral("*") : QString());
    return terms.join(QLatin1String(" AND "));
}

// Each phrase's document count, for sen_rank's idf (see SenTokenizer.cpp), as text: "81088
// 1234". A phrase is counted as written, the word being typed included, without its prefix
// star: a whole word's matches are one doclist to read, a prefix's a merge of the doclists of
// every word it starts, as costly as the query itself. For the word being typed this counts
// fewer documents than its prefix matches; as the word is completed the count becomes exact.
Result<QString> phraseFrequencies(sql::SqlDatabase& db, const std::vector<Phrase>& phrases)
{
    SEN_ASSIGN_OR_RETURN(auto stmt, db.cached("SELECT count(*) FROM fulltext WHERE fulltext MATCH ?1"));
    QStringList counts;
    for (const Phrase& phrase : phrases) {
        stmt->bind(1, quoted(phrase.words.join(u' ')));
        SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
        counts << QString::number(row ? stmt->int64(0) : 0);
        stmt->reset();
    }
    return counts.join(u' ');
}

// ---- Snippets -----------------------------------------------------------------------------
//
// Built here rather than by FTS5's snippet(), which needs the text stored in the index
// (it is contentless) and a second pass over the matches. The choice of window follows
// snippet()'s: each phrase seen in the window scores 1000, each further match 1; a window
// starting a sentence (or an item) gets 100 more; otherwise the matches are centred.

constexpr int kSnippetTokens = 12;
constexpr char kEllipsis[] = "\xE2\x80\xA6"; // …

struct TextToken
{
    int start; // byte range in the text
    int end;
    int folded; // folded bytes in Tokens::arena
    int foldedSize;
};

struct Tokens
{
    std::string arena;
    std::vector<TextToken> list;

    std::string_view folded(std::size_t i) const
    {
        return std::string_view(arena).substr(static_cast<std::size_t>(list[i].folded),
                                              static_cast<std::size_t>(list[i].foldedSize));
    }
};

int collectToken(void* context, const char* token, int size, int start, int end)
{
    auto* tokens = static_cast<Tokens*>(context);
    tokens->list.push_back({start, end, static_cast<int>(tokens->arena.size()), size});
    tokens->arena.append(token, static_cast<std::size_t>(size));
    return 0;
}

Tokens tokenizeText(const QByteArray& utf8)
{
    Tokens tokens;
    if (fts::tokenizeUtf8(utf8.constData(), static_cast<int>(utf8.size()), &tokens, collectToken) != 0)
        throw std::bad_alloc();
    return tokens;
}

// One match of a phrase: tokens first..last.
struct Instance
{
    int first;
    int last;
    int phrase;
};

class SnippetMaker
{
public:
    SnippetMaker(const std::vector<Phrase>& phrases, const SearchOptions& options)
        : m_open(options.highlightOpen.toUtf8()), m_close(options.highlightClose.toUtf8())
    {
        for (const Phrase& phrase : phrases) {
            const Tokens tokens = tokenizeText(phrase.words.join(u' ').toUtf8());
            std::vector<std::string> folded;
            for (std::size_t i = 0; i < tokens.list.size(); ++i)
                folded.emplace_back(tokens.folded(i));
            m_phrases.push_back({std::move(folded), phrase.prefix});
        }
    }

    QString make(const QByteArray& text) const
    {
        const Tokens tokens = tokenizeText(text);
        const int count = static_cast<int>(tokens.list.size());
        const std::vector<Instance> instances = find(tokens);
        const int start = bestWindow(text, tokens, instances);
        const int last = std::min(start + kSnippetTokens, count) - 1;

        QByteArray out;
        if (start > 0)
            out += kEllipsis;
        int offset = start > 0 ? tokens.list[static_cast<std::size_t>(start)].start : 0;
        const auto at = [&](int token) -> const TextToken& {
            return tokens.list[static_cast<std::size_t>(token)];
        };
        // Overlapping matches are marked as one, clipped to the window.
        for (std::size_t i = 0; i < instances.size();) {
            int first = instances[i].first;
            int end = instances[i].last;
            for (++i; i < instances.size() && instances[i].first <= end; ++i)
                end = std::max(end, instances[i].last);
            if (end < start || first > last)
                continue;
            first = std::max(first, start);
            end = std::min(end, last);
            out.append(text.constData() + offset, at(first).start - offset);
            out += m_open;
            out.append(text.constData() + at(first).start, at(end).end - at(first).start);
            out += m_close;
            offset = at(end).end;
        }
        if (last >= count - 1) {
            out.append(text.constData() + offset, text.size() - offset);
        } else {
            out.append(text.constData() + offset, at(last).end - offset);
            out += kEllipsis;
        }
        return QString::fromUtf8(out);
    }

private:
    struct Terms
    {
        std::vector<std::string> folded;
        bool prefix;
    };

    // Every match of every phrase, in text order.
    std::vector<Instance> find(const Tokens& tokens) const
    {
        std::vector<Instance> instances;
        const std::size_t count = tokens.list.size();
        for (std::size_t p = 0; p < m_phrases.size(); ++p) {
            const Terms& terms = m_phrases[p];
            const std::size_t size = terms.folded.size();
            if (size == 0 || size > count)
                continue;
            for (std::size_t i = 0; i + size <= count; ++i) {
                bool match = true;
                for (std::size_t k = 0; match && k < size; ++k) {
                    const std::string_view token = tokens.folded(i + k);
                    const std::string& term = terms.folded[k];
                    match = (terms.prefix && k + 1 == size) ? token.substr(0, term.size()) == term
                                                            : token == term;
                }
                if (match)
                    instances.push_back(
                        {static_cast<int>(i), static_cast<int>(i + size - 1), static_cast<int>(p)});
            }
        }
        std::sort(instances.begin(), instances.end(), [](const Instance& a, const Instance& b) {
            return a.first != b.first ? a.first < b.first : a.last < b.last;
        });
        return instances;
    }

    // The score of the window of kSnippetTokens starting at token `from`, and in `centred`
    // the start that centres its matches.
    int score(const std::vector<Instance>& instances, int from, int count, int* centred) const
    {
        std::vector<char> seen(m_phrases.size(), 0);
        int total = 0;
        int firstHit = -1;
        int endHit = 0;
        for (const Instance& instance : instances) {
            if (instance.first < from || instance.first >= from + kSnippetTokens)
                continue;
            char& phraseSeen = seen[static_cast<std::size_t>(instance.phrase)];
            total += phraseSeen ? 1 : 1000;
            phraseSeen = 1;
            if (firstHit < 0)
                firstHit = instance.first;
            endHit = instance.last + 1;
        }
        if (centred) {
            int adjusted = firstHit - (kSnippetTokens - (endHit - firstHit)) / 2;
            if (adjusted + kSnippetTokens > count)
                adjusted = count - kSnippetTokens;
            *centred = std::max(adjusted, 0);
        }
        return total;
    }

    // Where a sentence or an item starts: after ".", ":", "!", "?" or a newline, ignoring spaces.
    static bool startsSentence(const QByteArray& text, const Tokens& tokens, std::size_t i)
    {
        if (i == 0)
            return true;
        for (int at = tokens.list[i].start - 1; at >= tokens.list[i - 1].end; --at) {
            const char c = text[at];
            if (c == ' ' || c == '\t' || c == '\r')
                continue;
            return c == '.' || c == ':' || c == '!' || c == '?' || c == '\n';
        }
        return false;
    }

    int bestWindow(const QByteArray& text, const Tokens& tokens, const std::vector<Instance>& instances) const
    {
        const int count = static_cast<int>(tokens.list.size());
        std::vector<int> sentences;
        if (count > kSnippetTokens) {
            for (std::size_t i = 0; i < tokens.list.size(); ++i) {
                if (startsSentence(text, tokens, i))
                    sentences.push_back(static_cast<int>(i));
            }
        }
        int best = -1;
        int bestStart = 0;
        for (const Instance& instance : instances) {
            int centred = 0;
            const int centredScore = score(instances, instance.first, count, &centred);
            if (centredScore > best) {
                best = centredScore;
                bestStart = centred;
            }
            // The sentence holding this match, if it starts before it.
            const auto next = std::upper_bound(sentences.begin(), sentences.end(), instance.first);
            if (next != sentences.begin() && *(next - 1) < instance.first) {
                const int sentence = *(next - 1);
                const int sentenceScore =
                    score(instances, sentence, count, nullptr) + (sentence == 0 ? 120 : 100);
                if (sentenceScore > best) {
                    best = sentenceScore;
                    bestStart = sentence;
                }
            }
        }
        return bestStart;
    }

    std::vector<Terms> m_phrases;
    QByteArray m_open;
    QByteArray m_close;
};

// ---- Running a query -----------------------------------------------------------------------

} // namespace

const char* FullTextIndex::createTableSql()
{
    // content='': the text lives in the documents' rows, not twice (see the header).
    // automerge 16 rather than FTS5's 4: FTS5 writes each transaction's terms as a new
    // segment and merges segments in the background of later writes; merging when 16 (not 4)
    // are alike rewrites each term fewer times (batched saves of 100,000 documents ran ~25%
    // faster), like Lucene's merge factor of 10, and queries on 100,000 documents were no
    // slower (bench/FullTextBench.cpp). The setting is stored in the file.
    // hashsize 4 MiB rather than 1 MiB: FTS5 also writes its pending terms out as a segment
    // whenever they pass this size inside a transaction. A replication batch (500 documents of
    // ~1 KB) passed 1 MiB and was written as two segments, so twice as many segments to merge
    // later; with 4 MiB it is one, and the initial pull of 100,000 documents took 11 % less CPU
    // (bench/ReplicationBench.cpp). The terms of one transaction may take up to this much memory.
    // detail stays full: quoted phrases need positions, and sen_rank counts each phrase's
    // occurrences, which a contentless table without positions cannot give.
    return "CREATE VIRTUAL TABLE fulltext USING fts5(body, tokenize='sen', content='', columnsize=0);"
           "INSERT INTO fulltext(fulltext, rank) VALUES ('automerge', 16);"
           "INSERT INTO fulltext(fulltext, rank) VALUES ('hashsize', 4194304);";
}

Status FullTextIndex::insertText(std::int64_t docId, const QByteArray& text)
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.cached("INSERT INTO fulltext(rowid, body) VALUES (?1, ?2)"));
    return stmt->bind(1, docId).bindText(2, text).exec();
}

// The FTS5 'delete' command, not "DELETE FROM fulltext": a contentless table cannot find the
// text to remove by itself, and a DELETE statement opens a statement journal, whose savepoint
// makes FTS5 flush its pending terms to disk (see sql/SqlTransaction.h): batched saves would
// write the index in tiny segments.
Status FullTextIndex::deleteText(std::int64_t docId, const QByteArray& text)
{
    SEN_ASSIGN_OR_RETURN(
        auto stmt, m_db.cached("INSERT INTO fulltext(fulltext, rowid, body) VALUES ('delete', ?1, ?2)"));
    return stmt->bind(1, docId).bindText(2, text).exec();
}

Result<std::optional<QByteArray>> FullTextIndex::attachmentText(std::int64_t docId) const
{
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.cached("SELECT text FROM fulltext_attachments WHERE doc_id = ?1"));
    stmt->bind(1, docId);
    SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
    std::optional<QByteArray> text;
    if (row)
        text = stmt->blob(0);
    stmt->reset();
    return text;
}

Status FullTextIndex::add(std::int64_t docId, QByteArrayView items)
{
    // A new row has no attachment text: the attachment indexer comes later, and a reused row
    // id's went with the deleted row (the trigger fulltext_attachments_follow_documents). So
    // no lookup here, on the path of every document a sync brings.
    SEN_ASSIGN_OR_RETURN(const bool covered, covers(docId));
    if (!covered)
        return Status::ok(); // a deferred build indexes it
    SEN_ASSIGN_OR_RETURN(const QByteArray text, indexedTextOf(items));
    if (text.isEmpty())
        return Status::ok(); // nothing to find; no row keeps the index smaller
    return insertText(docId, text);
}

Status FullTextIndex::update(std::int64_t docId, QByteArrayView before, QByteArrayView after)
{
    SEN_ASSIGN_OR_RETURN(const bool covered, covers(docId));
    if (!covered)
        return Status::ok(); // a deferred build indexes the row as it will be then
    SEN_ASSIGN_OR_RETURN(const QByteArray oldOwn, indexedTextOf(before));
    SEN_ASSIGN_OR_RETURN(const QByteArray newOwn, indexedTextOf(after));
    if (oldOwn == newOwn)
        return Status::ok(); // e.g. an edit of a date or a number
    // The attachment text stays as it is until the attachment indexer's next pass
    // (client/app/AttachmentTextIndexer.h) sees the new version.
    SEN_ASSIGN_OR_RETURN(const std::optional<QByteArray> attached, attachmentText(docId));
    const QByteArray old = joined(oldOwn, attached.value_or(QByteArray()));
    const QByteArray text = joined(newOwn, attached.value_or(QByteArray()));
    if (!old.isEmpty())
        SEN_TRY(deleteText(docId, old));
    if (!text.isEmpty())
        SEN_TRY(insertText(docId, text));
    return Status::ok();
}

Status FullTextIndex::forgetAttachments(std::int64_t docId)
{
    SEN_ASSIGN_OR_RETURN(auto text, m_db.cached("DELETE FROM fulltext_attachments WHERE doc_id = ?1"));
    SEN_TRY(text->bind(1, docId).exec());
    SEN_ASSIGN_OR_RETURN(auto files, m_db.cached("DELETE FROM fulltext_attachment_files WHERE doc_id = ?1"));
    return files->bind(1, docId).exec();
}

Status FullTextIndex::remove(std::int64_t docId, QByteArrayView before)
{
    SEN_ASSIGN_OR_RETURN(const std::optional<QByteArray> attached, attachmentText(docId));
    if (attached)
        SEN_TRY(forgetAttachments(docId));
    SEN_ASSIGN_OR_RETURN(const bool covered, covers(docId));
    if (!covered)
        return Status::ok(); // nothing indexed yet
    SEN_ASSIGN_OR_RETURN(const QByteArray own, indexedTextOf(before));
    const QByteArray old = joined(own, attached.value_or(QByteArray()));
    if (old.isEmpty())
        return Status::ok();
    return deleteText(docId, old);
}

Status FullTextIndex::setAttachmentText(std::int64_t docId, QByteArrayView items, const AttachmentText& text)
{
    SEN_ASSIGN_OR_RETURN(const bool covered, covers(docId));
    SEN_ASSIGN_OR_RETURN(const std::optional<QByteArray> attached, attachmentText(docId));
    const QByteArray before = attached.value_or(QByteArray());
    // A row a deferred build has not reached: only the record changes, which the build reads.
    if (covered && before != text.text) {
        SEN_ASSIGN_OR_RETURN(const QByteArray own, indexedTextOf(items));
        const QByteArray old = joined(own, before);
        const QByteArray now = joined(own, text.text);
        if (!old.isEmpty())
            SEN_TRY(deleteText(docId, old));
        if (!now.isEmpty())
            SEN_TRY(insertText(docId, now));
    }
    if (attached)
        SEN_TRY(forgetAttachments(docId));
    if (text.files.empty() && text.waiting == 0)
        return Status::ok();
    SEN_ASSIGN_OR_RETURN(auto put, m_db.cached("INSERT INTO fulltext_attachments(doc_id, waiting, text) "
                                               "VALUES (?1, ?2, ?3)"));
    SEN_TRY(put->bind(1, docId).bind(2, text.waiting).bindText(3, text.text).exec());
    SEN_ASSIGN_OR_RETURN(auto file,
                         m_db.cached("INSERT OR IGNORE INTO fulltext_attachment_files(hash, doc_id) "
                                     "VALUES (?1, ?2)"));
    for (const crypto::Sha256Digest& hash : text.files) {
        SEN_TRY(file->bind(1, hash.toBytes()).bind(2, docId).exec());
        file->reset();
    }
    return Status::ok();
}

// ---- Deferred build -------------------------------------------------------------------------

namespace {
constexpr char kMarkKey[] = "fulltext_built_through";
}

Result<std::optional<std::int64_t>> FullTextIndex::builtThrough() const
{
    const bool inTransaction = m_db.inTransaction();
    if (inTransaction && m_mark.valid && m_mark.transaction == m_db.transactionSerial())
        return m_mark.through;
    SEN_ASSIGN_OR_RETURN(auto stmt, m_db.cached("SELECT value FROM meta WHERE key = ?1"));
    stmt->bindText(1, QByteArray(kMarkKey));
    SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
    std::optional<std::int64_t> through;
    if (row)
        through = stmt->int64(0);
    stmt->reset();
    // Outside a transaction each statement sees the latest commit: nothing to keep.
    if (inTransaction)
        m_mark = Mark{true, m_db.transactionSerial(), through};
    return through;
}

Status FullTextIndex::setBuiltThrough(std::optional<std::int64_t> through)
{
    if (through) {
        SEN_ASSIGN_OR_RETURN(auto put, m_db.cached("INSERT INTO meta(key, value) VALUES (?1, ?2) "
                                                   "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
        SEN_TRY(put->bindText(1, QByteArray(kMarkKey)).bind(2, *through).exec());
    } else {
        SEN_ASSIGN_OR_RETURN(auto drop, m_db.cached("DELETE FROM meta WHERE key = ?1"));
        SEN_TRY(drop->bindText(1, QByteArray(kMarkKey)).exec());
    }
    m_mark = Mark{m_db.inTransaction(), m_db.transactionSerial(), through};
    return Status::ok();
}

Result<bool> FullTextIndex::covers(std::int64_t docId) const
{
    SEN_ASSIGN_OR_RETURN(const std::optional<std::int64_t> through, builtThrough());
    return !through || docId <= *through;
}

Status FullTextIndex::deferBuild()
{
    SEN_ASSIGN_OR_RETURN(const std::optional<std::int64_t> through, builtThrough());
    if (through)
        return Status::ok();
    // Every row there is now is indexed; new rows get higher ids (SQLite's max + 1).
    SEN_ASSIGN_OR_RETURN(const std::int64_t last,
                         m_db.queryInt("SELECT coalesce(max(id), 0) FROM documents"));
    return setBuiltThrough(last);
}

Result<bool> FullTextIndex::buildSome(int maxDocs)
{
    SEN_ASSIGN_OR_RETURN(const std::optional<std::int64_t> through, builtThrough());
    if (!through)
        return true;
    // Each row as it is now, with the attachment text recorded for it (setAttachmentText
    // records it for a row the build has not reached).
    SEN_ASSIGN_OR_RETURN(auto rows, m_db.cached("SELECT documents.id, documents.items, attached.text,"
                                                "       documents.flags"
                                                "  FROM documents"
                                                "  LEFT JOIN fulltext_attachments AS attached"
                                                "    ON attached.doc_id = documents.id"
                                                " WHERE documents.id > ?1 ORDER BY documents.id LIMIT ?2"));
    rows->bind(1, *through).bind(2, maxDocs);
    std::int64_t last = *through;
    int count = 0;
    for (;;) {
        SEN_ASSIGN_OR_RETURN(const bool row, rows->step());
        if (!row)
            break;
        last = rows->int64(0);
        ++count;
        SEN_ASSIGN_OR_RETURN(QByteArray own,
                             indexedTextOf(fts::indexedItems(rows->int64(3) & Deleted, rows->blobView(1))));
        const QByteArray text = joined(std::move(own), rows->blob(2));
        if (!text.isEmpty()) {
            const Status inserted = insertText(last, text);
            if (!inserted.isOk()) {
                rows->reset();
                return inserted;
            }
        }
    }
    rows->reset();
    const bool complete = count < maxDocs;
    SEN_TRY(setBuiltThrough(complete ? std::nullopt : std::optional<std::int64_t>(last)));
    return complete;
}

Result<std::optional<FullTextIndex::BuildProgress>> FullTextIndex::buildProgress() const
{
    SEN_ASSIGN_OR_RETURN(const std::optional<std::int64_t> through, builtThrough());
    if (!through)
        return std::optional<BuildProgress>();
    SEN_ASSIGN_OR_RETURN(auto stmt,
                         m_db.cached("SELECT count(*), count(*) FILTER (WHERE id <= ?1) FROM documents"));
    stmt->bind(1, *through);
    SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
    BuildProgress progress;
    if (row) {
        progress.total = stmt->int64(0);
        progress.indexed = stmt->int64(1);
    }
    stmt->reset();
    return std::optional<BuildProgress>(progress);
}

Result<std::vector<SearchHit>> FullTextIndex::search(const QString& query, const SearchOptions& options) const
{
    std::vector<SearchHit> hits;
    const std::vector<Phrase> phrases = parseQuery(query);
    // The filter words follow the ranked phrases in the match (sen_rank ranks the first
    // phrases.size() of them), each a prefix, never a phrase.
    std::vector<Phrase> matched = phrases;
    for (const QString& filter : options.filterWords) {
        for (const Phrase& parsed : parseQuery(filter)) {
            for (const QString& word : parsed.words)
                matched.push_back(Phrase{{word}, false, true});
        }
    }
    if (matched.empty() || options.limit <= 0)
        return hits;

    // One statement: rank every match with sen_rank() (see SenTokenizer.cpp for why not
    // bm25(); the phrases' document counts come first) and cut the page, then join the page's rows for their
    // UNIDs and items. The join waits until the page is cut, since before it would cost a lookup per match;
    // SQLite does not flatten a subquery with a LIMIT. Ties go to the newer row, so pages are stable. A row
    // without a document is dropped after the cut; that cannot happen while the index is written in the same
    // transaction as the document, so pages are full in practice.
    QString frequencies; // a one-phrase query needs none
    if (phrases.size() > 1) {
        SEN_ASSIGN_OR_RETURN(frequencies, phraseFrequencies(m_db, phrases));
    }
    SEN_ASSIGN_OR_RETURN(
        auto stmt, m_db.cached("SELECT hit.id, documents.unid, hit.score, documents.items, attached.text"
                               "  FROM (SELECT rowid AS id, sen_rank(fulltext, ?4, ?5) AS score FROM fulltext"
                               "         WHERE fulltext MATCH ?1"
                               "         ORDER BY score, rowid DESC LIMIT ?2 OFFSET ?3) AS hit"
                               "  JOIN documents ON documents.id = hit.id"
                               "  LEFT JOIN fulltext_attachments AS attached ON attached.doc_id = hit.id"
                               " ORDER BY hit.score, hit.id DESC"));
    stmt->bind(1, matchExpression(matched)).bind(2, options.limit).bind(3, std::max(options.offset, 0));
    stmt->bind(4, frequencies).bind(5, static_cast<std::int64_t>(phrases.size()));
    try {
        const SnippetMaker snippets(phrases, options);
        for (;;) {
            SEN_ASSIGN_OR_RETURN(const bool row, stmt->step());
            if (!row)
                return hits;
            SearchHit hit;
            hit.docId = stmt->int64(0);
            const std::optional<Unid> unid = Unid::fromBytes(stmt->blobView(1));
            if (!unid)
                return Status(ErrorCode::Corruption,
                              QStringLiteral("document %1 has a malformed UNID").arg(hit.docId));
            hit.unid = *unid;
            hit.rank = stmt->real(2);
            // The document's stored items, and its attachments' text, are what the index
            // holds (same transactions).
            auto text = indexedTextOf(stmt->blobView(3));
            if (!text)
                return text.status().withContext(QStringLiteral("document %1").arg(unid->toHex()));
            hit.snippet = snippets.make(joined(std::move(*text), stmt->blob(4)));
            hits.push_back(std::move(hit));
        }
    } catch (const std::bad_alloc&) {
        return Status(ErrorCode::Internal, QStringLiteral("out of memory building snippets"));
    }
}

} // namespace sen
