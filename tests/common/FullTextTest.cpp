// Full-text search of one replica: the index kept per document, ranking and snippets, and
// user queries that can never become FTS5 syntax errors (the tokenizer: SenTokenizerTest). Runs on a real
// SQLite file with the two tables the index touches (the columns match common/store/Schema.cpp;
// the index is contentless, so snippets come from the documents' stored items).

#include "tests/common/FullTextFixture.h"

using namespace sen;
using namespace sen::test;

TEST_CASE("A query without diacritics finds every spelling of the words", "[fts]")
{
    // "dang uy" typed on a keyboard without Vietnamese input finds the accented, the plain and
    // the upper-case spellings, and not a document with only one of the words.
    IndexFixture fixture;
    const auto accented = fixture.addText(QStringLiteral("Thông báo của Đảng ủy khối"));
    const auto plain = fixture.addText(QStringLiteral("Dang Uy khoi co quan"));
    const auto upper = fixture.addText(QStringLiteral("ĐẢNG ỦY TỈNH"));
    fixture.addText(QStringLiteral("Đảng bộ huyện"));

    CHECK(fixture.ids(QStringLiteral("dang uy")) == QSet<std::int64_t>{accented, plain, upper});
}

TEST_CASE("An accented query finds the plain spelling", "[fts]")
{
    // Folding applies to queries too: "Đảng" finds a document that spells it "dang".
    IndexFixture fixture;
    const auto plain = fixture.addText(QStringLiteral("bao cao cua dang bo"));
    fixture.addText(QStringLiteral("bao cao tai chinh"));

    CHECK(fixture.ids(QStringLiteral("Đảng")) == QSet<std::int64_t>{plain});
}

TEST_CASE("Query words match as prefixes", "[fts]")
{
    // A partly typed word finds the longer accented words it starts.
    IndexFixture fixture;
    const auto decision = fixture.addText(QStringLiteral("Quyết định số 45 về việc bổ nhiệm"));
    fixture.addText(QStringLiteral("Quy chế làm việc"));

    CHECK(fixture.ids(QStringLiteral("quyet")) == QSet<std::int64_t>{decision});
    CHECK(fixture.ids(QStringLiteral("quyet dinh")) == QSet<std::int64_t>{decision});
    CHECK(fixture.ids(QStringLiteral("quy")).size() == 2);
    CHECK(fixture.ids(QStringLiteral("bo nhi")) == QSet<std::int64_t>{decision});
}

TEST_CASE("A quoted phrase requires the words together and in order", "[fts]")
{
    // "ban chấp hành" in quotes finds the adjacent words, not the same words scattered.
    IndexFixture fixture;
    const auto together = fixture.addText(QStringLiteral("Hội nghị Ban Chấp hành Trung ương lần thứ 6"));
    const auto scattered = fixture.addText(QStringLiteral("Ban hành quy định, chấp thuận đề nghị"));

    CHECK(fixture.ids(QStringLiteral("\"ban chấp hành\"")) == QSet<std::int64_t>{together});
    CHECK(fixture.ids(QStringLiteral("ban chấp hành")) == QSet<std::int64_t>{together, scattered});
    // Curly quotes from word processors, and a phrase mixed with loose words.
    CHECK(fixture.ids(QStringLiteral("“ban chap hanh” trung")) == QSet<std::int64_t>{together});
    // An unclosed quote runs to the end.
    CHECK(fixture.ids(QStringLiteral("hội \"ban chấp hành")) == QSet<std::int64_t>{together});
}

TEST_CASE("Documents with more matches rank first", "[fts]")
{
    // Of two documents of similar length, the one that mentions the query words more often is
    // the first hit, and ranks are in ascending bm25 order.
    IndexFixture fixture;
    const auto once = fixture.addText(QStringLiteral(
        "Báo cáo ngân sách quý một. Công tác tổ chức cán bộ, kiểm tra giám sát, tuyên giáo, dân vận."));
    const auto often = fixture.addText(QStringLiteral(
        "Ngân sách tỉnh, ngân sách huyện, ngân sách xã. Dự toán ngân sách năm tới và quyết toán."));
    fixture.addText(QStringLiteral("Kế hoạch công tác tháng tới"));

    const auto hits = fixture.search(QStringLiteral("ngan sach"));
    REQUIRE(hits.size() == 2);
    CHECK(hits[0].docId == often);
    CHECK(hits[1].docId == once);
    CHECK(hits[0].rank < hits[1].rank);
}

