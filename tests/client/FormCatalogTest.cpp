// The GUI-free form catalog: every database kind has its forms, the demo data's items are
// fields of their forms, titles name documents, and validation reports required fields and
// the secrecy rule before anything reaches the store.

#include "client/forms/FormCatalog.h"

#include "client/core/DocumentJson.h"
#include "client/forms/FormValidation.h"

#include <QCborMap>
#include <QFile>
#include <QSet>
#include <QTimeZone>

#include <catch2/catch.hpp>

using sen::DatabaseKind;
using sen::Document;
using sen::DocumentEdit;
using sen::Item;
using sen::ItemType;
using sen::forms::FormCatalog;
using sen::forms::FormDefinition;

namespace {

QStringList formNames(const std::vector<const FormDefinition*>& forms)
{
    QStringList names;
    for (const FormDefinition* f : forms)
        names << f->name;
    return names;
}

bool hasProblem(const std::vector<sen::forms::FieldProblem>& problems, const QString& item)
{
    return std::any_of(problems.begin(), problems.end(), [&](const auto& p) { return p.item == item; });
}

Document incomingDocument()
{
    DocumentEdit edit = DocumentEdit::create(QStringLiteral("VanBanDen"));
    edit.set(Item::number(QStringLiteral("SoDen"), 12));
    edit.set(Item::dateTime(QStringLiteral("NgayDen"), QDateTime(QDate(2026, 11, 16), {}, QTimeZone::utc())));
    edit.set(Item::text(QStringLiteral("SoKyHieu"), QStringLiteral("125-QĐ/TU")));
    edit.set(
        Item::dateTime(QStringLiteral("NgayBanHanh"), QDateTime(QDate(2026, 11, 12), {}, QTimeZone::utc())));
    edit.set(Item::text(QStringLiteral("CoQuanBanHanh"), QStringLiteral("Tỉnh ủy Hà Nam")));
    edit.set(Item::text(QStringLiteral("LoaiVanBan"), QStringLiteral("Quyết định")));
    edit.set(
        Item::text(QStringLiteral("TrichYeu"), QStringLiteral("Quyết định về việc thành lập Đoàn kiểm tra")));
    return sen::forms::applyEdit({}, edit);
}

} // namespace

TEST_CASE("The catalog offers the forms of each database kind")
{
    // Documents have three main forms, the dossier, the register, a comment and the three
    // processing steps; calendar
    // and news one form each and no responses; every database has its catalogue entries; every
    // form is found by its name.
    CHECK(formNames(FormCatalog::mainForms(DatabaseKind::Documents)) ==
          QStringList{QStringLiteral("VanBanDen"), QStringLiteral("VanBanDi"), QStringLiteral("VanBanNoiBo"),
                      QStringLiteral("HoSo"), QStringLiteral("SoVanBan"), QStringLiteral("LichNghi"),
                      QStringLiteral("DanhMuc")});
    CHECK(formNames(FormCatalog::responseForms(DatabaseKind::Documents)) ==
          QStringList{QStringLiteral("YKien"), QStringLiteral("PhieuXuLy"), QStringLiteral("TrinhVanBan"),
                      QStringLiteral("BaoCaoXuLy")});
    CHECK(formNames(FormCatalog::mainForms(DatabaseKind::Calendar)) ==
          QStringList{QStringLiteral("LichCongTac"), QStringLiteral("DanhMuc")});
    CHECK(formNames(FormCatalog::mainForms(DatabaseKind::News)) ==
          QStringList{QStringLiteral("TinTuc"), QStringLiteral("DanhMuc")});
    CHECK(FormCatalog::responseForms(DatabaseKind::News).empty());
    for (const FormDefinition& form : FormCatalog::all()) {
        CHECK(FormCatalog::find(form.name) == &form);
        QSet<QString> seen;
        for (const auto* field : form.fields()) {
            INFO(form.name.toStdString() << "." << field->item.toStdString());
            CHECK(sen::isValidItemName(field->item));
            CHECK_FALSE(seen.contains(field->item));
            seen.insert(field->item);
            CHECK_FALSE(field->displayLabel().isEmpty());
            // A choice offers its words, or its database's catalogue (docs/catalogues.md).
            if (field->hint == sen::forms::EditorHint::Choice)
                CHECK(field->choices.isEmpty() == field->catalogue.has_value());
        }
    }
    CHECK(FormCatalog::find(QStringLiteral("NoSuchForm")) == nullptr);
}

TEST_CASE("Every item of the demo documents is a field of its form with the same type")
{
    // The demo data is what users first see: each of its items must have an editor.
    for (const char* file : {"documents.jsonl", "calendar.jsonl", "news.jsonl"}) {
        QFile demo(QStringLiteral(SEN_DEMO_DIR "/") + QLatin1String(file));
        REQUIRE(demo.open(QIODevice::ReadOnly));
        while (!demo.atEnd()) {
            const QByteArray line = demo.readLine().trimmed();
            if (line.isEmpty())
                continue;
            auto edit = sen::client::editFromImportLine(line);
            REQUIRE(edit.isOk());
            const FormDefinition* form = FormCatalog::find(edit->form());
            REQUIRE(form != nullptr);
            for (const Item& item : edit->sets()) {
                INFO(form->name.toStdString() << "." << item.name.toStdString());
                const auto* field = form->field(item.name);
                REQUIRE(field != nullptr);
                CHECK(field->type == item.type);
                // A pick list's values are the database's data (docs/catalogues.md), not the form's.
                if (field->hint == sen::forms::EditorHint::Choice && !field->catalogue)
                    CHECK(field->choices.contains(item.toText()));
            }
        }
    }
}

