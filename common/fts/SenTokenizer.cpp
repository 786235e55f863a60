#include "common/fts/SenTokenizer.h"

#include "common/sql/SqlError.h"

#include <QChar>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <new>
#include <sqlite3.h>
#include <string_view>
#include <vector>

namespace sen::fts {

namespace {

// ---- Folding, one character at a time ----------------------------------------------------

enum class Kind : std::uint8_t
{
    Separator,
    Letter,      // L*, N*: starts or continues a token, folded
    DroppedMark, // a combining diacritic: continues a token, adds nothing
    KeptMark,    // any other M*: continues a token, kept as is
};

struct Folded
{
    Kind kind = Kind::Separator;
    std::uint8_t size = 0; // UTF-8 bytes of `folded` (Letter, KeptMark)
    char bytes[4] = {};
    char32_t folded = 0;
};

bool isCombiningDiacritic(char32_t c)
{
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
           (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F);
}

std::uint8_t encodeUtf8(char32_t c, char* out)
{
    if (c < 0x80) {
        out[0] = static_cast<char>(c);
        return 1;
    }
    if (c < 0x800) {
        out[0] = static_cast<char>(0xC0 | (c >> 6));
        out[1] = static_cast<char>(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        out[0] = static_cast<char>(0xE0 | (c >> 12));
        out[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out[2] = static_cast<char>(0x80 | (c & 0x3F));
        return 3;
    }
    out[0] = static_cast<char>(0xF0 | (c >> 18));
    out[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out[3] = static_cast<char>(0x80 | (c & 0x3F));
    return 4;
}

// The letter without its diacritics: the first character of its full canonical
// decomposition ("ấ" -> "â" + acute -> "a" + circumflex + acute -> "a").
char32_t baseLetter(char32_t c)
{
    if (c == 0x0111) // đ: the stroke is part of the letter, so Unicode does not decompose it
        return U'd';
    while (QChar::decompositionTag(c) == QChar::Canonical) {
        const QString decomposed = QChar::decomposition(c);
        if (decomposed.isEmpty())
            break;
        c = decomposed.size() > 1 && decomposed[0].isHighSurrogate()
                ? QChar::surrogateToUcs4(decomposed[0], decomposed[1])
                : decomposed[0].unicode();
    }
    return c;
}

Folded classify(char32_t c, bool removeDiacritics)
{
    Folded f;
    switch (QChar::category(c)) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Number_DecimalDigit:
    case QChar::Number_Letter:
    case QChar::Number_Other:
        f.kind = Kind::Letter;
        f.folded = QChar::toLower(c);
        if (removeDiacritics)
            f.folded = QChar::toLower(baseLetter(f.folded));
        break;
    case QChar::Mark_NonSpacing:
    case QChar::Mark_SpacingCombining:
    case QChar::Mark_Enclosing:
        f.kind = isCombiningDiacritic(c) ? Kind::DroppedMark : Kind::KeptMark;
        f.folded = c;
        break;
    default:
        return f;
    }
    if (f.kind != Kind::DroppedMark)
        f.size = encodeUtf8(f.folded, f.bytes);
    return f;
}

// Latin (with every Vietnamese letter) by table, computed once from Qt's Unicode data; the
// rest of Unicode through classify() on the way.
class FoldTable
{
public:
    static constexpr char32_t kLatinEnd = 0x0250;      // Basic Latin .. Latin Extended-B
    static constexpr char32_t kExtendedStart = 0x1E00; // Latin Extended Additional (Vietnamese)
    static constexpr char32_t kExtendedEnd = 0x1F00;

    FoldTable()
    {
        for (char32_t c = 0; c < kLatinEnd; ++c)
            m_entries[c] = classify(c, true);
        for (char32_t c = kExtendedStart; c < kExtendedEnd; ++c)
            m_entries[kLatinEnd + (c - kExtendedStart)] = classify(c, true);
        m_entries[0] = Folded(); // NUL always separates, whatever its category
        for (unsigned char c = 0; c < 0x80; ++c)
            m_ascii[c] = m_entries[c].kind == Kind::Letter ? m_entries[c].bytes[0] : '\0';
    }

    // An ASCII character's folded form, or 0 for a separator.
    char asciiFold(unsigned char c) const { return m_ascii[c]; }
    const Folded* find(char32_t c) const
    {
        if (c < kLatinEnd)
            return &m_entries[c];
        if (c >= kExtendedStart && c < kExtendedEnd)
            return &m_entries[kLatinEnd + (c - kExtendedStart)];
        return nullptr;
    }

    // The non-ASCII character at s[i] (i < size): its fold, and in `length` its length.
    // `slow` holds the fold of a character outside the table.
    const Folded& lookup(const unsigned char* s, int i, int size, int& length, Folded& slow) const;

private:
    Folded m_entries[kLatinEnd + (kExtendedEnd - kExtendedStart)];
    char m_ascii[0x80];
};

const FoldTable& foldTable()
{
    static const FoldTable table;
    return table;
}

Folded foldChar(char32_t c)
{
    const Folded* f = foldTable().find(c);
    return f ? *f : classify(c, false);
}

// Decodes the character at s[i] (i < size) into `c` and returns its length. A malformed or
// truncated sequence, an overlong form or a surrogate is one byte of U+FFFD (a separator).
inline int decodeUtf8(const unsigned char* s, int i, int size, char32_t& c)
{
    const unsigned char b = s[i];
    // Fast paths for the 2- and 3-byte forms that hold every Vietnamese letter.
    if (b >= 0xC2 && b <= 0xDF && i + 1 < size && (s[i + 1] & 0xC0) == 0x80) {
        c = (char32_t(b & 0x1F) << 6) | (s[i + 1] & 0x3F);
        return 2;
    }
    if (b >= 0xE1 && b <= 0xEC && i + 2 < size && (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
        c = (char32_t(b & 0x0F) << 12) | (char32_t(s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
        return 3;
    }
    int length = 0;
    char32_t min = 0;
    if (b >= 0xC2 && b <= 0xDF) {
        length = 2;
        c = b & 0x1F;
        min = 0x80;
    } else if (b >= 0xE0 && b <= 0xEF) {
        length = 3;
        c = b & 0x0F;
        min = 0x800;
    } else if (b >= 0xF0 && b <= 0xF4) {
        length = 4;
        c = b & 0x07;
        min = 0x10000;
    } else {
        c = 0xFFFD;
        return 1;
    }
    if (size - i < length) {
        c = 0xFFFD;
        return 1;
    }
    for (int k = 1; k < length; ++k) {
        const unsigned char next = s[i + k];
        if ((next & 0xC0) != 0x80) {
            c = 0xFFFD;
            return 1;
        }
        c = (c << 6) | (next & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
        c = 0xFFFD;
        return 1;
    }
    return length;
}

inline const Folded& FoldTable::lookup(const unsigned char* s, int i, int size, int& length,
                                       Folded& slow) const
{
    // Straight from the bytes for the two ranges of Vietnamese letters: U+0080-U+023F is
    // C2-C8 and one continuation byte, U+1E00-U+1EFF is E1 B8-BB and two.
    const unsigned char b = s[i];
    if (b >= 0xC2 && b <= 0xC8 && i + 1 < size && (s[i + 1] & 0xC0) == 0x80) {
        length = 2;
        return m_entries[((b & 0x1F) << 6) | (s[i + 1] & 0x3F)];
    }
    if (b == 0xE1 && i + 2 < size && (s[i + 1] & 0xFC) == 0xB8 && (s[i + 2] & 0xC0) == 0x80) {
        length = 3;
        return m_entries[kLatinEnd + (((s[i + 1] & 0x03) << 6) | (s[i + 2] & 0x3F))];
    }
    char32_t c = 0;
    length = decodeUtf8(s, i, size, c);
    if (const Folded* f = find(c))
        return *f;
    slow = classify(c, false);
    return slow;
}

// ---- Tokens ------------------------------------------------------------------------------

// The tokenizer, calling `emit(token, size, start, end)` for each token (a template, so that
// FTS5's callback is called straight, without a second indirection per token).
template <typename Emit>
int tokenizeWith(const char* text, int size, Emit&& emit)
{
    if (size <= 0)
        return SQLITE_OK;
    const auto* s = reinterpret_cast<const unsigned char*>(text);
    const FoldTable& table = foldTable();

    // The folded token is built in `out`. Folding never makes text longer than 1.5 times its
    // UTF-8 (a 2-byte letter may lowercase to 3 bytes, as U+023A to U+2C65), so twice the
    // input size is always enough and the loop needs no bounds checks.
    const std::size_t capacity = 2 * static_cast<std::size_t>(size) + 8;
    char onStack[2048];
    std::unique_ptr<char[]> onHeap;
    if (capacity > sizeof onStack) {
        onHeap.reset(new (std::nothrow) char[capacity]);
        if (!onHeap)
            return SQLITE_NOMEM;
    }
    char* const buffer = onHeap ? onHeap.get() : onStack;

    Folded slow;
    int i = 0;
    for (;;) {
        // Skip separators (and marks, which never start a token) to the token's first letter.
        const Folded* f = nullptr;
        int length = 1;
        for (;; i += length) {
            if (i >= size)
                return SQLITE_OK;
            if (s[i] < 0x80) {
                length = 1;
                if (table.asciiFold(s[i]))
                    break;
                continue;
            }
            f = &table.lookup(s, i, size, length, slow);
            if (f->kind == Kind::Letter)
                break;
        }
        const int start = i;
        int end = i;
        char* out = buffer;
        // The token: letters, digits and marks, folded.
        while (i < size) {
            const unsigned char b = s[i];
            if (b < 0x80) {
                const char folded = table.asciiFold(b);
                if (!folded)
                    break;
                *out++ = folded;
                end = ++i;
                continue;
            }
            f = &table.lookup(s, i, size, length, slow);
            if (f->kind == Kind::Separator)
                break;
            // All four bytes, of which `size` count (none for a dropped mark): the buffer's
            // 8 spare bytes take the rest.
            std::memcpy(out, f->bytes, sizeof f->bytes);
            out += f->size;
            i += length;
            end = i;
        }
        if (const int rc = emit(buffer, static_cast<int>(out - buffer), start, end))
            return rc;
    }
}

// ---- The FTS5 tokenizer --------------------------------------------------------------------

using Fts5TokenCallback = int (*)(void*, int, const char*, int, int, int);

// One instance per FTS5 table. The tokenizer keeps no state, so every instance is the same
// placeholder.
int createInstance(void*, const char**, int argCount, Fts5Tokenizer** out)
{
    static char instance = 0;
    *out = nullptr;
    // No options: the folding is part of the file format (see the header).
    if (argCount != 0)
        return SQLITE_ERROR;
    *out = reinterpret_cast<Fts5Tokenizer*>(&instance);
    return SQLITE_OK;
}

void deleteInstance(Fts5Tokenizer*) {}

// Documents, queries (FTS5_TOKENIZE_QUERY, with or without FTS5_TOKENIZE_PREFIX) and
// auxiliary functions all get the same tokens: the folding needs no synonyms, and a prefix
// query's last token is folded like a whole one ("Đả"* is "da"*).
int tokenize(Fts5Tokenizer*, void* context, int, const char* text, int size, Fts5TokenCallback callback)
{
    return tokenizeWith(text, size, [&](const char* token, int tokenSize, int start, int end) {
        return callback(context, 0, token, tokenSize, start, end);
    });
}

// ---- The ranking function ------------------------------------------------------------------
//
// sen_rank(fulltext [, frequencies [, ranked]]): minus the sum over the query's phrases of
//     idf(phrase) * tf * (k1 + 1) / (tf + k1),     k1 = 1.2,
//     idf = ln(1 + (N - n + 0.5) / (n + 0.5)),     N documents, n of them with the phrase,
// that is BM25 without document-length normalisation (b = 0), negated so that, like bm25(),
// lower is better. Why not bm25(): it reads every matched document's length from the
// docsize table, a B-tree lookup per match, which was two thirds of the query time on
// 100,000 documents (bench/FullTextBench.cpp), and it counts each phrase's documents with
// a second pass over its matches, which for a prefix ("ho*" is hồ, hoạch, hội, ...) costs
// as much as the query. What remains is what users notice: more occurrences rank higher,
// with diminishing returns, and a rare word counts for more than a common one. Length
// matters less here than on the web: documents are mostly forms of similar size.
//
// `frequencies` is the caller's n for each phrase, as text ("81088 1234"); FullTextIndex
// counts whole words, which is cheap, and for the prefix being typed counts the word as
// typed so far. Without it (or for a one-phrase query, where idf cannot change the order)
// every phrase weighs 1.
//
// Word order comes before that score (issue #13): "dang uy" must list "Đảng ủy phường" before
// "Đang xử lý công văn của Huyện ủy", whose words are both there but apart. Each pair of
// phrases typed one after the other that also stands one after the other somewhere in the
// document (the second starting at the token after the first ends) adds a tier, and the whole
// query standing as one run adds one more; a tier is worth kTier, more than any score, so
// documents are ordered by tier, then by score. The positions are those the loop over each
// phrase's matches reads anyway (detail=full), so no other lookup is made.
//
// `ranked` (optional) is how many of the phrases, from the first, are the user's words; the
// others only filter (a fielded search's number or issuer words, FullTextIndex::search) and
// neither score nor make tiers. Without it every phrase is ranked.

constexpr double kK1 = 1.2;
constexpr double kTier = 1e6; // above any sum of idf * tf terms (idf < 13 for 10^5 documents)

struct PhraseWeights
{
    std::vector<double> idf;
    // Scratch space for the positions of each phrase's matches, reused from row to row of
    // the query, so ranking a match allocates nothing once the largest row has been seen.
    std::vector<std::vector<int>> positions;
};

int computeWeights(const Fts5ExtensionApi* api, Fts5Context* fts, int phrases, sqlite3_value* frequencies,
                   PhraseWeights& weights)
{
    sqlite3_int64 rows = 0;
    const int rc = api->xRowCount(fts, &rows);
    if (rc != SQLITE_OK)
        return rc;
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(frequencies));
    const std::string_view list = text ? std::string_view(text) : std::string_view();
    std::size_t at = 0;
    for (int p = 0; p < phrases; ++p) {
        double idf = 1.0;
        while (at < list.size() && list[at] == ' ')
            ++at;
        if (at < list.size()) {
            double n = 0;
            for (; at < list.size() && list[at] >= '0' && list[at] <= '9'; ++at)
                n = 10 * n + (list[at] - '0');
            n = std::min(n, static_cast<double>(rows));
            idf = std::log(1.0 + (static_cast<double>(rows) - n + 0.5) / (n + 0.5));
        }
        weights.idf.push_back(idf);
    }
    return SQLITE_OK;
}

// Whether some match of `first` (positions sorted) is followed by one of `second` starting
// `gap` tokens later: one pass over both lists.
bool followedBy(const std::vector<int>& first, const std::vector<int>& second, int gap)
{
    auto next = second.begin();
    for (const int at : first) {
        while (next != second.end() && *next < at + gap)
            ++next;
        if (next == second.end())
            return false;
        if (*next == at + gap)
            return true;
    }
    return false;
}

bool startsAt(const std::vector<int>& positions, int at)
{
    return std::binary_search(positions.begin(), positions.end(), at);
}

// The word-order tiers of one document (see above): one per pair of consecutive phrases that
// also stand consecutively, and one more when three phrases or more stand as one run.
int orderTiers(const Fts5ExtensionApi* api, Fts5Context* fts, const std::vector<std::vector<int>>& positions)
{
    const std::size_t count = positions.size();
    // Phrases are few (the words typed); their sizes on the stack for up to 16.
    int stackSizes[16];
    std::vector<int> heapSizes(count > 16 ? count : 0);
    int* sizes = count > 16 ? heapSizes.data() : stackSizes;
    for (std::size_t p = 0; p < count; ++p)
        sizes[p] = api->xPhraseSize(fts, static_cast<int>(p));
    int tiers = 0;
    for (std::size_t p = 0; p + 1 < count; ++p) {
        tiers += followedBy(positions[p], positions[p + 1], sizes[p]) ? 1 : 0;
    }
    if (count > 2 && tiers == static_cast<int>(count) - 1) {
        const bool run = std::any_of(positions[0].begin(), positions[0].end(), [&](int at) {
            for (std::size_t p = 1; p < count; ++p) {
                at += sizes[p - 1];
                if (!startsAt(positions[p], at))
                    return false;
            }
            return true;
        });
        tiers += run ? 1 : 0;
    }
    return tiers;
}

void senRank(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* result, int argCount,
             sqlite3_value** args)
{
    int phrases = api->xPhraseCount(fts);
    if (argCount > 1 && sqlite3_value_type(args[1]) == SQLITE_INTEGER)
        phrases = std::clamp(sqlite3_value_int(args[1]), 0, phrases);
    PhraseWeights* weights = nullptr;
    if (phrases > 1 && argCount > 0) {
        weights = static_cast<PhraseWeights*>(api->xGetAuxdata(fts, 0));
        if (!weights) {
            auto* computed = new (std::nothrow) PhraseWeights;
            if (!computed) {
                sqlite3_result_error_nomem(result);
                return;
            }
            int rc = SQLITE_NOMEM;
            try {
                rc = computeWeights(api, fts, phrases, args[0], *computed);
            } catch (const std::bad_alloc&) {
            }
            if (rc == SQLITE_OK)
                rc = api->xSetAuxdata(fts, computed, [](void* p) { delete static_cast<PhraseWeights*>(p); });
            else
                delete computed;
            if (rc != SQLITE_OK) {
                sqlite3_result_error_code(result, rc);
                return;
            }
            weights = computed;
        }
    }
    double score = 0;
    // The positions of each phrase's matches, in text order (one column: the offsets).
    std::vector<std::vector<int>> local;
    std::vector<std::vector<int>>& positions = weights ? weights->positions : local;
    try {
        positions.resize(phrases > 1 ? static_cast<std::size_t>(phrases) : 0);
        for (std::vector<int>& list : positions)
            list.clear();
        for (int p = 0; p < phrases; ++p) {
            Fts5PhraseIter it;
            int column = 0;
            int offset = 0;
            int tf = 0;
            const int rc = api->xPhraseFirst(fts, p, &it, &column, &offset);
            if (rc != SQLITE_OK) {
                sqlite3_result_error_code(result, rc);
                return;
            }
            for (; column >= 0; api->xPhraseNext(fts, &it, &column, &offset)) {
                ++tf;
                if (!positions.empty())
                    positions[static_cast<std::size_t>(p)].push_back(offset);
            }
            const double idf = weights ? weights->idf[static_cast<std::size_t>(p)] : 1.0;
            score += idf * tf * (kK1 + 1) / (tf + kK1);
        }
        if (!positions.empty())
            score += kTier * orderTiers(api, fts, positions);
    } catch (const std::bad_alloc&) {
        sqlite3_result_error_nomem(result);
        return;
    }
    sqlite3_result_double(result, -score);
}

Result<fts5_api*> fts5Api(sqlite3* db)
{
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr);
    if (rc != SQLITE_OK) {
        // No fts5() function: this SQLite was built without FTS5.
        Status status = sql::statusFromSqlite(db, rc, "fts5 api");
        return Status(ErrorCode::Unsupported, status.message());
    }
    fts5_api* api = nullptr;
    sqlite3_bind_pointer(stmt, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    rc = sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return sql::statusFromSqlite(db, rc, "fts5 api");
    if (!api)
        return Status(ErrorCode::Unsupported, QStringLiteral("SQLite has no FTS5 API"));
    return api;
}

} // namespace

int tokenizeUtf8(const char* text, int size, void* context, TokenSink sink)
{
    return tokenizeWith(text, size, [&](const char* token, int tokenSize, int start, int end) {
        return sink(context, token, tokenSize, start, end);
    });
}

QString foldForSearch(const QString& text)
{
    QString folded;
    folded.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t c = text[i].unicode();
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            c = QChar::surrogateToUcs4(text[i], text[i + 1]);
            ++i;
        }
        const Folded f = foldChar(c);
        switch (f.kind) {
        case Kind::Letter:
        case Kind::KeptMark:
            c = f.folded;
            break;
        case Kind::DroppedMark:
            continue;
        case Kind::Separator:
            break;
        }
        if (QChar::requiresSurrogates(c)) {
            folded.append(QChar(QChar::highSurrogate(c)));
            folded.append(QChar(QChar::lowSurrogate(c)));
        } else {
            folded.append(QChar(static_cast<char16_t>(c)));
        }
    }
    return folded;
}

Status registerTokenizer(sqlite3* db)
{
    SEN_ASSIGN_OR_RETURN(auto api, fts5Api(db));
    fts5_tokenizer sen{};
    sen.xCreate = createInstance;
    sen.xDelete = deleteInstance;
    sen.xTokenize = tokenize;
    int rc = api->xCreateTokenizer(api, "sen", nullptr, &sen, nullptr);
    if (rc != SQLITE_OK)
        return sql::statusFromSqlite(db, rc, "registering the sen tokenizer");
    rc = api->xCreateFunction(api, "sen_rank", nullptr, senRank, nullptr);
    if (rc != SQLITE_OK)
        return sql::statusFromSqlite(db, rc, "registering sen_rank");
    return Status::ok();
}

} // namespace sen::fts