TEST_CASE("Hits carry the UNID and a snippet of the original text with the matches marked", "[fts]")
{
    // Searching without diacritics returns the document's UNID and a snippet that shows the
    // words as written, wrapped in the caller's markers.
    IndexFixture fixture;
    const Document doc =
        IndexFixture::textDocument(QStringLiteral("Ban Thường vụ Đảng ủy tỉnh họp phiên thường kỳ"));
    const auto id = fixture.add(doc);

    SearchOptions options;
    options.highlightOpen = QStringLiteral("<b>");
    options.highlightClose = QStringLiteral("</b>");
    const auto hits = fixture.search(QStringLiteral("dang uy"), options);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].docId == id);
    CHECK(hits[0].unid == doc.unid);
    CHECK(hits[0].snippet.contains(QStringLiteral("<b>Đảng</b> <b>ủy</b>")));

    const auto defaults = fixture.search(QStringLiteral("thuong"));
    REQUIRE(defaults.size() == 1);
    CHECK(defaults[0].snippet.contains(QStringLiteral("[Thường]")));
    CHECK(defaults[0].snippet.contains(QStringLiteral("[thường]")));
}

TEST_CASE("A long document's snippet is cut with an ellipsis", "[fts]")
{
    // A match deep inside long text comes back as a short window marked "…" where it was cut.
    IndexFixture fixture;
    QStringList words;
    for (int i = 0; i < 200; ++i)
        words << QStringLiteral("văn bản");
    words.insert(100, QStringLiteral("mật"));
    fixture.addText(words.join(u' '));

    const auto hits = fixture.search(QStringLiteral("mat"));
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].snippet.contains(QStringLiteral("[mật]")));
    CHECK(hits[0].snippet.startsWith(QStringLiteral("…")));
    CHECK(hits[0].snippet.endsWith(QStringLiteral("…")));
    CHECK(hits[0].snippet.size() < 120);
}

TEST_CASE("Reindexing a document replaces its old text", "[fts]")
{
    // After an edit the new words are found and the old ones are not.
    IndexFixture fixture;
    Document doc = IndexFixture::textDocument(QStringLiteral("Dự thảo lần một"));
    const auto id = fixture.add(doc);
    REQUIRE(fixture.ids(QStringLiteral("du thao")) == QSet<std::int64_t>{id});

    const Document before = doc;
    doc.putItem(Item::text(QStringLiteral("Body"), QStringLiteral("Văn bản chính thức")));
    fixture.update(id, before, doc);

    CHECK(fixture.ids(QStringLiteral("du thao")).isEmpty());
    CHECK(fixture.ids(QStringLiteral("chinh thuc")) == QSet<std::int64_t>{id});
    CHECK(fixture.indexedRows() == 1);
}

TEST_CASE("A deleted document leaves the index", "[fts]")
{
    // Updating to a deletion stub removes the document's text; remove() does the same directly.
    IndexFixture fixture;
    Document doc = IndexFixture::textDocument(QStringLiteral("Công văn khẩn"));
    const auto id = fixture.add(doc);
    const Document otherDoc = IndexFixture::textDocument(QStringLiteral("Công văn thường"));
    const auto other = fixture.add(otherDoc);
    REQUIRE(fixture.ids(QStringLiteral("cong van")).size() == 2);

    Document stub;
    stub.unid = doc.unid;
    stub.flags = Deleted;
    fixture.update(id, doc, stub);
    CHECK(fixture.ids(QStringLiteral("cong van")) == QSet<std::int64_t>{other});

    REQUIRE(fixture.index().remove(other, encodeItems(otherDoc.items)).isOk());
    CHECK(fixture.ids(QStringLiteral("cong van")).isEmpty());
    CHECK(fixture.indexedRows() == 0);
}

