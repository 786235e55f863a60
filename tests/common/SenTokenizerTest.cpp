// The "sen" tokenizer on its own: Vietnamese folding (đ/Đ included) against SQLite's
// unicode61, token offsets, bad input, other scripts, and the GUI's foldForSearch.

#include "tests/common/FullTextFixture.h"

using namespace sen;
using namespace sen::test;

namespace {

struct Token
{
    QString folded;
    int start;
    int end;
    friend bool operator==(const Token&, const Token&) = default;
};

std::vector<Token> tokensOf(const QByteArray& utf8)
{
    std::vector<Token> tokens;
    const auto sink = [](void* context, const char* token, int size, int start, int end) {
        static_cast<std::vector<Token>*>(context)->push_back({QString::fromUtf8(token, size), start, end});
        return 0;
    };
    REQUIRE(fts::tokenizeUtf8(utf8.constData(), static_cast<int>(utf8.size()), &tokens, sink) == 0);
    return tokens;
}

int utf8Size(const QString& text)
{
    return static_cast<int>(text.toUtf8().size());
}

} // namespace

TEST_CASE("The sen tokenizer gives the terms of unicode61 remove_diacritics 2, with đ folded too", "[fts]")
{
    // The tokenizer replaced a wrapper around SQLite's unicode61: on Vietnamese and other
    // Latin text, composed and decomposed, it yields the same terms, except that đ is d.
    IndexFixture fixture;
    auto& db = fixture.db();
    REQUIRE(db.exec("CREATE VIRTUAL TABLE plain USING fts5(body, tokenize='unicode61 remove_diacritics 2');"
                    "CREATE VIRTUAL TABLE temp.plain_vocab USING fts5vocab(main, plain, row);")
                .isOk());
    QString text = QStringLiteral(
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015; QUYẾT ĐỊNH: Điều 1. Phê duyệt "
        "kế hoạch (số 12/KH-UBND) về việc triển khai Nghị quyết; Ủy ban nhân dân tỉnh Đắk Lắk, "
        "Bà Rịa–Vũng Tàu, Thừa Thiên Huế. Café, naïve, Ångström, façade, Œuvre, Straße, Ærø, "
        "Łódź, Dvořák, İstanbul, ŞİŞLİ, ǅemal, x²+y³, ½, 4th, A1b2_c3, e-mail user@example.com");
    text += u' ' + text.normalized(QString::NormalizationForm_D);
    auto insert = db.prepare("INSERT INTO plain(body) VALUES (?1)");
    REQUIRE(insert.isOk());
    REQUIRE(insert->bind(1, text).exec().isOk());
    auto stmt = db.prepare("SELECT term FROM temp.plain_vocab");
    REQUIRE(stmt.isOk());
    QSet<QString> expected;
    while (stmt->step().valueOr(false))
        expected.insert(stmt->text(0).replace(QChar(u'\u0111'), u'd'));

    fixture.addText(text);
    CHECK(fixture.vocabulary() == expected);
}

TEST_CASE("Token offsets point into the original text, combining marks included", "[fts]")
{
    // Snippets cut the original text at the offsets the tokenizer reports: they cover each
    // word as written, composed or decomposed, and only the word.
    const QString composed = QStringLiteral("Đảng ỦY, quyết-định");
    CHECK(tokensOf(composed.toUtf8()) ==
          std::vector<Token>{
              {QStringLiteral("dang"), 0, utf8Size(QStringLiteral("Đảng"))},
              {QStringLiteral("uy"), utf8Size(QStringLiteral("Đảng ")), utf8Size(QStringLiteral("Đảng ỦY"))},
              {QStringLiteral("quyet"), utf8Size(QStringLiteral("Đảng ỦY, ")),
               utf8Size(QStringLiteral("Đảng ỦY, quyết"))},
              {QStringLiteral("dinh"), utf8Size(QStringLiteral("Đảng ỦY, quyết-")), utf8Size(composed)}});

    const QString decomposed = QStringLiteral("Tuyệt mật").normalized(QString::NormalizationForm_D);
    const qsizetype space = decomposed.indexOf(u' ');
    CHECK(tokensOf(decomposed.toUtf8()) ==
          std::vector<Token>{
              {QStringLiteral("tuyet"), 0, utf8Size(decomposed.left(space))},
              {QStringLiteral("mat"), utf8Size(decomposed.left(space + 1)), utf8Size(decomposed)}});
}

TEST_CASE("Bad input: marks without a letter, malformed UTF-8 and NUL separate tokens", "[fts]")
{
    // A combining mark never starts a token; a byte that is not UTF-8, a truncated sequence,
    // an encoded surrogate and NUL are separators; nothing is read past the end.
    CHECK(tokensOf(QByteArray("\xCC\x81"
                              "abc")) == std::vector<Token>{{QStringLiteral("abc"), 2, 5}});
    CHECK(tokensOf(QByteArray("ab\xFF"
                              "cd")) ==
          std::vector<Token>{{QStringLiteral("ab"), 0, 2}, {QStringLiteral("cd"), 3, 5}});
    CHECK(tokensOf(QByteArray("ab\xED\xA0\x80"
                              "cd")) ==
          std::vector<Token>{{QStringLiteral("ab"), 0, 2}, {QStringLiteral("cd"), 5, 7}});
    CHECK(tokensOf(QByteArray("ab\0cd", 5)) ==
          std::vector<Token>{{QStringLiteral("ab"), 0, 2}, {QStringLiteral("cd"), 3, 5}});
    CHECK(tokensOf(QByteArray("ab\xE1\xBA")) == std::vector<Token>{{QStringLiteral("ab"), 0, 2}});
    CHECK(tokensOf(QByteArray("\xC3")).empty());
    CHECK(tokensOf(QByteArray()).empty());
}

