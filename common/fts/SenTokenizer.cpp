#include "fts/SenTokenizer.h"

#include "sql/SqlError.h"

#include <new>
#include <sqlite3.h>
#include <string>
#include <utility>
#include <vector>

namespace sen::fts {

namespace {

// unicode61 with remove_diacritics 2 folds every Vietnamese vowel with its tone and shape
// marks (ă â ê ô ơ ư × 5 tones, both cases, composed or decomposed) to ASCII; a test in
// tests/common/FullTextTest.cpp checks this on the system SQLite. Only đ/Đ is left, because
// the stroke is part of the letter, not a combining mark.
constexpr char kArgs[][20] = {"remove_diacritics", "2"};

// What the "sen" module needs to create its inner tokenizers: unicode61 as the FTS5 API
// handed it out. Owned by SQLite (freed by destroyModule when the connection closes).
struct Module
{
    fts5_tokenizer unicode{};
    void* unicodeContext = nullptr;
};

// One "sen" tokenizer instance (one per FTS5 table using it).
struct Instance
{
    const Module* module = nullptr;
    Fts5Tokenizer* inner = nullptr;
};

void destroyModule(void* context)
{
    delete static_cast<Module*>(context);
}

int createInstance(void* context, const char** args, int argCount, Fts5Tokenizer** out)
{
    *out = nullptr;
    const auto* module = static_cast<const Module*>(context);
    // Our arguments first, then any the table definition adds (e.g. tokenchars), so a table
    // can extend but does not need to repeat them.
    std::vector<const char*> all;
    try {
        for (const char* arg : kArgs)
            all.push_back(arg);
        for (int i = 0; i < argCount; ++i)
            all.push_back(args[i]);
    } catch (const std::bad_alloc&) {
        return SQLITE_NOMEM;
    }

    auto* instance = new (std::nothrow) Instance;
    if (!instance)
        return SQLITE_NOMEM;
    instance->module = module;
    const int rc = module->unicode.xCreate(module->unicodeContext, all.data(), static_cast<int>(all.size()),
                                           &instance->inner);
    if (rc != SQLITE_OK) {
        delete instance;
        return rc;
    }
    *out = reinterpret_cast<Fts5Tokenizer*>(instance);
    return SQLITE_OK;
}

void deleteInstance(Fts5Tokenizer* tokenizer)
{
    auto* instance = reinterpret_cast<Instance*>(tokenizer);
    if (!instance)
        return;
    instance->module->unicode.xDelete(instance->inner);
    delete instance;
}

// Whether the UTF-8 text holds a đ (C4 91) or Đ (C4 90); 0xC4 only starts a sequence, so a
// match on the byte pair is always a whole character.
bool hasDStroke(const char* text, int size)
{
    for (int i = 0; i + 1 < size; ++i) {
        if (static_cast<unsigned char>(text[i]) == 0xC4) {
            const auto next = static_cast<unsigned char>(text[i + 1]);
            if (next == 0x90 || next == 0x91)
                return true;
        }
    }
    return false;
}

using TokenCallback = int (*)(void*, int, const char*, int, int, int);

int tokenize(Fts5Tokenizer* tokenizer, void* callbackContext, int flags, const char* text, int size,
             TokenCallback callback)
{
    auto* instance = reinterpret_cast<Instance*>(tokenizer);
    const fts5_tokenizer& unicode = instance->module->unicode;
    if (size <= 0 || !hasDStroke(text, size))
        return unicode.xTokenize(instance->inner, callbackContext, flags, text, size, callback);

    // đ -> ď and Đ -> Ď (C4 8F / C4 8E): same length, so the offsets unicode61 reports into
    // the copy are offsets into the caller's text, and snippets show the original letters.
    std::string copy;
    try {
        copy.assign(text, static_cast<std::size_t>(size));
    } catch (const std::bad_alloc&) {
        return SQLITE_NOMEM;
    }
    for (std::size_t i = 0; i + 1 < copy.size(); ++i) {
        if (static_cast<unsigned char>(copy[i]) != 0xC4)
            continue;
        auto& next = copy[i + 1];
        if (static_cast<unsigned char>(next) == 0x91)
            next = static_cast<char>(0x8F);
        else if (static_cast<unsigned char>(next) == 0x90)
            next = static_cast<char>(0x8E);
    }
    return unicode.xTokenize(instance->inner, callbackContext, flags, copy.data(), size, callback);
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

Status registerTokenizer(sqlite3* db)
{
    SEN_ASSIGN_OR_RETURN(auto api, fts5Api(db));

    auto* module = new (std::nothrow) Module;
    if (!module)
        return Status(ErrorCode::Internal, QStringLiteral("out of memory"));
    int rc = api->xFindTokenizer(api, "unicode61", &module->unicodeContext, &module->unicode);
    if (rc != SQLITE_OK) {
        delete module;
        return Status(ErrorCode::Unsupported, QStringLiteral("FTS5 has no unicode61 tokenizer"));
    }

    fts5_tokenizer sen{};
    sen.xCreate = createInstance;
    sen.xDelete = deleteInstance;
    sen.xTokenize = tokenize;
    // On success SQLite owns `module` and frees it with destroyModule; on failure we do.
    rc = api->xCreateTokenizer(api, "sen", module, &sen, destroyModule);
    if (rc != SQLITE_OK) {
        delete module;
        return sql::statusFromSqlite(db, rc, "registering the sen tokenizer");
    }
    return Status::ok();
}

QString foldForSearch(const QString& text)
{
    // The same folding the index applies (see the top of this file), in Qt terms: the
    // decomposition splits a letter from its tone and shape marks, which are then dropped.
    QString decomposed = text.toLower().normalized(QString::NormalizationForm_D);
    QString folded;
    folded.reserve(decomposed.size());
    for (QChar c : std::as_const(decomposed)) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        if (c == QChar(u'\u0111')) // đ (Đ was lowered above)
            c = QLatin1Char('d');
        folded.append(c);
    }
    return folded;
}

} // namespace sen::fts