TEST_CASE("Only live text, list, names and rich text items are indexed", "[fts]")
{
    // Numbers, dates, reader/author lists, tombstones and encrypted items stay out of the
    // index; text lists and names go in.
    IndexFixture fixture;
    Document doc = IndexFixture::textDocument(QStringLiteral("chủ đề"));
    doc.putItem(Item::textList(QStringLiteral("Tags"), {QStringLiteral("khẩn"), QStringLiteral("mật")}));
    doc.putItem(
        Item::names(QStringLiteral("Signer"), ItemType::Names, {QStringLiteral("Nguyễn Văn A/VPTU/HaNoi")}));
    doc.putItem(
        Item::names(QStringLiteral("Readers"), ItemType::Readers, {QStringLiteral("Trần Thị B/VPTU")}));
    doc.putItem(Item::names(QStringLiteral("Authors"), ItemType::Authors, {QStringLiteral("Lê Văn C/VPTU")}));
    doc.putItem(Item::number(QStringLiteral("Count"), 4242));
    doc.putItem(Item::text(QStringLiteral("Secret"), QStringLiteral("ciphertextblob"), Encrypted));
    Item removed = Item::text(QStringLiteral("Old"), QStringLiteral("removed"));
    removed.value = QCborValue(); // a tombstone
    doc.putItem(removed);
    const auto id = fixture.add(doc);

    CHECK(fixture.ids(QStringLiteral("chu de")) == QSet<std::int64_t>{id});
    CHECK(fixture.ids(QStringLiteral("khan mat")) == QSet<std::int64_t>{id});
    CHECK(fixture.ids(QStringLiteral("nguyen van a vptu")) == QSet<std::int64_t>{id});
    CHECK(fixture.ids(QStringLiteral("tran")).isEmpty());
    CHECK(fixture.ids(QStringLiteral("le van c")).isEmpty());
    CHECK(fixture.ids(QStringLiteral("4242")).isEmpty());
    CHECK(fixture.ids(QStringLiteral("ciphertext")).isEmpty());
    CHECK(fixture.ids(QStringLiteral("removed")).isEmpty());
}

TEST_CASE("Rich text is indexed without its markup", "[fts]")
{
    // HTML as Qt writes it: the visible words (entities decoded, inline tags inside a word
    // joined) are found; tag names, attributes and the style sheet are not.
    IndexFixture fixture;
    Document doc;
    doc.unid = newUnid();
    doc.putItem(Item::richText(
        QStringLiteral("Body"),
        QStringLiteral(
            "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.0//EN\">\n"
            "<html><head><meta name=\"qrichtext\" content=\"1\" /><style type=\"text/css\">\n"
            "p, li { white-space: pre-wrap; }\n</style></head>"
            "<body style=\" font-family:'Segoe UI'; font-size:9pt;\">\n"
            "<p><span style=\" font-weight:700;\">Kính gửi</span>: các <b>Đ</b>ảng bộ trực thuộc</p>"
            "<!-- a comment --><div class=\"note\">Tr&#432;&#x1edd;ng h&#7907;p &amp; ngo&agrave;i "
            "l&#7879;<br/>Xem&nbsp;tiếp</div><p>a &lt; b &unknown; c</p></body></html>")));
    const auto id = fixture.add(doc);

    CHECK(fixture.ids(QStringLiteral("kinh gui")) == QSet<std::int64_t>{id});
    CHECK(fixture.ids(QStringLiteral("dang bo truc thuoc")) == QSet<std::int64_t>{id});
    CHECK(fixture.ids(QStringLiteral("truong hop")) == QSet<std::int64_t>{id});
    CHECK(fixture.ids(QStringLiteral("xem tiep")) == QSet<std::int64_t>{id});
    CHECK(fixture.ids(QStringLiteral("\"xem tiep\"")) == QSet<std::int64_t>{id});
    CHECK(fixture.ids(QStringLiteral("unknown")) == QSet<std::int64_t>{id});
    for (const char* markup : {"div", "span", "style", "font", "weight", "segoe", "qrichtext", "html",
                               "doctype", "pre", "wrap", "comment", "note", "amp", "nbsp", "br", "432"}) {
        INFO(markup);
        CHECK(fixture.ids(QLatin1String(markup)).isEmpty());
    }
}

TEST_CASE("A query with no words returns no hits", "[fts]")
{
    // Empty, blank and punctuation-only queries are not errors; they just find nothing.
    IndexFixture fixture;
    fixture.addText(QStringLiteral("văn bản"));
    for (const QString& query :
         {QString(), QStringLiteral("   "), QStringLiteral("\t\n"), QStringLiteral("?!.,;"),
          QStringLiteral("\"\""), QStringLiteral("--- *** ..."), QStringLiteral("\u0301")}) {
        INFO(query.toStdString());
        CHECK(fixture.search(query).empty());
    }
}

