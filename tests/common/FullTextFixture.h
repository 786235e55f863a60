#pragma once

// Shared by the full-text tests: every Vietnamese vowel, a documents table with the columns
// the index reads, and a fixture holding an index on a real SQLite file.

#include "common/core/Ids.h"
#include "common/fts/AttachmentTextStore.h"
#include "common/fts/FullTextIndex.h"
#include "common/fts/SenTokenizer.h"
#include "common/model/Document.h"
#include "common/model/DocumentCodec.h"
#include "common/sql/SqlDatabase.h"
#include "common/sql/SqlTransaction.h"
#include "tests/support/TempDir.h"

#include <QSet>
#include <QStringList>

#include <catch2/catch.hpp>
#include <memory>
#include <vector>

namespace sen::test {

// Every Vietnamese vowel letter in both cases, composed (NFC), with its plain base letter:
// a ă â e ê i o ô ơ u ư y, each bare and with each of the five tone marks.
struct Letter
{
    QString letter;
    QChar base;
};
inline std::vector<Letter> vietnameseVowels()
{
    const QString bases = QStringLiteral("aăâeêioôơuưy");
    const char16_t tones[] = {0, 0x0300, 0x0301, 0x0309, 0x0303, 0x0323}; // none ` ´ ̉ ~ ̣
    std::vector<Letter> letters;
    for (QChar b : bases) {
        const QChar plain = QString(b).normalized(QString::NormalizationForm_D).at(0);
        for (char16_t tone : tones) {
            QString decomposed(b);
            if (tone)
                decomposed.append(QChar(tone));
            const QString lower = decomposed.normalized(QString::NormalizationForm_C);
            letters.push_back({lower, plain});
            letters.push_back({lower.toUpper(), plain});
        }
    }
    return letters;
}

// The documents table with the columns the index reads, and the meta table, where it finds
// the mark of a deferred build (see common/store/Schema.cpp).
inline constexpr const char* kDocumentsTableSql =
    "CREATE TABLE documents(id INTEGER PRIMARY KEY, unid BLOB NOT NULL UNIQUE, versions BLOB NOT NULL, "
    "items BLOB NOT NULL); "
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value ANY) STRICT, WITHOUT ROWID";

// Stamps every item with one edit of one instance, so the stored items decode as a
// replica's would.
inline Document stamped(Document doc)
{
    static const InstanceId instance = newInstanceId();
    for (Item& item : doc.items)
        item.stamp = Stamp{Dot{instance, 1}, makeHlc(1000, 0)};
    doc.versions.set(instance, 1);
    return doc;
}

// Writes the document's row as the store would: id, UNID, version vector and items.
inline std::int64_t putRow(sql::SqlDatabase& db, const Document& doc, std::int64_t id = 0)
{
    auto put =
        db.prepare("INSERT OR REPLACE INTO documents(id, unid, versions, items) VALUES (?1, ?2, ?3, ?4)");
    REQUIRE(put.isOk());
    if (id)
        put->bind(1, id);
    else
        put->bindNull(1);
    put->bind(2, QByteArrayView(doc.unid.toBytes()))
        .bind(3, encodeValue(doc.versions.toCbor()))
        .bind(4, encodeItems(doc.items));
    REQUIRE(put->exec().isOk());
    return id ? id : db.lastInsertRowId();
}

class IndexFixture
{
public:
    IndexFixture() : m_db(open(m_dir)), m_index(*m_db) {}

    sql::SqlDatabase& db() { return *m_db; }
    FullTextIndex& index() { return m_index; }

    // Adds a row to `documents` and indexes the document; returns its row id.
    std::int64_t add(const Document& doc)
    {
        const std::int64_t id = putRow(*m_db, stamped(doc));
        REQUIRE(m_index.add(id, encodeItems(doc.items)).isOk());
        return id;
    }
    std::int64_t addText(const QString& text) { return add(textDocument(text)); }
    // Replaces the document's row and its indexed text, as a save does.
    void update(std::int64_t id, const Document& before, const Document& after)
    {
        putRow(*m_db, stamped(after), id);
        REQUIRE(m_index.update(id, encodeItems(before.items), encodeItems(after.items)).isOk());
    }

    std::vector<SearchHit> search(const QString& query, const SearchOptions& options = {})
    {
        auto hits = m_index.search(query, options);
        INFO("query: " << query.toStdString() << " error: " << hits.status().toString().toStdString());
        REQUIRE(hits.isOk());
        return std::move(hits).value();
    }
    QSet<std::int64_t> ids(const QString& query)
    {
        QSet<std::int64_t> found;
        for (const SearchHit& hit : search(query))
            found.insert(hit.docId);
        return found;
    }

    // How many documents the index holds. The table is contentless and keeps no per-row
    // sizes, so "SELECT count(*)" cannot scan it; FTS5 keeps the count as the first varint
    // of its "averages" record (row 1 of fulltext_data), written at each commit.
    std::int64_t indexedRows()
    {
        auto stmt = m_db->prepare("SELECT block FROM fulltext_data WHERE id = 1");
        REQUIRE(stmt.isOk());
        auto row = stmt->step();
        REQUIRE(row.isOk());
        if (!*row)
            return 0;
        const QByteArrayView block = stmt->blobView(0);
        std::int64_t count = 0;
        for (const char byte : block) { // SQLite's varint: 7 bits a byte, high bit continues
            count = (count << 7) | (static_cast<unsigned char>(byte) & 0x7F);
            if (!(static_cast<unsigned char>(byte) & 0x80))
                break;
        }
        return count;
    }

    // The folded terms the index holds, via FTS5's own vocabulary table.
    QSet<QString> vocabulary()
    {
        REQUIRE(
            m_db->exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.vocab USING fts5vocab(main, fulltext, row)")
                .isOk());
        auto stmt = m_db->prepare("SELECT term FROM temp.vocab");
        REQUIRE(stmt.isOk());
        QSet<QString> terms;
        for (;;) {
            auto row = stmt->step();
            REQUIRE(row.isOk());
            if (!*row)
                break;
            terms.insert(stmt->text(0));
        }
        return terms;
    }

    static Document textDocument(const QString& text)
    {
        Document doc;
        doc.unid = newUnid();
        doc.form = QStringLiteral("Memo");
        doc.putItem(Item::text(QStringLiteral("Body"), text));
        return doc;
    }

private:
    static std::unique_ptr<sql::SqlDatabase> open(const test::TempDir& dir)
    {
        sql::SqlDatabase::OpenOptions options;
        options.create = true;
        auto db = sql::SqlDatabase::open(dir.path(QStringLiteral("replica.sen")), options);
        REQUIRE(db.isOk());
        REQUIRE(fts::registerTokenizer((*db)->handle()).isOk());
        REQUIRE((*db)->exec(FullTextIndex::createTableSql()).isOk());
        REQUIRE((*db)->exec(kDocumentsTableSql).isOk());
        // The index reads what each row holds of its attachments' text (schema version 5).
        REQUIRE((*db)->exec(AttachmentTextStore::createTableSql()).isOk());
        return std::move(db).value();
    }

    test::TempDir m_dir;
    std::unique_ptr<sql::SqlDatabase> m_db;
    FullTextIndex m_index;
};

inline bool isAscii(const QString& text)
{
    for (QChar c : text) {
        if (c.unicode() > 0x7F)
            return false;
    }
    return true;
}

} // namespace sen::test