TEST_CASE("Other scripts are lowercased and keep their own marks", "[fts]")
{
    // Outside Latin the tokenizer only lowercases: Greek keeps its accents, Cyrillic its
    // letters, and an Indic word stays one token with its vowel signs.
    IndexFixture fixture;
    const auto id = fixture.addText(QStringLiteral("ΑΘΉΝΑ Москва हिन्दी"));
    CHECK(fixture.vocabulary() ==
          QSet<QString>{QStringLiteral("αθήνα"), QStringLiteral("москва"), QStringLiteral("हिन्दी")});
    CHECK(fixture.ids(QStringLiteral("МОСКВА")) == QSet<std::int64_t>{id});
    CHECK(fts::foldForSearch(QStringLiteral("ΑΘΉΝΑ Москва")) == QStringLiteral("αθήνα москва"));
}

TEST_CASE("unicode61 with remove_diacritics 2 folds every Vietnamese vowel but not đ", "[fts]")
{
    // The system SQLite's unicode61 tokenizer, which the sen tokenizer wraps, is given every
    // toned vowel in both cases: all fold to their ASCII base, and only đ/Đ survives (which is
    // why the sen tokenizer substitutes it).
    IndexFixture fixture;
    auto& db = fixture.db();
    REQUIRE(db.exec("CREATE VIRTUAL TABLE plain USING fts5(body, tokenize='unicode61 remove_diacritics 2');"
                    "CREATE VIRTUAL TABLE temp.plain_vocab USING fts5vocab(main, plain, row);")
                .isOk());
    QStringList words;
    QSet<QString> expected;
    for (const Letter& l : vietnameseVowels()) {
        words << QStringLiteral("z") + l.letter + QStringLiteral("z");
        expected.insert(QStringLiteral("z") + l.base + QStringLiteral("z"));
    }
    words << QStringLiteral("Đảng ủy Quyết định NGƯỜI thường trực Tuyệt mật");
    // The same words decomposed (NFD), as some editors and pastes produce them.
    words << words.join(u' ').normalized(QString::NormalizationForm_D);
    auto insert = db.prepare("INSERT INTO plain(body) VALUES (?1)");
    REQUIRE(insert.isOk());
    REQUIRE(insert->bind(1, words.join(u' ')).exec().isOk());

    auto stmt = db.prepare("SELECT term FROM temp.plain_vocab");
    REQUIRE(stmt.isOk());
    QSet<QString> terms;
    while (stmt->step().valueOr(false))
        terms.insert(stmt->text(0));

    expected.unite(QSet<QString>{QStringLiteral("đang"), QStringLiteral("uy"), QStringLiteral("quyet"),
                                 QStringLiteral("đinh"), QStringLiteral("nguoi"), QStringLiteral("thuong"),
                                 QStringLiteral("truc"), QStringLiteral("tuyet"), QStringLiteral("mat")});
    CHECK(terms == expected);
}

TEST_CASE("The sen tokenizer folds every Vietnamese letter to ASCII", "[fts]")
{
    // A document holding every toned vowel, đ/Đ and common phrases, composed and decomposed,
    // is indexed under plain ASCII terms only.
    IndexFixture fixture;
    QStringList words;
    QSet<QString> expected;
    for (const Letter& l : vietnameseVowels()) {
        words << QStringLiteral("z") + l.letter + QStringLiteral("z");
        expected.insert(QStringLiteral("z") + l.base + QStringLiteral("z"));
    }
    words << QStringLiteral("zđz zĐz Đảng ủy Quyết định NGƯỜI thường trực Tuyệt mật ĐẠI ĐỘI");
    words << words.join(u' ').normalized(QString::NormalizationForm_D);
    fixture.addText(words.join(u' '));

    expected.unite(QSet<QString>{QStringLiteral("zdz"), QStringLiteral("dang"), QStringLiteral("uy"),
                                 QStringLiteral("quyet"), QStringLiteral("dinh"), QStringLiteral("nguoi"),
                                 QStringLiteral("thuong"), QStringLiteral("truc"), QStringLiteral("tuyet"),
                                 QStringLiteral("mat"), QStringLiteral("dai"), QStringLiteral("doi")});
    const QSet<QString> terms = fixture.vocabulary();
    CHECK(terms == expected);
    for (const QString& term : terms)
        CHECK(isAscii(term));
}

TEST_CASE("foldForSearch lowercases and strips every Vietnamese mark", "[fts]")
{
    // The GUI's folding agrees with the index's: every vowel folds to its base, đ/Đ to d,
    // whether the input is composed or decomposed.
    CHECK(fts::foldForSearch(QStringLiteral("Đảng ủy")) == QStringLiteral("dang uy"));
    CHECK(fts::foldForSearch(QStringLiteral("Quyết định")) == QStringLiteral("quyet dinh"));
    CHECK(fts::foldForSearch(QStringLiteral("NGƯỜI")) == QStringLiteral("nguoi"));
    CHECK(fts::foldForSearch(QStringLiteral("thường trực")) == QStringLiteral("thuong truc"));
    CHECK(fts::foldForSearch(QStringLiteral("Tuyệt mật")) == QStringLiteral("tuyet mat"));
    CHECK(fts::foldForSearch(QStringLiteral("ĐẢNG ỦY").normalized(QString::NormalizationForm_D)) ==
          QStringLiteral("dang uy"));
    CHECK(fts::foldForSearch(QStringLiteral("Số 12/QĐ-TU")) == QStringLiteral("so 12/qd-tu"));
    for (const Letter& l : vietnameseVowels()) {
        INFO(l.letter.toStdString());
        CHECK(fts::foldForSearch(l.letter) == QString(l.base));
    }
}