TEST_CASE("No user query is an FTS5 syntax error", "[fts]")
{
    // Operators, column filters, unbalanced quotes and parentheses are searched as text (or
    // dropped as punctuation), never passed to FTS5 as syntax.
    IndexFixture fixture;
    const auto notes = fixture.addText(QStringLiteral("notes and or near body x"));
    const QStringList nasty = {QStringLiteral("\""),
                               QStringLiteral("*"),
                               QStringLiteral("NOT"),
                               QStringLiteral("AND OR"),
                               QStringLiteral("("),
                               QStringLiteral(")"),
                               QStringLiteral("đ:"),
                               QStringLiteral("-x"),
                               QStringLiteral("^"),
                               QStringLiteral("NEAR("),
                               QStringLiteral("NEAR(a b, 3)"),
                               QStringLiteral("body:x"),
                               QStringLiteral("{body}: x"),
                               QStringLiteral("x OR"),
                               QStringLiteral("NOT x"),
                               QStringLiteral("x NOT"),
                               QStringLiteral("\"\"\""),
                               QStringLiteral("a\"b\"c\""),
                               QStringLiteral("x*"),
                               QStringLiteral("*x"),
                               QStringLiteral("+x"),
                               QStringLiteral("'x'"),
                               QStringLiteral("x\\"),
                               QStringLiteral("rank:x"),
                               QStringLiteral("fulltext"),
                               QStringLiteral("x\u0000y"),
                               QStringLiteral("🙂 x"),
                               QStringLiteral("\U0001E900"),
                               QStringLiteral("a\u0301\u0301"),
                               QStringLiteral("x").repeated(5000),
                               QStringLiteral("x ").repeated(300)};
    for (const QString& query : nasty) {
        INFO(query.left(40).toStdString());
        CHECK(fixture.index().search(query).isOk());
    }
    // Operator words are ordinary words.
    CHECK(fixture.ids(QStringLiteral("NOT")) == QSet<std::int64_t>{notes});
    CHECK(fixture.ids(QStringLiteral("AND OR")) == QSet<std::int64_t>{notes});
    CHECK(fixture.ids(QStringLiteral("NEAR(")) == QSet<std::int64_t>{notes});
    CHECK(fixture.ids(QStringLiteral("body:x")) == QSet<std::int64_t>{notes});
    CHECK(fixture.ids(QStringLiteral("-x")) == QSet<std::int64_t>{notes});
}

TEST_CASE("limit and offset page through the ranked hits", "[fts]")
{
    // Pages of a ranked result list join up without gaps or repeats.
    IndexFixture fixture;
    for (int i = 0; i < 7; ++i)
        fixture.addText(QStringLiteral("hồ sơ số %1 ").arg(i) + QStringLiteral("lưu trữ ").repeated(i + 1));

    const auto all = fixture.search(QStringLiteral("luu tru"));
    REQUIRE(all.size() == 7);
    std::vector<std::int64_t> paged;
    for (int offset = 0; offset < 9; offset += 3) {
        SearchOptions options;
        options.limit = 3;
        options.offset = offset;
        for (const SearchHit& hit : fixture.search(QStringLiteral("luu tru"), options))
            paged.push_back(hit.docId);
    }
    std::vector<std::int64_t> expected;
    for (const SearchHit& hit : all)
        expected.push_back(hit.docId);
    CHECK(paged == expected);

    SearchOptions none;
    none.limit = 0;
    CHECK(fixture.search(QStringLiteral("luu tru"), none).empty());
}

TEST_CASE("Indexing joins the caller's transaction", "[fts]")
{
    // Index changes made inside a transaction that rolls back are gone with it; committed ones
    // stay.
    IndexFixture fixture;
    const Document keptDoc = IndexFixture::textDocument(QStringLiteral("biên bản họp"));
    const auto kept = fixture.add(keptDoc);
    {
        sql::SqlTransaction tx(fixture.db());
        REQUIRE(tx.beginStatus().isOk());
        fixture.addText(QStringLiteral("biên bản hủy"));
        REQUIRE(fixture.index().remove(kept, encodeItems(keptDoc.items)).isOk());
        CHECK(fixture.ids(QStringLiteral("bien ban")).size() == 1);
    } // rolled back
    CHECK(fixture.ids(QStringLiteral("bien ban")) == QSet<std::int64_t>{kept});
    {
        sql::SqlTransaction tx(fixture.db());
        REQUIRE(tx.beginStatus().isOk());
        fixture.addText(QStringLiteral("biên bản giao nhận"));
        REQUIRE(tx.commit().isOk());
    }
    CHECK(fixture.ids(QStringLiteral("bien ban")).size() == 2);
}