TEST_CASE("A document's title joins its title items and falls back to the form's title")
{
    // An incoming document is named by số/ký hiệu and trích yếu; a calendar entry by its date
    // (dd/MM/yyyy), session and content; an empty document by its form's title.
    const Document doc = incomingDocument();
    const FormDefinition* incoming = FormCatalog::find(QStringLiteral("VanBanDen"));
    CHECK(incoming->documentTitle(doc, 200) ==
          QStringLiteral("125-QĐ/TU — Quyết định về việc thành lập Đoàn kiểm tra"));
    const QString cut = incoming->documentTitle(doc, 20);
    CHECK(cut.size() <= 20);
    CHECK(cut.endsWith(QChar(0x2026)));
    CHECK(incoming->documentTitle(Document{}) == QStringLiteral("Incoming document"));

    DocumentEdit entry = DocumentEdit::create(QStringLiteral("LichCongTac"));
    entry.set(Item::dateTime(QStringLiteral("Ngay"), QDateTime(QDate(2026, 11, 23), {}, QTimeZone::utc())));
    entry.set(Item::text(QStringLiteral("Buoi"), QStringLiteral("Sáng")));
    entry.set(Item::text(QStringLiteral("NoiDung"), QStringLiteral("Giao ban")));
    CHECK(FormCatalog::find(QStringLiteral("LichCongTac"))->documentTitle(sen::forms::applyEdit({}, entry)) ==
          QStringLiteral("23/11/2026 — Sáng — Giao ban"));
}

TEST_CASE("Validation names each required field left empty")
{
    // A new incoming document with nothing filled in lacks its dates, number and symbol, issuer
    // and abstract; filled in, it has no problem. Its arrival number is not asked for: the
    // server gives it (docs/registers.md §Numbering).
    const FormDefinition* incoming = FormCatalog::find(QStringLiteral("VanBanDen"));
    const auto empty = sen::forms::validateDocument(*incoming, Document{});
    for (const char* item : {"NgayDen", "SoKyHieu", "NgayBanHanh", "CoQuanBanHanh", "TrichYeu"})
        CHECK(hasProblem(empty, QLatin1String(item)));
    CHECK_FALSE(hasProblem(empty, QStringLiteral("NguoiKy")));
    CHECK_FALSE(hasProblem(empty, QStringLiteral("SoDen")));
    CHECK(sen::forms::validateDocument(*incoming, incomingDocument()).empty());

    // Whitespace is not a value; a removed item is empty again.
    Document blank = incomingDocument();
    blank.putItem(Item::text(QStringLiteral("TrichYeu"), QStringLiteral("   ")));
    CHECK(hasProblem(sen::forms::validateDocument(*incoming, blank), QStringLiteral("TrichYeu")));
    const Document removed = sen::forms::applyEdit(
        incomingDocument(), DocumentEdit::update(sen::newUnid()).remove(QStringLiteral("CoQuanBanHanh")));
    CHECK(hasProblem(sen::forms::validateDocument(*incoming, removed), QStringLiteral("CoQuanBanHanh")));
}

TEST_CASE("Validation refuses a body, notes and attachments on a classified document")
{
    // Marked Tối mật, a document with a body and an attachment gets a problem for each, while
    // its register fields stay fine; the same fields on an unclassified document are fine.
    const FormDefinition* incoming = FormCatalog::find(QStringLiteral("VanBanDen"));
    Document doc = incomingDocument();
    doc.putItem(Item::richText(QStringLiteral("NoiDung"), QStringLiteral("<p>Nội dung</p>")));
    doc.putItem(Item::withValue(QStringLiteral("$File:a.pdf"), ItemType::Attachment, QCborMap{}, 0));
    CHECK(sen::forms::validateDocument(*incoming, doc).empty());

    doc.putItem(Item::text(QStringLiteral("DoMat"), QStringLiteral("Tối mật")));
    const auto problems = sen::forms::validateDocument(*incoming, doc);
    CHECK(hasProblem(problems, QStringLiteral("NoiDung")));
    CHECK(hasProblem(problems, sen::forms::attachmentsField()));
    CHECK(problems.size() == 2);
    CHECK(sen::forms::blockedBySecrecy(*incoming->field(QStringLiteral("GhiChu"))));
    CHECK_FALSE(sen::forms::blockedBySecrecy(*incoming->field(QStringLiteral("TrichYeu"))));
    CHECK_FALSE(sen::forms::blockedBySecrecy(*incoming->field(QStringLiteral("HanXuLy"))));
    CHECK(sen::forms::secrecyExplanation(sen::acl::Secrecy::ToiMat).contains(QStringLiteral("Tối mật")));
    CHECK(sen::forms::secrecyExplanation(sen::acl::Secrecy::Unclassified).isEmpty());

    // Every register field of every documents form is allowed by the store's own rule. (A
    // dossier, a register, a catalogue entry and a day of the working calendar carry no
    // secrecy marking of their own.)
    for (const FormDefinition* form : FormCatalog::mainForms(DatabaseKind::Documents)) {
        if (form->name == QStringLiteral("HoSo") || form->name == QStringLiteral("SoVanBan") ||
            form->name == QStringLiteral("DanhMuc") || form->name == QStringLiteral("LichNghi"))
            continue;
        for (const auto* field : form->fields()) {
            if (field->type != ItemType::RichText && field->item != QStringLiteral("GhiChu")) {
                INFO(form->name.toStdString() << "." << field->item.toStdString());
                CHECK_FALSE(sen::forms::blockedBySecrecy(*field));
            }
        }
    }
}