TEST_CASE("Index rows without a document are not returned", "[fts]")
{
    // A row left in the index for a document row that no longer exists is skipped, not
    // returned with a null UNID.
    IndexFixture fixture;
    const auto gone = fixture.addText(QStringLiteral("tài liệu mất"));
    const auto kept = fixture.addText(QStringLiteral("tài liệu còn"));
    auto del = fixture.db().prepare("DELETE FROM documents WHERE id = ?1");
    REQUIRE(del.isOk());
    REQUIRE(del->bind(1, gone).exec().isOk());

    CHECK(fixture.ids(QStringLiteral("tai lieu")) == QSet<std::int64_t>{kept});
}

TEST_CASE("The tokenizer can be registered on a fresh connection to an existing index", "[fts]")
{
    // A second connection to the same file registers the tokenizer and reads the index
    // written by the first.
    test::TempDir dir;
    const QString path = dir.path(QStringLiteral("replica.sen"));
    sql::SqlDatabase::OpenOptions options;
    options.create = true;
    {
        auto db = sql::SqlDatabase::open(path, options);
        REQUIRE(db.isOk());
        REQUIRE(fts::registerTokenizer((*db)->handle()).isOk());
        REQUIRE((*db)->exec(FullTextIndex::createTableSql()).isOk());
        REQUIRE((*db)->exec(kDocumentsTableSql).isOk());
        REQUIRE((*db)->exec(AttachmentTextStore::createTableSql()).isOk());
        const Document doc = IndexFixture::textDocument(QStringLiteral("Điện mật"));
        putRow(**db, stamped(doc), 7);
        FullTextIndex index(**db);
        REQUIRE(index.add(7, encodeItems(doc.items)).isOk());
    }
    auto db = sql::SqlDatabase::open(path, {});
    REQUIRE(db.isOk());
    // Without the tokenizer the table cannot be used at all.
    CHECK_FALSE(FullTextIndex(**db).search(QStringLiteral("dien")).isOk());
    REQUIRE(fts::registerTokenizer((*db)->handle()).isOk());
    const auto hits = FullTextIndex(**db).search(QStringLiteral("dien mat"));
    REQUIRE(hits.isOk());
    REQUIRE(hits->size() == 1);
    CHECK(hits->at(0).docId == 7);
}

TEST_CASE("Only the last query word matches as a prefix", "[fts]")
{
    // As in a search box that searches while one types: the words before the last are whole
    // words, the last may be unfinished; an unclosed phrase's last word too, a closed one not.
    IndexFixture fixture;
    const auto decision = fixture.addText(QStringLiteral("Quyết định số 45 của Đảng ủy"));
    const auto rule = fixture.addText(QStringLiteral("Quy định về văn thư"));

    CHECK(fixture.ids(QStringLiteral("quyet di")) == QSet<std::int64_t>{decision});
    CHECK(fixture.ids(QStringLiteral("quy dinh")) == QSet<std::int64_t>{rule});
    CHECK(fixture.ids(QStringLiteral("quy")) == QSet<std::int64_t>{decision, rule});
    CHECK(fixture.ids(QStringLiteral("Đả")) == QSet<std::int64_t>{decision});
    CHECK(fixture.ids(QStringLiteral("\"quyet dinh so")) == QSet<std::int64_t>{decision});
    CHECK(fixture.ids(QStringLiteral("\"quyet di\"")).isEmpty());
    CHECK(fixture.ids(QStringLiteral("\"quy\" dinh")) == QSet<std::int64_t>{rule});
}

TEST_CASE("A rare word counts for more than a common one", "[fts]")
{
    // Of two documents with the same words, the one repeating the word fewer documents
    // contain ranks first.
    IndexFixture fixture;
    for (int i = 0; i < 20; ++i)
        fixture.addText(QStringLiteral("công văn số %1").arg(i));
    const auto commonRepeated = fixture.addText(QStringLiteral("công văn công văn công văn khẩn"));
    const auto rareRepeated = fixture.addText(QStringLiteral("công văn khẩn khẩn khẩn"));

    const auto hits = fixture.search(QStringLiteral("cong khan"));
    REQUIRE(hits.size() == 2);
    CHECK(hits[0].docId == rareRepeated);
    CHECK(hits[1].docId == commonRepeated);
}

TEST_CASE("A phrase is highlighted as one span, separate words separately", "[fts]")
{
    // Snippets mark each match of each phrase; a phrase's words are marked together.
    IndexFixture fixture;
    fixture.addText(QStringLiteral("Hội nghị Ban Chấp hành Đảng bộ tỉnh"));
    const auto phrase = fixture.search(QStringLiteral("\"ban chap hanh\""));
    REQUIRE(phrase.size() == 1);
    CHECK(phrase[0].snippet == QStringLiteral("Hội nghị [Ban Chấp hành] Đảng bộ tỉnh"));
    const auto words = fixture.search(QStringLiteral("hanh ban"));
    REQUIRE(words.size() == 1);
    CHECK(words[0].snippet == QStringLiteral("Hội nghị [Ban] Chấp [hành] Đảng bộ tỉnh"));
}

TEST_CASE("Snippets come from the document's current text", "[fts]")
{
    // After an edit the snippet shows the new wording, from the stored items, not the old.
    IndexFixture fixture;
    const Document before = IndexFixture::textDocument(QStringLiteral("Dự thảo kế hoạch năm"));
    const auto id = fixture.add(before);
    Document after = before;
    after.putItem(Item::text(QStringLiteral("Body"), QStringLiteral("Kế hoạch chính thức năm")));
    fixture.update(id, before, after);
    const auto hits = fixture.search(QStringLiteral("ke hoach"));
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].snippet == QStringLiteral("[Kế] [hoạch] chính thức năm"));
}

TEST_CASE("An edit that leaves the text alone does not touch the index", "[fts]")
{
    // Changing a number or a date changes no indexed text, so nothing is written.
    IndexFixture fixture;
    Document before = IndexFixture::textDocument(QStringLiteral("Báo cáo tháng"));
    before.putItem(Item::number(QStringLiteral("So"), 1));
    const auto id = fixture.add(before);
    Document after = before;
    after.putItem(Item::number(QStringLiteral("So"), 2));
    const std::int64_t changes = fixture.db().totalChanges();
    REQUIRE(fixture.index().update(id, encodeItems(before.items), encodeItems(after.items)).isOk());
    CHECK(fixture.db().totalChanges() == changes);
}

TEST_CASE("Updates and removals in one transaction leave no stray terms", "[fts]")
{
    // Many edits of the same and of other documents in one transaction (as a batch or a
    // replication run makes): afterwards the index holds exactly the current text, and FTS5's
    // own integrity check passes.
    IndexFixture fixture;
    Document a = IndexFixture::textDocument(QStringLiteral("alpha một"));
    Document b = IndexFixture::textDocument(QStringLiteral("beta hai"));
    Document c = IndexFixture::textDocument(QStringLiteral("gamma ba"));
    const auto idA = fixture.add(a);
    const auto idB = fixture.add(b);
    const auto idC = fixture.add(c);
    {
        sql::SqlTransaction tx(fixture.db());
        REQUIRE(tx.beginStatus().isOk());
        for (int round = 0; round < 5; ++round) {
            Document next = a;
            next.putItem(Item::text(QStringLiteral("Body"), QStringLiteral("alpha lần %1").arg(round)));
            fixture.update(idA, a, next);
            a = next;
            Document nextC = c;
            nextC.putItem(Item::text(QStringLiteral("Body"), QStringLiteral("gamma vòng %1").arg(round)));
            fixture.update(idC, c, nextC);
            c = nextC;
        }
        REQUIRE(fixture.index().remove(idB, encodeItems(b.items)).isOk());
        REQUIRE(tx.commit().isOk());
    }
    CHECK(fixture.vocabulary() == QSet<QString>{QStringLiteral("alpha"), QStringLiteral("lan"),
                                                QStringLiteral("4"), QStringLiteral("gamma"),
                                                QStringLiteral("vong")});
    CHECK(fixture.indexedRows() == 2);
    CHECK(fixture.db().exec("INSERT INTO fulltext(fulltext) VALUES ('integrity-check')").isOk());
    CHECK(fixture.ids(QStringLiteral("alpha")) == QSet<std::int64_t>{idA});
}

TEST_CASE("Bad input: items that are not canonical CBOR are refused", "[fts]")
{
    // The index reads a document's text from its encoded items; bytes that are not an items
    // array are Corruption, and nothing is indexed.
    IndexFixture fixture;
    for (const QByteArray& bad : {QByteArray(), QByteArray("\xA0", 1), QByteArray("\x81\x83\x61x\x01\x00", 6),
                                  QByteArray("\x81\x87\x64"
                                             "Body\x01\x00\x7F",
                                             9)}) {
        INFO(bad.toHex().toStdString());
        CHECK(fixture.index().add(1, bad).code() == ErrorCode::Corruption);
    }
    CHECK(fixture.indexedRows() == 0);
}

TEST_CASE("Words standing together in the order typed rank before scattered ones", "[fts]")
{
    // Issue #13: "dang uy" listed "Đang xử lý … Huyện ủy" (both words, apart) before
    // "Đảng ủy phường" (the two words as typed). The scattered document is the newer and
    // mentions the words more often, so without word order it would come first.
    IndexFixture fixture;
    const auto together = fixture.addText(QStringLiteral("Đảng ủy phường họp"));
    const auto scattered = fixture.addText(
        QStringLiteral("Đang xử lý công văn của Huyện ủy. Đang chờ ý kiến Thường trực Huyện ủy."));

    for (const QString& query : {QStringLiteral("dang uy"), QStringLiteral("Đảng ủy"),
                                 QStringLiteral("ĐANG UY"), QStringLiteral("đang ủy")}) {
        INFO(query.toStdString());
        const auto hits = fixture.search(query);
        REQUIRE(hits.size() == 2);
        CHECK(hits[0].docId == together);
        CHECK(hits[1].docId == scattered);
    }
    // The reverse order typed is not the order in the text: relevance decides again.
    const auto reversed = fixture.search(QStringLiteral("uy dang"));
    REQUIRE(reversed.size() == 2);
    CHECK(reversed[0].docId == scattered);
}

TEST_CASE("The more of the query stands in order, the higher the document", "[fts]")
{
    // Three words: all three in a run, then two of them together, then none together.
    IndexFixture fixture;
    const auto run = fixture.addText(QStringLiteral("Ban chấp hành Đảng bộ tỉnh"));
    const auto pair = fixture.addText(QStringLiteral("Chấp hành nghị quyết của ban thường vụ"));
    const auto none = fixture.addText(QStringLiteral("Hành chính: ban hành quy chế, chấp thuận đề án"));

    const auto hits = fixture.search(QStringLiteral("ban chap hanh"));
    REQUIRE(hits.size() == 3);
    CHECK(hits[0].docId == run);
    CHECK(hits[1].docId == pair);
    CHECK(hits[2].docId == none);
    CHECK(hits[0].rank < hits[1].rank);
    CHECK(hits[1].rank < hits[2].rank);
}

TEST_CASE("Filter words narrow the hits without ranking or highlighting", "[fts]")
{
    IndexFixture fixture;
    const auto province = fixture.addText(QStringLiteral("Công văn của UBND tỉnh về phòng chống lụt bão"));
    const auto district = fixture.addText(QStringLiteral("Công văn của UBND huyện về lụt bão"));

    SearchOptions options;
    options.filterWords = {QStringLiteral("tinh")};
    const auto hits = fixture.search(QStringLiteral("lut bao"), options);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].docId == province);
    CHECK(hits[0].snippet.contains(QStringLiteral("[lụt]")));
    CHECK_FALSE(hits[0].snippet.contains(QStringLiteral("[tỉnh]")));

    // Filters alone: every document that has them, newest first, all ranked alike.
    options.filterWords = {QStringLiteral("UBND cong")};
    const auto alone = fixture.search(QString(), options);
    REQUIRE(alone.size() == 2);
    CHECK(alone[0].docId == district);
    CHECK(alone[1].docId == province);
    CHECK(alone[0].rank == alone[1].rank);
}
